/**
 * The SLA of a row, live: the API reports the resolution clock as of `sla.asOf`; this advances it
 * to `now` in business time (the center's calendar) with the SDK's own rule, and derives the state
 * the server would report now, with the policy's at-risk share of the target.
 */
import { slaRemainingSeconds, type BusinessCalendar } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';

export type LiveSlaState = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';

export interface LiveSla {
  state: LiveSlaState;
  /** Seconds left on the resolution clock (business seconds unless 24×7); negative when overdue. */
  remaining: number;
}

/**
 * @param atRiskRatio the policy's share of the target below which the ticket is at risk; when
 * unknown, the server's own at-risk verdict as of `asOf` is kept until the clock runs out.
 */
export function liveSla(
  sla: Schema<'TicketSla'>,
  now: Date | number,
  calendar: BusinessCalendar | undefined,
  atRiskRatio: number | undefined,
): LiveSla {
  const remaining = slaRemainingSeconds(sla, new Date(now), calendar);
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
