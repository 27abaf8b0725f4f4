/**
 * The KPI tiles' own strings; metric names, units, statuses and trends are in the kit catalog
 * (`kpi.*`). Formulas follow docs/api.md "Calls and KPIs".
 */
import { defineCatalog, prefixed } from '../shared/i18n/types.js';
import type { KpiMetric } from '../shared/i18n/enums.js';
import type { KpiPeriod } from './kpi-format.js';

const en = {
  'kpiTiles.label': 'Call-center figures',
  'kpiTiles.period': 'Period',
  'kpiTiles.scope': 'Figures of',
  'kpiTiles.center': 'The whole center',
  ...prefixed('kpiTiles.p', {
    live: 'Live',
    today: 'Today',
    week: 'This week',
    month: 'This month',
    custom: 'Custom range',
  } satisfies Record<KpiPeriod, string>),
  'kpiTiles.from': 'From',
  'kpiTiles.to': 'To',
  'kpiTiles.appraisal': 'Performance appraisal',
  'kpiTiles.export': 'Export CSV',
  'kpiTiles.explain': 'How it is calculated',
  'kpiTiles.numerator': 'Numerator',
  'kpiTiles.denominator': 'Denominator',
  'kpiTiles.threshold': (p: { seconds: number }) =>
    `Answered within ${p.seconds} s counts as on time; abandons after that count as missed.`,
  'kpiTiles.shortAbandon': (p: { seconds: number }) =>
    `Calls abandoned within ${p.seconds} s are left out.`,
  'kpiTiles.noTarget': 'No target',
  'kpiTiles.noPrevious': 'No data for the previous period',
  'kpiTiles.points': (p: { value: string }) => `${p.value} pts`,
  'kpiTiles.liveSl': (p: { minutes: number }) => `Service level, last ${p.minutes} min`,
  'kpiTiles.crossed': (p: { metric: string; status: string }) => `${p.metric}: ${p.status}`,
  ...prefixed('kpiTiles.f', {
    service_level: 'Answered within the threshold ÷ (offered − short abandons)',
    asa: 'Total wait of answered calls ÷ answered calls',
    aht: 'Total talk + hold + after-call work ÷ answered calls',
    abandonment_rate: '(Abandoned − short abandons) ÷ (offered − short abandons)',
    fcr: 'Resolved on first contact ÷ answered calls with a first-contact result',
    csat: 'Calls rated 4 or 5 ÷ calls rated',
    occupancy: 'Time on calls and after-call work ÷ that plus time available',
    calls_offered: 'Calls offered in the period',
    calls_answered: 'Calls answered in the period',
    calls_abandoned: 'Calls abandoned in the period',
    complaint_count: 'Complaints filed in the period',
    complaint_rate: 'Complaints ÷ answered calls × 1,000',
    qa_average: 'Sum of evaluation scores ÷ evaluations submitted',
  } satisfies Record<KpiMetric, string>),
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('kpi-tiles', en, {
  'zh-Hans': () => import('./kpi-tiles.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./kpi-tiles.i18n.zh-Hant.js'),
});
