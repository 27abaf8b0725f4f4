import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import { createClient } from '@cc-kit/sdk';
import { scoreEvaluation } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-qa-scorecard.js';
import type { CcClient } from '../shared/client.js';
import { expectAccessible } from '../test-utils/axe.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { messages as reviewMessages } from '../qa-review/qa-review.i18n.js';
import type { CcQaScorecard } from './qa-scorecard.js';
import { messages } from './qa-scorecard.i18n.js';

type Evaluation = Schema<'Evaluation'>;
type Template = Schema<'ScorecardTemplate'>;
type Answer = Schema<'EvaluationAnswer'>;

let apiUrl: string;
const clients = new Map<string, CcClient>();

/** A client for a demo user, as the portal signs in; `fetch` wraps the transport (faults). */
function clientFor(userId: string, wrap?: typeof fetch): CcClient {
  const key = userId + (wrap ? '+' : '');
  let client = clients.get(key);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      ...(wrap ? { fetch: wrap, retry: { attempts: 1 } } : {}),
      getToken: async () => {
        const grant = await anonymous.demo.token({ userId });
        return { token: grant.token, expiresAt: grant.expiresAt };
      },
    });
    if (!wrap) clients.set(key, client);
  }
  return client;
}

const QA = 'usr_qa_1';
const AGENT = 'usr_agent_1_01';
const OPS = 'usr_ops_1';
const SUPERVISOR = 'usr_sup_1';

before(async () => {
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  await clientFor(QA).me.get();
});

const mount = (client: CcClient, id?: string, locale = 'en') =>
  fixtureSync<CcQaScorecard>(
    html`<cc-qa-scorecard
      .client=${client}
      evaluation-id=${id ?? ''}
      locale=${locale}
      time-zone="Asia/Shanghai"
    ></cc-qa-scorecard>`,
  );

const root = (el: CcQaScorecard) => el.shadowRoot!;
const loaded = async (el: CcQaScorecard) => {
  await waitUntil(
    () =>
      !el.matches(':state(loading)') &&
      !el.matches(':state(refreshing)') &&
      (el.matches(':state(error)') || !!root(el).querySelector('article, .list')),
    'the scorecard did not load',
    { timeout: 8000 },
  );
  await el.updateComplete;
};
const total = (el: CcQaScorecard) => root(el).querySelector('[part=total] strong')!.textContent!;
const sectionScores = (el: CcQaScorecard) =>
  [...root(el).querySelectorAll('section[part=section] .sub strong')].map((s) => s.textContent);
const buttons = (el: CcQaScorecard) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part=actions] button')].map((b) =>
    b.textContent!.trim(),
  );
const shown = (score: number | null) =>
  score === null
    ? 'No data'
    : new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(score);

/** Every seeded template version, as the API lists them (latest) and their earlier versions. */
async function allTemplates(): Promise<Template[]> {
  const client = clientFor(QA);
  const latest = (await client.qa.templates.list({ limit: 50 })).items;
  const out: Template[] = [];
  for (const t of latest) {
    out.push(t);
    for (let v = t.version - 1; v >= 1; v--)
      out.push(await client.qa.templates.get(t.id, { version: v }));
  }
  return out;
}

/** Random answers over a template: unanswered, N/A where allowed, any value (critical "no" often). */
function answersFor(tpl: Template): fc.Arbitrary<Answer[]> {
  const criteria = tpl.sections.flatMap((s) => s.criteria);
  return fc
    .tuple(
      ...criteria.map((c) => {
        const sc = c.scale;
        const value =
          sc.type === 'yes_no'
            ? fc.constantFrom(0, 1, 1)
            : fc.integer({ min: sc.type === 'rating' ? sc.min : 0, max: sc.max });
        const choice = fc.oneof(
          { weight: 1, arbitrary: fc.constant<'skip'>('skip') },
          { weight: c.naAllowed ? 1 : 0, arbitrary: fc.constant<'na'>('na') },
          { weight: 6, arbitrary: value },
        );
        return choice.map((v): Answer | undefined =>
          v === 'skip'
            ? undefined
            : v === 'na'
              ? { criterionId: c.id, value: null, na: true, comment: null }
              : { criterionId: c.id, value: v, na: false, comment: 'Noted on the recording.' },
        );
      }),
    )
    .map((list) => list.filter((a): a is Answer => a !== undefined));
}

async function draft(
  tpl: Pick<Template, 'id' | 'version'>,
  answers: Answer[] = [],
): Promise<Evaluation> {
  return clientFor(QA).qa.evaluations.create({
    templateId: tpl.id,
    templateVersion: tpl.version,
    agentId: AGENT,
    ...(answers.length ? { answers } : {}),
  });
}

/** Fully answered (every criterion "best"), so it can be submitted. */
function fullAnswers(tpl: Template): Answer[] {
  return tpl.sections.flatMap((s) =>
    s.criteria.map((c) => ({
      criterionId: c.id,
      value: c.scale.type === 'yes_no' ? 1 : c.scale.max,
      na: false,
      comment: null,
    })),
  );
}

async function submitted(tpl: Template): Promise<Evaluation> {
  const ev = await draft(tpl, fullAnswers(tpl));
  return clientFor(QA).qa.evaluations.submit(ev.id, { ifMatch: ev.version });
}

async function inbound(): Promise<Template> {
  return clientFor(QA).qa.templates.get('tpl_inbound');
}

describe('<cc-qa-scorecard>', function () {
  // Real server, real browser, a shared machine: generous limits.
  this.timeout(60000);
  it('has every string in en, zh-Hans and zh-Hant', () => {
    expectCompleteCatalog(messages);
    expectCompleteCatalog(reviewMessages);
  });

  it('shows the score the server stores, for random answers on every seeded template', async function () {
    this.timeout(120000);
    const templates = await allTemplates();
    expect(templates.length).to.be.greaterThan(2);
    let fatal = 0;
    let sectionFailed = 0;
    let na = 0;
    for (const tpl of templates) {
      await fc.assert(
        fc.asyncProperty(answersFor(tpl), async (answers) => {
          const ev = await draft(tpl, answers);
          fatal += ev.fatalFailed ? 1 : 0;
          sectionFailed += ev.sections.some((s) => s.failedCritical) ? 1 : 0;
          na += answers.some((a) => a.na) ? 1 : 0;
          const el = mount(clientFor(QA), ev.id);
          await loaded(el);
          expect(total(el)).to.equal(shown(ev.score));
          expect(sectionScores(el)).to.deep.equal(ev.sections.map((s) => shown(s.score)));
          expect(!!root(el).querySelector('header .failed')).to.equal(ev.fatalFailed);
          expect(root(el).querySelectorAll('section .failed').length).to.equal(
            ev.sections.filter((s) => s.failedCritical).length,
          );
          el.remove();
        }),
        { numRuns: 8, seed: 8 },
      );
    }
    expect(fatal, 'some runs hit a fatal item').to.be.greaterThan(0);
    expect(sectionFailed, 'some runs hit a section-critical item').to.be.greaterThan(0);
    expect(na, 'some runs used N/A').to.be.greaterThan(0);
  });

  it('scores live as the evaluator clicks, and the saved score equals it', async function () {
    this.timeout(60000);
    const tpl = await inbound();
    await fc.assert(
      fc.asyncProperty(answersFor(tpl), async (answers) => {
        const ev = await draft(tpl);
        const el = mount(clientFor(QA), ev.id);
        await loaded(el);
        for (const a of answers) {
          const group = root(el).querySelector(`fieldset[data-id="${a.criterionId}"]`)!;
          const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')];
          const labels = radios.map((r) => r.parentElement!.textContent!.trim());
          const c = tpl.sections.flatMap((s) => s.criteria).find((x) => x.id === a.criterionId)!;
          const want = a.na
            ? 'Not applicable'
            : c.scale.type === 'yes_no'
              ? a.value
                ? 'Yes'
                : 'No'
              : String(a.value);
          radios[labels.indexOf(want)]!.click();
          if (a.comment) {
            const area = group.querySelector('textarea')!;
            area.value = a.comment;
            area.dispatchEvent(new Event('input'));
          }
        }
        await el.updateComplete;
        const expected = scoreEvaluation(tpl, answers);
        expect(total(el)).to.equal(shown(expected.score));
        const saved = new Promise<Evaluation>((resolve) =>
          el.addEventListener('cc-evaluation-saved', (e) => resolve(e.evaluation), { once: true }),
        );
        root(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
        const stored = await saved;
        expect(stored.score).to.equal(expected.score);
        await el.updateComplete;
        expect(total(el)).to.equal(shown(stored.score));
        el.remove();
      }),
      { numRuns: 4, seed: 4 },
    );
  });

  it('requires comments where the template says, before submitting', async () => {
    const tpl = await inbound();
    const answers = fullAnswers(tpl).map((a) =>
      a.criterionId === 'verify_identity' ? { ...a, value: 0 } : a,
    );
    const ev = await draft(
      tpl,
      answers.filter((a) => a.criterionId !== 'verify_identity'),
    );
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    const group = root(el).querySelector('fieldset[data-id="verify_identity"]')!;
    const no = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
      (r) => r.parentElement!.textContent!.trim() === 'No',
    )!;
    no.click();
    await el.updateComplete;
    expect(total(el)).to.equal('0');
    expect(root(el).querySelector('header .failed')!.textContent).to.contain('scores 0');
    expect(group.querySelector('textarea')!.required).to.equal(true);
    const submit = [...root(el).querySelectorAll<HTMLButtonElement>('[part=actions] button')].find(
      (b) => b.textContent!.trim() === 'Submit',
    )!;
    submit.click();
    await el.updateComplete;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(group.querySelector('.error')!.textContent).to.contain('Comment required');
    await waitUntil(
      () => el.shadowRoot!.activeElement === group.querySelector('input'),
      undefined,
      { timeout: 8000 },
    );
    const still = await clientFor(QA).qa.evaluations.get(ev.id);
    expect(still.state).to.equal('draft');
    // With the comment the submit goes through, and the stored score is the one shown.
    const area = group.querySelector('textarea')!;
    area.value = 'Did not verify before giving the balance.';
    area.dispatchEvent(new Event('input'));
    const done = new Promise<Evaluation>((resolve) =>
      el.addEventListener('cc-evaluation-submitted', (e) => resolve(e.evaluation), { once: true }),
    );
    submit.click();
    const sent = await done;
    expect(sent.state).to.equal('submitted');
    expect(sent.score).to.equal(0);
    expect(localStorage.getItem(`cc-qa-draft:${ev.id}`)).to.equal(null);
  });

  it('maps the server’s 422 onto the criteria', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl, fullAnswers(tpl).slice(1));
    // The server's own check, as a stale screen would meet it: submit without the first answer.
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    el.answers = new Map(fullAnswers(tpl).map((a) => [a.criterionId, a]));
    await el.updateComplete;
    const err = await clientFor(QA)
      .qa.evaluations.submit(ev.id, { ifMatch: ev.version })
      .catch((e: unknown) => e);
    expect((err as { status: number }).status).to.equal(422);
    (el as unknown as { mapErrors(e: unknown, ev: Evaluation): void }).mapErrors(err, ev);
    await el.updateComplete;
    const first = tpl.sections[0]!.criteria[0]!.id;
    expect(
      root(el).querySelector(`fieldset[data-id="${first}"]`)!.getAttribute('aria-invalid'),
    ).to.equal('true');
  });

  it('keeps the answers and says so when the draft changed elsewhere (412)', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl);
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    await clientFor(QA).qa.evaluations.update(
      ev.id,
      { comment: 'elsewhere' },
      { ifMatch: ev.version },
    );
    const radio = root(el).querySelector<HTMLInputElement>('fieldset input[type=radio]')!;
    radio.click();
    await el.updateComplete;
    expect(localStorage.getItem(`cc-qa-draft:${ev.id}`)).to.contain('criterionId');
    const failed = new Promise((resolve) =>
      el.addEventListener('cc-error', resolve, { once: true }),
    );
    root(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
    const error = (await failed) as { status: number };
    expect(error.status).to.equal(412);
    await el.updateComplete;
    expect(buttons(el)).to.include('Reload, keep my answers');
    expect(root(el).querySelector('.line')!.textContent).to.contain('changed this');
    // A reload keeps the radio checked; saving then succeeds on the new version.
    [...root(el).querySelectorAll<HTMLButtonElement>('[part=actions] button')]
      .find((b) => b.textContent!.includes('Reload'))!
      .click();
    await waitUntil(() => !buttons(el).includes('Reload, keep my answers'), undefined, {
      timeout: 8000,
    });
    expect(
      root(el).querySelector<HTMLInputElement>('fieldset input[type=radio]')!.checked,
    ).to.equal(true);
    const saved = new Promise<Evaluation>((resolve) =>
      el.addEventListener('cc-evaluation-saved', (e) => resolve(e.evaluation), { once: true }),
    );
    root(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
    expect((await saved).comment).to.equal('elsewhere');
  });

  it('restores unsaved answers from this device', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl);
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    root(el).querySelector<HTMLInputElement>('fieldset input[type=radio]')!.click();
    el.remove();
    const again = mount(clientFor(QA), ev.id);
    await loaded(again);
    expect(root(again).querySelector('.note')!.textContent).to.contain('restored');
    expect(
      root(again).querySelector<HTMLInputElement>('fieldset input[type=radio]')!.checked,
    ).to.equal(true);
    expect(again.matches(':state(dirty)')).to.equal(true);
    root(again).querySelector<HTMLButtonElement>('.note button')!.click();
    await again.updateComplete;
    expect(
      root(again).querySelector<HTMLInputElement>('fieldset input[type=radio]')!.checked,
    ).to.equal(false);
    expect(localStorage.getItem(`cc-qa-draft:${ev.id}`)).to.equal(null);
  });

  it('shows each role exactly its actions', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl);
    const evaluator = mount(clientFor(QA), ev.id);
    await loaded(evaluator);
    expect(buttons(evaluator)).to.deep.equal(['Save draft', 'Submit']);
    evaluator.remove();

    const sent = await submitted(tpl);
    const agent = mount(clientFor(AGENT), sent.id);
    await loaded(agent);
    expect(buttons(agent)).to.deep.equal(['Acknowledge', 'Dispute']);
    expect(root(agent).querySelectorAll('fieldset input').length).to.equal(0);
    expect(root(agent).querySelector('.sub:not(section .sub)')!.textContent).to.contain('2 left');
    agent.remove();

    for (const user of [OPS, SUPERVISOR, QA]) {
      const other = mount(clientFor(user), sent.id);
      await loaded(other);
      expect(buttons(other), user).to.deep.equal([]);
      other.remove();
    }

    const acked = new Promise<Evaluation>((resolve) => {
      const el = mount(clientFor(AGENT), sent.id);
      el.addEventListener('cc-evaluation-acknowledged', (e) => resolve(e.evaluation));
      void loaded(el).then(() =>
        root(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click(),
      );
    });
    expect((await acked).state).to.equal('acknowledged');
  });

  it('lets the agent dispute and the reviewer resolve; history keeps every version; the maximum is enforced', async function () {
    const tpl = await inbound();
    const sent = await submitted(tpl);
    const max = tpl.maxDisputes;
    for (let round = 1; round <= max; round++) {
      const agent = mount(clientFor(AGENT), sent.id);
      await loaded(agent);
      [...root(agent).querySelectorAll<HTMLButtonElement>('[part=actions] button')]
        .find((b) => b.textContent!.trim() === 'Dispute')!
        .click();
      const review = await waitUntil(() => root(agent).querySelector('cc-qa-review'), undefined, {
        timeout: 8000,
      }).then(() => root(agent).querySelector('cc-qa-review')!);
      await waitUntil(() => review.shadowRoot?.querySelector('select'), undefined, {
        timeout: 8000,
      });
      const rr = review.shadowRoot!;
      // Sending without a proposed score, then without a reason, is refused in place.
      rr.querySelector<HTMLButtonElement>('section .actions button')!.click();
      await (review as unknown as CcQaScorecard).updateComplete;
      expect(rr.querySelector('.line')!.textContent).to.contain('at least one');
      const select = rr.querySelector<HTMLSelectElement>('select')!;
      select.value = round % 2 ? '0' : '1';
      select.dispatchEvent(new Event('change'));
      await (review as unknown as CcQaScorecard).updateComplete;
      rr.querySelector<HTMLButtonElement>('section .actions button')!.click();
      await (review as unknown as CcQaScorecard).updateComplete;
      expect(rr.querySelector('.line')!.textContent).to.contain('reason');
      const reason = rr.querySelector<HTMLTextAreaElement>('textarea')!;
      reason.value = '<img src=x onerror="window.__pwned=1"> recording at 00:42';
      reason.dispatchEvent(new Event('input'));
      const disputed = new Promise<Evaluation>((resolve) =>
        agent.addEventListener('cc-dispute-submitted', (e) => resolve(e.evaluation), {
          once: true,
        }),
      );
      rr.querySelector<HTMLButtonElement>('section .actions button')!.click();
      const ev = await disputed;
      expect(ev.state).to.equal('disputed');
      agent.remove();

      const reviewer = mount(clientFor(QA), sent.id);
      await loaded(reviewer);
      const panel = await waitUntil(
        () => root(reviewer).querySelector('cc-qa-review')?.shadowRoot?.querySelector('table'),
        undefined,
        { timeout: 8000 },
      ).then(() => root(reviewer).querySelector('cc-qa-review')!.shadowRoot!);
      expect(panel.querySelector('td.comment')!.textContent).to.contain('<img src=x');
      expect(panel.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      await expectAccessible(reviewer);
      const accept = [...panel.querySelectorAll<HTMLInputElement>('input[name=outcome]')][0]!;
      accept.click();
      const comment = panel.querySelector<HTMLTextAreaElement>('section textarea')!;
      comment.value = 'Checked the recording; agreed.';
      comment.dispatchEvent(new Event('input'));
      const resolved = new Promise<Evaluation>((resolve) =>
        reviewer.addEventListener('cc-dispute-resolved', (e) => resolve(e.evaluation), {
          once: true,
        }),
      );
      panel.querySelector<HTMLButtonElement>('section .actions button')!.click();
      const done = await resolved;
      expect(done.state).to.equal('resolved');
      expect(done.revision).to.equal(round + 1);
      await waitUntil(
        () => panel.querySelectorAll('[part=history] > ol > li').length === round + 1,
        `the history shows every revision: ${panel.textContent}`,
        { timeout: 8000 },
      );
      reviewer.remove();
    }
    const versions = await clientFor(AGENT).qa.evaluations.versions(sent.id);
    expect(versions.items.map((v) => v.revision)).to.deep.equal(
      Array.from({ length: max + 1 }, (_, i) => i + 1),
    );
    const agent = mount(clientFor(AGENT), sent.id);
    await loaded(agent);
    expect(buttons(agent)).to.deep.equal([]);
    expect(root(agent).textContent).to.contain('No disputes left');
  });

  it('lets a reviewer partly accept (chosen scores) or reject, beside the original', async function () {
    const tpl = await clientFor(QA).qa.templates.get('tpl_outbound');
    const sent = await submitted(tpl);
    const [first, second] = tpl.sections.flatMap((s) => s.criteria);
    const agent = clientFor(AGENT);
    const ask = async (ev: Evaluation) =>
      agent.qa.disputes.create(
        ev.id,
        {
          items: [first!, second!].map((c) => ({
            criterionId: c.id,
            proposedValue: 0,
            reason: 'Asked for a second look.',
          })),
        },
        { ifMatch: ev.version },
      );
    const decide = async (outcome: 'partially_accepted' | 'rejected') => {
      const reviewer = mount(clientFor(SUPERVISOR), sent.id);
      await loaded(reviewer);
      const panel = await waitUntil(
        () => root(reviewer).querySelector('cc-qa-review')?.shadowRoot?.querySelector('table'),
        undefined,
        { timeout: 8000 },
      ).then(() => root(reviewer).querySelector('cc-qa-review')!.shadowRoot!);
      const review = root(reviewer).querySelector('cc-qa-review') as unknown as CcQaScorecard;
      expect(
        [...panel.querySelectorAll('tbody th')].map((t) => t.textContent!.trim()),
      ).to.deep.equal([first!, second!].map((c) => c.title.en));
      const radios = [...panel.querySelectorAll<HTMLInputElement>('input[name=outcome]')];
      radios[outcome === 'rejected' ? 2 : 1]!.click();
      await review.updateComplete;
      if (outcome === 'partially_accepted') {
        // Only the first item's score is applied; the second keeps its original.
        const select = panel.querySelector<HTMLSelectElement>('tbody select')!;
        select.value = '0';
        select.dispatchEvent(new Event('change'));
      }
      const comment = panel.querySelector<HTMLTextAreaElement>('section textarea')!;
      comment.value = 'Reviewed.';
      comment.dispatchEvent(new Event('input'));
      const resolved = new Promise<Evaluation>((resolve) =>
        reviewer.addEventListener('cc-dispute-resolved', (e) => resolve(e.evaluation), {
          once: true,
        }),
      );
      panel.querySelector<HTMLButtonElement>('section .actions button')!.click();
      const done = await resolved;
      reviewer.remove();
      return done;
    };
    await ask(sent);
    const partly = await decide('partially_accepted');
    expect(partly.state).to.equal('resolved');
    const afterPartial = (await clientFor(QA).qa.evaluations.versions(sent.id)).items;
    expect(afterPartial.length).to.equal(2);
    const latest = afterPartial.at(-1)!;
    const value = (id: string) => latest.answers.find((a) => a.criterionId === id)!.value;
    expect(value(first!.id)).to.equal(0);
    expect(value(second!.id)).to.not.equal(0);
    await ask(await agent.qa.evaluations.get(sent.id));
    const rejected = await decide('rejected');
    expect(rejected.state).to.equal('resolved');
    expect(rejected.revision).to.equal(2);
    expect(rejected.disputes.map((d) => d.outcome)).to.deep.equal([
      'partially_accepted',
      'rejected',
    ]);
  });

  it('shows the linked praise and justified complaints', async () => {
    const qa = clientFor(QA);
    const praise = (await qa.tickets.list({ kind: ['praise'], limit: 1 })).items[0]!;
    const tpl = await inbound();
    const ev = await qa.qa.evaluations.create({
      templateId: tpl.id,
      agentId: AGENT,
      linkedTicketIds: [praise.id],
    });
    const el = mount(qa, ev.id);
    await loaded(el);
    expect(root(el).textContent).to.contain('Linked complaints and praise');
    expect(root(el).textContent).to.contain(`#${praise.number}`);
    expect(root(el).textContent).to.contain(praise.subject);
  });

  it('offers the justified complaints about the call, and links the one ticked', async function () {
    this.timeout(40_000);
    const qa = clientFor(QA);
    const stamp = `scorecard-link-${Date.now()}`;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const ingested = await clientFor(SUPERVISOR).calls.ingest({
      calls: [
        {
          externalId: stamp,
          queue: 'general',
          agentId: AGENT,
          direction: 'inbound',
          offeredAt: at,
        },
      ],
    });
    const callId = ingested.results[0]!.id!;
    const file = (description: string) =>
      clientFor(AGENT).complaints.file({
        customer: { name: 'Li Na' },
        channel: 'phone',
        categoryId: 'cat_service_attitude',
        severity: 'medium',
        description,
        relatedCallId: callId,
      });
    const [justified, open] = await Promise.all([
      file(`${stamp}: the agent was rude and hung up.`),
      file(`${stamp}: no verdict yet on this one.`),
    ]);
    await clientFor('usr_complaints_1').complaints.verdict(
      justified.id,
      { justified: true, finding: 'The agent quoted the wrong tariff.' },
      { ifMatch: justified.version },
    );
    const ev = await qa.qa.evaluations.create({
      templateId: 'tpl_inbound',
      agentId: AGENT,
      callId,
    });
    const el = mount(qa, ev.id);
    await loaded(el);
    const boxes = () => [
      ...root(el).querySelectorAll<HTMLInputElement>('[part=links] input[type=checkbox]'),
    ];
    // Only the justified one is offered (the other is not linkable), unticked.
    expect(boxes().map((b) => b.value)).to.deep.equal([justified.id]);
    expect(boxes()[0]!.checked).to.equal(false);
    expect(root(el).querySelector('[part=links]')!.textContent).to.contain(`#${justified.number}`);
    expect(open.id).to.not.equal(justified.id);
    await expectAccessible(el);
    // By keyboard: the checkbox takes Space.
    boxes()[0]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.matches(':state(dirty)')).to.equal(true);
    await el.save();
    expect(el.evaluation!.linkedTicketIds).to.deep.equal([justified.id]);
    expect((await qa.qa.evaluations.get(ev.id)).linkedTicketIds).to.deep.equal([justified.id]);
    // Unticking unlinks it.
    boxes()[0]!.click();
    await el.updateComplete;
    await el.save();
    expect((await qa.qa.evaluations.get(ev.id)).linkedTicketIds).to.deep.equal([]);
  });

  it('refresh() reads a dispute raised elsewhere, and the reviewer gets the decision', async function () {
    this.timeout(30_000);
    const ev = await submitted(await inbound());
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    expect(root(el).querySelector('cc-qa-review table')).to.equal(null);
    await clientFor(AGENT).qa.disputes.create(
      ev.id,
      { items: [{ criterionId: 'accuracy', proposedValue: 4, reason: 'Tariff was right.' }] },
      { ifMatch: ev.version },
    );
    await el.refresh();
    await waitUntil(
      () => root(el).querySelector('cc-qa-review')?.shadowRoot?.querySelector('table'),
      'no review',
      {
        timeout: 8000,
      },
    );
    expect(el.evaluation!.state).to.equal('disputed');
  });

  it('closes disputes after the window', async () => {
    const page = await clientFor(AGENT).qa.evaluations.list({
      limit: 100,
      state: ['acknowledged'],
    });
    const old = page.items.find(
      (e) =>
        e.disputeWindowEndsAt &&
        Date.parse(e.disputeWindowEndsAt) < Date.now() &&
        e.disputesRemaining > 0,
    );
    expect(old, 'a seeded evaluation past its window').to.not.equal(undefined);
    const el = mount(clientFor(AGENT), old!.id);
    await loaded(el);
    expect(buttons(el)).to.deep.equal([]);
    expect(root(el).textContent).to.contain('dispute window closed');
    // The call it scores, by its time and talk time (seeded evaluations score real calls).
    if (old!.callId) expect(root(el).querySelector('.meta')!.textContent).to.contain('talk time');
  });

  it('renders hostile text as text', async () => {
    const tpl = await inbound();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const ev = await draft(tpl, [
      { criterionId: tpl.sections[0]!.criteria[0]!.id, value: 1, na: false, comment: payload },
    ]);
    await clientFor(QA).qa.evaluations.update(ev.id, { comment: payload }, { ifMatch: ev.version });
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    expect(root(el).querySelector('textarea')!.value).to.equal(payload);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('is accessible in evaluator and agent mode, light and dark', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl);
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    await expectAccessible(el);
    el.theme = 'dark';
    await el.updateComplete;
    await expectAccessible(el);
    const sent = await submitted(tpl);
    const agent = mount(clientFor(AGENT), sent.id, 'zh-Hant');
    await loaded(agent);
    await expectAccessible(agent);
    expect(root(agent).querySelector('h2')!.textContent).to.equal('來電品質評核');
  });

  it('can be filled in with the keyboard alone', async () => {
    const tpl = await inbound();
    const ev = await draft(tpl);
    const el = mount(clientFor(QA), ev.id);
    await loaded(el);
    // Section navigation: the first section link moves focus to its heading.
    const link = root(el).querySelector<HTMLButtonElement>('nav button')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement!.id).to.equal(`s-${tpl.sections[0]!.id}`);
    // Tab into the first criterion's choices, arrow to "No", tab to its comment and type.
    await sendKeys({ press: 'Tab' });
    expect((root(el).activeElement as HTMLInputElement).type).to.equal('radio');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const first = tpl.sections[0]!.criteria[0]!;
    expect(el.answers.get(first.id)!.value).to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.tagName).to.equal('TEXTAREA');
    await sendKeys({ type: 'Forgot the job number.' });
    expect(el.answers.get(first.id)!.comment).to.equal('Forgot the job number.');
    expect(el.matches(':state(dirty)')).to.equal(true);
  });

  it('lists evaluations without an id, and opens one', async () => {
    const el = mount(clientFor(AGENT));
    await loaded(el);
    const items = root(el).querySelectorAll<HTMLButtonElement>('.list button');
    expect(items.length).to.be.greaterThan(0);
    items[0]!.click();
    await loaded(el);
    await waitUntil(() => root(el).querySelector('article'), undefined, { timeout: 8000 });
    expect(root(el).querySelector('[part=total]')).to.not.equal(null);
  });

  it('starts an evaluation of a call for an evaluator, and not for an agent', async () => {
    const tag = (client: CcClient) =>
      fixtureSync<CcQaScorecard>(
        html`<cc-qa-scorecard
          .client=${client}
          agent-id=${AGENT}
          template-id="tpl_outbound"
          call-id="call_start_test"
          locale="en"
        ></cc-qa-scorecard>`,
      );
    const agent = tag(clientFor(AGENT));
    await loaded(agent);
    expect(root(agent).textContent).to.not.contain('Evaluate this call');
    const el = tag(clientFor(SUPERVISOR));
    await loaded(el);
    root(el).querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitUntil(() => root(el).querySelector('article fieldset'), 'no draft opened', {
      timeout: 8000,
    });
    expect(el.evaluation!.callId).to.equal('call_start_test');
    expect(el.evaluation!.state).to.equal('draft');
    expect(buttons(el)).to.deep.equal(['Save draft', 'Submit']);
  });

  it('shows the error state and retries when the API fails', async () => {
    let fail = true;
    const faulty: typeof fetch = (input, init) =>
      fail && String(input instanceof Request ? input.url : input).includes('/qa/evaluations/')
        ? Promise.resolve(new Response('{}', { status: 503 }))
        : fetch(input, init);
    const tpl = await inbound();
    const ev = await draft(tpl);
    const el = mount(clientFor(QA, faulty), ev.id);
    const errors: unknown[] = [];
    el.addEventListener('cc-error', (e) => errors.push(e));
    await loaded(el);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(errors.length).to.equal(1);
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await waitUntil(() => root(el).querySelector('article'), undefined, { timeout: 8000 });
  });
});
