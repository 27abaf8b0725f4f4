/** The qa-calibration strings in zh-Hant: loaded on first use, typed against English (qa-calibration.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './qa-calibration.i18n.js';

export default {
  'qaCalibration.title': '校準',
  'qaCalibration.caption': '各評核人與基準評核的差異',
  'qaCalibration.evaluator': (p) => `${p.name}${p.note ? `（${p.note}）` : ''}`,
  'qaCalibration.reference': '基準',
  'qaCalibration.you': '本人',
  'qaCalibration.delta': (p) => `與基準相差 ${p.delta}`,
} satisfies Catalog<Strings>;
