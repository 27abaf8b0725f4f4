// Headless Chromium through playwright-core (Debian's /usr/bin/chromium, no download).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export const ARGS = [
  ...CHROMIUM_ARGS,
  // Measure as a foreground tab would run, and expose memory figures.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--enable-precise-memory-info',
];

export function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

/** Long tasks and layout shifts from the start of the page, kept in window.__perf. */
export const OBSERVE = `(() => {
  const perf = (window.__perf = { longtasks: [], cls: 0, shifts: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) perf.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { perf.cls += e.value; perf.shifts.push({ at: e.startTime, value: e.value }); } })
      .observe({ type: 'layout-shift', buffered: true });
  } catch {}
})();`;

/** A fresh page (own context) with CPU throttling `rate` (1 = none) and the observers installed. */
export async function newPage(browser, rate = 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  return { page, cdp, close: () => context.close() };
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}
