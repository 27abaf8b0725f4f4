/** Opens the SQLite database with the settings the server relies on. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Opens a database file (or ':memory:'), or an in-memory copy of a serialized one. */
export function openDatabase(file: string | Buffer): Db {
  if (typeof file === 'string' && file !== ':memory:')
    mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (typeof file === 'string' && file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();
const MAX_CACHED_STATEMENTS = 1000;

/** `db.prepare(sql)`, compiled once per database and SQL text. */
export function prepare(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
