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

export type Strings = typeof en;

export const messages = defineCatalog('kpi-staffing', en, {
  'zh-Hans': () => import('./kpi-staffing.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./kpi-staffing.i18n.zh-Hant.js'),
});
