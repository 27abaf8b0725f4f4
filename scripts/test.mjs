#!/usr/bin/env node
// `npm test`: every check the repository has, in order, stopping at the first failure.
//
//   chromium   scripts/ensure-chromium.sh (a browser for the browser tests, CJK fonts)
//   lint       npm run lint (eslint + prettier --check)
//   typecheck  tsc -b (the solution tsconfig.json and its project references)
//   unit       each workspace's `test` script (node's test runner), one after another
//   reliability tests/reliability at quick sizes (faults, bad input, roles, crashes, limits)
//   browser    web-test-runner in headless Chromium, when any browser test file exists
//   journeys   tests/journeys: the demo portal as `npm start` serves it, walked by staff in Chromium
//
// Options: --only <step> (repeatable; `unit:<package>` runs one workspace, e.g. unit:domain),
//          --keep-going (run every step and report all failures), --list (print the steps).
// The last line is always `tests: <P> passed, <F> failed`, summed over the node test runner
// summaries (`# pass N` / `ℹ pass N`) and web-test-runner's `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// ---- arguments ---------------------------------------------------------------------------------
const args = process.argv.slice(2);
const only = [];
let keepGoing = false;
let listOnly = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--only') only.push(args[++i] ?? '');
  else if (arg.startsWith('--only=')) only.push(arg.slice('--only='.length));
  else if (arg === '--keep-going') keepGoing = true;
  else if (arg === '--list') listOnly = true;
  else if (arg === '-h' || arg === '--help') {
    console.log('usage: npm test [-- --only <step>]... [--keep-going] [--list]');
    process.exit(0);
  } else {
    console.error(`test: unknown argument ${arg} (try --help)`);
    process.exit(2);
  }
}

// ---- the steps ---------------------------------------------------------------------------------
function workspaces() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  return (pkg.workspaces ?? [])
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.scripts?.test);
}

/** Files web-test-runner.config.mjs picks up (kept in step with its `files`). */
function browserTestFiles() {
  const found = [];
  const walk = (dir, match) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path, match);
      } else if (match(entry.name)) found.push(relative(root, path));
    }
  };
  const isTest = (name) => name.endsWith('.test.ts');
  if (existsSync('packages')) {
    for (const name of readdirSync('packages'))
      walk(join('packages', name, 'test', 'browser'), isTest);
  }
  walk(join('packages', 'widgets', 'src'), isTest);
  return found;
}

/**
 * A committed package tsconfig.json that the solution file does not reference would never be
 * checked: fail. One not committed yet (work in progress in this checkout) only gets a note.
 */
function unreferencedProjects() {
  const solution = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
  const referenced = new Set(
    (solution.references ?? []).map((ref) => ref.path.replace(/^\.\//, '').replace(/\/$/, '')),
  );
  const missing = readdirSync('packages')
    .map((name) => `packages/${name}`)
    .filter((dir) => existsSync(join(dir, 'tsconfig.json')) && !referenced.has(dir));
  if (missing.length === 0) return null;
  const git = spawnSync(
    'git',
    ['ls-files', '--', ...missing.map((dir) => `${dir}/tsconfig.json`)],
    {
      encoding: 'utf8',
    },
  );
  const committed =
    git.status === 0
      ? missing.filter((dir) => git.stdout.split('\n').includes(`${dir}/tsconfig.json`))
      : missing;
  const pending = missing.filter((dir) => !committed.includes(dir));
  if (pending.length) {
    console.log(
      `test: note: not type-checked yet (uncommitted, not in tsconfig.json): ${pending.join(', ')}`,
    );
  }
  return committed.length
    ? `tsconfig.json does not reference ${committed.join(', ')}: add { "path": "<dir>" } to its references`
    : null;
}

const nodeOptions = [process.env.NODE_OPTIONS, '--test-reporter=spec'].filter(Boolean).join(' ');

const steps = [
  {
    name: 'chromium',
    title: 'Chromium for the browser tests',
    cmd: ['bash', ['scripts/ensure-chromium.sh']],
  },
  {
    name: 'lint',
    title: 'Lint (eslint, prettier --check)',
    cmd: [npm, ['run', '--silent', 'lint']],
  },
  {
    name: 'typecheck',
    title: 'Type check (tsc -b)',
    cmd: [npx, ['--no-install', 'tsc', '-b']],
    check: unreferencedProjects,
  },
  ...workspaces().map(({ dir, pkg }) => ({
    name: `unit:${dir.split('/').pop()}`,
    group: 'unit',
    title: `Tests of ${pkg.name}`,
    cmd: [npm, ['run', '--silent', 'test', '-w', pkg.name]],
    env: { NODE_OPTIONS: nodeOptions },
  })),
  {
    name: 'unit:bench',
    group: 'unit',
    title: "Benchmark runner's pure parts (the benchmark itself: npm run bench)",
    cmd: [process.execPath, ['--test', 'bench/test/stats.test.mjs']],
    env: { NODE_OPTIONS: nodeOptions },
  },
  {
    name: 'reliability',
    title: 'Reliability and security suite, quick sizes (npm run test:reliability: full)',
    cmd: [process.execPath, ['tests/reliability/run.mjs']],
    env: { NODE_OPTIONS: nodeOptions },
  },
  {
    name: 'browser',
    title: 'Browser tests (web-test-runner, headless Chromium)',
    cmd: [npx, ['--no-install', 'web-test-runner']],
    skip: () => (browserTestFiles().length === 0 ? 'no browser test files yet' : null),
  },
  {
    name: 'journeys',
    title: 'Journeys across the widgets in the demo portal (Chromium)',
    cmd: [process.execPath, ['tests/journeys/run.mjs']],
    env: { NODE_OPTIONS: nodeOptions },
  },
];

if (listOnly) {
  for (const step of steps) console.log(`${step.name.padEnd(16)} ${step.title}`);
  process.exit(0);
}

const selected = only.length
  ? steps.filter((s) => only.includes(s.name) || (s.group && only.includes(s.group)))
  : steps;
if (only.length && selected.length === 0) {
  console.error(
    `test: no step named ${only.join(', ')}; steps: ${steps.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}

// ---- running -----------------------------------------------------------------------------------
// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[A-Za-z]/g;

function run([command, commandArgs], env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      text += chunk;
    });
    const forward = (signal) => {
      interrupted = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (error) => {
      text += String(error);
      console.error(`test: could not start ${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 128 : 1), text: text.replace(ansi, '') });
    });
  });
}

/** Counts from node's test runner (tap: `# pass N`, spec: `ℹ pass N`) and web-test-runner. */
function countTests(text) {
  let passed = 0;
  let failed = 0;
  let seen = false;
  for (const m of text.matchAll(/^(?:#|ℹ) (pass|fail) (\d+)\s*$/gm)) {
    seen = true;
    if (m[1] === 'pass') passed += Number(m[2]);
    else failed += Number(m[2]);
  }
  // web-test-runner: "Chrome: |████| 3/3 test files | 12 passed, 0 failed" (last one is final).
  const wtr = [...text.matchAll(/\| (\d+) passed, (\d+) failed/g)].pop();
  if (wtr) {
    seen = true;
    passed += Number(wtr[1]);
    failed += Number(wtr[2]);
  }
  return seen ? { passed, failed } : null;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rule = '─'.repeat(100);
const results = [];
let interrupted = false;
const started = Date.now();
let totalPassed = 0;
let totalFailed = 0;

for (const step of selected) {
  const reason = step.skip?.();
  console.log(`\n${rule}\n■ ${step.name}: ${step.title}${reason ? ` — skipped: ${reason}` : ''}`);
  console.log(rule);
  if (reason) {
    results.push({ step, status: 'skipped', ms: 0 });
    continue;
  }
  const t0 = Date.now();
  const problem = step.check?.();
  if (problem) console.error(`test: ${problem}`);
  const { code, text } = problem ? { code: 1, text: '' } : await run(step.cmd, step.env);
  const ms = Date.now() - t0;
  const counts = countTests(text);
  if (counts) {
    totalPassed += counts.passed;
    totalFailed += counts.failed;
  }
  const ok = code === 0;
  results.push({ step, status: ok ? 'ok' : `FAILED (exit ${code})`, ms, counts });
  console.log(
    `${ok ? '✔' : '✖'} ${step.name} ${ok ? 'passed' : `failed (exit ${code})`} in ${seconds(ms)}`,
  );
  if (interrupted || (!ok && !keepGoing)) break;
}

// ---- summary -----------------------------------------------------------------------------------
console.log(`\n${rule}\nSummary (${seconds(Date.now() - started)})`);
for (const { step, status, ms, counts } of results) {
  const tally = counts ? `  ${counts.passed} passed, ${counts.failed} failed` : '';
  console.log(
    `  ${step.name.padEnd(16)} ${status.padEnd(18)} ${ms ? seconds(ms).padStart(8) : ''}${tally}`,
  );
}
const notRun = selected.filter((s) => !results.some((r) => r.step === s));
if (notRun.length) console.log(`  not run: ${notRun.map((s) => s.name).join(', ')}`);
const failedSteps = results.filter((r) => r.status.startsWith('FAILED'));
console.log(`tests: ${totalPassed} passed, ${totalFailed} failed`);
process.exit(failedSteps.length || notRun.length ? 1 : 0);
