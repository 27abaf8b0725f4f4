#!/usr/bin/env node
// `npm start`: the reference server with demo data, on http://127.0.0.1:8080 by default.
// It serves the API under /v1, the contract at /openapi.yaml, the API reference at /docs and the
// demo portal at / (packages/demo). Demo data is seeded into ./data/cc.sqlite on the first run.
//
// Builds what is missing first: docs/api-reference.html (`npm run docs -w @cc-kit/spec`) and the
// widget bundle the portal loads (`npm run build -w @cc-kit/widgets`).
// Environment: PORT, HOST, CC_DATA_DIR and the other CC_* variables of docs/server.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function build(what, args, output) {
  if (existsSync(`${root}${output}`)) return true;
  console.log(`start: ${output} is missing; building it (npm ${args.join(' ')})`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(`${root}${output}`)) {
    console.error(`start: could not build ${what}; starting without it`);
    return false;
  }
  return true;
}

build('the API reference', ['run', 'docs', '-w', '@cc-kit/spec'], 'docs/api-reference.html');
if (existsSync(`${root}packages/demo/index.html`)) {
  build(
    'the widget bundle',
    ['run', 'build', '-w', '@cc-kit/widgets'],
    'packages/demo/dist/cc-widgets.js',
  );
}

const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    CC_DEMO: process.env.CC_DEMO ?? '1',
    CC_DATA_DIR: process.env.CC_DATA_DIR ?? './data',
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
