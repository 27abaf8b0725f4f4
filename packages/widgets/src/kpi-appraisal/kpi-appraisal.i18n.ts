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

export const messages = defineCatalog('kpi-appraisal', {
  en,
  'zh-Hans': {
    'kpiAppraisal.period': '考核周期',
    'kpiAppraisal.p.month': '月度',
    'kpiAppraisal.p.quarter': '季度',
    'kpiAppraisal.p.year': '年度',
    'kpiAppraisal.date': '所在日期',
    'kpiAppraisal.caption': (p) => `绩效考核（${p.from} 至 ${p.to}）`,
    'kpiAppraisal.item': '考核项目',
    'kpiAppraisal.value': '实际值',
    'kpiAppraisal.target': '目标',
    'kpiAppraisal.status': '达标情况',
    'kpiAppraisal.trend': '趋势',
    'kpiAppraisal.history': '往期',
    'kpiAppraisal.justified_complaints': '有效投诉',
    'kpiAppraisal.praise_received': '收到表扬',
    'kpiAppraisal.summary': (p) => `达标 ${p.met} 项，共 ${p.total} 项`,
  },
  'zh-Hant': {
    'kpiAppraisal.period': '考核週期',
    'kpiAppraisal.p.month': '月度',
    'kpiAppraisal.p.quarter': '季度',
    'kpiAppraisal.p.year': '年度',
    'kpiAppraisal.date': '所在日期',
    'kpiAppraisal.caption': (p) => `績效考核（${p.from} 至 ${p.to}）`,
    'kpiAppraisal.item': '考核項目',
    'kpiAppraisal.value': '實際值',
    'kpiAppraisal.target': '目標',
    'kpiAppraisal.status': '達標情形',
    'kpiAppraisal.trend': '趨勢',
    'kpiAppraisal.history': '往期',
    'kpiAppraisal.justified_complaints': '有理投訴',
    'kpiAppraisal.praise_received': '獲得表揚',
    'kpiAppraisal.summary': (p) => `達標 ${p.met} 項，共 ${p.total} 項`,
  },
});
