/* global window, requestAnimationFrame */
// <cc-ticket-queue> beside AG Grid Community and Tabulator in headless Chromium: the same 10,000
// tickets from the same server, equivalent columns, runs interleaved, at 1x and 4x CPU.
import { launch, newPage, heapAfterGc } from '../lib/browser.mjs';
import { startApi } from '../lib/api.mjs';
import { bundlePage } from '../lib/pagescripts.mjs';
import { servePages } from '../lib/pages.mjs';
import { kB } from '../lib/report.mjs';
import { sizesOf } from '../lib/sizes.mjs';
import { median, pairedRatio, quantile, totalBlockingTime } from '../lib/stats.mjs';

export const title = 'Ticket queue vs AG Grid and Tabulator (10,000 tickets, headless Chromium)';

const CONTENDERS = [
  ['queue', '<cc-ticket-queue>'],
  ['aggrid', 'AG Grid Community'],
  ['tabulator', 'Tabulator'],
];

/** Fetches every ticket through the API (pages of 200). */
async function allTickets(api) {
  const token = await api.token('operations_manager');
  const items = [];
  let cursor;
  do {
    const url = new URL('/v1/tickets', api.url);
    url.searchParams.set('limit', '200');
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`list tickets: ${res.status} ${await res.text()}`);
    const page = await res.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** One load of one page: time to first rows, long tasks, then a scroll, then memory. */
async function once(browser, url, rate) {
  const { page, cdp, close } = await newPage(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => window.__bench?.firstRows !== undefined, null, {
        timeout: 60_000 * rate,
      });
    } catch {
      return {
        firstRows: NaN,
        longest: NaN,
        tbt: NaN,
        rows: 0,
        frameP95: NaN,
        frameMax: NaN,
        heapMB: NaN,
      };
    }
    await page.waitForTimeout(1000 * rate);
    const load = await page.evaluate(() => ({
      firstRows: window.__bench.firstRows,
      longtasks: window.__perf.longtasks.map((t) => t.duration),
      rows: window.__rows(),
    }));
    // Scroll: 60 frames of 400 px each, frame times from animation frames.
    const frames = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const el = window.__scroller();
          const times = [];
          let last = performance.now();
          let n = 0;
          const step = (now) => {
            times.push(now - last);
            last = now;
            if (++n > 60 || !el) return resolve(times.slice(1));
            el.scrollTop += 400;
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
    const heap = await heapAfterGc(cdp);
    return {
      firstRows: load.firstRows,
      longest: load.longtasks.length ? Math.max(...load.longtasks) : 0,
      tbt: totalBlockingTime(load.longtasks),
      rows: load.rows,
      frameP95: quantile(frames, 0.95),
      frameMax: frames.length ? Math.max(...frames) : NaN,
      heapMB: heap / 2 ** 20,
    };
  } finally {
    await close();
  }
}

export async function run({ chromiumPath, runs, quick, log }) {
  // The quick subset keeps the default demo volume (~3,000 tickets): seeding 10,000 takes minutes.
  const volume = quick ? undefined : '10000';
  log(`  starting the server with ${volume ?? 'the default'} tickets`);
  const api = await startApi({ dbFile: ':memory:' }, volume ? { CC_SEED_TICKETS: volume } : {});
  const pages = await servePages(api.url);
  const browser = await launch(chromiumPath);
  try {
    const tickets = await allTickets(api);
    pages.file('/tickets.json', JSON.stringify(tickets));
    log(`  ${tickets.length} tickets; bundling the three pages`);
    const token = await api.token('operations_manager');
    const urls = {};
    const bytes = {};
    for (const [name] of CONTENDERS) {
      const code = await bundlePage(name);
      bytes[name] = sizesOf(code);
      urls[name] = `${pages.page(name, code)}?token=${encodeURIComponent(token)}`;
    }
    const rates = quick ? [1] : [1, 4];
    const samples = {};
    for (const rate of rates) {
      // One warm-up load each (compile caches, server statement caches), not counted.
      for (const [name] of CONTENDERS) await once(browser, urls[name], rate);
      for (let i = 0; i < runs; i++) {
        for (const [name] of CONTENDERS) {
          const r = await once(browser, urls[name], rate);
          for (const [k, v] of Object.entries(r))
            ((samples[`${name}@${rate}`] ??= {})[k] ??= []).push(v);
        }
        log(
          `  ${rate}x run ${i + 1}/${runs}: ${CONTENDERS.map(([n]) => `${n} ${samples[`${n}@${rate}`].firstRows.at(-1).toFixed(0)} ms`).join(', ')}`,
        );
      }
    }
    const metrics = [];
    const tableRows = [];
    for (const rate of rates) {
      for (const [name, label] of CONTENDERS) {
        const s = samples[`${name}@${rate}`];
        metrics.push({
          name: `${label} @${rate}x: time to first rows`,
          unit: 'ms',
          samples: s.firstRows,
        });
        metrics.push({ name: `${label} @${rate}x: longest task`, unit: 'ms', samples: s.longest });
        metrics.push({
          name: `${label} @${rate}x: total blocking time`,
          unit: 'ms',
          samples: s.tbt,
        });
        metrics.push({
          name: `${label} @${rate}x: scroll frame p95`,
          unit: 'ms',
          samples: s.frameP95,
        });
        metrics.push({
          name: `${label} @${rate}x: JS heap after GC`,
          unit: 'MB',
          samples: s.heapMB,
        });
        tableRows.push([
          `${label} @${rate}x`,
          median(s.firstRows).toFixed(0),
          median(s.longest).toFixed(0),
          median(s.tbt).toFixed(0),
          median(s.frameP95).toFixed(1),
          median(s.frameMax).toFixed(0),
          median(s.heapMB).toFixed(1),
          median(s.rows).toFixed(0),
        ]);
      }
    }
    const goals = [];
    const ratioRows = [];
    for (const rate of rates) {
      const q = samples[`queue@${rate}`];
      for (const [name, label] of CONTENDERS.slice(1)) {
        const r = pairedRatio(q.firstRows, samples[`${name}@${rate}`].firstRows);
        ratioRows.push([
          `queue / ${label} @${rate}x`,
          r.median.toFixed(2),
          `${r.min.toFixed(2)}–${r.max.toFixed(2)}`,
        ]);
        if (name === 'aggrid')
          goals.push({
            label: `time to first rows vs AG Grid @${rate}x`,
            value: `${r.median.toFixed(2)}x`,
            target: '≤ 0.35x',
            ok: r.median <= 0.35,
          });
      }
      const longest = median(q.longest);
      goals.push({
        label: `queue's longest task @${rate}x`,
        value: `${longest.toFixed(0)} ms`,
        target: '≤ 50 ms',
        ok: longest <= 50,
      });
    }
    goals.push({
      label: 'queue page bytes vs AG Grid page (brotli)',
      value: `${(bytes.queue.brotli / bytes.aggrid.brotli).toFixed(3)}x (${kB(bytes.queue.brotli)} vs ${kB(bytes.aggrid.brotli)})`,
      target: '≤ 0.1x',
      ok: bytes.queue.brotli <= bytes.aggrid.brotli / 10,
    });
    return {
      metrics,
      goals,
      data: { bytes, tickets: tickets.length },
      tables: [
        {
          title: 'Medians',
          head: [
            'page',
            'first rows ms',
            'longest task ms',
            'TBT ms',
            'scroll frame p95 ms',
            'worst frame ms',
            'heap MB',
            'rows in DOM',
          ],
          rows: tableRows,
        },
        {
          title: 'Ratios in the same run (per-run pairs)',
          head: ['ratio', 'median', 'range'],
          rows: ratioRows,
        },
        {
          title: 'Page script bytes (esbuild, minified, everything the page runs)',
          head: ['page', 'min', 'gzip', 'brotli'],
          rows: CONTENDERS.map(([n, label]) => [
            label,
            kB(bytes[n].min),
            kB(bytes[n].gzip),
            kB(bytes[n].brotli),
          ]),
        },
      ],
      notes: [
        'Time to first rows counts from navigation start to the first animation frame with a row in the DOM: script download and start-up, the data request and the render. AG Grid and Tabulator load all 10,000 tickets as one JSON document (the way they are usually fed) and render them client-side; the queue asks the API for its first page (100 rows, its default view of open work) and pages in more while scrolling.',
        'Columns: number, subject, kind, state, priority, assignee, SLA due, updated; the grids show the raw values, the queue its own formatting (names, SLA time left).',
        'The scroll is 60 animation frames of 400 px each; the queue loads further pages from the API on the way.',
      ],
    };
  } finally {
    await browser.close();
    await pages.close();
    await api.close();
  }
}
