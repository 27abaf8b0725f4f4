// Tickets and SLA settings through the SDK against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConflictError,
  ValidationError,
  responseMeta,
  type Client,
  type Schema,
} from '../src/index.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
let agent: Client;
let supervisor: Client;
let manager: Client;
let me: Schema<'Me'>;

before(async () => {
  server = await startServer();
  agent = server.clientFor('agent');
  me = await agent.me.get();
  supervisor = server.clientFor('supervisor', {
    token: server.tokenFor('supervisor', { user: server.userFor('supervisor', me.teamId!) }),
  });
  manager = server.clientFor('operations_manager');
});
after(() => server.close());

const unique = (label: string) =>
  `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

describe('tickets', () => {
  test('create, read with its ETag, update with If-Match, transition', async () => {
    const subject = unique('Broadband follow-up');
    const created = await agent.tickets.create({
      kind: 'follow_up_call',
      subject,
      priority: 'normal',
      channel: 'phone',
      customer: { customerId: 'C-20931', name: '李娜', phone: '13812345678' },
    });
    assert.equal(created.state, 'new');
    assert.equal(created.assigneeId, me.user.id);
    assert.equal(responseMeta(created)?.status, 201);
    assert.equal(responseMeta(created)?.etag, `"${created.version}"`);

    const read = await agent.tickets.get(created.id);
    assert.deepEqual(read.allowedTransitions, ['start', 'escalate']);
    const started = await agent.tickets.transition(
      created.id,
      { transition: 'start' },
      { ifMatch: read.version },
    );
    assert.equal(started.state, 'open');
    assert.ok(started.firstRespondedAt);

    const updated = await agent.tickets.update(
      created.id,
      { priority: 'high', tags: ['callback'] },
      { ifMatch: responseMeta(started)!.etag! },
    );
    assert.equal(updated.priority, 'high');
    assert.deepEqual(updated.tags, ['callback']);
  });

  test('a transition the machine refuses is a 409 ConflictError listing what is allowed', async () => {
    const ticket = await agent.tickets.create({ kind: 'general_call', subject: unique('Refused') });
    const error = await agent.tickets
      .transition(ticket.id, { transition: 'close' }, { ifMatch: ticket.version })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConflictError);
    assert.equal(error.status, 409);
    assert.equal(error.isStale, false);
    assert.equal(error.code, 'transition-not-allowed');
    assert.deepEqual(error.problem.allowedTransitions, ['start', 'escalate']);
  });

  test('resolve without a resolution is a ValidationError naming /body/resolution', async () => {
    const ticket = await agent.tickets.create({ kind: 'general_call', subject: unique('Resolve') });
    const open = await agent.tickets.transition(
      ticket.id,
      { transition: 'start' },
      { ifMatch: ticket.version },
    );
    const error = await agent.tickets
      .transition(ticket.id, { transition: 'resolve' }, { ifMatch: open.version })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(
      error.errors.map((e) => e.path),
      ['/body/resolution'],
    );
    const resolved = await agent.tickets.transition(
      ticket.id,
      { transition: 'resolve', resolution: 'Explained the bill.' },
      { ifMatch: open.version },
    );
    assert.equal(resolved.state, 'resolved');
  });

  test('updateWithMerge re-applies a change after a real 412', async () => {
    const ticket = await agent.tickets.create({
      kind: 'general_call',
      subject: unique('Merge'),
      tags: ['a'],
    });
    let raced = false;
    const methods: string[] = [];
    // Another writer tags the ticket after the first read, just before the first write.
    const racing = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input as Request;
      methods.push(request.method);
      if (request.method === 'PATCH' && !raced) {
        raced = true;
        const current = await supervisor.tickets.get(ticket.id);
        await supervisor.tickets.update(
          ticket.id,
          { tags: [...current.tags, 'b'] },
          { ifMatch: current.version },
        );
      }
      return fetch(input, init);
    }) as typeof fetch;
    const client = server.clientFor('agent', { fetch: racing });
    const result = await client.tickets.updateWithMerge(ticket.id, (current) => ({
      tags: [...current.tags, 'vip'],
    }));
    assert.deepEqual(result.tags, ['a', 'b', 'vip']);
    assert.deepEqual(methods, ['GET', 'PATCH', 'GET', 'PATCH']);
  });

  test('list with filters and sort; iterate across pages; counts', async () => {
    for (let i = 0; i < 3; i++)
      await agent.tickets.create({ kind: 'voicemail', subject: unique(`Voicemail ${i}`) });
    const page = await agent.tickets.list({
      kind: ['voicemail'],
      state: ['new'],
      assigneeId: 'me',
      sort: '-number',
      limit: 2,
    });
    assert.equal(page.items.length, 2);
    assert.ok(page.nextCursor);
    assert.ok(page.items[0]!.number > page.items[1]!.number);
    const all = await agent.tickets
      .iterate({ kind: ['voicemail'], state: ['new'], assigneeId: 'me', limit: 2 })
      .toArray({ limit: 1000 });
    assert.ok(all.length >= 3);
    assert.equal(new Set(all.map((t) => t.id)).size, all.length);
    const counts = await agent.tickets.counts({
      groupBy: 'state',
      kind: ['voicemail'],
      assigneeId: 'me',
    });
    assert.equal(counts.groupBy, 'state');
    assert.equal(counts.groups.find((g) => g.key === 'new')?.count, all.length);
  });

  test('comments and the activity log', async () => {
    const ticket = await agent.tickets.create({
      kind: 'general_call',
      subject: unique('Comments'),
    });
    await agent.tickets.comments.add(ticket.id, { body: '第一次回电，无人接听。' });
    await agent.tickets.comments.add(ticket.id, {
      body: 'Second call: resolved.',
      visibility: 'public',
    });
    const comments = await agent.tickets.comments
      .iterate(ticket.id, { limit: 1 })
      .toArray({ limit: 10 });
    assert.deepEqual(comments.map((c) => c.visibility).sort(), ['internal', 'public']);
    const started = await agent.tickets.transition(
      ticket.id,
      { transition: 'start' },
      { ifMatch: ticket.version },
    );
    assert.equal(started.version, ticket.version + 1, 'comments do not change the version');
    const activity = await agent.tickets.activity.list(ticket.id);
    assert.ok(activity.items.some((a) => a.action === 'transitioned' && a.transition === 'start'));
    assert.ok(activity.items.some((a) => a.action === 'created'));
  });

  test('bulk: one ifMatch per item, one outcome per item', async () => {
    const a = await agent.tickets.create({ kind: 'general_call', subject: unique('Bulk A') });
    const b = await agent.tickets.create({ kind: 'general_call', subject: unique('Bulk B') });
    const result = await supervisor.tickets.bulk({
      action: 'transition',
      transition: 'start',
      items: [
        { id: a.id, ifMatch: `"${a.version}"` },
        { id: b.id, ifMatch: `"${b.version + 5}"` },
      ],
    });
    assert.equal(result.succeeded, 1);
    assert.equal(result.failed, 1);
    assert.deepEqual(
      result.results.map((r) => r.status),
      [200, 412],
    );
  });

  test('a ticket created again with the same key is created once', async () => {
    const subject = unique('Once');
    const key = `create-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = await agent.tickets.create({ kind: 'praise', subject }, { idempotencyKey: key });
    const again = await agent.tickets.create({ kind: 'praise', subject }, { idempotencyKey: key });
    assert.equal(again.id, first.id);
    assert.equal(responseMeta(again)?.replayed, true);
    const found = await agent.tickets.list({ q: subject });
    assert.equal(found.items.length, 1);
  });
});

describe('SLA settings', () => {
  test('policies: list, iterate, update with If-Match', async () => {
    const policies = await manager.sla.policies.iterate({ limit: 10 }).toArray({ limit: 500 });
    assert.ok(policies.length >= 9 * 4);
    const policy = policies[0]!;
    const updated = await manager.sla.policies.update(
      policy.id,
      { atRiskRatio: policy.atRiskRatio === 0.3 ? 0.25 : 0.3 },
      { ifMatch: policy.version },
    );
    assert.equal(updated.version, policy.version + 1);
    const stale = await manager.sla.policies
      .update(policy.id, { atRiskRatio: 0.2 }, { ifMatch: policy.version })
      .catch((e: unknown) => e);
    assert.ok(stale instanceof ConflictError && stale.isStale);
  });

  test('the business calendar: get and replace', async () => {
    const calendar = await manager.sla.calendar.get();
    assert.equal(calendar.timeZone, 'Asia/Shanghai');
    const replaced = await manager.sla.calendar.replace(
      { timeZone: calendar.timeZone, hours: calendar.hours, holidays: calendar.holidays },
      { ifMatch: calendar.version },
    );
    assert.equal(replaced.version, calendar.version + 1);
    assert.deepEqual(replaced.hours, calendar.hours);
  });

  test('tickets carry their SLA clocks', async () => {
    const ticket = await agent.tickets.create({
      kind: 'general_call',
      subject: unique('SLA'),
      priority: 'urgent',
    });
    assert.ok(ticket.sla);
    assert.ok(ticket.sla.resolution.targetSeconds > 0);
    assert.ok(['ok', 'at_risk'].includes(ticket.sla.state));
  });
});
