/** The appraisal's strings; metric names, statuses and trends are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'kpiAppraisal.period': 'Appraisal period',
  'kpiAppraisal.p.month': 'Month',
  'kpiAppraisal.p.quarter': 'Quarter',
  'kpiAppraisal.p.year': 'Year',
  'kpiAppraisal.date': 'Period containing',
  'kpiAppraisal.caption': (p: { from: string; to: string }) =>
    `Performance appraisal, ${p.from} – ${p.to}`,
  'kpiAppraisal.item': 'Item',
  'kpiAppraisal.value': 'Result',
  'kpiAppraisal.target': 'Target',
  'kpiAppraisal.status': 'Status',
  'kpiAppraisal.trend': 'Trend',
  'kpiAppraisal.history': 'Previous periods',
  'kpiAppraisal.justified_complaints': 'Justified complaints',
  'kpiAppraisal.praise_received': 'Praise received',
  'kpiAppraisal.summary': (p: { met: number; total: number }) =>
    `Targets met: ${p.met} of ${p.total}`,
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('kpi-appraisal', en, {
  'zh-Hans': () => import('./kpi-appraisal.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./kpi-appraisal.i18n.zh-Hant.js'),
});
