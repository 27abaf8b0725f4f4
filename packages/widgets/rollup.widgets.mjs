// Builds @cc-kit/widgets (used by the root rollup.config.mjs, or alone:
// `rollup -c packages/widgets/rollup.widgets.mjs`):
//
//   dist/define/cc-*.js, dist/index.js   ESM per element for npm users and the loader; lit, the
//                                        SDK and zod in shared chunks (dist/chunks/)
//   dist/cc-widgets.js                   the whole kit, self-registering, minified, one file
//   dist/cc-loader.js                    tiny loader: imports an element's chunk when its tag appears
//
// The text of the `css` and `html` templates in src/ is written smaller on the way
// (scripts/minify-templates.mjs: CSS minified, whitespace runs in markup collapsed to one space).
// Every output has a source map. The build prints each output's size (min, gzip, brotli) and
// fails over budget: any one element's own code <= 8 kB brotli, and the whole kit over its ceiling.
// The whole kit's target is 45 kB brotli; while the five elements land, it is reported against the
// target and fails only over `kitCeilingBrotli` (docs/performance.md tracks the gap).
import { readdirSync, mkdirSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minify } from 'terser';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');
const tsconfig = join(here, '../../tsconfig.base.json');

export const BUDGET = {
  kitBrotli: 45 * 1024,
  // Follows the kit down so that growth fails the build: the worst locale's whole kit (69.1 kB,
  // zh-Hant, on 2026-11-27) plus a little room.
  kitCeilingBrotli: 70 * 1024,
  elementBrotli: 8 * 1024,
  // Elements allowed more than `elementBrotli`, each with its reason (none: an element that does
  // not fit splits into sub-elements loaded lazily, as the ticket queue does).
  elementOverrides: {},
};

const defineFiles = readdirSync(join(src, 'define'))
  .filter((f) => /^cc-[a-z0-9-]+\.ts$/.test(f))
  .sort();
const tags = defineFiles.map((f) => basename(f, '.ts'));

const terserOptions = {
  module: true,
  ecma: 2022,
  // A third pass is 70 bytes (brotli) off the whole kit; pure_getters, unsafe_arrows and
  // unsafe_methods were measured at under 0.1 kB together and assume what lit does not promise.
  compress: { passes: 3 },
  format: { comments: false },
};

const plugins = () => [
  nodeResolve({ exportConditions: ['browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
  esbuild({ target: 'es2022', tsconfig, sourceMap: true, legalComments: 'none' }),
  // The text of the `css` and `html` templates of the kit's own sources, written smaller.
  minifyTemplatesPlugin({ include: (id) => isWidgetSource(id) }),
  loaderTags(),
];

/** A source module of this package (not its test helpers). */
function isWidgetSource(id) {
  const path = relative(src, id).split(sep).join('/');
  return !path.startsWith('..') && !path.startsWith('test-utils/') && /\.ts$/.test(path);
}

/** The loader's tag list, generated from the define files. */
function loaderTags() {
  return {
    name: 'cc-loader-tags',
    load(id) {
      if (id.split(sep).join('/').endsWith('/src/loader/tags.ts')) {
        return `export const TAGS = ${JSON.stringify(tags)};`;
      }
      return null;
    },
  };
}

/**
 * The one-file bundle leaves the SDK's response validation out (zod and the generated schemas,
 * about 20 kB brotli, more than all five elements together): its `validateResponse` becomes
 * "no issues". The ESM build keeps it (a lazily loaded chunk). Documented in docs/embedding.md.
 */
function withoutResponseValidation() {
  const stub = '\0cc-no-response-validation';
  return {
    name: 'cc-no-response-validation',
    resolveId(source, importer) {
      if (
        source.endsWith('/schemas/validate.js') &&
        importer?.split(sep).join('/').includes('/packages/sdk/src/')
      ) {
        return stub;
      }
      return null;
    },
    load(id) {
      return id === stub ? 'export const validateResponse = () => undefined;' : null;
    },
    // The SDK imports the validator on first use: here that import becomes the stub itself, so
    // the bundle stays one file (besides its locale packs).
    transform(code, id) {
      if (!id.split(sep).join('/').includes('/packages/sdk/src/')) return null;
      const out = code.replace(
        /import\((['"])[^'"]*\/schemas\/validate\.js\1\)/g,
        'Promise.resolve({ validateResponse: () => undefined })',
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Adds each element's own modules in `chunk` (those under src/<element>/, not the platform, define
 * files, loader or test helpers, nor its strings of other locales: those packs load on demand, one
 * locale at a time) to `own` (folder -> code). The bench measures with the same rule.
 */
export function collectOwnCode(chunk, own = new Map()) {
  for (const [id, module] of Object.entries(chunk.modules)) {
    const path = relative(src, id).split(sep).join('/');
    const folder = path.split('/')[0];
    if (
      path.startsWith('..') ||
      !path.includes('/') ||
      packLocale(id) ||
      ['shared', 'define', 'loader', 'test-utils'].includes(folder)
    )
      continue;
    own.set(folder, (own.get(folder) ?? '') + (module.code ?? ''));
  }
  return own;
}

/**
 * What the whole kit is made of: the group of each module of `chunk` (lit, the SDK, the domain
 * rules, the platform, the strings, each element ...). The bench reports the same breakdown.
 */
export function kitGroup(id) {
  const path = id.split(sep).join('/');
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(pkg) ? 'lit' : pkg;
  const own = /\/packages\/(sdk|domain|spec)\/src\//.exec(path)?.[1];
  if (own) return `@cc-kit/${own}`;
  const rel = relative(src, id).split(sep).join('/');
  if (rel.startsWith('..')) return 'other';
  if (/\.i18n(\.[\w-]+)?\.ts$/.test(rel) || /^shared\/i18n\/(en|zh-Hans|zh-Hant)\.ts$/.test(rel))
    return 'strings';
  const folder = rel.split('/')[0];
  return rel.includes('/') ? `src/${folder}/` : 'src/*.ts';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded `mappings` of a source map: per generated line, [column, source index] segments. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Brotli size of each group's part of a minified chunk (largest first): every byte of the output
 * is given to the source module its source-map segment points at, then each group's bytes are
 * compressed alone. The parts add up to more than the whole (brotli shares context across them).
 */
export function composition(code, map) {
  const lines = code.split('\n');
  const groups = new Map();
  decodeMappings(map.mappings).forEach((segments, i) => {
    const text = lines[i] ?? '';
    segments.forEach(([column, source], j) => {
      const group = source < 0 ? 'other' : kitGroup(resolve(dist, map.sources[source]));
      const end = segments[j + 1]?.[0] ?? text.length;
      groups.set(group, (groups.get(group) ?? '') + text.slice(column, end));
    });
  });
  return [...groups]
    .map(([group, part]) => ({ group, ...sizes(part) }))
    .sort((a, b) => b.brotli - a.brotli);
}

/** One element's own code minified together, as its budget is measured. */
export async function minifyOwnCode(code) {
  return (await minify(code, terserOptions)).code ?? '';
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function sizes(code) {
  const buf = Buffer.from(code);
  return { min: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) };
}

const rows = [];
const failures = [];

function printReport() {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(
    `\n@cc-kit/widgets sizes\n${'output'.padEnd(width)}  ${'min'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(width)}  ${kb(r.min).padStart(9)} ${kb(r.gzip).padStart(9)} ${kb(r.brotli).padStart(9)}${r.note ? `  ${r.note}` : ''}`,
    );
  }
  console.log(
    `budgets: whole kit target ${kb(BUDGET.kitBrotli)} brotli (fails over ${kb(BUDGET.kitCeilingBrotli)}), one element's own code <= ${kb(BUDGET.elementBrotli)} brotli`,
  );
}

/** Sizes of every chunk, and of each element's own modules (src/<element>/**). */
function sizeReport({ label, kit = false, perElement = false }) {
  return {
    name: 'cc-size-report',
    async generateBundle(_options, bundle) {
      const own = new Map();
      let kitRow;
      const packRows = [];
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const s = sizes(chunk.code);
        const row = { name: `${label}${fileName}`, ...s };
        if (kit && chunk.isEntry) kitRow = row;
        else if (kit) {
          const locale = Object.keys(chunk.modules).map(packLocale).find(Boolean);
          row.note = locale ? `${locale} strings, loaded on first use` : 'loaded on first use';
          if (locale) packRows.push({ locale, row });
        }
        rows.push(row);
        if (perElement) collectOwnCode(chunk, own);
      }
      if (kitRow) {
        // The whole kit as a page in each locale downloads it: the bundle, plus its locale's pack.
        const perLocale = [
          { locale: 'en', brotli: kitRow.brotli },
          ...packRows.map(({ locale, row }) => ({ locale, brotli: kitRow.brotli + row.brotli })),
        ];
        const worst = Math.max(...perLocale.map((l) => l.brotli));
        const figures = perLocale.map((l) => `${l.locale} ${kb(l.brotli)}`).join(', ');
        kitRow.note =
          worst > BUDGET.kitCeilingBrotli
            ? `OVER BUDGET (whole kit: ${figures})`
            : worst > BUDGET.kitBrotli
              ? `whole kit (${figures}), ${kb(worst - BUDGET.kitBrotli)} over the ${kb(BUDGET.kitBrotli)} target`
              : `whole kit (${figures})`;
        if (worst > BUDGET.kitCeilingBrotli)
          failures.push(`whole kit: ${figures} brotli > ${kb(BUDGET.kitCeilingBrotli)}`);
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
        for (const part of composition(entry.code, entry.map))
          rows.push({ name: `  ${part.group}`, ...part, note: 'of the whole kit, alone' });
      }
      for (const [folder, code] of [...own].sort()) {
        const s = sizes(await minifyOwnCode(code));
        const budget = BUDGET.elementOverrides[folder] ?? BUDGET.elementBrotli;
        const over = s.brotli > budget;
        rows.push({
          name: `  own code of src/${folder}/`,
          ...s,
          note: over
            ? 'OVER BUDGET (element)'
            : budget > BUDGET.elementBrotli
              ? `element (allowed ${kb(budget)})`
              : 'element',
        });
        if (over) failures.push(`src/${folder}/: ${kb(s.brotli)} brotli > ${kb(budget)}`);
      }
    },
  };
}

/** Runs once after the last output: prints the table, fails over budget, copies the bundle to the demo. */
function finish() {
  return {
    name: 'cc-finish',
    writeBundle() {
      printReport();
      const demoKit = join(here, '../demo/dist');
      mkdirSync(demoKit, { recursive: true });
      // The bundle and its locale packs (cc-widgets.zh-Hans.js ...), which it imports relatively.
      for (const file of readdirSync(dist).filter((f) =>
        /^cc-widgets(\.[\w-]+)?\.js(\.map)?$/.test(f),
      )) {
        copyFileSync(join(dist, file), join(demoKit, file));
      }
      if (failures.length) {
        this.error(`size budget exceeded:\n  ${failures.join('\n  ')}`);
      }
    },
  };
}

/** A locale pack module (`<name>.i18n.zh-Hans.ts`, `shared/i18n/zh-Hans.ts`): its locale. */
export function packLocale(id) {
  const path = id.split(sep).join('/');
  if (!path.includes('/packages/widgets/src/')) return undefined;
  return /[./](zh-Hans|zh-Hant)\.ts$/.exec(path)?.[1];
}

/** cc-widgets.js: each locale's packs together in one file beside it. */
const localePacks = (id) => {
  const locale = packLocale(id);
  return locale ? `cc-widgets.${locale}` : undefined;
};

const manualChunks = (id) => {
  const path = id.split(sep).join('/');
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path))
    return 'chunks/lit';
  if (/\/node_modules\/@lit\/(context|task)\//.test(path)) return 'chunks/lit-extras';
  // Response validation (zod + the generated schemas) is loaded lazily by the SDK: keep it apart.
  if (/\/node_modules\/zod\//.test(path) || /\/packages\/sdk\/src\/schemas\//.test(path)) {
    return 'chunks/validation';
  }
  if (/\/packages\/(sdk|domain)\/src\//.test(path)) return 'chunks/sdk';
  // Each section's strings in each locale: a small chunk loaded the first time it is shown.
  if (packLocale(id)) return `chunks/i18n/${basename(id, '.ts')}`;
  if (/\/packages\/widgets\/src\/shared\//.test(path)) return 'chunks/platform';
  return undefined;
};

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? '')) return;
  warn(warning);
};

export default [
  {
    input: {
      index: join(src, 'index.ts'),
      ...Object.fromEntries(tags.map((tag) => [`define/${tag}`, join(src, 'define', `${tag}.ts`)])),
    },
    output: {
      dir: dist,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      manualChunks,
    },
    plugins: [...plugins(), terser(terserOptions), sizeReport({ label: '', perElement: true })],
    onwarn,
  },
  {
    input: join(src, 'loader/loader.ts'),
    output: { file: join(dist, 'cc-loader.js'), format: 'es', sourcemap: true },
    plugins: [...plugins(), terser(terserOptions), sizeReport({ label: '' })],
    onwarn,
  },
  {
    input: { 'cc-widgets': join(src, 'bundle.ts') },
    output: {
      dir: dist,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Everything but the strings of the Chinese locales stays in cc-widgets.js; those are one
      // sibling file per locale (cc-widgets.zh-Hans.js), imported relative to cc-widgets.js.
      chunkFileNames: '[name].js',
      manualChunks: localePacks,
    },
    plugins: [
      withoutResponseValidation(),
      ...plugins(),
      terser(terserOptions),
      sizeReport({ label: '', kit: true }),
      finish(),
    ],
    onwarn,
  },
];
