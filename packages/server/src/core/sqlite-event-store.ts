/** The events table behind the event bus. */
import { prepare, type Db } from '../db/database.js';
import type { EventStore, StoredEvent, UserRef } from './events.js';

interface EventRow {
  id: number;
  topic: string;
  type: string;
  occurred_at: string;
  actor_json: string | null;
  data_json: string;
  audience_json: string;
}

function fromRow(row: EventRow): StoredEvent {
  return {
    id: row.id,
    topic: row.topic,
    type: row.type,
    occurredAt: row.occurred_at,
    actor: row.actor_json ? (JSON.parse(row.actor_json) as UserRef) : null,
    data: JSON.parse(row.data_json) as unknown,
    audience: JSON.parse(row.audience_json) as string[],
  };
}

export class SqliteEventStore implements EventStore {
  constructor(private readonly db: Db) {}

  insert(event: Omit<StoredEvent, 'id'>): number {
    const result = prepare(
      this.db,
      `INSERT INTO events (topic, type, occurred_at, actor_json, data_json, audience_json)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      event.topic,
      event.type,
      event.occurredAt,
      event.actor ? JSON.stringify(event.actor) : null,
      JSON.stringify(event.data),
      JSON.stringify(event.audience),
    );
    return Number(result.lastInsertRowid);
  }

  after(afterId: number, topics: readonly string[], limit: number): StoredEvent[] {
    if (topics.length === 0) return [];
    const rows = prepare(
      this.db,
      `SELECT * FROM events WHERE id > ? AND topic IN (${topics.map(() => '?').join(', ')})
          ORDER BY id LIMIT ?`,
    ).all(afterId, ...topics, limit) as EventRow[];
    return rows.map(fromRow);
  }

  latestId(): number {
    // sqlite_sequence keeps the highest id ever given, even after purges.
    const row = prepare(this.db, `SELECT seq FROM sqlite_sequence WHERE name = 'events'`).get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  purge(before: string): number {
    const row = prepare(this.db, 'SELECT MAX(id) AS id FROM events WHERE occurred_at < ?').get(
      before,
    ) as { id: number | null };
    if (!row.id) return 0;
    this.db.transaction(() => {
      prepare(this.db, 'DELETE FROM events WHERE id <= ?').run(row.id);
      prepare(
        this.db,
        `INSERT INTO server_meta (key, value) VALUES ('events.purged_through', ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(String(row.id));
    })();
    return row.id;
  }

  purgedThrough(): number {
    const row = prepare(
      this.db,
      `SELECT value FROM server_meta WHERE key = 'events.purged_through'`,
    ).get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  inTransaction(): boolean {
    return this.db.inTransaction;
  }
}
