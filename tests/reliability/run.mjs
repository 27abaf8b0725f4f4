#!/usr/bin/env node
// The reliability and security suite (docs/security.md states what it proves).
//
//   node tests/reliability/run.mjs           quick sizes: the step `reliability` of `npm test`
//   node tests/reliability/run.mjs --full    the stated sizes: `npm run test:reliability`
//   ... [file-name-part ...]                 only the test files whose names contain one of them
//
// Each test file starts its own servers on 127.0.0.1.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const full = args.includes('--full');
const filters = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()
  .map((name) => `${here}${name}`);
if (files.length === 0) {
  console.error(`reliability: no test file matches ${filters.join(', ')}`);
  process.exit(2);
}

const child = spawn(
  process.execPath,
  // Quick: two files at a time (one per core); full: one at a time, so the figures are not skewed.
  ['--import', 'tsx', '--test', `--test-concurrency=${full ? 1 : 2}`, ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, ...(full ? { CC_RELIABILITY: 'full' } : {}) },
  },
);
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward).on('SIGTERM', forward);
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
