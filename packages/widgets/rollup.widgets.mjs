// Builds @cc-kit/widgets (used by the root rollup.config.mjs, or alone:
// `rollup -c packages/widgets/rollup.widgets.mjs`):
//
//   dist/define/cc-*.js, dist/index.js   ESM per element for npm users and the loader; lit, the
//                                        SDK and zod in shared chunks (dist/chunks/)
//   dist/cc-widgets.js                   the whole kit, self-registering, minified, one file
//   dist/cc-loader.js                    tiny loader: imports an element's chunk when its tag appears
//
// Every output has a source map. The build prints each output's size (min, gzip, brotli) and
// fails over budget: any one element's own code <= 8 kB brotli, and the whole kit over its ceiling.
// The whole kit's target is 45 kB brotli; while the five elements land, it is reported against the
// target and fails only over `kitCeilingBrotli` (docs/performance.md tracks the gap).
import { readdirSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minify } from 'terser';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');
const tsconfig = join(here, '../../tsconfig.base.json');

export const BUDGET = {
  kitBrotli: 45 * 1024,
  kitCeilingBrotli: 80 * 1024,
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
  compress: { passes: 2 },
  format: { comments: false },
};

const plugins = () => [
  nodeResolve({ exportConditions: ['browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
  esbuild({ target: 'es2022', tsconfig, sourceMap: true, legalComments: 'none' }),
  loaderTags(),
];

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
  };
}

/**
 * Adds each element's own modules in `chunk` (those under src/<element>/, not the platform, define
 * files, loader or test helpers) to `own` (folder -> code). The bench measures with the same rule.
 */
export function collectOwnCode(chunk, own = new Map()) {
  for (const [id, module] of Object.entries(chunk.modules)) {
    const path = relative(src, id).split(sep).join('/');
    const folder = path.split('/')[0];
    if (
      path.startsWith('..') ||
      !path.includes('/') ||
      ['shared', 'define', 'loader', 'test-utils'].includes(folder)
    )
      continue;
    own.set(folder, (own.get(folder) ?? '') + (module.code ?? ''));
  }
  return own;
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
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const s = sizes(chunk.code);
        const row = { name: `${label}${fileName}`, ...s };
        if (kit) {
          row.note =
            s.brotli > BUDGET.kitCeilingBrotli
              ? 'OVER BUDGET (whole kit)'
              : s.brotli > BUDGET.kitBrotli
                ? `whole kit, ${kb(s.brotli - BUDGET.kitBrotli)} over the ${kb(BUDGET.kitBrotli)} target`
                : 'whole kit';
          if (s.brotli > BUDGET.kitCeilingBrotli)
            failures.push(`${fileName}: ${kb(s.brotli)} brotli > ${kb(BUDGET.kitCeilingBrotli)}`);
        }
        rows.push(row);
        if (perElement) collectOwnCode(chunk, own);
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
      for (const file of ['cc-widgets.js', 'cc-widgets.js.map']) {
        if (existsSync(join(dist, file))) copyFileSync(join(dist, file), join(demoKit, file));
      }
      if (failures.length) {
        this.error(`size budget exceeded:\n  ${failures.join('\n  ')}`);
      }
    },
  };
}

const manualChunks = (id) => {
  const path = id.split(sep).join('/');
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path))
    return 'chunks/lit';
  if (/\/node_modules\/@lit\/(context|task)\//.test(path)) return 'chunks/lit-extras';
  // Response validation (zod + the generated schemas) is loaded lazily by the SDK: keep it apart.
  if (/\/node_modules\/zod\//.test(path) || /\/packages\/sdk\/src\/schemas\//.test(path)) {
    return 'chunks/validation';
  }
  if (/\/node_modules\/ky\//.test(path) || /\/packages\/(sdk|domain)\/src\//.test(path))
    return 'chunks/sdk';
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
    input: join(src, 'bundle.ts'),
    output: {
      file: join(dist, 'cc-widgets.js'),
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
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
