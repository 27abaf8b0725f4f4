// The domain rules through the SDK's separate entry: Erlang C against published values, and the
// SLA display helpers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  agentsNeeded,
  allowedTransitions,
  averageSpeedOfAnswer,
  erlangC,
  formatDuration,
  occupancy,
  scoreEvaluation,
  serviceLevel,
  slaRemainingSeconds,
  trafficIntensity,
  type BusinessCalendar,
} from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/sdk';

const close = (actual: number, expected: number, digits: number) =>
  assert.equal(Number(actual.toFixed(digits)), expected, `${actual} ≈ ${expected}`);

describe('Erlang C (published values)', () => {
  test('100 calls per 30 min, AHT 180 s, 80 % in 20 s: 14 agents', () => {
    const result = agentsNeeded({
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    });
    assert.equal(result.agents, 14);
    close(result.serviceLevel, 0.888, 3);
    close(result.occupancy, 0.714, 3);
    close(result.probabilityOfWaiting, 0.174, 3);
  });

  test('360 calls per 30 min, AHT 240 s, 55 agents, 15 s target', () => {
    const input = {
      callsPerInterval: 360,
      ahtSeconds: 240,
      intervalSeconds: 1800,
      agents: 55,
      thresholdSeconds: 15,
    };
    const traffic = trafficIntensity(360, 240, 1800);
    assert.equal(traffic, 48);
    close(erlangC(55, traffic), 0.2387, 4);
    close(serviceLevel(input), 0.8459, 4);
    close(averageSpeedOfAnswer(input), 8.18, 2);
    close(occupancy(input), 0.8727, 4);
  });
});

describe('the rest of the domain entry', () => {
  test('ticket machines and QA scoring are there', () => {
    assert.deepEqual(allowedTransitions('voicemail', 'new'), ['start', 'close']);
    assert.equal(typeof scoreEvaluation, 'function');
  });
});

describe('SLA remaining time', () => {
  const sla = (over: Partial<Schema<'TicketSla'>> = {}): Schema<'TicketSla'> => ({
    policyId: 'sla_1',
    state: 'ok',
    paused: false,
    businessHours: false,
    asOf: '2026-11-26T08:00:00Z',
    firstResponse: { dueAt: '2026-11-26T09:00:00Z', achievedAt: null, breached: false },
    resolution: {
      dueAt: '2026-11-26T10:00:00Z',
      achievedAt: null,
      remainingSeconds: 7200,
      targetSeconds: 14400,
      breached: false,
    },
    ...over,
  });
  const calendar: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    holidays: [],
  };

  test('24×7: wall time since asOf; negative once overdue', () => {
    assert.equal(slaRemainingSeconds(sla(), '2026-11-26T08:30:00Z'), 5400);
    assert.equal(slaRemainingSeconds(sla(), '2026-11-26T11:00:00Z'), -3600);
  });

  test('frozen while paused or once resolved', () => {
    assert.equal(slaRemainingSeconds(sla({ paused: true }), '2026-11-27T00:00:00Z'), 7200);
  });

  test('business hours: business time since asOf (16:00 Shanghai Thursday + 3 h → 2 h counted)', () => {
    const s = sla({ businessHours: true }); // asOf 08:00Z = 16:00 in Shanghai, Thursday
    assert.equal(slaRemainingSeconds(s, '2026-11-26T11:00:00Z', calendar), 0);
    assert.equal(slaRemainingSeconds(s, '2026-11-26T11:00:00Z'), 7200, 'no calendar: as of asOf');
  });
});

describe('formatDuration', () => {
  test('two largest units, localized', () => {
    assert.equal(formatDuration(3720, { locale: 'en' }), '1 hr, 2 min');
    assert.equal(formatDuration(90_061, { locale: 'en' }), '1 day, 1 hr');
    assert.equal(formatDuration(86_405, { locale: 'en' }), '1 day');
    assert.equal(formatDuration(3720, { locale: 'zh-Hans' }), '1小时2分钟');
    assert.equal(formatDuration(3720, { locale: 'zh-Hant' }), '1 小時 2 分鐘');
    assert.equal(formatDuration(3720, { locale: 'en', unitDisplay: 'long' }), '1 hour, 2 minutes');
    assert.equal(formatDuration(45, { locale: 'en' }), '45 sec');
    assert.equal(formatDuration(0, { locale: 'en' }), '0 min');
  });

  test('overdue durations carry a minus sign', () => {
    assert.equal(formatDuration(-3720, { locale: 'en' }), '-1 hr, 2 min');
  });
});
