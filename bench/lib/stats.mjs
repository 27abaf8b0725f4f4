// Pure helpers: medians, percentiles and spreads of samples (tested in bench/test/stats.test.mjs).

/** The q-quantile (0..1) of the samples, linear between neighbours; NaN for none. */
export function quantile(samples, q) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export const median = (samples) => quantile(samples, 0.5);

/**
 * Median, min, max and the relative spread ((max - min) / median) of repeated runs; the numbers a
 * report shows for one measurement.
 */
export function summarize(samples) {
  const xs = samples.filter((x) => Number.isFinite(x));
  if (!xs.length) return { n: 0, median: NaN, min: NaN, max: NaN, spread: NaN };
  const m = median(xs);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { n: xs.length, median: m, min, max, spread: m ? (max - min) / Math.abs(m) : 0 };
}

/** p50 / p95 / p99 of latencies. */
export function percentiles(samples) {
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** Ratio of medians of two series measured in the same run (a / b). */
export function ratio(a, b) {
  const mb = median(b);
  return mb ? median(a) / mb : NaN;
}

/** Per-run ratios a[i] / b[i] summarized: robust to drift of the machine between runs. */
export function pairedRatio(a, b) {
  const n = Math.min(a.length, b.length);
  const rs = [];
  for (let i = 0; i < n; i++) if (b[i]) rs.push(a[i] / b[i]);
  return summarize(rs);
}

/** Total blocking time of long tasks (durations in ms): the part of each beyond 50 ms. */
export function totalBlockingTime(durations) {
  return durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
}

/** Parses the runner's command line. */
export function parseArgs(argv) {
  const out = { quick: false, only: undefined, runs: undefined, noInstall: false };
  for (const arg of argv) {
    if (arg === '--quick') out.quick = true;
    else if (arg === '--no-install') out.noInstall = true;
    else if (arg.startsWith('--only=')) out.only = arg.slice(7).split(',').filter(Boolean);
    else if (arg.startsWith('--runs=')) out.runs = Number(arg.slice(7));
    else throw new Error(`unknown option ${arg} (use --quick, --only=a,b, --runs=n, --no-install)`);
  }
  return out;
}
