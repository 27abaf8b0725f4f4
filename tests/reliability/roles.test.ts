/**
 * Roles and tokens: the role x operation matrix from the spec's x-roles (real IDs, so allowed
 * roles reach the handlers), cross-team and cross-agent access (reads and writes answer 404 and
 * change nothing; lists and direct reads agree), personal data (`x-pii`, found by walking each
 * answer against its schema) masked for the roles that must not see it, and tokens that are
 * expired, forged, of another secret, unsigned (alg none) or malformed refused on every operation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, canSeePersonalData, type Role } from '@cc-kit/domain';
import type { OperationId } from '@cc-kit/spec';
import { listOperations, loadSpec, resolveRef } from '@cc-kit/spec/load';
import { startServer, type TestServer } from '../../packages/server/test/helpers/server.js';
import { FULL, pool, scale, tableCounts } from './support/scale.js';
import { refusedAuthorizations } from './support/tokens.js';

let server: TestServer;
let ids: Record<string, string>;
before(async () => {
  server = await startServer();
  const db = server.built.db;
  const one = (sql: string) => (db.prepare(sql).get() as { id: string }).id;
  ids = {
    teamId: one('SELECT id FROM teams ORDER BY id LIMIT 1'),
    agentId: one(`SELECT id FROM users WHERE role = 'agent' ORDER BY id LIMIT 1`),
    policyId: one('SELECT id FROM sla_policies ORDER BY id LIMIT 1'),
    ticketId: one(`SELECT id FROM tickets WHERE kind = 'complaint' ORDER BY number LIMIT 1`),
    callId: one('SELECT id FROM calls ORDER BY id LIMIT 1'),
    metric: 'asa',
    templateId: one('SELECT id FROM qa_templates ORDER BY id LIMIT 1'),
    evaluationId: one('SELECT evaluation_id AS id FROM qa_disputes LIMIT 1'),
    disputeId: one('SELECT id FROM qa_disputes LIMIT 1'),
    sessionId: one('SELECT id FROM qa_calibration_sessions LIMIT 1'),
    assetId: one('SELECT id FROM assets ORDER BY id LIMIT 1'),
    checkId: one('SELECT id FROM equipment_checks ORDER BY id LIMIT 1'),
  };
});
after(() => server?.close());

const operations = listOperations().filter((op) => !op.raw['x-stream']);
const pathOf = (op: (typeof operations)[number]) =>
  Object.fromEntries(
    op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name] ?? 'x1']),
  );

describe('role x operation matrix (x-roles)', () => {
  test('every role against every operation: 403 exactly when x-roles leaves it out', async (t) => {
    const rows = tableCounts(server.built.db);
    let checked = 0;
    for (const op of listOperations()) {
      for (const role of ROLES) {
        // Bodies are left out: the role check comes first, and nothing is written.
        const response = await server.api(op.operationId as OperationId, {
          path: pathOf(op),
          token: role,
          ...(op.raw['x-stream'] ? { query: { topics: 'nothing' } } : {}),
        });
        checked++;
        const allowed = op.isPublic || op.roles.includes(role);
        if (allowed) assert.notEqual(response.status, 403, `${role} refused ${op.operationId}`);
        else {
          assert.equal(response.status, 403, `${role} allowed ${op.operationId}`);
          assert.equal(response.body.type, '/problems/forbidden');
        }
      }
    }
    t.diagnostic(`${checked} role x operation pairs checked`);
    assert.deepEqual(tableCounts(server.built.db), rows);
  });
});

describe('cross-team and cross-agent access', () => {
  test('tickets out of reach: reads and writes answer 404, nothing changes', async (t) => {
    const db = server.built.db;
    const teams = (db.prepare('SELECT id FROM teams ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    );
    const [teamA, teamB] = teams as [string, string];
    const supervisor = server.userFor('supervisor', teamA);
    const agent = server.userFor('agent', teamA);
    const cases: { who: string; token: string; tickets: { id: string; version: number }[] }[] = [
      {
        who: `supervisor of ${teamA} on ${teamB}'s tickets`,
        token: server.tokenFor('supervisor', { userId: supervisor.id }),
        tickets: db
          .prepare(
            `SELECT id, version FROM tickets WHERE team_id = ? AND kind = 'general_call'
              AND state <> 'closed' AND coalesce(assignee_id, '') <> ? AND created_by <> ? LIMIT 5`,
          )
          .all(teamB, supervisor.id, supervisor.id) as { id: string; version: number }[],
      },
      {
        who: `agent on a team mate's tickets`,
        token: server.tokenFor('agent', { userId: agent.id }),
        tickets: db
          .prepare(
            `SELECT id, version FROM tickets WHERE team_id = ? AND kind = 'general_call'
              AND state <> 'closed' AND coalesce(assignee_id, '') <> ? AND created_by <> ? LIMIT 5`,
          )
          .all(teamA, agent.id, agent.id) as { id: string; version: number }[],
      },
    ];
    const rows = tableCounts(db);
    let probes = 0;
    for (const { who, token, tickets } of cases) {
      assert.ok(tickets.length > 0, `${who}: some to try`);
      for (const { id, version } of tickets) {
        const path = { ticketId: id };
        const ifMatch = { 'if-match': `"${version}"` };
        const key = () => ({ 'idempotency-key': `reach-${Math.random()}` });
        const answers = [
          await server.api('getTicket', { path, token }),
          await server.api('listTicketComments', { path, token }),
          await server.api('listTicketActivity', { path, token }),
          await server.api('updateTicket', {
            path,
            token,
            headers: ifMatch,
            body: { subject: 'x' },
          }),
          await server.api('transitionTicket', {
            path,
            token,
            headers: { ...ifMatch, ...key() },
            body: { transition: 'start' },
          }),
          await server.api('addTicketComment', {
            path,
            token,
            headers: key(),
            body: { body: 'not mine' },
          }),
        ];
        for (const answer of answers) {
          probes++;
          assert.equal(answer.status, 404, `${who}: ${answer.text.slice(0, 200)}`);
        }
      }
      // The lists leave them out too.
      const listed = await server.api('listTickets', { token, query: { limit: 200 } });
      const seen = new Set((listed.body.items as { id: string }[]).map((i) => i.id));
      for (const { id } of tickets) assert.ok(!seen.has(id), `${who}: ${id} not listed`);
    }
    assert.deepEqual(tableCounts(db), rows, 'nothing written');
    t.diagnostic(`${probes} out-of-reach reads and writes, all 404, nothing written`);
  });

  test('calls, evaluations, KPIs and equipment of another team are out of reach', async () => {
    const db = server.built.db;
    const [teamA, teamB] = (
      db.prepare('SELECT id FROM teams ORDER BY id').all() as { id: string }[]
    ).map((r) => r.id) as [string, string];
    const supervisor = server.userFor('supervisor', teamA);
    const token = server.tokenFor('supervisor', { userId: supervisor.id });
    const call = db.prepare('SELECT id FROM calls WHERE team_id = ? LIMIT 1').get(teamB) as {
      id: string;
    };
    assert.equal((await server.api('getCall', { path: { callId: call.id }, token })).status, 404);
    const calls = await server.api('listCalls', { token, query: { limit: 200 } });
    assert.ok((calls.body.items as { teamId: string }[]).every((c) => c.teamId === teamA));

    const evaluation = db
      .prepare(
        `SELECT e.id FROM qa_evaluations e JOIN users u ON u.id = e.agent_id
          WHERE u.team_id = ? AND e.evaluator_id <> ? LIMIT 1`,
      )
      .get(teamB, supervisor.id) as { id: string } | undefined;
    if (evaluation) {
      const answer = await server.api('getEvaluation', {
        path: { evaluationId: evaluation.id },
        token,
      });
      assert.ok([403, 404].includes(answer.status), `evaluation of ${teamB}: ${answer.status}`);
    }
    const kpis = await server.api('getKpis', {
      token,
      query: { scope: 'team', scopeId: teamB, period: 'day', date: '2026-11-20' },
    });
    assert.ok([400, 403, 404].includes(kpis.status), `KPIs of ${teamB}: ${kpis.status}`);
    const check = db
      .prepare('SELECT id FROM equipment_checks WHERE team_id = ? LIMIT 1')
      .get(teamB) as { id: string } | undefined;
    if (check) {
      const answer = await server.api('getEquipmentCheck', { path: { checkId: check.id }, token });
      assert.ok([403, 404].includes(answer.status), `check of ${teamB}: ${answer.status}`);
    }
  });
});

// ---- personal data ------------------------------------------------------------------------------
const doc = loadSpec();
type Schema = Record<string, unknown>;

/** Every string the schema marks `x-pii`, found by walking the value along its schema. */
function personalData(schema: unknown, value: unknown, path = '', out: [string, string][] = []) {
  if (value === null || value === undefined) return out;
  const s = resolveRef<Schema>(doc, schema ?? {});
  if (s['x-pii'] === true && typeof value === 'string') out.push([path, value]);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    if (Array.isArray(s[key]))
      for (const part of s[key] as unknown[]) personalData(part, value, path, out);
  if (Array.isArray(value) && s.items)
    value.forEach((item, i) => personalData(s.items, item, `${path}/${i}`, out));
  else if (typeof value === 'object' && s.properties) {
    for (const [key, inner] of Object.entries(s.properties as Record<string, unknown>))
      personalData(inner, (value as Record<string, unknown>)[key], `${path}/${key}`, out);
  }
  return out;
}

function answerSchema(op: (typeof operations)[number]): unknown {
  const ok = resolveRef<{ content?: Record<string, { schema?: unknown }> }>(
    doc,
    op.responses['200'],
  );
  return ok?.content?.['application/json']?.schema;
}

describe('personal data (x-pii)', () => {
  test('masked in every answer for the roles that must not see it, clear for the others', async (t) => {
    const reads = operations.filter((op) => op.method === 'get' && answerSchema(op));
    const seen: Record<string, { clear: number; masked: number }> = {};
    for (const role of ROLES) {
      const tally = (seen[role] = { clear: 0, masked: 0 });
      await pool(
        reads.filter((op) => op.isPublic || op.roles.includes(role)),
        4,
        async (op) => {
          const query: Record<string, string | number> = {};
          if (op.parameters.some((p) => p.name === 'limit')) query.limit = scale(20, 200);
          const response = await server.api(op.operationId as OperationId, {
            path: pathOf(op),
            token: role,
            query,
            unchecked: true,
          });
          if (response.status !== 200) return;
          for (const [path, value] of personalData(answerSchema(op), response.body)) {
            const masked = value === '' || value.includes('*');
            if (masked) tally.masked++;
            else tally.clear++;
            if (!canSeePersonalData(role as Role))
              assert.ok(masked, `${role} got ${op.operationId} ${path} unmasked`);
          }
        },
      );
    }
    t.diagnostic(`personal data values seen per role: ${JSON.stringify(seen)}`);
    for (const role of ROLES) {
      if (canSeePersonalData(role)) assert.ok(seen[role]!.clear > 0, `${role} sees personal data`);
      else assert.ok(seen[role]!.masked > 0, `${role} was shown masked personal data`);
    }
  });
});

describe('tokens', () => {
  test('expired, forged, other-secret, alg none and malformed tokens: 401 on every operation', async (t) => {
    const user = server.userFor('agent');
    const refused = refusedAuthorizations(
      server.built.config.jwtSecret,
      { ...user, role: 'agent' },
      server.built.services.clock(),
    );
    const rows = tableCounts(server.built.db);
    const guarded = listOperations().filter((op) => !op.isPublic);
    let count = 0;
    await pool(guarded, 4, async (op) => {
      // Quick run: a rotating third of the kinds per operation (every kind on many operations).
      const index = guarded.indexOf(op);
      const kinds = FULL ? refused : refused.filter((_, i) => (i + index) % 3 === 0);
      for (const [name, authorization] of kinds) {
        const response = await fetch(
          `${server.url}${op.path.replace(/\{([^}]+)\}/g, (_m, p: string) => ids[p] ?? 'x1')}`,
          {
            method: op.method.toUpperCase(),
            headers: { authorization, 'content-type': 'application/json', 'idempotency-key': 'k1' },
            ...(op.requestBody ? { body: '{}' } : {}),
          },
        );
        const body = (await response.json()) as { type: string };
        count++;
        assert.equal(response.status, 401, `${op.operationId} with a token ${name}`);
        assert.equal(body.type, '/problems/unauthorized');
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
      }
    });
    assert.deepEqual(tableCounts(server.built.db), rows);
    t.diagnostic(
      `${count} requests (${guarded.length} operations, ${refused.length} kinds of bad token): all 401`,
    );
  });
});
