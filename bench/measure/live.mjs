/* global window, document, requestAnimationFrame */
// Live updates: a ticket changed through the API (PATCH from the page itself, so one clock) until
// the change is rendered in an open <cc-ticket-queue>, p50 / p95 over 200 updates.
import { launch, newPage } from '../lib/browser.mjs';
import { startApi } from '../lib/api.mjs';
import { bundlePage } from '../lib/pagescripts.mjs';
import { servePages } from '../lib/pages.mjs';
import { percentiles } from '../lib/stats.mjs';

export const title = 'Live update latency (API write to rendered row)';

export async function run({ chromiumPath, quick, log }) {
  const api = await startApi({ dbFile: ':memory:' });
  const pages = await servePages(api.url);
  const browser = await launch(chromiumPath);
  const { page, close } = await newPage(browser, 1);
  try {
    const token = await api.token('operations_manager');
    const url = `${pages.page('queue', await bundlePage('queue'))}?token=${encodeURIComponent(token)}`;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.firstRows !== undefined, null, {
      timeout: 120_000,
    });
    await page.waitForTimeout(1500); // the event stream connects
    const count = quick ? 40 : 200;
    const ms = await page.evaluate(
      async ({ token, count }) => {
        const queue = document.querySelector('cc-ticket-queue');
        const rowText = () => queue.shadowRoot.querySelector('.body [role=row]')?.textContent ?? '';
        // The first row shown: find its ticket by number.
        const auth = { authorization: `Bearer ${token}` };
        const listed = await (
          await fetch(
            '/v1/tickets?state=new&state=open&state=pending&state=escalated&sort=slaDueAt&limit=1',
            { headers: auth },
          )
        ).json();
        const id = listed.items[0].id;
        let etag = (await fetch(`/v1/tickets/${id}`, { headers: auth })).headers.get('etag');
        const seen = (text) =>
          new Promise((resolve) => {
            const tick = () =>
              rowText().includes(text) ? resolve(performance.now()) : requestAnimationFrame(tick);
            tick();
          });
        const out = [];
        for (let i = 0; i < count; i++) {
          const subject = `Live check ${i} ${Math.random().toString(36).slice(2, 8)}`;
          const t0 = performance.now();
          const res = await fetch(`/v1/tickets/${id}`, {
            method: 'PATCH',
            headers: { ...auth, 'content-type': 'application/merge-patch+json', 'if-match': etag },
            body: JSON.stringify({ subject }),
          });
          if (!res.ok) throw new Error(`PATCH ${res.status}`);
          etag = res.headers.get('etag');
          const shown = await Promise.race([
            seen(subject),
            new Promise((r) => setTimeout(() => r(NaN), 10_000)),
          ]);
          out.push(shown - t0);
        }
        return out;
      },
      { token, count },
    );
    const p = percentiles(ms.filter(Number.isFinite));
    const missed = ms.filter((x) => !Number.isFinite(x)).length;
    log(
      `  p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms over ${ms.length} (${missed} not shown in 10 s)`,
    );
    return {
      metrics: [
        { name: 'update to rendered row', unit: 'ms', samples: ms.filter(Number.isFinite) },
      ],
      tables: [
        {
          title: `Over ${ms.length} updates`,
          head: ['p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'not shown within 10 s'],
          rows: [[p.p50.toFixed(0), p.p95.toFixed(0), p.p99.toFixed(0), p.max.toFixed(0), missed]],
        },
      ],
      goals: [
        {
          label: 'live update p95',
          value: `${p.p95.toFixed(0)} ms`,
          target: '≤ 250 ms',
          ok: p.p95 <= 250 && !missed,
        },
      ],
      notes: [
        'One ticket (the first row of the open queue) renamed 200 times, one after the other, by a PATCH the page sends itself; the time runs until the new subject is in the row at an animation frame. The range column of the summary above is over updates, not runs.',
      ],
    };
  } finally {
    await close();
    await browser.close();
    await pages.close();
    await api.close();
  }
}
