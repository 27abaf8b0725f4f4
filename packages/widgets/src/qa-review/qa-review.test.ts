import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-qa-review.js';
import { expectAccessible } from '../test-utils/axe.js';
import { clientFor, useServer } from '../test-utils/server.js';
import type { CcQaReview } from './qa-review.js';

type Evaluation = Schema<'Evaluation'>;

before(async () => {
  await useServer();
});

describe('<cc-qa-review>', function () {
  // Real server, real browser, a shared machine: generous limits.
  this.timeout(60000);
  it('works on its own: the agent disputes once, the history keeps revision 1', async function () {
    const qa = clientFor('usr_qa_1');
    const template = await qa.qa.templates.get('tpl_complaint');
    const answers = template.sections.flatMap((s) =>
      s.criteria.map((c) => ({
        criterionId: c.id,
        value: c.scale.type === 'yes_no' ? 1 : c.scale.max,
        na: false,
        comment: null,
      })),
    );
    const draft = await qa.qa.evaluations.create({
      templateId: template.id,
      agentId: 'usr_agent_2_01',
      answers,
    });
    const sent = await qa.qa.evaluations.submit(draft.id, { ifMatch: draft.version });
    const agent = clientFor('usr_agent_2_01');
    const evaluation = await agent.qa.evaluations.get(sent.id);
    const el = fixtureSync<CcQaReview>(
      html`<cc-qa-review
        .client=${agent}
        .evaluation=${evaluation}
        .template=${template}
        mode="dispute"
        locale="zh-Hans"
      ></cc-qa-review>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part=history] li'), 'no history', { timeout: 8000 });
    expect(root.querySelector('[part=history] li')!.textContent).to.contain('第 1 版');
    await expectAccessible(el);
    const select = root.querySelector<HTMLSelectElement>('select')!;
    select.value = select.options[2]!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const reason = root.querySelector<HTMLTextAreaElement>('textarea')!;
    reason.value = '录音 01:10 处已按流程升级。';
    reason.dispatchEvent(new Event('input'));
    const done = new Promise<Evaluation>((resolve) =>
      el.addEventListener('cc-dispute-submitted', (e) => resolve(e.evaluation), { once: true }),
    );
    root.querySelector<HTMLButtonElement>('section .actions button')!.click();
    const disputed = await done;
    expect(disputed.state).to.equal('disputed');
    expect(disputed.disputes.at(-1)!.items[0]!.reason).to.equal('录音 01:10 处已按流程升级。');
    await el.updateComplete;
    // One dispute per evaluation on this template: nothing is left to ask for.
    expect(template.maxDisputes).to.equal(1);
    expect(disputed.disputesRemaining).to.equal(0);
    expect(disputed.allowedActions).to.not.include('dispute');
  });
});
