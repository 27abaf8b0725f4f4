/**
 * QA scoring: scorecard templates, evaluation answers, scores and calibration.
 *
 * The server stores exactly what `scoreEvaluation` computes, and the scorecard widget shows the
 * same number while the evaluator is still typing.
 *
 * Formula (docs/domain-rules.md states it in the same words):
 * - normalized n = yes_no: value (0 or 1); rating: (value − min)/(max − min); points: value/max.
 * - section score S = 100 × Σ(w·n)/Σw over its answered, non-N/A criteria; null when none.
 * - a section-critical criterion answered 0 ("no") sets S = 0 and marks the section failed.
 * - total T = Σ(W·S)/ΣW over sections with S ≠ null; null when none. A fatal criterion answered
 *   0 sets T = 0 (fatalFailed).
 * - S and T rounded to 2 decimals, half away from zero, computed so that client and server agree
 *   exactly (round once at the end, from the unrounded values).
 * - critical criteria must use the yes_no scale (`validateTemplate` reports it).
 *
 * The arithmetic is exact (fractions on BigInt; weights are taken as the decimals they are
 * written as), so e.g. 84.995 rounds to 85 and never to 84.99 through a binary rounding error.
 */

import {
  ZERO,
  add,
  div,
  fromNumber,
  isZero,
  mul,
  ratio,
  roundHalfAwayFromZero,
  sub,
  type Ratio,
} from './rational.js';

export type CriterionScale =
  | { type: 'yes_no' }
  | { type: 'rating'; min: number; max: number }
  | { type: 'points'; max: number };

export type CriticalLevel = 'none' | 'fatal' | 'section';
/** The API's name for {@link CriticalLevel}. */
export type CriterionCritical = CriticalLevel;

export const CRITICAL_LEVELS = [
  'none',
  'fatal',
  'section',
] as const satisfies readonly CriticalLevel[];

export interface ScorecardCriterion {
  id: string;
  weight: number;
  scale: CriterionScale;
  naAllowed: boolean;
  critical: CriticalLevel;
  /** A value below this needs a comment. */
  commentRequiredBelow?: number | null;
}

export interface ScorecardSection {
  id: string;
  weight: number;
  criteria: ScorecardCriterion[];
}

export interface ScorecardTemplateLike {
  sections: ScorecardSection[];
}

export interface EvaluationAnswer {
  criterionId: string;
  /** yes = 1, no = 0; a whole number within the scale; null while unanswered. */
  value: number | null;
  /** Not applicable: the criterion is left out of the score (its value is ignored). */
  na: boolean;
  comment?: string | null;
}

export interface SectionScore {
  sectionId: string;
  score: number | null;
  failedCritical: boolean;
}

export interface EvaluationScore {
  score: number | null;
  sections: SectionScore[];
  fatalFailed: boolean;
}

export type AnswerIssueCode =
  | 'unknown_criterion'
  | 'value_out_of_range'
  | 'na_not_allowed'
  | 'answer_missing'
  | 'comment_required'
  | 'duplicate_answer';

export interface AnswerIssue {
  /** JSON-pointer-like path into the request: `answers/3/value`; `answers` for a missing answer. */
  path: string;
  code: AnswerIssueCode;
  /** The criterion concerned, when there is one. */
  criterionId?: string;
}

export type TemplateIssueCode =
  | 'sections_empty'
  | 'criteria_empty'
  | 'id_missing'
  | 'duplicate_id'
  | 'weight_invalid'
  | 'scale_invalid'
  | 'critical_invalid'
  | 'critical_requires_yes_no'
  | 'comment_threshold_invalid';

export interface TemplateIssue {
  path: string;
  code: TemplateIssueCode;
}

// ---------------------------------------------------------------------------------------------
// Template validation

const SCALE_TYPES: readonly string[] = [
  'yes_no',
  'rating',
  'points',
] satisfies CriterionScale['type'][];

/** The lowest and the highest value of a scale: yes_no 0 and 1, rating min and max, points 0 and max. */
function scaleBounds(scale: CriterionScale): [number, number] {
  return [scale.type === 'rating' ? scale.min : 0, scale.type === 'yes_no' ? 1 : scale.max];
}

/** A known scale type whose bounds are whole numbers, the lowest below the highest. */
function scaleIsValid(scale: CriterionScale | undefined): boolean {
  if (!SCALE_TYPES.includes(scale?.type as string)) return false;
  const [low, high] = scaleBounds(scale!);
  return Number.isInteger(low) && Number.isInteger(high) && low < high;
}

/**
 * Checks a scorecard template: at least one section, each with criteria; ids present and
 * unique (section ids among sections, criterion ids across the whole template); weights finite
 * and > 0; rating scales with whole-number min < max, points scales with a whole-number max ≥ 1;
 * critical criteria on the yes_no scale. Returns `[]` when the template is valid.
 */
export function validateTemplate(template: ScorecardTemplateLike): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const issue = (path: string, code: TemplateIssueCode) => issues.push({ path, code });
  // What a section and a criterion both need: an id unique among its kind, a finite weight > 0.
  const idAndWeight = (item: { id: unknown; weight: unknown }, ids: Set<unknown>, path: string) => {
    const { id, weight } = item;
    if (typeof id !== 'string' || id === '') issue(`${path}/id`, 'id_missing');
    else if (ids.has(id)) issue(`${path}/id`, 'duplicate_id');
    else ids.add(id);
    if (!(Number.isFinite(weight) && (weight as number) > 0))
      issue(`${path}/weight`, 'weight_invalid');
  };
  const sectionIds = new Set();
  const criterionIds = new Set();
  const sections = template.sections ?? [];
  if (sections.length === 0) issue('sections', 'sections_empty');
  sections.forEach((section, i) => {
    const base = `sections/${i}`;
    idAndWeight(section, sectionIds, base);
    const criteria = section.criteria ?? [];
    if (criteria.length === 0) issue(`${base}/criteria`, 'criteria_empty');
    criteria.forEach((criterion, j) => {
      const path = `${base}/criteria/${j}`;
      idAndWeight(criterion, criterionIds, path);
      if (!scaleIsValid(criterion.scale)) issue(`${path}/scale`, 'scale_invalid');
      if (!(CRITICAL_LEVELS as readonly string[]).includes(criterion.critical)) {
        issue(`${path}/critical`, 'critical_invalid');
      } else if (criterion.critical !== 'none' && criterion.scale?.type !== 'yes_no') {
        issue(`${path}/critical`, 'critical_requires_yes_no');
      }
      const threshold = criterion.commentRequiredBelow;
      if (threshold != null && !Number.isFinite(threshold)) {
        issue(`${path}/commentRequiredBelow`, 'comment_threshold_invalid');
      }
    });
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Answers

/** True when `value` is a whole number the criterion's scale allows (yes_no: 0 or 1). */
export function isValueInScale(scale: CriterionScale, value: unknown): value is number {
  const [low, high] = scaleBounds(scale);
  return Number.isInteger(value) && (value as number) >= low && (value as number) <= high;
}

/** (value − lowest) / (highest − lowest): see the formula above. */
function normalizedRatio(scale: CriterionScale, value: number): Ratio {
  const [low, high] = scaleBounds(scale);
  return ratio(BigInt(value - low), BigInt(high - low));
}

/** The normalized value n in [0, 1] of an answer on a scale (see the formula above). */
export function normalizedValue(scale: CriterionScale, value: number): number {
  if (!isValueInScale(scale, value)) throw new RangeError(`Value ${value} is outside the scale`);
  const r = normalizedRatio(scale, value);
  return Number(r.n) / Number(r.d);
}

/** Every criterion of the template, in template order. */
const criteriaOf = (template: ScorecardTemplateLike) =>
  template.sections.flatMap((section) => section.criteria);

/**
 * Checks an evaluation's answers against its template. Codes: 'unknown_criterion',
 * 'duplicate_answer' (a second answer for the same criterion), 'value_out_of_range' (must be a
 * whole number within the scale; yes_no 0 or 1), 'na_not_allowed', 'comment_required' (a value
 * below `commentRequiredBelow`, or a critical criterion answered 0, needs a non-blank comment),
 * and with `forSubmit` 'answer_missing' (every criterion needs a value or N/A).
 */
export function validateAnswers(
  template: ScorecardTemplateLike,
  answers: readonly EvaluationAnswer[],
  options: { forSubmit: boolean } = { forSubmit: false },
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const issue = (path: string, code: AnswerIssueCode, criterionId: string) =>
    issues.push({ path, code, criterionId });
  const criteria = new Map(criteriaOf(template).map((c) => [c.id, c]));
  const seen = new Set<string>();
  const complete = new Set<string>();
  answers.forEach((answer, i) => {
    const path = `answers/${i}`;
    const { criterionId, value } = answer;
    const criterion = criteria.get(criterionId);
    if (!criterion) return issues.push({ path: `${path}/criterionId`, code: 'unknown_criterion' });
    if (seen.has(criterionId)) return issue(`${path}/criterionId`, 'duplicate_answer', criterionId);
    seen.add(criterionId);
    if (answer.na === true) {
      return criterion.naAllowed
        ? complete.add(criterionId)
        : issue(`${path}/na`, 'na_not_allowed', criterionId);
    }
    if (value == null) return;
    if (!isValueInScale(criterion.scale, value)) {
      return issue(`${path}/value`, 'value_out_of_range', criterionId);
    }
    complete.add(criterionId);
    // A value below the criterion's threshold, or a critical criterion answered 0, needs a comment.
    const threshold = criterion.commentRequiredBelow;
    if (
      ((typeof threshold === 'number' && value < threshold) ||
        (criterion.critical !== 'none' && value === 0)) &&
      (typeof answer.comment === 'string' ? answer.comment.trim() : '') === ''
    ) {
      issue(`${path}/comment`, 'comment_required', criterionId);
    }
  });
  if (options.forSubmit) {
    for (const { id } of criteriaOf(template)) {
      if (complete.has(id)) continue;
      // Only a criterion nobody answered at all is missing; a rejected answer is already reported.
      const index = answers.findIndex((a) => a.criterionId === id);
      if (index < 0) issue('answers', 'answer_missing', id);
      else if (answers[index]!.na !== true && answers[index]!.value == null) {
        issue(`answers/${index}/value`, 'answer_missing', id);
      }
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface ExactScore {
  total: Ratio | null;
  sections: { sectionId: string; score: Ratio | null; failedCritical: boolean }[];
  fatalFailed: boolean;
  /** Normalized value (0..1) of each answered, non-N/A criterion. */
  normalized: Map<string, Ratio>;
}

function scoreExact(
  template: ScorecardTemplateLike,
  answers: readonly EvaluationAnswer[],
): ExactScore {
  const issues = validateTemplate(template);
  if (issues.length > 0) {
    throw new RangeError(`Invalid scorecard template: ${issues[0]!.code} at ${issues[0]!.path}`);
  }
  const byCriterion = new Map<string, EvaluationAnswer>();
  for (const answer of answers) {
    if (!byCriterion.has(answer.criterionId)) byCriterion.set(answer.criterionId, answer);
  }
  const hundred = ratio(100n);
  const normalized = new Map<string, Ratio>();
  let fatalFailed = false;
  let totalNum = ZERO;
  let totalDen = ZERO;
  const sections = template.sections.map((section) => {
    let num = ZERO;
    let den = ZERO;
    let failedCritical = false;
    for (const criterion of section.criteria) {
      const answer = byCriterion.get(criterion.id);
      // N/A, unanswered, and values the scale does not allow are left out.
      if (!answer || answer.na === true || !isValueInScale(criterion.scale, answer.value)) continue;
      const n = normalizedRatio(criterion.scale, answer.value);
      normalized.set(criterion.id, n);
      const w = fromNumber(criterion.weight);
      num = add(num, mul(w, n));
      den = add(den, w);
      if (isZero(n) && criterion.critical === 'section') failedCritical = true;
      if (isZero(n) && criterion.critical === 'fatal') fatalFailed = true;
    }
    const score = failedCritical ? ZERO : isZero(den) ? null : div(mul(hundred, num), den);
    if (score !== null) {
      const weight = fromNumber(section.weight);
      totalNum = add(totalNum, mul(weight, score));
      totalDen = add(totalDen, weight);
    }
    return { sectionId: section.id, score, failedCritical };
  });
  const total = isZero(totalDen) ? null : fatalFailed ? ZERO : div(totalNum, totalDen);
  return { total, sections, fatalFailed, normalized };
}

const round2 = (r: Ratio | null) => (r === null ? null : roundHalfAwayFromZero(r, 2));

/**
 * Scores an evaluation (see the formula at the top of this file). Answers for unknown criteria,
 * second answers for a criterion, and values outside the scale are ignored (validateAnswers
 * reports them). Throws a RangeError for a template that validateTemplate rejects.
 */
export function scoreEvaluation(
  template: ScorecardTemplateLike,
  answers: readonly EvaluationAnswer[],
): EvaluationScore {
  const { total, sections, fatalFailed } = scoreExact(template, answers);
  return {
    score: round2(total),
    sections: sections.map((section) => ({ ...section, score: round2(section.score) })),
    fatalFailed,
  };
}

export interface CalibrationDeviation {
  /** other − reference total score, 2 decimals; null when either score is null. */
  scoreDelta: number | null;
  /** Per criterion, in template order: other − reference of normalized × 100, 2 decimals; null when either side is N/A or unanswered. */
  criteria: { criterionId: string; delta: number | null }[];
}

/**
 * How far an evaluation of a call (`other`) is from the reference evaluation of the same call
 * with the same template, as in a calibration session.
 */
export function calibrationDeviation(
  template: ScorecardTemplateLike,
  reference: readonly EvaluationAnswer[],
  other: readonly EvaluationAnswer[],
): CalibrationDeviation {
  const ref = scoreExact(template, reference);
  const oth = scoreExact(template, other);
  const hundred = ratio(100n);
  const criteria: CalibrationDeviation['criteria'] = [];
  for (const { id } of criteriaOf(template)) {
    const a = ref.normalized.get(id);
    const b = oth.normalized.get(id);
    criteria.push({
      criterionId: id,
      delta: a && b ? roundHalfAwayFromZero(mul(sub(b, a), hundred), 2) : null,
    });
  }
  return {
    scoreDelta: ref.total && oth.total ? roundHalfAwayFromZero(sub(oth.total, ref.total), 2) : null,
    criteria,
  };
}
