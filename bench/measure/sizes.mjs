// Sizes of every build output (the widgets' and the SDK's own rollup configs, generated in memory,
// nothing written), beside the equivalent form controls of Shoelace and Web Awesome and
// openapi-fetch, bundled with esbuild the way an app would.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { REPO } from '../lib/paths.mjs';
import { kB } from '../lib/report.mjs';
import { addSizes, bundleSource, sizesOf } from '../lib/sizes.mjs';

export const title = 'Sizes (min / gzip / brotli)';

/** Issue 11's budget for the SDK core; the widgets' budgets come from their build. */
const SDK_CORE_BUDGET = 10 * 1024;

/** Runs one rollup config in memory; returns the output bundle (file name -> chunk). */
async function generate(config) {
  const plugins = (config.plugins ?? []).filter(
    (p) => p && !['cc-finish', 'cc-size-report'].includes(p.name),
  );
  const bundle = await rollup({ ...config, plugins, onwarn: () => {} });
  const outputs = Array.isArray(config.output) ? config.output : [config.output];
  const { output } = await bundle.generate(outputs[0]);
  await bundle.close();
  return Object.fromEntries(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
}

function closure(bundle, fileName, seen = new Set()) {
  if (seen.has(fileName) || !bundle[fileName]) return seen;
  seen.add(fileName);
  for (const f of bundle[fileName].imports) closure(bundle, f, seen);
  return seen;
}

const zero = { min: 0, gzip: 0, brotli: 0 };
const row = (name, s, note = '') => [name, kB(s.min), kB(s.gzip), kB(s.brotli), note];

export async function run({ log, quick }) {
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    return await measure(log, quick);
  } finally {
    process.chdir(cwd);
  }
}

async function measure(log, quick) {
  const {
    default: widgets,
    BUDGET: WIDGET_BUDGET,
    collectOwnCode,
    minifyOwnCode,
    composition,
  } = await import(pathToFileURL(join(REPO, 'packages/widgets/rollup.widgets.mjs')).href);
  const BUDGET = {
    kit: WIDGET_BUDGET.kitBrotli,
    element: WIDGET_BUDGET.elementBrotli,
    sdk: SDK_CORE_BUDGET,
  };
  const { sdkConfig } = await import(pathToFileURL(join(REPO, 'rollup.config.mjs')).href);

  log('  building the widgets (ESM per element, loader, whole kit) and the SDK in memory');
  // The quick subset skips the per-element ESM build (the slowest: terser over every chunk).
  const esmBundle = quick ? {} : await generate(widgets[0]);
  const loaderBundle = await generate(widgets[1]);
  const kitBundle = await generate(widgets[2]);
  const sdkBundle = await generate(sdkConfig());

  const sizes = new Map();
  const sizeOf = (bundle, f) => {
    const key = `${bundle === sdkBundle ? 'sdk:' : ''}${f}`;
    if (!sizes.has(key)) sizes.set(key, sizesOf(bundle[f].code));
    return sizes.get(key);
  };
  const total = (bundle, files) =>
    [...files].reduce((s, f) => addSizes(s, sizeOf(bundle, f)), zero);

  const rows = [];
  // The whole kit for one locale: cc-widgets.js (English inline), plus that locale's pack.
  const kitFile = Object.values(kitBundle).find((c) => c.isEntry).fileName;
  const kitSize = sizeOf(kitBundle, kitFile);
  rows.push(
    row('whole kit, dist/cc-widgets.js (self-registering, no response validation)', kitSize),
  );
  const kitByLocale = { en: kitSize };
  for (const f of Object.keys(kitBundle)
    .filter((f) => f !== kitFile)
    .sort()) {
    const locale = /^cc-widgets\.([\w-]+)\.js$/.exec(f)?.[1];
    const pack = sizeOf(kitBundle, f);
    rows.push(row(`  dist/${f}`, pack, locale ? `${locale} strings, loaded on first use` : ''));
    if (locale) kitByLocale[locale] = addSizes(kitSize, pack);
  }
  for (const [locale, s] of Object.entries(kitByLocale).slice(1))
    rows.push(row(`whole kit for a ${locale} page (cc-widgets.js + its pack)`, s));
  const kitWorst = Object.values(kitByLocale).reduce((a, b) => (b.brotli > a.brotli ? b : a));
  const partRows = composition(kitBundle[kitFile].code, kitBundle[kitFile].map).map((p) =>
    row(p.group, p),
  );
  rows.push(row('loader, dist/cc-loader.js', sizeOf(loaderBundle, Object.keys(loaderBundle)[0])));
  const elementRows = [];
  for (const f of Object.keys(esmBundle)
    .filter((f) => f.startsWith('define/'))
    .sort()) {
    const files = closure(esmBundle, f);
    elementRows.push(
      row(`dist/${f} + static imports (${files.size} files)`, total(esmBundle, files)),
    );
  }
  const chunkRows = Object.keys(esmBundle)
    .filter((f) => f.startsWith('chunks/'))
    .sort()
    .map((f) => row(`dist/${f}`, sizeOf(esmBundle, f)));

  // One element's own code, by the build's own rule and minification.
  const own = new Map();
  for (const chunk of Object.values(esmBundle)) collectOwnCode(chunk, own);
  const ownRows = [];
  let largestOwn = { folder: '', size: zero };
  for (const [folder, code] of [...own].sort()) {
    const min = await minifyOwnCode(code);
    const s = sizesOf(min);
    if (s.brotli > largestOwn.size.brotli) largestOwn = { folder, size: s };
    ownRows.push(
      row(`own code of src/${folder}/`, s, s.brotli > BUDGET.element ? 'over 8 kB' : ''),
    );
  }

  const sdkEntry = Object.values(sdkBundle).find((c) => c.isEntry && c.name === 'index');
  const sdkCore = total(sdkBundle, closure(sdkBundle, sdkEntry.fileName));
  const sdkLazy = total(
    sdkBundle,
    new Set(sdkEntry.dynamicImports.flatMap((f) => [...closure(sdkBundle, f)])),
  );
  const sdkRows = [
    row('@cc-kit/sdk core (dist/index.js + static imports)', sdkCore),
    row('  response schemas, loaded on the first validated call', sdkLazy),
  ];

  log('  bundling the comparison packages');
  const controls = [
    'input',
    'select',
    'option',
    'textarea',
    'button',
    'checkbox',
    'radio-group',
    'radio',
  ];
  const compare = [
    [
      'Shoelace 2: ' + controls.join(', '),
      controls
        .map((c) => `import '@shoelace-style/shoelace/dist/components/${c}/${c}.js';`)
        .join('\n'),
    ],
    [
      'Web Awesome 3: ' + controls.join(', '),
      controls
        .map((c) => `import '@awesome.me/webawesome/dist/components/${c}/${c}.js';`)
        .join('\n'),
    ],
    [
      'openapi-fetch (client only, no validation)',
      `import createClient from 'openapi-fetch'; export { createClient };`,
    ],
  ];
  const compareRows = [];
  const compareSizes = {};
  for (const [name, source] of compare) {
    try {
      const s = sizesOf(await bundleSource(source));
      compareSizes[name.split(':')[0].split(' (')[0]] = s;
      compareRows.push(row(name, s));
    } catch (error) {
      compareRows.push([name, 'failed', '', '', String(error.message).split('\n')[0]]);
    }
  }
  const complaint = ownRows.find((r) => r[0].includes('complaint-form'));

  const goals = [
    {
      label: 'whole kit (brotli; en / largest locale with its pack)',
      value: `${kB(kitSize.brotli)} / ${kB(kitWorst.brotli)}`,
      target: '≤ 45.0 kB',
      ok: kitWorst.brotli <= BUDGET.kit,
    },
    quick
      ? undefined
      : {
          label: `one element's own code, largest (src/${largestOwn.folder}/, brotli)`,
          value: kB(largestOwn.size.brotli),
          target: '≤ 8.0 kB',
          ok: largestOwn.size.brotli <= BUDGET.element,
        },
    {
      label: 'SDK core (brotli)',
      value: kB(sdkCore.brotli),
      target: '≤ 10.0 kB',
      ok: sdkCore.brotli <= BUDGET.sdk,
    },
  ];
  const notes = [
    ...(quick ? ['Quick subset: the per-element ESM build is skipped.'] : []),
    `The whole kit is ${kB(Math.abs(kitWorst.brotli - BUDGET.kit))} ${kitWorst.brotli > BUDGET.kit ? 'over' : 'under'} its 45 kB brotli target in its largest locale (${kB(kitSize.brotli)} in English).`,
  ];
  if (compareSizes['Shoelace 2'] && complaint)
    notes.push(
      `For scale: the complaint form's own code is ${complaint[3]} brotli; Shoelace's eight form controls alone are ${kB(compareSizes['Shoelace 2'].brotli)}, Web Awesome's ${kB(compareSizes['Web Awesome 3']?.brotli ?? NaN)} (without a form built from them).`,
    );
  if (compareSizes['openapi-fetch'])
    notes.push(
      `openapi-fetch is ${kB(compareSizes['openapi-fetch'].brotli)} brotli against the SDK core's ${kB(sdkCore.brotli)}; the SDK adds retries, timeouts, token renewal, idempotency keys, typed errors and live events, and validates responses (schemas loaded on first use, ${kB(sdkLazy.brotli)}).`,
    );
  return {
    goals: goals.filter(Boolean),
    data: { kit: kitSize, kitByLocale, sdkCore, sdkLazy, largestOwn, compare: compareSizes },
    tables: [
      {
        title: 'Whole kit, loader and SDK',
        head: ['output', 'min', 'gzip', 'brotli', ''],
        rows: [...rows, ...sdkRows],
      },
      {
        title: 'What the whole kit is made of (each part of cc-widgets.js compressed alone)',
        head: ['part', 'min', 'gzip', 'brotli', ''],
        rows: partRows,
      },
      {
        title: "Each element's own code (budget 8 kB brotli)",
        head: ['code', 'min', 'gzip', 'brotli', ''],
        rows: ownRows,
      },
      {
        title: 'ESM per element (what a page loading one element fetches before it runs)',
        head: ['entry', 'min', 'gzip', 'brotli', ''],
        rows: elementRows,
      },
      { title: 'Shared chunks', head: ['chunk', 'min', 'gzip', 'brotli', ''], rows: chunkRows },
      { title: 'Side by side', head: ['package', 'min', 'gzip', 'brotli', ''], rows: compareRows },
    ],
    notes,
  };
}
