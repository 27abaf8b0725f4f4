import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KPI_METRICS,
  METRIC_DIRECTIONS,
  METRIC_UNITS,
  callTotals,
  computeKpis,
  isKpiMetric,
  kpiAbandonmentRate,
  kpiAht,
  kpiAsa,
  kpiComplaintRate,
  kpiCsat,
  kpiFcr,
  kpiOccupancy,
  kpiQaAverage,
  kpiServiceLevel,
  kpiStatus,
  type CallRecordLike,
} from '../src/kpi.js';

const T0 = Date.parse('2025-03-03T01:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function call(partial: Partial<CallRecordLike>): CallRecordLike {
  return {
    offeredAt: at(0),
    answeredAt: null,
    abandonedAt: null,
    endedAt: null,
    talkSeconds: 0,
    holdSeconds: 0,
    afterCallWorkSeconds: 0,
    resolvedOnFirstContact: null,
    csat: null,
    ...partial,
  };
}

const answered = (wait: number, extra: Partial<CallRecordLike> = {}) =>
  call({ answeredAt: at(wait), endedAt: at(wait + 300), ...extra });
const abandoned = (wait: number) => call({ abandonedAt: at(wait), endedAt: at(wait) });

const calls: CallRecordLike[] = [
  answered(10, {
    talkSeconds: 100,
    holdSeconds: 20,
    afterCallWorkSeconds: 30,
    resolvedOnFirstContact: true,
    csat: 5,
  }),
  answered(20, {
    talkSeconds: 200,
    afterCallWorkSeconds: 40,
    resolvedOnFirstContact: false,
    csat: 3,
  }),
  answered(45, { talkSeconds: 300, holdSeconds: 60 }),
  abandoned(3), // short abandon
  abandoned(5), // not short: 5 s is not below 5 s
  abandoned(60),
  call({}), // still waiting: not offered yet
  call({ endedAt: at(30) }), // ended without answer or abandon (e.g. overflow): offered only
  answered(0, { talkSeconds: 60, resolvedOnFirstContact: true, csat: 4 }),
];

describe('KPI formulas, hand-computed', () => {
  test('totals', () => {
    assert.deepEqual(callTotals(calls), {
      offered: 8,
      answered: 4,
      answeredWithinThreshold: 3,
      abandoned: 3,
      shortAbandoned: 1,
      answeredWaitSeconds: 75,
      handleSeconds: 810,
      resolvedOnFirstContact: 2,
      firstContactKnown: 3,
      satisfied: 2,
      surveyed: 3,
    });
  });

  test('service level: answered within 20 s / (offered − short abandons), threshold inclusive', () => {
    assert.deepEqual(kpiServiceLevel(calls), { value: 3 / 7, numerator: 3, denominator: 7 });
    assert.deepEqual(kpiServiceLevel(calls, { thresholdSeconds: 10 }), {
      value: 2 / 7,
      numerator: 2,
      denominator: 7,
    });
    assert.deepEqual(kpiServiceLevel(calls, { shortAbandonSeconds: 0 }), {
      value: 3 / 8,
      numerator: 3,
      denominator: 8,
    });
  });

  test('ASA and AHT over answered calls', () => {
    assert.deepEqual(kpiAsa(calls), { value: 18.75, numerator: 75, denominator: 4 });
    assert.deepEqual(kpiAht(calls), { value: 202.5, numerator: 810, denominator: 4 });
  });

  test('abandonment rate leaves short abandons out of both sides', () => {
    assert.deepEqual(kpiAbandonmentRate(calls), { value: 2 / 7, numerator: 2, denominator: 7 });
    assert.deepEqual(kpiAbandonmentRate(calls, { shortAbandonSeconds: 10 }), {
      value: 1 / 6,
      numerator: 1,
      denominator: 6,
    });
  });

  test('FCR over answered calls where it is known; CSAT as the share of 4s and 5s', () => {
    assert.deepEqual(kpiFcr(calls), { value: 2 / 3, numerator: 2, denominator: 3 });
    assert.deepEqual(kpiCsat(calls), { value: 2 / 3, numerator: 2, denominator: 3 });
  });

  test('occupancy, complaint rate, QA average', () => {
    assert.deepEqual(kpiOccupancy({ handleSeconds: 2700, availableIdleSeconds: 900 }), {
      value: 0.75,
      numerator: 2700,
      denominator: 3600,
    });
    assert.deepEqual(kpiComplaintRate(2, 4), { value: 500, numerator: 2, denominator: 4 });
    assert.deepEqual(kpiQaAverage([80, null, 90.5]), {
      value: 85.25,
      numerator: 170.5,
      denominator: 2,
    });
  });

  test('no data is null, never a fake 0', () => {
    const none = callTotals([call({})]);
    for (const fn of [kpiServiceLevel, kpiAsa, kpiAht, kpiAbandonmentRate, kpiFcr, kpiCsat]) {
      assert.deepEqual(fn(none), { value: null, numerator: 0, denominator: 0 }, fn.name);
    }
    assert.equal(kpiOccupancy({ handleSeconds: 0, availableIdleSeconds: 0 }).value, null);
    assert.equal(kpiComplaintRate(3, 0).value, null);
    assert.equal(kpiQaAverage([null]).value, null);
    // Only short abandons: the service-level denominator is 0.
    assert.equal(kpiServiceLevel([abandoned(1)]).value, null);
  });

  test('computeKpis: every metric whose inputs are given, counts included', () => {
    const all = computeKpis({
      calls,
      presence: { handleSeconds: 810, availableIdleSeconds: 190 },
      complaints: 1,
      qaScores: [70, 90],
    });
    assert.deepEqual(Object.keys(all).sort(), [...KPI_METRICS].sort());
    assert.deepEqual(all.calls_offered, { value: 8, numerator: 8, denominator: 1 });
    assert.deepEqual(all.calls_answered, { value: 4, numerator: 4, denominator: 1 });
    assert.deepEqual(all.calls_abandoned, { value: 3, numerator: 3, denominator: 1 });
    assert.deepEqual(all.complaint_count, { value: 1, numerator: 1, denominator: 1 });
    assert.deepEqual(all.complaint_rate, { value: 250, numerator: 1, denominator: 4 });
    assert.equal(all.occupancy!.value, 0.81);
    assert.equal(all.qa_average!.value, 80);
    const callsOnly = computeKpis({ calls });
    assert.equal(callsOnly.occupancy, undefined);
    assert.equal(callsOnly.complaint_rate, undefined);
  });

  test('bad input is refused', () => {
    assert.throws(() => callTotals([answered(1, { offeredAt: 'soon' })]), RangeError);
    assert.throws(() => callTotals(calls, { thresholdSeconds: -1 }), RangeError);
  });
});

describe('metric metadata', () => {
  test('units and directions for every metric', () => {
    assert.deepEqual(Object.keys(METRIC_UNITS).sort(), [...KPI_METRICS].sort());
    assert.deepEqual(Object.keys(METRIC_DIRECTIONS).sort(), [...KPI_METRICS].sort());
    assert.equal(METRIC_UNITS.complaint_rate, 'per_thousand');
    assert.equal(METRIC_UNITS.qa_average, 'score');
    assert.equal(METRIC_DIRECTIONS.asa, 'lower_is_better');
    assert.ok(isKpiMetric('fcr') && !isKpiMetric('nps'));
  });
});

describe('kpiStatus', () => {
  test('higher is better', () => {
    const target = { value: 0.8, direction: 'higher_is_better' as const, atRiskMargin: 0.05 };
    assert.equal(kpiStatus('service_level', 0.85, target), 'met');
    assert.equal(kpiStatus('service_level', 0.8, target), 'met');
    assert.equal(kpiStatus('service_level', 0.76, target), 'at_risk'); // 5 % of 0.8 below
    assert.equal(kpiStatus('service_level', 0.759, target), 'missed');
    assert.equal(kpiStatus('service_level', null, target), null);
  });

  test('lower is better', () => {
    const target = { value: 30, direction: 'lower_is_better' as const, atRiskMargin: 0.1 };
    assert.equal(kpiStatus('asa', 12, target), 'met');
    assert.equal(kpiStatus('asa', 30, target), 'met');
    assert.equal(kpiStatus('asa', 33, target), 'at_risk');
    assert.equal(kpiStatus('asa', 33.1, target), 'missed');
  });

  test('direction defaults to the metric’s; margin defaults to 0', () => {
    assert.equal(kpiStatus('abandonment_rate', 0.06, { value: 0.05 }), 'missed');
    assert.equal(kpiStatus('abandonment_rate', 0.04, { value: 0.05 }), 'met');
    assert.equal(kpiStatus('fcr', 0.69, { value: 0.7, atRiskMargin: 0.05 }), 'at_risk');
  });

  test('bad targets are refused', () => {
    assert.throws(() => kpiStatus('fcr', 0.5, { value: Number.NaN }), RangeError);
    assert.throws(() => kpiStatus('fcr', 0.5, { value: 0.5, atRiskMargin: -1 }), RangeError);
  });
});
