/**
 * Journey 2 (issue 13): a justified complaint and the QA evaluation of the agent's call. The
 * complaint supervisor records the verdict (English); the QA specialist evaluates the call with
 * the complaint linked and a fatal item failed (Simplified Chinese); the agent disputes one
 * criterion (Traditional Chinese); the QA specialist partly accepts; the history keeps both
 * versions and the team's QA average tile follows.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs } from './api.js';
import { text, until } from './page-checks.js';
import { launch, openDesk, repo, shot, startPortal, type Portal } from './harness.js';

/** How long one step may take on a loaded machine (a hang limit, not a speed check). */
const LIMIT = 60_000;

let portal: Portal;
let browser: Browser;

describe('journey 2 in the demo portal', { timeout: 600_000 }, () => {
  before(async () => {
    [portal, browser] = await Promise.all([startPortal(), launch()]);
  });
  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  test('2. a justified complaint, the QA evaluation of the call, a dispute partly accepted (en, zh-Hans, zh-Hant)', async () => {
    const started = Date.now();
    const QA = 'zh-Hans';
    const AGENT = 'zh-Hant';
    const sc = (locale: Locale, key: string) => words('qa-scorecard', locale, key);
    const rv = (locale: Locale, key: string) => words('qa-review', locale, key);

    // ---- What the integrations create through the API ---------------------------------------
    // The telephony system reports the agent's call; the complaint is recorded against it.
    const agentApi = apiAs(portal.url, 'agent');
    const me = await agentApi.me.get();
    const agentId = me.user.id;
    const teamId = me.teamId ?? '';
    const stamp = `journey-2-${Date.now()}`;
    const offeredAt = new Date(Date.now() - 10 * 60_000);
    const ingested = await apiAs(portal.url, 'operations_manager').calls.ingest({
      calls: [
        {
          externalId: stamp,
          queue: 'general',
          agentId,
          direction: 'inbound',
          offeredAt: offeredAt.toISOString(),
          answeredAt: new Date(offeredAt.getTime() + 12_000).toISOString(),
          endedAt: new Date(offeredAt.getTime() + 12_000 + 312_000).toISOString(),
          talkSeconds: 312,
          afterCallWorkSeconds: 40,
        },
      ],
    });
    const callId = ingested.results[0]?.id ?? '';
    assert.ok(callId, 'the call was ingested');
    const complaint = await agentApi.complaints.file({
      customer: { name: 'Chen Jing' },
      channel: 'phone',
      categoryId: 'cat_service_attitude',
      severity: 'high',
      description: `The agent used offensive words and cut the caller off (${stamp}).`,
      relatedCallId: callId,
    });

    // ---- 1. The complaint supervisor finds the complaint justified (en) ----------------------
    const supervisor = await openDesk(browser, portal, 'complaint_supervisor');
    const sp = supervisor.page;
    sp.setDefaultTimeout(LIMIT);
    const queue = sp.locator('cc-ticket-queue');
    await queue.locator('cc-ticket-filters #q').fill(String(complaint.number));
    await queue.locator('cc-ticket-filters #q').press('Enter');
    await queue
      .locator('[role="row"][data-id]', { hasText: `#${complaint.number}` })
      .locator('[data-col="number"] button')
      .click();
    const detail = sp.locator('cc-ticket-detail');
    await detail.locator('[part="heading"]', { hasText: String(complaint.number) }).waitFor();
    await detail.locator('#verdict-yes').check();
    await detail
      .locator('#verdict-text')
      .fill('The recording confirms offensive words at 02:41; the caller was cut off.');
    await detail.locator('#verdict-text').press('Tab');
    await sp.keyboard.press('Enter');
    await detail.locator('[data-justified="true"]').waitFor({ timeout: LIMIT });
    await shot(sp, 'journey-2-supervisor-verdict', detail);
    const judged = await apiAs(portal.url, 'qa_specialist').tickets.get(complaint.id);
    assert.equal(judged.complaint?.verdict?.justified, true, 'the verdict is recorded');

    // ---- 2. The QA specialist evaluates the call, the complaint linked (zh-Hans) -------------
    const qa = await openDesk(browser, portal, 'qa_specialist', { locale: QA });
    const qp = qa.page;
    qp.setDefaultTimeout(LIMIT);
    // The queue, newest first, before anything of this journey reaches it.
    const qaQueue = qp.locator('cc-ticket-queue');
    await qaQueue.locator('[role="row"][data-id]').first().waitFor();
    await sortNewestFirst(qp);
    const tiles = qp.locator('cc-kpi-tiles');
    // The team's QA average: the tiles' scope picker, by keyboard.
    await tiles.locator('select[name="scope"]').focus();
    await tiles.locator('select[name="scope"]').selectOption(`team:${teamId}`);
    const qaTile = tiles.locator('[part="tile"][data-metric="qa_average"]');
    const evaluated = async () =>
      Number(await qaTile.locator('dd[data-denominator]').getAttribute('data-denominator'));
    const query = await tilesQuery(qp, teamId);
    const teamReport = () =>
      apiAs(portal.url, 'qa_specialist').kpis.get({
        scope: 'team',
        scopeId: teamId,
        from: query.from,
        to: query.to,
        bucket: 'day',
        metrics: ['qa_average'],
      });
    await waitForTile(qaTile, (await teamReport()).metrics[0]?.denominator ?? -1);
    const countBefore = await evaluated();
    const sumBefore = Number(
      await qaTile.locator('dd[data-numerator]').getAttribute('data-numerator'),
    );
    const valueBefore = (await qaTile.locator('[part="value"]').textContent())?.trim();

    // The portal's "start an evaluation" panel: the agent, their call, the scorecard.
    const form = qp.locator('form.evaluation-form');
    await form.locator('select[name="agent"]').selectOption(agentId);
    await form.locator(`select[name="call"] option[value="${callId}"]`).waitFor({
      state: 'attached',
    });
    await form.locator('select[name="call"]').selectOption(callId);
    await form.locator('select[name="template"]').selectOption('tpl_inbound');
    await form.locator('button[type="submit"]').click();
    const card = qp.locator('cc-qa-scorecard');
    await card
      .getByRole('button', { name: await sc(QA, 'qaScorecard.start'), exact: true })
      .click();
    await card.locator('fieldset[part="criterion"]').first().waitFor();
    const evaluationId = String(
      await qp.evaluate(`document.querySelector('cc-qa-scorecard').evaluationId`),
    );

    // The justified complaint about this call is offered; the specialist links it.
    const link = card.locator('[part="links"] label', { hasText: `#${complaint.number}` });
    await link.locator('input[type="checkbox"]').check();

    // Every item answered: the best mark, except "no prohibited words" (fatal) and a low
    // "accurate information", each with the comment the scorecard asks for.
    const template = await apiAs(portal.url, 'qa_specialist').qa.templates.get('tpl_inbound');
    const criteria = template.sections.flatMap((s) => s.criteria);
    for (const c of criteria) {
      const item = card.locator(`fieldset[part="criterion"][data-id="${c.id}"]`);
      if (c.id === 'no_prohibited_words') {
        await item.locator('input[type="radio"]').nth(1).check(); // 否
        await item.locator('textarea').fill('通话 02:41 处出现服务禁语。');
      } else if (c.id === 'accuracy') {
        await item.getByLabel('2', { exact: true }).check();
        await item.locator('textarea').fill('资费说明有误。');
      } else if (c.scale.type === 'points' && c.scale.max > 10) {
        await item.locator('input[type="number"]').fill(String(c.scale.max));
        await item.locator('input[type="number"]').press('Tab');
      } else {
        // yes/no: "yes" comes first; a rating or points: the highest mark, before "N/A".
        const choices = item.locator('.choices input[type="radio"]');
        const n = c.scale.type === 'yes_no' ? 0 : (await choices.count()) - (c.naAllowed ? 2 : 1);
        await choices.nth(n).check();
      }
    }
    const fatal = await sc(QA, 'qaScorecard.fatal');
    await card.locator('p.failed', { hasText: fatal }).waitFor();
    assert.equal((await card.locator('[part="total"] strong').textContent())?.trim(), '0');
    await shot(qp, 'journey-2-qa-evaluation-zh-Hans', card);
    await card
      .getByRole('button', { name: await sc(QA, 'qaScorecard.submit'), exact: true })
      .click();
    await card
      .getByRole('button', { name: await sc(QA, 'qaScorecard.submit'), exact: true })
      .waitFor({ state: 'detached', timeout: LIMIT });
    const submitted = await apiAs(portal.url, 'qa_specialist').qa.evaluations.get(evaluationId);
    assert.equal(submitted.state, 'submitted');
    assert.equal(submitted.score, 0, 'a fatal item scores the whole evaluation 0');
    assert.equal(submitted.fatalFailed, true);
    assert.deepEqual(submitted.linkedTicketIds, [complaint.id], 'the complaint is linked');
    assert.equal(submitted.callId, callId);
    // Read-only now: the linked complaint is listed.
    await card.locator('[part="links"] li', { hasText: `#${complaint.number}` }).waitFor();

    // The team's QA average tile follows (the portal re-reads the tiles after a submission).
    await waitForTile(qaTile, countBefore + 1);
    const valueAfter = (await qaTile.locator('[part="value"]').textContent())?.trim();
    // A 0 pulls the average down, unless today's evaluations of the team all scored 0 already.
    if (sumBefore > 0 || countBefore === 0) {
      assert.notEqual(
        valueAfter,
        valueBefore,
        `the QA average changed (${valueBefore} -> ${valueAfter})`,
      );
    }
    const report = (await teamReport()).metrics[0];
    assert.equal(await evaluated(), report?.denominator, 'the tile counts what the API counts');
    assert.ok(
      Math.abs((report?.value ?? Number.NaN) - parseScore(valueAfter)) < 0.06,
      `the tile shows the API's average (${report?.value} vs ${valueAfter})`,
    );
    await shot(qp, 'journey-2-qa-average-zh-Hans', tiles);

    // ---- 3. The agent disputes one criterion (zh-Hant) ---------------------------------------
    const agent = await openDesk(browser, portal, 'agent', { locale: AGENT });
    const ap = agent.page;
    ap.setDefaultTimeout(LIMIT);
    const mine = ap.locator('cc-qa-scorecard');
    await mine.locator('.list button').first().click();
    await mine.locator('[part="total"]').waitFor();
    assert.equal(
      await ap.evaluate(`document.querySelector('cc-qa-scorecard').evaluationId`),
      evaluationId,
      'the newest evaluation in the agent list is this one',
    );
    await mine.locator('p.failed', { hasText: await sc(AGENT, 'qaScorecard.fatal') }).waitFor();
    await mine
      .getByRole('button', { name: await sc(AGENT, 'qaScorecard.dispute'), exact: true })
      .click();
    const accuracy = criteria.find((c) => c.id === 'accuracy')!;
    const disputeItem = mine.locator('cc-qa-review fieldset', {
      hasText: accuracy.title[AGENT] ?? accuracy.title.en,
    });
    await disputeItem.locator('select').focus();
    await disputeItem.locator('select').selectOption('5');
    await disputeItem.locator('textarea').fill('資費是依照當月公告說明，錄音 01:10 可證。');
    await shot(ap, 'journey-2-agent-dispute-zh-Hant', mine);
    await mine
      .locator('cc-qa-review')
      .getByRole('button', { name: await rv(AGENT, 'qaReview.send'), exact: true })
      .click();
    await mine
      .getByRole('button', { name: await sc(AGENT, 'qaScorecard.dispute'), exact: true })
      .waitFor({ state: 'detached', timeout: LIMIT });
    const disputed = await apiAs(portal.url, 'qa_specialist').qa.evaluations.get(evaluationId);
    assert.equal(disputed.state, 'disputed');
    assert.deepEqual(
      disputed.disputes[0]?.items.map((i) => [i.criterionId, i.proposedValue]),
      [['accuracy', 5]],
      'one criterion disputed',
    );

    // ---- 4. The review request reaches the QA queue; the specialist partly accepts (zh-Hans) --
    // The queue, open since before the dispute, announces the new request live; opening it opens
    // the disputed evaluation in the scorecard (the portal's wiring).
    const request = disputed.disputes[0]?.ticketId ?? '';
    assert.ok(request, 'the dispute opened a QA review request');
    const show = qaQueue.getByRole('button', {
      name: await words('ticket-queue', QA, 'ticketQueue.live.show'),
      exact: true,
    });
    const row = qaQueue.locator(`[role="row"][data-id="${request}"]`);
    // Other tickets may arrive too, and the queue may reload meanwhile: "show them" until the
    // request is among the rows.
    const deadline = Date.now() + 2 * LIMIT;
    while (!(await row.count())) {
      assert.ok(Date.now() < deadline, 'the QA review request reaches the QA queue');
      const brief = { timeout: 5000 };
      await Promise.race([row.waitFor(brief).catch(() => {}), show.waitFor(brief).catch(() => {})]);
      if (!(await row.count()) && (await show.isVisible())) await show.click(brief).catch(() => {});
    }
    await row.locator('[data-col="number"] button').click();
    await card.locator('cc-qa-review table').waitFor({ timeout: LIMIT });
    assert.equal(
      await qp.evaluate(`document.querySelector('cc-qa-scorecard').evaluationId`),
      evaluationId,
    );
    const review = card.locator('cc-qa-review');
    // The outcome by keyboard: from "accepted", the arrow key moves to "partly accepted".
    await review.locator('input[name="outcome"]').first().focus();
    await qp.keyboard.press('ArrowDown');
    const apply = review.locator('td select');
    await apply.waitFor();
    await apply.selectOption('4');
    await review
      .locator('textarea')
      .fill('录音显示资费说明基本正确，但未说明生效日期：改为 4 分。');
    await shot(qp, 'journey-2-qa-review-zh-Hans', card);
    await review
      .getByRole('button', { name: await rv(QA, 'qaReview.resolve'), exact: true })
      .click();
    const history = review.locator('[part="history"] > ol > li');
    await history.nth(1).waitFor({ timeout: LIMIT });
    assert.equal(await history.count(), 2, 'the history shows both versions');
    const title = accuracy.title[QA] ?? accuracy.title.en;
    await history
      .nth(1)
      .locator('li', { hasText: title })
      .filter({ hasText: '2 / 5' })
      .filter({ hasText: '4 / 5' })
      .waitFor();
    await shot(qp, 'journey-2-qa-history-zh-Hans', review);
    const resolved = await apiAs(portal.url, 'qa_specialist').qa.evaluations.get(evaluationId);
    assert.equal(resolved.state, 'resolved');
    assert.equal(resolved.disputes[0]?.outcome, 'partially_accepted');
    assert.equal(resolved.answers.find((a) => a.criterionId === 'accuracy')?.value, 4);
    assert.equal(resolved.revision, 2);
    const versions = await apiAs(portal.url, 'qa_specialist').qa.evaluations.versions(evaluationId);
    assert.deepEqual(
      versions.items.map((v) => v.answers.find((a) => a.criterionId === 'accuracy')?.value),
      [2, 4],
      'both versions are kept',
    );
    // The fatal item still fails, so the score (and the team's average) stays; the tile is
    // re-read after the resolution and still counts what the API counts.
    assert.equal(resolved.score, 0);
    await waitForTile(qaTile, (await teamReport()).metrics[0]?.denominator ?? -1);

    // ---- 5. The agent sees the decision and both versions (zh-Hant) --------------------------
    await mine
      .getByRole('button', { name: await sc(AGENT, 'qaScorecard.back'), exact: true })
      .click();
    await mine.locator('.list button').first().click();
    const agentHistory = mine.locator('cc-qa-review [part="history"] > ol > li');
    await agentHistory.nth(1).waitFor({ timeout: LIMIT });
    await mine
      .locator('cc-qa-review [part="history"] li li', { hasText: accuracy.title[AGENT] ?? '' })
      .waitFor();
    await shot(ap, 'journey-2-agent-history-zh-Hant', mine);

    assert.deepEqual([...supervisor.errors, ...qa.errors, ...agent.errors], []);
    await Promise.all([supervisor.context.close(), qa.context.close(), agent.context.close()]);
    console.log(`journey 2 took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

/** An element's string as staff read it (a locale's own catalog file where the element has one). */
async function words(element: string, locale: Locale, key: string): Promise<string> {
  const file = join(repo, `packages/widgets/src/${element}/${element}.i18n.${locale}.ts`);
  if (locale !== 'en' && existsSync(file)) {
    const own = ((await import(pathToFileURL(file).href)) as { default?: Record<string, unknown> })
      .default?.[key];
    if (typeof own === 'string') return own;
  }
  return text(element, locale, key);
}

/** "24.6 分" -> 24.6. */
function parseScore(text: string | undefined): number {
  return Number.parseFloat((text ?? '').replace(/[^\d.]/g, ''));
}

/** Sorts the queue by number, highest first, with the column header (as a person would). */
async function sortNewestFirst(page: Page): Promise<void> {
  const header = page.locator('cc-ticket-queue [role="columnheader"][data-col="number"]');
  for (let i = 0; i < 3; i++) {
    const sort = (await header.getAttribute('aria-sort')) ?? 'none';
    if (sort === 'descending') return;
    await header.locator('button').click();
    await page
      .locator(
        `cc-ticket-queue [role="columnheader"][data-col="number"]:not([aria-sort="${sort}"])`,
      )
      .waitFor();
  }
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
}

/** Waits until the tile counts `n` evaluations (its explanation's denominator). */
async function waitForTile(tile: Locator, n: number): Promise<void> {
  await tile.locator(`dd[data-denominator="${n}"]`).waitFor({ state: 'attached', timeout: LIMIT });
}

/** Waits until the tiles show the team's figures; the period they asked the API for. */
async function tilesQuery(page: Page, teamId: string): Promise<{ from: string; to: string }> {
  const tiles = `document.querySelector('cc-kpi-tiles')`;
  await until(
    page,
    `${tiles}.shown?.query.scopeId === ${JSON.stringify(teamId)} && !${tiles}.matches(':state(loading)')`,
    LIMIT,
  );
  return (await page.evaluate(`(({ from, to }) => ({ from, to }))(${tiles}.shown.query)`)) as {
    from: string;
    to: string;
  };
}
