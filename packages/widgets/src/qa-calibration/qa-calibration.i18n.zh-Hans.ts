/** The qa-calibration strings in zh-Hans: loaded on first use, typed against English (qa-calibration.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './qa-calibration.i18n.js';

export default {
  'qaCalibration.title': '校准',
  'qaCalibration.caption': '各评估人与基准评估的偏差',
  'qaCalibration.evaluator': (p) => `${p.name}${p.note ? `（${p.note}）` : ''}`,
  'qaCalibration.reference': '基准',
  'qaCalibration.you': '本人',
  'qaCalibration.delta': (p) => `较基准 ${p.delta}`,
} satisfies Catalog<Strings>;
