/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely here */
/**
 * Ticket volume: the demo seed holds thousands of tickets of every kind in every state their
 * machine reaches, each consistent with its machine, activity log and SLA facts; the bulk path
 * writes valid tickets in batches, the same ones for the same seed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  nextState,
  statesOf,
  TICKET_KINDS,
  TICKET_MACHINES,
  type TicketState,
} from '@cc-kit/domain';
import { withSeededIds } from '../src/core/ids.js';
import { mulberry32 } from '../src/seed/random.js';
import {
  DEFAULT_TICKETS,
  generateTickets,
  pathsByState,
  ticketVolumeTarget,
  VOLUME_KINDS,
} from '../src/seed/volume.js';
import { startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

async function count(query: Record<string, any>) {
  const response = await server.api('countTickets', { token: 'operations_manager', query });
  assert.equal(response.status, 200, response.text);
  return response.body as { total: number; groups: { key: string | null; count: number }[] };
}

/** Replays a ticket's activity log from `new`: every transition must be one its machine allows. */
async function replay(ticket: any): Promise<TicketState> {
  let state: TicketState = 'new';
  let cursor: string | undefined;
  let version = 1;
  do {
    const page = await server.api('listTicketActivity', {
      token: 'operations_manager',
      path: { ticketId: ticket.id },
      query: { limit: 100, ...(cursor ? { cursor } : {}) },
    });
    assert.equal(page.status, 200, page.text);
    for (const entry of page.body.items) {
      if (entry.action !== 'transitioned') continue;
      const change = entry.changes.find((c: any) => c.field === 'state');
      assert.ok(change, `${ticket.number}: a transition without its state change`);
      const to = nextState(ticket.kind, change.from, entry.transition);
      assert.equal(to, change.to, `${ticket.kind} ${change.from} -${entry.transition}->`);
      state = to!;
      version++;
    }
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  assert.equal(state, ticket.state, `${ticket.number}: the log ends where the ticket is`);
  assert.ok(version <= ticket.version, `${ticket.number}: version ${ticket.version} < ${version}`);
  return state;
}

describe('the demo seed', () => {
  test('holds about CC_SEED_TICKETS tickets (3,000 unless set)', async () => {
    assert.equal(ticketVolumeTarget({}), DEFAULT_TICKETS);
    assert.equal(ticketVolumeTarget({ CC_SEED_TICKETS: '1000000' }), 1_000_000);
    assert.equal(ticketVolumeTarget({ CC_SEED_TICKETS: 'lots' }), DEFAULT_TICKETS);
    const { total } = await count({ groupBy: 'kind' });
    assert.ok(total >= 2000, `only ${total} tickets`);
    assert.ok(total >= ticketVolumeTarget(), `${total} tickets`);
  });

  test('every kind in every state its machine reaches', async () => {
    for (const kind of TICKET_KINDS) {
      const { groups } = await count({ kind: [kind], groupBy: 'state' });
      const states = new Map(groups.map((g) => [g.key, g.count]));
      for (const state of statesOf(kind)) {
        assert.ok((states.get(state) ?? 0) > 0, `no ${kind} in ${state}`);
      }
      for (const key of states.keys()) {
        assert.ok(statesOf(kind).includes(key as TicketState), `${kind} in ${key}`);
      }
    }
  });

  test('spread over 90 days, open work recent and old work mostly closed', async () => {
    const now = Date.now();
    const old = await count({
      groupBy: 'state',
      createdTo: new Date(now - 30 * 86_400_000).toISOString(),
    });
    const closed = old.groups.find((g) => g.key === 'closed')?.count ?? 0;
    assert.ok(old.total > 500 && closed / old.total > 0.8, JSON.stringify(old));
    const earliest = await server.api('listTickets', {
      token: 'operations_manager',
      query: { sort: 'createdAt', limit: 1 },
    });
    const age = (now - Date.parse(earliest.body.items[0].createdAt)) / 86_400_000;
    assert.ok(age > 80 && age <= 91, `the oldest ticket is ${age} days old`);
  });

  test('each state reached through its machine, as the activity log shows', async () => {
    for (const kind of VOLUME_KINDS) {
      for (const state of statesOf(kind)) {
        const page = await server.api('listTickets', {
          token: 'operations_manager',
          query: { kind: [kind], state: [state], sort: '-number', limit: 3 },
        });
        assert.equal(page.status, 200);
        assert.ok(page.body.items.length > 0);
        for (const ticket of page.body.items) {
          await replay(ticket);
          if (state === 'closed') assert.ok(ticket.closedAt);
          if (state === 'resolved') assert.ok(ticket.resolvedAt && ticket.resolution);
          const times = [
            ticket.createdAt,
            ticket.firstRespondedAt,
            ticket.resolvedAt,
            ticket.closedAt,
            ticket.updatedAt,
          ].filter(Boolean);
          assert.deepEqual([...times].sort(), times, `${ticket.number}: times out of order`);
        }
      }
    }
  });

  test('the stored SLA facts agree with the SLA the answers compute', async () => {
    for (const slaState of ['breached', 'at_risk', 'ok', 'paused', 'met'] as const) {
      const page = await server.api('listTickets', {
        token: 'operations_manager',
        query: { slaState: [slaState], sort: '-number', limit: 50 },
      });
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length > 0, `no ticket is ${slaState}`);
      for (const ticket of page.body.items) assert.equal(ticket.sla.state, slaState, ticket.number);
    }
    const praise = await server.api('listTickets', {
      token: 'operations_manager',
      query: { kind: ['praise'], limit: 20 },
    });
    for (const ticket of praise.body.items) assert.equal(ticket.sla, null);
  });

  test('an agent sees their own volume, and only theirs', async () => {
    const agent = server.userFor('agent');
    const page = await server.api('listTickets', { token: 'agent', query: { limit: 100 } });
    assert.equal(page.status, 200);
    assert.ok(page.body.items.length > 10);
    for (const ticket of page.body.items) {
      assert.ok(ticket.assigneeId === agent.id || ticket.createdBy.id === agent.id);
    }
  });
});

describe('paths through the machines', () => {
  test('every reachable state has a path, and every path follows the machine', () => {
    for (const kind of VOLUME_KINDS) {
      const byState = pathsByState(TICKET_MACHINES[kind]);
      assert.deepEqual(
        [...byState.keys()].sort(),
        [...statesOf(kind)].sort(),
        `${kind} reaches other states`,
      );
      for (const [state, paths] of byState) {
        for (const { steps, weight } of paths) {
          assert.ok(weight > 0);
          let at: TicketState = 'new';
          for (const step of steps) at = nextState(kind, at, step.transition)!;
          assert.equal(at, state);
        }
      }
    }
  });
});

describe('the bulk path', () => {
  test('20,000 tickets in batches: valid through the API, in a few seconds', async () => {
    const before = (await count({ groupBy: 'kind' })).total;
    const result = generateTickets(server.built.services, mulberry32(42), {
      count: 20_000,
      detail: 'minimal',
      batchSize: 5_000,
    });
    assert.equal(result.tickets, 20_000);
    // Minimal history: the creation and at most the last transition.
    assert.ok(result.activity >= 20_000 && result.activity <= 40_000, String(result.activity));
    assert.equal(result.comments, 0);
    assert.ok(result.ms < 30_000, `took ${result.ms} ms`);
    const counts = await count({ groupBy: 'kind' });
    assert.equal(counts.total, before + 20_000);

    // Every kind and state, read through the API (each answer checked against the spec).
    let listed = 0;
    for (const kind of VOLUME_KINDS) {
      const page = await server.api('listTickets', {
        token: 'operations_manager',
        query: { kind: [kind], sort: '-number', limit: 100 },
      });
      assert.equal(page.status, 200);
      listed += page.body.items.length;
      const ticket = page.body.items[0];
      const read = await server.api('getTicket', {
        token: 'operations_manager',
        path: { ticketId: ticket.id },
      });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('etag'), `"${ticket.version}"`);
      const log = await server.api('listTicketActivity', {
        token: 'operations_manager',
        path: { ticketId: ticket.id },
      });
      assert.equal(log.body.items[0].action, 'created');
      const last = log.body.items.at(-1);
      if (ticket.state !== 'new') assert.equal(last.changes[0].to, ticket.state);
    }
    assert.equal(listed, 700);
  });

  test('the same seed and instant make the same tickets', async () => {
    const now = new Date('2026-03-02T04:00:00Z');
    const a = await startServer();
    const b = await startServer();
    try {
      for (const s of [a, b]) {
        withSeededIds(mulberry32(9), () =>
          generateTickets(s.built.services, mulberry32(8), { count: 300, detail: 'full', now }),
        );
      }
      const rows = (s: TestServer) =>
        s.built.db
          .prepare(
            `SELECT t.*, (SELECT json_group_array(json_array(at, action, transition, changes_json))
               FROM ticket_activity WHERE ticket_id = t.id) AS log
             FROM tickets t WHERE t.created_at > '2025-12-01' AND t.created_at < '2026-03-03'
             ORDER BY number`,
          )
          .all();
      const first = rows(a);
      assert.equal(first.length, 300);
      assert.deepEqual(rows(b), first);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
