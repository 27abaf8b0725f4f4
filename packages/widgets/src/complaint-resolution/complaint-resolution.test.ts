import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-detail.js';
import '../define/cc-complaint-resolution.js';
import type { CcClient } from '../shared/client.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import { apiUrl, clientFor, useServer } from '../test-utils/server.js';
import type { CcTicketDetail } from '../ticket-detail/ticket-detail.js';
import type { CcComplaintResolution } from './complaint-resolution.js';
import { messages } from './complaint-resolution.i18n.js';

type Ticket = Schema<'Ticket'>;

const AGENT = 'usr_agent_1_01';
const agent = () => clientFor({ userId: AGENT });
const boss = () => clientFor({ role: 'complaint_supervisor' });
const manager = () => clientFor({ role: 'operations_manager' });

before(async function () {
  this.timeout(60000);
  await useServer();
  await agent().me.get();
});

const unique = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh complaint, so tests never step on each other's data. */
function complaint(description = `Charged twice for roaming ${unique()}`): Promise<Ticket> {
  return agent().complaints.file({
    customer: { name: 'Li Na', phone: '13812345678' },
    channel: 'phone',
    categoryId: 'cat_billing_dispute',
    severity: 'high',
    description,
    customFields: { invoiceNumber: 'INV-20261001' },
  });
}

/** Moves a complaint through start and resolve, as the complaint supervisor. */
async function resolved(t: Ticket): Promise<Ticket> {
  const open = await boss().tickets.transition(
    t.id,
    { transition: 'start' },
    { ifMatch: t.version },
  );
  return boss().tickets.transition(
    t.id,
    { transition: 'resolve', resolution: 'Refunded the roaming charge.' },
    { ifMatch: open.version },
  );
}

const standalone = (client: CcClient, id: string, locale = 'en', timeZone = 'Asia/Shanghai') =>
  fixtureSync<CcComplaintResolution>(
    html`<cc-complaint-resolution
      .client=${client}
      ticket-id=${id}
      locale=${locale}
      time-zone=${timeZone}
    ></cc-complaint-resolution>`,
  );

/** The facts shown, label -> value. */
const facts = (el: HTMLElement) =>
  Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll('[part=facts] dt')].map((dt) => [
      dt.textContent!.trim(),
      dt.nextElementSibling!.textContent!.trim(),
    ]),
  );

const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const active = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;

const ready = async (el: CcComplaintResolution) => {
  await waitUntil(() => $(el, '[part=verdict]'), 'the complaint did not load', { timeout: 15000 });
  await el.updateComplete;
};

/** Types into a field as a user does (the element keeps the draft from input events). */
const type = async (field: HTMLElement, text: string) => {
  field.focus();
  await sendKeys({ type: text });
};

describe('<cc-complaint-resolution> against the reference server', function () {
  // Real server, real browser, a shared machine: generous limits.
  this.timeout(60000);

  it('has every string in en, zh-Hans and zh-Hant', () => {
    expectCompleteCatalog(messages);
  });

  it('inside <cc-ticket-detail>: close points at it; a complaint supervisor records the verdict and callback from the keyboard, then closes', async () => {
    const ticket = await resolved(await complaint());
    const detail = fixtureSync<CcTicketDetail>(
      html`<cc-ticket-detail
        .client=${boss()}
        ticket-id=${ticket.id}
        locale="en"
        time-zone="Asia/Shanghai"
      ></cc-ticket-detail>`,
    );
    const recorded: Event[] = [];
    detail.addEventListener('cc-complaint-verdict-record', (e) => recorded.push(e));
    detail.addEventListener('cc-complaint-callback-record', (e) => recorded.push(e));
    await waitUntil(() => $(detail, 'cc-complaint-resolution'), 'no outcome section', {
      timeout: 15000,
    });
    const el = $<CcComplaintResolution>(detail, 'cc-complaint-resolution')!;
    await ready(el);
    expect($(el, '[part=verdict]')!.textContent).to.contain('No verdict yet.');

    // Closing first: the server refuses (422); the detail points at this section.
    $<HTMLButtonElement>(detail, '[data-transition=close]')!.click();
    await waitUntil(() => $(detail, '[data-action=to-outcome]'), 'no pointer to the section', {
      timeout: 8000,
    });
    expect($(detail, '[role=alert]')!.textContent).to.contain('Complaint outcome');
    $(detail, '[data-action=to-outcome]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(active(el)?.localName).to.equal('h3');

    // Sending nothing: a message next to each field, focus on the first.
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('verdict-yes');
    const submit = $<HTMLButtonElement>(el, '#verdict-submit')!;
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#verdict-choice-error'), 'no message for the verdict');
    expect($(el, '#verdict-choice-error')!.textContent).to.contain('Choose whether');
    expect($(el, '#verdict-text-error')!.textContent).to.contain('Write down the finding.');
    expect($(el, '#verdict-text')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#verdict-text')!.getAttribute('aria-describedby')).to.equal('verdict-text-error');
    expect(active(el)?.getAttribute('name')).to.equal('verdict-choice');
    await expectAccessible(el);

    // Justified, with a finding: radio by keyboard, type, submit.
    active(el)!.blur();
    $(el, '#verdict-yes')!.focus();
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#verdict-yes')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('verdict-text');
    await sendKeys({ type: 'Roaming was charged without travel.' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('verdict-submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => recorded.length === 1, 'no cc-complaint-verdict-record', {
      timeout: 8000,
    });
    expect(recorded[0]!.type).to.equal('cc-complaint-verdict-record');
    expect(recorded[0]!.bubbles && recorded[0]!.composed).to.equal(true);
    const saved = (await boss().tickets.get(ticket.id)).complaint!.verdict!;
    expect(saved.justified).to.equal(true);
    expect(saved.finding).to.equal('Roaming was charged without travel.');
    await waitUntil(
      () => el.shadowRoot!.textContent!.includes('Verdict recorded: Justified.'),
      'no announcement',
      { timeout: 5000 },
    );
    expect($(el, '[data-justified]')!.textContent).to.contain('Justified');
    expect($(el, '[part=verdict] .meta')!.textContent).to.contain('Decided by');
    expect($(el, '#verdict-submit')!.textContent).to.contain('Revise verdict');
    // The detail read the ticket again: its activity has the verdict.
    await waitUntil(
      () =>
        [...detail.shadowRoot!.querySelectorAll('.activity li')].some((li) =>
          li.textContent!.includes('Verdict recorded'),
        ),
      'the activity log did not refresh',
      { timeout: 8000 },
    );

    // The customer could not be reached: the callback result, by keyboard.
    $(el, '#callback-unreachable')!.focus();
    await sendKeys({ press: 'Space' });
    await type($(el, '#callback-text')!, 'No answer at 10:05, voicemail left.');
    $(el, '#callback-submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => recorded.length === 2, 'no cc-complaint-callback-record', {
      timeout: 8000,
    });
    const callback = (await boss().tickets.get(ticket.id)).complaint!.callback!;
    expect(callback.outcome).to.equal('unreachable');
    expect(callback.note).to.equal('No answer at 10:05, voicemail left.');
    await waitUntil(() => $(el, '[data-outcome=unreachable]'), 'callback not shown');

    // Now it closes, and the section turns read-only.
    await waitUntil(() => !detail.matches(':state(refreshing)'), 'still refreshing', {
      timeout: 8000,
    });
    $<HTMLButtonElement>(detail, '[data-transition=close]')!.click();
    await waitUntil(() => detail.ticket?.state === 'closed', 'not closed', { timeout: 8000 });
    await waitUntil(() => !$(el, 'form'), 'forms still offered', { timeout: 8000 });
    expect($(el, '.closed')!.textContent).to.contain('can no longer change');
    expect($(detail, '[data-action=to-outcome]')).to.equal(null);
    await expectAccessible(el);
  });

  it('on a 412 reloads the complaint, keeps what was typed and records on the next try', async () => {
    const ticket = await complaint();
    const el = standalone(boss(), ticket.id);
    await ready(el);
    $(el, '#verdict-no')!.click();
    await type($(el, '#verdict-text')!, 'The charge was correct: the customer was abroad.');
    // Another writer changes the complaint between load and submit.
    const changed = await manager().tickets.update(
      ticket.id,
      { priority: 'urgent' },
      { ifMatch: ticket.version },
    );
    const recorded: Event[] = [];
    el.addEventListener('cc-complaint-verdict-record', (e) => recorded.push(e));
    $<HTMLButtonElement>(el, '#verdict-submit')!.click();
    await waitUntil(() => $(el, '#verdict-error'), 'no conflict message', { timeout: 8000 });
    expect($(el, '#verdict-error')!.getAttribute('role')).to.equal('alert');
    expect($(el, '#verdict-error')!.textContent).to.contain('Someone else changed this complaint');
    await waitUntil(() => el.current?.version === changed.version, 'not reloaded');
    expect($<HTMLTextAreaElement>(el, '#verdict-text')!.value).to.equal(
      'The charge was correct: the customer was abroad.',
    );
    expect($<HTMLInputElement>(el, '#verdict-no')!.checked).to.equal(true);
    expect((await boss().tickets.get(ticket.id)).complaint!.verdict).to.equal(null);
    expect(recorded.length).to.equal(0);
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '#verdict-submit')!.click();
    await waitUntil(() => recorded.length === 1, 'not recorded on the second try', {
      timeout: 8000,
    });
    const verdict = (await boss().tickets.get(ticket.id)).complaint!.verdict!;
    expect(verdict.justified).to.equal(false);
    expect($(el, '#verdict-error')).to.equal(null);
  });

  it('starts afresh for another complaint: nothing typed for the previous one carries over', async () => {
    const [first, second] = await Promise.all([complaint(), complaint()]);
    const el = standalone(boss(), first.id);
    await ready(el);
    $(el, '#verdict-yes')!.click();
    await type($(el, '#verdict-text')!, 'Half-written finding');
    el.ticketId = second.id;
    await waitUntil(() => el.current?.id === second.id, 'the second complaint did not load', {
      timeout: 8000,
    });
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#verdict-text')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#verdict-yes')!.checked).to.equal(false);
  });

  it('says so when the complaint was closed meanwhile (409) and turns read-only', async () => {
    const ticket = await resolved(await complaint());
    const v = await boss().complaints.verdict(
      ticket.id,
      { justified: false, finding: 'Billing was right.' },
      { ifMatch: ticket.version },
    );
    const c = await boss().complaints.callback(
      ticket.id,
      { outcome: 'satisfied' },
      { ifMatch: v.version },
    );
    const el = standalone(boss(), ticket.id);
    await ready(el);
    await boss().tickets.transition(ticket.id, { transition: 'close' }, { ifMatch: c.version });
    const finding = $<HTMLTextAreaElement>(el, '#verdict-text')!;
    finding.select();
    await sendKeys({ type: 'Revised: partly justified after all.' });
    $(el, '#verdict-yes')!.click();
    $<HTMLButtonElement>(el, '#verdict-submit')!.click();
    await waitUntil(() => $(el, '.closed'), 'no closed message', { timeout: 8000 });
    expect($(el, '.closed')!.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.textContent).to.contain('This complaint is closed');
    expect($(el, 'form')).to.equal(null);
    expect((await boss().tickets.get(ticket.id)).complaint!.verdict!.finding).to.equal(
      'Billing was right.',
    );
  });

  it('shows the server’s field errors next to the field and keeps the text', async () => {
    const ticket = await complaint();
    const el = standalone(manager(), ticket.id);
    await ready(el);
    const errors: Event[] = [];
    el.addEventListener('cc-error', (e) => errors.push(e));
    $(el, '#verdict-yes')!.click();
    // Longer than the API takes (4000): maxlength stops typing, not a paste by script.
    const long = 'x'.repeat(4001);
    const finding = $<HTMLTextAreaElement>(el, '#verdict-text')!;
    finding.value = long;
    finding.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#verdict-submit')!.click();
    await waitUntil(() => $(el, '#verdict-text-error'), 'no field error', { timeout: 8000 });
    expect($(el, '#verdict-text-error')!.textContent).to.contain('was not accepted');
    expect(active(el)?.id).to.equal('verdict-text');
    expect(finding.value).to.equal(long);
    expect(errors.length).to.equal(1);
    expect((await manager().tickets.get(ticket.id)).complaint!.verdict).to.equal(null);
  });

  it('renders a hostile finding and note as text', async () => {
    const ticket = await complaint();
    const payload =
      '<img src=x onerror="window.__pwnedOutcome=1"><script>window.__pwnedOutcome=2</script>';
    const v = await boss().complaints.verdict(
      ticket.id,
      { justified: true, finding: payload },
      { ifMatch: ticket.version },
    );
    await boss().complaints.callback(
      ticket.id,
      { outcome: 'unsatisfied', note: payload },
      { ifMatch: v.version },
    );
    const el = standalone(boss(), ticket.id);
    await ready(el);
    expect($(el, '[part=verdict] .text')!.textContent).to.equal(payload);
    expect($(el, '[part=callback] .text')!.textContent).to.equal(payload);
    expect($<HTMLTextAreaElement>(el, '#verdict-text')!.value).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwnedOutcome?: number }).__pwnedOutcome).to.equal(undefined);
  });

  const HOSTILE =
    '<img src=x onerror="window.__pwnedFacts=1"><script>window.__pwnedFacts=2</script>';

  for (const [locale, words] of [
    [
      'en',
      {
        heading: 'Complaint',
        category: ['Category', 'Billing and charges › Disputed charge'],
        severity: ['Severity', 'Serious'],
        wants: 'What the customer asks for',
        invoice: 'Invoice number',
        amount: ['Disputed amount (CNY)', '1,234.5'],
        callback: 'Preferred callback time',
        ackBy: 'Acknowledgement deadline',
        ackAt: ['Acknowledged', 'Not yet acknowledged'],
        plan: ['Plan', '500 Mbps'],
        location: 'Location',
        refund: ['Refund requested on', 'Nov 2, 2026'],
      },
    ],
    [
      'zh-Hant',
      {
        heading: '投訴內容',
        category: ['投訴類別', '帳單與計費 › 費用爭議'],
        severity: ['嚴重程度', '嚴重'],
        wants: '客戶訴求',
        invoice: '發票號碼',
        amount: ['爭議金額（元）', '1,234.5'],
        callback: '方便回電時間',
        ackBy: '受理期限',
        ackAt: ['受理時間', '尚未受理'],
        plan: ['方案', '500M 寬頻'],
        location: '所在地點',
        refund: ['申請退款日期', '2026年11月2日'],
      },
    ],
  ] as const) {
    it(`shows what the customer filed (${locale}): category, severity, request and the category's own fields, as text`, async () => {
      const filed = await agent().complaints.file({
        customer: { name: 'Li Na', phone: '13812345678' },
        channel: 'phone',
        categoryId: 'cat_billing_dispute',
        severity: 'high',
        description: `Charged twice for roaming ${unique()}`,
        desiredResolution: `Refund the charge.\n${HOSTILE}`,
        customFields: { invoiceNumber: 'INV-20261001', disputedAmount: 1234.5 },
        preferredCallbackAt: '2026-12-01T06:30:00Z',
      });
      // As the complaint supervisor opens it: the queue's detail, with the outcome section in it.
      const detail = fixtureSync<CcTicketDetail>(
        html`<cc-ticket-detail
          .client=${boss()}
          ticket-id=${filed.id}
          locale=${locale}
          time-zone="Asia/Shanghai"
        ></cc-ticket-detail>`,
      );
      await waitUntil(() => $(detail, 'cc-complaint-resolution'), 'no outcome section', {
        timeout: 15000,
      });
      const el = $<CcComplaintResolution>(detail, 'cc-complaint-resolution')!;
      await ready(el);
      await waitUntil(() => $(el, '#facts-h')?.textContent === words.heading, 'no heading', {
        timeout: 8000,
      });
      // Above the verdict, so the verdict is judged against what was asked.
      const facts$ = $(el, '[part=facts]')!;
      expect(facts$.compareDocumentPosition($(el, '[part=verdict]')!)).to.equal(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      const shown = facts(el);
      const at = (iso: string) =>
        new Intl.DateTimeFormat(el.fmt.tag, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Asia/Shanghai',
        }).format(new Date(iso));
      expect(shown[words.category[0]]).to.equal(words.category[1]);
      expect(shown[words.severity[0]]).to.equal(words.severity[1]);
      expect(shown[words.invoice]).to.equal('INV-20261001');
      expect(shown[words.amount[0]]).to.equal(words.amount[1]);
      expect(shown[words.callback]).to.equal(at('2026-12-01T06:30:00Z'));
      expect(shown[words.ackBy]).to.equal(at(filed.complaint!.acknowledgeBy));
      expect(shown[words.ackAt[0]]).to.equal(words.ackAt[1]);
      // What the customer asks for, hostile markup included, is text.
      expect($(el, '[part=facts] .text')!.textContent).to.equal(`Refund the charge.\n${HOSTILE}`);
      expect(shown[words.wants]).to.contain(HOSTILE);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as unknown as { __pwnedFacts?: number }).__pwnedFacts).to.equal(undefined);
      await expectAccessible(el);

      // An option by its label, a hostile text field as text, and a calendar day that stays the
      // same day in a time zone far from the server's.
      const speed = await agent().complaints.file({
        customer: { name: 'Li Na' },
        channel: 'phone',
        categoryId: 'cat_network_speed',
        severity: 'medium',
        description: `Slow every evening ${unique()}`,
        customFields: { location: HOSTILE, plan: '500m' },
      });
      const refund = await agent().complaints.file({
        customer: { name: 'Li Na' },
        channel: 'phone',
        categoryId: 'cat_billing_refund',
        severity: 'medium',
        description: `Refund never arrived ${unique()}`,
        customFields: { invoiceNumber: 'INV-20261002', refundRequestedOn: '2026-11-02' },
      });
      for (const [ticket, zone, [label, value]] of [
        [speed, 'Asia/Shanghai', words.plan],
        [refund, 'Pacific/Kiritimati', words.refund],
        [refund, 'Pacific/Pago_Pago', words.refund],
      ] as const) {
        const one = standalone(boss(), ticket.id, locale, zone);
        await ready(one);
        await waitUntil(() => facts(one)[label] === value, `${label} is not ${value} in ${zone}`, {
          timeout: 8000,
        });
        if (ticket === speed) {
          expect(facts(one)[words.location]).to.equal(HOSTILE);
          expect(one.shadowRoot!.querySelector('img, script')).to.equal(null);
          expect(facts(one)[words.wants]).to.equal(locale === 'en' ? 'No data' : '尚無資料');
        }
      }
    });
  }

  it('shows the raw category and field keys when the categories cannot be read, and still the outcome', async () => {
    const ticket = await complaint();
    const anonymous = createClient({ baseUrl: apiUrl() });
    // Fault injection on top of the real server: the categories always answer 503.
    let asked = 0;
    const client = createClient({
      baseUrl: apiUrl(),
      retry: { attempts: 1 },
      getToken: async () => (await anonymous.demo.token({ role: 'complaint_supervisor' })).token,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/v1/complaint-categories')) {
          asked++;
          return new Response(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          });
        }
        return fetch(input, init);
      },
    });
    const el = standalone(client, ticket.id);
    await ready(el);
    expect(asked).to.be.greaterThan(0);
    const shown = facts(el);
    expect(shown.Category).to.equal('cat_billing_dispute');
    expect(shown.Severity).to.equal('Serious');
    expect(shown.invoiceNumber).to.equal('INV-20261001');
    expect($(el, '#verdict-submit')).to.not.equal(null);
    expect(el.matches(':state(error)')).to.equal(false);
  });

  describe('per role', () => {
    let justified: Ticket;
    before(async function () {
      this.timeout(60000);
      const filed = await complaint();
      const assigned = await manager().tickets.update(
        filed.id,
        { assigneeId: AGENT },
        { ifMatch: filed.version },
      );
      justified = await boss().complaints.verdict(
        filed.id,
        { justified: true, finding: 'The bill double-counted roaming.' },
        { ifMatch: assigned.version },
      );
    });

    const offered = (el: CcComplaintResolution) => ({
      verdict: !!$(el, '[part=verdict-form]'),
      callback: !!$(el, '[part=callback-form]'),
    });

    for (const [who, verdict, callback] of [
      [{ role: 'operations_manager' }, true, true],
      [{ role: 'complaint_supervisor' }, true, true],
      [{ userId: AGENT }, false, true],
      [{ userId: 'usr_agent_1_02' }, false, false],
      [{ role: 'qa_specialist' }, false, false],
    ] as const) {
      it(`${JSON.stringify(who)}: verdict form ${verdict}, callback form ${callback}`, async () => {
        const client = clientFor(who);
        let readable = true;
        try {
          await client.tickets.get(justified.id);
        } catch {
          readable = false;
        }
        if (!readable) {
          // An agent who does not see another agent's complaint gets nothing to record.
          expect(callback).to.equal(false);
          return;
        }
        const el = standalone(client, justified.id);
        await ready(el);
        expect(offered(el)).to.deep.equal({ verdict, callback });
        // Everyone who sees the complaint sees its verdict (QA specialists: justified ones).
        expect($(el, '[data-justified=true]')!.textContent).to.contain('Justified');
        expect($(el, '[part=verdict] .text')!.textContent).to.equal(
          'The bill double-counted roaming.',
        );
        await expectAccessible(el);
      });
    }

    it("a team supervisor records the callback of their team's complaints only", async () => {
      const client = clientFor({ role: 'supervisor' });
      const me = await client.me.get();
      const el = standalone(client, justified.id);
      await ready(el);
      expect(offered(el)).to.deep.equal({
        verdict: false,
        callback: justified.teamId === me.teamId,
      });
    });
  });

  for (const [locale, title, justifiedWord, callbackWord] of [
    ['zh-Hans', '投诉处理结果', '有效投诉', '客户回访'],
    ['zh-Hant', '客訴處理結果', '有理投訴', '客戶回電'],
  ] as const) {
    it(`speaks ${locale}, in the dark theme too`, async () => {
      const ticket = await complaint();
      const el = standalone(boss(), ticket.id, locale);
      el.theme = 'dark';
      await ready(el);
      // A locale's strings may load after the first render: wait for them, then check.
      await waitUntil(() => el.shadowRoot!.textContent!.includes(title), `no ${locale} strings`, {
        timeout: 8000,
      });
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain(title);
      expect(text).to.contain(justifiedWord);
      expect(text).to.contain(callbackWord);
      expect(el.getAttribute('lang')).to.match(new RegExp(`^${locale}`));
      await expectAccessible(el);
    });
  }
});
