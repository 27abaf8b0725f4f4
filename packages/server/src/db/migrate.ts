/**
 * Schema migrations: `migrations/NNN_area.sql`, applied in order of their number at start-up,
 * each inside a transaction, recorded in `schema_migrations`. Areas own number ranges (see the
 * server README) so that work in parallel never picks the same number.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const seen = new Map<number, string>();
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .map((file) => {
      const version = Number(file.slice(0, 3));
      const other = seen.get(version);
      if (other) throw new Error(`Two migrations share number ${version}: ${other} and ${file}`);
      seen.set(version, file);
      return {
        version,
        name: file.replace(/\.sql$/, ''),
        sql: readFileSync(`${dir}${file}`, 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
}

/** Applies the migrations not applied yet; returns their names. */
export function migrate(db: Db, migrations: Migration[] = listMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    done.push(migration.name);
  }
  return done;
}
