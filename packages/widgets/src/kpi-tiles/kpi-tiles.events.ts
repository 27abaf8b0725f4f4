/** The KPI tiles' events: typed classes, `bubbles` + `composed`, in HTMLElementEventMap. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';
import type { KpiPeriod } from './kpi-format.js';

/** A live figure that is not one of the report's metrics. */
export type LiveFigure = 'calls_in_queue' | 'longest_wait' | 'agents_available';

/**
 * `cc-kpi-select`: a tile was chosen (its name activated by click, Enter or Space). The host may
 * open a drill-down. `value` is the server's figure (a `KpiValue`) for report tiles.
 */
export class CcKpiSelectEvent extends CcEvent {
  static readonly type = 'cc-kpi-select';
  constructor(
    readonly metric: Schema<'KpiMetric'> | LiveFigure,
    readonly period: KpiPeriod,
    readonly scope: Schema<'KpiScope'>,
    readonly scopeId: string | undefined,
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly value?: Schema<'KpiValue'>,
  ) {
    super(CcKpiSelectEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-kpi-select': CcKpiSelectEvent;
  }
}
