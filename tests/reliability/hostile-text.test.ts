/**
 * Hostile text: XSS filter-evasion vectors (support/xss-payloads.ts) stored through the API in every
 * text field a widget shows — ticket subjects, descriptions and comments; complaint customer names,
 * subjects, descriptions, desired resolutions and custom-field values, verdict findings and callback
 * notes; QA evaluation comments (overall and per criterion), dispute reasons and resolution comments;
 * equipment asset models and check notes, and the work orders findings open; team names (the only
 * names the API can change) — then every widget of the kit rendered in Chromium against that data
 * on a page WITHOUT a CSP (so nothing but the widgets' own rendering stands between the text and the
 * page). Hooks installed before the page's scripts count any execution (a trap the vectors call,
 * dialogs), CSP reports and elements or handlers appearing anywhere, shadow roots included. Then
 * the widgets are still usable: a row of the queue opens with the keyboard. Values of the newer
 * fields carry a mark of their field, so the test also proves that the widget meant to show each
 * field really showed it.
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
  /** Tag, attributes and (optionally) properties. */
  widgets: [string, Record<string, string>, Record<string, unknown>?][];
}

interface Stored {
  field: string;
  count: number;
  /**
   * Stored values carrying a mark of their field, to check that a widget really shows the field;
   * absent for fields no widget shows (`shownBy` says which widget should).
   */
  probes?: string[];
  shownBy?: string;
}

/** A vector with a mark of the field it is stored in (the mark is plain text after the vector). */
const marked = (payload: string, field: string, max = 4000) => {
  const mark = ` ~${field}~`;
  return `${payload.slice(0, max - mark.length)}${mark}`;
};

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

  // Complaint custom fields: every text field without a pattern of a category (values as the
  // host or the user give them to the form, and as filed).
  const withText = all.find(
    (c) =>
      c.active &&
      c.parentId &&
      !parents.has(c.id) &&
      c.customFields.some((f: Loose) => f.type === 'text' && !f.pattern) &&
      c.customFields.every((f: Loose) => !f.required || (f.type === 'text' && !f.pattern)),
  );
  assert.ok(withText, 'a complaint category with a free-text custom field');
  const textFields = withText.customFields.filter((f: Loose) => f.type === 'text' && !f.pattern);
  const customValues = (i: number) =>
    Object.fromEntries(
      textFields.map((f: Loose) => [
        f.key,
        marked(XSS_PAYLOADS[i]!, 'custom', f.maxLength ?? 2000),
      ]),
    );
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    await ok(
      'fileComplaint (custom fields)',
      server.api('fileComplaint', {
        token: tokens.agent,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          customer: { name: `Custom ${i}` },
          channel: 'web',
          categoryId: withText.id,
          severity: 'low',
          description: `Custom field values ${i}: ${payload}`,
          customFields: customValues(i),
        },
      }),
    );
  }
  const formPrefill = { categoryId: withText.id, customFields: customValues(0) };
  stored.push({
    field: 'complaint custom field (filed)',
    count: XSS_PAYLOADS.length * textFields.length,
  });
  stored.push({
    field: 'complaint custom field (in the form)',
    count: textFields.length,
    probes: Object.values(customValues(0)),
    shownBy: 'cc-complaint-form',
  });

  // The complaint's outcome: a verdict finding and a callback note on the complaint the
  // complaint supervisor's detail shows.
  const outcome = {
    finding: marked(XSS_PAYLOADS[1]!, 'finding'),
    note: marked(XSS_PAYLOADS[2]!, 'callback'),
  };
  {
    const current = await ok(
      'getTicket',
      server.api('getTicket', {
        token: tokens.complaint_supervisor,
        path: { ticketId: complaints[0]! },
      }),
    );
    const judged = await ok(
      'recordComplaintVerdict',
      server.api('recordComplaintVerdict', {
        token: tokens.complaint_supervisor,
        path: { ticketId: complaints[0]! },
        headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${current.version}"` },
        body: { justified: true, finding: outcome.finding },
      }),
    );
    await ok(
      'recordComplaintCallback',
      server.api('recordComplaintCallback', {
        token: tokens.complaint_supervisor,
        path: { ticketId: complaints[0]! },
        headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${judged.version}"` },
        body: { outcome: 'partially_satisfied', note: outcome.note },
      }),
    );
  }
  stored.push({
    field: 'complaint verdict finding',
    count: 1,
    probes: [outcome.finding],
    shownBy: 'cc-ticket-detail',
  });
  stored.push({
    field: 'complaint callback note',
    count: 1,
    probes: [outcome.note],
    shownBy: 'cc-ticket-detail',
  });

  // QA: an evaluation of the agent with a comment on every criterion and overall, submitted and
  // disputed by the agent with a reason per criterion (open: the QA specialist reviews it), and a
  // second one whose dispute was accepted with a comment (the agent sees it).
  const template = await ok(
    'getScorecardTemplate',
    server.api('getScorecardTemplate', {
      token: tokens.qa_specialist,
      path: { templateId: 'tpl_inbound' },
    }),
  );
  const criteria = template.sections.flatMap((section: Loose) => section.criteria) as Loose[];
  // Scored low and disputed for the top, so an accepted dispute makes a new revision (the agent's
  // scorecard then shows the review with the dispute's resolution).
  const top = (c: Loose) => (c.scale.type === 'yes_no' ? 1 : c.scale.max);
  const low = (c: Loose) => (c.scale.type === 'yes_no' ? 0 : (c.scale.min ?? 0));
  const evaluations: string[] = [];
  const qaProbes = { comment: [] as string[], reason: [] as string[], resolution: [] as string[] };
  for (const round of [0, 1]) {
    const at = (k: number) => XSS_PAYLOADS[(round * criteria.length + k) % XSS_PAYLOADS.length]!;
    const comment = marked(at(criteria.length), 'qa-comment');
    const draft = await ok(
      'createEvaluation',
      server.api('createEvaluation', {
        token: tokens.qa_specialist,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          templateId: template.id,
          agentId: agent.id,
          comment,
          answers: criteria.map((c, k) => ({
            criterionId: c.id,
            value: low(c),
            na: false,
            comment: marked(at(k), 'qa-answer'),
          })),
        },
      }),
    );
    qaProbes.comment.push(comment, ...criteria.map((_, k) => marked(at(k), 'qa-answer')));
    const sent = await ok(
      'submitEvaluation',
      server.api('submitEvaluation', {
        token: tokens.qa_specialist,
        path: { evaluationId: draft.id },
        headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${draft.version}"` },
      }),
    );
    const reasons = criteria.map((_, k) => marked(at(k + 1), 'dispute'));
    const disputed = await ok(
      'disputeEvaluation',
      server.api('disputeEvaluation', {
        token: tokens.agent,
        path: { evaluationId: draft.id },
        headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${sent.version}"` },
        body: {
          items: criteria.map((c, k) => ({
            criterionId: c.id,
            proposedValue: top(c),
            reason: reasons[k],
          })),
        },
      }),
    );
    if (round === 0) qaProbes.reason.push(...reasons);
    else {
      const resolution = marked(at(2), 'resolution');
      const open = disputed.disputes.find((d: Loose) => d.state === 'open');
      await ok(
        'resolveDispute',
        server.api('resolveDispute', {
          token: tokens.qa_specialist,
          path: { evaluationId: draft.id, disputeId: open.id },
          headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${disputed.version}"` },
          body: { outcome: 'accepted', comment: resolution },
        }),
      );
      qaProbes.resolution.push(resolution);
    }
    evaluations.push(draft.id);
  }
  stored.push({
    field: 'QA comment (overall and per criterion)',
    count: qaProbes.comment.length,
    probes: qaProbes.comment,
    shownBy: 'cc-qa-scorecard',
  });
  stored.push({
    field: 'QA dispute reason',
    count: qaProbes.reason.length * 2,
    probes: qaProbes.reason,
    shownBy: 'cc-qa-scorecard (its review)',
  });
  stored.push({
    field: 'QA dispute resolution comment',
    count: 1,
    probes: qaProbes.resolution,
    shownBy: 'cc-qa-scorecard (its review)',
  });

  // Equipment: asset models; a check of the team with a note on every finding, submitted (each
  // finding opens a work order whose description carries the note and the model); and a check
  // left in progress with notes.
  const assets = (
    await ok(
      'listAssets',
      server.api('listAssets', { token: tokens.supervisor, query: { teamId, limit: 200 } }),
    )
  ).items as Loose[];
  assert.ok(assets.length > 0, 'the team has assets');
  const models: string[] = [];
  for (const [i, asset] of assets.slice(0, 12).entries()) {
    const model = shortPayload(i, 100);
    await ok(
      'updateAsset',
      server.api('updateAsset', {
        token: tokens.supervisor,
        path: { assetId: asset.id },
        headers: { 'If-Match': `"${asset.version}"` },
        body: { model },
      }),
    );
    models.push(model);
  }
  stored.push({ field: 'asset model', count: models.length });
  const notes = { submitted: [] as string[], draft: [] as string[] };
  const workOrders: string[] = [];
  let failedSeat = '';
  for (const phase of ['submitted', 'draft'] as const) {
    const check = await ok(
      'startEquipmentCheck',
      server.api('startEquipmentCheck', {
        token: tokens.supervisor,
        headers: { 'Idempotency-Key': randomUUID() },
        body: { teamId },
      }),
    );
    const findings = phase === 'submitted' ? 8 : 6;
    const items = (check.items as Loose[]).map((item, k) => {
      const note =
        k < findings
          ? marked(XSS_PAYLOADS[(k * 5 + 3) % XSS_PAYLOADS.length]!, `note-${phase}`, 2000)
          : '';
      if (note) notes[phase].push(note);
      return {
        assetId: item.assetId,
        result: k < findings ? 'fail' : 'pass',
        ...(note ? { note } : {}),
      };
    });
    const updated = await ok(
      'updateEquipmentCheck',
      server.api('updateEquipmentCheck', {
        token: tokens.supervisor,
        path: { checkId: check.id },
        headers: { 'If-Match': `"${check.version}"` },
        body: { items },
      }),
    );
    if (phase === 'submitted') {
      const done = await ok(
        'submitEquipmentCheck',
        server.api('submitEquipmentCheck', {
          token: tokens.supervisor,
          path: { checkId: check.id },
          headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${updated.version}"` },
        }),
      );
      for (const item of done.items as Loose[]) {
        if (!item.workOrderId) continue;
        workOrders.push(item.workOrderId);
        failedSeat ||= item.seatId;
      }
    }
  }
  assert.ok(workOrders.length > 0, 'the findings opened work orders');
  stored.push({
    field: 'equipment check note (submitted)',
    count: notes.submitted.length,
    probes: notes.submitted,
    shownBy: 'cc-equipment-overview',
  });
  stored.push({
    field: 'equipment check note (in progress)',
    count: notes.draft.length,
    probes: notes.draft,
    shownBy: 'cc-equipment-checklist',
  });
  stored.push({
    field: "work order description (the finding's note)",
    count: workOrders.length,
    probes: notes.submitted,
    shownBy: 'cc-ticket-detail',
  });

  return {
    agent,
    teamId,
    supervisor,
    tokens,
    tickets,
    complaints,
    stored,
    evaluations,
    workOrders,
    failedSeat,
    formPrefill,
  };
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
            ['cc-complaint-form', { 'draft-key': 'hostile' }, { prefill: data.formPrefill }],
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
        // The evaluations with hostile comments: the QA specialist reviews the open dispute, the
        // agent sees the accepted one; a supervisor opens a work order from a hostile finding.
        {
          token: data.tokens.qa_specialist,
          widgets: [['cc-qa-scorecard', { 'evaluation-id': data.evaluations[0]! }]],
        },
        {
          token: data.tokens.agent,
          widgets: [['cc-qa-scorecard', { 'evaluation-id': data.evaluations[1]! }]],
        },
        {
          token: data.tokens.supervisor,
          widgets: [['cc-ticket-detail', { 'ticket-id': data.workOrders[0]! }]],
        },
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
      /** Each probe, and the widgets of the desks it was seen on. */
      const probesSeen = new Map<string, Set<string>>();
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
            for (const [tag, attributes, properties] of desk.widgets) {
              const el = document.createElement(tag);
              for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
              Object.assign(el, properties ?? {});
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

        if (desk.widgets.some(([tag]) => tag === 'cc-equipment-overview')) {
          // The notes of a seat's past checks show once a seat is picked.
          await page
            .locator(`#desk-${i} cc-equipment-overview select`)
            .selectOption(data.failedSeat);
          await page
            .locator(`#desk-${i} cc-equipment-overview ol.history q`)
            .first()
            .waitFor({ timeout: 15_000 });
        }
        // The vectors are on screen, as text (in text nodes, attributes and form controls).
        const screen = await page.evaluate(() => {
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
                if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
                  texts.push(el.value);
                }
              }
            }
          };
          walk(document.body);
          return texts.join('\n');
        });
        XSS_PAYLOADS.forEach((p, n) => {
          if (screen.includes(p)) shown.add(n);
        });
        for (const { probes } of data.stored) {
          for (const probe of probes ?? []) {
            if (!screen.includes(probe)) continue;
            const where = probesSeen.get(probe) ?? new Set();
            for (const [tag] of desk.widgets) where.add(tag);
            probesSeen.set(probe, where);
          }
        }

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
      // Each field a widget shows was really on screen, by its field's mark.
      for (const { field, probes, shownBy } of data.stored) {
        if (!probes) continue;
        const tag = shownBy!.split(' ')[0]!;
        const seen = probes.filter((p) => probesSeen.get(p)?.has(tag)).length;
        t.diagnostic(`${field}: ${seen} of ${probes.length} shown by ${shownBy}`);
        assert.ok(seen > 0, `${field}: shown as text by ${shownBy}`);
      }

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
