/** The kpi-appraisal strings in zh-Hant: loaded on first use, typed against English (kpi-appraisal.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './kpi-appraisal.i18n.js';

export default {
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
} satisfies Catalog<Strings>;
