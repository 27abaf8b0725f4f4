// Builds the publishable bundles: `npm run build`.
//
//   packages/sdk/dist   index.js (the client), domain.js (@cc-kit/sdk/domain), schemas.js
//                       (@cc-kit/sdk/schemas), with their shared chunks; ESM, minified, source maps.
//
// Each build prints every output's size (minified, gzip, brotli). An entry's size counts the
// chunks it imports statically (what a page loads before it can run); chunks it loads on demand
// (the response schemas the client validates with) are reported apart. A budget turns a size
// into a build failure. To add a build (the widgets), add a config to the exported array.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function measure(code) {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

/**
 * Prints the size of each output and fails the build when an entry (with the chunks it imports
 * statically) is over its brotli budget. `budgets`: { [entry name]: bytes }.
 */
export function sizeReport({ title, budgets = {} }) {
  return {
    name: 'cc-size-report',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const sizes = new Map(chunks.map((chunk) => [chunk.fileName, measure(chunk.code)]));
      const closure = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of bundle[fileName]?.imports ?? []) closure(imported, seen);
        return seen;
      };
      const total = (files) =>
        [...files].reduce(
          (sum, file) => {
            const size = sizes.get(file);
            return {
              min: sum.min + size.min,
              gzip: sum.gzip + size.gzip,
              brotli: sum.brotli + size.brotli,
            };
          },
          { min: 0, gzip: 0, brotli: 0 },
        );
      const row = (label, size, note = '') =>
        `  ${label.padEnd(46)} ${kB(size.min).padStart(9)} ${kB(size.gzip).padStart(9)} ${kB(size.brotli).padStart(9)}  ${note}`;

      const lines = [
        `\n${title}`,
        `  ${''.padEnd(46)} ${'min'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`,
      ];
      const failures = [];
      for (const chunk of chunks.filter((c) => c.isEntry)) {
        const files = closure(chunk.fileName);
        const size = total(files);
        const budget = budgets[chunk.name];
        let note = files.size > 1 ? `(${files.size} files)` : '';
        if (budget !== undefined) {
          const ok = size.brotli <= budget;
          note += ` budget ${kB(budget)} ${ok ? 'ok' : 'EXCEEDED'}`;
          if (!ok) failures.push(`${chunk.name}: ${kB(size.brotli)} brotli > ${kB(budget)}`);
        }
        lines.push(row(`${chunk.fileName} + static imports`, size, note.trim()));
        const lazy = new Set(chunk.dynamicImports.flatMap((file) => [...closure(file)]));
        for (const file of files) lazy.delete(file);
        if (lazy.size)
          lines.push(row(`  loaded on first use`, total(lazy), `(${lazy.size} files)`));
      }
      lines.push('  files:');
      for (const chunk of chunks) lines.push(row(`  ${chunk.fileName}`, sizes.get(chunk.fileName)));
      console.log(lines.join('\n'));
      if (failures.length) this.error(`Size budget exceeded: ${failures.join('; ')}`);
    },
  };
}

/** Dependencies' own notes (zod's comment placement, its internal import cycle) are not ours to fix. */
function onwarn(warning, warn) {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

const minify = () => terser({ module: true, compress: { passes: 2 }, format: { comments: false } });

/** @cc-kit/sdk: the client core, the domain rules and the response schemas, dependencies included. */
export function sdkConfig() {
  return {
    input: {
      index: 'packages/sdk/src/index.ts',
      domain: 'packages/sdk/src/domain.ts',
      schemas: 'packages/sdk/src/schemas/index.ts',
    },
    onwarn,
    output: {
      dir: 'packages/sdk/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // zod and the generated schemas in one chunk, which the client loads on first validation.
      manualChunks: (id) =>
        id.includes('/packages/sdk/src/schemas/') || id.includes('/node_modules/zod/')
          ? 'response-schemas'
          : undefined,
    },
    plugins: [
      nodeResolve({ exportConditions: ['browser', 'import', 'default'] }),
      esbuild({ target: 'es2022', tsconfig: 'packages/sdk/tsconfig.json' }),
      minify(),
      sizeReport({ title: '@cc-kit/sdk (packages/sdk/dist)', budgets: { index: 10 * 1024 } }),
    ],
  };
}

export default [sdkConfig()];
