import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-detail.js';
import type { CcClient } from '../shared/client.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import { apiUrl, clientFor, useServer } from '../test-utils/server.js';
import type { CcTicketDetail } from './ticket-detail.js';
import { messages } from './ticket-detail.i18n.js';

type Ticket = Schema<'Ticket'>;

const agent = () => clientFor({ userId: 'usr_agent_1_01' });

before(async function () {
  this.timeout(30000);
  await useServer();
  await agent().me.get();
});

const mount = (client: CcClient, ticketId?: string, locale = 'en') =>
  fixtureSync<CcTicketDetail>(
    html`<cc-ticket-detail
      .client=${client}
      ticket-id=${ticketId ?? ''}
      locale=${locale}
      time-zone="Asia/Shanghai"
      closable
    ></cc-ticket-detail>`,
  );

const root = (el: CcTicketDetail) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: CcTicketDetail, selector: string) =>
  root(el).querySelector<T>(selector);

const loaded = async (el: CcTicketDetail) => {
  await waitUntil(() => $(el, 'h2'), 'the ticket did not load', { timeout: 8000 });
  await waitUntil(() => !el.matches(':state(refreshing)'), 'still refreshing', { timeout: 8000 });
  await el.updateComplete;
};

const unique = () => `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh ticket of the agent's own, so tests never step on each other's data. */
function ownTicket(subject = `Customer asks about a bill ${unique()}`): Promise<Ticket> {
  return agent().tickets.create({
    kind: 'general_call',
    subject,
    description: 'Asked twice about the same charge.',
    priority: 'normal',
    channel: 'phone',
  });
}

describe('<cc-ticket-detail> against the reference server', function () {
  // A busy shared machine answers slowly at times; the tests measure behaviour, not speed.
  this.timeout(30000);

  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it('asks for a ticket while none is chosen', async () => {
    const el = mount(agent());
    await waitUntil(() => el.matches(':state(empty)'), 'no empty state');
    await el.updateComplete;
    expect(root(el).textContent).to.contain('Choose a ticket to see its details.');
    await expectAccessible(el);
  });

  it('shows the fields, comments and activity the server has', async () => {
    const ticket = await ownTicket();
    await agent().tickets.comments.add(ticket.id, { body: 'Called back.', visibility: 'internal' });
    const el = mount(agent(), ticket.id);
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    await loaded(el);
    expect($(el, 'h2')!.textContent).to.contain(`Ticket #${ticket.number}`);
    expect($(el, 'h2')!.textContent).to.contain(ticket.subject);
    const fields = $(el, '[part=fields]')!.textContent!;
    expect(fields).to.contain('General call');
    expect(fields).to.contain('Asked twice about the same charge.');
    expect($(el, '.comments .body')!.textContent).to.equal('Called back.');
    const activity = await agent().tickets.activity.list(ticket.id);
    expect(root(el).querySelectorAll('.activity li').length).to.equal(activity.items.length);
    const offered = [...root(el).querySelectorAll<HTMLElement>('[data-transition]')].map(
      (b) => b.dataset.transition,
    );
    expect(offered).to.deep.equal(ticket.allowedTransitions);
    expect(el.ticket?.id).to.equal(ticket.id);
    await expectAccessible(el);
  });

  it('works from the keyboard: an action with a reason, then Escape closes', async () => {
    const created = await ownTicket();
    const ticket = await agent().tickets.transition(
      created.id,
      { transition: 'start' },
      { ifMatch: created.version },
    );
    const el = mount(agent(), ticket.id);
    await loaded(el);
    const transitioned: Event[] = [];
    const closed: Event[] = [];
    el.addEventListener('cc-ticket-transitioned', (e) => transitioned.push(e));
    el.addEventListener('cc-ticket-close', (e) => closed.push(e));
    el.focus();
    expect(root(el).activeElement?.localName).to.equal('h2');
    // Tab to the close button, then on to the first action.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('Close details');
    const escalate = $<HTMLButtonElement>(el, '[data-transition=escalate]')!;
    while (root(el).activeElement !== escalate) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    // The reason field takes focus; it is required before anything is sent.
    await waitUntil(() => root(el).activeElement?.id === 'transition-text', 'no reason field');
    await sendKeys({ type: 'The customer asks for a supervisor' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('Apply');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transitioned.length === 1, 'no cc-ticket-transitioned', {
      timeout: 5000,
    });
    await waitUntil(() => el.ticket?.state === 'escalated');
    expect((await agent().tickets.get(ticket.id)).state).to.equal('escalated');
    $(el, 'h2')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(closed.length).to.equal(1);
  });

  it('on a 412 shows what changed; keeping their version applies nothing', async () => {
    const ticket = await ownTicket();
    const el = mount(agent(), ticket.id);
    el.noLive = true; // the stale copy stays on screen, as when the event has not arrived yet
    await loaded(el);
    await clientFor({ role: 'operations_manager' }).tickets.update(
      ticket.id,
      { priority: 'urgent', subject: `${ticket.subject} (edited)` },
      { ifMatch: ticket.version },
    );
    $<HTMLButtonElement>(el, '[data-transition=start]')!.click();
    await waitUntil(() => $(el, '.conflict'), 'no conflict shown', { timeout: 5000 });
    const conflict = $(el, '.conflict')!;
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.textContent).to.contain('Priority: Normal → Urgent');
    expect(conflict.textContent).to.contain('(edited)');
    await expectAccessible(el);
    conflict.querySelector<HTMLButtonElement>('[data-action=discard]')!.click();
    await waitUntil(() => !$(el, '.conflict'));
    const fresh = await agent().tickets.get(ticket.id);
    expect(fresh.state).to.equal('new');
    expect(fresh.priority).to.equal('urgent');
    await waitUntil(() => el.ticket?.priority === 'urgent');
  });

  it('renders HTML and script payloads as text', async () => {
    const payload = '<img src=x onerror="window.__pwnedDetail=1">';
    const ticket = await agent().tickets.create({
      kind: 'general_call',
      subject: `${payload} ${unique()}`,
      description: '<script>window.__pwnedDetail=2</script>',
      priority: 'normal',
      channel: 'phone',
    });
    await agent().tickets.comments.add(ticket.id, { body: payload, visibility: 'internal' });
    const el = mount(agent(), ticket.id);
    await loaded(el);
    expect($(el, 'h2')!.textContent).to.contain(payload);
    expect($(el, '.description')!.textContent).to.equal('<script>window.__pwnedDetail=2</script>');
    expect($(el, '.comments .body')!.textContent).to.equal(payload);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwnedDetail?: number }).__pwnedDetail).to.equal(undefined);
  });

  it('shows the shared error state and fires cc-error when the server fails', async () => {
    const ticket = await ownTicket();
    const anonymous = createClient({ baseUrl: apiUrl() });
    // Fault injection on top of the real server: reading the ticket answers 503 once.
    let failures = 0;
    const client = createClient({
      baseUrl: apiUrl(),
      retry: { attempts: 1 },
      getToken: async () => (await anonymous.demo.token({ userId: 'usr_agent_1_01' })).token,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith(`/v1/tickets/${ticket.id}`) && failures++ === 0) {
          return new Response(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          });
        }
        return fetch(input, init);
      },
    });
    const errors: Event[] = [];
    const el = mount(client, ticket.id);
    el.addEventListener('cc-error', (e) => errors.push(e));
    await waitUntil(() => el.matches(':state(error)'), 'no error state', { timeout: 8000 });
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~=retry-button]')!.click();
    await loaded(el);
    expect(el.matches(':state(error)')).to.equal(false);
  });

  for (const [locale, heading, field] of [
    ['zh-Hans', '工单 #', '处理部门'],
    ['zh-Hant', '工單 #', '處理部門'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const ticket = await ownTicket();
      const el = mount(agent(), ticket.id, locale);
      await loaded(el);
      expect($(el, 'h2')!.textContent).to.contain(heading);
      expect(root(el).textContent).to.contain(field);
      expect(el.getAttribute('lang')).to.match(new RegExp(`^${locale}`));
      await expectAccessible(el);
    });
  }

  it('lets a complaint supervisor route a complaint to another department, from the keyboard', async () => {
    const complaint = await agent().complaints.file({
      customer: { name: 'Li Na', phone: '13812345678' },
      channel: 'phone',
      categoryId: 'cat_billing_dispute',
      severity: 'high',
      description: `Charged twice for roaming ${unique()}`,
      customFields: { invoiceNumber: 'INV-20261001' },
    });
    const supervisor = clientFor({ role: 'complaint_supervisor' });
    const el = mount(supervisor, complaint.id);
    await loaded(el);
    const select = $<HTMLSelectElement>(el, '#route-department')!;
    const current = [...select.options].find((o) => o.value === complaint.departmentId);
    expect(current?.textContent).to.contain('(current)');
    const target = [...select.options].find((o) => o.value && o.value !== complaint.departmentId)!;
    const targetName = target.textContent!.trim();
    select.focus();
    select.value = target.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('route-reason');
    await sendKeys({ type: 'Roaming charges belong to <b>billing</b>' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('Route');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.ticket?.departmentId === target.value, 'not routed', {
      timeout: 8000,
    });
    expect((await supervisor.tickets.get(complaint.id)).departmentId).to.equal(target.value);
    await waitUntil(
      () =>
        [...root(el).querySelectorAll('.activity li')].some((li) =>
          li.textContent!.includes('Roaming charges belong to <b>billing</b>'),
        ),
      'no routed entry in the activity',
      { timeout: 8000 },
    );
    expect($(el, '[part=fields]')!.textContent).to.contain(targetName);
    expect(root(el).querySelector('b')).to.equal(null);
    await expectAccessible(el);
  });

  it('does not offer routing to an agent', async () => {
    const complaint = await agent().complaints.file({
      customer: { name: 'Li Na', phone: '13812345678' },
      channel: 'phone',
      categoryId: 'cat_billing_dispute',
      severity: 'medium',
      description: `Charged twice ${unique()}`,
      customFields: { invoiceNumber: 'INV-20261002' },
    });
    const el = mount(agent(), complaint.id);
    await loaded(el);
    expect($(el, '#route-department')).to.equal(null);
    expect($(el, '.route-form')).to.equal(null);
  });

  it('is accessible in the dark theme, for a supervisor who may assign', async () => {
    const ticket = await ownTicket();
    const el = mount(clientFor({ role: 'operations_manager' }), ticket.id);
    el.theme = 'dark';
    await loaded(el);
    expect($(el, '#assignee')).to.not.equal(null);
    expect(el.getAttribute('theme')).to.equal('dark');
    await expectAccessible(el);
  });
});
