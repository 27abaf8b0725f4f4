/**
 * The QA area over HTTP: templates and their versions, the evaluation life cycle with its roles,
 * disputes (window, count, review-request tickets, revisions), calibration, visibility per role,
 * idempotent replays and If-Match on every update.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { calibrationDeviation, scoreEvaluation } from '@cc-kit/domain';
import { assertProblem, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let shiftMs = 0;
const clock = () => new Date(Date.now() + shiftMs);

const key = () => ({ 'Idempotency-Key': randomUUID() });
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

let qa1: string;
let qa2: string;
let ops: string;
let sup1: string;
let sup2: string;
let agentA: { id: string; token: string };
let agentB: { id: string; token: string };
let otherTeamAgent: { id: string; token: string };

/** The inbound template's latest version, as the API answers it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
let inbound: any;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Any = any;

/** A complete, valid set of answers: every criterion "yes" / the top of its scale. */
function fullAnswers(template: Any) {
  return template.sections.flatMap((s: Any) =>
    s.criteria.map((c: Any) => ({
      criterionId: c.id,
      value: c.scale.type === 'yes_no' ? 1 : c.scale.max,
      na: false,
    })),
  );
}

function agentToken(team: string, index: number) {
  const row = server.built.db
    .prepare(
      `SELECT id FROM users WHERE role = 'agent' AND team_id = ? ORDER BY employee_number LIMIT 1 OFFSET ?`,
    )
    .get(team, index) as { id: string };
  return { id: row.id, token: server.tokenFor('agent', { userId: row.id }) };
}

async function createDraft(
  options: { token?: string; agentId?: string; answers?: Any[]; templateId?: string } = {},
) {
  const response = await server.api('createEvaluation', {
    token: options.token ?? qa1,
    headers: key(),
    body: {
      templateId: options.templateId ?? 'tpl_inbound',
      agentId: options.agentId ?? agentA.id,
      callId: 'call_test_1',
      answers: options.answers ?? [],
    },
  });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

/** A submitted evaluation of agent A, scored "all yes" except the given answers. */
async function submitted(
  options: { token?: string; agentId?: string; templateId?: string; answers?: Any[] } = {},
) {
  const template =
    options.templateId && options.templateId !== 'tpl_inbound'
      ? (
          await server.api('getScorecardTemplate', {
            token: qa1,
            path: { templateId: options.templateId },
          })
        ).body
      : inbound;
  const answers = fullAnswers(template).map(
    (a: Any) => options.answers?.find((b) => b.criterionId === a.criterionId) ?? a,
  );
  const draft = await createDraft({ ...options, answers });
  const response = await server.api('submitEvaluation', {
    token: options.token ?? qa1,
    path: { evaluationId: draft.id },
    headers: { ...key(), ...ifMatch(draft.version) },
  });
  assert.equal(response.status, 200, response.text);
  return response.body;
}

function count(table: string, where = '1'): number {
  return (
    server.built.db.prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get() as {
      n: number;
    }
  ).n;
}

before(async () => {
  server = await startServer({ clock });
  qa1 = server.tokenFor('qa_specialist', { userId: 'usr_qa_1' });
  qa2 = server.tokenFor('qa_specialist', { userId: 'usr_qa_2' });
  ops = server.tokenFor('operations_manager');
  sup1 = server.tokenFor('supervisor', { team: 'team_residential' });
  sup2 = server.tokenFor('supervisor', { team: 'team_business' });
  agentA = agentToken('team_residential', 2);
  agentB = agentToken('team_residential', 3);
  otherTeamAgent = agentToken('team_business', 2);
  inbound = (
    await server.api('getScorecardTemplate', { token: qa1, path: { templateId: 'tpl_inbound' } })
  ).body;
});
after(() => server.close());

describe('scorecard templates', () => {
  test('the list gives the latest version of each; a version can be read', async () => {
    const list = await server.api('listScorecardTemplates', { token: 'agent' });
    assert.equal(list.status, 200);
    const ids = list.body.items.map((t: Any) => `${t.id}@${t.version}`);
    assert.ok(ids.includes('tpl_inbound@2'));
    assert.ok(ids.includes('tpl_complaint@1') && ids.includes('tpl_outbound@1'));
    const v1 = await server.api('getScorecardTemplate', {
      token: 'agent',
      path: { templateId: 'tpl_inbound' },
      query: { version: 1 },
    });
    assert.equal(v1.status, 200);
    assert.equal(v1.body.version, 1);
    assert.equal(v1.headers.get('etag'), '"1"');
    assert.ok(
      !v1.body.sections.flatMap((s: Any) => s.criteria).some((c: Any) => c.id === 'hold_etiquette'),
    );
    const missing = await server.api('getScorecardTemplate', {
      token: 'agent',
      path: { templateId: 'tpl_inbound' },
      query: { version: 9 },
    });
    assertProblem(missing, 404, 'not-found');
    const retiredOnly = await server.api('listScorecardTemplates', {
      token: 'agent',
      query: { status: 'retired' },
    });
    assert.ok(retiredOnly.body.items.every((t: Any) => t.status === 'retired'));
  });

  test('create, then publish version 2 with If-Match (428 without, 412 stale); versions stay', async () => {
    const body = {
      name: { en: 'Chat quality', 'zh-Hans': '在线服务质检', 'zh-Hant': '線上服務評核' },
      maxDisputes: 1,
      sections: [
        {
          id: 'main',
          title: { en: 'Main' },
          weight: 1,
          criteria: [
            {
              id: 'tone',
              title: { en: 'Tone' },
              weight: 1,
              scale: { type: 'rating', min: 1, max: 5 },
              naAllowed: false,
              critical: 'none',
            },
          ],
        },
      ],
    };
    const headers = key();
    const created = await server.api('createScorecardTemplate', { token: qa1, headers, body });
    assert.equal(created.status, 201);
    assert.equal(created.body.version, 1);
    assert.equal(created.body.disputeWindowDays, 7);
    assert.equal(created.body.status, 'active');
    assert.equal(created.headers.get('location'), `/v1/qa/templates/${created.body.id}`);
    const before = count('qa_templates');
    const replay = await server.api('createScorecardTemplate', { token: qa1, headers, body });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, created.body.id);
    assert.equal(count('qa_templates'), before);

    const templateId = created.body.id;
    const v2 = { ...body, name: { en: 'Chat quality v2' } };
    assertProblem(
      await server.api('publishScorecardTemplateVersion', {
        token: qa1,
        path: { templateId },
        headers: key(),
        body: v2,
      }),
      428,
      'precondition-required',
    );
    const published = await server.api('publishScorecardTemplateVersion', {
      token: ops,
      path: { templateId },
      headers: { ...key(), ...ifMatch(1) },
      body: v2,
    });
    assert.equal(published.status, 201);
    assert.equal(published.body.version, 2);
    assert.equal(published.headers.get('etag'), '"2"');
    const stale = await server.api('publishScorecardTemplateVersion', {
      token: qa1,
      path: { templateId },
      headers: { ...key(), ...ifMatch(1) },
      body: v2,
    });
    assertProblem(stale, 412, 'precondition-failed');
    assert.equal(stale.body.currentVersion, 2);
    const v1 = await server.api('getScorecardTemplate', {
      token: qa1,
      path: { templateId },
      query: { version: 1 },
    });
    assert.equal(v1.body.name.en, 'Chat quality');
    assertProblem(
      await server.api('publishScorecardTemplateVersion', {
        token: qa1,
        path: { templateId: 'tpl_nothing' },
        headers: { ...key(), ...ifMatch(1) },
        body: v2,
      }),
      404,
      'not-found',
    );
  });

  test('a critical criterion must be yes/no: 422 naming it, nothing written', async () => {
    const before = count('qa_templates');
    const response = await server.api('createScorecardTemplate', {
      token: qa1,
      headers: key(),
      body: {
        name: { en: 'Broken' },
        sections: [
          {
            id: 's',
            title: { en: 'S' },
            weight: 1,
            criteria: [
              {
                id: 'c',
                title: { en: 'C' },
                weight: 1,
                scale: { type: 'points', max: 5 },
                naAllowed: false,
                critical: 'fatal',
              },
              {
                id: 'c',
                title: { en: 'again' },
                weight: 1,
                scale: { type: 'rating', min: 3, max: 3 },
                naAllowed: false,
                critical: 'none',
              },
            ],
          },
        ],
      },
    });
    assertProblem(response, 422, 'unprocessable', [
      '/body/sections/0/criteria/0/critical',
      '/body/sections/0/criteria/1/id',
      '/body/sections/0/criteria/1/scale',
    ]);
    assert.equal(count('qa_templates'), before);
  });
});

describe('evaluation life cycle', () => {
  test('draft -> edit -> submit (revision 1) -> acknowledge, with allowedActions per caller', async () => {
    const draft = await createDraft();
    assert.equal(draft.state, 'draft');
    assert.equal(draft.revision, 0);
    assert.equal(draft.score, null);
    assert.deepEqual(draft.allowedActions, ['edit', 'submit']);
    assert.equal(draft.templateVersion, 2);

    // The agent does not see drafts; another QA specialist sees it but may not act.
    assertProblem(
      await server.api('getEvaluation', { token: agentA.token, path: { evaluationId: draft.id } }),
      404,
      'not-found',
    );
    const seen = await server.api('getEvaluation', {
      token: qa2,
      path: { evaluationId: draft.id },
    });
    assert.deepEqual(seen.body.allowedActions, []);
    assertProblem(
      await server.api('updateEvaluation', {
        token: qa2,
        path: { evaluationId: draft.id },
        headers: ifMatch(draft.version),
        body: { comment: 'not mine' },
      }),
      403,
      'forbidden',
    );

    const answers = fullAnswers(inbound);
    assertProblem(
      await server.api('updateEvaluation', {
        token: qa1,
        path: { evaluationId: draft.id },
        body: { answers },
      }),
      428,
      'precondition-required',
    );
    const updated = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: ifMatch(draft.version),
      contentType: 'application/merge-patch+json',
      body: { answers, comment: '整体表现良好。' },
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.score, 100);
    assert.equal(updated.headers.get('etag'), `"${draft.version + 1}"`);
    assertProblem(
      await server.api('updateEvaluation', {
        token: qa1,
        path: { evaluationId: draft.id },
        headers: ifMatch(draft.version),
        body: { comment: 'stale' },
      }),
      412,
      'precondition-failed',
    );
    // Replacing one answer keeps the others.
    const one = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: ifMatch(updated.body.version),
      body: { answers: [{ criterionId: 'accuracy', value: 4, na: false }] },
    });
    assert.equal(one.body.answers.length, answers.length);
    assert.equal(one.body.answers.find((a: Any) => a.criterionId === 'accuracy').value, 4);
    assert.equal(one.body.score, scoreEvaluation(inbound, one.body.answers).score);

    assertProblem(
      await server.api('submitEvaluation', {
        token: qa2,
        path: { evaluationId: draft.id },
        headers: { ...key(), ...ifMatch(one.body.version) },
      }),
      403,
      'forbidden',
    );
    const submitted = await server.api('submitEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: { ...key(), ...ifMatch(one.body.version) },
    });
    assert.equal(submitted.status, 200, submitted.text);
    assert.equal(submitted.body.state, 'submitted');
    assert.equal(submitted.body.revision, 1);
    assert.ok(submitted.body.submittedAt);
    assert.equal(submitted.body.disputesRemaining, 2);
    assert.ok(submitted.body.disputeWindowEndsAt);
    assert.deepEqual(submitted.body.allowedActions, []);

    // Edits and a second submission are refused now.
    assertProblem(
      await server.api('updateEvaluation', {
        token: qa1,
        path: { evaluationId: draft.id },
        headers: ifMatch(submitted.body.version),
        body: { comment: 'late' },
      }),
      409,
      'invalid-state',
    );
    assertProblem(
      await server.api('submitEvaluation', {
        token: qa1,
        path: { evaluationId: draft.id },
        headers: { ...key(), ...ifMatch(submitted.body.version) },
      }),
      409,
      'invalid-state',
    );

    const asAgent = await server.api('getEvaluation', {
      token: agentA.token,
      path: { evaluationId: draft.id },
    });
    assert.deepEqual(asAgent.body.allowedActions, ['acknowledge', 'dispute']);
    assertProblem(
      await server.api('getEvaluation', { token: agentB.token, path: { evaluationId: draft.id } }),
      404,
      'not-found',
    );
    assertProblem(
      await server.api('acknowledgeEvaluation', {
        token: agentA.token,
        path: { evaluationId: draft.id },
        headers: { ...key(), ...ifMatch(1) },
      }),
      412,
      'precondition-failed',
    );
    const acknowledged = await server.api('acknowledgeEvaluation', {
      token: agentA.token,
      path: { evaluationId: draft.id },
      headers: { ...key(), ...ifMatch(asAgent.body.version) },
      body: { comment: '收到，谢谢。' },
    });
    assert.equal(acknowledged.status, 200, acknowledged.text);
    assert.equal(acknowledged.body.state, 'acknowledged');
    assert.ok(acknowledged.body.acknowledgedAt);
    assert.deepEqual(acknowledged.body.allowedActions, ['dispute']);
    assertProblem(
      await server.api('acknowledgeEvaluation', {
        token: agentA.token,
        path: { evaluationId: draft.id },
        headers: { ...key(), ...ifMatch(acknowledged.body.version) },
      }),
      409,
      'invalid-state',
    );
    assertProblem(
      await server.api('acknowledgeEvaluation', {
        token: agentB.token,
        path: { evaluationId: draft.id },
        headers: { ...key(), ...ifMatch(acknowledged.body.version) },
      }),
      404,
      'not-found',
    );

    const versions = await server.api('listEvaluationVersions', {
      token: agentA.token,
      path: { evaluationId: draft.id },
    });
    assert.equal(versions.status, 200);
    assert.deepEqual(
      versions.body.items.map((v: Any) => [v.revision, v.reason]),
      [[1, 'submitted']],
    );
    assert.equal(versions.body.items[0].score, submitted.body.score);
  });

  test('bad answers are 422 naming each, and write nothing', async () => {
    const before = count('qa_evaluations');
    const response = await server.api('createEvaluation', {
      token: qa1,
      headers: key(),
      body: {
        templateId: 'tpl_inbound',
        agentId: agentA.id,
        answers: [
          { criterionId: 'greeting', value: 3, na: false },
          { criterionId: 'greeting', value: 1, na: false },
          { criterionId: 'nope', value: 1, na: false },
          { criterionId: 'accuracy', value: 1, na: false },
          { criterionId: 'summary', value: null, na: true },
        ],
      },
    });
    assertProblem(response, 422, 'unprocessable', [
      '/body/answers/0/value',
      '/body/answers/1/criterionId',
      '/body/answers/2/criterionId',
      '/body/answers/3/comment',
      '/body/answers/4/na',
    ]);
    assert.equal(count('qa_evaluations'), before);

    for (const body of [
      { templateId: 'tpl_nothing', agentId: agentA.id },
      { templateId: 'tpl_inbound', templateVersion: 7, agentId: agentA.id },
      { templateId: 'tpl_inbound', agentId: 'usr_qa_2' },
    ]) {
      const refused = await server.api('createEvaluation', { token: qa1, headers: key(), body });
      assert.equal(refused.status, 422, refused.text);
    }
    assert.equal(count('qa_evaluations'), before);
  });

  test('submitting needs every criterion answered or N/A and the required comments', async () => {
    const answers = fullAnswers(inbound).filter((a: Any) => a.criterionId !== 'summary');
    const draft = await createDraft({ answers });
    const incomplete = await server.api('submitEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: { ...key(), ...ifMatch(draft.version) },
    });
    assertProblem(incomplete, 422, 'unprocessable', ['/answers']);
    assert.match(incomplete.body.errors[0].message, /summary/);

    // A critical "no" needs a comment; N/A of a criterion that allows it counts as answered.
    const patched = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: ifMatch(draft.version),
      body: {
        answers: [
          { criterionId: 'summary', value: null, na: true },
          { criterionId: 'first_contact', value: null, na: true },
        ],
      },
    });
    assert.equal(patched.status, 422, 'summary does not allow N/A');
    const fixed = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: ifMatch(draft.version),
      body: {
        answers: [
          { criterionId: 'summary', value: 1, na: false },
          { criterionId: 'first_contact', value: null, na: true },
          { criterionId: 'verify_identity', value: 0, na: false, comment: '未核实身份' },
        ],
      },
    });
    assert.equal(fixed.status, 200, fixed.text);
    assert.equal(fixed.body.score, 0);
    assert.equal(fixed.body.fatalFailed, true);
    const done = await server.api('submitEvaluation', {
      token: qa1,
      path: { evaluationId: draft.id },
      headers: { ...key(), ...ifMatch(fixed.body.version) },
    });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.score, 0);
  });

  test('idempotent replay of createEvaluation and submitEvaluation creates nothing twice', async () => {
    const headers = key();
    const body = { templateId: 'tpl_outbound', agentId: agentB.id };
    const first = await server.api('createEvaluation', { token: qa1, headers, body });
    const before = count('qa_evaluations');
    const second = await server.api('createEvaluation', { token: qa1, headers, body });
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
    assert.equal(count('qa_evaluations'), before);
    const mismatch = await server.api('createEvaluation', {
      token: qa1,
      headers,
      body: { ...body, comment: 'other' },
    });
    assertProblem(mismatch, 422, 'idempotency-mismatch');

    const template = (
      await server.api('getScorecardTemplate', { token: qa1, path: { templateId: 'tpl_outbound' } })
    ).body;
    const patched = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: first.body.id },
      headers: ifMatch(first.body.version),
      body: { answers: fullAnswers(template) },
    });
    const submitHeaders = { ...key(), ...ifMatch(patched.body.version) };
    const a = await server.api('submitEvaluation', {
      token: qa1,
      path: { evaluationId: first.body.id },
      headers: submitHeaders,
    });
    const b = await server.api('submitEvaluation', {
      token: qa1,
      path: { evaluationId: first.body.id },
      headers: submitHeaders,
    });
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(count('qa_evaluation_versions', `evaluation_id = '${first.body.id}'`), 1);
  });

  test('linked tickets must be praise or justified complaints the caller can see', async () => {
    const db = server.built.db;
    const praise = db.prepare(`SELECT id FROM tickets WHERE kind = 'praise' LIMIT 1`).get() as {
      id: string;
    };
    const general = db
      .prepare(`SELECT id FROM tickets WHERE kind = 'general_call' LIMIT 1`)
      .get() as {
      id: string;
    };
    const ok = await server.api('createEvaluation', {
      token: qa1,
      headers: key(),
      body: { templateId: 'tpl_inbound', agentId: agentA.id, linkedTicketIds: [praise.id] },
    });
    assert.equal(ok.status, 201, ok.text);
    assert.deepEqual(ok.body.linkedTicketIds, [praise.id]);
    const refused = await server.api('updateEvaluation', {
      token: qa1,
      path: { evaluationId: ok.body.id },
      headers: ifMatch(ok.body.version),
      body: { linkedTicketIds: [praise.id, general.id, 'tkt_missing'] },
    });
    assertProblem(refused, 422, 'unprocessable', [
      '/body/linkedTicketIds/1',
      '/body/linkedTicketIds/2',
    ]);
  });
});

describe('disputes', () => {
  test('a dispute opens a review-request ticket; partial acceptance makes revision 2 and resolves the ticket', async () => {
    const evaluation = await submitted({
      answers: [
        { criterionId: 'greeting', value: 0, na: false },
        { criterionId: 'accuracy', value: 2, na: false, comment: '资费信息有误' },
      ],
    });
    const scoreBefore = evaluation.score;
    const body = {
      items: [
        { criterionId: 'greeting', proposedValue: 1, reason: '通话 00:03 处已报工号。' },
        { criterionId: 'accuracy', proposedValue: 5, reason: 'Quoted the current rate card.' },
      ],
    };
    assertProblem(
      await server.api('disputeEvaluation', {
        token: agentA.token,
        path: { evaluationId: evaluation.id },
        headers: key(),
        body,
      }),
      428,
      'precondition-required',
    );
    const headers = { ...key(), ...ifMatch(evaluation.version) };
    const disputed = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers,
      body,
    });
    assert.equal(disputed.status, 201, disputed.text);
    assert.equal(disputed.body.state, 'disputed');
    assert.equal(disputed.body.disputesRemaining, 1);
    const dispute = disputed.body.disputes[0];
    assert.equal(dispute.state, 'open');
    assert.ok(dispute.ticketId);
    assert.deepEqual(disputed.body.allowedActions, []);
    // Replay: the same answer, no second dispute or ticket.
    const tickets = count('tickets');
    const replay = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers,
      body,
    });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(count('tickets'), tickets);
    assert.equal(count('qa_disputes', `evaluation_id = '${evaluation.id}'`), 1);

    const ticket = await server.api('getTicket', {
      token: qa2,
      path: { ticketId: dispute.ticketId },
    });
    assert.equal(ticket.status, 200, ticket.text);
    assert.equal(ticket.body.kind, 'qa_review_request');
    assert.equal(ticket.body.evaluationId, evaluation.id);
    assert.equal(ticket.body.teamId, 'team_residential');
    assert.equal(ticket.body.assigneeId, null);
    assert.equal(ticket.body.state, 'new');
    // The agent sees the ticket they opened.
    const own = await server.api('getTicket', {
      token: agentA.token,
      path: { ticketId: dispute.ticketId },
    });
    assert.equal(own.status, 200);

    // Who may resolve: QA or the team's supervisor; the other team's supervisor does not see it.
    const asQa = await server.api('getEvaluation', {
      token: qa2,
      path: { evaluationId: evaluation.id },
    });
    assert.deepEqual(asQa.body.allowedActions, ['resolve_dispute']);
    const path = { evaluationId: evaluation.id, disputeId: dispute.id };
    assertProblem(
      await server.api('resolveDispute', {
        token: sup2,
        path,
        headers: { ...key(), ...ifMatch(disputed.body.version) },
        body: { outcome: 'rejected', comment: 'x' },
      }),
      404,
      'not-found',
    );
    assertProblem(
      await server.api('resolveDispute', {
        token: sup1,
        path: { ...path, disputeId: 'qad_missing' },
        headers: { ...key(), ...ifMatch(disputed.body.version) },
        body: { outcome: 'rejected', comment: 'x' },
      }),
      404,
      'not-found',
    );
    for (const bad of [
      {
        body: { outcome: 'partially_accepted', comment: '部分采纳' },
        paths: ['/body/acceptedItems'],
      },
      {
        body: {
          outcome: 'partially_accepted',
          comment: '部分采纳',
          acceptedItems: [
            { criterionId: 'summary', value: 1 },
            { criterionId: 'accuracy', value: 9 },
          ],
        },
        paths: ['/body/acceptedItems/0/criterionId', '/body/acceptedItems/1/value'],
      },
      {
        body: {
          outcome: 'rejected',
          comment: '维持',
          acceptedItems: [{ criterionId: 'greeting', value: 1 }],
        },
        paths: ['/body/acceptedItems'],
      },
    ]) {
      assertProblem(
        await server.api('resolveDispute', {
          token: sup1,
          path,
          headers: { ...key(), ...ifMatch(disputed.body.version) },
          body: bad.body,
        }),
        422,
        'unprocessable',
        bad.paths,
      );
    }
    assertProblem(
      await server.api('resolveDispute', {
        token: sup1,
        path,
        headers: { ...key(), ...ifMatch(disputed.body.version - 1) },
        body: { outcome: 'rejected', comment: '维持' },
      }),
      412,
      'precondition-failed',
    );

    const resolved = await server.api('resolveDispute', {
      token: sup1,
      path,
      headers: { ...key(), ...ifMatch(disputed.body.version) },
      body: {
        outcome: 'partially_accepted',
        comment: '工号项予以更正。',
        acceptedItems: [{ criterionId: 'greeting', value: 1 }],
      },
    });
    assert.equal(resolved.status, 200, resolved.text);
    assert.equal(resolved.body.state, 'resolved');
    assert.equal(resolved.body.revision, 2);
    assert.equal(resolved.body.answers.find((a: Any) => a.criterionId === 'greeting').value, 1);
    assert.equal(resolved.body.answers.find((a: Any) => a.criterionId === 'accuracy').value, 2);
    assert.equal(resolved.body.score, scoreEvaluation(inbound, resolved.body.answers).score);
    assert.ok(resolved.body.score > scoreBefore);
    const r = resolved.body.disputes[0];
    assert.equal(r.outcome, 'partially_accepted');
    assert.deepEqual(r.resolution.acceptedItems, [{ criterionId: 'greeting', value: 1 }]);

    const ticketAfter = await server.api('getTicket', {
      token: qa2,
      path: { ticketId: dispute.ticketId },
    });
    assert.equal(ticketAfter.body.state, 'resolved');

    const versions = await server.api('listEvaluationVersions', {
      token: sup1,
      path: { evaluationId: evaluation.id },
    });
    assert.deepEqual(
      versions.body.items.map((v: Any) => [v.revision, v.reason, v.score]),
      [
        [1, 'submitted', scoreBefore],
        [2, 'dispute_resolved', resolved.body.score],
      ],
    );
    assert.equal(versions.body.items[1].disputeId, dispute.id);

    // Resolved again is 409; the agent may dispute once more (2 allowed), then no more.
    assertProblem(
      await server.api('resolveDispute', {
        token: qa1,
        path,
        headers: { ...key(), ...ifMatch(resolved.body.version) },
        body: { outcome: 'rejected', comment: '维持' },
      }),
      409,
      'invalid-state',
    );
    const again = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers: { ...key(), ...ifMatch(resolved.body.version) },
      body: { items: [{ criterionId: 'accuracy', proposedValue: 4, reason: '再次申请复核' }] },
    });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.disputesRemaining, 0);
    const rejected = await server.api('resolveDispute', {
      token: qa1,
      path: { evaluationId: evaluation.id, disputeId: again.body.disputes[1].id },
      headers: { ...key(), ...ifMatch(again.body.version) },
      body: { outcome: 'rejected', comment: '维持原评分' },
    });
    assert.equal(rejected.status, 200, rejected.text);
    assert.equal(rejected.body.revision, 2, 'a rejection changes no score');
    assert.deepEqual(rejected.body.disputes[1].resolution.acceptedItems, []);
    assert.equal(count('qa_evaluation_versions', `evaluation_id = '${evaluation.id}'`), 2);
    const limit = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers: { ...key(), ...ifMatch(rejected.body.version) },
      body: { items: [{ criterionId: 'accuracy', proposedValue: 4, reason: '第三次' }] },
    });
    assertProblem(limit, 422, 'dispute-limit-reached');
  });

  test('accepting applies every proposed score, N/A included', async () => {
    const evaluation = await submitted({
      agentId: agentB.id,
      answers: [
        { criterionId: 'first_contact', value: 0, na: false },
        { criterionId: 'active_listening', value: 3, na: false },
      ],
    });
    const disputed = await server.api('disputeEvaluation', {
      token: agentB.token,
      path: { evaluationId: evaluation.id },
      headers: { ...key(), ...ifMatch(evaluation.version) },
      body: {
        items: [
          {
            criterionId: 'first_contact',
            proposedValue: null,
            reason: '需上门处理，非一次可解决。',
          },
          { criterionId: 'active_listening', proposedValue: 5, reason: 'I did not interrupt.' },
        ],
      },
    });
    assert.equal(disputed.status, 201, disputed.text);
    const resolved = await server.api('resolveDispute', {
      token: qa2,
      path: { evaluationId: evaluation.id, disputeId: disputed.body.disputes[0].id },
      headers: { ...key(), ...ifMatch(disputed.body.version) },
      body: { outcome: 'accepted', comment: '复听录音后采纳。' },
    });
    assert.equal(resolved.status, 200, resolved.text);
    const fc = resolved.body.answers.find((a: Any) => a.criterionId === 'first_contact');
    assert.deepEqual([fc.value, fc.na], [null, true]);
    assert.equal(resolved.body.score, 100);
    assert.equal(resolved.body.revision, 2);
  });

  test('dispute items are checked against the template; bad ones are 422 and write nothing', async () => {
    const evaluation = await submitted();
    const before = count('tickets');
    const response = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers: { ...key(), ...ifMatch(evaluation.version) },
      body: {
        items: [
          { criterionId: 'nope', proposedValue: 1, reason: 'x' },
          { criterionId: 'greeting', proposedValue: 2, reason: 'x' },
          { criterionId: 'summary', proposedValue: null, reason: 'x' },
          { criterionId: 'accuracy', proposedValue: 5, reason: '   ' },
        ],
      },
    });
    assertProblem(response, 422, 'unprocessable', [
      '/body/items/0/criterionId',
      '/body/items/1/proposedValue',
      '/body/items/2/proposedValue',
      '/body/items/3/reason',
    ]);
    assert.equal(count('tickets'), before);
    const still = await server.api('getEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
    });
    assert.equal(still.body.state, 'submitted');
    // Only the evaluated agent disputes; a draft cannot be disputed (invisible to the agent).
    assertProblem(
      await server.api('disputeEvaluation', {
        token: agentB.token,
        path: { evaluationId: evaluation.id },
        headers: { ...key(), ...ifMatch(evaluation.version) },
        body: { items: [{ criterionId: 'greeting', proposedValue: 1, reason: 'x' }] },
      }),
      404,
      'not-found',
    );
  });

  test('the dispute window closes disputeWindowDays after submission', async () => {
    const evaluation = await submitted();
    shiftMs = 7 * 86_400_000 + 60_000;
    try {
      const token = server.tokenFor('agent', { userId: agentA.id });
      const view = await server.api('getEvaluation', {
        token,
        path: { evaluationId: evaluation.id },
      });
      assert.deepEqual(view.body.allowedActions, ['acknowledge']);
      const response = await server.api('disputeEvaluation', {
        token,
        path: { evaluationId: evaluation.id },
        headers: { ...key(), ...ifMatch(evaluation.version) },
        body: { items: [{ criterionId: 'greeting', proposedValue: 1, reason: 'late' }] },
      });
      assertProblem(response, 422, 'dispute-window-closed');
    } finally {
      shiftMs = 0;
    }
  });

  test('a disputed evaluation cannot be acknowledged or disputed again until resolved', async () => {
    const evaluation = await submitted({ templateId: 'tpl_complaint' });
    const disputed = await server.api('disputeEvaluation', {
      token: agentA.token,
      path: { evaluationId: evaluation.id },
      headers: { ...key(), ...ifMatch(evaluation.version) },
      body: { items: [{ criterionId: 'apology', proposedValue: 1, reason: 'x' }] },
    });
    assert.equal(disputed.status, 201);
    assert.equal(disputed.body.disputesRemaining, 0, 'the complaint template allows one dispute');
    for (const op of ['acknowledgeEvaluation', 'disputeEvaluation'] as const) {
      assertProblem(
        await server.api(op, {
          token: agentA.token,
          path: { evaluationId: evaluation.id },
          headers: { ...key(), ...ifMatch(disputed.body.version) },
          body:
            op === 'disputeEvaluation'
              ? { items: [{ criterionId: 'apology', proposedValue: 1, reason: 'x' }] }
              : {},
        }),
        409,
        'invalid-state',
      );
    }
  });
});

describe('visibility per role', () => {
  test('agents see their own non-drafts; supervisors their team; QA and ops everything', async () => {
    const draft = await createDraft({ agentId: agentA.id });
    const list = async (token: string, query: Record<string, string | string[]> = {}) => {
      const items: Any[] = [];
      let cursor: string | undefined;
      do {
        const page = await server.api('listEvaluations', {
          token,
          query: { limit: 200, ...query, ...(cursor ? { cursor } : {}) },
        });
        assert.equal(page.status, 200, page.text);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };
    const mine = await list(agentA.token);
    assert.ok(mine.length > 0);
    assert.ok(mine.every((e) => e.agentId === agentA.id && e.state !== 'draft'));
    assert.ok(!mine.some((e) => e.id === draft.id));
    const team = await list(sup1);
    const teamAgents = new Set(
      (
        server.built.db
          .prepare(`SELECT id FROM users WHERE team_id = 'team_residential'`)
          .all() as { id: string }[]
      ).map((u) => u.id),
    );
    assert.ok(team.some((e) => e.id === draft.id));
    const supervisorId = server.userFor('supervisor', 'team_residential').id;
    assert.ok(team.every((e) => teamAgents.has(e.agentId) || e.evaluatorId === supervisorId));
    const all = await list(ops);
    assert.equal(all.length, count('qa_evaluations'));
    // Newest first, and the filters.
    const created = all.map((e) => e.createdAt);
    assert.deepEqual(created, [...created].sort().reverse());
    const drafts = await list(qa1, { state: ['draft'], agentId: agentA.id });
    assert.ok(
      drafts.length > 0 && drafts.every((e) => e.state === 'draft' && e.agentId === agentA.id),
    );
    assert.deepEqual(await list(agentA.token, { state: ['draft'] }), []);
    assert.ok(
      (await list(qa1, { callId: 'call_test_1' })).every((e) => e.callId === 'call_test_1'),
    );

    assertProblem(
      await server.api('getEvaluation', { token: sup2, path: { evaluationId: draft.id } }),
      404,
      'not-found',
    );
    assertProblem(
      await server.api('listEvaluationVersions', { token: sup2, path: { evaluationId: draft.id } }),
      404,
      'not-found',
    );
  });

  test('a supervisor evaluates their own team only', async () => {
    const refused = await server.api('createEvaluation', {
      token: sup1,
      headers: key(),
      body: { templateId: 'tpl_inbound', agentId: otherTeamAgent.id },
    });
    assertProblem(refused, 403, 'forbidden', ['/body/agentId']);
    const ok = await server.api('createEvaluation', {
      token: sup1,
      headers: key(),
      body: { templateId: 'tpl_inbound', agentId: agentA.id },
    });
    assert.equal(ok.status, 201);
  });

  test('evaluation events reach the agent only once submitted, and carry each viewer’s actions', async () => {
    const since =
      (server.built.db.prepare('SELECT max(id) id FROM events').get() as { id: number }).id ?? 0;
    const evaluation = await submitted();
    const rows = server.built.db
      .prepare(`SELECT type, topic, audience_json FROM events WHERE id > ? ORDER BY id`)
      .all(since) as { type: string; topic: string; audience_json: string }[];
    const mine = rows.filter((r) => r.topic === 'evaluations');
    assert.equal(mine.length, 2);
    assert.ok(mine.every((r) => r.type === 'evaluation.updated'));
    assert.ok(!JSON.parse(mine[0]!.audience_json).includes(`user:${agentA.id}`));
    assert.ok(JSON.parse(mine[1]!.audience_json).includes(`user:${agentA.id}`));
    assert.ok(JSON.parse(mine[1]!.audience_json).includes('team:team_residential:supervisor'));
    const qa = server.built.services.areas.qa!;
    const caller = {
      userId: agentA.id,
      role: 'agent' as const,
      teamId: 'team_residential',
      name: 'a',
      tokenKey: 'k',
    };
    const view = await server.api('getEvaluation', {
      token: qa1,
      path: { evaluationId: evaluation.id },
    });
    assert.deepEqual(qa.projectForViewer(view.body, caller).allowedActions, [
      'acknowledge',
      'dispute',
    ]);
  });
});

describe('calibration', () => {
  test('one draft per evaluator, deviations from the reference computed by the domain', async () => {
    const body = {
      callId: 'call_calibration_1',
      templateId: 'tpl_inbound',
      agentId: agentA.id,
      evaluatorIds: ['usr_qa_1', 'usr_qa_2', server.userFor('supervisor', 'team_residential').id],
    };
    const headers = key();
    const created = await server.api('createCalibrationSession', { token: qa1, headers, body });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.headers.get('location'), `/v1/qa/calibrations/${created.body.id}`);
    const session = created.body;
    assert.equal(session.evaluations.length, 3);
    assert.equal(session.referenceEvaluationId, session.evaluations[0].evaluationId);
    assert.ok(session.evaluations.every((e: Any) => e.state === 'draft' && e.scoreDelta === null));
    const evaluations = count('qa_evaluations');
    const replay = await server.api('createCalibrationSession', { token: qa1, headers, body });
    assert.equal(replay.body.id, session.id);
    assert.equal(count('qa_evaluations'), evaluations);

    const full = fullAnswers(inbound);
    const variants = [
      full,
      full.map((a: Any) => (a.criterionId === 'accuracy' ? { ...a, value: 3 } : a)),
      full.map((a: Any) => (a.criterionId === 'greeting' ? { ...a, value: 0 } : a)),
    ];
    const tokens = [qa1, qa2, sup1];
    for (let i = 0; i < 3; i++) {
      const id = session.evaluations[i].evaluationId;
      const current = await server.api('getEvaluation', {
        token: tokens[i],
        path: { evaluationId: id },
      });
      assert.equal(current.status, 200, current.text);
      assert.equal(current.body.calibrationSessionId, session.id);
      const patched = await server.api('updateEvaluation', {
        token: tokens[i],
        path: { evaluationId: id },
        headers: ifMatch(current.body.version),
        body: { answers: variants[i] },
      });
      assert.equal(patched.status, 200, patched.text);
    }
    const view = await server.api('getCalibrationSession', {
      token: sup1,
      path: { sessionId: session.id },
    });
    assert.equal(view.status, 200, view.text);
    view.body.evaluations.forEach((entry: Any, i: number) => {
      const expected = calibrationDeviation(inbound, variants[0], variants[i]);
      assert.equal(entry.scoreDelta, expected.scoreDelta);
      assert.deepEqual(entry.criteria, expected.criteria);
      assert.equal(entry.score, scoreEvaluation(inbound, variants[i]).score);
    });
    assert.equal(view.body.evaluations[0].scoreDelta, 0);
    assert.ok(view.body.evaluations[1].scoreDelta < 0);
    // Calibration copies are not the agent's evaluations.
    assertProblem(
      await server.api('getEvaluation', {
        token: agentA.token,
        path: { evaluationId: session.evaluations[0].evaluationId },
      }),
      404,
      'not-found',
    );
    assertProblem(
      await server.api('getCalibrationSession', { token: sup2, path: { sessionId: session.id } }),
      404,
      'not-found',
    );
    assertProblem(
      await server.api('getCalibrationSession', { token: ops, path: { sessionId: 'cal_missing' } }),
      404,
      'not-found',
    );
  });

  test('evaluators must be supervisors or QA specialists: 422, nothing written', async () => {
    const before = count('qa_evaluations');
    const response = await server.api('createCalibrationSession', {
      token: qa1,
      headers: key(),
      body: {
        callId: 'call_x',
        templateId: 'tpl_inbound',
        agentId: agentA.id,
        evaluatorIds: ['usr_qa_1', agentB.id],
      },
    });
    assertProblem(response, 422, 'unprocessable', ['/body/evaluatorIds/1']);
    assert.equal(count('qa_evaluations'), before);
  });
});
