// bench/ has its own dependencies (the comparison packages), outside the workspaces: installed on
// the first `npm run bench` from bench/package-lock.json, never by the repository's `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH } from './paths.mjs';

export function missingDependencies() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8'));
  return Object.entries(dependencies).filter(([pkg, version]) => {
    const file = join(BENCH, 'node_modules', pkg, 'package.json');
    return !existsSync(file) || JSON.parse(readFileSync(file, 'utf8')).version !== version;
  });
}

/** Installs bench/'s dependencies when missing; returns the install time in ms (0 when none). */
export function ensureInstalled(log = console.log) {
  const missing = missingDependencies();
  if (!missing.length) return 0;
  log(`installing bench/ dependencies (${missing.map(([p, v]) => `${p}@${v}`).join(', ')})`);
  const t0 = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--workspaces=false'],
    { cwd: BENCH, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('bench/: npm install failed');
  return performance.now() - t0;
}
