/**
 * No lost updates: 50 concurrent writers change the same few tickets with If-Match. Each writer
 * reads a ticket, then writes it with the ETag it read (and now and then with an ETag it knows is
 * stale). Afterwards, per ticket:
 *   - every write was either accepted (200) or refused with 412 precondition-failed;
 *   - the accepted writes carry the versions v0+1 … v0+k, each based on the version just before
 *     it: they form one serial order, and none was applied on top of a state it did not see;
 *   - the final state is the last write of that order;
 *   - the activity log has exactly one `updated` entry per accepted write, in the same order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../../packages/server/test/helpers/server.js';
import { seededRandom } from './support/fault-proxy.js';
import { scale, SEED } from './support/scale.js';

const WRITERS = 50;
const ROUNDS = scale(4, 20);
const TICKETS = 5;

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

interface Attempt {
  ticketId: string;
  writer: number;
  basedOn: number;
  stale: boolean;
  subject: string;
  priority: string;
  status: number;
  version?: number;
}

describe('no lost updates', () => {
  test(`${WRITERS} concurrent writers with If-Match on ${TICKETS} tickets`, async (t) => {
    const ids = (
      server.built.db
        .prepare(
          `SELECT id FROM tickets WHERE state NOT IN ('closed') AND kind = 'general_call'
            ORDER BY number LIMIT ?`,
        )
        .all(TICKETS) as { id: string }[]
    ).map((r) => r.id);
    assert.equal(ids.length, TICKETS);
    const initial = new Map<string, number>();
    const activityBefore = new Map<string, number>();
    const activityCount = server.built.db.prepare(
      `SELECT count(*) AS n FROM ticket_activity WHERE ticket_id = ? AND action = 'updated'`,
    );
    for (const id of ids) {
      const manager = await server.api('getTicket', {
        path: { ticketId: id },
        token: 'operations_manager',
      });
      initial.set(id, manager.body.version);
      activityBefore.set(id, (activityCount.get(id) as { n: number }).n);
    }

    const token = server.tokenFor('operations_manager');
    const attempts: Attempt[] = [];
    const priorities = ['low', 'normal', 'high', 'urgent'];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const random = seededRandom(SEED + writer);
        for (let round = 0; round < ROUNDS; round++) {
          const ticketId = ids[Math.floor(random() * ids.length)]!;
          const read = await server.api('getTicket', { path: { ticketId }, token });
          assert.equal(read.status, 200);
          const current = Number(JSON.parse(read.headers.get('etag')!));
          // One write in ten is sent with an ETag from before the run: certainly stale.
          const stale = random() < 0.1 && current > initial.get(ticketId)!;
          const basedOn = stale ? initial.get(ticketId)! : current;
          const subject = `Writer ${writer} round ${round}`;
          const priority = priorities[Math.floor(random() * priorities.length)]!;
          const write = await server.api('updateTicket', {
            path: { ticketId },
            token,
            headers: { 'if-match': `"${basedOn}"` },
            body: { subject, priority },
          });
          attempts.push({
            ticketId,
            writer,
            basedOn,
            stale,
            subject,
            priority,
            status: write.status,
            ...(write.status === 200 ? { version: write.body.version as number } : {}),
          });
          if (write.status === 412) {
            assert.equal(write.body.type, '/problems/precondition-failed');
            assert.equal(typeof write.body.currentVersion, 'number');
          }
        }
      }),
    );
    const ms = Date.now() - started;

    const accepted = attempts.filter((a) => a.status === 200);
    const refused = attempts.filter((a) => a.status !== 200);
    t.diagnostic(
      `writers ${WRITERS}, attempts ${attempts.length}, accepted ${accepted.length}, ` +
        `refused ${refused.length} (all 412: ${refused.every((a) => a.status === 412)}; ` +
        `${refused.filter((a) => a.stale).length} with a deliberately stale ETag), ${ms} ms`,
    );
    assert.deepEqual(
      [...new Set(refused.map((a) => a.status))].filter((s) => s !== 412),
      [],
      'every refused write got 412',
    );
    assert.ok(accepted.length > 0 && refused.length > 0, 'both outcomes occurred');
    assert.ok(
      attempts.filter((a) => a.stale).every((a) => a.status === 412),
      'every stale write was refused',
    );

    const activityRows = server.built.db.prepare(
      `SELECT changes_json FROM ticket_activity WHERE ticket_id = ? AND action = 'updated'
        ORDER BY seq`,
    );
    for (const id of ids) {
      const mine = accepted
        .filter((a) => a.ticketId === id)
        .sort((a, b) => a.version! - b.version!);
      const v0 = initial.get(id)!;
      // One serial order: versions v0+1 … v0+k, each write based on the version before it.
      assert.deepEqual(
        mine.map((a) => a.version),
        mine.map((_, i) => v0 + i + 1),
        `${id}: accepted versions are consecutive`,
      );
      for (const a of mine)
        assert.equal(a.basedOn, a.version! - 1, `${id}: based on its predecessor`);

      const final = await server.api('getTicket', {
        path: { ticketId: id },
        token: 'operations_manager',
      });
      const last = mine[mine.length - 1];
      assert.equal(final.body.version, v0 + mine.length);
      if (last) {
        assert.equal(final.body.subject, last.subject, `${id}: final state is the last write`);
        assert.equal(final.body.priority, last.priority);
      }

      const entries = (activityRows.all(id) as { changes_json: string }[]).slice(
        activityBefore.get(id)!,
      );
      assert.equal(entries.length, mine.length, `${id}: one activity entry per accepted write`);
      const subjects = entries.map(
        (e) =>
          (JSON.parse(e.changes_json) as { field: string; to: unknown }[]).find(
            (c) => c.field === 'subject',
          )?.to,
      );
      assert.deepEqual(
        subjects,
        mine.map((a) => a.subject),
        `${id}: the log is in the serial order`,
      );
    }
  });
});
