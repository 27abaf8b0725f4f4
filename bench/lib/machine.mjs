import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BENCH, REPO } from './paths.mjs';

function version(pkg, from = REPO) {
  for (const base of [join(BENCH, 'node_modules'), join(from, 'node_modules')]) {
    const file = join(base, pkg, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
  }
  return 'missing';
}

export function machine() {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="([^"]+)"/);
    if (rel) osName = rel[1];
  } catch {
    // not Linux
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    loadStart: os.loadavg(),
  };
}

export function versions(chromiumPath) {
  let chromium = 'missing';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as missing
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], {
      cwd: REPO,
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ' (packages/ has uncommitted changes)';
  } catch {
    // not a checkout
  }
  return {
    'cc-kit': commit,
    node: process.versions.node,
    sqlite: 'see server section',
    chromium,
    lit: version('lit'),
    fastify: version('fastify'),
    'better-sqlite3': version('better-sqlite3'),
    'playwright-core': version('playwright-core'),
    'ag-grid-community': version('ag-grid-community'),
    'tabulator-tables': version('tabulator-tables'),
    '@shoelace-style/shoelace': version('@shoelace-style/shoelace'),
    '@awesome.me/webawesome': version('@awesome.me/webawesome'),
    'openapi-fetch': version('openapi-fetch'),
    autocannon: version('autocannon'),
  };
}
