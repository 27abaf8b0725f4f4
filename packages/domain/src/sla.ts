/**
 * Business time and SLA clocks.
 *
 * Model: an instant is business time when the wall clock in the calendar's zone shows a time
 * inside one of that weekday's hours and the local date is not a holiday. Across a daylight-saving
 * change this means: an hour the clocks skip is not worked, an hour they repeat is worked twice
 * (it really passes twice). All arithmetic is exact in milliseconds.
 *
 * Speed: within a stretch of constant UTC offset, business time is counted in local wall time
 * with a closed formula (whole weeks, then days, minus holidays found by binary search), so the
 * cost does not grow with the length of the span.
 */

import {
  MS_PER_DAY as DAY,
  assertTimeZone,
  dayNumber as parseDay,
  offsetSegmentAt,
  offsetSegmentBefore,
} from './time-zone.js';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessHours {
  /** ISO weekday (see {@link IsoWeekday}), Monday = 1 … Sunday = 7; other numbers are rejected. */
  weekday: number;
  /** 'HH:MM', local time in the calendar's zone. */
  start: string;
  /** 'HH:MM', later than `start`; '24:00' means midnight at the end of the day. */
  end: string;
}

export interface Holiday {
  /** 'YYYY-MM-DD', a local date in the calendar's zone. */
  date: string;
  /** Shown to people; the rules do not read it (a string or localized texts). */
  name?: unknown;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Opening hours; several per day are allowed (overlaps are merged). */
  hours: BusinessHours[];
  holidays: Holiday[];
}

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** true: the clocks run in business hours only; false: around the clock (24x7 wall time). */
  businessHours: boolean;
  /** At risk when the remaining resolution time is at most this share of the target, e.g. 0.25. */
  atRiskRatio: number;
}

export type SlaState = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';

export const SLA_STATES = [
  'ok',
  'at_risk',
  'breached',
  'paused',
  'met',
] as const satisfies readonly SlaState[];

export interface TicketSla {
  state: SlaState;
  /** The target's businessHours: true when the clocks count business time only. */
  businessHours: boolean;
  firstResponse: { dueAt: string; achievedAt: string | null; breached: boolean };
  resolution: {
    /** null while the ticket is paused. */
    dueAt: string | null;
    achievedAt: string | null;
    /** Clock seconds left (whole seconds, rounded down); negative when overdue; frozen while paused. */
    remainingSeconds: number;
    /** The resolution target in clock seconds (resolutionMinutes × 60). */
    targetSeconds: number;
    breached: boolean;
  };
  paused: boolean;
}

/** A period in which the SLA clocks stop; `end: null` means it is still going on. */
export interface SlaPause {
  start: string | Date;
  end: string | Date | null;
}

export interface SlaInput {
  target: SlaTarget;
  calendar: BusinessCalendar;
  createdAt: string | Date;
  firstRespondedAt?: string | Date | null;
  resolvedAt?: string | Date | null;
  pauses?: readonly SlaPause[];
  now: string | Date;
}

/** An instant given as a Date or an RFC 3339 string. */
export type Instant = Date | string;

// ---------------------------------------------------------------------------------------------
// Calendar compilation

interface CompiledCalendar {
  timeZone: string;
  /** Merged opening intervals per ISO weekday (index 1..7), ms since local midnight. */
  intervals: [number, number][][];
  weekMs: number;
  /** weekPrefix[k] = business ms of the k days starting at day 0 (1970-01-01, a Thursday). */
  weekPrefix: number[];
  /** Sorted, unique local day numbers (days since 1970-01-01) of holidays. */
  holidays: number[];
  /** holidayPrefix[i] = business ms the first i holidays would have had. */
  holidayPrefix: number[];
}

/** A problem found in a business calendar. */
export interface CalendarIssue {
  path: string;
  code:
    | 'time_zone_invalid'
    | 'weekday_invalid'
    | 'time_invalid'
    | 'end_not_after_start'
    | 'date_invalid';
}

const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME_RE.exec(value);
  if (!match) return null;
  const ms = (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  return ms > DAY ? null : ms;
}

/**
 * Checks a business calendar: a known IANA zone, weekdays 1–7, 'HH:MM' times with end after
 * start ('24:00' only as an end), 'YYYY-MM-DD' holidays. Returns `[]` when it is valid.
 */
export function validateCalendar(calendar: BusinessCalendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const issue = (path: string, code: CalendarIssue['code']) => issues.push({ path, code });
  try {
    assertTimeZone(calendar.timeZone);
  } catch {
    issue('timeZone', 'time_zone_invalid');
  }
  (calendar.hours ?? []).forEach((h, i) => {
    const { weekday } = h;
    const path = `hours/${i}/`;
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      issue(`${path}weekday`, 'weekday_invalid');
    }
    let start = parseTime(h.start);
    const end = parseTime(h.end);
    // '24:00' ends a day; it cannot start one.
    if (start === DAY) start = null;
    if (start === null) issue(`${path}start`, 'time_invalid');
    if (end === null) issue(`${path}end`, 'time_invalid');
    else if (start !== null && end <= start) issue(`${path}end`, 'end_not_after_start');
  });
  (calendar.holidays ?? []).forEach((h, i) => {
    if (parseDay(h.date) === null) issue(`holidays/${i}/date`, 'date_invalid');
  });
  return issues;
}

/** Sorted and merged copies of intervals `[start, end)`: overlapping or touching ones become one. */
function mergeIntervals(list: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [s, e] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Compiled calendars by the calendar object they came from, with the parts they were compiled
 * from: a calendar whose zone, lists or list lengths changed since is compiled again.
 */
const compiledCalendars = new WeakMap<BusinessCalendar, [unknown[], CompiledCalendar]>();

function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const { hours, holidays, timeZone } = calendar;
  const parts = [hours, holidays, timeZone, hours?.length, holidays?.length];
  const cached = compiledCalendars.get(calendar);
  if (cached?.[0].every((part, i) => part === parts[i])) return cached[1];
  const issues = validateCalendar(calendar);
  if (issues.length > 0) {
    throw new RangeError(`Invalid business calendar: ${issues[0]!.code} at ${issues[0]!.path}`);
  }
  const raw: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const h of hours) raw[h.weekday]!.push([parseTime(h.start)!, parseTime(h.end)!]);
  const intervals = raw.map(mergeIntervals);
  const dayMs = intervals.map((list) => list.reduce((sum, [s, e]) => sum + e - s, 0));
  const weekMs = dayMs.reduce((a, b) => a + b, 0);
  const weekPrefix = [0];
  for (let k = 0; k < 7; k++) weekPrefix.push(weekPrefix[k]! + dayMs[weekdayOfDay(k)]!);
  const days = [...new Set(holidays.map((h) => parseDay(h.date)!))].sort((a, b) => a - b);
  const holidayPrefix = [0];
  days.forEach((d, i) => holidayPrefix.push(holidayPrefix[i]! + dayMs[weekdayOfDay(d)]!));
  const compiled = {
    timeZone,
    intervals,
    weekMs,
    weekPrefix,
    holidays: days,
    holidayPrefix,
  };
  compiledCalendars.set(calendar, [parts, compiled]);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Business time in local wall-clock milliseconds ("local ms": wall time read as if it were UTC)

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** ISO weekday of local day number `day` (day 0 = 1970-01-01, a Thursday). */
function weekdayOfDay(day: number): number {
  return mod(day + 3, 7) + 1;
}

/** Number of entries of the sorted array `list` that are < `value`. */
function countBelow(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isHoliday(cal: CompiledCalendar, day: number): boolean {
  const i = countBelow(cal.holidays, day);
  return i < cal.holidays.length && cal.holidays[i] === day;
}

/** Business ms from the epoch's local midnight to the start of local day `day` (an antiderivative). */
function daysCumulative(cal: CompiledCalendar, day: number): number {
  const weeks = Math.floor(day / 7);
  return (
    weeks * cal.weekMs +
    cal.weekPrefix[day - weeks * 7]! -
    cal.holidayPrefix[countBelow(cal.holidays, day)]!
  );
}

/** Business ms of local day `day` before `msOfDay`. */
function withinDay(cal: CompiledCalendar, day: number, msOfDay: number): number {
  if (isHoliday(cal, day)) return 0;
  let sum = 0;
  for (const [s, e] of cal.intervals[weekdayOfDay(day)]!) {
    if (msOfDay <= s) break;
    sum += Math.min(msOfDay, e) - s;
  }
  return sum;
}

/** Cumulative business ms up to local ms `local` (non-decreasing, continuous). */
function cumulative(cal: CompiledCalendar, local: number): number {
  const day = Math.floor(local / DAY);
  return daysCumulative(cal, day) + withinDay(cal, day, local - day * DAY);
}

/**
 * The earliest local ms whose cumulative business time is >= `target` (`strict`: > `target`
 * is reached right after it, i.e. the latest local ms whose cumulative is <= `target`).
 */
function invertCumulative(cal: CompiledCalendar, target: number, latest: boolean): number {
  const reached = (value: number) => (latest ? value > target : value >= target);
  // Find a day whose start is not yet reached.
  let day = Math.floor(target / cal.weekMs) * 7;
  while (reached(daysCumulative(cal, day))) {
    const over = daysCumulative(cal, day) - target;
    day -= 7 * (Math.floor(over / cal.weekMs) + 1);
  }
  // Jump ahead whole weeks without passing the target, then single days.
  for (;;) {
    const deficit = target - daysCumulative(cal, day);
    const weeks = Math.ceil(deficit / cal.weekMs) - 1;
    if (weeks > 0) {
      day += 7 * weeks;
      continue;
    }
    if (reached(daysCumulative(cal, day + 1))) break;
    day += 1;
  }
  let remaining = target - daysCumulative(cal, day);
  const dayStart = day * DAY;
  for (const [s, e] of cal.intervals[weekdayOfDay(day)]!) {
    const length = e - s;
    if (latest ? remaining < length : remaining <= length) return dayStart + s + remaining;
    remaining -= length;
  }
  /* c8 ignore next */
  throw new Error('unreachable: business day without enough hours');
}

// ---------------------------------------------------------------------------------------------
// Business time between real instants

function businessMs(cal: CompiledCalendar, from: number, to: number): number {
  if (to < from) return 0 - businessMs(cal, to, from); // never -0
  let sum = 0;
  let t = from;
  while (t < to) {
    const seg = offsetSegmentAt(cal.timeZone, t);
    const end = Math.min(seg.end, to);
    sum += cumulative(cal, end + seg.offset) - cumulative(cal, t + seg.offset);
    t = end;
  }
  return sum;
}

function addBusinessMs(cal: CompiledCalendar, start: number, amount: number): number {
  if (amount === 0) return start;
  if (cal.weekMs === 0) throw new RangeError('The business calendar has no business hours');
  if (amount > 0) {
    let need = amount;
    let t = start;
    for (;;) {
      const seg = offsetSegmentAt(cal.timeZone, t);
      const base = cumulative(cal, t + seg.offset);
      const available = cumulative(cal, seg.end + seg.offset) - base;
      if (need <= available) return invertCumulative(cal, base + need, false) - seg.offset;
      need -= available;
      t = seg.end;
    }
  }
  let need = -amount;
  let t = start;
  for (;;) {
    const seg = offsetSegmentBefore(cal.timeZone, t);
    const top = cumulative(cal, t + seg.offset);
    const available = top - cumulative(cal, seg.start + seg.offset);
    if (need <= available) return invertCumulative(cal, top - need, true) - seg.offset;
    need -= available;
    t = seg.start;
  }
}

function toMs(value: Instant, name: string): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant for ${name}: ${String(value)}`);
  return ms;
}

/**
 * Business seconds in [from, to): time inside the calendar's opening hours on non-holidays.
 * Negative when `to` is before `from`.
 */
export function businessSecondsBetween(
  calendar: BusinessCalendar,
  from: Instant,
  to: Instant,
): number {
  return businessMs(compileCalendar(calendar), toMs(from, 'from'), toMs(to, 'to')) / 1000;
}

/**
 * The instant `seconds` business seconds after `start`: the earliest t >= start with
 * `businessSecondsBetween(start, t) === seconds` (from a start outside hours, counting begins at
 * the next opening; a count that runs out exactly at a closing time ends there, not at the next
 * opening). For negative `seconds`, the latest t <= start with
 * `businessSecondsBetween(t, start) === -seconds`. Seconds are honoured to the millisecond.
 * Throws a RangeError when the calendar has no opening hours at all.
 */
export function addBusinessSeconds(
  calendar: BusinessCalendar,
  start: Instant,
  seconds: number,
): Date {
  if (!Number.isFinite(seconds)) throw new RangeError(`Invalid seconds: ${seconds}`);
  const cal = compileCalendar(calendar);
  return new Date(addBusinessMs(cal, toMs(start, 'start'), Math.round(seconds * 1000)));
}

/** True when `at` falls in the calendar's business hours. */
export function isBusinessTime(calendar: BusinessCalendar, at: Instant): boolean {
  const cal = compileCalendar(calendar);
  const ms = toMs(at, 'at');
  const local = ms + offsetSegmentAt(cal.timeZone, ms).offset;
  const day = Math.floor(local / DAY);
  const msOfDay = local - day * DAY;
  if (isHoliday(cal, day)) return false;
  return cal.intervals[weekdayOfDay(day)]!.some(([s, e]) => msOfDay >= s && msOfDay < e);
}

// ---------------------------------------------------------------------------------------------
// SLA clocks

interface Clock {
  /** Clock ms in [from, to), outside pauses. */
  between(from: number, to: number): number;
  /** Earliest t >= from with between(from, t) === amount (amount >= 0). */
  add(from: number, amount: number): number;
}

function makeClock(cal: CompiledCalendar | null, pauses: [number, number][]): Clock {
  const measure = (a: number, b: number) => (cal ? businessMs(cal, a, b) : b - a);
  const advance = (a: number, amount: number) => (cal ? addBusinessMs(cal, a, amount) : a + amount);
  return {
    between(from, to) {
      if (to <= from) return 0;
      let sum = measure(from, to);
      for (const [s, e] of pauses) {
        const a = Math.max(s, from);
        const b = Math.min(e, to);
        if (a < b) sum -= measure(a, b);
      }
      return sum;
    },
    add(from, amount) {
      if (amount <= 0) return from;
      let need = amount;
      let t = from;
      for (const [s, e] of pauses) {
        if (e <= t) continue;
        if (s > t) {
          const available = measure(t, s);
          if (need <= available) return advance(t, need);
          need -= available;
        }
        t = e;
      }
      return advance(t, need);
    },
  };
}

/** Sorted, merged pauses; an open pause lasts until `now`; reversed or empty ones are dropped. */
function normalizePauses(pauses: readonly SlaPause[], now: number): [number, number][] {
  const list: [number, number][] = [];
  pauses.forEach((p, i) => {
    const start = toMs(p.start, `pauses/${i}/start`);
    const end =
      p.end === null || p.end === undefined ? Math.max(start, now) : toMs(p.end, `pauses/${i}/end`);
    if (end > start) list.push([start, end]);
  });
  return mergeIntervals(list);
}

function assertTarget(target: SlaTarget): void {
  for (const key of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
    const v = target[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`Invalid SLA target ${key}: ${String(v)}`);
    }
  }
  const r = target.atRiskRatio;
  if (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > 1) {
    throw new RangeError(`Invalid SLA target atRiskRatio: ${String(r)}`);
  }
}

/**
 * The SLA of one ticket at `now`.
 *
 * The clock counts business time (or wall time for a 24x7 target) and stops inside pauses; a
 * pause still going on counts up to `now`.
 * - firstResponse.dueAt: createdAt + firstResponseMinutes of clock time; breached when the first
 *   response (or, without one, the resolution) came after it, or neither has come and `now` is
 *   past it.
 * - resolution.dueAt: the instant the clock reaches resolutionMinutes given the pauses so far;
 *   null while paused. remainingSeconds = target − clock time up to (resolvedAt ?? now);
 *   breached when that is below zero, or when (resolvedAt ?? now) is past dueAt (a business
 *   day that ends exactly at dueAt leaves nothing to count below zero until the next opens).
 * - state: 'breached' if either is breached; else 'met' if resolved; else 'paused' if paused
 *   now; else 'at_risk' if remainingSeconds <= atRiskRatio × the resolution target; else 'ok'.
 */
export function computeSla(input: SlaInput): TicketSla {
  const { target } = input;
  assertTarget(target);
  const cal = target.businessHours ? compileCalendar(input.calendar) : null;
  const now = toMs(input.now, 'now');
  const createdAt = toMs(input.createdAt, 'createdAt');
  const firstRespondedAt =
    input.firstRespondedAt == null ? null : toMs(input.firstRespondedAt, 'firstRespondedAt');
  const resolvedAt = input.resolvedAt == null ? null : toMs(input.resolvedAt, 'resolvedAt');
  const pauses = normalizePauses(input.pauses ?? [], now);
  const clock = makeClock(cal, pauses);

  const pausedNow =
    resolvedAt === null &&
    (input.pauses ?? []).some((p, i) => {
      const start = toMs(p.start, `pauses/${i}/start`);
      const end = p.end == null ? Infinity : toMs(p.end, `pauses/${i}/end`);
      return start <= now && now < end;
    });

  const firstResponseMs = Math.round(target.firstResponseMinutes * 60_000);
  const firstDue = clock.add(createdAt, firstResponseMs);
  // A resolution without a separate first response answers the customer too, and stops this clock.
  const firstBreached = (firstRespondedAt ?? resolvedAt ?? now) > firstDue;

  const resolutionMs = Math.round(target.resolutionMinutes * 60_000);
  const elapsed = clock.between(createdAt, resolvedAt ?? now);
  const remainingMs = resolutionMs - elapsed;
  const resolutionDue = pausedNow ? null : clock.add(createdAt, resolutionMs);
  // Past its due instant is breached even when the business day ended exactly at it: a ticket due
  // at closing time is overdue that evening, though no business time is left to count below zero.
  const resolutionBreached =
    remainingMs < 0 || (resolutionDue !== null && (resolvedAt ?? now) > resolutionDue);

  let state: SlaState;
  if (firstBreached || resolutionBreached) state = 'breached';
  else if (resolvedAt !== null) state = 'met';
  else if (pausedNow) state = 'paused';
  else if (remainingMs <= target.atRiskRatio * resolutionMs) state = 'at_risk';
  else state = 'ok';

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    state,
    businessHours: target.businessHours,
    firstResponse: {
      dueAt: iso(firstDue)!,
      achievedAt: iso(firstRespondedAt),
      breached: firstBreached,
    },
    resolution: {
      dueAt: iso(resolutionDue),
      achievedAt: iso(resolvedAt),
      remainingSeconds: Math.floor(remainingMs / 1000) + 0,
      targetSeconds: resolutionMs / 1000,
      breached: resolutionBreached,
    },
    paused: pausedNow,
  };
}

/** A duration split for display; the widgets localize it. */
export interface DurationParts {
  /** -1 for a negative duration (overdue), 0 for zero, 1 otherwise. */
  sign: -1 | 0 | 1;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits a number of seconds into days, hours, minutes and whole seconds of its absolute value. */
export function splitDuration(totalSeconds: number): DurationParts {
  if (!Number.isFinite(totalSeconds)) throw new RangeError(`Invalid duration: ${totalSeconds}`);
  const abs = Math.floor(Math.abs(totalSeconds));
  const sign = abs === 0 ? 0 : totalSeconds < 0 ? -1 : 1;
  return {
    sign,
    days: Math.floor(abs / 86_400),
    hours: Math.floor((abs % 86_400) / 3600),
    minutes: Math.floor((abs % 3600) / 60),
    seconds: abs % 60,
  };
}
