/** Strings of the calibration view. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'qaCalibration.title': 'Calibration',
  'qaCalibration.caption': 'Each evaluator’s deviation from the reference evaluation',
  'qaCalibration.evaluator': (p: { name: string; note: string }) =>
    `${p.name}${p.note ? ` (${p.note})` : ''}`,
  'qaCalibration.reference': 'reference',
  'qaCalibration.you': 'you',
  'qaCalibration.criterion': 'Criterion',
  'qaCalibration.total': 'Total score',
  'qaCalibration.delta': (p: { delta: string }) => `${p.delta} vs reference`,
} as const;

export const messages = defineCatalog('qa-calibration', {
  en,
  'zh-Hans': {
    'qaCalibration.title': '校准',
    'qaCalibration.caption': '各评估人与基准评估的偏差',
    'qaCalibration.evaluator': (p) => `${p.name}${p.note ? `（${p.note}）` : ''}`,
    'qaCalibration.reference': '基准',
    'qaCalibration.you': '本人',
    'qaCalibration.criterion': '评分项',
    'qaCalibration.total': '总分',
    'qaCalibration.delta': (p) => `较基准 ${p.delta}`,
  },
  'zh-Hant': {
    'qaCalibration.title': '校準',
    'qaCalibration.caption': '各評核人與基準評核的差異',
    'qaCalibration.evaluator': (p) => `${p.name}${p.note ? `（${p.note}）` : ''}`,
    'qaCalibration.reference': '基準',
    'qaCalibration.you': '本人',
    'qaCalibration.criterion': '評分項目',
    'qaCalibration.total': '總分',
    'qaCalibration.delta': (p) => `與基準相差 ${p.delta}`,
  },
});
