/**
 * Exactly-once under faults: complaint submissions through the SDK (createClient in Node) go
 * through the fault proxy, which drops, delays, resets before and after the server's answer and
 * answers 5xx / 429 for 30 % of the requests. A submission the SDK gives up on is sent again by
 * the "user" with the same draft key, as the complaint form does. Afterwards the database holds
 * exactly one complaint per submission, and every complaint the user saw as sent is there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CcError, createClient, responseMeta, type Client } from '@cc-kit/sdk';
import { startServer, type TestServer } from '../../packages/server/test/helpers/server.js';
import { fileableCategories } from './support/complaints.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { pool, scale, SEED } from './support/scale.js';

const SUBMISSIONS = scale(100, 1000);
const FAULT_SHARE = 0.3;
const USERS = 8;
/** How often a user presses "send" again (same draft key) after the SDK gave up. */
const USER_RETRIES = 20;

let server: TestServer;
let proxy: FaultProxy;

before(async () => {
  server = await startServer();
  proxy = await startFaultProxy({
    target: server.url,
    share: FAULT_SHARE,
    seed: SEED,
    delayMs: [10, 300],
    holdMs: 3000,
    retryAfterSeconds: 1,
  });
});
after(async () => {
  await proxy?.close();
  await server?.close();
});

describe('exactly-once complaint filing under faults', () => {
  test(`${SUBMISSIONS} submissions with ${FAULT_SHARE * 100} % faults: each filed once`, async (t) => {
    const leaves = await fileableCategories(server);

    const agents = server.built.db
      .prepare(`SELECT id FROM users WHERE role = 'agent' AND active = 1 ORDER BY id LIMIT ?`)
      .all(USERS) as { id: string }[];
    const clients: Client[] = agents.map(({ id }) =>
      createClient({
        baseUrl: proxy.url,
        token: server.tokenFor('agent', { userId: id }),
        timeout: 2500,
        retry: { attempts: 4, baseDelay: 20, maxDelay: 200, maxRetryAfter: 5000 },
      }),
    );

    const run = `rel-${SEED}-${Date.now().toString(36)}`;
    const sent = new Map<number, string>();
    let userRetries = 0;
    let replayed = 0;
    const started = Date.now();
    await pool(
      Array.from({ length: SUBMISSIONS }, (_, i) => i),
      USERS * 2,
      async (i) => {
        const client = clients[i % clients.length]!;
        const draft = {
          key: `${run}-${i}`,
          body: {
            customer: { customerId: `C-${i}`, name: `客户 ${i}`, phone: '13812345678' },
            channel: 'phone' as const,
            categoryId: leaves[i % leaves.length]!.id,
            severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
            description: `${run} submission ${i}: the bill was charged twice.`,
          },
        };
        for (let press = 0; ; press++) {
          try {
            const filed = await client.complaints.file(draft.body, { idempotencyKey: draft.key });
            if (responseMeta(filed)?.replayed) replayed++;
            sent.set(i, filed.id);
            return;
          } catch (error) {
            assert.ok(error instanceof CcError, `not an SDK error: ${String(error)}`);
            assert.ok(error.retryable, `submission ${i} refused for good: ${error.message}`);
            assert.ok(press < USER_RETRIES, `submission ${i} still failing: ${error.message}`);
            userRetries++;
          }
        }
      },
    );
    const seconds = (Date.now() - started) / 1000;

    const rows = server.built.db
      .prepare(
        `SELECT id, description FROM tickets WHERE kind = 'complaint' AND description LIKE ? ESCAPE '\\'`,
      )
      .all(`${run.replace(/[%_\\]/g, '\\$&')} submission %`) as {
      id: string;
      description: string;
    }[];
    const perSubmission = new Map<number, string[]>();
    for (const row of rows) {
      const i = Number(/submission (\d+):/.exec(row.description)![1]);
      perSubmission.set(i, [...(perSubmission.get(i) ?? []), row.id]);
    }
    const duplicates = [...perSubmission.values()].filter((ids) => ids.length > 1).length;
    const faults = Object.values(proxy.stats.faults).reduce((a, b) => a + b, 0);
    t.diagnostic(
      `submissions ${SUBMISSIONS}, stored ${rows.length}, duplicates ${duplicates}, sent ${sent.size}; ` +
        `requests ${proxy.stats.requests}, faults ${faults} (${JSON.stringify(proxy.stats.faults)}), ` +
        `replayed answers ${replayed}, user re-sends ${userRetries}, ${seconds.toFixed(1)} s`,
    );

    assert.equal(sent.size, SUBMISSIONS, 'every submission was eventually seen as sent');
    assert.equal(rows.length, SUBMISSIONS, 'exactly one stored complaint per submission');
    assert.equal(duplicates, 0);
    for (const [i, id] of sent) {
      assert.deepEqual(perSubmission.get(i), [id], `submission ${i}: the one the user saw`);
    }
    assert.ok(
      faults >= proxy.stats.requests * FAULT_SHARE * 0.8,
      `faults were injected (${faults} of ${proxy.stats.requests})`,
    );
    for (const kind of Object.keys(proxy.stats.faults) as (keyof typeof proxy.stats.faults)[]) {
      assert.ok(proxy.stats.faults[kind] > 0, `the proxy injected ${kind}`);
    }
  });
});
