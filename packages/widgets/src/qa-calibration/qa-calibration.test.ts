import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { calibrationDeviation } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-qa-calibration.js';
import '../define/cc-qa-scorecard.js';
import { expectAccessible } from '../test-utils/axe.js';
import { clientFor, useServer } from '../test-utils/server.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import type { CcQaCalibration } from './qa-calibration.js';
import { messages } from './qa-calibration.i18n.js';

type Answer = Schema<'EvaluationAnswer'>;
type Template = Schema<'ScorecardTemplate'>;

before(async () => {
  await useServer();
});

/** Answers for every criterion, the `k`-th lowest value of each scale (so evaluators differ). */
function answers(tpl: Template, k: number): Answer[] {
  return tpl.sections.flatMap((s) =>
    s.criteria.map((c, i) => {
      const sc = c.scale;
      const lo = sc.type === 'rating' ? sc.min : 0;
      const hi = sc.type === 'yes_no' ? 1 : sc.max;
      const value = c.critical !== 'none' ? 1 : Math.max(lo, hi - ((i + k) % (hi - lo + 1)));
      return { criterionId: c.id, value, na: false, comment: value < hi ? 'See recording.' : null };
    }),
  );
}

describe('<cc-qa-calibration>', function () {
  // Real server, real browser, a shared machine: generous limits.
  this.timeout(60000);
  it('has every string in en, zh-Hans and zh-Hant', () => expectCompleteCatalog(messages));

  it('shows each evaluator’s deviation from the reference, as the shared rule computes it', async function () {
    const qa = clientFor('usr_qa_1');
    const tpl = await qa.qa.templates.get('tpl_inbound');
    const session = await qa.qa.calibrations.create({
      callId: 'call_calibration_test',
      templateId: tpl.id,
      agentId: 'usr_agent_1_02',
      evaluatorIds: ['usr_qa_1', 'usr_qa_2'],
    });
    const given = [answers(tpl, 0), answers(tpl, 1)];
    for (const [i, entry] of session.evaluations.entries()) {
      const client = clientFor(entry.evaluatorId);
      const ev = await client.qa.evaluations.get(entry.evaluationId);
      await client.qa.evaluations.update(ev.id, { answers: given[i]! }, { ifMatch: ev.version });
    }
    const el = fixtureSync<CcQaCalibration>(
      html`<cc-qa-calibration
        .client=${qa}
        session-id=${session.id}
        locale="en"
      ></cc-qa-calibration>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'no table', { timeout: 8000 });
    const expected = calibrationDeviation(tpl, given[0]!, given[1]!);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    const fmt = (d: number | null) =>
      d === null
        ? 'No data'
        : `${new Intl.NumberFormat('en', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(d)} vs reference`;
    expect(rows[0]!.querySelectorAll('td')[1]!.textContent).to.contain(fmt(expected.scoreDelta));
    expected.criteria.forEach((c, i) => {
      expect(rows[i + 1]!.querySelectorAll('td')[1]!.textContent!.trim()).to.equal(fmt(c.delta));
    });
    expect(el.shadowRoot!.querySelector('thead')!.textContent).to.contain('reference, you');
    await expectAccessible(el);
  });

  it('appears beside a calibration evaluation in the scorecard', async () => {
    const qa = clientFor('usr_qa_1');
    const page = await qa.qa.evaluations.list({ limit: 100, evaluatorId: 'usr_qa_1' });
    let found = page.items.find((e) => e.calibrationSessionId);
    if (!found) {
      const tpl = await qa.qa.templates.get('tpl_inbound');
      const s = await qa.qa.calibrations.create({
        callId: 'call_calibration_test_2',
        templateId: tpl.id,
        agentId: 'usr_agent_1_02',
        evaluatorIds: ['usr_qa_1', 'usr_qa_2'],
      });
      found = await qa.qa.evaluations.get(s.referenceEvaluationId);
    }
    const el = fixtureSync(
      html`<cc-qa-scorecard .client=${qa} evaluation-id=${found.id} locale="en"></cc-qa-scorecard>`,
    );
    await waitUntil(
      () => el.shadowRoot!.querySelector('cc-qa-calibration')?.shadowRoot?.querySelector('table'),
      'no calibration table in the scorecard',
      { timeout: 8000 },
    );
  });
});
