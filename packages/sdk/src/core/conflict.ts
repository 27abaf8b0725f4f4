/** Optimistic concurrency: re-read and re-apply a change when someone else changed the object. */
import { ConflictError } from './errors.js';

export interface RetryOnConflictOptions {
  /** How many times in all to read and write (default 3). */
  attempts?: number;
}

/**
 * Reads the current state, lets `write` apply a change to it, and when the write fails with a
 * stale ETag (412) reads again and applies the change again, up to `attempts` times.
 * `write` returns undefined (or null) to give up without writing; the state read is then returned.
 *
 * ```ts
 * await retryOnConflict(
 *   () => client.tickets.get(id),
 *   (ticket) => client.tickets.update(id, { tags: [...ticket.tags, 'vip'] }, { ifMatch: ticket.version }),
 * );
 * ```
 */
export async function retryOnConflict<S, R>(
  read: () => Promise<S>,
  write: (current: S) => Promise<R> | null | undefined,
  options: RetryOnConflictOptions = {},
): Promise<R | S> {
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const current = await read();
    const pending = write(current);
    if (pending == null) return current;
    try {
      return await pending;
    } catch (error) {
      if (!(error instanceof ConflictError && error.isStale) || attempt >= attempts) throw error;
    }
  }
}
