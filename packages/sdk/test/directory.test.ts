// The SDK against the real reference server: auth, directory, ETags, pagination, errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ApiError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  createClient,
  responseMeta,
  retryOnConflict,
  type Client,
} from '../src/index.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
let manager: Client;
let agent: Client;

before(async () => {
  server = await startServer();
  manager = server.clientFor('operations_manager');
  agent = server.clientFor('agent');
});
after(() => server.close());

describe('auth and the caller', () => {
  test('demo users and demo tokens, then a client that signs in through getToken', async () => {
    const anonymous = createClient({ baseUrl: server.url });
    const { items } = await anonymous.demo.users();
    const supervisor = items.find((u) => u.role === 'supervisor');
    assert.ok(supervisor);
    const reasons: string[] = [];
    const client = createClient({
      baseUrl: `${server.url}/v1`,
      getToken: ({ reason }) => {
        reasons.push(reason);
        return anonymous.demo.token({ userId: supervisor.id });
      },
    });
    const me = await client.me.get();
    assert.equal(me.user.id, supervisor.id);
    assert.equal(me.role, 'supervisor');
    assert.ok(me.permissions.includes('listTickets'));
    await client.me.get();
    assert.deepEqual(reasons, ['initial']);
  });

  test('a token the server refuses is an UnauthorizedError (a static token is not retried)', async () => {
    const client = createClient({ baseUrl: server.url, token: 'not-a-jwt' });
    const error = await client.me.get().catch((e: unknown) => e);
    assert.ok(error instanceof UnauthorizedError);
    assert.equal(error.status, 401);
    assert.ok(error.requestId);
  });
});

describe('teams', () => {
  test('list, get with its version, and update with If-Match', async () => {
    const { items, nextCursor } = await manager.teams.list();
    assert.ok(items.length >= 4);
    assert.equal(nextCursor, null);
    const team = await manager.teams.get(items[0]!.id);
    assert.equal(responseMeta(team)?.etag, `"${team.version}"`);
    const cadence = team.equipmentCheckCadenceDays === 30 ? 14 : 30;
    const updated = await manager.teams.update(
      team.id,
      { equipmentCheckCadenceDays: cadence },
      { ifMatch: team.version },
    );
    assert.equal(updated.equipmentCheckCadenceDays, cadence);
    assert.equal(updated.version, team.version + 1);
    // The raw ETag works as well as the version.
    const again = await manager.teams.update(
      team.id,
      { equipmentCheckCadenceDays: team.equipmentCheckCadenceDays },
      { ifMatch: responseMeta(updated)!.etag! },
    );
    assert.equal(again.version, team.version + 2);
  });

  test('a stale ETag surfaces as a ConflictError with the current version', async () => {
    const team = (await manager.teams.list()).items[1]!;
    await manager.teams.update(
      team.id,
      { equipmentCheckCadenceDays: 21 },
      { ifMatch: team.version },
    );
    const error = await manager.teams
      .update(team.id, { equipmentCheckCadenceDays: 28 }, { ifMatch: team.version })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConflictError);
    assert.equal(error.status, 412);
    assert.equal(error.isStale, true);
    assert.equal(error.currentVersion, team.version + 1);
    assert.equal(error.code, 'precondition-failed');
  });

  test('retryOnConflict re-reads and re-applies after someone else wrote', async () => {
    const team = (await manager.teams.list()).items[2]!;
    let interfered = false;
    const result = await retryOnConflict(
      () => manager.teams.get(team.id),
      async (current) => {
        if (!interfered) {
          interfered = true; // another writer gets in between the read and the write
          await manager.teams.update(
            team.id,
            { equipmentCheckCadenceDays: 10 },
            { ifMatch: current.version },
          );
        }
        return manager.teams.update(
          team.id,
          { equipmentCheckCadenceDays: current.equipmentCheckCadenceDays + 1 },
          { ifMatch: current.version },
        );
      },
    );
    assert.equal(result.equipmentCheckCadenceDays, 11);
  });

  test('a role that may not write gets a ForbiddenError; an unknown team a NotFoundError', async () => {
    const team = (await agent.teams.list()).items[0]!;
    const forbidden = await agent.teams
      .update(team.id, { equipmentCheckCadenceDays: 9 }, { ifMatch: team.version })
      .catch((e: unknown) => e);
    assert.ok(forbidden instanceof ForbiddenError);
    const missing = await agent.teams.get('team_nope').catch((e: unknown) => e);
    assert.ok(missing instanceof NotFoundError);
    assert.equal(missing.operationId, 'getTeam');
  });
});

describe('agents and pagination', () => {
  test('iterate() walks every page; toArray() stops at its limit', async () => {
    const all = [];
    let pages = 0;
    for await (const page of manager.agents.iterate({ limit: 7 }).pages()) {
      pages++;
      all.push(...page.items);
    }
    assert.ok(pages > 2, `only ${pages} pages`);
    assert.equal(new Set(all.map((u) => u.id)).size, all.length, 'no user twice');
    const first = await manager.agents.iterate({ limit: 7 }).toArray({ limit: 10 });
    assert.deepEqual(
      first.map((u) => u.id),
      all.slice(0, 10).map((u) => u.id),
    );
    const everyone = await manager.agents.list({ limit: 200 });
    assert.equal(everyone.items.length, all.length);
  });

  test('filters, and getAgent', async () => {
    const team = (await manager.teams.list()).items[0]!;
    const agents = await manager.agents
      .iterate({ teamId: team.id, role: 'agent' })
      .toArray({ limit: 500 });
    assert.ok(agents.length > 0);
    assert.ok(agents.every((u) => u.teamId === team.id && u.role === 'agent'));
    const one = await manager.agents.get(agents[0]!.id);
    assert.equal(one.id, agents[0]!.id);
  });

  test('a bad parameter is a ValidationError naming the field', async () => {
    const error = await manager.agents.list({ limit: 500 }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.status, 400);
    assert.deepEqual(
      error.errors.map((e) => e.path),
      ['/query/limit'],
    );
  });

  test('an agent records their own presence (an Idempotency-Key is sent)', async () => {
    const me = await agent.me.get();
    const presence = await agent.agents.recordPresence(me.user.id, { state: 'break' });
    assert.equal(presence.agentId, me.user.id);
    assert.equal(presence.state, 'break');
  });
});

describe('departments, complaint categories and routing rules', () => {
  test('read through lists and iterators', async () => {
    const departments = await agent.departments.iterate().toArray({ limit: 100 });
    assert.ok(departments.length >= 5);
    const categories = await agent.complaintCategories
      .iterate({ limit: 5 })
      .toArray({ limit: 100 });
    assert.ok(categories.some((c) => c.parentId === null));
    assert.ok(categories.some((c) => c.customFields.length > 0));
    const rules = await server.clientFor('complaint_supervisor').routingRules.list();
    assert.ok(rules.items.length > 0);
    const error = await agent.routingRules.list().catch((e: unknown) => e);
    assert.ok(error instanceof ForbiddenError);
  });
});

describe('operations the server does not implement yet', () => {
  test('answer 501 as an ApiError that is not retried', async (t) => {
    const pending = server.built.registry.pending();
    if (!pending.includes('getEquipmentSummary')) return t.skip('implemented now');
    let attempts = 0;
    const client = server.clientFor('operations_manager', {
      hooks: { beforeRequest: () => void attempts++ },
    });
    const error = await client.equipment.summary().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 501);
    assert.equal(error.retryable, false);
    assert.equal(attempts, 1);
    t.diagnostic(`pending on the server: ${pending.join(', ')}`);
  });
});
