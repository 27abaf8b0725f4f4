// The large-volume database (1M tickets, 1M calls), generated once by the server's own seed and
// cached under bench/.cache, keyed by the generator's version: a hash of the seed sources and the
// volumes asked for. Migrations are not part of the key: a migration added after the cached
// generation (an index, a table) is applied to each run's copy when the server starts, as it is to
// any existing database. A migration that was CHANGED or removed after the generation would make
// the cached database wrong (the server never applies a migration twice), so each cache entry
// records the migrations it was generated with (migrations.json) and is generated again when one
// of them differs. A generation that is cut off leaves no cache entry.
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
const MIGRATIONS = join(SERVER, 'db/migrations');

/** Sources whose change changes the generated data (the migrations aside: see above). */
function generatorFiles() {
  const dirs = ['seed', 'db', 'areas/volume'];
  const files = [];
  for (const dir of dirs) {
    const abs = join(SERVER, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) if (f.endsWith('.ts')) files.push(join(abs, f));
  }
  return files;
}

export function generatorKey({ tickets, calls, seed = 1 }) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ tickets, calls, seed }));
  for (const f of generatorFiles()) hash.update(f.slice(SERVER.length)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

/** { file name: sha256 } of the migrations in the source tree now. */
export function migrationHashes() {
  const out = {};
  for (const f of readdirSync(MIGRATIONS).sort()) {
    if (!f.endsWith('.sql')) continue;
    out[f] = createHash('sha256')
      .update(readFileSync(join(MIGRATIONS, f)))
      .digest('hex');
  }
  return out;
}

/** Why a cached database no longer fits the migrations (undefined: it fits). */
export function staleMigrations(recorded, current = migrationHashes()) {
  const changed = Object.keys(recorded).filter((f) => current[f] !== recorded[f]);
  return changed.length
    ? `migrations changed since its generation: ${changed.join(', ')}`
    : undefined;
}

function cached(dir, log) {
  const file = join(dir, 'cc.sqlite');
  if (!existsSync(file)) return false;
  const manifest = join(dir, 'migrations.json');
  // An entry from before the manifest was written: taken as it is.
  if (!existsSync(manifest)) return true;
  const why = staleMigrations(JSON.parse(readFileSync(manifest, 'utf8')));
  if (why) log(`  the cached database does not fit: ${why}`);
  return !why;
}

/**
 * Path of the cached database for these volumes, generating it first if missing.
 * Returns { file, key, generatedMs (undefined when cached) }.
 */
export async function largeDb({ tickets = 1_000_000, calls = 1_000_000, log = console.log } = {}) {
  const key = generatorKey({ tickets, calls });
  const dir = join(BENCH, '.cache', `db-${key}`);
  const file = join(dir, 'cc.sqlite');
  if (cached(dir, log)) return { file, key };
  const tmp = join(BENCH, '.cache', `tmp-${key}`);
  // Another run generating the same database: wait for it rather than start over.
  const owner = Number(existsSync(join(tmp, 'pid')) ? readFileSync(join(tmp, 'pid'), 'utf8') : NaN);
  if (owner && alive(owner)) {
    log(`  waiting for the generation in progress (process ${owner})`);
    while (alive(owner) && !existsSync(file)) await new Promise((r) => setTimeout(r, 5000));
    if (cached(dir, log)) return { file, key };
  }
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'pid'), String(process.pid));
  const migrations = migrationHashes();
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
  writeFileSync(join(tmp, 'migrations.json'), `${JSON.stringify(migrations, null, 2)}\n`);
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
