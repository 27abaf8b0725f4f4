/**
 * State machines, SLA clocks through transitions, the complaint guards, bulk changes, and the
 * ticket extension point other areas use.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TICKET_KINDS,
  TICKET_TRANSITIONS,
  allowedTransitions,
  nextState,
  statesOf,
  type TicketKind,
  type TicketState,
} from '@cc-kit/domain';
import type { Area } from '../src/core/area.js';
import { discoverAreas } from '../src/app.js';
import { defineArea } from '../src/core/area.js';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';

const HOUR = 3600_000;
// A Monday 10:00 in Shanghai (02:00 UTC), not a holiday.
let now = Date.parse('2026-11-23T02:00:00.000Z');
const closable = new Set<string>();

let server: TestServer;
before(async () => {
  const areas: Area[] = [
    ...(await discoverAreas()),
    // What the complaints area will do: tell the close guard about verdicts and callbacks.
    defineArea({
      name: 'test-complaint-facts',
      order: 99,
      setup({ services }) {
        services.need('tickets').extend({
          name: 'test-complaint-facts',
          complaintCloseFacts: (id) =>
            closable.has(id) ? { verdict: true, callbackOutcome: 'satisfied' } : {},
        });
      },
    }),
  ];
  server = await startServer({ clock: () => new Date(now), areas });
});
after(() => server.close());

/** Makes a ticket of any kind (as other areas would) and puts it straight into `state`. */
function ticketIn(kind: TicketKind, state: TicketState): { id: string; version: number } {
  const { services } = server.built;
  const supervisor = server.userFor('supervisor');
  const ticket = services.tx(() =>
    services.need('tickets').create(
      {
        userId: supervisor.id,
        role: 'supervisor',
        teamId: supervisor.team_id,
        name: supervisor.name,
        tokenKey: 't',
      },
      { kind, subject: `${kind} in ${state}`, customer: { name: '张伟', phone: '13912345678' } },
      new Date(now),
      { internal: true },
    ),
  );
  server.built.db.prepare('UPDATE tickets SET state = ? WHERE id = ?').run(state, ticket.id);
  return { id: ticket.id, version: ticket.version };
}

function transition(
  id: string,
  version: number | null,
  body: Record<string, unknown>,
  role: string = 'operations_manager',
) {
  return server.api('transitionTicket', {
    token: role,
    path: { ticketId: id },
    headers: {
      'Idempotency-Key': idempotencyKey(),
      ...(version !== null ? { 'If-Match': `"${version}"` } : {}),
    },
    body,
  });
}

describe('state machines: every transition from every state of every kind', () => {
  for (const kind of TICKET_KINDS) {
    test(kind, async () => {
      for (const state of statesOf(kind)) {
        for (const name of TICKET_TRANSITIONS) {
          const ticket = ticketIn(kind, state);
          const response = await transition(ticket.id, ticket.version, {
            transition: name,
            resolution: 'Done.',
            reason: 'Because.',
          });
          const to = nextState(kind, state, name);
          if (to && kind === 'complaint' && name === 'close') {
            assertProblem(response, 422, 'complaint-not-closable');
          } else if (to) {
            assert.equal(
              response.status,
              200,
              `${kind} ${state} -${name}-> ${to}: ${response.text}`,
            );
            assert.equal(response.body.state, to);
            assert.equal(response.body.version, ticket.version + 1);
            assert.deepEqual(response.body.allowedTransitions, allowedTransitions(kind, to));
          } else {
            assertProblem(response, 409, 'transition-not-allowed');
            assert.deepEqual(response.body.allowedTransitions, allowedTransitions(kind, state));
          }
        }
      }
    });
  }
});

describe('transition rules', () => {
  test('resolve needs a resolution; escalate and de-escalate need a reason (422)', async () => {
    const open = ticketIn('general_call', 'open');
    assertProblem(
      await transition(open.id, open.version, { transition: 'resolve' }),
      422,
      'unprocessable',
      ['/body/resolution'],
    );
    assertProblem(
      await transition(open.id, open.version, { transition: 'escalate' }),
      422,
      'unprocessable',
      ['/body/reason'],
    );
    const escalated = ticketIn('general_call', 'escalated');
    assertProblem(
      await transition(escalated.id, escalated.version, { transition: 'de_escalate' }),
      422,
      'unprocessable',
      ['/body/reason'],
    );
  });

  test('agents may not de-escalate (403) and are not offered it', async () => {
    const agent = server.userFor('agent');
    const ticket = ticketIn('work_order', 'escalated');
    server.built.db
      .prepare('UPDATE tickets SET assignee_id = ? WHERE id = ?')
      .run(agent.id, ticket.id);
    const read = await server.api('getTicket', { token: 'agent', path: { ticketId: ticket.id } });
    assert.deepEqual(read.body.allowedTransitions, ['resolve']);
    const response = await transition(
      ticket.id,
      ticket.version,
      { transition: 'de_escalate', reason: 'x' },
      'agent',
    );
    assertProblem(response, 403, 'forbidden');
  });

  test('the survey supervisor is offered no transitions', async () => {
    const ticket = ticketIn('general_call', 'open');
    const read = await server.api('getTicket', {
      token: 'survey_supervisor',
      path: { ticketId: ticket.id },
    });
    assert.deepEqual(read.body.allowedTransitions, []);
  });

  test('If-Match missing is 428, stale 412', async () => {
    const ticket = ticketIn('general_call', 'new');
    assertProblem(
      await transition(ticket.id, null, { transition: 'start' }),
      428,
      'precondition-required',
    );
    const stale = await transition(ticket.id, ticket.version + 5, { transition: 'start' });
    assertProblem(stale, 412, 'precondition-failed');
    assert.equal(stale.body.currentVersion, ticket.version);
  });

  test('start records the first response; resolve, reopen and close stamp their times', async () => {
    const ticket = ticketIn('general_call', 'new');
    const start = now;
    const started = await transition(ticket.id, ticket.version, { transition: 'start' });
    assert.equal(started.body.firstRespondedAt, new Date(start).toISOString());
    assert.equal(started.body.sla.firstResponse.achievedAt, new Date(start).toISOString());
    now += HOUR;
    const resolved = await transition(ticket.id, started.body.version, {
      transition: 'resolve',
      resolution: 'Fixed.',
    });
    assert.equal(resolved.body.resolvedAt, new Date(now).toISOString());
    assert.equal(resolved.body.resolution, 'Fixed.');
    assert.equal(resolved.body.sla.state, 'met');
    const reopened = await transition(ticket.id, resolved.body.version, { transition: 'reopen' });
    assert.equal(reopened.body.resolvedAt, null);
    assert.equal(reopened.body.resolution, null);
    assert.equal(reopened.body.firstRespondedAt, new Date(start).toISOString());
    const again = await transition(ticket.id, reopened.body.version, {
      transition: 'resolve',
      resolution: 'Really fixed.',
    });
    now += HOUR;
    const closed = await transition(ticket.id, again.body.version, { transition: 'close' });
    assert.equal(closed.body.closedAt, new Date(now).toISOString());
    assert.deepEqual(closed.body.allowedTransitions, []);
  });

  test('pending pauses the SLA clock; resuming continues it', async () => {
    const ticket = ticketIn('general_call', 'new');
    const started = await transition(ticket.id, ticket.version, { transition: 'start' });
    now += HOUR;
    const pending = await transition(ticket.id, started.body.version, {
      transition: 'await_customer',
    });
    assert.equal(pending.body.sla.state, 'paused');
    assert.equal(pending.body.sla.paused, true);
    assert.equal(pending.body.sla.resolution.dueAt, null);
    const frozen = pending.body.sla.resolution.remainingSeconds;
    now += 3 * 24 * HOUR;
    const later = await server.api('getTicket', {
      token: 'operations_manager',
      path: { ticketId: ticket.id },
    });
    assert.equal(later.body.sla.resolution.remainingSeconds, frozen);
    const counts = await server.api('listTickets', {
      token: 'operations_manager',
      query: { slaState: 'paused', q: ticket.id.slice(0, 0) || 'general_call in new', limit: 200 },
    });
    assert.ok(counts.body.items.some((t: { id: string }) => t.id === ticket.id));
    const resumed = await transition(ticket.id, pending.body.version, { transition: 'resume' });
    assert.equal(resumed.body.sla.paused, false);
    assert.equal(resumed.body.sla.resolution.remainingSeconds, frozen);
    assert.ok(resumed.body.sla.resolution.dueAt);
  });

  test('a comment with a transition is written to the ticket as an internal comment', async () => {
    const ticket = ticketIn('voicemail', 'new');
    await transition(ticket.id, ticket.version, { transition: 'start', comment: '已回电客户' });
    const comments = await server.api('listTicketComments', {
      token: 'operations_manager',
      path: { ticketId: ticket.id },
    });
    assert.deepEqual(
      comments.body.items.map((c: { body: string; visibility: string }) => [c.body, c.visibility]),
      [['已回电客户', 'internal']],
    );
    const activity = await server.api('listTicketActivity', {
      token: 'operations_manager',
      path: { ticketId: ticket.id },
    });
    const entry = activity.body.items.find((a: { action: string }) => a.action === 'transitioned');
    assert.equal(entry.transition, 'start');
    assert.deepEqual(
      entry.changes.find((c: { field: string }) => c.field === 'state'),
      {
        field: 'state',
        from: 'new',
        to: 'open',
      },
    );
  });

  test('escalating a complaint raises its level; past level 3 it is 409 invalid-state', async () => {
    const ticket = ticketIn('complaint', 'open');
    let version = ticket.version;
    const levels: number[] = [];
    for (let i = 0; i < 3; i++) {
      const escalated = await transition(
        ticket.id,
        version,
        { transition: 'escalate', reason: `round ${i}` },
        'complaint_supervisor',
      );
      assert.equal(escalated.status, 200, escalated.text);
      levels.push(escalated.body.escalationLevel);
      const back = await transition(
        ticket.id,
        escalated.body.version,
        { transition: 'de_escalate', reason: 'handled' },
        'complaint_supervisor',
      );
      version = back.body.version;
    }
    assert.deepEqual(levels, [1, 2, 3]);
    const fourth = await transition(
      ticket.id,
      version,
      { transition: 'escalate', reason: 'once more' },
      'complaint_supervisor',
    );
    assertProblem(fourth, 409, 'invalid-state');
    const activity = await server.api('listTicketActivity', {
      token: 'complaint_supervisor',
      path: { ticketId: ticket.id },
    });
    const first = activity.body.items.find(
      (a: { transition?: string }) => a.transition === 'escalate',
    );
    assert.deepEqual(
      first.changes.find((c: { field: string }) => c.field === 'escalationLevel'),
      { field: 'escalationLevel', from: 0, to: 1 },
    );
    assert.equal(first.note, 'round 0');
  });

  test('other kinds keep their escalation level', async () => {
    const ticket = ticketIn('general_call', 'open');
    const escalated = await transition(ticket.id, ticket.version, {
      transition: 'escalate',
      reason: 'x',
    });
    assert.equal(escalated.body.escalationLevel, 0);
  });

  test('a complaint closes only with a verdict and a callback (as its extension reports)', async () => {
    const ticket = ticketIn('complaint', 'resolved');
    const blocked = await transition(
      ticket.id,
      ticket.version,
      { transition: 'close' },
      'complaint_supervisor',
    );
    assertProblem(blocked, 422, 'complaint-not-closable');
    assert.match(blocked.body.detail, /verdict/);
    closable.add(ticket.id);
    const closed = await transition(
      ticket.id,
      ticket.version,
      { transition: 'close' },
      'complaint_supervisor',
    );
    assert.equal(closed.status, 200);
    assert.equal(closed.body.state, 'closed');
  });

  test('a transition is idempotent under its key', async () => {
    const ticket = ticketIn('general_call', 'new');
    const key = idempotencyKey();
    const send = () =>
      server.api('transitionTicket', {
        token: 'operations_manager',
        path: { ticketId: ticket.id },
        headers: { 'Idempotency-Key': key, 'If-Match': `"${ticket.version}"` },
        body: { transition: 'start' },
      });
    const first = await send();
    const replay = await send();
    assert.equal(first.status, 200);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('etag'), first.headers.get('etag'));
    assert.deepEqual(replay.body, first.body);
  });
});

describe('bulkUpdateTickets', () => {
  test('each item on its own: one stale ETag or refused transition does not fail the others', async () => {
    const a = ticketIn('general_call', 'new');
    const b = ticketIn('general_call', 'new');
    const c = ticketIn('general_call', 'closed');
    const response = await server.api('bulkUpdateTickets', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        action: 'transition',
        transition: 'start',
        items: [
          { id: a.id, ifMatch: `"${a.version}"` },
          { id: b.id, ifMatch: '"99"' },
          { id: c.id, ifMatch: `"${c.version}"` },
          { id: 'tkt_nobody', ifMatch: '"1"' },
        ],
      },
    });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.results.map((r: { status: number }) => r.status),
      [200, 412, 409, 404],
    );
    assert.equal(response.body.succeeded, 1);
    assert.equal(response.body.failed, 3);
    assert.equal(response.body.results[0].ticket.state, 'open');
    assert.equal(response.body.results[1].problem.currentVersion, b.version);
    assert.deepEqual(response.body.results[2].problem.allowedTransitions, []);
    const untouched = await server.api('getTicket', {
      token: 'operations_manager',
      path: { ticketId: b.id },
    });
    assert.equal(untouched.body.state, 'new');
  });

  test('bulk assign, and unassign with null', async () => {
    const a = ticketIn('work_order', 'open');
    const b = ticketIn('work_order', 'open');
    const target = server.userFor('agent', 'team_technical');
    const assign = await server.api('bulkUpdateTickets', {
      token: 'supervisor',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        action: 'assign',
        assigneeId: target.id,
        items: [a, b].map((t) => ({ id: t.id, ifMatch: `"${t.version}"` })),
      },
    });
    assert.equal(assign.body.succeeded, 2, assign.text);
    assert.ok(
      assign.body.results.every(
        (r: { ticket: { assigneeId: string } }) => r.ticket.assigneeId === target.id,
      ),
    );
    const unassign = await server.api('bulkUpdateTickets', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        action: 'assign',
        assigneeId: null,
        items: [{ id: a.id, ifMatch: `"${a.version + 1}"` }],
      },
    });
    assert.equal(unassign.body.results[0].ticket.assigneeId, null);
  });

  test('an agent may not assign others in bulk either (403 per item)', async () => {
    const agent = server.userFor('agent');
    const ticket = ticketIn('general_call', 'open');
    server.built.db
      .prepare('UPDATE tickets SET assignee_id = ? WHERE id = ?')
      .run(agent.id, ticket.id);
    const response = await server.api('bulkUpdateTickets', {
      token: 'agent',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        action: 'assign',
        assigneeId: server.userFor('agent', 'team_online').id,
        items: [{ id: ticket.id, ifMatch: `"${ticket.version}"` }],
      },
    });
    assert.equal(response.body.results[0].status, 403);
  });

  test('assign without assigneeId and transition without transition are 422', async () => {
    const ticket = ticketIn('general_call', 'open');
    const items = [{ id: ticket.id, ifMatch: `"${ticket.version}"` }];
    assertProblem(
      await server.api('bulkUpdateTickets', {
        token: 'operations_manager',
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { action: 'assign', items },
      }),
      422,
      'unprocessable',
      ['/body/assigneeId'],
    );
    assertProblem(
      await server.api('bulkUpdateTickets', {
        token: 'operations_manager',
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { action: 'transition', items },
      }),
      422,
      'unprocessable',
      ['/body/transition'],
    );
  });
});
