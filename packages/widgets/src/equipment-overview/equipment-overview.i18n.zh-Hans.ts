/** The equipment-overview strings in zh-Hans: loaded on first use, typed against English (equipment-overview.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './equipment-overview.i18n.js';

export default {
  'equipmentOverview.teams': '各班组',
  'equipmentOverview.team': '班组',
  'equipmentOverview.passRate': '合格率',
  'equipmentOverview.openFaults': '未修复故障',
  'equipmentOverview.overdueSeats': '逾期工位',
  'equipmentOverview.dueSeats': '待检工位',
  'equipmentOverview.lastCheck': '上次巡检',
  'equipmentOverview.due': '待检和逾期工位（逾期最久的在前）',
  'equipmentOverview.noneDue': '所有工位均已按期巡检。',
  'equipmentOverview.seat': '工位',
  'equipmentOverview.status': '状态',
  'equipmentOverview.dueAt': '应检日期',
  'equipmentOverview.overdueBy': (p) => `已逾期 ${p.n} 天`,
  'equipmentOverview.never': '从未巡检',
  'equipmentOverview.checkNow': (p) => `巡检工位 ${p.seat}`,
  'equipmentOverview.history': '工位巡检记录',
  'equipmentOverview.noHistory': '该工位还没有已提交的巡检。',
  'equipmentOverview.checkedBy': (p) => `${p.date}，${p.name}`,
} satisfies Catalog<Strings>;
