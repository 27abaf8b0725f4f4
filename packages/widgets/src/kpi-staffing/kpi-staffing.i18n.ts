/** The staffing panel's strings (Erlang C beside the live service level). */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'kpiStaffing.title': 'Staffing',
  'kpiStaffing.staffed': 'Agents staffed now',
  'kpiStaffing.forTarget': (p: { percent: string; seconds: number }) =>
    `To answer ${p.percent} of calls within ${p.seconds} s`,
  'kpiStaffing.gap': (p: { n: number }) =>
    p.n > 0
      ? `${p.n} more ${p.n === 1 ? 'agent' : 'agents'} needed`
      : p.n < 0
        ? `${-p.n} more than needed`
        : 'Staffed as needed',
  'kpiStaffing.now': 'Expected service level now',
  'kpiStaffing.plusOne': 'With one more agent',
  'kpiStaffing.minusOne': 'With one agent fewer',
  'kpiStaffing.basis': (p: { calls: string; minutes: number; aht: string }) =>
    `Erlang C over ${p.calls} calls offered in the last ${p.minutes} min, average handle time ${p.aht}.`,
  'kpiStaffing.noTraffic': 'No calls in the window: no staffing estimate.',
  'kpiStaffing.noAht': 'No call in the window has ended yet: no handle time to estimate from.',
  'kpiStaffing.noTarget': 'The service level has no target: no staffing estimate.',
} as const;

export const messages = defineCatalog('kpi-staffing', {
  en,
  'zh-Hans': {
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
  },
  'zh-Hant': {
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
  },
});
