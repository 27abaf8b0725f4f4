// The benchmark runner's pure parts (the benchmark itself runs with `npm run bench`, not in tests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from '../lib/report.mjs';
import {
  median,
  pairedRatio,
  parseArgs,
  percentiles,
  quantile,
  summarize,
  totalBlockingTime,
} from '../lib/stats.mjs';

describe('bench statistics', () => {
  test('median and quantiles interpolate between neighbours and skip non-numbers', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.95), 4.8);
    assert.equal(median([1, NaN, 3]), 2);
    assert.ok(Number.isNaN(median([])));
  });

  test('summaries give median, range and relative spread', () => {
    assert.deepEqual(summarize([10, 12, 8]), { n: 3, median: 10, min: 8, max: 12, spread: 0.4 });
    assert.equal(percentiles([1, 2, 3, 4]).p50, 2.5);
  });

  test('paired ratios compare runs of the same round', () => {
    const r = pairedRatio([1, 2, 3], [2, 4, 6]);
    assert.equal(r.median, 0.5);
    assert.equal(r.spread, 0);
  });

  test('total blocking time counts each long task beyond 50 ms', () => {
    assert.equal(totalBlockingTime([30, 60, 250]), 210);
  });

  test('command line', () => {
    assert.deepEqual(parseArgs(['--quick', '--only=sizes,live']), {
      quick: true,
      only: ['sizes', 'live'],
      runs: undefined,
      noInstall: false,
    });
    assert.throws(() => parseArgs(['--fast']), /unknown option/);
  });

  test('the report lists goals and sections', () => {
    const md = renderMarkdown({
      date: '2026-01-01T00:00:00.000Z',
      runs: 3,
      tookSeconds: 10,
      machine: {
        cpus: 2,
        cpuModel: 'x',
        memoryGiB: 4,
        os: 'y',
        loadStart: [1, 1, 1],
        loadEnd: [2, 2, 2],
      },
      versions: { node: '20' },
      sections: [
        {
          title: 'Server',
          goals: [{ label: 'page p95', value: '3 ms', target: '≤ 5 ms', ok: true }],
          metrics: [{ name: 'page', unit: 'ms', ...summarize([1, 2, 3]) }],
        },
      ],
    });
    assert.match(md, /\| page p95 \| 3 ms \| ≤ 5 ms \| met \|/);
    assert.match(md, /## Server/);
    assert.match(md, /\| page \| ms \| 2\.00 \| 1\.00–3\.00 \| 100 % \| 3 \|/);
  });
});
