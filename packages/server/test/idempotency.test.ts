/** Idempotency-Key: replay, mismatch, in flight, failures that release the key, per-user scope. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const countTickets = (subject: string) =>
  (
    server.built.db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE subject = ?').get(subject) as {
      n: number;
    }
  ).n;

function createWith(key: string, body: Record<string, unknown>, token = 'agent') {
  return server.api('createTicket', {
    token,
    headers: { 'Idempotency-Key': key },
    body: { kind: 'general_call', ...body },
  });
}

describe('Idempotency-Key', () => {
  test('a replay returns the first answer, marked, and writes nothing again', async () => {
    const key = idempotencyKey();
    const subject = `replay ${key}`;
    const first = await createWith(key, { subject });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const replay = await createWith(key, { subject });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    assert.equal(replay.headers.get('etag'), first.headers.get('etag'));
    assert.deepEqual(replay.body, first.body);
    assert.equal(countTickets(subject), 1);
  });

  test('a replay with the keys of the body in another order is still the same request', async () => {
    const key = idempotencyKey();
    const subject = `order ${key}`;
    await server.api('createTicket', {
      token: 'agent',
      headers: { 'Idempotency-Key': key },
      rawBody: JSON.stringify({ kind: 'general_call', subject, priority: 'high' }),
    });
    const replay = await server.api('createTicket', {
      token: 'agent',
      headers: { 'Idempotency-Key': key },
      rawBody: JSON.stringify({ priority: 'high', subject, kind: 'general_call' }),
    });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(countTickets(subject), 1);
  });

  test('the same key with another body is 422 and writes nothing', async () => {
    const key = idempotencyKey();
    await createWith(key, { subject: `first ${key}` });
    const other = await createWith(key, { subject: `second ${key}` });
    assertProblem(other, 422, 'idempotency-mismatch');
    assert.equal(countTickets(`second ${key}`), 0);
  });

  test('the same key on another operation is a mismatch too', async () => {
    const key = idempotencyKey();
    const ticket = await createWith(key, { subject: `op ${key}` });
    const comment = await server.api('addTicketComment', {
      token: 'agent',
      path: { ticketId: ticket.body.id },
      headers: { 'Idempotency-Key': key },
      body: { body: 'hello' },
    });
    assertProblem(comment, 422, 'idempotency-mismatch');
  });

  test('a replay while the first request is in flight is 409', async () => {
    const key = idempotencyKey();
    const user = server.userFor('agent');
    // What a concurrent first request leaves behind while it runs: a reserved key.
    server.built.db
      .prepare(
        `INSERT INTO idempotency_keys (user_id, key, operation_id, request_hash, state, created_at, expires_at)
         VALUES (?, ?, 'createTicket', ?, 'in_progress', ?, ?)`,
      )
      .run(
        user.id,
        key,
        (await import('../src/core/idempotency.js')).requestHash('post', '/v1/tickets', {
          kind: 'general_call',
          subject: `flight ${key}`,
        }),
        new Date().toISOString(),
        new Date(Date.now() + 86_400_000).toISOString(),
      );
    const response = await createWith(key, { subject: `flight ${key}` });
    assertProblem(response, 409, 'idempotency-in-progress');
    assert.equal(countTickets(`flight ${key}`), 0);
  });

  test('a request that fails releases its key: a corrected retry runs', async () => {
    const key = idempotencyKey();
    const failed = await createWith(key, { subject: `fix ${key}`, assigneeId: 'usr_nobody' });
    assertProblem(failed, 422, 'unprocessable');
    const retried = await createWith(key, { subject: `fix ${key}` });
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get('idempotent-replayed'), null);
  });

  test('keys are per user: two users may use the same key', async () => {
    const key = idempotencyKey();
    const a = await createWith(key, { subject: `a ${key}` }, 'agent');
    const b = await createWith(key, { subject: `b ${key}` }, 'supervisor');
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.id, b.body.id);
  });

  test('the stored answer is written in the same transaction, and kept at least 24 hours', async () => {
    const key = idempotencyKey();
    const user = server.userFor('agent');
    await createWith(key, { subject: `kept ${key}` });
    const row = server.built.db
      .prepare(
        'SELECT state, status, created_at, expires_at FROM idempotency_keys WHERE user_id = ? AND key = ?',
      )
      .get(user.id, key) as {
      state: string;
      status: number;
      created_at: string;
      expires_at: string;
    };
    assert.equal(row.state, 'done');
    assert.equal(row.status, 201);
    assert.ok(Date.parse(row.expires_at) - Date.parse(row.created_at) >= 24 * 3600_000);
  });

  test('a key that is not visible ASCII is 400', async () => {
    const response = await createWith('has a space', { subject: 'x' });
    assertProblem(response, 400, 'validation', ['/header/idempotency-key']);
  });
});
