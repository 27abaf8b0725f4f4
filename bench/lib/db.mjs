// The large-volume database (1M tickets, 1M calls), generated once by the server's own seed and
// cached under bench/.cache, keyed by the generator's version: a hash of the seed and migration
// sources and the volumes asked for. A generation that is cut off leaves no cache entry.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BENCH, REPO } from './paths.mjs';

const SERVER = join(REPO, 'packages/server/src');

/** Sources whose change changes the generated data. */
function generatorFiles() {
  const dirs = ['seed', 'db', 'db/migrations', 'areas/volume'];
  const files = [];
  for (const dir of dirs) {
    const abs = join(SERVER, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort())
      if (f.endsWith('.ts') || f.endsWith('.sql')) files.push(join(abs, f));
  }
  return files;
}

export function generatorKey({ tickets, calls, seed = 1 }) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ tickets, calls, seed }));
  for (const f of generatorFiles()) hash.update(f.slice(SERVER.length)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Path of the cached database for these volumes, generating it first if missing.
 * Returns { file, key, generatedMs (undefined when cached) }.
 */
export async function largeDb({ tickets = 1_000_000, calls = 1_000_000, log = console.log } = {}) {
  const key = generatorKey({ tickets, calls });
  const dir = join(BENCH, '.cache', `db-${key}`);
  const file = join(dir, 'cc.sqlite');
  if (existsSync(file)) return { file, key };
  const tmp = join(BENCH, '.cache', `tmp-${key}`);
  // Another run generating the same database: wait for it rather than start over.
  const owner = Number(existsSync(join(tmp, 'pid')) ? readFileSync(join(tmp, 'pid'), 'utf8') : NaN);
  if (owner && alive(owner)) {
    log(`  waiting for the generation in progress (process ${owner})`);
    while (alive(owner) && !existsSync(file)) await new Promise((r) => setTimeout(r, 5000));
    if (existsSync(file)) return { file, key };
  }
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'pid'), String(process.pid));
  log(
    `  generating the ${tickets.toLocaleString('en')}-ticket database (key ${key}); this takes minutes, once`,
  );
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(BENCH, 'lib/generate-db.ts'), join(tmp, 'cc.sqlite')],
      {
        cwd: REPO,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, CC_SEED_TICKETS: String(tickets), CC_SEED_CALLS: String(calls) },
      },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`)),
    );
  });
  const generatedMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmp, 'pid'), { force: true });
  renameSync(tmp, dir);
  return { file, key, generatedMs };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A copy of the database for one run (writes must not change the cache). */
export function workingCopy(file, name = 'run') {
  const dir = join(BENCH, '.cache', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, 'cc.sqlite');
  copyFileSync(file, copy);
  return copy;
}
