import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Schema } from '@cc-kit/spec';
import { selectField } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import {
  changeTemplate,
  dayOf,
  formatChange,
  formatValue,
  sparkline,
  statusBadge,
} from '../kpi-tiles/kpi-format.js';
import { messages as tileMessages } from '../kpi-tiles/kpi-tiles.i18n.js';
import { kpiStyles } from '../kpi-tiles/kpi-tiles.styles.js';
import { messages } from './kpi-appraisal.i18n.js';
import { styles } from './kpi-appraisal.styles.js';

type Item = Schema<'AppraisalItem'>;
export type AppraisalPeriod = Schema<'AppraisalPeriod'>;

const PERIODS: readonly AppraisalPeriod[] = ['month', 'quarter', 'year'];
const DIRECTION: Partial<Record<Item['metric'], string>> = {
  justified_complaints: 'lower_is_better',
  praise_received: 'higher_is_better',
};

/**
 * The monthly, quarterly or annual performance appraisal (考核) of an agent or a team: QA
 * average, AHT, FCR, CSAT, service level, justified complaints and praise received, each against
 * its target with its status, the trend across the previous periods and how many targets were
 * met. `<cc-kpi-tiles>` opens it in place; a host may also place it on its own.
 *
 * @summary Performance appraisal: each item against its target, with the trend of past periods.
 * @fires cc-error - Loading failed; `{ code, status, requestId, retryable }`.
 * @csspart table - The appraisal table.
 * @csspart badge - An item's status against target.
 * @csspart sparkline - An item's trend across periods.
 * @cssprop --cc-kpi-appraisal-row-border - Row separator (default 1px solid --cc-color-border).
 * @cssstate loading - While the appraisal loads.
 * @cssstate error - Loading failed.
 */
export class CcKpiAppraisal extends CcElement {
  static override styles = [...(CcElement.styles as []), kpiStyles, styles];

  /** `team` or `agent`. */
  @property() scope?: 'team' | 'agent';

  /** The team or agent appraised. */
  @property({ attribute: 'scope-id' }) scopeId?: string;

  /** `month` (default), `quarter` or `year`. */
  @property() period: AppraisalPeriod = 'month';

  /** Any day in the period, `YYYY-MM-DD` in the center's time zone; default today. */
  @property() date?: string;

  /** How many previous periods make the trend (0–12). */
  @property({ type: Number }) history = 3;

  private data = new DataController(this, {
    args: () => [this.scope, this.scopeId, this.period, this.date, this.history] as const,
    enabled: ([scope, scopeId]) => !!scope && !!scopeId,
    task: ([scope, scopeId, period, date, history], { client, signal }) =>
      client.kpis.appraisal(
        {
          scope: scope!,
          scopeId: scopeId!,
          period,
          date: date ?? dayOf(Date.now(), this.resolvedTimeZone),
          history,
        },
        { signal },
      ),
    isEmpty: (a) => !a?.items.length,
  });

  /** The appraisal shown (the server's answer). */
  get appraisal(): Schema<'Appraisal'> | undefined {
    return this.data.data;
  }

  protected override render() {
    const m = this.msg(messages);
    return html`<div class="bar">
        ${selectField(
          m('kpiAppraisal.period'),
          this.period,
          PERIODS.map((p) => [p, m(`kpiAppraisal.p.${p}`)]),
          (p) => (this.period = p as AppraisalPeriod),
        )}
        <label
          >${m('kpiAppraisal.date')}
          <input
            type="date"
            .value=${this.date ?? dayOf(Date.now(), this.resolvedTimeZone)}
            @change=${(e: Event) => (this.date = (e.target as HTMLInputElement).value || undefined)}
        /></label>
      </div>
      ${this.data.render({
        complete: (a) =>
          html`<table part="table">
              <caption>
                ${m('kpiAppraisal.caption', {
                  from: this.fmt.date(a.from, 'date'),
                  to: this.fmt.date(+new Date(a.to) - 1, 'date'),
                })}
              </caption>
              <thead>
                <tr>
                  ${(['item', 'value', 'target', 'status', 'trend', 'history'] as const).map(
                    (k) => html`<th scope="col">${m(`kpiAppraisal.${k}`)}</th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${a.items.map((item) => this.row(item))}
              </tbody>
            </table>
            <p class="summary">
              ${m('kpiAppraisal.summary', { met: a.targetsMet, total: a.targetsWithValue })}
            </p>`,
      })}`;
  }

  private row(item: Item) {
    const tm = this.msg(tileMessages);
    const last = item.history.at(-1)?.value;
    // The two items that are not call-center metrics have their own names (and directions).
    const name =
      item.metric in DIRECTION
        ? this.msg(messages)(
            `kpiAppraisal.${item.metric as 'justified_complaints' | 'praise_received'}`,
          )
        : this.t(`kpi.metric.${item.metric as Schema<'KpiMetric'>}`);
    const change = formatChange(
      this,
      item.metric,
      item.unit,
      item.value,
      last,
      (value) => tm('kpiTiles.points', { value }),
      item.target?.direction ?? DIRECTION[item.metric],
    );
    return html`<tr data-metric=${item.metric} data-status=${item.status ?? 'none'}>
      <th scope="row">${name}</th>
      <td class="num">${formatValue(this, item.unit, item.value)}</td>
      <td class="num">
        ${item.target ? formatValue(this, item.unit, item.target.value) : tm('kpiTiles.noTarget')}
      </td>
      <td>
        ${
          item.status
            ? statusBadge(this, item.status)
            : item.target
              ? this.t('noData')
              : tm('kpiTiles.noTarget')
        }
      </td>
      <td>
        ${sparkline([...item.history.map((h) => h.value), item.value])}
        ${changeTemplate(change, tm('kpiTiles.noPrevious'))}
      </td>
      <td>
        <ol class="hist">
          ${item.history.map(
            (h) =>
              html`<li>
                <span>${this.fmt.date(h.from, 'date')}</span>
                ${formatValue(this, item.unit, h.value)}
              </li>`,
          )}
        </ol>
      </td>
    </tr>`;
  }
}
