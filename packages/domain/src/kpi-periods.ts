/**
 * Calendar periods of KPI reports in the center's time zone: the buckets of a trend (hour, day,
 * week, month) and the appraisal periods (month, quarter, year). Client and server cut time the
 * same way, so a chart's bars and the server's figures line up.
 *
 * Weeks start on Monday (ISO 8601). Buckets are clipped to the period asked for, so the buckets of
 * a count add up to its total.
 */
import { timeZoneOffset } from './time-zone.js';

export type KpiBucketSize = 'none' | 'hour' | 'day' | 'week' | 'month';
export type AppraisalPeriodKind = 'month' | 'quarter' | 'year';

export interface TimeRange {
  /** Inclusive, epoch ms. */
  start: number;
  /** Exclusive, epoch ms. */
  end: number;
}

/** Most buckets a report may have. */
export const MAX_KPI_BUCKETS = 1000;
/** Longest KPI period, in days. */
export const MAX_KPI_PERIOD_DAYS = 400;

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The local [year, month (0..11), day, hour] of instant `ms` in the zone. */
function localFields(ms: number, timeZone: string): number[] {
  const d = new Date(ms + timeZoneOffset(timeZone, ms));
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
}

/**
 * The instant a local wall-clock time (given as if it were UTC) happens in the zone. A time that a
 * clock change skips resolves to the instant after the gap.
 */
export function zonedToInstant(localAsUtc: number, timeZone: string): number {
  const first = localAsUtc - timeZoneOffset(timeZone, localAsUtc);
  const second = localAsUtc - timeZoneOffset(timeZone, first);
  return second;
}

/** The instant of local [year, month = 0, day = 1, hour = 0] in the zone. */
function instantOf(timeZone: string, [year, month = 0, day = 1, hour = 0]: number[]): number {
  return zonedToInstant(Date.UTC(year!, month, day, hour), timeZone);
}

/** The local field each unit counts in (year, month, day, hour) and the size of one step in it. */
const UNITS = {
  year: [0, 1],
  quarter: [1, 3],
  month: [1, 1],
  week: [2, 7],
  day: [2, 1],
  hour: [3, 1],
} as const;

/** The start of the calendar unit (in the zone) that contains `ms`. */
export function startOfUnit(
  unit: Exclude<KpiBucketSize, 'none'> | AppraisalPeriodKind,
  ms: number,
  timeZone: string,
): number {
  const [field, step] = UNITS[unit];
  const fields = localFields(ms, timeZone).slice(0, field + 1);
  // Weeks start on Monday; quarters in January, April, July and October.
  fields[field]! -=
    unit === 'week'
      ? (new Date(Date.UTC(fields[0]!, fields[1]!, fields[2])).getUTCDay() + 6) % 7
      : fields[field]! % step;
  return instantOf(timeZone, fields);
}

/** The start of the unit after the one starting at `start` (a unit start from {@link startOfUnit}). */
export function nextUnit(
  unit: Exclude<KpiBucketSize, 'none'> | AppraisalPeriodKind,
  start: number,
  timeZone: string,
): number {
  // Local arithmetic, so that days around a clock change are 23 or 25 hours long.
  const [field, step] = UNITS[unit];
  const fields = localFields(start, timeZone).slice(0, field + 1);
  fields[field]! += step;
  const next = instantOf(timeZone, fields);
  // An hour the clocks repeat is still an hour long.
  return unit === 'hour' && next <= start ? start + HOUR : next;
}

/** The start of the unit before the one starting at `start`. */
export function previousUnit(unit: AppraisalPeriodKind, start: number, timeZone: string): number {
  return startOfUnit(unit, start - 1, timeZone);
}

/**
 * The buckets of `[from, to)`: calendar units of the zone, the first and last clipped to the
 * period. `none` gives no buckets. Throws a RangeError beyond `maxBuckets` (default 1000).
 */
export function kpiBuckets(
  from: number,
  to: number,
  bucket: KpiBucketSize,
  timeZone: string,
  maxBuckets = MAX_KPI_BUCKETS,
): TimeRange[] {
  if (!(from < to)) throw new RangeError('The period must end after it starts');
  if (bucket === 'none') return [];
  const buckets: TimeRange[] = [];
  let start = startOfUnit(bucket, from, timeZone);
  while (start < to) {
    const end = nextUnit(bucket, start, timeZone);
    if (buckets.length >= maxBuckets) {
      throw new RangeError(`More than ${maxBuckets} buckets`);
    }
    buckets.push({ start: Math.max(start, from), end: Math.min(end, to) });
    start = end;
  }
  return buckets;
}

/** How many buckets {@link kpiBuckets} would make, without making them (estimate from above). */
export function kpiBucketCountAtMost(from: number, to: number, bucket: KpiBucketSize): number {
  const span = to - from;
  switch (bucket) {
    case 'none':
      return 0;
    case 'hour':
      return Math.ceil(span / HOUR) + 2;
    case 'day':
      return Math.ceil(span / DAY) + 2;
    case 'week':
      return Math.ceil(span / (7 * DAY)) + 2;
    case 'month':
      return Math.ceil(span / (28 * DAY)) + 2;
  }
}

/**
 * The appraisal period (month, quarter or year in the zone) containing the local date `date`
 * (`YYYY-MM-DD`), and the `history` periods before it, oldest first.
 */
export function appraisalPeriods(
  period: AppraisalPeriodKind,
  date: string,
  timeZone: string,
  history = 0,
): { current: TimeRange; previous: TimeRange[] } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Invalid date: ${date}`);
  const noon = instantOf(timeZone, [Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12]);
  const start = startOfUnit(period, noon, timeZone);
  const current = { start, end: nextUnit(period, start, timeZone) };
  const previous: TimeRange[] = [];
  let end = start;
  for (let i = 0; i < history; i++) {
    const s = previousUnit(period, end, timeZone);
    previous.unshift({ start: s, end });
    end = s;
  }
  return { current, previous };
}
