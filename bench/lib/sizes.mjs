// Byte sizes: minified, gzip -9, brotli q11 (the same as the build's own size report).
import { Buffer } from 'node:buffer';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH } from './paths.mjs';

export function sizesOf(code) {
  const buf = Buffer.from(code);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const addSizes = (a, b) => ({
  min: a.min + b.min,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});

/** Bundles `source` (an ES module resolved from bench/) with esbuild, minified, into one file. */
export async function bundleSource(source, { minify = true, css = false } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: css ? { '.css': 'text' } : {},
    outdir: '/tmp/cc-bench-out',
  });
  return result.outputFiles.find((f) => f.path.endsWith('.js')).text;
}
