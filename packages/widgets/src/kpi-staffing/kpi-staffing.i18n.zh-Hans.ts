/** The kpi-staffing strings in zh-Hans: loaded on first use, typed against English (kpi-staffing.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './kpi-staffing.i18n.js';

export default {
  'kpiStaffing.title': '人力配置',
  'kpiStaffing.staffed': '当前在岗坐席',
  'kpiStaffing.forTarget': (p) => `在 ${p.seconds} 秒内接起 ${p.percent} 来电所需`,
  'kpiStaffing.gap': (p) =>
    p.n > 0 ? `还差 ${p.n} 名坐席` : p.n < 0 ? `比所需多 ${-p.n} 名` : '人手正好',
  'kpiStaffing.now': '当前预计服务水平',
  'kpiStaffing.plusOne': '增加 1 名坐席',
  'kpiStaffing.minusOne': '减少 1 名坐席',
  'kpiStaffing.basis': (p) =>
    `按 Erlang C 估算：近 ${p.minutes} 分钟呼入 ${p.calls} 通，平均处理时长 ${p.aht}。`,
  'kpiStaffing.noTraffic': '该时段内没有来电，无法估算人力。',
  'kpiStaffing.noAht': '该时段内尚无结束的通话，缺少处理时长，无法估算人力。',
  'kpiStaffing.noTarget': '服务水平未设目标，无法估算人力。',
} satisfies Catalog<Strings>;
