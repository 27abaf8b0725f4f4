/**
 * Time-zone offsets from the platform's `Intl` data, without any library.
 *
 * The offset of an IANA zone at an instant is read with `Intl.DateTimeFormat`. Because that
 * call costs a few microseconds, each zone's offset changes are found once per UTC year (by
 * sampling the year weekly and bisecting to the second wherever the offset differs) and kept in a
 * small cache. After that, the offset at any instant of that year is plain arithmetic.
 *
 * Limitation: an offset change that is undone within less than a week is not seen. No zone in
 * use today has one.
 */

const SECOND = 1000;
const DAY = 86_400_000;
const SAMPLE_STEP = 7 * DAY;

/** A stretch of time `[start, end)` in which a zone's offset from UTC is `offset` ms. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

interface ZoneYear {
  start: number;
  end: number;
  /** Offset at `start`. */
  offset: number;
  /** Offset changes inside the year, in order: from `at` on the offset is `offset`. */
  changes: { at: number; offset: number }[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const years = new Map<string, ZoneYear>();
const MAX_CACHED_YEARS = 512;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Checks that `timeZone` is an IANA zone this platform knows; throws a RangeError otherwise. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw new RangeError(`Invalid time zone: ${String(timeZone)}`);
  }
  formatterFor(timeZone);
}

/** The zone's offset from UTC in ms at instant `ms`, read directly from `Intl` (slow path). */
function readOffset(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / SECOND) * SECOND;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(whole))) {
    parts[type] = value;
  }
  const year = Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(
    /^b/i.test(parts.era!) ? 1 - year : year,
    Number(parts.month) - 1,
    Number(parts.day),
  );
  wall.setUTCHours(Number(parts.hour) % 24, Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() - whole;
}

function findChanges(
  timeZone: string,
  lo: number,
  offsetLo: number,
  hi: number,
  offsetHi: number,
  out: { at: number; offset: number }[],
): void {
  if (hi - lo <= SECOND) {
    out.push({ at: hi, offset: offsetHi });
    return;
  }
  const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
  const offsetMid = readOffset(timeZone, mid);
  if (offsetMid !== offsetLo) findChanges(timeZone, lo, offsetLo, mid, offsetMid, out);
  if (offsetMid !== offsetHi) findChanges(timeZone, mid, offsetMid, hi, offsetHi, out);
}

function zoneYear(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}\u0000${year}`;
  let info = years.get(key);
  if (info) return info;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const changes: { at: number; offset: number }[] = [];
  const first = readOffset(timeZone, start);
  let lo = start;
  let offsetLo = first;
  while (lo < end) {
    const hi = Math.min(lo + SAMPLE_STEP, end);
    const offsetHi = readOffset(timeZone, hi);
    if (offsetHi !== offsetLo) findChanges(timeZone, lo, offsetLo, hi, offsetHi, changes);
    lo = hi;
    offsetLo = offsetHi;
  }
  // A change exactly at `end` belongs to the next year (it is that year's starting offset).
  info = { start, end, offset: first, changes: changes.filter((c) => c.at < end) };
  if (years.size >= MAX_CACHED_YEARS) years.clear();
  years.set(key, info);
  return info;
}

/**
 * The longest stretch starting at `ms` over which the zone keeps one offset, cut at the end of
 * the UTC year (so callers walk long spans a year at a time).
 */
export function offsetSegmentAt(timeZone: string, ms: number): OffsetSegment {
  const info = zoneYear(timeZone, new Date(ms).getUTCFullYear());
  let start = info.start;
  let offset = info.offset;
  let end = info.end;
  for (const change of info.changes) {
    if (change.at <= ms) {
      start = change.at;
      offset = change.offset;
    } else {
      end = change.at;
      break;
    }
  }
  return { start, end, offset };
}

/** The zone's offset from UTC in milliseconds at instant `ms` (positive east of Greenwich). */
export function timeZoneOffset(timeZone: string, ms: number): number {
  return offsetSegmentAt(timeZone, ms).offset;
}

/** The stretch ending at `ms` (exclusive) over which the zone keeps one offset. */
export function offsetSegmentBefore(timeZone: string, ms: number): OffsetSegment {
  return offsetSegmentAt(timeZone, ms - 1);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a 'YYYY-MM-DD' date that exists; else null. */
export function dayNumber(value: unknown): number | null {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.getTime() / DAY;
}

export { DAY as MS_PER_DAY };
