#!/usr/bin/env node
// The journeys suite (docs/journeys.md): the demo portal as `npm start` serves it, walked by staff in
// headless Chromium. The step `journeys` of `npm test`.
//
//   node tests/journeys/run.mjs                 every journey and the framework hosts
//   node tests/journeys/run.mjs --screenshots   also refresh docs/screenshots
//   ... --test-name-pattern=<re>                only the journeys whose names match
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--screenshots')) env.CC_JOURNEYS_SCREENSHOTS = '1';
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => `${here}${name}`);

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    ...args.filter((a) => a.startsWith('--test-name-pattern')),
    ...files,
  ],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
