import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-bulk.js';
import type { CcClient } from '../shared/client.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import type { CcTicketBulk } from './ticket-bulk.js';
import type { CcSelectionChangeEvent } from './ticket-bulk.events.js';
import { messages } from './ticket-bulk.i18n.js';

type Ticket = Schema<'Ticket'>;

let apiUrl: string;
let agent: CcClient;

before(async function () {
  this.timeout(30000);
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  const anonymous = createClient({ baseUrl: apiUrl });
  agent = createClient({
    baseUrl: apiUrl,
    getToken: async () => (await anonymous.demo.token({ userId: 'usr_agent_1_01' })).token,
  });
});

const mount = (tickets: Ticket[], locale = 'en') =>
  fixtureSync<CcTicketBulk>(
    html`<cc-ticket-bulk .client=${agent} .tickets=${tickets} locale=${locale}></cc-ticket-bulk>`,
  );
const $ = <T extends HTMLElement = HTMLElement>(el: CcTicketBulk, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

const ownTicket = (subject: string) =>
  agent.tickets.create({ kind: 'general_call', subject, priority: 'normal', channel: 'phone' });

describe('<cc-ticket-bulk> against the reference server', function () {
  // A busy shared machine answers slowly at times; the tests measure behaviour, not speed.
  this.timeout(30000);

  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it('says so when no ticket is given', async () => {
    const el = mount([]);
    await waitUntil(() => el.matches(':state(empty)'), 'no empty state', { timeout: 8000 });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No ticket selected.');
  });

  it('moves tickets from the keyboard, one result per ticket: a 412 does not fail the rest', async () => {
    const tickets = [
      await ownTicket('Bulk one'),
      await ownTicket('Bulk two <img src=x onerror="window.__pwnedBulk=1">'),
    ];
    // Someone else changes the second one after it was read.
    await agent.tickets.update(
      tickets[1]!.id,
      { priority: 'high' },
      { ifMatch: tickets[1]!.version },
    );
    const el = mount(tickets);
    const kept: CcSelectionChangeEvent[] = [];
    const moved: Event[] = [];
    el.addEventListener('cc-selection-change', (e) => kept.push(e));
    el.addEventListener('cc-ticket-transitioned', (e) => moved.push(e));
    await waitUntil(() => $(el, '#bulk-transition'), 'no bar', { timeout: 8000 });
    expect($(el, '[role=status]')!.textContent).to.contain('2 selected');
    await expectAccessible(el);
    const select = $<HTMLSelectElement>(el, '#bulk-transition')!;
    select.focus();
    // Choose "Start work" from the keyboard, then Tab to Apply.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => select.value === 'start', 'not chosen');
    await el.updateComplete;
    const apply = $<HTMLButtonElement>(el, '[type=submit]')!;
    while (el.shadowRoot!.activeElement !== apply) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.bulk-results'), 'no results', { timeout: 8000 });
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bulk-results li')];
    expect(items.map((li) => li.dataset.status).sort()).to.deep.equal(['200', '412']);
    expect(el.results!.length).to.equal(2);
    expect(moved.length).to.equal(1);
    // The one that failed stays selected, to try again.
    expect(kept.at(-1)!.ticketIds).to.deep.equal([tickets[1]!.id]);
    expect($(el, '.bulk-results img')).to.equal(null);
    await expectAccessible(el);
  });

  it('speaks zh-Hant', async () => {
    const el = mount([await ownTicket('Bulk zh-Hant')], 'zh-Hant');
    await waitUntil(() => $(el, 'form'), 'no bar', { timeout: 8000 });
    expect(el.shadowRoot!.textContent).to.contain('已選取 1 張');
    expect(el.shadowRoot!.textContent).to.contain('取消選取');
  });
});
