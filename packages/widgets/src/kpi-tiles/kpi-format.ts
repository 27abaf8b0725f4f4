/**
 * How KPI figures read, shared by the tiles, the appraisal and the staffing panel: a value in its
 * unit ("no data" for null, never 0), the change against a previous figure, the status badge
 * (icon + text, never color alone) and a sparkline (SVG path, no inline styles).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { METRIC_DIRECTIONS, type KpiMetric } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import type { CcElement } from '../shared/element.js';

export type KpiUnit = Schema<'KpiUnit'>;
export type KpiStatus = Schema<'KpiStatus'>;
/** `live` follows the events stream; the others are calendar periods of the center's time zone. */
export type KpiPeriod = 'live' | 'today' | 'week' | 'month' | 'custom';

/** `YYYY-MM-DD` of an instant in a time zone (the browser's when undefined). */
export const dayOf = (ms: number, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

const ICON: Record<KpiStatus, string> = { met: '✓', at_risk: '⚠', missed: '✕' };

/** A figure in its unit, localized; null or undefined is "no data". */
export function formatValue(el: CcElement, unit: KpiUnit, value: number | null | undefined) {
  if (value == null) return el.t('noData');
  const f = el.fmt;
  const n = (digits: number) => f.number(value, { maximumFractionDigits: digits });
  switch (unit) {
    case 'ratio':
      return f.percent(value, 1);
    case 'seconds':
      return f.duration(value);
    case 'per_thousand':
      return el.t('kpi.unit.perThousand', { value: n(2) });
    case 'score':
      return el.t('kpi.unit.score', { value: n(1) });
    default:
      return n(0);
  }
}

/**
 * The change from `previous` to `value`: text, arrow and whether it is for the better (by the
 * metric's direction). Ratios change by percentage points (`points` words them).
 */
export function formatChange(
  el: CcElement,
  metric: string,
  unit: KpiUnit,
  value: number | null,
  previous: number | null | undefined,
  points: (value: string) => string,
  direction?: string,
): { text: string; dir: 'up' | 'down' | 'flat'; good?: boolean } | undefined {
  if (value == null || previous == null) return undefined;
  const d = value - previous;
  // Scores change by points, ratios by percentage points, the rest in their unit.
  const amount = (x: number) =>
    unit === 'ratio'
      ? points(el.fmt.number(x * 100, { maximumFractionDigits: 1 }))
      : unit === 'score'
        ? el.fmt.number(x, { maximumFractionDigits: 1 })
        : formatValue(el, unit, x);
  const text = amount(Math.abs(d));
  // A change too small to show (0 s, 0.0 pts) is no change.
  if (text === amount(0)) return { text: el.t('kpi.trend.flat'), dir: 'flat' };
  const dir = d > 0 ? 'up' : 'down';
  const higher = direction ?? METRIC_DIRECTIONS[metric as KpiMetric];
  return {
    text: el.t(d > 0 ? 'kpi.trend.up' : 'kpi.trend.down', { value: text }),
    dir,
    ...(higher ? { good: (higher === 'higher_is_better') === d > 0 } : {}),
  };
}

export function changeTemplate(change: ReturnType<typeof formatChange>, fallback: string) {
  return html`<p class="change" data-dir=${change?.dir ?? 'none'} data-good=${String(change?.good)}>
    <span aria-hidden="true">${change ? { up: '▲', down: '▼', flat: '▬' }[change.dir] : ''}</span>
    ${change?.text ?? fallback}
  </p>`;
}

export function statusBadge(el: CcElement, status: KpiStatus | null | undefined) {
  return status
    ? html`<span class="badge" part="badge" data-status=${status}
        ><span aria-hidden="true">${ICON[status]}</span> ${el.t(`kpi.status.${status}`)}</span
      >`
    : nothing;
}

/** A trend line over the values (gaps where there is no data); decorative, the text says it. */
export function sparkline(values: readonly (number | null)[]): TemplateResult | typeof nothing {
  const nums = values.filter((v): v is number => v != null);
  if (nums.length < 2) return nothing;
  const min = Math.min(...nums);
  const span = Math.max(...nums) - min || 1;
  const step = 100 / (values.length - 1);
  let d = '';
  let pen = 'M';
  values.forEach((v, i) => {
    if (v == null) {
      pen = 'M';
      return;
    }
    d += `${pen}${(i * step).toFixed(1)} ${(22 - ((v - min) / span) * 20).toFixed(1)}`;
    pen = 'L';
  });
  return html`<svg
    class="spark"
    part="sparkline"
    viewBox="0 0 100 24"
    preserveAspectRatio="none"
    aria-hidden="true"
  >
    <path d=${d}></path>
  </svg>`;
}
