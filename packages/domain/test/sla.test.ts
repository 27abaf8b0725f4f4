import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  computeSla,
  isBusinessTime,
  splitDuration,
  validateCalendar,
  type BusinessCalendar,
  type BusinessHours,
  type IsoWeekday,
  type SlaInput,
  type SlaTarget,
} from '../src/sla.js';
import { timeZoneOffset } from '../src/time-zone.js';

const HOUR = 3600;
const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

function officeHours(timeZone: string, start = '09:00', end = '18:00'): BusinessCalendar {
  return {
    timeZone,
    hours: WEEKDAYS.map((weekday) => ({ weekday, start, end })),
    holidays: [],
  };
}

const shanghai = officeHours('Asia/Shanghai');
const d = (iso: string) => new Date(iso);

describe('business time, Mon–Fri 09:00–18:00 Asia/Shanghai', () => {
  // 2025-01-03 is a Friday. 16:00 in Shanghai is 08:00Z.
  const friday1600 = d('2025-01-03T08:00:00Z');

  test('8 business hours from Friday 16:00 land on Monday 15:00', () => {
    assert.equal(
      addBusinessSeconds(shanghai, friday1600, 8 * HOUR).toISOString(),
      '2025-01-06T07:00:00.000Z',
    );
  });

  test('... or on Tuesday 15:00 when Monday is a holiday', () => {
    const calendar = { ...shanghai, holidays: [{ date: '2025-01-06', name: 'Holiday' }] };
    assert.equal(
      addBusinessSeconds(calendar, friday1600, 8 * HOUR).toISOString(),
      '2025-01-07T07:00:00.000Z',
    );
    assert.equal(businessSecondsBetween(calendar, friday1600, d('2025-01-07T07:00:00Z')), 8 * HOUR);
  });

  test('weekends count nothing', () => {
    assert.equal(
      businessSecondsBetween(shanghai, d('2025-01-03T10:00:00Z'), d('2025-01-06T01:00:00Z')),
      0,
    );
    assert.equal(
      businessSecondsBetween(shanghai, d('2025-01-04T00:00:00Z'), d('2025-01-05T23:00:00Z')),
      0,
    );
    // A whole week: 5 × 9 h.
    assert.equal(
      businessSecondsBetween(shanghai, d('2025-01-05T16:00:00Z'), d('2025-01-12T16:00:00Z')),
      45 * HOUR,
    );
  });

  test('negative when to is before from', () => {
    assert.equal(
      businessSecondsBetween(shanghai, d('2025-01-06T07:00:00Z'), friday1600),
      -8 * HOUR,
    );
  });

  test('a count that runs out at closing time ends there, not at the next opening', () => {
    assert.equal(
      addBusinessSeconds(shanghai, friday1600, 2 * HOUR).toISOString(),
      '2025-01-03T10:00:00.000Z',
    );
  });

  test('from outside hours, counting begins at the next opening', () => {
    // Saturday noon + 1 h -> Monday 10:00.
    assert.equal(
      addBusinessSeconds(shanghai, d('2025-01-04T04:00:00Z'), HOUR).toISOString(),
      '2025-01-06T02:00:00.000Z',
    );
    // Adding nothing stays put.
    assert.equal(
      addBusinessSeconds(shanghai, d('2025-01-04T04:00:00Z'), 0).toISOString(),
      '2025-01-04T04:00:00.000Z',
    );
  });

  test('going back: the latest instant with that much business time in between', () => {
    // Monday 10:00 - 1 h = Monday 09:00; - 2 h = Friday 17:00.
    assert.equal(
      addBusinessSeconds(shanghai, d('2025-01-06T02:00:00Z'), -HOUR).toISOString(),
      '2025-01-06T01:00:00.000Z',
    );
    assert.equal(
      addBusinessSeconds(shanghai, d('2025-01-06T02:00:00Z'), -2 * HOUR).toISOString(),
      '2025-01-03T09:00:00.000Z',
    );
  });

  test('Golden Week: a run of holidays is skipped', () => {
    const calendar: BusinessCalendar = {
      ...shanghai,
      holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'].map(
        (date) => ({ date }),
      ),
    };
    // Monday 2024-09-30 17:00 + 2 h -> Tuesday 2024-10-08 10:00 (+08:00).
    assert.equal(
      addBusinessSeconds(calendar, d('2024-09-30T09:00:00Z'), 2 * HOUR).toISOString(),
      '2024-10-08T02:00:00.000Z',
    );
  });

  test('several intervals a day (lunch break), overlaps merged, 24:00 as an end', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'Asia/Shanghai',
      hours: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '18:00' },
        { weekday: 1, start: '17:00', end: '19:00' },
        { weekday: 2, start: '20:00', end: '24:00' },
      ],
      holidays: [],
    };
    assert.equal(
      businessSecondsBetween(calendar, d('2025-01-05T16:00:00Z'), d('2025-01-06T16:00:00Z')),
      9 * HOUR,
    );
    // Monday 11:30 + 1 h -> 13:30 (lunch skipped).
    assert.equal(
      addBusinessSeconds(calendar, d('2025-01-06T03:30:00Z'), HOUR).toISOString(),
      '2025-01-06T05:30:00.000Z',
    );
    // Monday 18:30 + 1 h -> Tuesday 20:30.
    assert.equal(
      addBusinessSeconds(calendar, d('2025-01-06T10:30:00Z'), HOUR).toISOString(),
      '2025-01-07T12:30:00.000Z',
    );
    assert.equal(
      businessSecondsBetween(calendar, d('2025-01-07T12:00:00Z'), d('2025-01-07T17:00:00Z')),
      4 * HOUR,
    );
    assert.equal(isBusinessTime(calendar, d('2025-01-06T03:59:59Z')), true); // 11:59:59
    assert.equal(isBusinessTime(calendar, d('2025-01-06T04:00:00Z')), false); // 12:00, lunch
    assert.equal(isBusinessTime(calendar, d('2025-01-06T05:00:00Z')), true); // 13:00
    assert.equal(isBusinessTime(calendar, d('2025-01-06T11:00:00Z')), false); // 19:00
  });

  test('millisecond precision', () => {
    const t = d('2025-01-06T01:00:00.250Z');
    assert.equal(businessSecondsBetween(shanghai, t, d('2025-01-06T01:00:01Z')), 0.75);
    assert.equal(addBusinessSeconds(shanghai, t, 0.5).toISOString(), '2025-01-06T01:00:00.750Z');
  });

  test('a calendar without hours cannot be added to, but counts zero', () => {
    const empty: BusinessCalendar = { timeZone: 'UTC', hours: [], holidays: [] };
    assert.equal(
      businessSecondsBetween(empty, d('2025-01-01T00:00:00Z'), d('2025-02-01T00:00:00Z')),
      0,
    );
    assert.throws(() => addBusinessSeconds(empty, d('2025-01-01T00:00:00Z'), 60), RangeError);
  });
});

describe('daylight-saving zones', () => {
  test('the offsets read from Intl', () => {
    assert.equal(
      timeZoneOffset('America/New_York', Date.parse('2025-01-15T12:00:00Z')),
      -5 * HOUR * 1000,
    );
    assert.equal(
      timeZoneOffset('America/New_York', Date.parse('2025-07-15T12:00:00Z')),
      -4 * HOUR * 1000,
    );
    assert.equal(timeZoneOffset('Europe/London', Date.parse('2025-03-30T00:59:59Z')), 0);
    assert.equal(timeZoneOffset('Europe/London', Date.parse('2025-03-30T01:00:00Z')), HOUR * 1000);
    assert.equal(
      timeZoneOffset('Asia/Kolkata', Date.parse('2025-03-30T01:00:00Z')),
      5.5 * HOUR * 1000,
    );
  });

  test('London office hours over the spring change (clocks go forward on Sunday 30 March 2025)', () => {
    const london = officeHours('Europe/London', '09:00', '17:00');
    // Friday 16:00 GMT (16:00Z) + 2 h -> Monday 10:00 BST (09:00Z).
    assert.equal(
      addBusinessSeconds(london, d('2025-03-28T16:00:00Z'), 2 * HOUR).toISOString(),
      '2025-03-31T09:00:00.000Z',
    );
    // Friday 09:00 GMT to Monday 09:00 BST is one business day.
    assert.equal(
      businessSecondsBetween(london, d('2025-03-28T09:00:00Z'), d('2025-03-31T08:00:00Z')),
      8 * HOUR,
    );
    // Autumn: Friday 24 October 16:00 BST (15:00Z) + 2 h -> Monday 27 October 10:00 GMT (10:00Z).
    assert.equal(
      addBusinessSeconds(london, d('2025-10-24T15:00:00Z'), 2 * HOUR).toISOString(),
      '2025-10-27T10:00:00.000Z',
    );
  });

  test('New York round-the-clock days are 23 h and 25 h long on change days', () => {
    const allDay: BusinessCalendar = {
      timeZone: 'America/New_York',
      hours: ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({
        weekday,
        start: '00:00',
        end: '24:00',
      })),
      holidays: [],
    };
    assert.equal(
      businessSecondsBetween(allDay, d('2025-03-09T05:00:00Z'), d('2025-03-10T04:00:00Z')),
      23 * HOUR,
    );
    assert.equal(
      businessSecondsBetween(allDay, d('2025-11-02T04:00:00Z'), d('2025-11-03T05:00:00Z')),
      25 * HOUR,
    );
    // Local midnight to local midnight, across both changes, is all the real time in between.
    const from = d('2025-03-01T05:00:00Z');
    const to = d('2025-11-15T05:00:00Z');
    assert.equal(businessSecondsBetween(allDay, from, to), (to.getTime() - from.getTime()) / 1000);
  });

  test('a skipped hour is not worked, a repeated hour is worked twice', () => {
    const sundayNight: BusinessCalendar = {
      timeZone: 'America/New_York',
      hours: [{ weekday: 7, start: '01:00', end: '04:00' }],
      holidays: [],
    };
    // 2025-03-09: 02:00 EST -> 03:00 EDT. Only 01:00–02:00 and 03:00–04:00 exist.
    assert.equal(
      businessSecondsBetween(sundayNight, d('2025-03-09T00:00:00Z'), d('2025-03-10T00:00:00Z')),
      2 * HOUR,
    );
    // 2025-11-02: 02:00 EDT -> 01:00 EST. 01:00–02:00 passes twice.
    assert.equal(
      businessSecondsBetween(sundayNight, d('2025-11-02T00:00:00Z'), d('2025-11-03T00:00:00Z')),
      4 * HOUR,
    );
    // Opening hours that fall into the gap begin when the clocks show 03:00.
    const inTheGap: BusinessCalendar = {
      timeZone: 'America/New_York',
      hours: [{ weekday: 7, start: '02:00', end: '04:00' }],
      holidays: [],
    };
    assert.equal(
      addBusinessSeconds(inTheGap, d('2025-03-08T17:00:00Z'), 30 * 60).toISOString(),
      '2025-03-09T07:30:00.000Z',
    );
  });

  test('Lord Howe Island changes by half an hour', () => {
    const allDay: BusinessCalendar = {
      timeZone: 'Australia/Lord_Howe',
      hours: ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({
        weekday,
        start: '00:00',
        end: '24:00',
      })),
      holidays: [],
    };
    // 2025-04-06 02:00 local (+11) -> 01:30 (+10:30): that local day lasts 24.5 h.
    assert.equal(
      businessSecondsBetween(allDay, d('2025-04-05T13:00:00Z'), d('2025-04-06T13:30:00Z')),
      24.5 * HOUR,
    );
  });
});

describe('a calendar changed in place', () => {
  test('each change to its zone, hours or holidays counts from the next call on', () => {
    const calendar = officeHours('Asia/Shanghai');
    const monday = (from: string, to: string) =>
      businessSecondsBetween(calendar, `2025-01-06T${from}Z`, `2025-01-06T${to}Z`);
    // Monday 2025-01-06, 09:00–18:00 in Shanghai is 01:00Z–10:00Z.
    assert.equal(monday('00:00', '12:00'), 9 * HOUR);
    calendar.hours.push({ weekday: 1, start: '19:00', end: '20:00' });
    assert.equal(monday('00:00', '12:00'), 10 * HOUR);
    calendar.hours = [{ weekday: 1, start: '10:00', end: '12:00' }];
    assert.equal(monday('00:00', '12:00'), 2 * HOUR);
    calendar.timeZone = 'UTC';
    assert.equal(monday('00:00', '11:00'), 1 * HOUR);
    calendar.holidays.push({ date: '2025-01-06' });
    assert.equal(monday('00:00', '12:00'), 0);
    calendar.holidays = [];
    assert.equal(monday('00:00', '12:00'), 2 * HOUR);
  });
});

describe('calendar validation', () => {
  test('reports each problem with its path', () => {
    const calendar = {
      timeZone: 'Mars/Olympus',
      hours: [
        { weekday: 8, start: '09:00', end: '18:00' },
        { weekday: 1, start: '9:00', end: '18:00' },
        { weekday: 2, start: '18:00', end: '09:00' },
        { weekday: 3, start: '24:00', end: '24:00' },
        { weekday: 4, start: '00:00', end: '24:01' },
      ] as BusinessHours[],
      holidays: [{ date: '2025-02-30' }, { date: '2025-1-1' }],
    };
    assert.deepEqual(validateCalendar(calendar), [
      { path: 'timeZone', code: 'time_zone_invalid' },
      { path: 'hours/0/weekday', code: 'weekday_invalid' },
      { path: 'hours/1/start', code: 'time_invalid' },
      { path: 'hours/2/end', code: 'end_not_after_start' },
      { path: 'hours/3/start', code: 'time_invalid' },
      { path: 'hours/4/end', code: 'time_invalid' },
      { path: 'holidays/0/date', code: 'date_invalid' },
      { path: 'holidays/1/date', code: 'date_invalid' },
    ]);
    assert.deepEqual(validateCalendar(shanghai), []);
    assert.throws(() => businessSecondsBetween(calendar, new Date(), new Date()), RangeError);
    assert.throws(() => businessSecondsBetween(shanghai, new Date(NaN), new Date()), RangeError);
    assert.throws(() => addBusinessSeconds(shanghai, new Date(), Infinity), RangeError);
  });
});

// ------------------------------------------------------------------------------------------------
// Property tests

/** Reference: the minute-by-minute definition, reading the wall clock from Intl every minute. */
function bruteForceMinutes(calendar: BusinessCalendar, from: number, to: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: calendar.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const weekdays: Record<string, number> = {
    Mon: 1,
    Tue: 2,
    Wed: 3,
    Thu: 4,
    Fri: 5,
    Sat: 6,
    Sun: 7,
  };
  const holidays = new Set(calendar.holidays.map((h) => h.date));
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  let count = 0;
  for (let t = from; t < to; t += 60_000) {
    const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    if (holidays.has(`${p.year}-${p.month}-${p.day}`)) continue;
    const m = Number(p.hour) * 60 + Number(p.minute);
    const wd = weekdays[p.weekday!];
    if (calendar.hours.some((h) => h.weekday === wd && m >= minutes(h.start) && m < minutes(h.end)))
      count++;
  }
  return count;
}

const ZONES = [
  'Asia/Shanghai',
  'Asia/Taipei',
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'UTC',
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const hoursArb = fc
  .array(
    fc
      .record({
        weekday: fc.integer({ min: 1, max: 7 }),
        start: fc.integer({ min: 0, max: 47 }),
        length: fc.integer({ min: 1, max: 24 }),
      })
      .map(({ weekday, start, length }) => ({
        weekday: weekday as IsoWeekday,
        start: hhmm(start * 30),
        end: hhmm(Math.min(48, start + length) * 30),
      })),
    { minLength: 1, maxLength: 8 },
  )
  .filter((hours) => hours.some((h) => h.start !== h.end));

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  hours: hoursArb,
  holidays: fc.array(
    fc.integer({ min: 0, max: 120 }).map((n) => ({
      date: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
    })),
    { maxLength: 20 },
  ),
});

const instantArb = fc
  .integer({ min: Date.UTC(2024, 10, 1), max: Date.UTC(2025, 4, 1) })
  .map((ms) => new Date(ms));

describe('properties', () => {
  test('addBusinessSeconds and businessSecondsBetween are inverse', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: -5_000_000, max: 5_000_000 }),
        (cal, start, seconds) => {
          const end = addBusinessSeconds(cal, start, seconds);
          if (seconds >= 0) {
            assert.ok(end >= start);
            assert.equal(businessSecondsBetween(cal, start, end), seconds);
          } else {
            assert.ok(end <= start);
            assert.equal(businessSecondsBetween(cal, end, start), -seconds);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('the result is the earliest such instant (one ms less is not enough)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 1, max: 3_000_000 }),
        (cal, start, seconds) => {
          const end = addBusinessSeconds(cal, start, seconds);
          assert.equal(
            businessSecondsBetween(cal, start, new Date(end.getTime() - 1)),
            seconds - 0.001,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test('business time is additive over adjacent spans', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (cal, a, b, c) => {
        const ms = (x: Date, y: Date) => Math.round(businessSecondsBetween(cal, x, y) * 1000);
        assert.equal(ms(a, b) + ms(b, c), ms(a, c));
      }),
      { numRuns: 200 },
    );
  });

  test('agrees with the minute-by-minute definition, across DST changes', () => {
    const dstDays = [
      Date.UTC(2025, 2, 8), // America/New_York spring
      Date.UTC(2025, 2, 29), // Europe/London spring
      Date.UTC(2025, 3, 5), // Australia/Sydney autumn
      Date.UTC(2024, 10, 2), // America/New_York autumn
      Date.UTC(2025, 0, 28), // Lunar new year period
    ];
    fc.assert(
      fc.property(
        calendarArb,
        fc.constantFrom(...dstDays),
        fc.integer({ min: -2 * 1440, max: 1440 }),
        fc.integer({ min: 0, max: 3 * 1440 }),
        (cal, day, offsetMinutes, spanMinutes) => {
          const from = day + offsetMinutes * 60_000;
          const to = from + spanMinutes * 60_000;
          const expected = bruteForceMinutes(cal, from, to) * 60;
          assert.equal(businessSecondsBetween(cal, new Date(from), new Date(to)), expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// computeSla

const officeTarget: SlaTarget = {
  firstResponseMinutes: 60,
  resolutionMinutes: 8 * 60,
  businessHours: true,
  atRiskRatio: 0.25,
};

function sla(overrides: Partial<SlaInput>) {
  return computeSla({
    target: officeTarget,
    calendar: shanghai,
    createdAt: '2025-01-03T08:00:00Z', // Friday 16:00 in Shanghai
    now: '2025-01-03T08:10:00Z',
    ...overrides,
  });
}

describe('computeSla', () => {
  test('a fresh ticket: due times in business time, state ok', () => {
    const result = sla({});
    assert.deepEqual(result, {
      state: 'ok',
      businessHours: true,
      firstResponse: { dueAt: '2025-01-03T09:00:00.000Z', achievedAt: null, breached: false },
      resolution: {
        dueAt: '2025-01-06T07:00:00.000Z',
        achievedAt: null,
        remainingSeconds: 8 * HOUR - 600,
        targetSeconds: 8 * HOUR,
        breached: false,
      },
      paused: false,
    });
  });

  test('the clock does not run over the weekend', () => {
    const friday = sla({ now: '2025-01-03T10:00:00Z', firstRespondedAt: '2025-01-03T08:30:00Z' });
    const sunday = sla({ now: '2025-01-05T10:00:00Z', firstRespondedAt: '2025-01-03T08:30:00Z' });
    assert.equal(friday.resolution.remainingSeconds, 6 * HOUR);
    assert.equal(sunday.resolution.remainingSeconds, 6 * HOUR);
    assert.equal(sunday.state, 'ok');
  });

  test('at risk when the remaining time is within the ratio', () => {
    // Monday 13:00: 2 + 4 = 6 h used, 2 h left = 25 % of 8 h.
    const result = sla({ now: '2025-01-06T05:00:00Z', firstRespondedAt: '2025-01-03T08:30:00Z' });
    assert.equal(result.resolution.remainingSeconds, 2 * HOUR);
    assert.equal(result.state, 'at_risk');
    const earlier = sla({ now: '2025-01-06T04:59:59Z', firstRespondedAt: '2025-01-03T08:30:00Z' });
    assert.equal(earlier.state, 'ok');
  });

  test('breached when overdue; remaining goes negative', () => {
    const result = sla({ now: '2025-01-06T08:00:00Z', firstRespondedAt: '2025-01-03T08:30:00Z' });
    assert.equal(result.resolution.remainingSeconds, -HOUR);
    assert.equal(result.resolution.breached, true);
    assert.equal(result.state, 'breached');
  });

  test('due at closing time: breached once that instant has passed, with nothing left to count', () => {
    // Created Friday 16:00, 2 business hours: due Friday 18:00 (closing), 10:00Z.
    const twoHours = { ...officeTarget, resolutionMinutes: 120 };
    const answered = { target: twoHours, firstRespondedAt: '2025-01-03T08:30:00Z' };
    const atClosing = sla({ ...answered, now: '2025-01-03T10:00:00Z' });
    assert.equal(atClosing.resolution.dueAt, '2025-01-03T10:00:00.000Z');
    assert.equal(atClosing.resolution.remainingSeconds, 0);
    assert.equal(atClosing.state, 'at_risk');
    const evening = sla({ ...answered, now: '2025-01-03T11:00:00Z' }); // Friday 19:00
    assert.equal(evening.resolution.remainingSeconds, 0);
    assert.equal(evening.resolution.breached, true);
    assert.equal(evening.state, 'breached');
    const resolvedLate = sla({
      ...answered,
      now: '2025-01-03T12:00:00Z',
      resolvedAt: '2025-01-03T10:30:00Z',
    });
    assert.equal(resolvedLate.resolution.breached, true);
    assert.equal(resolvedLate.state, 'breached');
  });

  test('a late first response breaches the SLA even when resolution is on time', () => {
    const result = sla({
      now: '2025-01-06T02:00:00Z',
      firstRespondedAt: '2025-01-06T01:30:00Z', // Monday 09:30: 2.5 business hours after creation
      resolvedAt: '2025-01-06T02:00:00Z',
    });
    assert.equal(result.firstResponse.breached, true);
    assert.equal(result.resolution.breached, false);
    assert.equal(result.state, 'breached');
    const unanswered = sla({ now: '2025-01-03T09:00:01Z' });
    assert.equal(unanswered.firstResponse.breached, true);
    assert.equal(unanswered.state, 'breached');
    const justInTime = sla({ now: '2025-01-03T09:00:00Z' });
    assert.equal(justInTime.firstResponse.breached, false);
  });

  test('met when resolved in time; the clock stops at resolution', () => {
    const result = sla({
      now: '2025-02-01T00:00:00Z',
      firstRespondedAt: '2025-01-03T08:20:00Z',
      resolvedAt: '2025-01-06T03:00:00Z', // Monday 11:00: 4 h used
    });
    assert.equal(result.state, 'met');
    assert.equal(result.resolution.achievedAt, '2025-01-06T03:00:00.000Z');
    assert.equal(result.resolution.remainingSeconds, 4 * HOUR);
    assert.equal(result.resolution.dueAt, '2025-01-06T07:00:00.000Z');
    // Resolved without a separate first response: the resolution answered in time.
    const direct = sla({ now: '2025-02-01T00:00:00Z', resolvedAt: '2025-01-03T08:40:00Z' });
    assert.equal(direct.firstResponse.breached, false);
    assert.equal(direct.state, 'met');
  });

  test('paused: dueAt null, remaining frozen, state paused', () => {
    const pauses = [{ start: '2025-01-06T02:00:00Z', end: null }]; // Monday 10:00, waiting on customer
    const first = sla({
      now: '2025-01-06T03:00:00Z',
      firstRespondedAt: '2025-01-03T08:30:00Z',
      pauses,
    });
    const later = sla({
      now: '2025-01-08T03:00:00Z',
      firstRespondedAt: '2025-01-03T08:30:00Z',
      pauses,
    });
    for (const result of [first, later]) {
      assert.equal(result.paused, true);
      assert.equal(result.state, 'paused');
      assert.equal(result.resolution.dueAt, null);
      assert.equal(result.resolution.remainingSeconds, 5 * HOUR);
    }
  });

  test('closed pauses are excluded and push the due time out; overlapping pauses merge', () => {
    const result = sla({
      now: '2025-01-06T06:00:00Z',
      firstRespondedAt: '2025-01-03T08:30:00Z',
      pauses: [
        { start: '2025-01-06T02:00:00Z', end: '2025-01-06T03:00:00Z' },
        { start: '2025-01-06T02:30:00Z', end: '2025-01-06T03:30:00Z' },
        { start: '2025-01-04T00:00:00Z', end: '2025-01-05T00:00:00Z' }, // weekend: no effect
      ],
    });
    // Business time used: Fri 2 h + Mon 09:00–10:00 + 11:30–14:00 = 5.5 h.
    assert.equal(result.resolution.remainingSeconds, 2.5 * HOUR);
    assert.equal(result.resolution.dueAt, '2025-01-06T08:30:00.000Z');
    assert.equal(result.paused, false);
  });

  test('a pause before the first response moves its due time', () => {
    const result = sla({
      now: '2025-01-03T08:30:00Z',
      pauses: [{ start: '2025-01-03T08:20:00Z', end: '2025-01-03T08:50:00Z' }],
    });
    assert.equal(result.firstResponse.dueAt, '2025-01-03T09:30:00.000Z');
  });

  test('a 24x7 target counts wall time', () => {
    const target: SlaTarget = { ...officeTarget, businessHours: false, resolutionMinutes: 24 * 60 };
    const result = sla({
      target,
      now: '2025-01-04T08:00:00Z',
      firstRespondedAt: '2025-01-03T08:05:00Z',
    });
    assert.equal(result.firstResponse.dueAt, '2025-01-03T09:00:00.000Z');
    assert.equal(result.resolution.dueAt, '2025-01-04T08:00:00.000Z');
    assert.equal(result.resolution.remainingSeconds, 0);
    assert.equal(result.state, 'at_risk');
    const paused = sla({
      target,
      now: '2025-01-04T09:00:00Z',
      firstRespondedAt: '2025-01-03T08:05:00Z',
      pauses: [{ start: '2025-01-03T10:00:00Z', end: '2025-01-03T12:00:00Z' }],
    });
    assert.equal(paused.resolution.dueAt, '2025-01-04T10:00:00.000Z');
    assert.equal(paused.resolution.remainingSeconds, HOUR);
  });

  test('timestamps are RFC 3339 UTC with Z', () => {
    const result = sla({ createdAt: new Date('2025-01-03T16:00:00+08:00') });
    assert.match(result.firstResponse.dueAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test('bad input is refused', () => {
    assert.throws(() => sla({ createdAt: 'yesterday' }), RangeError);
    assert.throws(() => sla({ target: { ...officeTarget, resolutionMinutes: -1 } }), RangeError);
    assert.throws(() => sla({ target: { ...officeTarget, atRiskRatio: 2 } }), RangeError);
  });
});

describe('splitDuration', () => {
  test('splits days, hours, minutes, seconds with a sign', () => {
    assert.deepEqual(splitDuration(93_784), { sign: 1, days: 1, hours: 2, minutes: 3, seconds: 4 });
    assert.deepEqual(splitDuration(-3_661), {
      sign: -1,
      days: 0,
      hours: 1,
      minutes: 1,
      seconds: 1,
    });
    assert.deepEqual(splitDuration(0), { sign: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });
    assert.deepEqual(splitDuration(59.9), { sign: 1, days: 0, hours: 0, minutes: 0, seconds: 59 });
    assert.throws(() => splitDuration(NaN), RangeError);
  });
});
