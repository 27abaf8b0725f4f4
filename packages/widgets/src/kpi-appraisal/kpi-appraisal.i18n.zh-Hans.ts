/** The kpi-appraisal strings in zh-Hans: loaded on first use, typed against English (kpi-appraisal.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './kpi-appraisal.i18n.js';

export default {
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
} satisfies Catalog<Strings>;
