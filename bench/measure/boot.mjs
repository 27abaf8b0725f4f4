/* global window, document */
// The demo portal (packages/demo, the whole kit on a plain page) booting in headless Chromium at
// 1x and 4x CPU: total blocking time, longest task and cumulative layout shift.
import { launch, newPage } from '../lib/browser.mjs';
import { startApi } from '../lib/api.mjs';
import { median, totalBlockingTime } from '../lib/stats.mjs';

export const title = 'Demo portal boot (whole kit, headless Chromium)';

/** Each layout shift's sources, named by their path through shadow roots (for the report). */
const SOURCES = `(() => {
  const name = (node) => {
    const parts = [];
    for (let n = node; n && parts.length < 6; ) {
      if (n.nodeType === 1) parts.unshift(n.localName + (n.id ? '#' + n.id : '') + (n.classList?.length ? '.' + n.classList[0] : ''));
      else if (n.nodeType === 3) parts.unshift('"' + n.textContent.trim().slice(0, 20) + '"');
      n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
      if (n === document.body) break;
    }
    return parts.join(' > ');
  };
  window.__shiftSources = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        for (const s of e.sources) window.__shiftSources.push(s.node ? name(s.node) : '(a node removed since)');
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
})();`;

async function once(browser, url, rate) {
  const { page, close } = await newPage(browser, rate);
  try {
    await page.addInitScript(SOURCES);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The portal signs in, then every widget loads its data: let it settle.
    await page.waitForTimeout(4000 * rate);
    const perf = await page.evaluate(() => ({
      longtasks: window.__perf.longtasks.map((t) => t.duration),
      cls: window.__perf.cls,
      shifts: window.__perf.shifts,
      sources: window.__shiftSources ?? [],
      elements: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('cc-'))
        .length,
    }));
    return {
      tbt: totalBlockingTime(perf.longtasks),
      longest: perf.longtasks.length ? Math.max(...perf.longtasks) : 0,
      cls: perf.cls,
      shifts: perf.shifts.length,
      sources: perf.sources,
      elements: perf.elements,
    };
  } finally {
    await close();
  }
}

export async function run({ chromiumPath, runs, quick, log }) {
  const api = await startApi({ dbFile: ':memory:', portal: true });
  const browser = await launch(chromiumPath);
  try {
    const rates = quick ? [1] : [1, 4];
    const metrics = [];
    const goals = [];
    const rows = [];
    /** How often each node was a layout shift's source, over every counted run. */
    const sources = new Map();
    for (const rate of rates) {
      await once(browser, `${api.url}/`, rate); // warm-up
      const s = { tbt: [], longest: [], cls: [], shifts: [], elements: [] };
      for (let i = 0; i < runs; i++) {
        const r = await once(browser, `${api.url}/`, rate);
        for (const k of Object.keys(s)) s[k].push(r[k]);
        for (const node of r.sources)
          sources.set(`${rate}x: ${node}`, (sources.get(`${rate}x: ${node}`) ?? 0) + 1);
        log(
          `  ${rate}x run ${i + 1}/${runs}: TBT ${r.tbt.toFixed(0)} ms, longest ${r.longest.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}`,
        );
      }
      metrics.push({ name: `total blocking time @${rate}x`, unit: 'ms', samples: s.tbt });
      metrics.push({ name: `longest task @${rate}x`, unit: 'ms', samples: s.longest });
      metrics.push({ name: `cumulative layout shift @${rate}x`, unit: '', samples: s.cls });
      rows.push([
        `${rate}x`,
        median(s.tbt).toFixed(0),
        median(s.longest).toFixed(0),
        median(s.cls).toFixed(3),
        median(s.shifts),
        median(s.elements),
      ]);
      goals.push({
        label: `portal layout shift @${rate}x`,
        value: median(s.cls).toFixed(3),
        target: '0',
        ok: median(s.cls) === 0,
      });
      goals.push({
        label: `portal longest task @${rate}x`,
        value: `${median(s.longest).toFixed(0)} ms`,
        target: '≤ 50 ms',
        ok: median(s.longest) <= 50,
      });
    }
    return {
      metrics,
      goals,
      tables: [
        {
          title: 'Medians',
          head: ['CPU', 'TBT ms', 'longest task ms', 'CLS', 'shifts', 'kit elements on the page'],
          rows,
        },
        ...(sources.size
          ? [
              {
                title: 'Layout shift sources (every counted run)',
                head: ['CPU: node', 'times'],
                rows: [...sources].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n]),
              },
            ]
          : []),
      ],
      notes: [
        'The portal as served by the reference server (packages/demo with packages/demo/dist/cc-widgets.js from the last build), signed in as the default role; measured from navigation start to 4 s (x the CPU slowdown) after load.',
      ],
    };
  } finally {
    await browser.close();
    await api.close();
  }
}
