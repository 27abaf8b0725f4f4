/** Strings of the calibration view; the criterion and total score headings are the scorecard's. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'qaCalibration.title': 'Calibration',
  'qaCalibration.caption': 'Each evaluator’s deviation from the reference evaluation',
  'qaCalibration.evaluator': (p: { name: string; note: string }) =>
    `${p.name}${p.note ? ` (${p.note})` : ''}`,
  'qaCalibration.reference': 'reference',
  'qaCalibration.you': 'you',
  'qaCalibration.delta': (p: { delta: string }) => `${p.delta} vs reference`,
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('qa-calibration', en, {
  'zh-Hans': () => import('./qa-calibration.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./qa-calibration.i18n.zh-Hant.js'),
});
