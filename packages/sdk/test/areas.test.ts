// Complaints, calls and KPIs, quality assurance and equipment through the SDK against the real
// server: every operation of those areas called at least once, its answer validated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
  responseMeta,
  type Client,
  type Schema,
} from '../src/index.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
let agent: Client;
let agentMe: Schema<'Me'>;
let supervisor: Client;
let complaintSupervisor: Client;
let qa: Client;
let manager: Client;

before(async () => {
  server = await startServer();
  agent = server.clientFor('agent');
  agentMe = await agent.me.get();
  supervisor = server.clientFor('supervisor', {
    token: server.tokenFor('supervisor', { user: server.userFor('supervisor', agentMe.teamId!) }),
  });
  complaintSupervisor = server.clientFor('complaint_supervisor');
  qa = server.clientFor('qa_specialist');
  manager = server.clientFor('operations_manager');
});
after(() => server.close());

const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('complaints', () => {
  test('file, suggest routing, route, verdict, callback, close', async () => {
    const categories = await agent.complaintCategories.iterate().toArray({ limit: 200 });
    const parents = new Set(categories.map((c) => c.parentId).filter(Boolean));
    const leaf = categories.find(
      (c) => c.parentId && !parents.has(c.id) && c.customFields.every((f) => !f.required),
    );
    assert.ok(leaf, 'a leaf category without required fields');
    const suggestion = await agent.complaints.suggestRouting({
      categoryId: leaf.id,
      severity: 'high',
    });
    assert.ok(suggestion.departmentId);

    const filed = await agent.complaints.file({
      customer: { customerId: 'C-20931', name: '李娜', phone: '13812345678' },
      channel: 'phone',
      categoryId: leaf.id,
      severity: 'high',
      description: '客户反映十月账单多扣了 58 元国际漫游费，但本月未出境。',
    });
    assert.equal(filed.kind, 'complaint');
    assert.equal(filed.complaint?.categoryId, leaf.id);
    assert.equal(responseMeta(filed)?.status, 201);

    const departments = await complaintSupervisor.departments.list();
    const other = departments.items.find((d) => d.id !== filed.complaint!.routing.departmentId)!;
    const routed = await complaintSupervisor.complaints.route(
      filed.id,
      { departmentId: other.id, reason: 'Billing disputes go there.' },
      { ifMatch: filed.version },
    );
    assert.equal(routed.complaint?.routing.departmentId, other.id);

    const stale = await complaintSupervisor.complaints
      .verdict(filed.id, { justified: true, finding: 'x' }, { ifMatch: filed.version })
      .catch((e: unknown) => e);
    assert.ok(stale instanceof ConflictError && stale.isStale);

    const judged = await complaintSupervisor.complaints.verdict(
      filed.id,
      { justified: true, finding: '系统重复计费，已退款。' },
      { ifMatch: routed.version },
    );
    assert.equal(judged.complaint?.verdict?.justified, true);
    const called = await complaintSupervisor.complaints.callback(
      filed.id,
      { outcome: 'satisfied', note: '客户满意' },
      { ifMatch: judged.version },
    );
    assert.equal(called.complaint?.callback?.outcome, 'satisfied');
  });

  test('an agent may not route', async () => {
    const complaint = (await agent.tickets.list({ kind: ['complaint'], limit: 1 })).items[0];
    if (!complaint) return;
    const error = await agent.complaints
      .route(complaint.id, { departmentId: 'dep_x' }, { ifMatch: complaint.version })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ForbiddenError);
  });
});

describe('calls and KPIs', () => {
  test('ingest (upsert by externalId), list, get', async () => {
    const externalId = `pbx-sdk-${Date.now()}`;
    const offeredAt = Date.now() - 10 * 60_000;
    const first = await supervisor.calls.ingest({
      calls: [
        {
          externalId,
          queue: 'billing',
          direction: 'inbound',
          offeredAt: iso(offeredAt),
          agentId: agentMe.user.id,
        },
      ],
    });
    assert.equal(first.created, 1);
    const second = await supervisor.calls
      .ingest({
        calls: [
          {
            externalId,
            queue: 'billing',
            direction: 'inbound',
            offeredAt: iso(offeredAt),
            agentId: agentMe.user.id,
            answeredAt: iso(offeredAt + 12_000),
            endedAt: iso(offeredAt + 200_000),
            talkSeconds: 180,
          },
          { externalId: '', queue: 'billing', direction: 'inbound', offeredAt: iso(offeredAt) },
        ],
      })
      .catch((e: unknown) => e);
    // A record that breaks the schema is refused with the whole request (400), or one by one.
    if (second instanceof ValidationError) {
      assert.ok(second.errors.some((e) => e.path.startsWith('/body/calls/1')));
    } else {
      assert.equal((second as Schema<'CallBatchResult'>).updated, 1);
    }
    const calls = await agent.calls
      .iterate({ agentId: agentMe.user.id, limit: 50 })
      .toArray({ limit: 50 });
    assert.ok(calls.length > 0);
    const call = await agent.calls.get(calls[0]!.id);
    assert.equal(call.id, calls[0]!.id);
  });

  test('a KPI report, live figures, an appraisal, the CSV export', async () => {
    const to = Date.now();
    const query = {
      scope: 'team' as const,
      scopeId: agentMe.teamId!,
      from: iso(to - 7 * 24 * hour),
      to: iso(to),
      metrics: ['service_level', 'aht', 'csat'] as ('service_level' | 'aht' | 'csat')[],
      bucket: 'day' as const,
    };
    const report = await supervisor.kpis.get(query);
    assert.deepEqual(report.metrics.map((m) => m.metric).sort(), ['aht', 'csat', 'service_level']);
    const live = await supervisor.kpis.live({ scope: 'team', scopeId: agentMe.teamId! });
    assert.ok(live.agentsStaffed >= 0);
    const appraisal = await agent.kpis.appraisal({
      scope: 'agent',
      scopeId: agentMe.user.id,
      period: 'month',
      date: new Date().toISOString().slice(0, 10),
    });
    assert.equal(appraisal.scopeId, agentMe.user.id);
    const csv = await supervisor.kpis.export(query);
    assert.ok(
      csv.startsWith('bucketStart,bucketEnd,metric,value,numerator,denominator,unit,target,status'),
    );
  });

  test('KPI targets: list and set with If-Match', async () => {
    const targets = await manager.kpis.targets.list();
    const aht = targets.items.find((t) => t.metric === 'aht')!;
    const set = await manager.kpis.targets.set(
      'aht',
      { value: aht.value + 10, direction: aht.direction, atRiskMargin: aht.atRiskMargin },
      { ifMatch: aht.version },
    );
    assert.equal(set.value, aht.value + 10);
    assert.equal(set.version, aht.version + 1);
  });
});

/** An answer for every criterion of a template version: the best value on its scale. */
function bestAnswers(template: Schema<'ScorecardTemplate'>): Schema<'EvaluationAnswer'>[] {
  return template.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({
      criterionId: criterion.id,
      na: false,
      value:
        criterion.scale.type === 'yes_no'
          ? 1
          : criterion.scale.type === 'rating'
            ? criterion.scale.max
            : criterion.scale.max,
    })),
  );
}

describe('quality assurance', () => {
  test('templates: list, get, create, publish a version', async () => {
    const templates = await qa.qa.templates.list({ status: 'active' });
    const existing = await qa.qa.templates.get(templates.items[0]!.id);
    assert.equal(responseMeta(existing)?.etag, `"${existing.version}"`);
    const created = await qa.qa.templates.create({
      name: { en: 'SDK template', 'zh-Hans': 'SDK 模板', 'zh-Hant': 'SDK 範本' },
      sections: [
        {
          id: 'opening',
          title: { en: 'Opening' },
          weight: 1,
          criteria: [
            {
              id: 'greeting',
              title: { en: 'Greeting' },
              weight: 1,
              scale: { type: 'yes_no' },
              naAllowed: false,
              critical: 'none',
            },
          ],
        },
      ],
    });
    assert.equal(created.version, 1);
    const published = await qa.qa.templates.publish(
      created.id,
      { name: created.name, sections: created.sections, maxDisputes: 1 },
      { ifMatch: created.version },
    );
    assert.equal(published.version, 2);
    const first = await qa.qa.templates.get(created.id, { version: 1 });
    assert.equal(first.version, 1);
  });

  test('an evaluation: draft, answers, submit, dispute, resolve, versions; acknowledge another', async () => {
    const template = (await qa.qa.templates.list({ status: 'active' })).items[0]!;
    // One ordinary criterion is answered at its lowest, with a comment; the agent disputes it.
    const criterion = template.sections
      .flatMap((s) => s.criteria)
      .find((c) => c.critical === 'none');
    assert.ok(criterion);
    const best = bestAnswers(template);
    const proposedValue = best.find((a) => a.criterionId === criterion.id)!.value;
    const lowest = criterion.scale.type === 'rating' ? criterion.scale.min : 0;
    const answers = best.map((a) =>
      a.criterionId === criterion.id ? { ...a, value: lowest, comment: '开场白不完整' } : a,
    );

    const submitOne = async () => {
      const draft = await qa.qa.evaluations.create({
        templateId: template.id,
        agentId: agentMe.user.id,
      });
      assert.equal(draft.state, 'draft');
      const answered = await qa.qa.evaluations.update(
        draft.id,
        { answers, comment: '很好' },
        { ifMatch: draft.version },
      );
      assert.ok(answered.score !== null);
      return qa.qa.evaluations.submit(answered.id, { ifMatch: answered.version });
    };

    const submitted = await submitOne();
    assert.equal(submitted.state, 'submitted');
    const seen = await agent.qa.evaluations.get(submitted.id);
    const disputed = await agent.qa.disputes.create(
      submitted.id,
      {
        items: [
          {
            criterionId: criterion.id,
            proposedValue,
            reason: '录音 00:05 处已完整问候。',
          },
        ],
      },
      { ifMatch: seen.version },
    );
    assert.equal(disputed.state, 'disputed');
    const dispute = disputed.disputes.at(-1)!;
    const current = await qa.qa.evaluations.get(submitted.id);
    const resolved = await qa.qa.disputes.resolve(
      submitted.id,
      dispute.id,
      { outcome: 'rejected', comment: 'The criterion applies.' },
      { ifMatch: current.version },
    );
    assert.equal(resolved.disputes.at(-1)!.state, 'resolved');
    const versions = await agent.qa.evaluations.versions(submitted.id);
    assert.ok(versions.items.length >= 1);

    const other = await submitOne();
    const mine = await agent.qa.evaluations.get(other.id);
    const acknowledged = await agent.qa.evaluations.acknowledge(
      other.id,
      { comment: '收到' },
      { ifMatch: mine.version },
    );
    assert.equal(acknowledged.state, 'acknowledged');
    const listed = await agent.qa.evaluations
      .iterate({ state: ['acknowledged'] })
      .toArray({ limit: 500 });
    assert.ok(listed.some((e) => e.id === other.id));
  });

  test('a calibration session', async () => {
    const template = (await qa.qa.templates.list({ status: 'active' })).items[0]!;
    const evaluators = await qa.agents.iterate({ role: 'qa_specialist' }).toArray({ limit: 10 });
    const call = (await qa.calls.list({ agentId: agentMe.user.id, status: 'completed', limit: 1 }))
      .items[0];
    assert.ok(call && evaluators.length >= 2);
    const session = await qa.qa.calibrations.create({
      callId: call.id,
      templateId: template.id,
      agentId: agentMe.user.id,
      evaluatorIds: evaluators.slice(0, 2).map((u) => u.id),
    });
    const again = await qa.qa.calibrations.get(session.id);
    assert.equal(again.evaluations.length, 2);
  });
});

describe('equipment', () => {
  test('seats, assets (create, get, update), due checks, summary', async () => {
    const seats = await supervisor.equipment.seats
      .iterate({ teamId: agentMe.teamId! })
      .toArray({ limit: 500 });
    assert.ok(seats.length > 0);
    const asset = await supervisor.equipment.assets.create({
      type: 'headset',
      serial: `HS-SDK-${Date.now()}`,
      seatId: seats[0]!.id,
    });
    assert.equal(asset.status, 'in_service');
    const read = await agent.equipment.assets.get(asset.id);
    const retired = await supervisor.equipment.assets.update(
      asset.id,
      { status: 'retired' },
      { ifMatch: read.version },
    );
    assert.equal(retired.status, 'retired');
    const assets = await supervisor.equipment.assets.list({ seatId: seats[0]!.id });
    assert.ok(assets.items.some((a) => a.id === asset.id));
    const due = await supervisor.equipment.due.list({
      teamId: agentMe.teamId!,
      state: ['ok', 'due', 'overdue'],
    });
    assert.ok(due.items.length > 0);
    const summary = await manager.equipment.summary();
    assert.ok(summary.teams.length >= 1);
  });

  test('a check: start, record results, submit; listed and read back', async () => {
    const seat = (await supervisor.equipment.seats.list({ teamId: agentMe.teamId! })).items[0]!;
    const check = await supervisor.equipment.checks.start({
      teamId: agentMe.teamId!,
      seatId: seat.id,
    });
    assert.equal(check.state, 'draft');
    const recorded = await supervisor.equipment.checks.update(
      check.id,
      { items: check.items.map((item) => ({ assetId: item.assetId, result: 'pass' as const })) },
      { ifMatch: check.version },
    );
    assert.equal(recorded.progress.done, recorded.progress.total);
    const submitted = await supervisor.equipment.checks.submit(check.id, {
      ifMatch: recorded.version,
    });
    assert.equal(submitted.state, 'submitted');
    const again = await supervisor.equipment.checks.get(check.id);
    assert.equal(again.state, 'submitted');
    const listed = await supervisor.equipment.checks.list({ seatId: seat.id, state: 'submitted' });
    assert.ok(listed.items.some((c) => c.id === check.id));
  });
});
