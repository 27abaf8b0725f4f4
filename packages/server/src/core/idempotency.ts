/**
 * Idempotency-Key on POSTs that write.
 *
 * 1. `reserve` inserts (user, key, request hash) as `in_progress`, committed on its own, so a second
 *    server process sees it too. An existing row means: same hash and done -> replay the stored
 *    answer; same hash and in progress -> 409; another hash -> 422.
 * 2. The handler runs in a transaction; `complete` stores the 2xx answer in that SAME transaction,
 *    so the write and its stored answer commit together or not at all.
 * 3. On any error the reservation is `release`d: nothing was written, a retry may run again.
 * Keys live at least 24 hours; expired ones are purged as new ones come.
 */
import { createHash } from 'node:crypto';
import { prepare, type Db } from '../db/database.js';
import type { Clock } from './clock.js';
import { HttpProblem } from './problems.js';
import { canonicalJson } from './pagination.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** Response headers kept with the answer and replayed. */
const STORED_HEADERS = ['etag', 'location', 'content-type'];

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

export class IdempotencyStore {
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
  ) {}

  /** Reserves the key, or returns the stored answer to replay. Throws 409 / 422. */
  reserve(
    userId: string,
    key: string,
    operationId: string,
    hash: string,
  ): { replay: StoredResponse } | { reserved: true } {
    const now = this.clock();
    this.purge(now);
    return this.db.transaction(() => {
      const row = prepare(
        this.db,
        `SELECT request_hash, state, status, headers_json, body_json, expires_at
             FROM idempotency_keys WHERE user_id = ? AND key = ?`,
      ).get(userId, key) as
        | {
            request_hash: string;
            state: string;
            status: number | null;
            headers_json: string | null;
            body_json: string | null;
            expires_at: string;
          }
        | undefined;
      if (row && row.expires_at <= now.toISOString()) {
        prepare(this.db, 'DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?').run(
          userId,
          key,
        );
      } else if (row) {
        if (row.request_hash !== hash) {
          throw new HttpProblem(
            'idempotency-mismatch',
            'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          );
        }
        if (row.state !== 'done') {
          throw new HttpProblem(
            'idempotency-in-progress',
            'The first request with this Idempotency-Key is still being processed; retry shortly.',
            { headers: { 'Retry-After': '1' } },
          );
        }
        return {
          replay: {
            status: row.status ?? 200,
            headers: JSON.parse(row.headers_json ?? '{}') as Record<string, string>,
            body: row.body_json === null ? undefined : (JSON.parse(row.body_json) as unknown),
          },
        };
      }
      prepare(
        this.db,
        `INSERT INTO idempotency_keys
             (user_id, key, operation_id, request_hash, state, created_at, expires_at)
           VALUES (?, ?, ?, ?, 'in_progress', ?, ?)`,
      ).run(
        userId,
        key,
        operationId,
        hash,
        now.toISOString(),
        new Date(now.getTime() + this.ttlMs).toISOString(),
      );
      return { reserved: true as const };
    })();
  }

  /** Stores the answer; call inside the transaction of the write. */
  complete(userId: string, key: string, response: StoredResponse): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (STORED_HEADERS.includes(name.toLowerCase())) headers[name] = value;
    }
    prepare(
      this.db,
      `UPDATE idempotency_keys SET state = 'done', status = ?, headers_json = ?, body_json = ?
          WHERE user_id = ? AND key = ?`,
    ).run(
      response.status,
      JSON.stringify(headers),
      response.body === undefined ? null : JSON.stringify(response.body),
      userId,
      key,
    );
  }

  /** Forgets a reservation whose request failed. */
  release(userId: string, key: string): void {
    prepare(
      this.db,
      `DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND state = 'in_progress'`,
    ).run(userId, key);
  }

  purge(now: Date, force = false): void {
    if (!force && now.getTime() - this.lastPurge < 60_000) return;
    this.lastPurge = now.getTime();
    prepare(this.db, 'DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now.toISOString());
  }
}
