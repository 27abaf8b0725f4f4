/**
 * KPI formulas over call records. The reference server computes the same figures in SQL and its
 * tests compare them with these functions.
 *
 * Every figure is `{ value, numerator, denominator }`; `value` is null when the denominator is
 * 0 (no data is not a 0).
 */

export const KPI_METRICS = [
  'service_level',
  'asa',
  'aht',
  'abandonment_rate',
  'fcr',
  'csat',
  'occupancy',
  'calls_offered',
  'calls_answered',
  'calls_abandoned',
  'complaint_count',
  'complaint_rate',
  'qa_average',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export type MetricUnit = 'ratio' | 'seconds' | 'count' | 'per_thousand' | 'score';
/** The API's name for {@link MetricUnit}. */
export type KpiUnit = MetricUnit;
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export type KpiStatus = 'met' | 'at_risk' | 'missed';

/** The unit each metric is expressed in ('ratio' is 0..1; 'score' is a QA score 0..100). */
export const METRIC_UNITS: Readonly<Record<KpiMetric, MetricUnit>> = {
  service_level: 'ratio',
  asa: 'seconds',
  aht: 'seconds',
  abandonment_rate: 'ratio',
  fcr: 'ratio',
  csat: 'ratio',
  occupancy: 'ratio',
  calls_offered: 'count',
  calls_answered: 'count',
  calls_abandoned: 'count',
  complaint_count: 'count',
  complaint_rate: 'per_thousand',
  qa_average: 'score',
};

/**
 * Which way is better, by default, for a target on each metric. Offered calls are demand, not
 * performance, so their targets (if any) are read as floors like the other volumes handled.
 */
export const METRIC_DIRECTIONS: Readonly<Record<KpiMetric, KpiDirection>> = {
  service_level: 'higher_is_better',
  asa: 'lower_is_better',
  aht: 'lower_is_better',
  abandonment_rate: 'lower_is_better',
  fcr: 'higher_is_better',
  csat: 'higher_is_better',
  occupancy: 'higher_is_better',
  calls_offered: 'higher_is_better',
  calls_answered: 'higher_is_better',
  calls_abandoned: 'lower_is_better',
  complaint_count: 'lower_is_better',
  complaint_rate: 'lower_is_better',
  qa_average: 'higher_is_better',
};

export function isKpiMetric(value: unknown): value is KpiMetric {
  return typeof value === 'string' && (KPI_METRICS as readonly string[]).includes(value);
}

export interface CallRecordLike {
  offeredAt: string;
  answeredAt: string | null;
  abandonedAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  holdSeconds: number;
  afterCallWorkSeconds: number;
  resolvedOnFirstContact: boolean | null;
  /** 1..5 */
  csat: number | null;
}

export interface KpiFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface CallKpiOptions {
  /** Service-level threshold: answered within this many seconds counts as met. Default 20. */
  thresholdSeconds?: number;
  /** Calls abandoned after waiting less than this are short abandons. Default 5. */
  shortAbandonSeconds?: number;
}

export const DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS = 20;
export const DEFAULT_SHORT_ABANDON_SECONDS = 5;

function figure(numerator: number, denominator: number, scale = 1): KpiFigure {
  return {
    value: denominator === 0 ? null : (numerator / denominator) * scale,
    numerator,
    denominator,
  };
}

function count(n: number): KpiFigure {
  return { value: n, numerator: n, denominator: 1 };
}

function parse(value: string, what: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${what}: ${value}`);
  return ms;
}

function nonNegative(value: number | undefined, fallback: number, what: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`Invalid ${what}: ${v}`);
  return v;
}

/** The counts and sums all call KPIs are built from, in one pass over the records. */
export interface CallTotals {
  /** Calls answered, abandoned or ended (calls still waiting are not offered yet). */
  offered: number;
  answered: number;
  /** Answered with wait <= thresholdSeconds. */
  answeredWithinThreshold: number;
  /** Abandoned calls, short abandons included. */
  abandoned: number;
  /** Abandoned with wait < shortAbandonSeconds. */
  shortAbandoned: number;
  /** Σ wait of answered calls, seconds. */
  answeredWaitSeconds: number;
  /** Σ (talk + hold + after-call work) of answered calls, seconds. */
  handleSeconds: number;
  /** Answered calls with resolvedOnFirstContact = true. */
  resolvedOnFirstContact: number;
  /** Answered calls with resolvedOnFirstContact ≠ null. */
  firstContactKnown: number;
  /** Calls with csat >= 4. */
  satisfied: number;
  /** Calls with csat ≠ null. */
  surveyed: number;
}

/**
 * Adds up call records. wait = (answeredAt, or else abandonedAt) − offeredAt, in seconds. A call
 * with answeredAt is answered (even if it also has abandonedAt); one with only abandonedAt is
 * abandoned; one with neither but endedAt is offered and nothing else (e.g. transferred out);
 * one with none of the three is still waiting and not counted at all.
 */
export function callTotals(
  calls: readonly CallRecordLike[],
  options: CallKpiOptions = {},
): CallTotals {
  const threshold = nonNegative(
    options.thresholdSeconds,
    DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS,
    'thresholdSeconds',
  );
  const shortAbandon = nonNegative(
    options.shortAbandonSeconds,
    DEFAULT_SHORT_ABANDON_SECONDS,
    'shortAbandonSeconds',
  );
  const t: CallTotals = {
    offered: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredWaitSeconds: 0,
    handleSeconds: 0,
    resolvedOnFirstContact: 0,
    firstContactKnown: 0,
    satisfied: 0,
    surveyed: 0,
  };
  for (const call of calls) {
    if (call.csat !== null && call.csat !== undefined) {
      t.surveyed++;
      if (call.csat >= 4) t.satisfied++;
    }
    if (call.answeredAt == null && call.abandonedAt == null && call.endedAt == null) continue;
    t.offered++;
    const offeredAt = parse(call.offeredAt, 'offeredAt');
    if (call.answeredAt != null) {
      const wait = (parse(call.answeredAt, 'answeredAt') - offeredAt) / 1000;
      t.answered++;
      t.answeredWaitSeconds += wait;
      if (wait <= threshold) t.answeredWithinThreshold++;
      t.handleSeconds += call.talkSeconds + call.holdSeconds + call.afterCallWorkSeconds;
      if (call.resolvedOnFirstContact !== null && call.resolvedOnFirstContact !== undefined) {
        t.firstContactKnown++;
        if (call.resolvedOnFirstContact === true) t.resolvedOnFirstContact++;
      }
    } else if (call.abandonedAt != null) {
      const wait = (parse(call.abandonedAt, 'abandonedAt') - offeredAt) / 1000;
      t.abandoned++;
      if (wait < shortAbandon) t.shortAbandoned++;
    }
  }
  return t;
}

/** Call records, or their totals from {@link callTotals} when several figures are needed. */
export type CallsOrTotals = readonly CallRecordLike[] | CallTotals;

function totalsOf(calls: CallsOrTotals, options?: CallKpiOptions): CallTotals {
  return isCallList(calls) ? callTotals(calls, options) : calls;
}

function isCallList(calls: CallsOrTotals): calls is readonly CallRecordLike[] {
  return Array.isArray(calls);
}

/** Answered within the threshold / (offered − short abandons). */
export function kpiServiceLevel(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.answeredWithinThreshold, totals.offered - totals.shortAbandoned);
}

/** Average speed of answer: Σ wait of answered / answered, seconds. */
export function kpiAsa(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.answeredWaitSeconds, totals.answered);
}

/** Average handle time: Σ (talk + hold + after-call work) of answered / answered, seconds. */
export function kpiAht(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.handleSeconds, totals.answered);
}

/** (abandoned − short abandons) / (offered − short abandons). */
export function kpiAbandonmentRate(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.abandoned - totals.shortAbandoned, totals.offered - totals.shortAbandoned);
}

/** First-contact resolution: answered and resolved on first contact / answered with it known. */
export function kpiFcr(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.resolvedOnFirstContact, totals.firstContactKnown);
}

/** Share of satisfied customers: csat >= 4 / csat given. */
export function kpiCsat(calls: CallsOrTotals, options?: CallKpiOptions): KpiFigure {
  const totals = totalsOf(calls, options);
  return figure(totals.satisfied, totals.surveyed);
}

export interface PresenceTotals {
  /** Seconds spent handling contacts (talk, hold, after-call work). */
  handleSeconds: number;
  /** Seconds available and idle, waiting for a contact. */
  availableIdleSeconds: number;
}

/** Occupancy: handle seconds / (handle seconds + available-idle seconds). */
export function kpiOccupancy(presence: PresenceTotals): KpiFigure {
  return figure(presence.handleSeconds, presence.handleSeconds + presence.availableIdleSeconds);
}

/** Complaints per 1,000 answered calls. */
export function kpiComplaintRate(complaints: number, answeredCalls: number): KpiFigure {
  return figure(complaints, answeredCalls, 1000);
}

/** Average of the QA scores given (null scores, e.g. drafts with nothing answered, are left out). */
export function kpiQaAverage(scores: readonly (number | null)[]): KpiFigure {
  const given = scores.filter((s): s is number => typeof s === 'number');
  return figure(
    given.reduce((a, b) => a + b, 0),
    given.length,
  );
}

export interface KpiInputs {
  calls?: readonly CallRecordLike[];
  options?: CallKpiOptions;
  presence?: PresenceTotals | null;
  complaints?: number | null;
  qaScores?: readonly (number | null)[] | null;
}

/**
 * Every metric whose inputs are given, from one pass over the calls. Metrics whose inputs are
 * missing (no presence totals, no complaint count, no QA scores) are left out of the result.
 */
export function computeKpis(inputs: KpiInputs): Partial<Record<KpiMetric, KpiFigure>> {
  const totals = callTotals(inputs.calls ?? [], inputs.options);
  const result: Partial<Record<KpiMetric, KpiFigure>> = {
    service_level: kpiServiceLevel(totals),
    asa: kpiAsa(totals),
    aht: kpiAht(totals),
    abandonment_rate: kpiAbandonmentRate(totals),
    fcr: kpiFcr(totals),
    csat: kpiCsat(totals),
    calls_offered: count(totals.offered),
    calls_answered: count(totals.answered),
    calls_abandoned: count(totals.abandoned),
  };
  if (inputs.presence) result.occupancy = kpiOccupancy(inputs.presence);
  if (typeof inputs.complaints === 'number') {
    result.complaint_count = count(inputs.complaints);
    result.complaint_rate = kpiComplaintRate(inputs.complaints, totals.answered);
  }
  if (inputs.qaScores) result.qa_average = kpiQaAverage(inputs.qaScores);
  return result;
}

export interface KpiTarget {
  value: number;
  /** Defaults to METRIC_DIRECTIONS[metric]. */
  direction?: KpiDirection;
  /** Relative margin on the wrong side still counted as at risk, e.g. 0.05 = 5 %. Default 0. */
  atRiskMargin?: number;
}

/**
 * Status of a value against its target: 'met' on the good side of the target (or equal to it);
 * 'at_risk' on the bad side by at most atRiskMargin × |target|; 'missed' beyond that; null when
 * there is no value.
 */
export function kpiStatus(
  metric: KpiMetric,
  value: number | null,
  target: KpiTarget,
): KpiStatus | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const direction = target.direction ?? METRIC_DIRECTIONS[metric];
  const margin = target.atRiskMargin ?? 0;
  if (!Number.isFinite(target.value)) throw new RangeError(`Invalid target value: ${target.value}`);
  if (!Number.isFinite(margin) || margin < 0)
    throw new RangeError(`Invalid atRiskMargin: ${margin}`);
  const slack = Math.abs(target.value) * margin;
  if (direction === 'higher_is_better') {
    if (value >= target.value) return 'met';
    return value >= target.value - slack ? 'at_risk' : 'missed';
  }
  if (value <= target.value) return 'met';
  return value <= target.value + slack ? 'at_risk' : 'missed';
}
