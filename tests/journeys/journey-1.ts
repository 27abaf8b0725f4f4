/**
 * Journey 1 (docs/journeys.md), written once for every page that can host it: the demo portal and
 * the framework hosts of examples/ (hosts.test.ts). A page hosts it when it gives the agent
 * `<cc-complaint-form>` and `<cc-ticket-queue>`, the complaint supervisor `<cc-ticket-queue>` (with
 * its detail), refreshes the agent's queue when a complaint is filed, and speaks English.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { apiAs } from './api.js';
import { shot, type Desk } from './harness.js';

export type Journey1Shot =
  'agent-complaint-form' | 'supervisor-new-ticket' | 'supervisor-escalated' | 'agent-queue';

export interface Journey1Host {
  /** The API the page talks to, to check what the widgets show against what the API says. */
  api: string;
  /** Opens a person's page in a browser context of its own, signed in. */
  open: (role: 'agent' | 'complaint_supervisor') => Promise<Desk>;
  /** The screenshot file name for a step (docs/screenshots), or none. */
  shots?: (step: Journey1Shot) => string | undefined;
  /** Screenshots of the whole page (the host around the widgets) instead of the widget. */
  wholePage?: boolean;
  /** What the host shows of the filing besides the form itself (the portal: its activity log). */
  filed?: (agent: Page, number: number) => Promise<void>;
}

/**
 * An agent files a complaint for a caller; the complaint supervisor sees it arrive live in the
 * queue, opens it, routes it to another handling department and escalates it; the agent's queue
 * shows the change live, and its SLA column counts business time.
 */
export async function journey1(host: Journey1Host): Promise<{ ticketId: string; number: number }> {
  const snap = async (page: Page, step: Journey1Shot, target: Locator) => {
    const name = host.shots?.(step);
    if (!name) return;
    // The page from its top: the host around the widgets.
    if (host.wholePage) await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, name, host.wholePage ? undefined : target);
  };
  const supervisor = await host.open('complaint_supervisor');
  const agent = await host.open('agent');
  const sp = supervisor.page;
  const ap = agent.page;
  // The supervisor's queue is loaded before the complaint exists: it must arrive live.
  await sp.locator('cc-ticket-queue [role="row"][data-id]').first().waitFor({ timeout: 30_000 });
  await sortNewestFirst(sp);

  // The agent takes the complaint during the call, by keyboard where a person would.
  const form = ap.locator('cc-complaint-form');
  await form.locator('#customerName').fill('Wang Fang');
  await form.locator('#customerPhone').fill('13812345678');
  await form.locator('#categoryId').selectOption('cat_billing_dispute');
  await form.locator('#severity').focus();
  await form.locator('#severity').selectOption('high');
  await form
    .locator('#description')
    .fill('Charged twice for the November bill; the second charge was not authorised.');
  // The category brings its own fields.
  await form.getByLabel(/Invoice number/).fill('INV-20261101');
  await form.getByLabel(/Disputed amount/).fill('129.50');
  await form.locator('[part="routing"]', { hasText: 'Handling department' }).waitFor();
  await snap(ap, 'agent-complaint-form', form);
  await form.getByRole('button', { name: 'File complaint' }).click();
  // The form confirms with the ticket's number.
  const confirmation = form.locator('[part="confirmation"] .number');
  await confirmation.waitFor({ timeout: 20_000 });
  const number = Number(/#(\d+)/.exec((await confirmation.textContent()) ?? '')?.[1]);
  assert.ok(number > 0, 'the form names the filed ticket');
  await host.filed?.(ap, number);

  // It appears live in the complaint supervisor's queue, without a reload: the queue says a new
  // ticket arrived and shows it on request (it never moves rows under the cursor).
  const queue = sp.locator('cc-ticket-queue');
  const show = queue.getByRole('button', { name: 'Show them' });
  await show.waitFor({ timeout: 20_000 });
  await snap(sp, 'supervisor-new-ticket', queue);
  await show.click();
  const row = sp.locator('cc-ticket-queue [role="row"][data-id]', { hasText: `#${number}` });
  await row.waitFor({ timeout: 20_000 });
  const ticketId = (await row.getAttribute('data-id')) ?? '';
  assert.ok(ticketId, 'the row carries the ticket id');

  // The supervisor opens it from the queue and routes it to another handling department.
  const api = apiAs(host.api, 'complaint_supervisor');
  const [filed, departments] = await Promise.all([
    api.tickets.get(ticketId),
    api.departments.list(),
  ]);
  const other = departments.items.find((d) => d.id !== filed.departmentId && d.active !== false);
  assert.ok(other, 'a second department exists');
  await row.locator('[data-col="number"] button').click();
  const detail = sp.locator('cc-ticket-detail');
  await detail.locator('[part="heading"]', { hasText: `${number}` }).waitFor();
  const department = detail.locator('#route-department');
  await department.focus();
  await department.selectOption({ label: other.name.en });
  await detail.locator('#route-reason').fill('The double charge comes from a provisioning fault.');
  await detail.getByRole('button', { name: 'Route', exact: true }).click();
  await detail.locator('[part="fields"]', { hasText: other.name.en }).waitFor();
  await detail.locator('ol.activity li', { hasText: 'from a provisioning fault' }).waitFor();
  assert.equal((await api.tickets.get(ticketId)).departmentId, other.id, 'routed in the API');

  // Then escalates it with a reason.
  await detail.locator('button[data-transition="escalate"]').click();
  await detail.locator('#transition-text').fill('Customer threatens to go to the regulator.');
  await detail.locator('#transition-text').press('Tab');
  await detail.getByRole('button', { name: 'Apply' }).click();
  await detail.locator('[part="fields"]', { hasText: 'Escalated' }).waitFor();
  await snap(sp, 'supervisor-escalated', detail);

  // The agent's queue shows the change, live.
  await sortNewestFirst(ap);
  const agentRow = ap.locator('cc-ticket-queue [role="row"][data-id]', {
    hasText: `#${number}`,
  });
  await agentRow.locator('[data-col="state"] [data-state="escalated"]').waitFor({
    timeout: 20_000,
  });

  // The SLA countdown counts business time: the time shown is the business time left, which is
  // less than the clock time to the due instant once the window crosses closed hours.
  const fresh = await apiAs(host.api, 'agent').tickets.get(ticketId);
  const sla = fresh.sla;
  assert.ok(sla?.businessHours, 'complaints run on business hours');
  const shown = (await agentRow.locator('[data-col="sla"]').textContent()) ?? '';
  const seconds = parseDuration(shown);
  const remaining = sla.resolution.remainingSeconds;
  assert.ok(
    Math.abs(seconds - remaining) <= Math.max(120, remaining * 0.05),
    `the row shows ${shown.trim()} (${seconds} s); the business time left is ${remaining} s`,
  );
  const wall = (Date.parse(sla.resolution.dueAt ?? '') - Date.now()) / 1000;
  assert.ok(wall > remaining + 3600, `clock time to due (${wall} s) exceeds business time left`);
  await snap(ap, 'agent-queue', ap.locator('cc-ticket-queue'));
  assert.deepEqual([...agent.errors, ...supervisor.errors], []);
  await agent.context.close();
  await supervisor.context.close();
  return { ticketId, number };
}

/** Sorts a queue by number, highest first, with the column header (as a person would). */
async function sortNewestFirst(page: Page): Promise<void> {
  const header = page.locator('cc-ticket-queue [role="columnheader"][data-col="number"]');
  for (let i = 0; i < 3; i++) {
    if ((await header.getAttribute('aria-sort')) === 'descending') return;
    const before = (await header.getAttribute('aria-sort')) ?? 'none';
    await header.locator('button').click();
    await page
      .locator(
        `cc-ticket-queue [role="columnheader"][data-col="number"]:not([aria-sort="${before}"])`,
      )
      .waitFor();
  }
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
}

/** "1 d 4 h left", "3 h 20 min left", "45 min left" -> seconds. */
function parseDuration(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)\s*(d|h|min|m|s)\b/g)) {
    total += Number(n) * ({ d: 86_400, h: 3600, min: 60, m: 60, s: 1 }[unit ?? 's'] ?? 0);
  }
  return total;
}
