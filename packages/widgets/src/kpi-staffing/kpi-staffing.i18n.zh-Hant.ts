/** The kpi-staffing strings in zh-Hant: loaded on first use, typed against English (kpi-staffing.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './kpi-staffing.i18n.js';

export default {
  'kpiStaffing.title': '人力配置',
  'kpiStaffing.staffed': '目前在線客服人員',
  'kpiStaffing.forTarget': (p) => `要在 ${p.seconds} 秒內接聽 ${p.percent} 來電所需`,
  'kpiStaffing.gap': (p) =>
    p.n > 0 ? `尚缺 ${p.n} 名客服人員` : p.n < 0 ? `比所需多 ${-p.n} 名` : '人力剛好',
  'kpiStaffing.now': '目前預估服務水準',
  'kpiStaffing.plusOne': '增加 1 名客服人員',
  'kpiStaffing.minusOne': '減少 1 名客服人員',
  'kpiStaffing.basis': (p) =>
    `依 Erlang C 估算：近 ${p.minutes} 分鐘進線 ${p.calls} 通，平均處理時間 ${p.aht}。`,
  'kpiStaffing.noTraffic': '此期間沒有來電，無法估算人力。',
  'kpiStaffing.noAht': '此期間尚無結束的通話，缺少處理時間，無法估算人力。',
  'kpiStaffing.noTarget': '服務水準未設目標，無法估算人力。',
} satisfies Catalog<Strings>;
