/**
 * Numbers, percentages, durations, dates and relative times through Intl, in the element's
 * locale and the configured time zone. Intl objects are cached per locale tag + time zone +
 * options, so a list of a thousand rows builds each formatter once.
 */
import { sharedCatalog } from './shared.js';
import { translate } from './translate.js';
import type { TranslationStore } from './registry.js';
import type { Locale } from './types.js';

const cache = new Map<string, unknown>();

function cached<T>(kind: string, tag: string, options: object, make: () => T): T {
  const key = `${kind}|${tag}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

type DurationKey = 'duration.days' | 'duration.hours' | 'duration.minutes' | 'duration.seconds';

export type DateStyle = 'date' | 'time' | 'dateTime' | 'short' | 'weekday';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  short: { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  weekday: { weekday: 'short', month: 'short', day: 'numeric' },
};

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Formatting for one element: its resolved locale, Intl tag and time zone. */
export class Formatter {
  constructor(
    readonly locale: Locale,
    /** The BCP 47 tag given to Intl (e.g. `zh-Hant-TW`, `en-GB`). */
    readonly tag: string,
    /** IANA time zone; undefined means the browser's. */
    readonly timeZone?: string,
    private readonly store?: TranslationStore,
  ) {}

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return cached('n', this.tag, options, () => new Intl.NumberFormat(this.tag, options)).format(
      value,
    );
  }

  /** A ratio 0..1 as a percentage (`0.8` -> `80%`, `80 %` in some locales). */
  percent(ratio: number, fractionDigits = 0): string {
    return this.number(ratio, {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
  }

  /**
   * A duration in seconds as its two largest units: `3 min 20 s`, `3 分 20 秒`, `1 h 5 min`.
   * Negative durations are formatted by their magnitude (callers say "overdue by").
   */
  duration(totalSeconds: number): string {
    let rest = Math.round(Math.abs(totalSeconds));
    const days = Math.floor(rest / 86400);
    rest -= days * 86400;
    const hours = Math.floor(rest / 3600);
    rest -= hours * 3600;
    const minutes = Math.floor(rest / 60);
    const units: ReadonlyArray<[DurationKey, number]> = [
      ['duration.days', days],
      ['duration.hours', hours],
      ['duration.minutes', minutes],
      ['duration.seconds', rest - minutes * 60],
    ];
    const first = units.findIndex(([, n]) => n > 0);
    if (first < 0) return this.unit('duration.seconds', 0);
    const parts = [this.unit(...units[first]!)];
    const next = units[first + 1];
    if (next && next[1] > 0) parts.push(this.unit(...next));
    return parts.join(translate(sharedCatalog, this.locale, this.store, 'duration.separator'));
  }

  private unit(key: DurationKey, n: number): string {
    return translate(sharedCatalog, this.locale, this.store, key, { n: this.number(n) });
  }

  date(value: Date | string | number, style: DateStyle = 'dateTime'): string {
    const options = { ...DATE_OPTIONS[style], timeZone: this.timeZone };
    return cached('d', this.tag, options, () => new Intl.DateTimeFormat(this.tag, options)).format(
      new Date(value),
    );
  }

  /** "3 minutes ago", "in 2 hours", "yesterday" (numeric: auto), relative to `now`. */
  relative(value: Date | string | number, now: Date | number = Date.now()): string {
    const seconds = (new Date(value).getTime() - new Date(now).getTime()) / 1000;
    const [unit, size] =
      RELATIVE_UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? (['second', 1] as const);
    const options = { numeric: 'auto' as const };
    const format = cached(
      'r',
      this.tag,
      options,
      () => new Intl.RelativeTimeFormat(this.tag, options),
    );
    return format.format(Math.round(seconds / size), unit);
  }

  /** A list: "A, B and C" / "A、B和C". */
  list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    const options = { type };
    return cached('l', this.tag, options, () => new Intl.ListFormat(this.tag, options)).format(
      items,
    );
  }
}

/** Formatters are cheap to keep: one per locale tag + time zone + store. */
const formatters = new Map<string, Formatter>();
const storeIds = new WeakMap<object, number>();
let nextStoreId = 1;

export function formatterFor(
  locale: Locale,
  tag: string,
  timeZone?: string,
  store?: TranslationStore,
): Formatter {
  let storeId = 0;
  if (store) {
    storeId = storeIds.get(store) ?? nextStoreId++;
    storeIds.set(store, storeId);
  }
  const key = `${locale}|${tag}|${timeZone ?? ''}|${storeId}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Formatter(locale, tag, timeZone, store)));
  return formatter;
}
