// The code examples of docs/sdk.md, type-checked by `tsc -b` (test/docs.test.ts checks that every
// example in the guide appears here, so the guide cannot show code that does not compile).
/* eslint-disable @typescript-eslint/no-unused-vars */
import {
  ApiError,
  ConflictError,
  NetworkError,
  ResponseValidationError,
  ValidationError,
  createClient,
  responseMeta,
  retryOnConflict,
  type Client,
  type FieldError,
  type GetToken,
  type Query,
  type Schema,
} from '../../src/index.js';
import {
  agentsNeeded,
  allowedTransitions,
  formatDuration,
  scoreEvaluation,
  serviceLevel,
  slaRemainingSeconds,
  type EvaluationAnswer,
  type ScorecardTemplateLike,
} from '../../src/domain.js';

declare const client: Client;
declare const baseUrl: string;
declare const getToken: GetToken;
declare const id: string;
declare const version: number;
declare const teamId: string;
declare const ticket: Schema<'Ticket'>;
declare const template: ScorecardTemplateLike;
declare const answers: EvaluationAnswer[];
declare const query: Query<'getKpis'>;
declare const controller: AbortController;
declare const metrics: { timing(name: string, ms: number, tags: object): void };
declare const log: { warn(...args: unknown[]): void };
declare function newRequestId(): string;
declare function showFieldErrors(errors: FieldError[]): void;
declare function reloadAndTellTheUser(version: number | undefined): void;
declare function showAllowed(transitions: unknown): void;
declare function report(status: number, requestId: string | undefined): void;
declare function done(ticket: Schema<'Ticket'>): boolean;
declare function render(items: unknown[]): void;
declare function setStatus(status: string): void;
declare function reloadEverything(): void;
declare function updateRow(ticket: Schema<'Ticket'>): void;

export async function example1() {
  const client = createClient({
    baseUrl: 'https://cc.example.com', // where the API lives (a trailing /v1 is fine too)
    getToken: async () => (await fetch('/session/cc-token')).json(), // see Authentication
  });

  const me = await client.me.get();
  console.log(me.user.name, me.role, me.permissions.includes('transitionTicket'));
}

export async function example2() {
  const client = createClient({
    baseUrl,
    getToken: async ({ reason, signal }) => {
      // reason: 'initial' | 'expired' | 'unauthorized'
      const response = await fetch('/session/cc-token', { signal, credentials: 'include' });
      return response.json(); // a JWT string, or { token, expiresAt }
    },
  });
}

export async function example3() {
  const anonymous = createClient({ baseUrl });
  const { items: users } = await anonymous.demo.users();
  const client = createClient({
    baseUrl,
    getToken: () => anonymous.demo.token({ role: 'supervisor' }), // { token, expiresAt, user }
  });
}

export async function example4() {
  const me = await client.me.get();
  const teams = await client.teams.list();
  const team = await client.teams.get('team_billing');
  await client.teams.update(team.id, { equipmentCheckCadenceDays: 14 }, { ifMatch: team.version });

  const agents = await client.agents.list({ teamId: team.id, role: 'agent', q: '王' });
  await client.agents.recordPresence(me.user.id, { state: 'break' });

  const departments = await client.departments.list();
  const categories = await client.complaintCategories.list({ includeInactive: false });
  const rules = await client.routingRules.list(); // complaint supervisors, operations manager
}

export async function example5() {
  const policies = await client.sla.policies.list();
  const policy = policies.items[0]!;
  await client.sla.policies.update(policy.id, { atRiskRatio: 0.2 }, { ifMatch: policy.version });

  const calendar = await client.sla.calendar.get();
  await client.sla.calendar.replace(
    {
      timeZone: calendar.timeZone,
      hours: calendar.hours,
      holidays: [...calendar.holidays, { date: '2027-01-01' }],
    },
    { ifMatch: calendar.version },
  );
}

export async function example6() {
  const page = await client.tickets.list({
    state: ['new', 'open'],
    assigneeId: 'me',
    sort: 'slaDueAt',
  });
  const counts = await client.tickets.counts({ groupBy: 'state', teamId: 'team_billing' });

  const ticket = await client.tickets.create({
    kind: 'follow_up_call',
    subject: '回访：宽带维修后是否恢复正常',
    priority: 'normal',
    channel: 'phone',
    customer: { customerId: 'C-20931', name: '李娜', phone: '13812345678' },
  });
  const started = await client.tickets.transition(
    ticket.id,
    { transition: 'start' },
    { ifMatch: ticket.version },
  );
  await client.tickets.update(
    ticket.id,
    { priority: 'high', tags: ['vip'] },
    { ifMatch: started.version },
  );

  await client.tickets.comments.add(ticket.id, {
    body: 'Called back, no answer.',
    visibility: 'internal',
  });
  const comments = await client.tickets.comments.list(ticket.id);
  const activity = await client.tickets.activity.iterate(ticket.id).toArray({ limit: 100 });

  const result = await client.tickets.bulk({
    action: 'assign',
    assigneeId: 'usr_agent_12',
    items: page.items.map((t) => ({ id: t.id, ifMatch: `"${t.version}"` })),
  });
  console.log(result.succeeded, result.failed);
}

export async function example7() {
  const suggestion = await client.complaints.suggestRouting({
    categoryId: 'cat_billing_overcharge',
    severity: 'high',
  });
  const complaint = await client.complaints.file({
    customer: { customerId: 'C-20931', name: '李娜', phone: '13812345678' },
    channel: 'phone',
    categoryId: 'cat_billing_overcharge',
    severity: 'high',
    description: '客户反映十月账单多扣了 58 元国际漫游费，但本月未出境。',
    customFields: { invoiceNumber: 'INV-20261001' },
  });
  const routed = await client.complaints.route(
    complaint.id,
    { departmentId: suggestion.departmentId },
    { ifMatch: complaint.version },
  );
  const judged = await client.complaints.verdict(
    routed.id,
    { justified: true, finding: '系统重复计费' },
    { ifMatch: routed.version },
  );
  await client.complaints.callback(
    judged.id,
    { outcome: 'satisfied', note: '已退款' },
    { ifMatch: judged.version },
  );
}

export async function example8() {
  const calls = await client.calls.list({ status: 'abandoned', from: '2026-11-26T00:00:00Z' });
  const call = await client.calls.get(calls.items[0]!.id);
  await client.calls.ingest({
    calls: [
      {
        externalId: 'pbx-7781-000231',
        queue: 'billing',
        direction: 'inbound',
        offeredAt: '2026-11-26T08:30:00Z',
      },
    ],
  });

  const report = await client.kpis.get({
    scope: 'team',
    scopeId: 'team_billing',
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
    metrics: ['service_level', 'aht', 'csat'],
    bucket: 'day',
    compare: 'previous',
  });
  const live = await client.kpis.live({ scope: 'center' });
  const appraisal = await client.kpis.appraisal({
    scope: 'agent',
    scopeId: 'usr_agent_12',
    period: 'month',
    date: '2026-11-15',
  });
  const csv = await client.kpis.export({
    scope: 'center',
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
  });
  // csv is text without the byte-order mark; add '\uFEFF' in front when saving it for a spreadsheet program.

  const targets = await client.kpis.targets.list();
  const aht = targets.items.find((t) => t.metric === 'aht')!;
  await client.kpis.targets.set(
    'aht',
    { value: 330, direction: 'lower_is_better', atRiskMargin: 0.1 },
    { ifMatch: aht.version },
  );
}

export async function example9() {
  const templates = await client.qa.templates.list({ status: 'active' });
  const template = await client.qa.templates.get(templates.items[0]!.id, { version: 1 });
  await client.qa.templates.publish(
    template.id,
    { name: template.name, sections: template.sections },
    { ifMatch: template.version },
  );

  const draft = await client.qa.evaluations.create({
    templateId: template.id,
    agentId: 'usr_agent_12',
    callId: 'call_01',
  });
  const scored = await client.qa.evaluations.update(
    draft.id,
    { answers: [{ criterionId: 'greeting', value: 1, na: false }] },
    { ifMatch: draft.version },
  );
  const submitted = await client.qa.evaluations.submit(scored.id, { ifMatch: scored.version });

  // The agent:
  const acknowledged = await client.qa.evaluations.acknowledge(
    submitted.id,
    { comment: 'Thanks' },
    { ifMatch: submitted.version },
  );
  // or disputes it:
  const disputed = await client.qa.disputes.create(
    submitted.id,
    {
      items: [
        { criterionId: 'verify_identity', proposedValue: 1, reason: '录音 00:42 处已核实身份' },
      ],
    },
    { ifMatch: submitted.version },
  );
  const dispute = disputed.disputes.at(-1)!;
  await client.qa.disputes.resolve(
    disputed.id,
    dispute.id,
    { outcome: 'accepted', comment: 'Agreed' },
    { ifMatch: disputed.version },
  );
  const versions = await client.qa.evaluations.versions(disputed.id);

  const session = await client.qa.calibrations.create({
    callId: 'call_01',
    templateId: template.id,
    agentId: 'usr_agent_12',
    evaluatorIds: ['usr_qa_1', 'usr_qa_2'],
  });
  await client.qa.calibrations.get(session.id);
}

export async function example10() {
  const seats = await client.equipment.seats.list({ teamId: 'team_billing' });
  const assets = await client.equipment.assets.list({ seatId: seats.items[0]!.id });
  const headset = await client.equipment.assets.create({
    type: 'headset',
    serial: 'HS-0042',
    seatId: seats.items[0]!.id,
  });
  await client.equipment.assets.update(
    headset.id,
    { status: 'retired' },
    { ifMatch: headset.version },
  );

  const due = await client.equipment.due.list({ teamId: 'team_billing' });
  const check = await client.equipment.checks.start({ teamId: 'team_billing' });
  const recorded = await client.equipment.checks.update(
    check.id,
    { items: check.items.map((item) => ({ assetId: item.assetId, result: 'pass' as const })) },
    { ifMatch: check.version },
  );
  await client.equipment.checks.submit(recorded.id, { ifMatch: recorded.version });
  const summary = await client.equipment.summary();
}

export async function example11() {
  try {
    await client.tickets.transition(id, { transition: 'resolve' }, { ifMatch: version });
  } catch (error) {
    if (error instanceof ValidationError)
      showFieldErrors(error.errors); // [{ path: '/body/resolution', message, code }]
    else if (error instanceof ConflictError && error.isStale)
      reloadAndTellTheUser(error.currentVersion);
    else if (error instanceof ConflictError) showAllowed(error.problem.allowedTransitions);
    else if (error instanceof ApiError) report(error.status, error.requestId);
    else throw error;
  }
}

export async function example12() {
  const client = createClient({
    baseUrl,
    getToken,
    timeout: 10_000,
    retry: { attempts: 4, baseDelay: 250, maxDelay: 8000, maxRetryAfter: 20_000 },
  });
  await client.kpis.get(query, { retry: false }); // this call only: no retries
  await client.tickets.get(id, { timeout: 3000 }); // this call only: 3 s per attempt
}

export async function example13() {
  const controller = new AbortController();
  const loading = client.tickets.list({ q: 'broadband' }, { signal: controller.signal });
  controller.abort(); // the user typed again
}

export async function example14() {
  const ticket = await client.tickets.get(id);
  responseMeta(ticket); // { status: 200, etag: '"7"', requestId: 'req_…', replayed: false }
  await client.tickets.update(id, { subject: 'New subject' }, { ifMatch: ticket.version }); // 412 → ConflictError
}

export async function example15() {
  // Re-reads and re-applies after a 412, up to `attempts` (3) times; return null to leave it as it is.
  const updated = await client.tickets.updateWithMerge(id, (current) =>
    current.tags.includes('vip') ? null : { tags: [...current.tags, 'vip'] },
  );

  // The same for any resource:
  await retryOnConflict(
    () => client.teams.get(teamId),
    (team) =>
      client.teams.update(teamId, { equipmentCheckCadenceDays: 7 }, { ifMatch: team.version }),
    { attempts: 3 },
  );
}

export async function example16() {
  for await (const ticket of client.tickets.iterate({ state: ['open'], limit: 100 })) {
    if (done(ticket)) break; // no further page is fetched
  }
  for await (const page of client.agents.iterate({ teamId }).pages()) render(page.items);

  // toArray requires a limit: loading a whole list should be a decision, not an accident.
  const first200 = await client.calls.iterate({ status: 'abandoned' }).toArray({ limit: 200 });
}

export async function example17() {
  const stop = client.events.subscribe({
    topics: ['tickets', 'kpis.live'],
    teamId: 'team_billing', // for kpis.live; the center by default
    onOpen: () => setStatus('live'),
    onEvent: (event) => {
      if (event.type === 'resync') return reloadEverything(); // events were missed
      if (event.type === 'ticket.updated') updateRow(event.data as Schema<'Ticket'>);
    },
    onError: (error) => setStatus('reconnecting'), // each failure; the subscription goes on
    signal: controller.signal, // or call stop()
  });
}

export async function example18() {
  // Erlang C: 100 calls per half hour, AHT 180 s, 80 % answered within 20 s → 14 agents.
  const staffing = agentsNeeded({
    callsPerInterval: 100,
    ahtSeconds: 180,
    intervalSeconds: 1800,
    thresholdSeconds: 20,
    targetServiceLevel: 0.8,
  });
  // { agents: 14, serviceLevel: 0.888…, probabilityOfWaiting: 0.174…, asaSeconds: …, occupancy: 0.714… }

  // QA: the same score the server stores.
  const score = scoreEvaluation(template, answers);

  // Ticket state machines: which transitions a kind allows in a state.
  allowedTransitions('complaint', 'open'); // ['await_customer', 'escalate', 'resolve']

  // SLA: the time left now, from the API's figure as of `sla.asOf` (business time needs the calendar).
  const calendar = await client.sla.calendar.get();
  const left = slaRemainingSeconds(ticket.sla!, new Date(), calendar);
  formatDuration(left, { locale: 'zh-Hans' }); // '1小时2分钟'; negative when overdue: '-1 hr, 2 min'
}

export async function example19() {
  createClient({
    baseUrl,
    getToken,
    hooks: {
      beforeRequest: ({ operationId, attempt, headers }) =>
        headers.set('X-Request-Id', newRequestId()),
      afterResponse: ({ operationId, status, requestId, ms }) =>
        metrics.timing(operationId, ms, { status }),
      beforeRetry: ({ operationId, attempt, error, delay }) =>
        log.warn('retrying', operationId, error.code, delay),
    },
  });
}
