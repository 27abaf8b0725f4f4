/**
 * The score the server stores is exactly the domain's scoreEvaluation, for every seeded template
 * (N/A, fatal and section-critical criteria included): random answers are submitted through the
 * API and compared, and so is every seeded evaluation and revision.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { scoreEvaluation, type EvaluationAnswer } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import { startServer, type TestServer } from './helpers/server.js';

type Template = Schema<'ScorecardTemplate'>;
type Criterion = Schema<'ScorecardCriterion'>;

let server: TestServer;
let qa: string;
let agentId: string;

before(async () => {
  server = await startServer();
  qa = server.tokenFor('qa_specialist');
  agentId = server.userFor('agent', 'team_technical').id;
});
after(() => server.close());

/** One answer for a criterion: N/A where allowed, else any value of its scale, commented when needed. */
function answerOf(c: Criterion): fc.Arbitrary<EvaluationAnswer> {
  const scale = c.scale;
  const [min, max] =
    scale.type === 'yes_no'
      ? [0, 1]
      : scale.type === 'rating'
        ? [scale.min, scale.max]
        : [0, scale.max];
  const value = fc.integer({ min, max }).map((v) => {
    const threshold = c.commentRequiredBelow;
    const needs =
      (typeof threshold === 'number' && v < threshold) || (c.critical !== 'none' && v === 0);
    return { criterionId: c.id, value: v, na: false, comment: needs ? '需改进 needs work' : null };
  });
  if (!c.naAllowed) return value;
  return fc.oneof(
    { arbitrary: value, weight: 4 },
    {
      arbitrary: fc.constant({ criterionId: c.id, value: null, na: true, comment: null }),
      weight: 1,
    },
  );
}

function answersFor(template: Template): fc.Arbitrary<EvaluationAnswer[]> {
  return fc
    .tuple(...template.sections.flatMap((s) => s.criteria.map(answerOf)))
    .chain((answers) => fc.shuffledSubarray(answers, { minLength: answers.length }));
}

async function template(id: string, version: number): Promise<Template> {
  const response = await server.api('getScorecardTemplate', {
    token: qa,
    path: { templateId: id },
    query: { version },
  });
  assert.equal(response.status, 200);
  return response.body;
}

describe('stored scores equal scoreEvaluation', () => {
  for (const [id, version] of [
    ['tpl_inbound', 1],
    ['tpl_inbound', 2],
    ['tpl_complaint', 1],
    ['tpl_outbound', 1],
  ] as const) {
    test(`${id}@${version}: random answers submitted through the API`, async () => {
      const tpl = await template(id, version);
      const seen = { fatal: 0, section: 0, na: 0 };
      await fc.assert(
        fc.asyncProperty(answersFor(tpl), async (answers) => {
          const created = await server.api('createEvaluation', {
            token: qa,
            headers: { 'Idempotency-Key': randomUUID() },
            body: { templateId: id, templateVersion: version, agentId, answers },
          });
          assert.equal(created.status, 201, created.text);
          const submitted = await server.api('submitEvaluation', {
            token: qa,
            path: { evaluationId: created.body.id },
            headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${created.body.version}"` },
          });
          assert.equal(submitted.status, 200, submitted.text);
          const expected = scoreEvaluation(tpl, answers);
          assert.equal(submitted.body.score, expected.score);
          assert.deepEqual(submitted.body.sections, expected.sections);
          assert.equal(submitted.body.fatalFailed, expected.fatalFailed);
          const stored = server.built.db
            .prepare('SELECT score FROM qa_evaluations WHERE id = ?')
            .get(created.body.id) as { score: number | null };
          assert.equal(stored.score, expected.score);
          if (expected.fatalFailed) seen.fatal++;
          if (expected.sections.some((s) => s.failedCritical)) seen.section++;
          if (answers.some((a) => a.na)) seen.na++;
        }),
        { numRuns: 40, seed: 20261127 },
      );
      const has = (level: string) =>
        tpl.sections.some((sec) => sec.criteria.some((c) => c.critical === level));
      const covered =
        (!has('fatal') || seen.fatal > 0) && (!has('section') || seen.section > 0) && seen.na > 0;
      assert.ok(covered, `fatal, section-critical and N/A cases: ${JSON.stringify(seen)}`);
    });
  }

  test('every seeded evaluation and revision holds the score of its answers', () => {
    const db = server.built.db;
    const templates = new Map<string, Template>();
    for (const row of db.prepare('SELECT id, version, sections_json FROM qa_templates').all() as {
      id: string;
      version: number;
      sections_json: string;
    }[]) {
      templates.set(`${row.id}@${row.version}`, {
        sections: JSON.parse(row.sections_json),
      } as Template);
    }
    const rows = db
      .prepare(
        `SELECT e.template_id, e.template_version, e.answers_json, e.score, e.sections_json, e.fatal_failed,
                e.state, e.revision,
                (SELECT count(*) FROM qa_evaluation_versions v WHERE v.evaluation_id = e.id) AS versions
           FROM qa_evaluations e`,
      )
      .all() as {
      template_id: string;
      template_version: number;
      answers_json: string;
      score: number | null;
      sections_json: string;
      fatal_failed: number;
      state: string;
      revision: number;
      versions: number;
    }[];
    assert.ok(rows.length >= 600);
    for (const row of rows) {
      const tpl = templates.get(`${row.template_id}@${row.template_version}`)!;
      const expected = scoreEvaluation(tpl, JSON.parse(row.answers_json));
      assert.equal(row.score, expected.score);
      assert.deepEqual(JSON.parse(row.sections_json), expected.sections);
      assert.equal(row.fatal_failed === 1, expected.fatalFailed);
      assert.equal(row.versions, row.revision, 'one version row per revision');
    }
    const versions = db
      .prepare(
        `SELECT e.template_id, e.template_version, v.answers_json, v.score
           FROM qa_evaluation_versions v JOIN qa_evaluations e ON e.id = v.evaluation_id`,
      )
      .all() as {
      template_id: string;
      template_version: number;
      answers_json: string;
      score: number;
    }[];
    for (const v of versions) {
      const tpl = templates.get(`${v.template_id}@${v.template_version}`)!;
      assert.equal(v.score, scoreEvaluation(tpl, JSON.parse(v.answers_json)).score);
    }
    // The seed has every state, disputes resolved each way, revisions and a calibration session.
    const states = new Set(rows.map((r) => r.state));
    for (const state of ['draft', 'submitted', 'acknowledged', 'resolved'])
      assert.ok(states.has(state));
    const outcomes = db.prepare('SELECT DISTINCT outcome FROM qa_disputes').all() as {
      outcome: string;
    }[];
    assert.ok(outcomes.length >= 3);
    assert.ok(rows.some((r) => r.revision >= 2));
    assert.equal(
      (db.prepare('SELECT count(*) n FROM qa_calibration_sessions').get() as { n: number }).n,
      1,
    );
    const linked = db
      .prepare(
        `SELECT count(*) n FROM qa_disputes d JOIN tickets t ON t.id = d.ticket_id
          WHERE t.kind = 'qa_review_request' AND t.evaluation_id = d.evaluation_id`,
      )
      .get() as { n: number };
    assert.equal(
      linked.n,
      (db.prepare('SELECT count(*) n FROM qa_disputes').get() as { n: number }).n,
    );
  });
});
