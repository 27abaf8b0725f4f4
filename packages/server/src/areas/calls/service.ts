/**
 * Calls and KPIs: call records (ingest, lists), KPI reports, the CSV export, live figures, the
 * appraisal, and the KPI targets.
 *
 * The sums come from SQL (sqlite-store.ts); the formulas applied to them are the ones of
 * `@cc-kit/domain` (kpiServiceLevel, kpiAht, …), so client and server can never disagree.
 */
import {
  KPI_METRICS,
  METRIC_UNITS,
  MAX_KPI_BUCKETS,
  MAX_KPI_PERIOD_DAYS,
  appraisalPeriods,
  kpiAbandonmentRate,
  kpiAht,
  kpiAsa,
  kpiBuckets,
  kpiComplaintRate,
  kpiCsat,
  kpiFcr,
  kpiOccupancy,
  kpiServiceLevel,
  kpiStatus,
  type AppraisalPeriodKind,
  type KpiBucketSize,
  type KpiFigure,
  type KpiMetric,
  type KpiStatus,
  type KpiUnit,
  type PresenceTotals,
} from '@cc-kit/domain';
import type { FieldError } from '../../core/problems.js';
import type { Services } from '../../core/area.js';
import type { Caller } from '../../core/auth.js';
import { assertUpdated } from '../../core/etag.js';
import { newId } from '../../core/ids.js';
import { paginate, type Page } from '../../core/pagination.js';
import { problem } from '../../core/problems.js';
import type {
  CallRecord,
  CallStatus,
  CallStore,
  CallSums,
  IsoRange,
  KpiScopeRef,
  TargetRow,
} from './store.js';

const DAY = 86_400_000;

export type Call = Omit<CallRecord, 'createdAt' | 'updatedAt'>;

export interface CallInput {
  externalId: string;
  queue: string;
  agentId?: string;
  direction: 'inbound' | 'outbound';
  offeredAt: string;
  answeredAt?: string;
  abandonedAt?: string;
  endedAt?: string;
  talkSeconds?: number;
  holdSeconds?: number;
  afterCallWorkSeconds?: number;
  transferred?: boolean;
  resolvedOnFirstContact?: boolean;
  csat?: number;
  customerPhone?: string;
}

export interface BatchResult {
  created: number;
  updated: number;
  rejected: number;
  results: {
    index: number;
    externalId: string;
    outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
    id?: string;
    errors?: FieldError[];
  }[];
}

export interface KpiQuery {
  scope: 'center' | 'team' | 'agent';
  scopeId?: string;
  from: string;
  to: string;
  metrics?: KpiMetric[];
  bucket?: KpiBucketSize;
  serviceLevelThresholdSeconds?: number;
  shortAbandonSeconds?: number;
  compare?: 'none' | 'previous';
}

interface FigureWithBuckets extends KpiFigure {
  buckets: {
    start: string;
    end: string;
    value: number | null;
    numerator: number;
    denominator: number;
  }[];
}

export interface KpiValue extends KpiFigure {
  metric: KpiMetric;
  unit: KpiUnit;
  target: TargetRow | null;
  status: KpiStatus | null;
  previous?: KpiFigure;
  buckets: FigureWithBuckets['buckets'];
}

export interface KpiReport {
  scope: KpiQuery['scope'];
  scopeId: string | null;
  from: string;
  to: string;
  bucket: KpiBucketSize;
  timeZone: string;
  serviceLevelThresholdSeconds: number;
  shortAbandonSeconds: number;
  metrics: KpiValue[];
  dataAsOf: string | null;
  generatedAt: string;
}

export interface LiveKpis {
  scope: KpiQuery['scope'];
  scopeId: string | null;
  asOf: string;
  callsInQueue: number;
  longestWaitSeconds: number | null;
  agentsAvailable: number;
  agentsOnCall: number;
  agentsInAfterCallWork: number;
  agentsOnBreak: number;
  agentsStaffed: number;
  serviceLevel: KpiFigure;
  serviceLevelThresholdSeconds: number;
  target: TargetRow | null;
  windowMinutes: number;
  callsOfferedInWindow: number;
  ahtSecondsInWindow: number | null;
}

const APPRAISAL_ITEMS = [
  'qa_average',
  'aht',
  'fcr',
  'csat',
  'service_level',
  'justified_complaints',
  'praise_received',
  'calls_answered',
] as const;
type AppraisalMetric = (typeof APPRAISAL_ITEMS)[number];

function count(n: number): KpiFigure {
  return { value: n, numerator: n, denominator: 1 };
}

function ratio(numerator: number, denominator: number): KpiFigure {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-11-26T08:30:00.000Z` from any RFC 3339 timestamp. */
function normalise(value: string): string {
  return new Date(value).toISOString();
}

function addSums(a: CallSums, b: CallSums): CallSums {
  return {
    arrivals: a.arrivals + b.arrivals,
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    answeredWithinThreshold: a.answeredWithinThreshold + b.answeredWithinThreshold,
    abandoned: a.abandoned + b.abandoned,
    shortAbandoned: a.shortAbandoned + b.shortAbandoned,
    answeredWaitSeconds: a.answeredWaitSeconds + b.answeredWaitSeconds,
    handleSeconds: a.handleSeconds + b.handleSeconds,
    resolvedOnFirstContact: a.resolvedOnFirstContact + b.resolvedOnFirstContact,
    firstContactKnown: a.firstContactKnown + b.firstContactKnown,
    satisfied: a.satisfied + b.satisfied,
    surveyed: a.surveyed + b.surveyed,
    dataAsOf:
      a.dataAsOf === null
        ? b.dataAsOf
        : b.dataAsOf === null || a.dataAsOf > b.dataAsOf
          ? a.dataAsOf
          : b.dataAsOf,
  };
}

/** The raw sums of one range, from which every metric's figure is computed. */
interface RangeSums {
  calls: CallSums;
  presence: PresenceTotals;
  complaints: number;
  qa: { sum: number; count: number };
}

function addRange(a: RangeSums, b: RangeSums): RangeSums {
  return {
    calls: addSums(a.calls, b.calls),
    presence: {
      handleSeconds: a.presence.handleSeconds + b.presence.handleSeconds,
      availableIdleSeconds: a.presence.availableIdleSeconds + b.presence.availableIdleSeconds,
    },
    complaints: a.complaints + b.complaints,
    qa: { sum: a.qa.sum + b.qa.sum, count: a.qa.count + b.qa.count },
  };
}

/** A metric's figure from the sums, with the formulas of `@cc-kit/domain`. */
function figureOf(metric: KpiMetric, s: RangeSums): KpiFigure {
  switch (metric) {
    case 'service_level':
      return kpiServiceLevel(s.calls);
    case 'asa':
      return kpiAsa(s.calls);
    case 'aht':
      return kpiAht(s.calls);
    case 'abandonment_rate':
      return kpiAbandonmentRate(s.calls);
    case 'fcr':
      return kpiFcr(s.calls);
    case 'csat':
      return kpiCsat(s.calls);
    case 'occupancy':
      return kpiOccupancy(s.presence);
    case 'calls_offered':
      return count(s.calls.offered);
    case 'calls_answered':
      return count(s.calls.answered);
    case 'calls_abandoned':
      return count(s.calls.abandoned);
    case 'complaint_count':
      return count(s.complaints);
    case 'complaint_rate':
      return kpiComplaintRate(s.complaints, s.calls.answered);
    case 'qa_average':
      return ratio(s.qa.sum, s.qa.count);
  }
}

function statusOf(metric: KpiMetric, value: number | null, target: TargetRow | undefined | null) {
  return target ? kpiStatus(metric, value, target) : null;
}

export class CallService {
  constructor(
    readonly store: CallStore,
    private readonly services: Services,
  ) {}

  // ---- calls ---------------------------------------------------------------------------------

  toCall(record: CallRecord): Call {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { createdAt, updatedAt, ...call } = record;
    return call;
  }

  /** Whether the caller may see this call: an agent their own, a supervisor their team's. */
  private canSee(caller: Caller, call: CallRecord): boolean {
    if (caller.role === 'agent') return call.agentId === caller.userId;
    if (caller.role === 'supervisor')
      return caller.teamId !== null && call.teamId === caller.teamId;
    return true;
  }

  get(caller: Caller, id: string): Call {
    const call = this.store.byId(id);
    if (!call || !this.canSee(caller, call)) throw problem.notFound('call');
    return this.toCall(call);
  }

  list(
    caller: Caller,
    query: {
      limit?: number;
      cursor?: string;
      teamId?: string;
      agentId?: string;
      status?: CallStatus;
      from?: string;
      to?: string;
    },
  ): Page<Call> {
    const filter = {
      ...(query.teamId !== undefined ? { teamId: query.teamId } : {}),
      ...(query.agentId !== undefined ? { agentId: query.agentId } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.from !== undefined ? { from: normalise(query.from) } : {}),
      ...(query.to !== undefined ? { to: normalise(query.to) } : {}),
    };
    // Out of reach is invisible: a filter outside it simply matches nothing.
    let nothing = false;
    if (caller.role === 'agent') {
      if (filter.agentId !== undefined && filter.agentId !== caller.userId) nothing = true;
      filter.agentId = caller.userId;
    } else if (caller.role === 'supervisor') {
      if (caller.teamId === null) nothing = true;
      else {
        if (filter.teamId !== undefined && filter.teamId !== caller.teamId) nothing = true;
        filter.teamId = caller.teamId;
      }
    }
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'calls', ...filter, reach: nothing ? 'none' : 'some' },
      select: (after, limit) => (nothing ? [] : this.store.list(filter, after, limit)),
    });
    return { items: page.items.map((c) => this.toCall(c)), nextCursor: page.nextCursor };
  }

  /**
   * Upserts call records by externalId, each on its own: a record with errors is reported and
   * skipped, the others are stored. Returns the result per record and the scopes that changed.
   */
  ingest(inputs: unknown[], now: Date): { result: BatchResult; changedTeams: Set<string | null> } {
    const nowIso = now.toISOString();
    const externalIds = inputs
      .map((input) =>
        input && typeof input === 'object' ? (input as { externalId?: unknown }).externalId : null,
      )
      .filter((id): id is string => typeof id === 'string');
    const known = this.store.byExternalIds(externalIds);
    const queueTeams = this.store.queueTeams();
    const result: BatchResult = { created: 0, updated: 0, rejected: 0, results: [] };
    const changedTeams = new Set<string | null>();

    inputs.forEach((raw, index) => {
      const base = `/body/calls/${index}`;
      const externalId =
        raw && typeof raw === 'object' && typeof (raw as CallInput).externalId === 'string'
          ? (raw as CallInput).externalId
          : '';
      const reject = (errors: FieldError[]) => {
        result.rejected++;
        result.results.push({ index, externalId, outcome: 'rejected', errors });
      };
      const issues = this.services.spec.validateSchema('CallRecordInput', raw);
      if (issues.length) {
        reject(issues.map((i) => ({ path: `${base}${i.path}`, message: i.message, code: i.code })));
        return;
      }
      const input = raw as CallInput;
      const existing = known.get(input.externalId);
      const { record, errors } = this.merge(input, existing, queueTeams, base, nowIso);
      if (errors.length) {
        reject(errors);
        return;
      }
      if (!existing) {
        this.store.insert(record);
        result.created++;
        result.results.push({ index, externalId, outcome: 'created', id: record.id });
      } else if (sameCall(existing, record)) {
        result.results.push({ index, externalId, outcome: 'unchanged', id: record.id });
        return;
      } else {
        this.store.update(record);
        result.updated++;
        result.results.push({ index, externalId, outcome: 'updated', id: record.id });
        changedTeams.add(existing.teamId);
      }
      changedTeams.add(record.teamId);
      known.set(record.externalId, record);
    });
    return { result, changedTeams };
  }

  private merge(
    input: CallInput,
    existing: CallRecord | undefined,
    queueTeams: Map<string, string>,
    base: string,
    nowIso: string,
  ): { record: CallRecord; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const time = (field: 'offeredAt' | 'answeredAt' | 'abandonedAt' | 'endedAt') => {
      const sent = input[field];
      const stored = existing ? existing[field] : null;
      if (sent === undefined) return stored;
      const value = normalise(sent);
      if (stored !== null && value < stored) {
        errors.push({
          path: `${base}/${field}`,
          message: `must not go back from ${stored}`,
          code: 'backwards',
        });
      }
      return value;
    };
    const offeredAt = time('offeredAt')!;
    const answeredAt = time('answeredAt');
    const abandonedAt = time('abandonedAt');
    const endedAt = time('endedAt');
    if (answeredAt !== null && abandonedAt !== null) {
      const field = input.abandonedAt !== undefined ? 'abandonedAt' : 'answeredAt';
      errors.push({
        path: `${base}/${field}`,
        message: 'a call is either answered or abandoned, not both',
        code: 'exclusive',
      });
    }
    const notBefore = (
      field: 'answeredAt' | 'abandonedAt' | 'endedAt',
      value: string | null,
      earliest: string,
      what: string,
    ) => {
      if (value !== null && value < earliest) {
        errors.push({
          path: `${base}/${field}`,
          message: `must not be before ${what}`,
          code: 'order',
        });
      }
    };
    notBefore('answeredAt', answeredAt, offeredAt, 'offeredAt');
    notBefore('abandonedAt', abandonedAt, offeredAt, 'offeredAt');
    notBefore('endedAt', endedAt, answeredAt ?? abandonedAt ?? offeredAt, 'the answer or offer');

    const agentId = input.agentId ?? existing?.agentId ?? null;
    let agentTeam: string | null = null;
    if (input.agentId !== undefined) {
      const agent = this.store.user(input.agentId);
      if (!agent || agent.role !== 'agent') {
        errors.push({ path: `${base}/agentId`, message: 'is not an agent', code: 'reference' });
      } else agentTeam = agent.teamId;
    } else if (agentId !== null) {
      agentTeam = this.store.user(agentId)?.teamId ?? null;
    }
    const queue = input.queue;
    const teamId = queueTeams.get(queue) ?? agentTeam;

    const status: CallStatus =
      abandonedAt !== null
        ? 'abandoned'
        : endedAt !== null
          ? 'completed'
          : answeredAt !== null
            ? 'in_progress'
            : 'waiting';
    const waitEnd = answeredAt ?? abandonedAt;
    const record: CallRecord = {
      id: existing?.id ?? newId('call'),
      externalId: input.externalId,
      queue,
      teamId,
      agentId,
      direction: input.direction,
      status,
      offeredAt,
      answeredAt,
      abandonedAt,
      endedAt,
      waitSeconds: waitEnd === null ? null : (Date.parse(waitEnd) - Date.parse(offeredAt)) / 1000,
      talkSeconds: input.talkSeconds ?? existing?.talkSeconds ?? 0,
      holdSeconds: input.holdSeconds ?? existing?.holdSeconds ?? 0,
      afterCallWorkSeconds: input.afterCallWorkSeconds ?? existing?.afterCallWorkSeconds ?? 0,
      transferred: input.transferred ?? existing?.transferred ?? false,
      resolvedOnFirstContact:
        input.resolvedOnFirstContact ?? existing?.resolvedOnFirstContact ?? null,
      csat: input.csat ?? existing?.csat ?? null,
      customerPhone: input.customerPhone ?? existing?.customerPhone ?? null,
      createdAt: existing?.createdAt ?? nowIso,
      updatedAt: nowIso,
    };
    return { record, errors };
  }

  // ---- reach ---------------------------------------------------------------------------------

  /**
   * The scope of a report, checked: 400 without a scopeId, 404 for an unknown team or agent, 403
   * outside the caller's reach (an agent: only themselves; a supervisor: their team and its agents).
   */
  resolveScope(
    caller: Caller,
    scope: 'center' | 'team' | 'agent',
    scopeId: string | undefined,
    options: { centerRoles?: readonly string[] } = {},
  ): KpiScopeRef {
    if (scope === 'center') {
      const allowed = options.centerRoles ?? [
        'complaint_supervisor',
        'qa_specialist',
        'operations_manager',
      ];
      if (!allowed.includes(caller.role)) {
        throw problem.forbidden('Your role may see the figures of your team or your own only.');
      }
      return { kind: 'center' };
    }
    if (scopeId === undefined) {
      throw problem.validation([
        { path: '/query/scopeId', message: `is required with scope=${scope}`, code: 'required' },
      ]);
    }
    if (scope === 'team') {
      if (!this.store.teamExists(scopeId)) throw problem.notFound('team');
      if (caller.role === 'agent') {
        throw problem.forbidden('An agent may see only their own figures.');
      }
      if (caller.role === 'supervisor' && caller.teamId !== scopeId) {
        throw problem.forbidden('A supervisor may see only the figures of their own team.');
      }
      return { kind: 'team', id: scopeId };
    }
    const agent = this.store.user(scopeId);
    if (!agent || agent.role !== 'agent') throw problem.notFound('agent');
    if (caller.role === 'agent' && scopeId !== caller.userId) {
      throw problem.forbidden('An agent may see only their own figures.');
    }
    if (
      caller.role === 'supervisor' &&
      (caller.teamId === null || agent.teamId !== caller.teamId)
    ) {
      throw problem.forbidden('A supervisor may see only the agents of their own team.');
    }
    return { kind: 'agent', id: scopeId };
  }

  // ---- KPI reports ---------------------------------------------------------------------------

  private sums(
    scope: KpiScopeRef,
    ranges: readonly IsoRange[],
    metrics: readonly KpiMetric[],
    options: { thresholdSeconds: number; shortAbandonSeconds: number },
    now: Date,
  ): RangeSums[] {
    const want = (...names: KpiMetric[]) => names.some((m) => metrics.includes(m));
    const calls = this.store.callSums(scope, ranges, options);
    const presence = want('occupancy')
      ? this.store.presenceSums(scope, ranges, now.toISOString())
      : ranges.map(() => ({ handleSeconds: 0, availableIdleSeconds: 0 }));
    const complaints = want('complaint_count', 'complaint_rate')
      ? this.store.complaintCounts(scope, ranges)
      : ranges.map(() => 0);
    const qa = want('qa_average')
      ? this.store.qaSums(scope, ranges)
      : ranges.map(() => ({ sum: 0, count: 0 }));
    return ranges.map((_, i) => ({
      calls: calls[i]!,
      presence: presence[i]!,
      complaints: complaints[i]!,
      qa: qa[i]!,
    }));
  }

  report(caller: Caller, query: KpiQuery, now: Date): KpiReport {
    const scope = this.resolveScope(caller, query.scope, query.scopeId);
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (!(to > from)) {
      throw problem.unprocessable('The period must end after it starts.', [
        { path: '/query/to', message: 'must be after from', code: 'order' },
      ]);
    }
    if (to - from > MAX_KPI_PERIOD_DAYS * DAY) {
      throw problem.unprocessable(`A period is at most ${MAX_KPI_PERIOD_DAYS} days long.`, [
        {
          path: '/query/to',
          message: `must be at most ${MAX_KPI_PERIOD_DAYS} days after from`,
          code: 'range',
        },
      ]);
    }
    const bucket = query.bucket ?? 'none';
    const timeZone = this.store.timeZone();
    let buckets: { start: number; end: number }[];
    try {
      buckets = kpiBuckets(from, to, bucket, timeZone);
    } catch {
      throw problem.unprocessable(`A report has at most ${MAX_KPI_BUCKETS} buckets.`, [
        {
          path: '/query/bucket',
          message: `makes more than ${MAX_KPI_BUCKETS} buckets`,
          code: 'range',
        },
      ]);
    }
    const metrics = query.metrics ?? [...KPI_METRICS];
    const options = {
      thresholdSeconds: query.serviceLevelThresholdSeconds ?? 20,
      shortAbandonSeconds: query.shortAbandonSeconds ?? 5,
    };
    const ranges: IsoRange[] = (buckets.length ? buckets : [{ start: from, end: to }]).map((b) => ({
      start: iso(b.start),
      end: iso(b.end),
    }));
    const perRange = this.sums(scope, ranges, metrics, options, now);
    const total = perRange.reduce(addRange);
    const previous =
      query.compare === 'previous'
        ? this.sums(
            scope,
            [{ start: iso(from - (to - from)), end: iso(from) }],
            metrics,
            options,
            now,
          )[0]!
        : null;
    const targets = new Map(this.store.targets().map((t) => [t.metric, t]));

    const values: KpiValue[] = metrics.map((metric) => {
      const figure = figureOf(metric, total);
      const target = targets.get(metric) ?? null;
      return {
        metric,
        unit: METRIC_UNITS[metric],
        ...figure,
        target,
        status: statusOf(metric, figure.value, target),
        ...(previous ? { previous: figureOf(metric, previous) } : {}),
        buckets: buckets.length
          ? ranges.map((range, i) => ({ ...range, ...figureOf(metric, perRange[i]!) }))
          : [],
      };
    });
    return {
      scope: query.scope,
      scopeId: scope.kind === 'center' ? null : scope.id,
      from: iso(from),
      to: iso(to),
      bucket,
      timeZone,
      serviceLevelThresholdSeconds: options.thresholdSeconds,
      shortAbandonSeconds: options.shortAbandonSeconds,
      metrics: values,
      dataAsOf: total.calls.dataAsOf,
      generatedAt: now.toISOString(),
    };
  }

  /** The report as CSV (UTF-8 with a byte-order mark): one row per bucket (or the period) and metric. */
  exportCsv(caller: Caller, query: KpiQuery, now: Date): { csv: string; filename: string } {
    const report = this.report(caller, { ...query, compare: 'none' }, now);
    const lines = ['bucketStart,bucketEnd,metric,value,numerator,denominator,unit,target,status'];
    const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
    for (const value of report.metrics) {
      const rows = value.buckets.length
        ? value.buckets.map((b) => ({
            ...b,
            status: statusOf(value.metric, b.value, value.target),
          }))
        : [{ start: report.from, end: report.to, ...value }];
      for (const row of rows) {
        lines.push(
          [
            row.start,
            row.end,
            value.metric,
            num(row.value),
            num(row.numerator),
            num(row.denominator),
            value.unit,
            num(value.target?.value),
            row.status ?? '',
          ].join(','),
        );
      }
    }
    const stamp = (s: string) => s.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    const who = report.scopeId ? `${report.scope}-${report.scopeId}` : report.scope;
    return {
      csv: `\uFEFF${lines.join('\r\n')}\r\n`,
      filename: `kpis-${who}-${stamp(report.from)}-${stamp(report.to)}.csv`,
    };
  }

  // ---- live ----------------------------------------------------------------------------------

  live(
    scope: KpiScopeRef,
    now: Date,
    options: { thresholdSeconds?: number; windowMinutes?: number } = {},
  ): LiveKpis {
    const thresholdSeconds = options.thresholdSeconds ?? 20;
    const windowMinutes = options.windowMinutes ?? 30;
    const nowMs = now.getTime();
    const waiting = this.store.waiting(scope);
    const presence = this.store.presenceNow(scope, now.toISOString());
    const window = this.store.callSums(
      scope,
      [{ start: iso(nowMs - windowMinutes * 60_000), end: iso(nowMs + 1) }],
      { thresholdSeconds, shortAbandonSeconds: 5 },
    )[0]!;
    return {
      scope: scope.kind,
      scopeId: scope.kind === 'center' ? null : scope.id,
      asOf: now.toISOString(),
      callsInQueue: waiting.count,
      longestWaitSeconds:
        waiting.oldest === null ? null : Math.max(0, (nowMs - Date.parse(waiting.oldest)) / 1000),
      agentsAvailable: presence.available,
      agentsOnCall: presence.on_call,
      agentsInAfterCallWork: presence.after_call_work,
      agentsOnBreak: presence.break,
      agentsStaffed:
        presence.available + presence.on_call + presence.after_call_work + presence.break,
      serviceLevel: kpiServiceLevel(window),
      serviceLevelThresholdSeconds: thresholdSeconds,
      target: this.store.target('service_level') ?? null,
      windowMinutes,
      callsOfferedInWindow: window.arrivals,
      ahtSecondsInWindow: kpiAht(window).value,
    };
  }

  // ---- appraisal -----------------------------------------------------------------------------

  appraisal(
    caller: Caller,
    query: {
      scope: 'team' | 'agent';
      scopeId: string;
      period: AppraisalPeriodKind;
      date: string;
      history?: number;
    },
    now: Date,
  ) {
    const scope = this.resolveScope(caller, query.scope, query.scopeId);
    const timeZone = this.store.timeZone();
    const { current, previous } = appraisalPeriods(
      query.period,
      query.date,
      timeZone,
      query.history ?? 3,
    );
    const periods = [...previous, current].map((p) => ({ start: iso(p.start), end: iso(p.end) }));
    const kpiMetrics: KpiMetric[] = [
      'qa_average',
      'aht',
      'fcr',
      'csat',
      'service_level',
      'calls_answered',
    ];
    const sums = this.sums(
      scope,
      periods,
      kpiMetrics,
      { thresholdSeconds: 20, shortAbandonSeconds: 5 },
      now,
    );
    const justified = periods.map((p) => this.store.justifiedComplaints(scope, p));
    const praise = periods.map((p) => this.store.praiseReceived(scope, p));
    const targets = new Map(this.store.targets().map((t) => [t.metric, t]));
    const metrics = APPRAISAL_ITEMS.filter((m) => m !== 'service_level' || scope.kind === 'team');
    const figureAt = (metric: AppraisalMetric, i: number): KpiFigure =>
      metric === 'justified_complaints'
        ? count(justified[i]!)
        : metric === 'praise_received'
          ? count(praise[i]!)
          : figureOf(metric, sums[i]!);
    const last = periods.length - 1;
    const items = metrics.map((metric) => {
      const figure = figureAt(metric, last);
      const target = (targets.get(metric as KpiMetric) ?? null) as TargetRow | null;
      return {
        metric,
        unit: (metric === 'justified_complaints' || metric === 'praise_received'
          ? 'count'
          : METRIC_UNITS[metric]) as KpiUnit,
        ...figure,
        target,
        status: target ? kpiStatus(metric as KpiMetric, figure.value, target) : null,
        history: periods.slice(0, last).map((p, i) => ({
          from: p.start,
          to: p.end,
          value: figureAt(metric, i).value,
        })),
      };
    });
    return {
      scope: query.scope,
      scopeId: query.scopeId,
      period: query.period,
      from: periods[last]!.start,
      to: periods[last]!.end,
      items,
      targetsMet: items.filter((i) => i.status === 'met').length,
      targetsWithValue: items.filter((i) => i.target !== null && i.value !== null).length,
    };
  }

  // ---- targets -------------------------------------------------------------------------------

  targets(): TargetRow[] {
    return this.store.targets();
  }

  setTarget(
    metric: KpiMetric,
    ifMatch: number | null,
    input: { value: number; direction: TargetRow['direction']; atRiskMargin: number },
  ): TargetRow {
    if (!this.store.target(metric)) throw problem.notFound('KPI target');
    const changes = this.store.updateTarget(metric, ifMatch ?? -1, input);
    assertUpdated(changes, ifMatch, () => this.store.target(metric)?.version, 'KPI target');
    return this.store.target(metric)!;
  }
}

function sameCall(a: CallRecord, b: CallRecord): boolean {
  const keys: (keyof CallRecord)[] = [
    'queue',
    'teamId',
    'agentId',
    'direction',
    'status',
    'offeredAt',
    'answeredAt',
    'abandonedAt',
    'endedAt',
    'talkSeconds',
    'holdSeconds',
    'afterCallWorkSeconds',
    'transferred',
    'resolvedOnFirstContact',
    'csat',
    'customerPhone',
  ];
  return keys.every((k) => a[k] === b[k]);
}
