import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import { isFinding } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-equipment-checklist.js';
import '../define/cc-equipment-overview.js';
import type { CcClient } from '../shared/client.js';
import { expectAccessible } from '../test-utils/axe.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import type { CcEquipmentOverview } from '../equipment-overview/equipment-overview.js';
import type { CcEquipmentChecklist } from './equipment-checklist.js';
import type {
  CcCheckSubmittedEvent,
  CcWorkorderSelectEvent,
} from './equipment-checklist.events.js';
import { messages } from './equipment-checklist.i18n.js';

type Check = Schema<'EquipmentCheck'>;
type Who = { role: Schema<'Role'> } | { userId: string };

let apiUrl: string;
const clients = new Map<string, CcClient>();

/** A client for a demo user, as the demo portal signs in; `fetch` wraps the real one. */
function clientFor(who: Who, wrap?: typeof fetch, key = JSON.stringify(who)): CcClient {
  let client = clients.get(key);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      ...(wrap ? { fetch: wrap, retry: { attempts: 1 } } : {}),
      getToken: async () => {
        const grant = await anonymous.demo.token(who);
        return { token: grant.token, expiresAt: grant.expiresAt };
      },
    });
    clients.set(key, client);
  }
  return client;
}

before(async function () {
  // The reference server may still be seeding when the first test file starts.
  this.timeout(60000);
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  await clientFor({ role: 'operations_manager' }).me.get();
});

const mount = (client: CcClient, attrs: { team?: string; seat?: string; locale?: string } = {}) =>
  fixtureSync<CcEquipmentChecklist>(
    html`<cc-equipment-checklist
      .client=${client}
      team-id=${attrs.team ?? ''}
      seat-id=${attrs.seat ?? ''}
      locale=${attrs.locale ?? 'en'}
      time-zone="Asia/Shanghai"
    ></cc-equipment-checklist>`,
  );

const root = (el: Element) => el.shadowRoot!;
const loaded = async (el: CcEquipmentChecklist) => {
  await el.updateComplete;
  await waitUntil(
    () => !el.matches(':state(loading)') && !el.matches(':state(refreshing)'),
    'the checklist did not load',
    { timeout: 8000 },
  );
  await el.updateComplete;
};
const button = (el: Element, text: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    b.textContent!.includes(text),
  )!;
const radio = (el: Element, assetId: string, result: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="${assetId}"][value="${result}"]`)!;
const note = (el: Element, assetId: string) =>
  root(el).querySelector<HTMLTextAreaElement>(`textarea[data-id="${assetId}"]`)!;
const typeNote = async (el: CcEquipmentChecklist, assetId: string, text: string) => {
  const area = note(el, assetId);
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
};

/** A seat's own draft, discarding nothing: an open draft of that seat is resumed. */
async function seatDraft(client: CcClient, teamId: string, seatId: string): Promise<Check> {
  const drafts = await client.equipment.checks.list({ teamId, seatId, state: 'draft' });
  return (
    drafts.items.find((c) => c.seatId === seatId) ??
    client.equipment.checks.start({ teamId, seatId })
  );
}

/** The maintenance work orders opened by one check, as the server has them. */
async function workOrdersOf(client: CcClient, check: Check, since: string) {
  const tickets = await client.tickets
    .iterate({ kind: ['work_order'], teamId: check.teamId, createdFrom: since })
    .toArray({ limit: 1000 });
  return tickets.filter((t) => t.equipment?.checkId === check.id);
}

describe('<cc-equipment-checklist> against the reference server', () => {
  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it('shows a supervisor only their own team', async function () {
    this.timeout(30000);
    const client = clientFor({ userId: 'usr_sup_1' });
    const me = await client.me.get();
    const el = mount(client);
    await loaded(el);
    expect(root(el).querySelector('select')).not.to.equal(null);
    const options = [...root(el).querySelectorAll<HTMLOptionElement>('.bar option')]
      .map((o) => o.value)
      .filter(Boolean);
    const seats = await client.equipment.seats.iterate({}).toArray({ limit: 1000 });
    expect(options).to.deep.equal(seats.map((s) => s.id));
    expect(seats.every((s) => s.teamId === me.teamId)).to.equal(true);
    // No team picker for a supervisor; the overview holds their team's row only.
    expect(root(el).textContent).not.to.contain('Business service');
    button(el, 'Due, history').click();
    const panel = () =>
      root(el).querySelector<CcEquipmentOverview>('[role=tabpanel] > cc-equipment-overview');
    await waitUntil(() => panel(), 'no overview', { timeout: 8000 });
    const overview = panel()!;
    await waitUntil(() => root(overview).querySelector('table'), 'overview not loaded', {
      timeout: 8000,
    });
    const teams = [...root(overview).querySelectorAll<HTMLElement>('tr[data-team]')];
    expect(teams.map((t) => t.dataset.team)).to.deep.equal([me.teamId]);
  });

  it("refuses a supervisor another team's check, and says so", async function () {
    this.timeout(30000);
    const manager = clientFor({ role: 'operations_manager' });
    const before = await manager.equipment.checks.list({ teamId: 'team_online', state: 'draft' });
    const el = mount(clientFor({ userId: 'usr_sup_1' }), { team: 'team_online' });
    await loaded(el);
    // The server shows them none of that team's seats or checks.
    expect(root(el).querySelectorAll('.bar option[value^=seat]').length).to.equal(0);
    const errors: Event[] = [];
    el.addEventListener('cc-error', (e) => errors.push(e));
    button(el, 'Start check').click();
    await waitUntil(() => root(el).querySelector('[data-status=error]'), 'no error shown', {
      timeout: 8000,
    });
    expect(root(el).querySelector('[data-status=error]')!.textContent).to.contain(
      'does not have access',
    );
    expect((errors[0] as Event & { status?: number }).status).to.equal(403);
    const after = await manager.equipment.checks.list({ teamId: 'team_online', state: 'draft' });
    expect(after.items.map((c) => c.id)).to.deep.equal(before.items.map((c) => c.id));
  });

  it('runs a full team check: notes required, submit is retry-safe, work orders shown', async function () {
    this.timeout(40000);
    const since = new Date(Date.now() - 1000).toISOString();
    const supervisor = clientFor({ userId: 'usr_sup_2' });
    const teamId = 'team_business';
    // A draft left by an earlier run is resumed; else the widget starts one.
    const submits: string[] = [];
    let drop = true;
    const faulty = clientFor(
      { userId: 'usr_sup_2' },
      async (input, init) => {
        const request = new Request(input, init);
        const response = await fetch(request);
        if (request.method === 'POST' && /\/submit$/.test(new URL(request.url).pathname)) {
          submits.push(request.headers.get('idempotency-key') ?? '');
          // The server committed the submission; its answer is lost on the way back.
          if (drop) {
            drop = false;
            throw new TypeError('Failed to fetch');
          }
        }
        return response;
      },
      'faulty-sup-2',
    );
    const el = mount(faulty, { team: teamId });
    await loaded(el);
    if (el.currentCheck?.state !== 'draft') {
      button(el, 'Start check').click();
      await waitUntil(() => el.currentCheck?.state === 'draft', 'no draft', { timeout: 8000 });
    }
    await el.updateComplete;
    const check = el.currentCheck!;
    const seats = root(el).querySelectorAll('section[part=seat]');
    expect(seats.length).to.equal(new Set(check.items.map((i) => i.seatId)).size);
    // Every seat "all pass" in one action each.
    for (const b of root(el).querySelectorAll<HTMLButtonElement>('section[part=seat] button')) {
      b.click();
    }
    await el.updateComplete;
    const [broken, gone] = [check.items[0]!, check.items[check.items.length - 1]!];
    radio(el, broken.assetId, 'fail').click();
    radio(el, gone.assetId, 'missing').click();
    await el.updateComplete;
    const progress = root(el).querySelector<HTMLProgressElement>('progress')!;
    expect(progress.value).to.equal(check.items.length);

    // Notes are required for the fault and the missing item: nothing is submitted.
    expect(await el.submit()).to.equal(false);
    await el.updateComplete;
    expect(note(el, broken.assetId).getAttribute('aria-invalid')).to.equal('true');
    expect(note(el, gone.assetId).getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(note(el, broken.assetId));
    expect(root(el).querySelector('.problems')!.textContent).to.contain('2 items');
    expect(submits).to.have.length(0);

    await typeNote(el, broken.assetId, 'Microphone crackles <img src=x onerror=alert(1)>');
    await typeNote(el, gone.assetId, '<script>alert(1)</script> not at the seat');
    expect(note(el, broken.assetId).getAttribute('aria-invalid')).to.equal('false');
    const submitted = new Promise<CcCheckSubmittedEvent>((resolve) =>
      el.addEventListener('cc-check-submitted', resolve, { once: true }),
    );
    // The answer is lost: the element says so and keeps the draft.
    expect(await el.submit()).to.equal(false);
    await el.updateComplete;
    expect(root(el).querySelector('[data-status=error]')).not.to.equal(null);
    // Trying again sends the same key: the server answers with the first submission.
    expect(await el.submit()).to.equal(true);
    const event = await submitted;
    expect(submits).to.have.length(2);
    expect(submits[0]).to.equal(submits[1]);

    const onServer = await supervisor.equipment.checks.get(check.id);
    expect(onServer.state).to.equal('submitted');
    const findings = onServer.items.filter((i) => isFinding(i.result));
    expect(findings.map((i) => i.assetId)).to.have.members([broken.assetId, gone.assetId]);
    const orders = await workOrdersOf(supervisor, onServer, since);
    expect(orders).to.have.length(2);
    expect(orders.map((t) => t.id).sort()).to.deep.equal(findings.map((i) => i.workOrderId).sort());
    expect(event.check.id).to.equal(check.id);

    // The findings with their work order numbers; hostile notes are text.
    await el.updateComplete;
    const rows = [...root(el).querySelectorAll<HTMLElement>('.findings li')];
    expect(rows).to.have.length(2);
    for (const order of orders) {
      expect(root(el).querySelector('.findings')!.textContent).to.contain(`#${order.number}`);
    }
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(root(el).textContent).to.contain('<img src=x onerror=alert(1)>');
    const selected = new Promise<CcWorkorderSelectEvent>((resolve) =>
      el.addEventListener('cc-workorder-select', resolve, { once: true }),
    );
    rows[0]!.querySelector<HTMLButtonElement>('button')!.click();
    expect(orders.map((t) => t.id)).to.include((await selected).ticketId);
    await expectAccessible(el);

    // A work order resolved through the SDK: the item shows fixed (live event, or a reload).
    const order = orders.find((t) => t.id === findings[0]!.workOrderId)!;
    const started = await supervisor.tickets.transition(
      order.id,
      { transition: 'start' },
      { ifMatch: order.version },
    );
    await supervisor.tickets.transition(
      order.id,
      { transition: 'resolve', resolution: 'Replaced with a spare and tested' },
      { ifMatch: started.version },
    );
    const fixedRow = () =>
      root(el).querySelector<HTMLElement>(`.findings li[data-id="${findings[0]!.assetId}"]`);
    try {
      await waitUntil(() => fixedRow()?.hasAttribute('data-fixed'), 'not fixed', {
        timeout: 4000,
      });
    } catch {
      await el.refresh();
      await loaded(el);
    }
    expect(fixedRow()!.hasAttribute('data-fixed')).to.equal(true);
    expect(fixedRow()!.textContent).to.contain('Fixed');
    const other = root(el).querySelector<HTMLElement>(
      `.findings li[data-id="${findings[1]!.assetId}"]`,
    )!;
    expect(other.hasAttribute('data-fixed')).to.equal(false);
  });

  it('resumes a half-done check, autosaves, and shows a conflicting save', async function () {
    this.timeout(30000);
    const client = clientFor({ userId: 'usr_sup_3' });
    const draft = await seatDraft(client, 'team_technical', 'seat_c02');
    const first = draft.items[0]!;
    const recorded = await client.equipment.checks.update(
      draft.id,
      { items: [{ assetId: first.assetId, result: 'pass' }] },
      { ifMatch: draft.version },
    );
    const el = mount(client, { team: 'team_technical', seat: 'seat_c02' });
    await loaded(el);
    expect(el.currentCheck!.id).to.equal(draft.id);
    expect(radio(el, first.assetId, 'pass').checked).to.equal(true);
    expect(root(el).querySelector('progress')!.value).to.equal(recorded.progress.done);

    // Autosaved after a pause, with If-Match.
    const second = draft.items[1]!;
    radio(el, second.assetId, 'not_applicable').click();
    await el.updateComplete;
    expect(el.matches(':state(dirty)')).to.equal(true);
    await waitUntil(() => el.saved, 'not saved', { timeout: 6000 });
    const onServer = await client.equipment.checks.get(draft.id);
    expect(onServer.items[1]!.result).to.equal('not_applicable');

    // Someone else saves in between: the element says so and keeps both.
    const third = draft.items[2]!;
    await client.equipment.checks.update(
      draft.id,
      { items: [{ assetId: third.assetId, result: 'pass' }] },
      { ifMatch: onServer.version },
    );
    radio(el, second.assetId, 'pass').click();
    expect(await el.save()).to.equal(false);
    await el.updateComplete;
    const alert = root(el).querySelector('.conflict')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    button(el, 'Keep my results').click();
    await waitUntil(() => el.saved, 'not saved after the conflict', { timeout: 6000 });
    const merged = await client.equipment.checks.get(draft.id);
    expect(merged.items[1]!.result).to.equal('pass');
    expect(merged.items[2]!.result).to.equal('pass');
    await expectAccessible(el);
  });

  it('can be checked with the keyboard alone', async function () {
    this.timeout(30000);
    const client = clientFor({ userId: 'usr_sup_4' });
    const draft = await seatDraft(client, 'team_online', 'seat_d05');
    const el = mount(client, { team: 'team_online', seat: 'seat_d05' });
    await loaded(el);
    const firstRadio = root(el).querySelector<HTMLInputElement>('fieldset input[type=radio]')!;
    firstRadio.focus();
    // Space picks "pass"; arrows move within the item's group; Tab goes to the next item.
    await sendKeys({ press: 'Space' });
    expect(firstRadio.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    const second = draft.items[1]!;
    expect(radio(el, second.assetId, 'fail').checked).to.equal(true);
    await el.updateComplete;
    // The note field follows the group: typed, then Tab on to the next item.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(note(el, second.assetId));
    await sendKeys({ type: 'Cable frayed' });
    expect(note(el, second.assetId).value).to.equal('Cable frayed');
    // The tabs move with the arrow keys.
    const tab = root(el).querySelector<HTMLElement>('#tab-check')!;
    tab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('tab-overview');
    expect(el.saved || (await el.save())).to.equal(true);
  });

  it('shows the loading and error states, and is accessible in Chinese and the dark theme', async function () {
    this.timeout(30000);
    const broken = clientFor(
      { role: 'supervisor' },
      async (input, init) => {
        const url = new Request(input, init).url;
        if (url.includes('/v1/seats')) {
          return new Response(JSON.stringify({ type: 'about:blank', title: 'Down', status: 503 }), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          });
        }
        return fetch(input, init);
      },
      'broken',
    );
    const failing = mount(broken);
    await failing.updateComplete;
    expect(failing.matches(':state(loading)')).to.equal(true);
    await waitUntil(() => failing.matches(':state(error)'), 'no error state', { timeout: 8000 });
    await failing.updateComplete;
    expect(root(failing).querySelector('[data-status=error]')).not.to.equal(null);

    for (const locale of ['zh-Hans', 'zh-Hant']) {
      const el = mount(clientFor({ userId: 'usr_sup_1' }), { locale });
      el.theme = 'dark';
      await loaded(el);
      expect(root(el).querySelector('h2')!.textContent).to.equal(
        messages.catalogs[locale as 'zh-Hans']!['equipmentChecklist.title'],
      );
      await expectAccessible(el);
    }
  });
});
