/**
 * Transactions that keep the event bus in step: events published inside reach live streams only
 * after the commit, and are forgotten on a rollback.
 */
import type { Db } from '../db/database.js';
import type { EventBus } from './events.js';

/** Runs `fn` in a transaction (a savepoint when one is already open). `fn` must be synchronous. */
export function inTransaction<T>(db: Db, events: EventBus, fn: () => T): T {
  const outer = !db.inTransaction;
  const mark = events.mark();
  try {
    const result = db.transaction(() => {
      const value = fn();
      if (value instanceof Promise) {
        throw new Error('A transaction body must be synchronous (better-sqlite3).');
      }
      return value;
    })();
    if (outer) events.flush();
    return result;
  } catch (error) {
    if (outer) events.discard();
    else events.rollbackTo(mark);
    throw error;
  }
}
