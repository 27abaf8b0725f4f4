/** Text helpers the scorecard and its review panel share. */
import type { Schema } from '@cc-kit/spec';
import type { CcElement } from '../shared/element.js';

type Scale = Schema<'CriterionScale'>;

/** The values a scale offers (points over 10 are typed instead: empty). */
export function scaleValues(sc: Scale): number[] {
  const from = sc.type === 'rating' ? sc.min : 0;
  const to = sc.type === 'yes_no' ? -1 : sc.max;
  return sc.type === 'yes_no'
    ? [1, 0]
    : to - from > 10
      ? []
      : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** "Yes", "4 / 5", "Not applicable", or "No data" for an answer (or a proposed value). */
export function valueText(el: CcElement, sc: Scale, value: number | null, na: boolean): string {
  if (na) return el.t('qa.notApplicable');
  if (value === null) return el.t('noData');
  return sc.type === 'yes_no' ? el.t(value ? 'yes' : 'no') : `${el.fmt.number(value)} / ${sc.max}`;
}

/** A score with up to 2 decimals, or "No data". */
export function scoreText(el: CcElement, value: number | null): string {
  return value === null ? el.t('noData') : el.fmt.number(value, { maximumFractionDigits: 2 });
}
