import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appraisalPeriods, kpiBuckets, nextUnit, startOfUnit } from '../src/index.js';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('KPI buckets', () => {
  test('each unit: its start and the start of the next one, in the zone', () => {
    // 2026-08-19 09:30 in Shanghai, a Wednesday in the third quarter.
    const ms = at('2026-08-19T01:30:00Z');
    const expected = {
      hour: ['2026-08-19T01:00:00.000Z', '2026-08-19T02:00:00.000Z'],
      day: ['2026-08-18T16:00:00.000Z', '2026-08-19T16:00:00.000Z'],
      week: ['2026-08-16T16:00:00.000Z', '2026-08-23T16:00:00.000Z'],
      month: ['2026-07-31T16:00:00.000Z', '2026-08-31T16:00:00.000Z'],
      quarter: ['2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
      year: ['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    } as const;
    for (const [unit, [start, next]] of Object.entries(expected)) {
      const s = startOfUnit(unit as keyof typeof expected, ms, 'Asia/Shanghai');
      assert.deepEqual(
        [iso(s), iso(nextUnit(unit as keyof typeof expected, s, 'Asia/Shanghai'))],
        [start, next],
        unit,
      );
    }
  });

  test('days in Asia/Shanghai start at 16:00 UTC and are clipped to the period', () => {
    const buckets = kpiBuckets(
      at('2026-11-01T00:00:00Z'),
      at('2026-11-03T12:00:00Z'),
      'day',
      'Asia/Shanghai',
    );
    assert.deepEqual(
      buckets.map((b) => [iso(b.start), iso(b.end)]),
      [
        ['2026-11-01T00:00:00.000Z', '2026-11-01T16:00:00.000Z'],
        ['2026-11-01T16:00:00.000Z', '2026-11-02T16:00:00.000Z'],
        ['2026-11-02T16:00:00.000Z', '2026-11-03T12:00:00.000Z'],
      ],
    );
  });

  test('weeks start on Monday, months on the 1st, in the zone', () => {
    // 2026-11-26 is a Thursday.
    assert.equal(
      iso(startOfUnit('week', at('2026-11-26T08:00:00Z'), 'Asia/Shanghai')),
      '2026-11-22T16:00:00.000Z',
    );
    assert.equal(
      iso(startOfUnit('month', at('2026-11-30T17:00:00Z'), 'Asia/Shanghai')),
      '2026-11-30T16:00:00.000Z',
    );
    const months = kpiBuckets(
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
      'month',
      'UTC',
    );
    assert.equal(months.length, 12);
    assert.equal(iso(months[1]!.start), '2026-02-01T00:00:00.000Z');
  });

  test('days around a clock change are 23 and 25 hours long', () => {
    const days = kpiBuckets(
      at('2026-03-07T05:00:00Z'),
      at('2026-03-10T04:00:00Z'),
      'day',
      'America/New_York',
    );
    assert.deepEqual(
      days.map((b) => (b.end - b.start) / 3_600_000),
      [24, 23, 24],
    );
    const hours = kpiBuckets(
      at('2026-03-08T05:00:00Z'),
      at('2026-03-09T04:00:00Z'),
      'hour',
      'America/New_York',
    );
    assert.equal(hours.length, 23);
  });

  test('hours of a zone with a half-hour offset start at :30 UTC', () => {
    const hours = kpiBuckets(
      at('2026-05-01T00:00:00Z'),
      at('2026-05-01T03:00:00Z'),
      'hour',
      'Asia/Kolkata',
    );
    assert.deepEqual(
      hours.map((b) => iso(b.start)),
      [
        '2026-05-01T00:00:00.000Z',
        '2026-05-01T00:30:00.000Z',
        '2026-05-01T01:30:00.000Z',
        '2026-05-01T02:30:00.000Z',
      ],
    );
  });

  test('none gives no buckets; too many or an empty period is refused', () => {
    assert.deepEqual(kpiBuckets(0, 1000, 'none', 'UTC'), []);
    assert.throws(() => kpiBuckets(0, 2000 * 3_600_000, 'hour', 'UTC'), RangeError);
    assert.throws(() => kpiBuckets(5, 5, 'day', 'UTC'), RangeError);
  });
});

describe('appraisal periods', () => {
  test('month, quarter and year containing a local date, with history oldest first', () => {
    const m = appraisalPeriods('month', '2026-11-26', 'Asia/Shanghai', 2);
    assert.equal(iso(m.current.start), '2026-10-31T16:00:00.000Z');
    assert.equal(iso(m.current.end), '2026-11-30T16:00:00.000Z');
    assert.deepEqual(
      m.previous.map((p) => iso(p.start)),
      ['2026-08-31T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    );
    assert.equal(m.previous[1]!.end, m.current.start);
    const q = appraisalPeriods('quarter', '2026-11-26', 'Asia/Shanghai');
    assert.equal(iso(q.current.start), '2026-09-30T16:00:00.000Z');
    assert.equal(iso(q.current.end), '2026-12-31T16:00:00.000Z');
    const y = appraisalPeriods('year', '2026-01-01', 'Asia/Shanghai', 1);
    assert.equal(iso(y.current.start), '2025-12-31T16:00:00.000Z');
    assert.equal(iso(y.previous[0]!.start), '2024-12-31T16:00:00.000Z');
    assert.throws(() => appraisalPeriods('month', '2026-13', 'UTC'), RangeError);
  });
});
