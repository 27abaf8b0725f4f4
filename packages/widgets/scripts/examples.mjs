#!/usr/bin/env node
// Builds and serves the framework examples under examples/ (used by examples.test.mjs).
//   node packages/widgets/scripts/examples.mjs build [name...]
//   node packages/widgets/scripts/examples.mjs serve <name>   (with the reference server, demo mode)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const examplesDir = join(repo, 'examples');
const widgetsDist = join(repo, 'packages/widgets/dist');
const tsconfig = join(repo, 'tsconfig.base.json');

export const EXAMPLES = ['plain-html', 'react19', 'react18', 'vue3', 'angular'];

/** Examples with their own install (kept out of the workspace), made on first build. */
const OWN_INSTALL = new Set(['react18', 'angular']);

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  tsconfig,
  logLevel: 'warning',
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
};

/**
 * React 18 cannot share the workspace with React 19, and Angular stays out of the workspace: those
 * examples have their own install, made (or redone) when it is missing or not the pinned versions.
 */
function ensureOwnInstall(name) {
  const dir = join(examplesDir, name);
  const { dependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const installed = (pkg) => {
    const file = join(dir, 'node_modules', pkg, 'package.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
  };
  if (Object.entries(dependencies).every(([pkg, version]) => installed(pkg) === version)) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'],
    { cwd: dir, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`examples/${name}: npm install failed`);
}

export async function buildExample(name) {
  const dir = join(examplesDir, name);
  const out = join(dir, 'dist');
  mkdirSync(out, { recursive: true });
  if (name === 'plain-html') {
    if (!existsSync(join(widgetsDist, 'cc-widgets.js'))) {
      throw new Error('build the kit first: npm run build -w @cc-kit/widgets');
    }
    for (const file of ['cc-widgets.js', 'cc-widgets.js.map']) {
      copyFileSync(join(widgetsDist, file), join(out, file));
    }
    return;
  }
  const options = {
    ...common,
    entryPoints: [join(dir, `src/main.${name.startsWith('react') ? 'tsx' : 'ts'}`)],
    outfile: join(out, 'main.js'),
  };
  if (OWN_INSTALL.has(name)) ensureOwnInstall(name);
  if (name === 'react18') {
    const own = join(dir, 'node_modules');
    options.alias = { react: join(own, 'react'), 'react-dom': join(own, 'react-dom') };
  }
  if (name === 'vue3') {
    options.define = {
      ...options.define,
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    };
  }
  if (name === 'angular') {
    // Angular's production mode in a browser (the CLI sets these); the compiler stays in: the
    // component is compiled just in time.
    options.define = { ...options.define, ngDevMode: 'false', ngServerMode: 'false' };
    // Angular's compiler makes an 8 MB source map that takes longer to write than the bundle.
    options.sourcemap = false;
  }
  await build(options);
}

const TYPES = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.map': 'application/json',
};

/**
 * Serves one example folder; resolves with { url, close }. With `csp` (`{ api }`, read per
 * request), pages get the strict policy docs/embedding.md recommends, Trusted Types included.
 */
export function serveExample(name, port = 0, csp) {
  const root = normalize(join(examplesDir, name) + sep);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (csp && extname(file) === '.html') {
      headers['Content-Security-Policy'] =
        `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${csp.api}; ` +
        `img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html`;
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/** The reference server in demo mode, allowing the given origins. */
export async function startApi(origins) {
  const { tsImport } = await import('tsx/esm/api');
  const { buildApp } = await tsImport(join(repo, 'packages/server/src/index.ts'), import.meta.url);
  const built = await buildApp({
    dbFile: ':memory:',
    demo: true,
    logLevel: 'silent',
    corsOrigins: origins,
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${built.app.server.address().port}`, close: () => built.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...names] = process.argv.slice(2);
  if (command === 'build') {
    for (const name of names.length ? names : EXAMPLES) {
      await buildExample(name);
      console.log(`built examples/${name}`);
    }
  } else if (command === 'serve' && names[0]) {
    await buildExample(names[0]);
    const site = await serveExample(names[0], 5180);
    const api = await startApi([site.url.replace(/\/$/, '')]);
    console.log(`${site.url}?api=${encodeURIComponent(api.url)}  (Ctrl+C to stop)`);
  } else {
    console.error('usage: examples.mjs build [name...] | serve <name>');
    process.exit(2);
  }
}
