/** SLA remaining time for display: advancing the API's figure to now, and formatting a duration. */
import { businessSecondsBetween, splitDuration, type BusinessCalendar } from '@cc-kit/domain';
import type { Schema } from './core/types.js';

/**
 * The resolution time left on a ticket's SLA at `now`, in clock seconds (business seconds unless
 * the policy is 24×7); negative when overdue.
 *
 * The API reports `resolution.remainingSeconds` as of `sla.asOf`; this advances it: frozen while
 * paused or once resolved, by wall time for a 24×7 policy, and by business time for a
 * business-hours policy (which needs the `calendar` from `client.sla.calendar.get()`; without it
 * the figure as of `asOf` is returned).
 */
export function slaRemainingSeconds(
  sla: Schema<'TicketSla'>,
  now: Date | string = new Date(),
  calendar?: BusinessCalendar,
): number {
  const { remainingSeconds, achievedAt } = sla.resolution;
  if (sla.paused || achievedAt) return remainingSeconds;
  const elapsed =
    sla.businessHours === false
      ? (new Date(now).getTime() - new Date(sla.asOf).getTime()) / 1000
      : calendar
        ? businessSecondsBetween(calendar, sla.asOf, now)
        : 0;
  return Math.floor(remainingSeconds - elapsed);
}

export interface FormatDurationOptions {
  /** A BCP 47 locale (`en`, `zh-Hans`, `zh-Hant`, …); the runtime's default otherwise. */
  locale?: string;
  /** `short` (default: `2 hr, 5 min`), `long` (`2 hours, 5 minutes`) or `narrow` (`2h 5m`). */
  unitDisplay?: 'long' | 'short' | 'narrow';
  /** How many units to show at most, largest first (default 2: `1 day, 3 hr`). */
  maxUnits?: number;
}

/**
 * A duration in seconds as localized text, e.g. `1 hr, 2 min` / `1小时2分钟`, with a minus sign
 * when negative (overdue). Uses `Intl` only, so every locale the runtime knows works.
 */
export function formatDuration(seconds: number, options: FormatDurationOptions = {}): string {
  const { locale, unitDisplay = 'short', maxUnits = 2 } = options;
  const parts = splitDuration(seconds);
  const all = [
    ['day', parts.days],
    ['hour', parts.hours],
    ['minute', parts.minutes],
    ['second', parts.seconds],
  ] as const;
  // The largest unit that is not zero and the next ones after it, zeros left out: 1 day, 3 hr.
  const first = all.findIndex(([, value]) => value > 0);
  const shown =
    first < 0
      ? [all[2]]
      : all.slice(first, first + Math.max(1, maxUnits)).filter(([, value]) => value > 0);
  const texts = shown.map(([unit, value], index) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).format(
      index === 0 && parts.sign < 0 ? -value : value,
    ),
  );
  return new Intl.ListFormat(locale, {
    type: 'unit',
    style: unitDisplay === 'long' ? 'long' : unitDisplay,
  }).format(texts);
}
