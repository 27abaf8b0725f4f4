import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  calibrationDeviation,
  isValueInScale,
  normalizedValue,
  scoreEvaluation,
  validateAnswers,
  validateTemplate,
  type CriterionScale,
  type EvaluationAnswer,
  type ScorecardCriterion,
  type ScorecardTemplateLike,
} from '../src/qa.js';

function criterion(id: string, partial: Partial<ScorecardCriterion> = {}): ScorecardCriterion {
  return {
    id,
    weight: 1,
    scale: { type: 'yes_no' },
    naAllowed: false,
    critical: 'none',
    ...partial,
  };
}

const template: ScorecardTemplateLike = {
  sections: [
    {
      id: 'A',
      weight: 60,
      criteria: [
        criterion('a1', { weight: 2, naAllowed: true }),
        criterion('a2', {
          weight: 3,
          scale: { type: 'rating', min: 1, max: 5 },
          commentRequiredBelow: 3,
        }),
        criterion('a3', { scale: { type: 'points', max: 10 } }),
        criterion('a4', { critical: 'section' }),
      ],
    },
    {
      id: 'B',
      weight: 40,
      criteria: [
        criterion('b1', { critical: 'fatal' }),
        criterion('b2', { scale: { type: 'rating', min: 0, max: 4 }, naAllowed: true }),
      ],
    },
    { id: 'C', weight: 20, criteria: [criterion('c1', { naAllowed: true })] },
  ],
};

const answer = (
  criterionId: string,
  value: number | null,
  extra: Partial<EvaluationAnswer> = {},
) => ({
  criterionId,
  value,
  na: false,
  ...extra,
});
const na = (criterionId: string): EvaluationAnswer => ({ criterionId, value: null, na: true });

const base: EvaluationAnswer[] = [
  answer('a1', 1),
  answer('a2', 4),
  answer('a3', 7),
  answer('a4', 1),
  answer('b1', 1),
  answer('b2', 3),
  na('c1'),
];

function replace(list: EvaluationAnswer[], next: EvaluationAnswer): EvaluationAnswer[] {
  return list.map((a) => (a.criterionId === next.criterionId ? next : a));
}

describe('scoreEvaluation, hand-computed', () => {
  test('normalization of each scale', () => {
    assert.equal(normalizedValue({ type: 'yes_no' }, 1), 1);
    assert.equal(normalizedValue({ type: 'rating', min: 1, max: 5 }, 4), 0.75);
    assert.equal(normalizedValue({ type: 'points', max: 10 }, 7), 0.7);
    assert.throws(() => normalizedValue({ type: 'rating', min: 1, max: 5 }, 0), RangeError);
    assert.equal(normalizedValue({ type: 'yes_no' }, 0), 0);
    assert.equal(normalizedValue({ type: 'rating', min: -2, max: 2 }, -2), 0);
    assert.equal(normalizedValue({ type: 'points', max: 4 }, 4), 1);
  });

  test('the values each scale allows: whole numbers from its lowest to its highest', () => {
    const allowed = (scale: CriterionScale, values: unknown[]) =>
      values.filter((v) => isValueInScale(scale, v));
    const probes = [-3, -1, 0, 0.5, 1, 2, 3, 5, 6, 11, '1', null, undefined, Number.NaN, true];
    assert.deepEqual(allowed({ type: 'yes_no' }, probes), [0, 1]);
    assert.deepEqual(allowed({ type: 'rating', min: 1, max: 5 }, probes), [1, 2, 3, 5]);
    assert.deepEqual(allowed({ type: 'rating', min: -1, max: 1 }, probes), [-1, 0, 1]);
    assert.deepEqual(allowed({ type: 'points', max: 10 }, probes), [0, 1, 2, 3, 5, 6]);
  });

  test('weighted sections and total; an all-N/A section is left out', () => {
    // A: (2·1 + 3·0.75 + 1·0.7 + 1·1) / 7 = 5.95 / 7 = 0.85 -> 85
    // B: (1·1 + 1·0.75) / 2 = 87.5; C: null
    // T = (60·85 + 40·87.5) / 100 = 86
    assert.deepEqual(scoreEvaluation(template, base), {
      score: 86,
      sections: [
        { sectionId: 'A', score: 85, failedCritical: false },
        { sectionId: 'B', score: 87.5, failedCritical: false },
        { sectionId: 'C', score: null, failedCritical: false },
      ],
      fatalFailed: false,
    });
  });

  test('N/A leaves the criterion out of the denominator', () => {
    // A without a1: (2.25 + 0.7 + 1) / 5 = 79; T = (60·79 + 40·87.5) / 100 = 82.4
    const result = scoreEvaluation(template, replace(base, na('a1')));
    assert.equal(result.sections[0]!.score, 79);
    assert.equal(result.score, 82.4);
    // Unanswered counts the same as N/A for the score (the draft is simply incomplete).
    assert.deepEqual(
      scoreEvaluation(
        template,
        base.filter((a) => a.criterionId !== 'a1'),
      ),
      result,
    );
  });

  test('a section-critical "no" sets the section to 0', () => {
    const result = scoreEvaluation(template, replace(base, answer('a4', 0, { comment: 'rude' })));
    assert.deepEqual(result.sections[0], { sectionId: 'A', score: 0, failedCritical: true });
    assert.equal(result.score, 35); // (60·0 + 40·87.5) / 100
    assert.equal(result.fatalFailed, false);
  });

  test('a fatal "no" sets the total to 0', () => {
    const result = scoreEvaluation(template, replace(base, answer('b1', 0, { comment: 'x' })));
    assert.equal(result.fatalFailed, true);
    assert.equal(result.score, 0);
    assert.equal(result.sections[1]!.score, 37.5); // the section itself is scored normally
    assert.equal(result.sections[1]!.failedCritical, false);
  });

  test('nothing answered: every score is null', () => {
    const result = scoreEvaluation(template, []);
    assert.equal(result.score, null);
    assert.deepEqual(
      result.sections.map((s) => s.score),
      [null, null, null],
    );
  });

  test('rounding: 2 decimals, half away from zero, exact (84.975 -> 84.98, where toFixed says 84.97)', () => {
    const t: ScorecardTemplateLike = {
      sections: [
        {
          id: 's',
          weight: 1,
          criteria: [criterion('p', { scale: { type: 'points', max: 4000 } })],
        },
      ],
    };
    assert.equal((84.975).toFixed(2), '84.97');
    assert.equal(scoreEvaluation(t, [answer('p', 3399)]).score, 84.98);
    // 1/3 -> 33.33, 2/3 -> 66.67
    const thirds: ScorecardTemplateLike = {
      sections: [
        {
          id: 's',
          weight: 1,
          criteria: [criterion('x', { weight: 0.1 }), criterion('y', { weight: 0.2 })],
        },
      ],
    };
    assert.equal(scoreEvaluation(thirds, [answer('x', 1), answer('y', 0)]).score, 33.33);
    assert.equal(scoreEvaluation(thirds, [answer('x', 0), answer('y', 1)]).score, 66.67);
  });

  test('the total is rounded once, from the unrounded section scores', () => {
    // S1 = 0.0044 (shown 0), S2 = 0.0054 (shown 0.01); T = 0.0049 -> 0, not (0 + 0.01)/2 -> 0.01.
    const scale: CriterionScale = { type: 'points', max: 1_000_000 };
    const t: ScorecardTemplateLike = {
      sections: [
        { id: 's1', weight: 1, criteria: [criterion('p1', { scale })] },
        { id: 's2', weight: 1, criteria: [criterion('p2', { scale })] },
      ],
    };
    const result = scoreEvaluation(t, [answer('p1', 44), answer('p2', 54)]);
    assert.deepEqual(
      result.sections.map((s) => s.score),
      [0, 0.01],
    );
    assert.equal(result.score, 0);
  });

  test('unknown, duplicate and out-of-range answers do not count', () => {
    const result = scoreEvaluation(template, [
      ...base,
      answer('zz', 1),
      answer('a1', 0), // a second answer for a1: the first one counts
    ]);
    assert.equal(result.score, 86);
    assert.equal(
      scoreEvaluation(template, replace(base, answer('a2', 9))).sections[0]!.score,
      92.5,
    );
  });

  test('an invalid template is refused', () => {
    assert.throws(() => scoreEvaluation({ sections: [] }, []), RangeError);
  });
});

describe('validateAnswers', () => {
  test('a complete, valid evaluation has no issues', () => {
    assert.deepEqual(validateAnswers(template, base, { forSubmit: true }), []);
  });

  test('reports each problem with its path', () => {
    const answers: EvaluationAnswer[] = [
      answer('nope', 1), // 0 unknown
      answer('a1', 2), // 1 out of range for yes_no
      answer('a1', 1), // 2 duplicate
      answer('a2', 2), // 3 below commentRequiredBelow 3, no comment
      answer('a3', 3.5), // 4 not a whole number
      { criterionId: 'a4', value: null, na: true }, // 5 N/A not allowed
      answer('b1', 0, { comment: '   ' }), // 6 critical "no" with a blank comment
      answer('b2', 0, { comment: 'late greeting' }), // 7 fine
    ];
    assert.deepEqual(validateAnswers(template, answers, { forSubmit: false }), [
      { path: 'answers/0/criterionId', code: 'unknown_criterion' },
      { path: 'answers/1/value', code: 'value_out_of_range', criterionId: 'a1' },
      { path: 'answers/2/criterionId', code: 'duplicate_answer', criterionId: 'a1' },
      { path: 'answers/3/comment', code: 'comment_required', criterionId: 'a2' },
      { path: 'answers/4/value', code: 'value_out_of_range', criterionId: 'a3' },
      { path: 'answers/5/na', code: 'na_not_allowed', criterionId: 'a4' },
      { path: 'answers/6/comment', code: 'comment_required', criterionId: 'b1' },
    ]);
  });

  test('answer_missing only when submitting', () => {
    const answers = [answer('a1', 1), answer('a2', null), answer('a3', 99)];
    assert.deepEqual(validateAnswers(template, answers, { forSubmit: false }), [
      { path: 'answers/2/value', code: 'value_out_of_range', criterionId: 'a3' },
    ]);
    assert.deepEqual(validateAnswers(template, answers, { forSubmit: true }), [
      { path: 'answers/2/value', code: 'value_out_of_range', criterionId: 'a3' },
      { path: 'answers/1/value', code: 'answer_missing', criterionId: 'a2' },
      { path: 'answers', code: 'answer_missing', criterionId: 'a4' },
      { path: 'answers', code: 'answer_missing', criterionId: 'b1' },
      { path: 'answers', code: 'answer_missing', criterionId: 'b2' },
      { path: 'answers', code: 'answer_missing', criterionId: 'c1' },
    ]);
  });

  test('a comment threshold applies to the raw value; a critical "no" with a comment is fine', () => {
    assert.deepEqual(validateAnswers(template, [answer('a2', 2, { comment: 'long hold' })]), []);
    assert.deepEqual(validateAnswers(template, [answer('a2', 3)]), []);
    assert.deepEqual(validateAnswers(template, [answer('a4', 0, { comment: 'no greeting' })]), []);
  });
});

describe('validateTemplate', () => {
  test('a sound template has no issues', () => {
    assert.deepEqual(validateTemplate(template), []);
  });

  test('reports each problem with its path', () => {
    const bad = {
      sections: [
        {
          id: 'S',
          weight: 0,
          criteria: [
            criterion('x', { weight: -1 }),
            criterion('x'),
            criterion('r', { scale: { type: 'rating', min: 5, max: 5 } }),
            criterion('p', { scale: { type: 'points', max: 0 } }),
            criterion('f', { scale: { type: 'rating', min: 1, max: 5 }, critical: 'fatal' }),
            criterion('', { commentRequiredBelow: Number.NaN }),
            criterion('q', { scale: { type: 'stars' } as unknown as CriterionScale }),
            criterion('k', { critical: 'maybe' as 'none' }),
          ],
        },
        { id: 'S', weight: Number.POSITIVE_INFINITY, criteria: [] },
      ],
    };
    // Input from outside TypeScript: a weight written as text, a scale that is not an object.
    const untyped = {
      sections: [
        {
          id: 7,
          weight: '1',
          criteria: [
            criterion('t', { scale: 'yes_no' as unknown as CriterionScale, critical: 'fatal' }),
          ],
        },
      ],
    } as unknown as ScorecardTemplateLike;
    assert.deepEqual(validateTemplate(untyped), [
      { path: 'sections/0/id', code: 'id_missing' },
      { path: 'sections/0/weight', code: 'weight_invalid' },
      { path: 'sections/0/criteria/0/scale', code: 'scale_invalid' },
      { path: 'sections/0/criteria/0/critical', code: 'critical_requires_yes_no' },
    ]);
    assert.deepEqual(validateTemplate(bad), [
      { path: 'sections/0/weight', code: 'weight_invalid' },
      { path: 'sections/0/criteria/0/weight', code: 'weight_invalid' },
      { path: 'sections/0/criteria/1/id', code: 'duplicate_id' },
      { path: 'sections/0/criteria/2/scale', code: 'scale_invalid' },
      { path: 'sections/0/criteria/3/scale', code: 'scale_invalid' },
      { path: 'sections/0/criteria/4/critical', code: 'critical_requires_yes_no' },
      { path: 'sections/0/criteria/5/id', code: 'id_missing' },
      { path: 'sections/0/criteria/5/commentRequiredBelow', code: 'comment_threshold_invalid' },
      { path: 'sections/0/criteria/6/scale', code: 'scale_invalid' },
      { path: 'sections/0/criteria/7/critical', code: 'critical_invalid' },
      { path: 'sections/1/id', code: 'duplicate_id' },
      { path: 'sections/1/weight', code: 'weight_invalid' },
      { path: 'sections/1/criteria', code: 'criteria_empty' },
    ]);
    assert.deepEqual(validateTemplate({ sections: [] }), [
      { path: 'sections', code: 'sections_empty' },
    ]);
  });
});

describe('calibrationDeviation', () => {
  test('score and per-criterion deltas against the reference', () => {
    const other = replace(replace(base, answer('a2', 2, { comment: 'x' })), na('b2'));
    const result = calibrationDeviation(template, base, other);
    // other: A = (2 + 3·0.25 + 0.7 + 1)/7 = 4.45/7 = 63.5714…; B = 100; T = (60·63.5714… + 40·100)/100
    // = 78.142857… ; reference 86 -> delta -7.857… -> -7.86
    assert.equal(result.scoreDelta, -7.86);
    assert.deepEqual(result.criteria, [
      { criterionId: 'a1', delta: 0 },
      { criterionId: 'a2', delta: -50 },
      { criterionId: 'a3', delta: 0 },
      { criterionId: 'a4', delta: 0 },
      { criterionId: 'b1', delta: 0 },
      { criterionId: 'b2', delta: null },
      { criterionId: 'c1', delta: null },
    ]);
    assert.equal(calibrationDeviation(template, base, []).scoreDelta, null);
  });
});

// ------------------------------------------------------------------------------------------------
// Property tests

const scaleArb: fc.Arbitrary<CriterionScale> = fc.oneof(
  fc.constant({ type: 'yes_no' as const }),
  fc
    .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }))
    .map(([min, span]) => ({ type: 'rating' as const, min, max: min + span })),
  fc.integer({ min: 1, max: 100 }).map((max) => ({ type: 'points' as const, max })),
);

const weightArb = fc.oneof(
  fc.integer({ min: 1, max: 100 }),
  fc.constantFrom(0.1, 0.25, 0.3, 1.5, 2.75),
);

const criterionArb = (id: string): fc.Arbitrary<ScorecardCriterion> =>
  fc
    .record({
      weight: weightArb,
      scale: scaleArb,
      naAllowed: fc.boolean(),
      critical: fc.constantFrom('none', 'none', 'fatal', 'section') as fc.Arbitrary<
        ScorecardCriterion['critical']
      >,
    })
    .map((c) => ({ id, ...c, critical: c.scale.type === 'yes_no' ? c.critical : 'none' }));

const templateArb: fc.Arbitrary<ScorecardTemplateLike> = fc
  .array(fc.tuple(weightArb, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc
      .tuple(
        ...shape.map(([weight, count], i) =>
          fc
            .tuple(...Array.from({ length: count }, (_, j) => criterionArb(`s${i}c${j}`)))
            .map((criteria) => ({ id: `s${i}`, weight, criteria })),
        ),
      )
      .map((sections) => ({ sections })),
  );

function answerArb(c: ScorecardCriterion): fc.Arbitrary<EvaluationAnswer> {
  const s = c.scale;
  const [min, max] =
    s.type === 'yes_no' ? [0, 1] : s.type === 'rating' ? [s.min, s.max] : [0, s.max];
  return fc.oneof(
    fc.integer({ min, max }).map((value) => ({ criterionId: c.id, value, na: false })),
    fc.constant({ criterionId: c.id, value: null, na: c.naAllowed }),
  );
}

const evaluationArb = templateArb.chain((t) =>
  fc
    .tuple(...t.sections.flatMap((s) => s.criteria).map(answerArb))
    .map((answers) => ({ template: t, answers })),
);

describe('properties', () => {
  test('scores are always within [0, 100] or null, with 2 decimals at most', () => {
    fc.assert(
      fc.property(evaluationArb, ({ template: t, answers }) => {
        const result = scoreEvaluation(t, answers);
        for (const value of [result.score, ...result.sections.map((s) => s.score)]) {
          if (value === null) continue;
          assert.ok(value >= 0 && value <= 100, String(value));
          assert.equal(Math.round(value * 100) / 100, value);
        }
        if (result.fatalFailed) assert.equal(result.score, 0);
      }),
      { numRuns: 500 },
    );
  });

  test('an N/A criterion never changes the denominator: same as leaving the criterion out', () => {
    fc.assert(
      fc.property(evaluationArb, fc.nat(), ({ template: t, answers }, pick) => {
        const candidates = t.sections
          .filter((s) => s.criteria.length > 1)
          .flatMap((s) => s.criteria);
        if (candidates.length === 0) return;
        const target = candidates[pick % candidates.length]!;
        const withNa = answers.map((a) =>
          a.criterionId === target.id ? { criterionId: a.criterionId, value: null, na: true } : a,
        );
        const without: ScorecardTemplateLike = {
          sections: t.sections.map((s) => ({
            ...s,
            criteria: s.criteria.filter((c) => c.id !== target.id),
          })),
        };
        const expected = scoreEvaluation(
          without,
          answers.filter((a) => a.criterionId !== target.id),
        );
        assert.deepEqual(scoreEvaluation(t, withNa), expected);
      }),
      { numRuns: 500 },
    );
  });

  test('a valid random evaluation passes validateAnswers for submit unless a comment is missing', () => {
    fc.assert(
      fc.property(evaluationArb, ({ template: t, answers }) => {
        const issues = validateAnswers(t, answers, { forSubmit: true });
        for (const issue of issues)
          assert.ok(['comment_required', 'answer_missing'].includes(issue.code), issue.code);
      }),
      { numRuns: 200 },
    );
  });
});
