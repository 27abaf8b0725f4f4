/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely here */
/**
 * Complaints: filing (custom fields, routing, the acknowledgement deadline in business time,
 * idempotency), the routing suggestion, re-routing, verdict, callback, the complaint rules of the
 * ticket life cycle and who sees what.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';
import { openStream } from './helpers/sse.js';

const HOUR = 3600_000;
// Friday 2026-11-20 19:00 in Shanghai (11:00 UTC): after closing time, no holiday near.
const FRIDAY_EVENING = Date.parse('2026-11-20T11:00:00.000Z');
// Wednesday 2026-11-25 10:00 in Shanghai.
const WEDNESDAY_MORNING = Date.parse('2026-11-25T02:00:00.000Z');
// The clock only moves forward (rate-limit buckets and tokens follow it).
let now = FRIDAY_EVENING;

let server: TestServer;
before(async () => {
  server = await startServer({ clock: () => new Date(now) });
});
after(() => server.close());

const customer = { customerId: 'C-20931', name: '李娜', phone: '13812345678' };

const billing = {
  customer,
  channel: 'phone',
  categoryId: 'cat_billing_dispute',
  severity: 'medium',
  description: '客户反映十月账单多扣了 58 元国际漫游费，但本月未出境。',
  desiredResolution: '退还多扣费用并书面道歉',
  customFields: { invoiceNumber: 'INV-20261001', disputedAmount: 58 },
};

const count = (sql: string, ...params: unknown[]) =>
  (server.built.db.prepare(sql).get(...params) as { n: number }).n;
const complaintCount = () => count(`SELECT COUNT(*) AS n FROM ticket_complaints`);
const ticketCount = () => count(`SELECT COUNT(*) AS n FROM tickets`);

function file(body: Record<string, unknown>, token: string = 'agent', key = idempotencyKey()) {
  return server.api('fileComplaint', {
    token,
    headers: { 'Idempotency-Key': key },
    body,
  });
}

async function filed(body: Record<string, unknown> = billing, token: string = 'agent') {
  const response = await file(body, token);
  assert.equal(response.status, 201, response.text);
  return response.body;
}

function post(
  operationId: 'routeComplaint' | 'recordComplaintVerdict' | 'recordComplaintCallback',
  ticket: { id: string; version: number | null },
  body: Record<string, unknown>,
  token: string = 'complaint_supervisor',
  key = idempotencyKey(),
) {
  return server.api(operationId, {
    token,
    path: { ticketId: ticket.id },
    headers: {
      'Idempotency-Key': key,
      ...(ticket.version !== null ? { 'If-Match': `"${ticket.version}"` } : {}),
    },
    body,
  });
}

function transition(
  ticket: { id: string; version: number },
  body: Record<string, unknown>,
  token: string = 'complaint_supervisor',
) {
  return server.api('transitionTicket', {
    token,
    path: { ticketId: ticket.id },
    headers: { 'Idempotency-Key': idempotencyKey(), 'If-Match': `"${ticket.version}"` },
    body,
  });
}

function get(id: string, token: string) {
  return server.api('getTicket', { token, path: { ticketId: id } });
}

function suggest(query: Record<string, string>, token = 'agent') {
  return server.api('suggestComplaintRouting', { token, query });
}

describe('suggestComplaintRouting', () => {
  test('the deadline and priority are those filing would give', async () => {
    const response = await suggest({ categoryId: 'cat_network_speed', severity: 'medium' });
    assert.equal(response.status, 200);
    // 8 business hours: Saturday 09:00–13:00, then Monday 09:00–13:00 (Shanghai).
    assert.equal(response.body.acknowledgeBy, '2026-11-23T05:00:00.000Z');
    assert.equal(response.body.priority, 'normal');
    const complaint = await filed({
      ...billing,
      categoryId: 'cat_network_speed',
      customFields: { location: '上海市浦东新区张江镇' },
    });
    assert.equal(complaint.complaint.acknowledgeBy, response.body.acknowledgeBy);
    assert.equal(complaint.sla.resolution.dueAt, response.body.sla.resolutionDueAt);
    assert.equal(complaint.sla.firstResponse.dueAt, response.body.sla.firstResponseDueAt);
    now = WEDNESDAY_MORNING;
  });

  const cases: [string, Record<string, string>, string, string | null, number][] = [
    [
      'a rule on the parent category',
      { categoryId: 'cat_privacy_leak' },
      'dept_legal',
      'rule_privacy',
      1,
    ],
    [
      'a rule on severity alone',
      { categoryId: 'cat_service_wait', severity: 'critical' },
      'dept_care',
      'rule_critical',
      2,
    ],
    [
      'a rule on the category and severity',
      { categoryId: 'cat_billing_dispute', severity: 'high' },
      'dept_billing',
      'rule_billing_high',
      1,
    ],
    [
      'a rule on the parent and channel',
      { categoryId: 'cat_network_speed', severity: 'low', channel: 'social' },
      'dept_network',
      'rule_network_social',
      1,
    ],
    [
      'a rule on the channel alone',
      { categoryId: 'cat_billing_refund', severity: 'medium', channel: 'letter' },
      'dept_care',
      'rule_letter',
      0,
    ],
    [
      'no rule: the category’s default department',
      { categoryId: 'cat_billing_refund', severity: 'medium', channel: 'phone' },
      'dept_billing',
      null,
      0,
    ],
  ];
  for (const [name, query, department, rule, level] of cases) {
    test(name, async () => {
      const response = await suggest(query);
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.departmentId, department);
      assert.equal(response.body.ruleId, rule);
      assert.equal(response.body.escalationLevel, level);
    });
  }

  test('severity defaults to the category’s', async () => {
    const response = await suggest({ categoryId: 'cat_privacy_leak' });
    assert.equal(response.body.priority, 'urgent'); // critical by default
  });

  test('422 for an unknown category and for a category with subcategories', async () => {
    assertProblem(await suggest({ categoryId: 'cat_nope' }), 422, 'unprocessable', [
      '/query/categoryId',
    ]);
    assertProblem(await suggest({ categoryId: 'cat_billing' }), 422, 'unprocessable', [
      '/query/categoryId',
    ]);
  });

  test('400 without a category; 403 for roles that do not file', async () => {
    assertProblem(
      await server.api('suggestComplaintRouting', { token: 'agent', query: {} }),
      400,
      'validation',
    );
    assertProblem(
      await suggest({ categoryId: 'cat_service_wait' }, 'qa_specialist'),
      403,
      'forbidden',
    );
  });
});

describe('fileComplaint', () => {
  test('201: a ticket of kind complaint, routed, for nobody, in the filer’s team', async () => {
    const agent = server.userFor('agent');
    const response = await file(billing);
    assert.equal(response.status, 201, response.text);
    const ticket = response.body;
    assert.equal(response.headers.get('location'), `/v1/tickets/${ticket.id}`);
    assert.equal(response.headers.get('etag'), `"${ticket.version}"`);
    assert.equal(ticket.kind, 'complaint');
    assert.equal(ticket.state, 'new');
    assert.equal(ticket.priority, 'normal');
    assert.equal(ticket.assigneeId, null);
    assert.equal(ticket.teamId, agent.team_id);
    assert.equal(ticket.createdBy.id, agent.id);
    assert.equal(ticket.departmentId, 'dept_billing');
    assert.equal(ticket.sla.policyId, 'sla_complaint_normal');
    assert.match(ticket.subject, /^费用争议：客户反映/);
    const c = ticket.complaint;
    assert.equal(c.categoryId, 'cat_billing_dispute');
    assert.equal(c.severity, 'medium');
    assert.equal(c.desiredResolution, billing.desiredResolution);
    assert.deepEqual(c.customFields, billing.customFields);
    assert.deepEqual(c.routing, {
      departmentId: 'dept_billing',
      suggestedDepartmentId: 'dept_billing',
      ruleId: null,
      routedBy: { id: agent.id, name: agent.name },
      routedAt: new Date(now).toISOString(),
      reason: null,
    });
    assert.equal(c.escalationLevel, 0);
    assert.equal(c.acknowledgedAt, null);
    // 24 business hours from Wednesday 10:00: 8 on Wednesday, 9 on Thursday, 7 on Friday.
    assert.equal(c.acknowledgeBy, '2026-11-27T08:00:00.000Z');
    assert.equal(c.verdict, null);
    assert.equal(c.callback, null);

    const read = await get(ticket.id, 'agent');
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.complaint, c);
    const activity = await server.api('listTicketActivity', {
      token: 'agent',
      path: { ticketId: ticket.id },
    });
    assert.deepEqual(
      activity.body.items.map((a: any) => a.action),
      ['created'],
    );
  });

  test('priority and escalation level follow severity and the matching rule', async () => {
    const ticket = await filed({
      ...billing,
      categoryId: 'cat_service_wait',
      severity: 'critical',
      customFields: {},
    });
    assert.equal(ticket.priority, 'urgent');
    assert.equal(ticket.escalationLevel, 2);
    assert.equal(ticket.complaint.escalationLevel, 2);
    assert.equal(ticket.complaint.routing.ruleId, 'rule_critical');
    assert.equal(ticket.departmentId, 'dept_care');
  });

  test('English text gets an English subject; a given subject is kept', async () => {
    const english = await filed({
      ...billing,
      description: 'Charged twice for the same roaming pass in October.',
    });
    assert.match(english.subject, /^Disputed charge: Charged twice/);
    const given = await filed({ ...billing, subject: '重复扣费' });
    assert.equal(given.subject, '重复扣费');
  });

  test('custom fields: required and pattern per category, as 422 on /body/customFields/<key>', async () => {
    const before = [ticketCount(), complaintCount()];
    const missing = await file({ ...billing, customFields: {} });
    assertProblem(missing, 422, 'unprocessable', ['/body/customFields/invoiceNumber']);
    assert.equal(missing.body.errors[0].code, 'required');

    const pattern = await file({ ...billing, customFields: { invoiceNumber: 'INV-12' } });
    assertProblem(pattern, 422, 'unprocessable', ['/body/customFields/invoiceNumber']);
    assert.equal(pattern.body.errors[0].code, 'pattern');

    const network = await file({
      ...billing,
      categoryId: 'cat_network_outage',
      customFields: { invoiceNumber: 'INV-20261001', since: '2026-13-01' },
    });
    assertProblem(network, 422, 'unprocessable', [
      '/body/customFields/invoiceNumber',
      '/body/customFields/location',
      '/body/customFields/since',
    ]);
    assert.deepEqual(
      Object.fromEntries(network.body.errors.map((e: any) => [e.path.split('/').pop(), e.code])),
      { location: 'required', since: 'type', invoiceNumber: 'unknown' },
    );

    const bounds = await file({
      ...billing,
      customFields: { invoiceNumber: 'INV-20261001', disputedAmount: -5 },
    });
    assertProblem(bounds, 422, 'unprocessable', ['/body/customFields/disputedAmount']);
    assert.equal(bounds.body.errors[0].code, 'min');

    const select = await file({
      ...billing,
      categoryId: 'cat_network_speed',
      customFields: { location: '杭州', plan: '10g' },
    });
    assertProblem(select, 422, 'unprocessable', ['/body/customFields/plan']);
    assert.equal(select.body.errors[0].code, 'option');

    assert.deepEqual([ticketCount(), complaintCount()], before);
  });

  test('a blank optional field is dropped, not refused', async () => {
    const ticket = await filed({
      ...billing,
      categoryId: 'cat_network_speed',
      customFields: { location: '杭州市西湖区', plan: '' },
    });
    assert.deepEqual(ticket.complaint.customFields, { location: '杭州市西湖区' });
  });

  test('the category must be an active leaf', async () => {
    assertProblem(await file({ ...billing, categoryId: 'cat_billing' }), 422, 'unprocessable', [
      '/body/categoryId',
    ]);
    assertProblem(await file({ ...billing, categoryId: 'cat_nope' }), 422, 'unprocessable', [
      '/body/categoryId',
    ]);
  });

  test('bad input is a 400 naming the field and writes nothing', async () => {
    const before = ticketCount();
    assertProblem(await file({ ...billing, description: '太短了' }), 400, 'validation', [
      '/body/description',
    ]);
    const { name: _name, ...nameless } = customer;
    assertProblem(await file({ ...billing, customer: nameless }), 400, 'validation');
    assertProblem(await file({ ...billing, severity: 'apocalyptic' }), 400, 'validation');
    assert.equal(ticketCount(), before);
  });

  test('agents may not choose the department (403); complaint roles may', async () => {
    const before = ticketCount();
    const refused = await file({ ...billing, departmentId: 'dept_legal' });
    assertProblem(refused, 403, 'forbidden', ['/body/departmentId']);
    const supervisorRefused = await file({ ...billing, departmentId: 'dept_legal' }, 'supervisor');
    assertProblem(supervisorRefused, 403, 'forbidden');
    assert.equal(ticketCount(), before);

    const chosen = await filed({ ...billing, departmentId: 'dept_legal' }, 'complaint_supervisor');
    assert.equal(chosen.departmentId, 'dept_legal');
    assert.equal(chosen.complaint.routing.departmentId, 'dept_legal');
    assert.equal(chosen.complaint.routing.suggestedDepartmentId, 'dept_billing');
    assertProblem(
      await file({ ...billing, departmentId: 'dept_nope' }, 'operations_manager'),
      422,
      'unprocessable',
      ['/body/departmentId'],
    );
  });

  test('related tickets must exist and be visible; related calls must exist', async () => {
    const own = await server.api('createTicket', {
      token: 'agent',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { kind: 'general_call', subject: '查询话费' },
    });
    const linked = await filed({ ...billing, relatedTicketId: own.body.id });
    assert.equal(linked.relatedTicketId, own.body.id);

    const other = server.built.db
      .prepare(
        `SELECT id FROM tickets WHERE kind <> 'complaint' AND created_by <> ? AND
           (assignee_id IS NULL OR assignee_id <> ?) LIMIT 1`,
      )
      .get(server.userFor('agent').id, server.userFor('agent').id) as { id: string };
    const before = ticketCount();
    assertProblem(await file({ ...billing, relatedTicketId: other.id }), 422, 'unprocessable', [
      '/body/relatedTicketId',
    ]);
    assertProblem(await file({ ...billing, relatedTicketId: 'tkt_nope' }), 422, 'unprocessable', [
      '/body/relatedTicketId',
    ]);
    assertProblem(await file({ ...billing, relatedCallId: 'call_nope' }), 422, 'unprocessable', [
      '/body/relatedCallId',
    ]);
    assert.equal(ticketCount(), before);
  });

  test('a related call must be one the caller handled (agents) or their team’s (supervisors)', async () => {
    const agent = server.userFor('agent');
    const complaints = server.built.services.need('complaints');
    const calls = new Map([
      ['call_mine', { agentId: agent.id, teamId: agent.team_id }],
      ['call_colleague', { agentId: 'usr_someone_else', teamId: agent.team_id }],
      ['call_other_team', { agentId: 'usr_someone_else', teamId: 'team_elsewhere' }],
    ]);
    complaints.useCallLookup((id) => calls.get(id));
    try {
      const mine = await filed({ ...billing, relatedCallId: 'call_mine' });
      assert.equal(mine.relatedCallId, 'call_mine');
      assertProblem(
        await file({ ...billing, relatedCallId: 'call_colleague' }),
        422,
        'unprocessable',
        ['/body/relatedCallId'],
      );
      const lead = server.tokenFor('supervisor', { team: agent.team_id! });
      assert.equal((await file({ ...billing, relatedCallId: 'call_colleague' }, lead)).status, 201);
      assertProblem(
        await file({ ...billing, relatedCallId: 'call_other_team' }, lead),
        422,
        'unprocessable',
        ['/body/relatedCallId'],
      );
      const ops = await file(
        { ...billing, relatedCallId: 'call_other_team' },
        'operations_manager',
      );
      assert.equal(ops.status, 201);
    } finally {
      complaints.useCallLookup((id) => complaints.store.call(id));
    }
  });

  test('the same Idempotency-Key files once; with another body it is 422', async () => {
    const key = idempotencyKey();
    const before = complaintCount();
    const first = await file(billing, 'agent', key);
    const second = await file(billing, 'agent', key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
    assert.equal(complaintCount(), before + 1);
    const other = await file({ ...billing, severity: 'high' }, 'agent', key);
    assertProblem(other, 422, 'idempotency-mismatch');
    assert.equal(complaintCount(), before + 1);
  });

  test('markup is stored verbatim and returned as data', async () => {
    const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const stored = await filed({
      ...billing,
      customer: { ...customer, name: `"><svg onload=alert(3)>` },
      subject: xss,
      description: `${xss} 账单多扣费`,
      desiredResolution: xss,
      categoryId: 'cat_network_speed',
      customFields: { location: xss },
    });
    const read = await get(stored.id, 'agent');
    assert.match(read.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(read.body.subject, xss);
    assert.equal(read.body.description, `${xss} 账单多扣费`);
    assert.equal(read.body.customer.name, `"><svg onload=alert(3)>`);
    assert.equal(read.body.complaint.desiredResolution, xss);
    assert.equal(read.body.complaint.customFields.location, xss);
  });
});

describe('who sees a complaint', () => {
  test('the filer, their team’s supervisor and complaint roles; not other agents or teams', async () => {
    const ticket = await filed();
    const agent = server.userFor('agent');
    const otherAgent = server.built.db
      .prepare(`SELECT id FROM users WHERE role = 'agent' AND id <> ? LIMIT 1`)
      .get(agent.id) as { id: string };
    const otherTeam = server.built.db
      .prepare(`SELECT team_id FROM users WHERE role = 'supervisor' AND team_id <> ? LIMIT 1`)
      .get(agent.team_id) as { team_id: string };
    assert.equal((await get(ticket.id, 'agent')).status, 200);
    assert.equal(
      (await get(ticket.id, server.tokenFor('agent', { userId: otherAgent.id }))).status,
      404,
    );
    assert.equal(
      (await get(ticket.id, server.tokenFor('supervisor', { team: agent.team_id! }))).status,
      200,
    );
    assert.equal(
      (await get(ticket.id, server.tokenFor('supervisor', { team: otherTeam.team_id }))).status,
      404,
    );
    assert.equal((await get(ticket.id, 'complaint_supervisor')).status, 200);
    assert.equal((await get(ticket.id, 'operations_manager')).status, 200);
    // QA specialists only see justified complaints.
    assert.equal((await get(ticket.id, 'qa_specialist')).status, 404);
  });

  test('a justified verdict makes it visible to QA; personal data stays masked for them', async () => {
    const ticket = await filed();
    const judged = await post('recordComplaintVerdict', ticket, {
      justified: true,
      finding: '经核实，系统配置错误导致多收费用。',
    });
    assert.equal(judged.status, 200, judged.text);
    const qa = await get(ticket.id, 'qa_specialist');
    assert.equal(qa.status, 200);
    assert.equal(qa.body.customer.masked, true);
    assert.notEqual(qa.body.customer.phone, customer.phone);
    const list = await server.api('listTickets', {
      token: 'qa_specialist',
      query: { kind: 'complaint', limit: 200 },
    });
    assert.ok(list.body.items.some((t: any) => t.id === ticket.id));
    assert.ok(list.body.items.every((t: any) => t.complaint.verdict?.justified === true));

    const revised = await post('recordComplaintVerdict', judged.body, {
      justified: false,
      finding: '复核后确认为客户本人开通的业务。',
    });
    assert.equal(revised.status, 200);
    assert.equal((await get(ticket.id, 'qa_specialist')).status, 404);
  });
});

describe('routeComplaint', () => {
  test('re-routes: department, reason, who and when; an activity entry', async () => {
    const ticket = await filed();
    now += HOUR;
    const response = await post('routeComplaint', ticket, {
      departmentId: 'dept_legal',
      reason: '客户要求法务介入',
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.headers.get('etag'), `"${ticket.version + 1}"`);
    const lead = server.userFor('complaint_supervisor');
    assert.equal(response.body.departmentId, 'dept_legal');
    assert.deepEqual(response.body.complaint.routing, {
      departmentId: 'dept_legal',
      suggestedDepartmentId: 'dept_billing',
      ruleId: null,
      routedBy: { id: lead.id, name: lead.name },
      routedAt: new Date(now).toISOString(),
      reason: '客户要求法务介入',
    });
    const activity = await server.api('listTicketActivity', {
      token: 'complaint_supervisor',
      path: { ticketId: ticket.id },
    });
    const routed = activity.body.items.find((a: any) => a.action === 'routed');
    assert.deepEqual(routed.changes, [
      { field: 'departmentId', from: 'dept_billing', to: 'dept_legal' },
    ]);
    assert.equal(routed.note, '客户要求法务介入');
  });

  test('428 without If-Match, 412 when stale, and nothing changes', async () => {
    const ticket = await filed();
    assertProblem(
      await post(
        'routeComplaint',
        { id: ticket.id, version: null },
        { departmentId: 'dept_legal' },
      ),
      428,
      'precondition-required',
    );
    const stale = await post(
      'routeComplaint',
      { id: ticket.id, version: ticket.version + 5 },
      { departmentId: 'dept_legal' },
    );
    assertProblem(stale, 412, 'precondition-failed');
    assert.equal(stale.body.currentVersion, ticket.version);
    const read = await get(ticket.id, 'complaint_supervisor');
    assert.equal(read.body.departmentId, 'dept_billing');
    assert.equal(read.body.complaint.routing.departmentId, 'dept_billing');
  });

  test('404 for tickets that are not complaints; 422 for unknown departments; 403 for agents', async () => {
    const other = server.built.db
      .prepare(`SELECT id, version FROM tickets WHERE kind = 'general_call' LIMIT 1`)
      .get() as { id: string; version: number };
    assertProblem(
      await post('routeComplaint', other, { departmentId: 'dept_legal' }, 'operations_manager'),
      404,
      'not-found',
    );
    const ticket = await filed();
    assertProblem(
      await post('routeComplaint', ticket, { departmentId: 'dept_nope' }),
      422,
      'unprocessable',
      ['/body/departmentId'],
    );
    assertProblem(
      await post('routeComplaint', ticket, { departmentId: 'dept_legal' }, 'agent'),
      403,
      'forbidden',
    );
  });

  test('a replay under the same key routes once', async () => {
    const ticket = await filed();
    const key = idempotencyKey();
    const first = await post(
      'routeComplaint',
      ticket,
      { departmentId: 'dept_care' },
      undefined,
      key,
    );
    const second = await post(
      'routeComplaint',
      ticket,
      { departmentId: 'dept_care' },
      undefined,
      key,
    );
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(
      count(
        `SELECT COUNT(*) AS n FROM ticket_activity WHERE ticket_id = ? AND action = 'routed'`,
        ticket.id,
      ),
      1,
    );
  });
});

describe('verdict and callback', () => {
  test('recordComplaintVerdict: 200 with the verdict; 428; 412; 404 out of reach', async () => {
    const ticket = await filed();
    const lead = server.userFor('complaint_supervisor');
    assertProblem(
      await post(
        'recordComplaintVerdict',
        { id: ticket.id, version: null },
        { justified: true, finding: 'x' },
      ),
      428,
      'precondition-required',
    );
    assertProblem(
      await post(
        'recordComplaintVerdict',
        { ...ticket, version: 99 },
        { justified: true, finding: 'x' },
      ),
      412,
      'precondition-failed',
    );
    assertProblem(
      await post(
        'recordComplaintVerdict',
        { id: 'tkt_nope', version: 1 },
        { justified: true, finding: 'x' },
      ),
      404,
      'not-found',
    );
    const response = await post('recordComplaintVerdict', ticket, {
      justified: true,
      finding: '投诉属实',
    });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.complaint.verdict, {
      justified: true,
      finding: '投诉属实',
      decidedBy: { id: lead.id, name: lead.name },
      decidedAt: new Date(now).toISOString(),
    });
    const activity = await server.api('listTicketActivity', {
      token: 'complaint_supervisor',
      path: { ticketId: ticket.id },
    });
    assert.ok(activity.body.items.some((a: any) => a.action === 'verdict_recorded'));
  });

  test('recordComplaintCallback: only the assigned agent among agents', async () => {
    const ticket = await filed();
    const agent = server.userFor('agent');
    // The filer sees the complaint but it is nobody's yet.
    assertProblem(
      await post('recordComplaintCallback', ticket, { outcome: 'satisfied' }, 'agent'),
      403,
      'forbidden',
    );
    const assigned = await server.api('updateTicket', {
      token: 'complaint_supervisor',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: { assigneeId: agent.id },
      contentType: 'application/merge-patch+json',
    });
    assert.equal(assigned.status, 200, assigned.text);
    const response = await post(
      'recordComplaintCallback',
      assigned.body,
      { outcome: 'partially_satisfied', note: '客户接受退款，但对处理时长有意见。' },
      'agent',
    );
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.complaint.callback, {
      outcome: 'partially_satisfied',
      calledAt: new Date(now).toISOString(),
      note: '客户接受退款，但对处理时长有意见。',
      by: { id: agent.id, name: agent.name },
    });
  });

  test('recordComplaintCallback: a team supervisor on their team’s complaint; 404 for other teams', async () => {
    const ticket = await filed();
    const agent = server.userFor('agent');
    const otherTeam = server.built.db
      .prepare(`SELECT team_id FROM users WHERE role = 'supervisor' AND team_id <> ? LIMIT 1`)
      .get(agent.team_id) as { team_id: string };
    assertProblem(
      await post(
        'recordComplaintCallback',
        ticket,
        { outcome: 'satisfied' },
        server.tokenFor('supervisor', { team: otherTeam.team_id }),
      ),
      404,
      'not-found',
    );
    const response = await post(
      'recordComplaintCallback',
      ticket,
      { outcome: 'satisfied' },
      server.tokenFor('supervisor', { team: agent.team_id! }),
    );
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.complaint.callback.outcome, 'satisfied');
  });

  test('recordComplaintCallback: calledAt may be earlier, not in the future; 428 and 412', async () => {
    const ticket = await filed();
    const earlier = new Date(now - 2 * HOUR).toISOString();
    assertProblem(
      await post('recordComplaintCallback', ticket, {
        outcome: 'unreachable',
        calledAt: new Date(now + HOUR).toISOString(),
      }),
      422,
      'unprocessable',
      ['/body/calledAt'],
    );
    assertProblem(
      await post(
        'recordComplaintCallback',
        { id: ticket.id, version: null },
        { outcome: 'satisfied' },
      ),
      428,
      'precondition-required',
    );
    assertProblem(
      await post('recordComplaintCallback', { ...ticket, version: 42 }, { outcome: 'satisfied' }),
      412,
      'precondition-failed',
    );
    const ok = await post('recordComplaintCallback', ticket, {
      outcome: 'unreachable',
      calledAt: earlier,
    });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.complaint.callback.calledAt, earlier);
    assert.equal(ok.body.complaint.callback.note, '');
  });
});

describe('the life of a complaint', () => {
  test('start acknowledges; close needs a verdict and a callback; closed is final', async () => {
    let ticket = await filed();
    now += 2 * HOUR;
    const started = await transition(ticket, { transition: 'start' });
    assert.equal(started.status, 200, started.text);
    assert.equal(started.body.complaint.acknowledgedAt, new Date(now).toISOString());
    const resolved = await transition(started.body, {
      transition: 'resolve',
      resolution: '已退还多扣费用',
    });
    assert.equal(resolved.status, 200, resolved.text);
    ticket = resolved.body;

    const blocked = await transition(ticket, { transition: 'close' });
    assertProblem(blocked, 422, 'complaint-not-closable');
    assert.match(blocked.body.detail, /verdict.*callback/);

    const judged = await post('recordComplaintVerdict', ticket, {
      justified: false,
      finding: '客户本人开通的业务',
    });
    const stillBlocked = await transition(judged.body, { transition: 'close' });
    assertProblem(stillBlocked, 422, 'complaint-not-closable');
    assert.doesNotMatch(stillBlocked.body.detail, /verdict/);

    const called = await post('recordComplaintCallback', judged.body, { outcome: 'satisfied' });
    assert.equal(called.status, 200, called.text);
    const closed = await transition(called.body, { transition: 'close' });
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.state, 'closed');
    // acknowledged once, at the first start
    assert.equal(closed.body.complaint.acknowledgedAt, started.body.complaint.acknowledgedAt);

    for (const [op, body] of [
      ['routeComplaint', { departmentId: 'dept_care' }],
      ['recordComplaintVerdict', { justified: true, finding: 'x' }],
      ['recordComplaintCallback', { outcome: 'unsatisfied' }],
    ] as const) {
      assertProblem(await post(op, closed.body, body), 409, 'invalid-state');
    }
  });

  test('escalation raises the level from the rule’s start up to 3; then 409', async () => {
    let ticket = await filed({
      ...billing,
      categoryId: 'cat_service_wait',
      severity: 'critical',
      customFields: {},
    });
    assert.equal(ticket.complaint.escalationLevel, 2);
    const up = await transition(ticket, { transition: 'escalate', reason: '客户要求主管处理' });
    assert.equal(up.status, 200, up.text);
    assert.equal(up.body.escalationLevel, 3);
    assert.equal(up.body.complaint.escalationLevel, 3);
    const down = await transition(up.body, { transition: 'de_escalate', reason: '已安抚' });
    assert.equal(down.status, 200);
    assert.equal(down.body.escalationLevel, 3);
    ticket = down.body;
    assertProblem(
      await transition(ticket, { transition: 'escalate', reason: '再次升级' }),
      409,
      'invalid-state',
    );
  });

  test('complaint events reach QA only once justified', async () => {
    const ticket = await filed();
    const events = () =>
      server.built.db
        .prepare(
          `SELECT audience_json AS a FROM events WHERE topic = 'tickets' AND data_json LIKE ? ORDER BY id`,
        )
        .all(`%${ticket.id}%`) as { a: string }[];
    const rows = events();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => !r.a.includes('role:qa_specialist')));
    await post('recordComplaintVerdict', ticket, { justified: true, finding: '属实' });
    assert.ok(events().at(-1)!.a.includes('role:qa_specialist'));
  });
});

describe('live events', () => {
  test('complaint roles get a filing live; QA only once it is justified, masked', async () => {
    const lead = await openStream(
      server.url,
      server.tokenFor('complaint_supervisor'),
      'topics=tickets',
    );
    const qa = await openStream(server.url, server.tokenFor('qa_specialist'), 'topics=tickets');
    try {
      const ticket = await filed();
      const created = await lead.waitFor(
        (e) => e.event === 'ticket.created' && e.data.data.id === ticket.id,
      );
      assert.equal(created.data.data.complaint.categoryId, 'cat_billing_dispute');
      assert.equal(created.data.data.customer.phone, customer.phone);
      const judged = await post('recordComplaintVerdict', ticket, {
        justified: true,
        finding: '投诉属实',
      });
      assert.equal(judged.status, 200);
      const seen = await qa.waitFor((e) => e.data?.data?.id === ticket.id);
      assert.equal(seen.event, 'ticket.updated');
      assert.equal(seen.data.data.complaint.verdict.justified, true);
      assert.equal(seen.data.data.customer.masked, true);
      assert.equal(
        qa.events.filter((e) => e.data?.data?.id === ticket.id && e.event === 'ticket.created')
          .length,
        0,
      );
    } finally {
      lead.close();
      qa.close();
    }
  });
});

describe('demo complaints', () => {
  test('hundreds over 90 days; closed ones have a verdict and a callback', () => {
    const seeded = count(`SELECT COUNT(*) AS n FROM ticket_complaints`);
    assert.ok(seeded >= 200, `${seeded} complaints`);
    assert.equal(
      count(
        `SELECT COUNT(*) AS n FROM tickets t JOIN ticket_complaints c ON c.ticket_id = t.id
          WHERE t.state = 'closed' AND (c.justified IS NULL OR c.callback_outcome IS NULL)`,
      ),
      0,
    );
    assert.equal(
      count(`SELECT COUNT(*) AS n FROM tickets t WHERE t.kind = 'complaint' AND NOT EXISTS
        (SELECT 1 FROM ticket_complaints c WHERE c.ticket_id = t.id)`),
      0,
    );
    for (const state of ['new', 'open', 'pending', 'escalated', 'resolved', 'closed']) {
      assert.ok(
        count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'complaint' AND state = ?`, state) >
          0,
        state,
      );
    }
    assert.ok(count(`SELECT COUNT(*) AS n FROM ticket_complaints WHERE justified = 1`) > 0);
    assert.ok(
      count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'complaint' AND escalation_level > 0`) >
        0,
    );
    assert.ok(count(`SELECT COUNT(DISTINCT department_id) AS n FROM ticket_complaints`) >= 5);
    assert.ok(count(`SELECT COUNT(DISTINCT category_id) AS n FROM ticket_complaints`) >= 8);
    const span = server.built.db
      .prepare(`SELECT MIN(filed_at) AS first, MAX(filed_at) AS last FROM ticket_complaints`)
      .get() as { first: string; last: string };
    assert.ok(Date.parse(span.last) - Date.parse(span.first) > 60 * 24 * HOUR);
  });
});
