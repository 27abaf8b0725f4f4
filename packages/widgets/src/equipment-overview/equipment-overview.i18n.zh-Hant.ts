/** The equipment-overview strings in zh-Hant: loaded on first use, typed against English (equipment-overview.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './equipment-overview.i18n.js';

export default {
  'equipmentOverview.teams': '各組',
  'equipmentOverview.team': '組別',
  'equipmentOverview.passRate': '合格率',
  'equipmentOverview.openFaults': '未修復故障',
  'equipmentOverview.overdueSeats': '逾期座位',
  'equipmentOverview.dueSeats': '待檢座位',
  'equipmentOverview.lastCheck': '上次點檢',
  'equipmentOverview.due': '待檢與逾期座位（逾期最久者在前）',
  'equipmentOverview.noneDue': '所有座位皆已如期點檢。',
  'equipmentOverview.seat': '座位',
  'equipmentOverview.status': '狀態',
  'equipmentOverview.dueAt': '應檢日期',
  'equipmentOverview.overdueBy': (p) => `已逾期 ${p.n} 天`,
  'equipmentOverview.never': '從未點檢',
  'equipmentOverview.checkNow': (p) => `點檢座位 ${p.seat}`,
  'equipmentOverview.history': '座位點檢紀錄',
  'equipmentOverview.noHistory': '此座位還沒有已送出的點檢。',
  'equipmentOverview.checkedBy': (p) => `${p.date}，${p.name}`,
} satisfies Catalog<Strings>;
