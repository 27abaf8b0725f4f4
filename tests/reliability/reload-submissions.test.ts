/**
 * Complaint submissions interrupted by a page reload, in Chromium: a page with <cc-complaint-form>
 * talks to the real server through the fault proxy, which delays the sign-in check and the filing
 * before they reach the server, holds the server's answer back after the complaint is stored
 * (`delay-after`), and answers some of them with resets and 5xx. A user fills the form with a
 * unique marker in the description and presses "send"; the page is reloaded after a random time
 * (seeded), and sometimes while the user is still typing. Each reload is placed, from the proxy's
 * timeline and the page's own, in the window it hit:
 *
 *   before   no filing request had reached the proxy yet (the draft being saved, the user checked)
 *   flight   the filing request had reached the proxy, the server had not answered
 *   answered the server had answered (the complaint is stored), the form had not shown it yet
 *   shown    the form had already shown it as sent (not an interruption)
 *
 * After each reload the form must finish on its own: its outbox sends the queued complaint again
 * with the same idempotency key. A reload before the submission was saved on the device leaves
 * the draft in the form, as typed, for the user to send. Afterwards the server holds exactly one
 * complaint per draft, the one the user saw, and nothing the user typed was lost.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../packages/server/test/helpers/server.js';
import { launchChromium, startPortalServer } from './support/browser.js';
import { fileableCategories } from './support/complaints.js';
import { seededRandom, startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { scale, SEED } from './support/scale.js';

const DRAFTS = scale(30, 200);
/** Reloads happen this long (ms, uniform) after "send" is pressed. */
const RELOAD_WITHIN = 900;
/** Share of drafts also reloaded while the user is still typing, before "send". */
const TYPING_RELOADS = 0.2;
/** Share of the sign-in checks and filings that get a fault (delays, resets, 5xx). */
const FAULT_SHARE = 0.3;
/** How long a filing without a fault is held before forwarding, and its answer after (ms). */
const HOLD_MS: [number, number] = [100, 450];
type Window = 'before' | 'flight' | 'answered' | 'shown';

let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;

/** What the proxy saw of each draft's filing requests (by the marker in the body). */
const timeline = new Map<string, { received?: number; answered?: number; requests: number }>();
const MARKER = /\[reload [^\]]+\]/;
const filing = (method: string, url: string) =>
  method === 'POST' && url.split('?')[0] === '/v1/complaints';

before(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchChromium()]);
  const pauses = seededRandom(SEED ^ 0xf11e);
  const pick = ([min, max]: [number, number]) => min + Math.floor(pauses() * (max - min + 1));
  proxy = await startFaultProxy({
    target: server.url,
    share: FAULT_SHARE,
    seed: SEED,
    // Faults on the filing only: a page whose first load fails waits for the user's "try again".
    eligible: filing,
    // Faults the SDK gets over in a moment (drops and 429 only make the run longer).
    weights: {
      delay: 2,
      'reset-before': 1,
      'reset-after': 1,
      'error-5xx': 1,
      'error-after': 1,
      drop: 0,
      'rate-limited': 0,
    },
    delayMs: [60, 400],
    // Every filing without a fault is held on its way in and its answer on the way out, and the
    // sign-in check the form makes before filing on its way in, so a reload at a random moment
    // lands in each window often.
    pause: (method, url) =>
      filing(method, url)
        ? { before: pick(HOLD_MS), after: pick(HOLD_MS) }
        : method === 'GET' && url.split('?')[0] === '/v1/me'
          ? { before: pick([0, 300]) }
          : undefined,
    observe: (event) => {
      if (!filing(event.method, event.url)) return;
      const marker = MARKER.exec(event.body.toString('utf8'))?.[0];
      if (!marker) return;
      const seen = timeline.get(marker) ?? { requests: 0 };
      if (event.phase === 'received') {
        seen.requests++;
        seen.received ??= event.at;
      }
      if (event.phase === 'answered' && event.status! < 300) seen.answered ??= event.at;
      timeline.set(marker, seen);
    },
  });
});
after(async () => {
  await proxy?.close();
  await browser?.close();
  await server?.close();
});

/** The page: one provider and one complaint form; what it showed is kept in sessionStorage. */
function pageHtml(token: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>complaint</title></head>
<body><main id="main"></main><script type="module">
import '/dist/cc-widgets.js';
const token = ${JSON.stringify(token)};
const log = (name, entry) => {
  const list = JSON.parse(sessionStorage.getItem(name) ?? '[]');
  list.push(entry);
  sessionStorage.setItem(name, JSON.stringify(list));
};
addEventListener('pagehide', () => log('cc-hidden', Date.now()));
const provider = document.createElement('cc-provider');
provider.baseUrl = location.origin;
provider.getToken = async () => ({ token, expiresAt: new Date(Date.now() + 3600000).toISOString() });
const form = document.createElement('cc-complaint-form');
form.setAttribute('draft-key', 'reload');
form.addEventListener('cc-complaint-submitted', (e) => {
  const marker = (e.ticket.description.match(${MARKER.toString()}) ?? [''])[0];
  log('cc-sent', { marker, id: e.ticketId, number: e.number, at: Date.now() });
});
form.addEventListener('cc-error', (e) => log('cc-errors', { code: e.code, retryable: e.retryable }));
provider.append(form);
document.getElementById('main').append(provider);
</script></body></html>`;
}

interface Sent {
  marker: string;
  id: string;
  number: number;
  at: number;
}

const stored = <T>(page: Page, name: string): Promise<T[]> =>
  page.evaluate((name) => JSON.parse(sessionStorage.getItem(name) ?? '[]') as never, name);

/**
 * Waits for the form to come to rest after a load: `sent` (the confirmation is shown), `draft`
 * (a draft is in the form, not being sent) or `blank` (an empty form, and no draft on the device
 * left to restore).
 */
async function settle(page: Page, timeout = 30_000): Promise<'sent' | 'draft' | 'blank'> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const state = await page.evaluate(async () => {
      const form = document.querySelector('cc-complaint-form');
      const root = form?.shadowRoot;
      if (!form || !root || form.matches(':state(loading)')) return false;
      if (form.matches(':state(submitted)')) return 'sent';
      const description = root.querySelector<HTMLTextAreaElement>('[name=description]');
      const button = root.querySelector<HTMLButtonElement>('button[type=submit]');
      if (!description || !button || form.matches(':state(queued)') || button.disabled) {
        return false;
      }
      if (description.value) return 'draft';
      // Empty: final once no draft is left on the device for the form to restore.
      if (!(await indexedDB.databases()).some((d) => d.name === 'cc-kit')) return 'blank';
      const drafts = await new Promise<number>((resolve) => {
        const request = indexedDB.open('cc-kit');
        request.onerror = () => resolve(1);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('complaint-drafts')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('complaint-drafts').objectStore('complaint-drafts').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => resolve(1);
        };
      });
      return drafts === 0 ? 'blank' : false;
    });
    if (state) return state;
    await page.waitForTimeout(50);
  }
  const shown = await page.evaluate(() => {
    const form = document.querySelector('cc-complaint-form');
    const states = ['loading', 'error', 'queued', 'submitted'].filter((s) =>
      form?.matches(`:state(${s})`),
    );
    return `${states.join(' ')}: ${form?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`;
  });
  throw new Error(`the form did not come to rest in ${timeout} ms (${shown})`);
}

const field = (page: Page, name: string) => page.locator(`cc-complaint-form [name="${name}"]`);

describe('complaint submissions interrupted by a page reload', () => {
  test(`${DRAFTS} drafts, each reloaded during submission: filed exactly once`, async (t) => {
    const leaves = await fileableCategories(server);

    const random = seededRandom(SEED ^ 0x5eed);
    const run = `${SEED}-${Date.now().toString(36)}`;
    const agent = server.userFor('agent');
    const token = server.tokenFor('agent', { userId: agent.id, ttlSeconds: 4 * 3600 });
    const context = await browser.newContext({ viewport: { width: 1200, height: 1400 } });
    const hits: Record<Window, number> = { before: 0, flight: 0, answered: 0, shown: 0 };
    const outcomes = { resentByForm: 0, leftAsDraft: 0, typingReloads: 0, typingKept: 0 };
    const errors: string[] = [];
    const started = Date.now();
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.route(`${proxy.url}/reload.html`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml(token) }),
      );
      await page.goto(`${proxy.url}/reload.html`);

      /** Reloads; returns when the page hid (its own clock) and how the form came to rest. */
      const reload = async () => {
        await page.reload();
        const hidden = await stored<number>(page, 'cc-hidden');
        return { hiddenAt: hidden[hidden.length - 1]!, state: await settle(page) };
      };
      /** The draft as the form shows it now. */
      const shown = () =>
        Promise.all(['customerName', 'description'].map((n) => field(page, n).inputValue()));

      for (let i = 0; i < DRAFTS; i++) {
        const marker = `[reload ${run} #${i}]`;
        const typed = [`客户 ${i} O'Brien <b>`, `${marker} The bill was charged twice, again.`];
        const category = leaves[i % leaves.length]!.id;
        await page.waitForFunction(() => {
          const form = document.querySelector('cc-complaint-form');
          const root = form?.shadowRoot;
          const description = root?.querySelector<HTMLTextAreaElement>('[name=description]');
          return !form!.matches(':state(submitted)') && description?.value === '';
        });
        await field(page, 'customerName').fill(typed[0]!);
        await field(page, 'categoryId').selectOption(category);
        await field(page, 'description').fill(typed[1]!);

        if (random() < TYPING_RELOADS) {
          // The user is still at it: the page goes away before "send".
          await page.waitForTimeout(Math.floor(random() * 600));
          outcomes.typingReloads++;
          const { state } = await reload();
          assert.equal(state, 'draft', `draft ${i}: what was typed is still in the form`);
          assert.deepEqual(await shown(), typed, `draft ${i}: restored as typed`);
          assert.equal(await field(page, 'categoryId').inputValue(), category);
          outcomes.typingKept++;
        }

        await page.locator('cc-complaint-form button[type=submit]').click();
        await page.waitForTimeout(Math.floor(random() * RELOAD_WITHIN));
        const { hiddenAt, state } = await reload();

        const sentBefore = (await stored<Sent>(page, 'cc-sent')).find((s) => s.marker === marker);
        const seen = timeline.get(marker);
        const window: Window =
          sentBefore && sentBefore.at <= hiddenAt
            ? 'shown'
            : seen?.answered !== undefined && seen.answered <= hiddenAt
              ? 'answered'
              : seen?.received !== undefined && seen.received <= hiddenAt
                ? 'flight'
                : 'before';
        hits[window]++;

        let end = state;
        if (state === 'draft') {
          // Reloaded before the submission was saved on the device: the draft waits, as typed.
          assert.equal(window, 'before', `draft ${i}: left as a draft only if it never left`);
          assert.deepEqual(await shown(), typed, `draft ${i}: nothing typed lost`);
          outcomes.leftAsDraft++;
          await page.locator('cc-complaint-form button[type=submit]').click();
          end = await settle(page);
        } else if (state === 'sent') {
          if (window !== 'shown') outcomes.resentByForm++;
        }
        if (window === 'shown') {
          // It was shown as sent before the reload; the form starts afresh.
          assert.ok(end === 'blank' || end === 'sent', `draft ${i}: ${end} after being shown`);
        } else {
          assert.equal(end, 'sent', `draft ${i} (${window}): the form finished filing it`);
        }
        const confirmations = (await stored<Sent>(page, 'cc-sent')).filter(
          (s) => s.marker === marker,
        );
        assert.ok(confirmations.length > 0, `draft ${i}: the user saw it as sent`);
        assert.equal(
          new Set(confirmations.map((c) => c.id)).size,
          1,
          `draft ${i}: every confirmation names the same complaint`,
        );
        if (end === 'sent') {
          await page.locator('cc-complaint-form [part=confirmation] button').click();
        }
      }

      const seconds = (Date.now() - started) / 1000;
      const sent = await stored<Sent>(page, 'cc-sent');
      const formErrors = await stored<{ code: string; retryable: boolean }>(page, 'cc-errors');
      const rows = server.built.db
        .prepare(
          `SELECT id, number, description FROM tickets WHERE kind = 'complaint' AND description LIKE ? ESCAPE '\\'`,
        )
        .all(`[reload ${run.replace(/[%_\\]/g, '\\$&')} #%`) as {
        id: string;
        number: number;
        description: string;
      }[];
      const perDraft = new Map<string, string[]>();
      for (const row of rows) {
        const marker = MARKER.exec(row.description)![0];
        perDraft.set(marker, [...(perDraft.get(marker) ?? []), row.id]);
      }
      const duplicates = [...perDraft.values()].filter((ids) => ids.length > 1).length;
      const requests = [...timeline.values()].reduce((sum, s) => sum + s.requests, 0);
      t.diagnostic(
        `drafts ${DRAFTS}, stored ${rows.length}, duplicates ${duplicates}, confirmations ${sent.length}; ` +
          `reload windows ${JSON.stringify(hits)}; finished by the form after the reload ${outcomes.resentByForm}, ` +
          `left as a draft and sent by the user ${outcomes.leftAsDraft}; reloads while typing ` +
          `${outcomes.typingReloads} (all kept ${outcomes.typingKept}); filing requests ${requests}, ` +
          `proxy ${proxy.stats.requests} requests, faults ${JSON.stringify(proxy.stats.faults)}; ` +
          `form errors ${formErrors.length}; ${seconds.toFixed(1)} s`,
      );

      assert.equal(rows.length, DRAFTS, 'exactly one stored complaint per draft');
      assert.equal(duplicates, 0);
      for (const s of sent) {
        assert.deepEqual(perDraft.get(s.marker), [s.id], `${s.marker}: the one the user saw`);
      }
      assert.equal(new Set(sent.map((s) => s.marker)).size, DRAFTS, 'every draft seen as sent');
      assert.deepEqual(
        formErrors.filter((e) => !e.retryable),
        [],
        'no submission refused',
      );
      assert.deepEqual(errors, [], 'page errors');
      for (const window of ['before', 'flight', 'answered'] as const) {
        assert.ok(hits[window] > 0, `a reload hit the window "${window}"`);
      }
    } finally {
      await context.close();
    }
  });
});
