import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../define/cc-equipment-overview.js';
import type { CcClient } from '../shared/client.js';
import { expectAccessible } from '../test-utils/axe.js';
import { clientFor, useServer } from '../test-utils/server.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import type { CcWorkorderSelectEvent } from '../equipment-checklist/equipment-checklist.events.js';
import type { CcEquipmentOverview, CcSeatSelectEvent } from './equipment-overview.js';
import { messages } from './equipment-overview.i18n.js';

before(async function () {
  // The reference server may still be seeding when the first test file starts.
  this.timeout(60000);
  await useServer();
  await clientFor({ role: 'operations_manager' }).me.get();
});

const root = (el: Element) => el.shadowRoot!;
const mount = (client: CcClient, locale = 'en') =>
  fixtureSync<CcEquipmentOverview>(
    html`<cc-equipment-overview .client=${client} locale=${locale}></cc-equipment-overview>`,
  );
const loaded = async (el: CcEquipmentOverview) => {
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)'), 'the overview did not load', {
    timeout: 8000,
  });
  await el.updateComplete;
  expect(el.matches(':state(error)'), root(el).textContent!).to.equal(false);
};

describe('<cc-equipment-overview> against the reference server', () => {
  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it('lists the seats due and overdue exactly as the server does, most overdue first', async function () {
    this.timeout(30000);
    const client = clientFor({ role: 'operations_manager' });
    const el = mount(client);
    await loaded(el);
    const due = await client.equipment.due.iterate({}).toArray({ limit: 2000 });
    expect(el.dueSeats.map((d) => d.seatId)).to.deep.equal(due.map((d) => d.seatId));
    const rows = [...root(el).querySelectorAll<HTMLElement>('tr[data-seat]')];
    expect(rows.map((r) => r.dataset.seat)).to.deep.equal(due.map((d) => d.seatId));
    const overdue = due.map((d) => d.overdueDays);
    expect(overdue).to.deep.equal([...overdue].sort((a, b) => b - a));
    const summary = await client.equipment.summary();
    expect(root(el).querySelectorAll('tr[data-team]').length).to.equal(summary.teams.length);

    // History of a seat: its submitted checks, newest first.
    const select = root(el).querySelector('select')!;
    select.value = 'seat_a01';
    select.dispatchEvent(new Event('change'));
    const history = await client.equipment.checks.list({ seatId: 'seat_a01', state: 'submitted' });
    await waitUntil(() => root(el).querySelectorAll('.history > li').length > 0, 'no history', {
      timeout: 8000,
    });
    expect(root(el).querySelectorAll('.history > li').length).to.equal(history.items.length);
    await expectAccessible(el);
  });

  it('shows a supervisor their own team only, and offers to check a due seat', async function () {
    this.timeout(30000);
    const client = clientFor({ userId: 'usr_sup_2' });
    const me = await client.me.get();
    const el = mount(client, 'zh-Hant');
    await loaded(el);
    const teams = [...root(el).querySelectorAll<HTMLElement>('tr[data-team]')];
    expect(teams.map((t) => t.dataset.team)).to.deep.equal([me.teamId]);
    const due = await client.equipment.due.iterate({}).toArray({ limit: 2000 });
    expect(due.every((d) => d.teamId === me.teamId)).to.equal(true);
    expect(el.dueSeats.map((d) => d.seatId)).to.deep.equal(due.map((d) => d.seatId));
    if (due.length) {
      const picked = new Promise<CcSeatSelectEvent>((resolve) =>
        el.addEventListener('cc-seat-select', resolve, { once: true }),
      );
      root(el).querySelector<HTMLButtonElement>('tr[data-seat] button')!.click();
      expect((await picked).seatId).to.equal(due[0]!.seatId);
    }
    el.theme = 'dark';
    await el.updateComplete;
    await expectAccessible(el);
  });

  it("shows a seat's past checks with a link to each finding's work order", async function () {
    this.timeout(30000);
    const client = clientFor({ role: 'operations_manager' });
    // A seat whose latest submitted checks include a finding with a work order (demo data).
    const submitted = await client.equipment.checks.list({ state: 'submitted', limit: 100 });
    let found: { seatId: string; workOrderId: string; workOrderNumber: number | null } | undefined;
    for (const check of submitted.items) {
      for (const item of check.items.filter((i) => i.workOrderId)) {
        const latest = await client.equipment.checks.list({
          seatId: item.seatId,
          state: 'submitted',
          limit: 20,
        });
        const withOrder = latest.items
          .flatMap((c) => c.items)
          .find((i) => i.seatId === item.seatId && i.workOrderId);
        if (withOrder) found = withOrder as typeof found;
        if (found) break;
      }
      if (found) break;
    }
    if (!found) this.skip();
    const el = mount(client);
    await loaded(el);
    const select = root(el).querySelector<HTMLSelectElement>('select')!;
    select.value = found!.seatId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const link = () =>
      [...root(el).querySelectorAll<HTMLButtonElement>('.history button.link')].find(
        (b) => b.textContent!.trim() === `#${found!.workOrderNumber}`,
      );
    await waitUntil(link, 'the work order link did not show', { timeout: 8000 });
    const selected = new Promise<CcWorkorderSelectEvent>((resolve) =>
      el.addEventListener('cc-workorder-select', resolve, { once: true }),
    );
    link()!.click();
    const event = await selected;
    expect(event.ticketId).to.equal(found!.workOrderId);
    expect(event.number).to.equal(found!.workOrderNumber);
  });
});
