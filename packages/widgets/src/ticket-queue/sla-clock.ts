/**
 * The SLA of a row, live: the API reports the resolution clock as of `sla.asOf`; this advances it
 * to `now` in business time (the center's calendar) with the SDK's own rule, and derives the state
 * the server would report now, with the policy's at-risk share of the target.
 */
import {
  businessSecondsBetween,
  slaRemainingSeconds,
  type BusinessCalendar,
} from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import type { CcElement } from '../shared/element.js';
import { messages } from './ticket-queue.i18n.js';

export type LiveSlaState = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';

export interface LiveSla {
  state: LiveSlaState;
  /** Seconds left on the resolution clock (business seconds unless 24×7); negative when overdue. */
  remaining: number;
}

/**
 * @param atRiskRatio the policy's share of the target below which the ticket is at risk; when
 * unknown, the server's own at-risk verdict as of `asOf` is kept until the clock runs out.
 * @param elapsed business seconds from an `asOf` to `now`, shared by every row of a page (they
 * were all answered at the same instant): a list computes it once per tick, not once per row.
 */
export function liveSla(
  sla: Schema<'TicketSla'>,
  now: Date | number,
  calendar: BusinessCalendar | undefined,
  atRiskRatio: number | undefined,
  elapsed?: Map<string, number>,
): LiveSla {
  const running = !sla.paused && !sla.resolution.achievedAt && sla.businessHours !== false;
  let remaining: number;
  if (running && calendar && elapsed) {
    let seconds = elapsed.get(sla.asOf);
    if (seconds === undefined) {
      seconds = businessSecondsBetween(calendar, sla.asOf, new Date(now));
      elapsed.set(sla.asOf, seconds);
    }
    remaining = Math.floor(sla.resolution.remainingSeconds - seconds);
  } else remaining = slaRemainingSeconds(sla, new Date(now), calendar);
  if (sla.resolution.breached || sla.firstResponse.breached || remaining < 0) {
    return { state: 'breached', remaining };
  }
  if (sla.resolution.achievedAt) return { state: 'met', remaining };
  if (sla.paused) return { state: 'paused', remaining };
  const atRisk =
    atRiskRatio === undefined
      ? sla.state === 'at_risk'
      : remaining <= atRiskRatio * sla.resolution.targetSeconds;
  return { state: atRisk ? 'at_risk' : 'ok', remaining };
}

/** The icon beside each SLA state (never colour alone). */
export const SLA_ICON: Record<LiveSlaState, string> = {
  ok: '◷',
  at_risk: '⚠',
  breached: '⛔',
  paused: '⏸',
  met: '✓',
};

/** The SLA in words, e.g. `At risk · 20 min left`, `No SLA`. */
export function slaText(host: CcElement, sla: LiveSla | undefined): string {
  const m = host.msg(messages);
  if (!sla) return m('ticketQueue.sla.none');
  const time = host.fmt.duration(sla.remaining);
  const label = host.t(`sla.state.${sla.state}`);
  switch (sla.state) {
    case 'breached':
      return `${label} · ${host.t('sla.overdue', { time })}`;
    case 'paused':
      return m('ticketQueue.sla.paused', { time });
    case 'met':
      return label;
    default:
      return `${label} · ${host.t('sla.remaining', { time })}`;
  }
}
