import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { agentsNeeded, serviceLevel } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { CcElement } from '../shared/element.js';
import { formatValue } from '../kpi-tiles/kpi-format.js';
import { kpiStyles } from '../kpi-tiles/kpi-tiles.styles.js';
import { messages } from './kpi-staffing.i18n.js';
import { styles } from './kpi-staffing.styles.js';

type LiveKpis = Schema<'LiveKpis'>;

/** The staffing answer for some live figures (all from the SDK's Erlang C). */
export interface StaffingEstimate {
  /** Fewest agents that reach the target service level. */
  needed: number;
  /** Agents logged in now. */
  staffed: number;
  /** Expected service level with the agents staffed now, one more, one fewer (null below 0). */
  now: number;
  plusOne: number;
  minusOne: number | null;
}

/**
 * The staffing answer beside the live service level: agents needed to meet the service-level
 * target for the arrivals and average handle time of the live window (Erlang C, the SDK's
 * `agentsNeeded`), against the agents staffed now, and the service level to expect with one agent
 * more or fewer. `<cc-kpi-tiles>` shows it in its live period; a host can give it `.live` (from
 * `client.kpis.live()` or a `kpi.live` event) itself.
 *
 * @summary Erlang C staffing: agents needed vs staffed, service level with one more or fewer.
 * @csspart figures - The list of figures.
 * @cssprop --cc-kpi-staffing-background - Background (default --cc-color-surface-raised).
 * @cssstate understaffed - Fewer agents staffed than needed.
 */
export class CcKpiStaffing extends CcElement {
  static override styles = [...(CcElement.styles as []), kpiStyles, styles];

  /** The live figures (`LiveKpis`) to estimate from. */
  @property({ attribute: false }) live?: LiveKpis;

  /** The estimate shown, or undefined when there is no traffic or no target. */
  get estimate(): StaffingEstimate | undefined {
    const live = this.live;
    const target = live?.target?.value;
    if (!live || !target || target >= 1 || !live.callsOfferedInWindow || !live.ahtSecondsInWindow)
      return undefined;
    const input = {
      callsPerInterval: live.callsOfferedInWindow,
      ahtSeconds: live.ahtSecondsInWindow,
      intervalSeconds: live.windowMinutes * 60,
      thresholdSeconds: live.serviceLevelThresholdSeconds ?? 20,
    };
    const at = (agents: number) => serviceLevel({ ...input, agents });
    const staffed = live.agentsStaffed;
    return {
      needed: agentsNeeded({ ...input, targetServiceLevel: target }).agents,
      staffed,
      now: at(staffed),
      plusOne: at(staffed + 1),
      minusOne: staffed > 0 ? at(staffed - 1) : null,
    };
  }

  protected override render() {
    const live = this.live;
    if (!live) return nothing;
    const m = this.msg(messages);
    const e = this.estimate;
    this.setState('understaffed', !!e && e.staffed < e.needed);
    const pct = (v: number | null) => formatValue(this, 'ratio', v);
    const row = (key: string, label: string, value: string, note: unknown = nothing) =>
      html`<div data-figure=${key}>
        <dt>${label}${note}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`<div role="group" aria-labelledby="t">
      <p class="title" id="t">${m('kpiStaffing.title')}</p>
      ${
        e
          ? html`<dl part="figures">
                ${row(
                  'needed',
                  this.t('kpi.live.agentsNeeded'),
                  this.fmt.number(e.needed),
                  html`<span class="note"
                    >${m('kpiStaffing.forTarget', {
                      percent: pct(live.target!.value),
                      seconds: live.serviceLevelThresholdSeconds ?? 20,
                    })}</span
                  >`,
                )}
                ${row('staffed', m('kpiStaffing.staffed'), this.fmt.number(e.staffed))}
                ${row('now', m('kpiStaffing.now'), pct(e.now))}
                ${row('plus-one', m('kpiStaffing.plusOne'), pct(e.plusOne))}
                ${row('minus-one', m('kpiStaffing.minusOne'), pct(e.minusOne))}
              </dl>
              <p class="gap" data-status=${e.staffed < e.needed ? 'missed' : 'met'}>
                <span aria-hidden="true">${e.staffed < e.needed ? '⚠' : '✓'}</span>
                ${m('kpiStaffing.gap', { n: e.needed - e.staffed })}
              </p>
              <p class="note">
                ${m('kpiStaffing.basis', {
                  calls: this.fmt.number(live.callsOfferedInWindow),
                  minutes: live.windowMinutes,
                  aht: this.fmt.duration(live.ahtSecondsInWindow!),
                })}
              </p>`
          : html`<p class="note">
              ${m(
                !live.target
                  ? 'kpiStaffing.noTarget'
                  : live.callsOfferedInWindow
                    ? 'kpiStaffing.noAht'
                    : 'kpiStaffing.noTraffic',
              )}
            </p>`
      }
    </div>`;
  }
}
