/** The directory (me, teams, staff, presence, departments, categories, routing rules) and SLA settings. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '@cc-kit/domain';
import { listOperations } from '@cc-kit/spec/load';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely here */
async function all(
  operationId: any,
  token: string,
  query: Record<string, unknown> = {},
  limit = 3,
) {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await server.api(operationId, {
      token,
      query: { ...query, limit, cursor } as any,
    });
    assert.equal(page.status, 200, page.text);
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('getMe', () => {
  test('the caller, their team, time zone and the operations their role may call', async () => {
    for (const role of ROLES) {
      const me = await server.api('getMe', { token: role });
      assert.equal(me.status, 200);
      assert.equal(me.body.role, role);
      assert.equal(me.body.user.role, role);
      assert.equal(me.body.timeZone, 'Asia/Shanghai');
      const expected = listOperations()
        .filter((op) => op.roles.includes(role))
        .map((op) => op.operationId);
      assert.deepEqual(me.body.permissions, expected);
    }
  });
});

describe('teams', () => {
  test('listTeams pages through the four teams with zh/en names', async () => {
    const teams = await all('listTeams', 'agent', {}, 3);
    assert.equal(teams.length, 4);
    for (const team of teams) {
      assert.ok(team.name.en && team.name['zh-Hans'] && team.name['zh-Hant']);
      assert.ok(team.memberCount >= 11);
      assert.ok(team.supervisorId);
    }
  });

  test('getTeam carries its ETag; an unknown team is 404', async () => {
    const team = await server.api('getTeam', { token: 'agent', path: { teamId: 'team_online' } });
    assert.equal(team.headers.get('etag'), `"${team.body.version}"`);
    assertProblem(
      await server.api('getTeam', { token: 'agent', path: { teamId: 'team_nope' } }),
      404,
      'not-found',
    );
  });

  test('updateTeam: 428 without If-Match, 412 when stale, 422 for a non-supervisor, 200 otherwise', async () => {
    const team = (
      await server.api('getTeam', {
        token: 'operations_manager',
        path: { teamId: 'team_business' },
      })
    ).body;
    const update = (ifMatch: string | null, body: Record<string, unknown>) =>
      server.api('updateTeam', {
        token: 'operations_manager',
        path: { teamId: 'team_business' },
        headers: ifMatch ? { 'If-Match': ifMatch } : {},
        body,
        contentType: 'application/merge-patch+json',
      });
    assertProblem(
      await update(null, { equipmentCheckCadenceDays: 7 }),
      428,
      'precondition-required',
    );
    assertProblem(
      await update('"42"', { equipmentCheckCadenceDays: 7 }),
      412,
      'precondition-failed',
    );
    assertProblem(
      await update(`"${team.version}"`, { supervisorId: server.userFor('agent').id }),
      422,
      'unprocessable',
      ['/body/supervisorId'],
    );
    assertProblem(
      await update(`"${team.version}"`, { equipmentCheckCadenceDays: 0 }),
      400,
      'validation',
      ['/body/equipmentCheckCadenceDays'],
    );
    const ok = await update(`"${team.version}"`, {
      equipmentCheckCadenceDays: 7,
      name: { en: 'Business service', 'zh-Hans': '政企服务组', 'zh-Hant': '政企服務組' },
    });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.equipmentCheckCadenceDays, 7);
    assert.equal(ok.body.version, team.version + 1);
    assert.equal(ok.headers.get('etag'), `"${team.version + 1}"`);
  });
});

describe('staff', () => {
  test('listAgents is sorted by name and pages without gaps', async () => {
    const users = await all('listAgents', 'agent', {}, 7);
    const total = (
      server.built.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }
    ).n;
    assert.equal(users.length, total);
    for (let i = 1; i < users.length; i++) assert.ok(users[i - 1].name <= users[i].name);
  });

  test('filters: team, role, name prefix', async () => {
    const team = await all('listAgents', 'agent', { teamId: 'team_technical', role: 'agent' }, 50);
    assert.equal(team.length, 10);
    assert.ok(team.every((u) => u.teamId === 'team_technical' && u.role === 'agent'));
    const someone = team[0];
    const byName = await all('listAgents', 'agent', { q: someone.name.slice(0, 1) }, 50);
    assert.ok(byName.some((u) => u.id === someone.id));
    assert.ok(
      byName.every(
        (u) =>
          u.name.startsWith(someone.name.slice(0, 1)) ||
          u.displayName?.startsWith(someone.name.slice(0, 1)),
      ),
    );
  });

  test('getAgent, and 404 for nobody', async () => {
    const user = server.userFor('qa_specialist');
    const response = await server.api('getAgent', { token: 'agent', path: { agentId: user.id } });
    assert.equal(response.body.id, user.id);
    assertProblem(
      await server.api('getAgent', { token: 'agent', path: { agentId: 'usr_nobody' } }),
      404,
      'not-found',
    );
  });
});

describe('recordAgentPresence', () => {
  const record = (
    token: string,
    agentId: string,
    body: Record<string, unknown>,
    key = idempotencyKey(),
  ) =>
    server.api('recordAgentPresence', {
      token,
      path: { agentId },
      headers: { 'Idempotency-Key': key },
      body,
    });

  test('an agent records their own presence; it shows on the user', async () => {
    const agent = server.userFor('agent', 'team_online');
    const token = server.tokenFor('agent', { userId: agent.id });
    const response = await record(token, agent.id, { state: 'available' });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.agentId, agent.id);
    assert.equal(response.body.state, 'available');
    const user = await server.api('getAgent', { token, path: { agentId: agent.id } });
    assert.equal(user.body.presence.state, 'available');
  });

  test('not for another agent (403), nor a supervisor for another team (403)', async () => {
    const other = server.userFor('agent', 'team_business');
    assertProblem(
      await record(server.tokenFor('agent', { team: 'team_online' }), other.id, { state: 'break' }),
      403,
      'forbidden',
    );
    assertProblem(
      await record(server.tokenFor('supervisor', { team: 'team_online' }), other.id, {
        state: 'break',
      }),
      403,
      'forbidden',
    );
    const ok = await record(server.tokenFor('supervisor', { team: 'team_business' }), other.id, {
      state: 'break',
    });
    assert.equal(ok.status, 200);
  });

  test('not in the future, not before the last change (422)', async () => {
    const agent = server.userFor('agent', 'team_technical');
    const token = server.tokenFor('agent', { userId: agent.id });
    const future = new Date(Date.now() + 3600_000).toISOString();
    assertProblem(
      await record(token, agent.id, { state: 'on_call', at: future }),
      422,
      'unprocessable',
      ['/body/at'],
    );
    await record(token, agent.id, { state: 'on_call' });
    const earlier = new Date(Date.now() - 3600_000).toISOString();
    assertProblem(
      await record(token, agent.id, { state: 'available', at: earlier }),
      422,
      'unprocessable',
      ['/body/at'],
    );
  });

  test('unknown agent 404; a replayed presence change is appended once', async () => {
    assertProblem(
      await record(server.tokenFor('operations_manager'), 'usr_nobody', { state: 'available' }),
      404,
      'not-found',
    );
    const agent = server.userFor('agent', 'team_residential');
    const key = idempotencyKey();
    const count = () =>
      (
        server.built.db
          .prepare('SELECT COUNT(*) AS n FROM agent_presence WHERE agent_id = ?')
          .get(agent.id) as { n: number }
      ).n;
    const before = count();
    await record(
      server.tokenFor('operations_manager'),
      agent.id,
      { state: 'after_call_work' },
      key,
    );
    const replay = await record(
      server.tokenFor('operations_manager'),
      agent.id,
      { state: 'after_call_work' },
      key,
    );
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(count(), before + 1);
  });
});

describe('departments, categories and routing rules', () => {
  test('listDepartments', async () => {
    const departments = await all('listDepartments', 'agent');
    assert.ok(departments.length >= 8);
    assert.ok(departments.every((d) => d.code && d.name.en && d.active));
  });

  test('categories come in two levels, parents before their children, with custom fields', async () => {
    const categories = await all('listComplaintCategories', 'agent', {}, 5);
    assert.ok(categories.length >= 12);
    const seen = new Set<string>();
    for (const c of categories) {
      if (c.parentId) assert.ok(seen.has(c.parentId), `${c.code} before its parent`);
      seen.add(c.id);
    }
    const billing = categories.find((c) => c.code === 'BILLING_DISPUTE');
    const invoice = billing.customFields.find((f: { key: string }) => f.key === 'invoiceNumber');
    assert.equal(invoice.required, true);
    assert.equal(invoice.pattern, '^INV-[0-9]{6,12}$');
    const outage = categories.find((c) => c.code === 'NETWORK_OUTAGE');
    assert.ok(outage.customFields.some((f: { key: string }) => f.key === 'location'));
  });

  test('includeInactive shows retired categories too', async () => {
    server.built.db
      .prepare(`UPDATE complaint_categories SET active = 0 WHERE code = 'PRIVACY_MARKETING'`)
      .run();
    const active = await all('listComplaintCategories', 'agent', {}, 50);
    const everything = await all('listComplaintCategories', 'agent', { includeInactive: true }, 50);
    assert.equal(everything.length, active.length + 1);
    assert.ok(!active.some((c) => c.code === 'PRIVACY_MARKETING'));
  });

  test('routing rules in evaluation order', async () => {
    const rules = await all('listComplaintRoutingRules', 'complaint_supervisor', {}, 3);
    assert.ok(rules.length >= 8);
    for (let i = 1; i < rules.length; i++) assert.ok(rules[i - 1].order <= rules[i].order);
  });
});

describe('SLA policies and the business calendar', () => {
  test('a policy for every kind but praise and priority, and a default per priority', async () => {
    const policies = await all('listSlaPolicies', 'agent', {}, 20);
    assert.equal(policies.length, 9 * 4);
    assert.equal(policies.filter((p) => p.kind === null).length, 4);
    assert.ok(!policies.some((p) => p.kind === 'praise'));
    assert.ok(
      policies.filter((p) => p.priority === 'urgent').every((p) => p.businessHours === false),
    );
  });

  test('updateSlaPolicy applies to tickets created afterwards only', async () => {
    const token = 'operations_manager';
    const before = await server.api('createTicket', {
      token: 'supervisor',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { kind: 'voicemail', subject: 'before the change' },
    });
    const policy = (await all('listSlaPolicies', token, {}, 50)).find(
      (p) => p.id === 'sla_voicemail_normal',
    );
    assertProblem(
      await server.api('updateSlaPolicy', {
        token,
        path: { policyId: policy.id },
        body: { resolutionMinutes: 60 },
      }),
      428,
      'precondition-required',
    );
    const updated = await server.api('updateSlaPolicy', {
      token,
      path: { policyId: policy.id },
      headers: { 'If-Match': `"${policy.version}"` },
      body: { resolutionMinutes: 60, atRiskRatio: 0.5 },
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.resolutionMinutes, 60);
    assert.equal(updated.body.firstResponseMinutes, policy.firstResponseMinutes);
    const stale = await server.api('updateSlaPolicy', {
      token,
      path: { policyId: policy.id },
      headers: { 'If-Match': `"${policy.version}"` },
      body: { resolutionMinutes: 90 },
    });
    assertProblem(stale, 412, 'precondition-failed');
    assertProblem(
      await server.api('updateSlaPolicy', {
        token,
        path: { policyId: 'sla_nope' },
        headers: { 'If-Match': '"1"' },
        body: { resolutionMinutes: 90 },
      }),
      404,
      'not-found',
    );
    const after = await server.api('createTicket', {
      token: 'supervisor',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { kind: 'voicemail', subject: 'after the change' },
    });
    assert.equal(after.body.sla.resolution.targetSeconds, 3600);
    const old = await server.api('getTicket', {
      token: 'supervisor',
      path: { ticketId: before.body.id },
    });
    assert.equal(old.body.sla.resolution.targetSeconds, policy.resolutionMinutes * 60);
  });

  test('the calendar: Shanghai hours, CN holidays, an ETag', async () => {
    const calendar = await server.api('getBusinessCalendar', { token: 'agent' });
    assert.equal(calendar.body.timeZone, 'Asia/Shanghai');
    assert.equal(calendar.body.hours.length, 6);
    assert.ok(calendar.body.holidays.some((h: { date: string }) => h.date === '2026-10-01'));
    assert.ok(calendar.body.holidays.some((h: { date: string }) => h.date.startsWith('2027-')));
    assert.equal(calendar.headers.get('etag'), `"${calendar.body.version}"`);
  });

  test('replaceBusinessCalendar checks the calendar (422 naming fields) and its ETag', async () => {
    const token = 'operations_manager';
    const current = (await server.api('getBusinessCalendar', { token })).body;
    const replace = (ifMatch: string | null, body: unknown) =>
      server.api('replaceBusinessCalendar', {
        token,
        headers: ifMatch ? { 'If-Match': ifMatch } : {},
        body,
      });
    const input = {
      timeZone: 'Asia/Shanghai',
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
      holidays: [
        { date: '2026-12-25', name: { en: 'Closed', 'zh-Hans': '休息', 'zh-Hant': '休息' } },
      ],
    };
    assertProblem(await replace(null, input), 428, 'precondition-required');
    assertProblem(
      await replace(`"${current.version}"`, { ...input, timeZone: 'Mars/Olympus' }),
      422,
      'unprocessable',
      ['/body/timeZone'],
    );
    assertProblem(
      await replace(`"${current.version}"`, {
        ...input,
        hours: [{ weekday: 1, start: '18:00', end: '09:00' }],
      }),
      422,
      'unprocessable',
      ['/body/hours/0/end'],
    );
    assertProblem(
      await replace(`"${current.version}"`, { ...input, holidays: [{ date: '2026-13-40' }] }),
      400,
      'validation',
    );
    const ok = await replace(`"${current.version}"`, input);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.version, current.version + 1);
    assert.equal(ok.body.hours.length, 7);
    assert.deepEqual(ok.body.holidays, input.holidays);
    assertProblem(await replace(`"${current.version}"`, input), 412, 'precondition-failed');
    // The running SLA clocks were recomputed on the new calendar: filters agree with the answers.
    for (const state of ['ok', 'at_risk', 'breached']) {
      const page = await server.api('listTickets', {
        token,
        query: { slaState: state, limit: 200 },
      });
      for (const t of page.body.items) assert.equal(t.sla.state, state);
    }
  });
});
