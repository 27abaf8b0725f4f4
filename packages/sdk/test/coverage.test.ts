// Every operation of the contract is callable through the client, and each method sends the
// request its operation describes (method and path template).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listOperations } from '@cc-kit/spec/load';
import { createClient, type Client, type OperationId } from '../src/index.js';
import { recordingFetch } from './helpers.js';

const id = 'x1';
const opts = { ifMatch: 1 };
const calls: Record<OperationId, (c: Client) => unknown> = {
  listDemoUsers: (c) => c.demo.users(),
  issueDemoToken: (c) => c.demo.token({ role: 'agent' }),
  getMe: (c) => c.me.get(),
  listTeams: (c) => c.teams.list(),
  getTeam: (c) => c.teams.get(id),
  updateTeam: (c) => c.teams.update(id, { equipmentCheckCadenceDays: 7 }, opts),
  listAgents: (c) => c.agents.list(),
  getAgent: (c) => c.agents.get(id),
  recordAgentPresence: (c) => c.agents.recordPresence(id, { state: 'available' }),
  listDepartments: (c) => c.departments.list(),
  listComplaintCategories: (c) => c.complaintCategories.list(),
  listComplaintRoutingRules: (c) => c.routingRules.list(),
  listSlaPolicies: (c) => c.sla.policies.list(),
  updateSlaPolicy: (c) => c.sla.policies.update(id, { atRiskRatio: 0.2 }, opts),
  getBusinessCalendar: (c) => c.sla.calendar.get(),
  replaceBusinessCalendar: (c) =>
    c.sla.calendar.replace({ timeZone: 'Asia/Shanghai', hours: [], holidays: [] }, opts),
  listTickets: (c) => c.tickets.list(),
  createTicket: (c) => c.tickets.create({ kind: 'general_call', subject: 's' }),
  countTickets: (c) => c.tickets.counts({ groupBy: 'state' }),
  bulkUpdateTickets: (c) => c.tickets.bulk({ action: 'assign', assigneeId: null, items: [] }),
  getTicket: (c) => c.tickets.get(id),
  updateTicket: (c) => c.tickets.update(id, { subject: 's' }, opts),
  transitionTicket: (c) => c.tickets.transition(id, { transition: 'start' }, opts),
  listTicketComments: (c) => c.tickets.comments.list(id),
  addTicketComment: (c) => c.tickets.comments.add(id, { body: 'b' }),
  listTicketActivity: (c) => c.tickets.activity.list(id),
  fileComplaint: (c) =>
    c.complaints.file({
      customer: { name: 'Li' },
      channel: 'phone',
      categoryId: id,
      severity: 'low',
      description: 'long enough text',
    }),
  suggestComplaintRouting: (c) => c.complaints.suggestRouting({ categoryId: id }),
  routeComplaint: (c) => c.complaints.route(id, { departmentId: id }, opts),
  recordComplaintVerdict: (c) => c.complaints.verdict(id, { justified: true, finding: 'f' }, opts),
  recordComplaintCallback: (c) => c.complaints.callback(id, { outcome: 'satisfied' }, opts),
  listCalls: (c) => c.calls.list(),
  ingestCalls: (c) => c.calls.ingest({ calls: [] }),
  getCall: (c) => c.calls.get(id),
  getKpis: (c) => c.kpis.get({ scope: 'center', from: 'a', to: 'b' }),
  exportKpis: (c) => c.kpis.export({ scope: 'center', from: 'a', to: 'b' }),
  getLiveKpis: (c) => c.kpis.live({ scope: 'center' }),
  getAppraisal: (c) =>
    c.kpis.appraisal({ scope: 'agent', scopeId: id, period: 'month', date: '2026-11-01' }),
  listKpiTargets: (c) => c.kpis.targets.list(),
  setKpiTarget: (c) =>
    c.kpis.targets.set('aht', { value: 1, direction: 'lower_is_better', atRiskMargin: 0 }, opts),
  listScorecardTemplates: (c) => c.qa.templates.list(),
  createScorecardTemplate: (c) => c.qa.templates.create({ name: { en: 'n' }, sections: [] }),
  getScorecardTemplate: (c) => c.qa.templates.get(id, { version: 1 }),
  publishScorecardTemplateVersion: (c) =>
    c.qa.templates.publish(id, { name: { en: 'n' }, sections: [] }, opts),
  listEvaluations: (c) => c.qa.evaluations.list(),
  createEvaluation: (c) => c.qa.evaluations.create({ templateId: id, agentId: id }),
  getEvaluation: (c) => c.qa.evaluations.get(id),
  updateEvaluation: (c) => c.qa.evaluations.update(id, { comment: 'c' }, opts),
  submitEvaluation: (c) => c.qa.evaluations.submit(id, opts),
  acknowledgeEvaluation: (c) => c.qa.evaluations.acknowledge(id, undefined, opts),
  disputeEvaluation: (c) => c.qa.disputes.create(id, { items: [] }, opts),
  resolveDispute: (c) =>
    c.qa.disputes.resolve(id, 'd1', { outcome: 'rejected', comment: 'c' }, opts),
  listEvaluationVersions: (c) => c.qa.evaluations.versions(id),
  createCalibrationSession: (c) =>
    c.qa.calibrations.create({ callId: id, templateId: id, agentId: id, evaluatorIds: [] }),
  getCalibrationSession: (c) => c.qa.calibrations.get(id),
  listSeats: (c) => c.equipment.seats.list(),
  listAssets: (c) => c.equipment.assets.list(),
  createAsset: (c) => c.equipment.assets.create({ type: 'headset', serial: 's', seatId: id }),
  getAsset: (c) => c.equipment.assets.get(id),
  updateAsset: (c) => c.equipment.assets.update(id, { status: 'retired' }, opts),
  listEquipmentChecks: (c) => c.equipment.checks.list(),
  startEquipmentCheck: (c) => c.equipment.checks.start({ teamId: id }),
  listDueEquipmentChecks: (c) => c.equipment.due.list(),
  getEquipmentSummary: (c) => c.equipment.summary(),
  getEquipmentCheck: (c) => c.equipment.checks.get(id),
  updateEquipmentCheck: (c) => c.equipment.checks.update(id, { items: [] }, opts),
  submitEquipmentCheck: (c) => c.equipment.checks.submit(id, opts),
  streamEvents: (c) =>
    new Promise<void>((resolve) => {
      const stop = c.events.subscribe({
        topics: ['tickets'],
        onEvent: () => {},
        onError: () => resolve(stop()),
      });
    }),
};

const operations = listOperations();
const template = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

test('every operation of the contract maps to a client method', () => {
  assert.deepEqual(Object.keys(calls).sort(), operations.map((op) => op.operationId).sort());
});

for (const op of operations) {
  test(`${op.operationId}: ${op.method.toUpperCase()} ${op.path}`, async () => {
    const { fetch, requests } = recordingFetch(() => new Response('{}', { status: 599 }));
    const client = createClient({ baseUrl: 'http://api.test', token: 't', fetch, retry: false });
    await Promise.resolve(calls[op.operationId as OperationId](client)).catch(() => {});
    assert.ok(requests.length >= 1, 'no request was sent');
    const sent = requests[0]!;
    const { pathname } = new URL(sent.url);
    // The most specific template that matches (…/checks/due before …/checks/{checkId}).
    const matched = operations
      .filter((o) => o.method.toUpperCase() === sent.method && template(o.path).test(pathname))
      .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
    assert.equal(matched[0]?.operationId, op.operationId, `${sent.method} ${pathname}`);
    const headers = op.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name);
    for (const name of headers) assert.ok(sent.headers[name.toLowerCase()], `${name} missing`);
  });
}
