/** Live events: changes arrive, resume loses nothing, reach and masking, heartbeats, caps, cleanup. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';
import { openStream } from './helpers/sse.js';

let server: TestServer;
before(async () => {
  server = await startServer({ sseHeartbeatMs: 100, sseMaxConnectionsPerToken: 3 });
});
after(() => server.close());

const customer = { name: '陈静', phone: '13612345678' };

async function createTicket(token: string, subject: string, extra: Record<string, unknown> = {}) {
  const response = await server.api('createTicket', {
    token,
    headers: { 'Idempotency-Key': idempotencyKey() },
    body: { kind: 'general_call', subject, customer, ...extra },
  });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

const listeners = () => server.built.services.events.listenerCount;

async function eventually(check: () => boolean, timeoutMs = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('streamEvents', () => {
  test('a change made through the API arrives on the stream', async () => {
    const token = server.tokenFor('supervisor');
    const stream = await openStream(server.url, token, 'topics=tickets');
    try {
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.ok(stream.headers.get('x-request-id'));
      const ticket = await createTicket(token, 'live one');
      const created = await stream.waitFor(
        (e) => e.event === 'ticket.created' && e.data.data.id === ticket.id,
      );
      assert.equal(created.data.topic, 'tickets');
      assert.equal(created.data.data.customer.name, '陈静');
      await server.api('transitionTicket', {
        token,
        path: { ticketId: ticket.id },
        headers: { 'If-Match': `"${ticket.version}"`, 'Idempotency-Key': idempotencyKey() },
        body: { transition: 'start' },
      });
      const updated = await stream.waitFor(
        (e) => e.event === 'ticket.updated' && e.data.data.id === ticket.id,
      );
      assert.equal(updated.data.data.state, 'open');
      assert.equal(updated.data.actor.id, server.userFor('supervisor').id);
      await server.api('addTicketComment', {
        token,
        path: { ticketId: ticket.id },
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { body: 'noted' },
      });
      const commented = await stream.waitFor((e) => e.event === 'ticket.commented');
      assert.equal(commented.data.data.ticketId, ticket.id);
      assert.ok(Number(updated.id) > Number(created.id));
    } finally {
      stream.close();
    }
  });

  test('resuming with Last-Event-ID (or ?lastEventId) loses nothing', async () => {
    const token = server.tokenFor('operations_manager');
    const first = await openStream(server.url, token, 'topics=tickets');
    const a = await createTicket(server.tokenFor('supervisor'), 'resume a');
    const seen = await first.waitFor((e) => e.data.data.id === a.id);
    first.close();
    await first.closed;
    // Missed while disconnected:
    const b = await createTicket(server.tokenFor('supervisor'), 'resume b');
    const c = await createTicket(server.tokenFor('supervisor'), 'resume c');
    for (const resume of [
      (url: string) => openStream(url, token, 'topics=tickets', { 'Last-Event-ID': seen.id! }),
      (url: string) => openStream(url, token, `topics=tickets&lastEventId=${seen.id}`),
    ]) {
      const second = await resume(server.url);
      try {
        await second.waitFor((e) => e.data.data.id === c.id);
        const ids = second.events.map((e) => e.data.data.id);
        assert.ok(ids.includes(b.id) && ids.includes(c.id));
        assert.ok(!ids.includes(a.id), 'the event already seen is not sent again');
        // In order, no duplicates.
        const eventIds = second.events.map((e) => Number(e.id));
        assert.deepEqual(
          eventIds,
          [...eventIds].sort((x, y) => x - y),
        );
        assert.equal(new Set(eventIds).size, eventIds.length);
      } finally {
        second.close();
      }
    }
  });

  test('a resume point older than the events kept gets a resync event', async () => {
    const token = server.tokenFor('operations_manager');
    await createTicket(server.tokenFor('supervisor'), 'old one');
    const store = server.built.services.events.store;
    const oldest = store.latestId();
    await createTicket(server.tokenFor('supervisor'), 'newer one');
    store.purge(new Date(Date.now() + 1000).toISOString());
    const stream = await openStream(server.url, token, 'topics=tickets', {
      'Last-Event-ID': String(oldest - 1),
    });
    try {
      const resync = await stream.waitFor((e) => e.event === 'resync');
      assert.equal(resync.data.type, 'resync');
      assert.ok(resync.data.data.reason);
    } finally {
      stream.close();
    }
    const unknown = await openStream(server.url, token, 'topics=tickets', {
      'Last-Event-ID': 'not-a-number',
    });
    try {
      await unknown.waitFor((e) => e.event === 'resync');
    } finally {
      unknown.close();
    }
  });

  test('events are filtered to what the caller may see, and masked as for REST', async () => {
    const onlineAgent = server.tokenFor('agent', { team: 'team_online' });
    const residentialSupervisor = await openStream(
      server.url,
      server.tokenFor('supervisor', { team: 'team_residential' }),
      'topics=tickets',
    );
    const onlineSupervisor = await openStream(
      server.url,
      server.tokenFor('supervisor', { team: 'team_online' }),
      'topics=tickets',
    );
    const qa = await openStream(server.url, server.tokenFor('qa_specialist'), 'topics=tickets');
    const manager = await openStream(
      server.url,
      server.tokenFor('operations_manager'),
      'topics=tickets',
    );
    try {
      const ticket = await createTicket(onlineAgent, 'team online only');
      const seenByManager = await manager.waitFor((e) => e.data.data.id === ticket.id);
      assert.equal(seenByManager.data.data.customer.name, '陈*');
      assert.equal(seenByManager.data.data.customer.phone, '136****5678');
      assert.equal(seenByManager.data.data.customer.masked, true);
      assert.deepEqual(seenByManager.data.data.allowedTransitions, ['start', 'escalate']);
      const seenByTeam = await onlineSupervisor.waitFor((e) => e.data.data.id === ticket.id);
      assert.equal(seenByTeam.data.data.customer.name, '陈静');
      const praise = await createTicket(onlineAgent, 'praise for QA', { kind: 'praise' });
      await qa.waitFor((e) => e.data.data.id === praise.id);
      await sleep(100);
      assert.ok(!residentialSupervisor.events.some((e) => e.data.data.id === ticket.id));
      assert.ok(!qa.events.some((e) => e.data.data.id === ticket.id));
    } finally {
      for (const s of [residentialSupervisor, onlineSupervisor, qa, manager]) s.close();
    }
  });

  test('only the topics asked for', async () => {
    const token = server.tokenFor('operations_manager');
    const stream = await openStream(server.url, token, 'topics=equipment,evaluations');
    try {
      await createTicket(server.tokenFor('supervisor'), 'not on these topics');
      await sleep(150);
      assert.equal(stream.events.length, 0);
    } finally {
      stream.close();
    }
  });

  test('heartbeat comments keep the connection alive', async () => {
    const stream = await openStream(server.url, server.tokenFor('agent'), 'topics=tickets');
    try {
      await stream.waitForComments(2, 2000);
      assert.ok(stream.comments.includes('heartbeat'));
    } finally {
      stream.close();
    }
  });

  test('streams per token are capped (429); closing one frees its place and its listener', async () => {
    const token = server.tokenFor('complaint_supervisor');
    // Streams of the tests before have all gone.
    await eventually(() => listeners() === 0);
    const before = 0;
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await openStream(server.url, token, 'topics=tickets'));
    await eventually(() => listeners() === before + 3);
    const refused = await server.api('streamEvents', { token, query: { topics: 'tickets' } });
    assertProblem(refused, 429, 'rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    open[0]!.close();
    await eventually(() => listeners() === before + 2);
    const again = await openStream(server.url, token, 'topics=tickets');
    assert.equal(again.status, 200);
    for (const s of [...open, again]) s.close();
    await eventually(() => listeners() === before);
    assert.equal(server.built.services.areas.streams!.openCount, 0);
  });

  test('bad topics are 400', async () => {
    const token = server.tokenFor('agent');
    assertProblem(await server.api('streamEvents', { token }), 400, 'validation', [
      '/query/topics',
    ]);
    assertProblem(
      await server.api('streamEvents', { token, query: { topics: 'tickets,weather' } }),
      400,
      'validation',
      ['/query/topics/1'],
    );
  });

  test('a rolled-back write publishes nothing', async () => {
    const stream = await openStream(
      server.url,
      server.tokenFor('operations_manager'),
      'topics=tickets',
    );
    try {
      const response = await server.api('createTicket', {
        token: server.tokenFor('supervisor'),
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { kind: 'general_call', subject: 'will fail', assigneeId: 'usr_nobody' },
      });
      assert.equal(response.status, 422);
      await sleep(100);
      assert.ok(!stream.events.some((e) => e.data.data.subject === 'will fail'));
    } finally {
      stream.close();
    }
  });

  test('an invalid token gets 401, not a stream', async () => {
    const stream = await openStream(server.url, 'x.y.z', 'topics=tickets');
    assert.equal(stream.status, 401);
  });

  test('shutting down ends open streams', async () => {
    const local = await startServer();
    const stream = await openStream(
      local.url,
      local.tokenFor('operations_manager'),
      'topics=tickets',
    );
    assert.equal(stream.status, 200);
    const started = Date.now();
    await local.close();
    await stream.closed;
    assert.ok(Date.now() - started < 2000, 'the stream ended with the server');
    assert.equal(local.built.services.events.listenerCount, 0);
  });
});
