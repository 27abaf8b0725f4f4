import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@cc-kit/sdk';
import { allowedTransitions } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-queue.js';
import type { CcClient } from '../shared/client.js';
import { expectAccessible } from '../test-utils/axe.js';
import { apiUrl, clientFor, useServer } from '../test-utils/server.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import type { CcTicketQueue, TicketQueueView } from './ticket-queue.js';
import type { CcTicketSelectEvent } from './ticket-queue.events.js';
import { messages } from './ticket-queue.i18n.js';
import { liveSla } from './sla-clock.js';

type Ticket = Schema<'Ticket'>;

before(async function () {
  this.timeout(30000);
  await useServer();
  // The first call loads the SDK's response schemas; do it once before timing anything.
  await clientFor({ role: 'agent' }).me.get();
});

const mount = (client: CcClient, view?: TicketQueueView, locale = 'en') =>
  fixtureSync<CcTicketQueue>(
    html`<cc-ticket-queue
      .client=${client}
      .view=${view}
      locale=${locale}
      time-zone="Asia/Shanghai"
    ></cc-ticket-queue>`,
  );

const loaded = async (el: CcTicketQueue) => {
  await waitUntil(
    () => el.matches(':state(empty)') || (el.tickets.length > 0 && !el.matches(':state(loading)')),
    'the queue did not load',
    { timeout: 8000 },
  );
  await waitUntil(() => !el.matches(':state(refreshing)'), 'still refreshing', { timeout: 8000 });
  if (el.tickets.length) {
    await waitUntil(() => rowsInDom(el).length > 0, 'no row rendered', { timeout: 4000 });
  }
  await el.updateComplete;
};

const root = (el: CcTicketQueue) => el.shadowRoot!;
/** The ticket's detail (<cc-ticket-detail>, created by the queue) and what is inside it. */
const panel = (el: CcTicketQueue) => root(el).querySelector('.detail')?.shadowRoot ?? null;
const inPanel = <T extends HTMLElement = HTMLElement>(el: CcTicketQueue, selector: string) =>
  panel(el)?.querySelector<T>(selector) ?? null;
/** The bulk bar (<cc-ticket-bulk>, created by the queue once rows are selected). */
const bulkRoot = (el: CcTicketQueue) => root(el).querySelector('.bulk')?.shadowRoot ?? null;
const inBulk = <T extends HTMLElement = HTMLElement>(el: CcTicketQueue, selector: string) =>
  bulkRoot(el)?.querySelector<T>(selector) ?? null;
const rowsInDom = (el: CcTicketQueue) =>
  [...root(el).querySelectorAll<HTMLElement>('.body [role=row]')].map((r) => r.dataset.id);

const unique = () => `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh ticket of the agent's own, so tests never step on each other's data. */
async function ownTicket(tag: string, subject = 'Customer asks about a bill'): Promise<Ticket> {
  return clientFor({ userId: 'usr_agent_1_01' }).tickets.create({
    kind: 'general_call',
    subject: `${subject} ${tag}`,
    priority: 'normal',
    channel: 'phone',
  });
}

const view = (filters: TicketQueueView['filters'], sort?: TicketQueueView['sort']) =>
  ({ id: 'test', name: 'test', filters, ...(sort ? { sort } : {}) }) as TicketQueueView;

describe('<cc-ticket-queue> against the reference server', function () {
  // A busy shared machine answers slowly at times; the tests measure behaviour, not speed.
  this.timeout(30000);

  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  for (const role of [
    'agent',
    'supervisor',
    'complaint_supervisor',
    'qa_specialist',
    'operations_manager',
  ] as const) {
    it(`shows a ${role} exactly the rows the server lets that role see`, async () => {
      const client = clientFor({ role });
      // Other test files write tickets on the same server meanwhile: compare what existed before.
      const createdTo = new Date(Date.now() - 1000).toISOString();
      const el = mount(client, view({ createdTo }, '-number'));
      await loaded(el);
      const expected = await client.tickets.list({
        createdTo,
        sort: '-number',
        limit: el.pageSize,
      });
      const counts = await client.tickets.counts({ createdTo, groupBy: 'state' });
      expect(el.tickets.map((t) => t.id)).to.deep.equal(expected.items.map((t) => t.id));
      const grid = root(el).querySelector('[role=grid]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal(String(counts.total + 1));
      // The role's default columns.
      const headers = [...root(el).querySelectorAll('[role=columnheader][data-col]')].map(
        (h) => (h as HTMLElement).dataset.col,
      );
      expect(headers).to.include.members(['number', 'subject', 'state', 'sla']);
      if (role === 'supervisor' || role === 'operations_manager') {
        expect(headers).to.include('assignee');
      }
      // Customers come masked as the server sends them for roles that may not see them.
      const masked = expected.items.find((t) => t.customer?.masked);
      if (masked?.customer?.name && headers.includes('customer')) {
        expect(root(el).textContent).to.contain(masked.customer.name);
      }
    });
  }

  it('filters, searches and sorts on the server, with counts per filter', async () => {
    const client = clientFor({ role: 'operations_manager' });
    const filters = {
      state: ['new', 'open'] as Ticket['state'][],
      priority: ['high' as const],
      createdTo: new Date(Date.now() - 1000).toISOString(),
    };
    const el = mount(client, view(filters, 'slaDueAt'));
    await loaded(el);
    const expected = await client.tickets.list({ ...filters, sort: 'slaDueAt', limit: 100 });
    expect(el.tickets.map((t) => t.id)).to.deep.equal(expected.items.map((t) => t.id));
    // Counts per state under the other filters, shown in the state filter's options.
    const counts = await client.tickets.counts({
      priority: ['high'],
      createdTo: filters.createdTo,
      groupBy: 'state',
    });
    const open = counts.groups.find((g) => g.key === 'open')?.count ?? 0;
    // The filter bar is <cc-ticket-filters>, loaded by the queue.
    const filterBar = () => root(el).querySelector('.toolbar')?.shadowRoot;
    await waitUntil(() => filterBar()?.querySelector('#f-state option[value=open]'), 'no filters');
    await waitUntil(() =>
      filterBar()!.querySelector('#f-state option[value=open]')!.textContent!.includes(`(${open})`),
    );

    // Sorting from the header: aria-sort follows, the order is the server's.
    const numberHeader = root(el).querySelector<HTMLElement>(
      '[role=columnheader][data-col=number]',
    )!;
    numberHeader.querySelector('button')!.click();
    await waitUntil(() => el.view?.sort === 'number');
    await loaded(el);
    expect(numberHeader.getAttribute('aria-sort')).to.equal('ascending');
    const byNumber = await client.tickets.list({ ...filters, sort: 'number', limit: 100 });
    expect(el.tickets.map((t) => t.id)).to.deep.equal(byNumber.items.map((t) => t.id));

    await expectAccessible(el);

    // Free-text search and "mine".
    const tag = unique();
    const mine = await ownTicket(tag);
    const agent = clientFor({ userId: 'usr_agent_1_01' });
    const agentEl = mount(agent, view({ q: tag, assigneeId: 'me' }));
    await loaded(agentEl);
    expect(agentEl.tickets.map((t) => t.id)).to.deep.equal([mine.id]);
  });

  it('offers exactly the transitions the state machine allows, and applies one', async () => {
    const tag = unique();
    const ticket = await ownTicket(tag);
    const agent = clientFor({ userId: 'usr_agent_1_01' });
    const el = mount(agent, view({ q: tag }));
    await loaded(el);
    const transitioned: Event[] = [];
    el.addEventListener('cc-ticket-transitioned', (e) => transitioned.push(e));
    el.open(el.tickets[0]!);
    await waitUntil(() => inPanel(el, '[data-transition]'), 'no actions');
    const offered = [...panel(el)!.querySelectorAll<HTMLElement>('[data-transition]')].map(
      (b) => b.dataset.transition,
    );
    expect(offered).to.deep.equal(ticket.allowedTransitions);
    for (const tr of offered) expect(allowedTransitions(ticket.kind, ticket.state)).to.include(tr);
    inPanel<HTMLButtonElement>(el, '[data-transition=start]')!.click();
    await waitUntil(() => transitioned.length === 1, 'no cc-ticket-transitioned');
    expect(el.tickets[0]!.state).to.equal('open');
    const fresh = await agent.tickets.get(ticket.id);
    expect(fresh.state).to.equal('open');
    await waitUntil(() => inPanel(el, '[data-transition=resolve]'));
    const now = [...panel(el)!.querySelectorAll<HTMLElement>('[data-transition]')].map(
      (b) => b.dataset.transition,
    );
    expect(now).to.deep.equal(fresh.allowedTransitions);
    await expectAccessible(el);
  });

  it('escalates with a reason and adds a comment from the detail panel', async () => {
    const tag = unique();
    const ticket = await ownTicket(tag);
    const agent = clientFor({ userId: 'usr_agent_1_01' });
    const started = await agent.tickets.transition(
      ticket.id,
      { transition: 'start' },
      { ifMatch: ticket.version },
    );
    expect(started.allowedTransitions).to.include('escalate');
    const el = mount(agent, view({ q: tag }));
    await loaded(el);
    el.open(el.tickets[0]!);
    await waitUntil(() => inPanel(el, '[data-transition=escalate]'));
    inPanel<HTMLButtonElement>(el, '[data-transition=escalate]')!.click();
    await waitUntil(() => inPanel(el, '#transition-text'));
    // The reason is asked for in a labelled field before anything is sent.
    const reason = inPanel<HTMLTextAreaElement>(el, '#transition-text')!;
    expect(inPanel(el, 'label[for=transition-text]')!.textContent).to.contain('Reason');
    reason.value = 'Third call today, the customer asks for a supervisor';
    inPanel<HTMLFormElement>(el, '.transition-form')!.requestSubmit();
    await waitUntil(() => el.tickets[0]!.state === 'escalated', 'not escalated', { timeout: 5000 });
    const body = inPanel<HTMLTextAreaElement>(el, '#comment-body')!;
    body.value = 'Called back, <b>no answer</b>.';
    inPanel<HTMLFormElement>(el, 'form.comment')!.requestSubmit();
    await waitUntil(() => inPanel(el, '.comments .body'), 'no comment', {
      timeout: 5000,
    });
    expect(inPanel(el, '.comments .body')!.textContent).to.equal('Called back, <b>no answer</b>.');
    const comments = await agent.tickets.comments.list(ticket.id);
    expect(comments.items.map((c) => c.body)).to.include('Called back, <b>no answer</b>.');
    await expectAccessible(el);
  });

  it('shows the columns the host chooses', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), view({}));
    el.columns = ['number', 'subject', 'sla'];
    await loaded(el);
    const headers = [...root(el).querySelectorAll('[role=columnheader][data-col]')].map(
      (h) => (h as HTMLElement).dataset.col,
    );
    expect(headers).to.deep.equal(['number', 'subject', 'sla']);
    expect(root(el).querySelector('[role=grid]')!.getAttribute('aria-colcount')).to.equal('4');
  });

  it('shows a concurrent change made with another token, live', async () => {
    const tag = unique();
    const ticket = await ownTicket(tag);
    const el = mount(clientFor({ userId: 'usr_agent_1_01' }), view({ q: tag }));
    await loaded(el);
    await waitUntil(() => (el as unknown as { live: { open: boolean } }).live.open, 'not live', {
      timeout: 8000,
    });
    const supervisor = clientFor({ role: 'operations_manager' });
    await supervisor.tickets.update(ticket.id, { priority: 'urgent' }, { ifMatch: ticket.version });
    await waitUntil(() => el.tickets[0]!.priority === 'urgent', 'the change did not arrive', {
      timeout: 8000,
    });
    await el.updateComplete;
    expect(root(el).querySelector('[data-col=priority] .priority')!.textContent).to.contain(
      'Urgent',
    );
  });

  it('on a 412 shows what changed and lets the user apply the change again', async () => {
    const tag = unique();
    const ticket = await ownTicket(tag);
    const el = mount(clientFor({ userId: 'usr_agent_1_01' }), view({ q: tag }));
    el.noLive = true; // the stale copy stays on screen, as when the event has not arrived yet
    await loaded(el);
    el.open(el.tickets[0]!);
    await waitUntil(() => inPanel(el, '[data-transition=start]'));
    await clientFor({ role: 'operations_manager' }).tickets.update(
      ticket.id,
      { priority: 'high' },
      { ifMatch: ticket.version },
    );
    inPanel<HTMLButtonElement>(el, '[data-transition=start]')!.click();
    await waitUntil(() => inPanel(el, '.conflict'), 'no conflict shown');
    const conflict = inPanel(el, '.conflict')!;
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.textContent).to.contain('Normal → High');
    // Nothing was overwritten.
    expect(
      (
        await clientFor({ role: 'agent' })
          .tickets.get(ticket.id)
          .catch(() => ticket)
      ).state,
    ).to.not.equal('resolved');
    conflict.querySelector<HTMLButtonElement>('[data-action=reapply]')!.click();
    await waitUntil(() => !inPanel(el, '.conflict') && el.tickets[0]!.state === 'open');
    const fresh = await clientFor({ role: 'operations_manager' }).tickets.get(ticket.id);
    expect(fresh.state).to.equal('open');
    expect(fresh.priority).to.equal('high');
  });

  it('bulk assigns with one result per row: one 412 does not fail the rest', async () => {
    const tag = unique();
    const tickets = [await ownTicket(tag), await ownTicket(tag), await ownTicket(tag)];
    const supervisor = clientFor({ userId: 'usr_sup_1' });
    const el = mount(supervisor, view({ q: tag }));
    el.noLive = true;
    await loaded(el);
    expect(el.tickets.length).to.equal(3);
    // Someone else changes one of them after the list was read.
    const stale = tickets[1]!;
    await clientFor({ role: 'operations_manager' }).tickets.update(
      stale.id,
      { priority: 'low' },
      { ifMatch: stale.version },
    );
    root(el).querySelector<HTMLInputElement>('.head input[type=checkbox]')!.click();
    await waitUntil(() => inBulk(el, 'form.bulk'), 'no bulk bar', { timeout: 5000 });
    const bulk = inBulk(el, 'form.bulk')!;
    expect(bulk.textContent).to.contain('3 selected');
    [...bulk.querySelectorAll('button')]
      .find((b) => b.textContent!.includes('Assign to me'))!
      .click();
    await waitUntil(() => inBulk(el, '.bulk-results'), 'no results', { timeout: 8000 });
    const items = [...bulkRoot(el)!.querySelectorAll<HTMLElement>('.bulk-results li')];
    expect(items.map((li) => li.dataset.status).sort()).to.deep.equal(['200', '200', '412']);
    expect(inBulk(el, '.bulk-results')!.textContent).to.contain('2 succeeded, 1 failed');
    const failed = items.find((li) => li.dataset.status === '412')!;
    expect(failed.textContent).to.contain(`#${stale.number}`);
    // The one that failed stays selected, to try again.
    await el.updateComplete;
    expect(
      root(el).querySelector(`[data-id="${stale.id}"]`)!.getAttribute('aria-selected'),
    ).to.equal('true');
  });

  it('bulk transitions: a refused row (409) is reported, the others succeed', async () => {
    const tag = unique();
    const agent = clientFor({ userId: 'usr_agent_1_01' });
    const fresh = await ownTicket(tag);
    const other = await ownTicket(tag);
    await agent.tickets.transition(other.id, { transition: 'start' }, { ifMatch: other.version });
    const el = mount(agent, view({ q: tag }));
    el.noLive = true;
    await loaded(el);
    const transitioned: string[] = [];
    el.addEventListener('cc-ticket-transitioned', (e) => transitioned.push(e.ticketId));
    root(el).querySelector<HTMLInputElement>('.head input[type=checkbox]')!.click();
    await waitUntil(() => inBulk(el, '#bulk-transition'), 'no bulk bar', { timeout: 5000 });
    const select = inBulk<HTMLSelectElement>(el, '#bulk-transition')!;
    // Offered: what at least one selected ticket allows now.
    expect([...select.options].map((o) => o.value)).to.include('start');
    select.value = 'start';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => !inBulk<HTMLButtonElement>(el, '[type=submit]')!.disabled);
    inBulk<HTMLFormElement>(el, 'form.bulk')!.requestSubmit();
    await waitUntil(() => inBulk(el, '.bulk-results'), 'no results', { timeout: 8000 });
    const items = [...bulkRoot(el)!.querySelectorAll<HTMLElement>('.bulk-results li')];
    const byStatus = Object.fromEntries(items.map((li) => [li.dataset.status, li.textContent]));
    expect(Object.keys(byStatus).sort()).to.deep.equal(['200', '409']);
    expect(byStatus['409']).to.contain(`#${other.number}`);
    expect(byStatus['409']).to.contain('Not possible in its current state');
    expect(transitioned).to.deep.equal([fresh.id]);
  });

  it('shows the shared error state and fires cc-error when the server fails', async () => {
    const anonymous = createClient({ baseUrl: apiUrl() });
    // Fault injection on top of the real server: the list answers 503 once.
    let failures = 0;
    const client = createClient({
      baseUrl: apiUrl(),
      retry: { attempts: 1 },
      getToken: async () => (await anonymous.demo.token({ role: 'agent' })).token,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/v1/tickets?') && failures++ === 0) {
          return new Response(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          });
        }
        return fetch(input, init);
      },
    });
    const errors: Event[] = [];
    const el = mount(client, view({}));
    el.addEventListener('cc-error', (e) => errors.push(e));
    await waitUntil(() => el.matches(':state(error)'), 'no error state', { timeout: 8000 });
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('Try again');
    await expectAccessible(el);
    root(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await loaded(el);
    expect(el.matches(':state(error)')).to.equal(false);
    expect(el.tickets.length).to.be.greaterThan(0);
  });

  it('counts SLA time down in business time: ok, at risk, breached, paused', async () => {
    const el = mount(clientFor({ role: 'operations_manager' }), view({}));
    await loaded(el);
    const base = el.tickets.find((t) => t.sla)!;
    const asOf = new Date().toISOString();
    const sla = (over: Partial<NonNullable<Ticket['sla']>>, remaining: number) =>
      ({
        ...base,
        sla: {
          ...base.sla!,
          asOf,
          paused: false,
          businessHours: false,
          state: 'ok',
          ...over,
          firstResponse: { ...base.sla!.firstResponse, breached: false },
          resolution: {
            ...base.sla!.resolution,
            achievedAt: null,
            breached: remaining < 0,
            remainingSeconds: remaining,
            targetSeconds: 36000,
          },
        },
      }) as Ticket;
    expect(el.slaText(sla({}, 3 * 3600 + 20 * 60))).to.match(/^On track · 3 h 20 min left$/);
    expect(el.slaText(sla({ state: 'at_risk' }, 20 * 60))).to.match(/^At risk · 20 min left$/);
    expect(el.slaText(sla({ state: 'breached' }, -3720))).to.match(
      /^Breached · Overdue by 1 h 2 min$/,
    );
    expect(el.slaText(sla({ state: 'paused', paused: true }, 5400))).to.equal(
      'Paused, 1 h 30 min left',
    );
    // The clock runs: a 24×7 SLA as of a minute ago has a minute less now.
    const minuteAgo = sla({ asOf: new Date(Date.now() - 60_000).toISOString() }, 7200);
    expect(liveSla(minuteAgo.sla!, Date.now(), undefined, 0.2).remaining).to.be.within(7138, 7141);
    // Business time: outside business hours the clock does not move.
    const calendar = {
      timeZone: 'Asia/Shanghai',
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      holidays: [],
    } as never;
    const saturday = sla({ businessHours: true, asOf: '2026-11-28T02:00:00Z' }, 7200).sla!;
    expect(liveSla(saturday, Date.parse('2026-11-28T08:00:00Z'), calendar, 0.2).remaining).to.equal(
      7200,
    );
    expect(liveSla(saturday, Date.parse('2026-11-30T02:00:00Z'), calendar, 0.2).remaining).to.equal(
      3600,
    );
    // The per-tick shared elapsed time gives the same figure as the SDK's own rule.
    const shared = new Map<string, number>();
    expect(
      liveSla(saturday, Date.parse('2026-11-30T02:00:00Z'), calendar, 0.2, shared).remaining,
    ).to.equal(3600);
    expect(shared.get(saturday.asOf)).to.equal(3600);
    // The row shows text, an icon and a distinct state, not colour alone.
    const badge = root(el).querySelector<HTMLElement>('.body [part=sla][data-sla]')!;
    expect(badge.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(badge.querySelector('.sla-text')!.textContent!.trim()).to.not.equal('');
  });

  /** Keys pressed on the grid's focused cell, and that cell. */
  const gridKeys = (el: CcTicketQueue) => ({
    key: (k: string, extra: KeyboardEventInit = {}) =>
      (el.shadowRoot!.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...extra }),
      ),
    active: () => el.shadowRoot!.activeElement as HTMLElement,
  });

  it('works the ARIA grid from the keyboard: arrows, Enter opens, Space selects', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), view({}, '-number'));
    await loaded(el);
    const { key, active } = gridKeys(el);
    const first = root(el).querySelector<HTMLElement>('[role=columnheader][data-c="0"]')!;
    expect(first.tabIndex).to.equal(0);
    first.focus();
    key('ArrowDown');
    await waitUntil(() => active()?.dataset.r === '0');
    key('ArrowRight');
    await waitUntil(() => active()?.dataset.c === '1');
    expect(active().getAttribute('role')).to.equal('gridcell');
    expect(active().closest('[role=row]')!.getAttribute('aria-rowindex')).to.equal('2');
    key(' ');
    await el.updateComplete;
    expect(active().closest('[role=row]')!.getAttribute('aria-selected')).to.equal('true');
    key('ArrowDown');
    await waitUntil(() => active()?.dataset.r === '1');
    key('End');
    await waitUntil(() => active()?.dataset.c === String(el.shownColumns.length));
    // Down many rows: the window follows and focus goes with it.
    for (let i = 0; i < 4; i++) {
      const r = Number(active().dataset.r);
      key('PageDown');
      await waitUntil(() => Number(active()?.dataset.r) > r, 'page down did not move');
    }
    expect(Number(active().dataset.r)).to.be.greaterThan(30);
    const selects: CcTicketSelectEvent[] = [];
    el.addEventListener('cc-ticket-select', (e) => selects.push(e));
    const openedFrom = active().dataset.r;
    const expectedId = el.tickets[Number(openedFrom)]!.id;
    key('Enter');
    expect(selects.map((e) => e.ticketId)).to.deep.equal([expectedId]);
    await waitUntil(() => inPanel(el, 'h2'));
    // The detail is loaded when first needed, under the tag its registry gives it.
    expect(root(el).querySelector('.detail')!.localName).to.equal('cc-ticket-detail');
    // Its heading, naming the ticket, takes focus once loaded.
    await waitUntil(() => panel(el)!.activeElement?.localName === 'h2', 'heading not focused');
    // Escape closes the panel and gives focus back to the cell it was opened from.
    key('Escape');
    await waitUntil(() => !root(el).querySelector('.detail') && active()?.dataset.r === openedFrom);
    // The header sorts from the keyboard too, and says so in aria-sort.
    const header = root(el).querySelector<HTMLElement>('[role=columnheader][data-col=number]')!;
    header.focus();
    key('Enter');
    await waitUntil(() => header.getAttribute('aria-sort') === 'ascending');
  });

  it("stops at the grid's edges: Home, PageUp to the first row, Ctrl+End and Ctrl+Home", async () => {
    const el = mount(clientFor({ role: 'supervisor' }), view({}, '-number'));
    await loaded(el);
    const { key, active } = gridKeys(el);
    const at = (r: number, c: number) =>
      waitUntil(
        () => active()?.dataset.r === String(r) && active()?.dataset.c === String(c),
        `focus not at row ${r}, column ${c}`,
      );
    root(el).querySelector<HTMLElement>('[role=columnheader][data-c="0"]')!.focus();
    key('ArrowLeft');
    key('ArrowUp');
    await at(-1, 0);
    key('ArrowDown');
    await at(0, 0);
    key('ArrowRight');
    await at(0, 1);
    key('Home');
    await at(0, 0);
    key('ArrowDown');
    await at(1, 0);
    key('PageUp');
    await at(0, 0);
    const lastRow = el.tickets.length - 1;
    key('End', { ctrlKey: true });
    await at(lastRow, el.shownColumns.length);
    key('Home', { ctrlKey: true });
    await at(-1, 0);
  });

  it('lets the host open its own view by cancelling cc-ticket-select', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), view({}));
    await loaded(el);
    el.addEventListener('cc-ticket-select', (e) => e.preventDefault());
    root(el).querySelector<HTMLButtonElement>('.body [data-col=number] button')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.detail')).to.equal(null);
  });

  it('renders subjects with HTML and script payloads as text', async () => {
    const tag = unique();
    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
    ];
    for (const p of payloads) await ownTicket(tag, p);
    const el = mount(clientFor({ userId: 'usr_agent_1_01' }), view({ q: tag }));
    await loaded(el);
    expect(el.tickets.length).to.equal(2);
    const text = root(el).querySelector('.body')!.textContent!;
    for (const p of payloads) expect(text).to.contain(p);
    expect(root(el).querySelector('.body img, .body script')).to.equal(null);
    el.open(el.tickets[0]!);
    await waitUntil(() => inPanel(el, 'h2'));
    expect(inPanel(el, 'img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders only the rows in view: many pages loaded, few rows in the DOM', async function () {
    this.timeout(30000);
    const client = clientFor({ role: 'operations_manager' });
    const el = mount(client, view({}, '-number'));
    el.noLive = true;
    el.pageSize = 200;
    await loaded(el);
    // The demo seed holds thousands of tickets: read pages until 1,000 rows (or all of them).
    while (el.hasMore && el.tickets.length < 1000) await el.loadMore();
    const total = (await client.tickets.counts({ groupBy: 'state' })).total;
    const n = el.tickets.length;
    expect(n).to.equal(Math.min(total, 1000));
    expect(new Set(el.tickets.map((t) => t.id)).size).to.equal(n);
    await el.updateComplete;
    expect(rowsInDom(el).length).to.be.lessThan(80);
    expect(n).to.be.greaterThan(rowsInDom(el).length);
    // Scrolled to the end, the last rows are rendered with their true position in the grid.
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => root(el).querySelector(`.body [role=row][aria-rowindex="${n + 1}"]`));
    expect(rowsInDom(el).length).to.be.lessThan(80);
    // Scrolling back through the rows: at every stop the visible area shows rendered rows, and the
    // DOM stays small. (Frame times are measured by `npm run bench`.)
    const step = Math.max(scroller.clientHeight, scroller.scrollHeight / 40);
    for (let top = scroller.scrollHeight; top >= 0; top -= step) {
      scroller.scrollTop = top;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      // The middle of the visible area shows a rendered row, not empty space.
      const view = scroller.getBoundingClientRect();
      const middle = view.top + view.height / 2;
      const rows = [...root(el).querySelectorAll('.body [role=row]')];
      const shown = rows.some((row) => {
        const r = row.getBoundingClientRect();
        return r.top <= middle && r.bottom >= middle;
      });
      expect(shown, `a row at the middle of the view at scrollTop ${scroller.scrollTop}`).to.equal(
        true,
      );
      expect(rows.length).to.be.lessThan(80);
    }
  });

  for (const [locale, header, state] of [
    ['zh-Hans', '工单号', '服务时限剩余'],
    ['zh-Hant', '工單編號', '服務時限剩餘'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = mount(clientFor({ role: 'complaint_supervisor' }), view({}), locale);
      await loaded(el);
      const text = root(el).textContent!;
      expect(text).to.contain(header);
      expect(text).to.contain(state);
      expect(el.getAttribute('lang')).to.match(new RegExp(`^${locale}`));
      await expectAccessible(el);
    });
  }

  it('is accessible in the dark theme, detail panel open', async () => {
    const el = mount(clientFor({ role: 'operations_manager' }), view({}));
    el.theme = 'dark';
    await loaded(el);
    el.open(el.tickets[0]!);
    await waitUntil(() => inPanel(el, 'h2'), 'no detail', { timeout: 5000 });
    expect(el.getAttribute('theme')).to.equal('dark');
    await expectAccessible(el);
  });

  it('shows the shared empty state when nothing matches', async () => {
    const el = mount(clientFor({ role: 'agent' }), view({ q: unique() }));
    await loaded(el);
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(root(el).textContent).to.contain('No ticket matches these filters.');
    await expectAccessible(el);
  });

  describe('keeps its place on the page while data arrives', () => {
    /** The layout shifts recorded from now on (sources as nodes), until `stop()`. */
    const recordShifts = () => {
      const shifts: { value: number; nodes: Node[] }[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          sources: { node: Node | null }[];
        }[]) {
          shifts.push({
            value: entry.value,
            nodes: entry.sources.map((s) => s.node).filter((n): n is Node => !!n),
          });
        }
      });
      observer.observe({ type: 'layout-shift' });
      return {
        shifts,
        stop: () => {
          shifts.push(
            ...observer.takeRecords().map((e) => {
              const entry = e as unknown as { value: number; sources: { node: Node | null }[] };
              return {
                value: entry.value,
                nodes: entry.sources.map((s) => s.node).filter((n): n is Node => !!n),
              };
            }),
          );
          observer.disconnect();
        },
      };
    };
    /** Whether a node is the queue or inside it (its shadow root and the elements it holds). */
    const inside = (queue: Element, node: Node): boolean => {
      for (let n: Node | null = node; n;) {
        if (n === queue) return true;
        const parent: Node | null = n.parentNode;
        n = parent instanceof ShadowRoot ? parent.host : parent;
      }
      return false;
    };
    // Two frames, or 100 ms when the page draws none: the test runner's pages that are not in
    // front get no animation frames, and the sizes below are read with a forced layout anyway.
    const frames = () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        setTimeout(resolve, 100);
      });
    /** A supervisor's client whose requests wait until `open()`: the queue is seen loading. */
    const heldClient = () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const anonymous = createClient({ baseUrl: apiUrl() });
      const client = createClient({
        baseUrl: apiUrl(),
        getToken: async () => {
          const grant = await anonymous.demo.token({ role: 'supervisor' });
          return { token: grant.token, expiresAt: grant.expiresAt };
        },
        fetch: async (input, init) => {
          await gate;
          return fetch(input, init);
        },
      });
      return { client, open };
    };
    /** A page of a fixed width: the queue, then a line that must not move. */
    const page = (
      filters: TicketQueueView['filters'],
      client: CcClient = clientFor({ role: 'supervisor' }),
    ) => {
      const wrapper = fixtureSync<HTMLElement>(
        html`<div>
          <cc-ticket-queue
            .client=${client}
            .view=${view(filters)}
            locale="en"
            no-live
          ></cc-ticket-queue>
          <p id="after">Below the queue</p>
        </div>`,
      );
      wrapper.style.width = '1100px';
      return {
        el: wrapper.querySelector<CcTicketQueue>('cc-ticket-queue')!,
        after: wrapper.querySelector<HTMLElement>('#after')!,
      };
    };

    it('has the same block size loading, loaded and empty', async () => {
      // Held answers: a fast server could otherwise answer before the loading state is measured.
      const held = heldClient();
      const { el, after } = page({ state: ['new', 'open', 'pending', 'escalated'] }, held.client);
      await el.updateComplete;
      await frames();
      expect(el.matches(':state(loading)'), 'measured while loading').to.equal(true);
      const loading = el.getBoundingClientRect().height;
      const below = after.getBoundingClientRect().top;
      expect(loading).to.be.greaterThan(300);
      held.open();
      await loaded(el);
      await frames();
      expect(rowsInDom(el).length).to.be.greaterThan(0);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 1);
      expect(after.getBoundingClientRect().top).to.be.closeTo(below, 1);
      // Nothing matches: the empty state keeps the same space.
      el.view = view({ q: unique() });
      await loaded(el);
      await frames();
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 1);
    });

    it('causes no layout shift inside or below it when the first page arrives', async () => {
      const record = recordShifts();
      const { el, after } = page({ state: ['new', 'open', 'pending', 'escalated'] });
      await loaded(el);
      // The rows around the view are added in a later task; let them and a frame or two pass.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await frames();
      record.stop();
      const moved = record.shifts.filter((s) => s.nodes.some((n) => n === after || inside(el, n)));
      expect(moved, JSON.stringify(moved.map((s) => s.value))).to.deep.equal([]);
      // The filter bar, the count and the grid are all there.
      expect(root(el).querySelector('.toolbar-slot:not([hidden]) .toolbar')).to.not.equal(null);
      expect(root(el).querySelector('.bar .total')).to.not.equal(null);
    });

    it('renders the rows in view first, then the rows around them', async () => {
      const { el } = page({ state: ['new', 'open', 'pending', 'escalated'] });
      await loaded(el);
      const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
      const row = root(el).querySelector<HTMLElement>('.body [role=row]')!;
      const inView = Math.ceil(scroller.clientHeight / row.offsetHeight);
      await waitUntil(
        () => rowsInDom(el).length >= Math.min(el.tickets.length, inView + 5),
        'the rows around the view were not added',
        { timeout: 4000 },
      );
      // Every row in view is drawn (not only the overscan).
      expect(rowsInDom(el).slice(0, inView)).to.deep.equal(
        el.tickets.slice(0, inView).map((t) => t.id),
      );
    });
  });
});
