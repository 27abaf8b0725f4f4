/**
 * Hostile text: XSS filter-evasion vectors (support/xss-payloads.ts) stored through the API in every
 * text field a widget shows — ticket subjects, descriptions and comments; complaint customer names,
 * subjects, descriptions and desired resolutions; QA comments and dispute reasons; equipment models;
 * team names — then every widget of the kit rendered in Chromium against that data on a page WITHOUT
 * a CSP (so nothing but the widgets' own rendering stands between the text and the page). Hooks
 * installed before the page's scripts count any execution (a trap the vectors call, dialogs), CSP
 * reports and elements or handlers appearing anywhere, shadow roots included. Then the widgets are
 * still usable: a row of the queue opens with the keyboard.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../packages/server/test/helpers/server.js';
import { installHooks, launchChromium, sightings, startPortalServer } from './support/browser.js';
import { shortPayload, XSS_PAYLOADS } from './support/xss-payloads.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

interface Desk {
  token: string;
  widgets: [string, Record<string, string>][];
}

interface Stored {
  field: string;
  count: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely here
type Loose = any;

/** Writes the vectors through the API; returns what was stored where, and the IDs to show. */
async function storeHostileText() {
  const stored: Stored[] = [];
  const ok = async (what: string, answer: Promise<{ status: number; body: Loose }>) => {
    const { status, body } = await answer;
    assert.ok(status < 300, `${what}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
    return body as Loose;
  };
  const agent = server.userFor('agent');
  const teamId = agent.team_id!;
  const supervisor = server.userFor('supervisor', teamId);
  const tokens = {
    agent: server.tokenFor('agent', { userId: agent.id }),
    supervisor: server.tokenFor('supervisor', { userId: supervisor.id }),
    complaint_supervisor: server.tokenFor('complaint_supervisor'),
    qa_specialist: server.tokenFor('qa_specialist'),
    operations_manager: server.tokenFor('operations_manager'),
  };

  // Team names (shown by KPI scopes, equipment and the queue's team column).
  const name = shortPayload(0, 80);
  const team = await server.api('getTeam', { token: tokens.operations_manager, path: { teamId } });
  await ok(
    'updateTeam',
    server.api('updateTeam', {
      token: tokens.operations_manager,
      path: { teamId },
      headers: { 'If-Match': team.headers.get('etag') ?? '' },
      body: { name: { en: name, 'zh-Hans': name, 'zh-Hant': name } },
    }),
  );
  stored.push({ field: 'team name', count: 1 });

  // Tickets: subject and description; the first one gets every vector as a comment.
  const tickets: string[] = [];
  for (const payload of XSS_PAYLOADS) {
    const ticket = await ok(
      'createTicket',
      server.api('createTicket', {
        token: tokens.agent,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          kind: 'general_call',
          subject: payload.slice(0, 200),
          description: payload,
          assigneeId: agent.id,
        },
      }),
    );
    tickets.push(ticket.id);
  }
  stored.push({ field: 'ticket subject', count: tickets.length });
  stored.push({ field: 'ticket description', count: tickets.length });
  for (const payload of XSS_PAYLOADS) {
    await ok(
      'addTicketComment',
      server.api('addTicketComment', {
        token: tokens.agent,
        headers: { 'Idempotency-Key': randomUUID() },
        path: { ticketId: tickets[0]! },
        body: { body: payload },
      }),
    );
  }
  stored.push({ field: 'ticket comment', count: XSS_PAYLOADS.length });

  // Complaints: customer name, subject, description, desired resolution.
  const categories = await ok(
    'listComplaintCategories',
    server.api('listComplaintCategories', { token: tokens.agent, query: { limit: 200 } }),
  );
  const all = categories.items as Loose[];
  const parents = new Set(all.map((c) => c.parentId).filter(Boolean));
  const leaf = all.find(
    (c) =>
      c.active &&
      c.parentId &&
      !parents.has(c.id) &&
      c.customFields.every((f: Loose) => !f.required),
  );
  assert.ok(leaf, 'a leaf complaint category without required fields');
  const complaints: string[] = [];
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const filed = await ok(
      'fileComplaint',
      server.api('fileComplaint', {
        token: tokens.agent,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          customer: { name: shortPayload(i, 100) },
          channel: 'phone',
          categoryId: leaf.id,
          severity: 'medium',
          subject: payload.slice(0, 200),
          description: payload,
          desiredResolution: payload,
        },
      }),
    );
    complaints.push(filed.id);
  }
  for (const field of ['customer name', 'subject', 'description', 'desired resolution']) {
    stored.push({ field: `complaint ${field}`, count: complaints.length });
  }

  return { agent, teamId, supervisor, tokens, tickets, complaints, stored };
}

describe('hostile text in every widget', () => {
  test('0 executions, 0 injected elements, widgets still usable', async (t) => {
    const data = await storeHostileText();
    for (const { field, count } of data.stored) t.diagnostic(`${field}: ${count} vectors stored`);

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      await installHooks(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
      });
      // Aborted requests are expected (a desk that leaves closes its event streams); others not.
      page.on('requestfailed', (r) => {
        const why = r.failure()?.errorText ?? '';
        if (!why.includes('ERR_ABORTED')) errors.push(`failed ${r.url()} ${why}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('dialog', (dialog) => {
        errors.push(`dialog ${dialog.message()}`);
        void dialog.dismiss();
      });
      // A page of the server's origin with no CSP: only the widgets protect it.
      await page.route(`${server.url}/hostile.html`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head><body><main id="main"></main></body></html>',
        }),
      );
      await page.goto(`${server.url}/hostile.html`);
      assert.equal(
        await page.evaluate(() => document.querySelector('meta[http-equiv]')),
        null,
        'no CSP on the page',
      );
      await page.evaluate(async () => {
        await import('/dist/cc-widgets.js' as string);
        (window as unknown as { __ccArm: () => void }).__ccArm();
      });
      const desks: Desk[] = [
        {
          token: data.tokens.agent,
          widgets: [
            ['cc-ticket-queue', {}],
            ['cc-ticket-detail', { 'ticket-id': data.tickets[0]! }],
            ['cc-complaint-form', { 'draft-key': 'hostile' }],
            ['cc-qa-scorecard', {}],
          ],
        },
        {
          token: data.tokens.supervisor,
          widgets: [
            ['cc-kpi-tiles', {}],
            ['cc-ticket-queue', {}],
            ['cc-equipment-overview', { 'team-id': data.teamId }],
            ['cc-equipment-checklist', { 'team-id': data.teamId }],
          ],
        },
        {
          token: data.tokens.complaint_supervisor,
          widgets: [
            ['cc-ticket-queue', {}],
            ['cc-ticket-detail', { 'ticket-id': data.complaints[0]! }],
          ],
        },
        { token: data.tokens.qa_specialist, widgets: [['cc-qa-scorecard', {}]] },
        {
          token: data.tokens.operations_manager,
          widgets: [
            ['cc-kpi-tiles', {}],
            ['cc-ticket-queue', {}],
          ],
        },
      ];
      const tags: string[] = [];
      const rendered: string[] = [];
      const shown = new Set<number>();
      const pending = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('cc-provider > *'))
            .filter(
              (el) =>
                (el.shadowRoot?.childElementCount ?? 0) === 0 || el.matches(':state(loading)'),
            )
            .map((el) => el.localName),
        );
      // One desk after the other, each drawn and out of its loading state before the next.
      for (const [i, desk] of desks.entries()) {
        await page.evaluate(
          ({ desk, i, baseUrl }) => {
            const provider = document.createElement('cc-provider') as HTMLElement &
              Record<string, unknown>;
            provider.id = `desk-${i}`;
            provider.baseUrl = baseUrl;
            provider.getToken = async () => ({
              token: desk.token,
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            });
            document.getElementById('main')!.append(provider);
            for (const [tag, attributes] of desk.widgets) {
              const el = document.createElement(tag);
              for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
              provider.append(el);
            }
          },
          { desk, i, baseUrl: server.url },
        );
        tags.push(...desk.widgets.map(([tag]) => tag));
        const deadline = Date.now() + 45_000;
        let waiting = await pending();
        while (waiting.length && Date.now() < deadline) {
          await page.waitForTimeout(250);
          waiting = await pending();
        }
        assert.deepEqual(waiting, [], `desk ${i}: still loading after 45 s; ${errors.join('; ')}`);
        await page.waitForTimeout(500);
        const states = await page.evaluate(
          (i) =>
            Array.from(document.querySelectorAll(`#desk-${i} > *`)).map(
              (el) =>
                `${el.localName}${['error', 'empty']
                  .filter((s) => el.matches(`:state(${s})`))
                  .map((s) => `:${s}`)
                  .join('')}`,
            ),
          i,
        );
        rendered.push(...states);
        assert.ok(!states.some((s) => s.includes(':error')), `no widget in error: ${states}`);

        // The vectors are on screen, as text.
        for (const n of await page.evaluate((payloads) => {
          const texts: string[] = [];
          const walk = (root: Node) => {
            const walker = document.createTreeWalker(
              root,
              NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
            );
            for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
              if (n.nodeType === Node.TEXT_NODE) texts.push(n.textContent ?? '');
              else if (n instanceof Element) {
                const el = n;
                if (el.shadowRoot) walk(el.shadowRoot);
                for (const attr of ['title', 'aria-label', 'value']) {
                  const v = el.getAttribute(attr);
                  if (v) texts.push(v);
                }
              }
            }
          };
          walk(document.body);
          const all = texts.join('\n');
          return payloads.flatMap((p, n) => (all.includes(p) ? [n] : []));
        }, XSS_PAYLOADS as string[]))
          shown.add(n);

        if (i === 0) {
          // Still usable from the keyboard: the agent's queue opens a hostile ticket with Enter.
          await page.evaluate(() => {
            const queue = document.querySelector('#desk-0 cc-ticket-queue')!;
            document.addEventListener('cc-ticket-select', (e) => {
              (window as unknown as { __selected: string }).__selected = (
                e as Event & { ticketId: string }
              ).ticketId;
            });
            queue
              .shadowRoot!.querySelector<HTMLElement>('[role=columnheader][data-c="0"]')!
              .focus();
          });
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          await page.waitForFunction(
            () => (window as unknown as { __selected?: string }).__selected,
            undefined,
            { timeout: 10_000 },
          );
          await page.waitForFunction(
            () =>
              document
                .querySelector('#desk-0 cc-ticket-queue')!
                .shadowRoot!.querySelector('cc-ticket-detail')
                ?.shadowRoot?.querySelector('h2'),
            undefined,
            { timeout: 15_000 },
          );
          // And the complaint form takes typing.
          await page.evaluate(() => {
            const form = document.querySelector('#desk-0 cc-complaint-form')!;
            form
              .shadowRoot!.querySelector<HTMLElement>('textarea, input:not([type=hidden])')!
              .focus();
          });
          await page.keyboard.type('<img src=x onerror=__ccXss(0)>');
          await page.waitForTimeout(500);
        }
        // Each widget keeps its own live stream: a desk leaves before the next one comes.
        await page.evaluate((i) => document.getElementById(`desk-${i}`)!.remove(), i);
      }
      t.diagnostic(`rendered: ${rendered.join(', ')}`);
      assert.equal(rendered.length, tags.length);
      t.diagnostic(`${shown.size} of ${XSS_PAYLOADS.length} vectors found verbatim as text`);
      assert.ok(shown.size > XSS_PAYLOADS.length / 2, 'the vectors are shown as text');

      const seen = await sightings(page);
      t.diagnostic(
        `${tags.length} widgets: ${seen.executions.length} executions, ${seen.injected.length} injected, ${seen.violations.length} violations`,
      );
      assert.deepEqual(seen.executions, [], 'script executions');
      assert.deepEqual(seen.injected, [], 'injected elements or handlers');
      assert.deepEqual(seen.violations, [], 'policy reports');
      assert.deepEqual(errors, [], 'page errors and failed requests');

      // Control: one vector put in as markup (what a widget must never do) is seen by the hooks.
      await page.evaluate(() => {
        const scratch = document.createElement('div');
        scratch.innerHTML = '<img src=x onerror="__ccXss(\'control\')">';
        document.body.append(scratch);
      });
      await page.waitForFunction(
        () =>
          (window as unknown as { __ccSightings: { executions: string[] } }).__ccSightings
            .executions.length > 0,
        undefined,
        { timeout: 5000 },
      );
      const control = await sightings(page);
      assert.deepEqual(control.executions, ['__ccXss(control)']);
      assert.ok(
        control.injected.some((i) => i.includes('onerror')),
        'the control was seen',
      );
    } finally {
      await context.close();
    }
  });
});
