/**
 * The storage interface of calls and KPIs (no SQL here; sqlite-store.ts implements it).
 *
 * KPI sums are asked for a list of time ranges at once (the buckets of a trend, or the whole period
 * as one range) and answered per range index, so a report is one query per source.
 */
import type { CallTotals, KpiDirection, KpiMetric, PresenceTotals } from '@cc-kit/domain';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type CallStatus = 'waiting' | 'in_progress' | 'completed' | 'abandoned';

export interface CallRecord {
  id: string;
  externalId: string;
  queue: string;
  teamId: string | null;
  agentId: string | null;
  direction: 'inbound' | 'outbound';
  status: CallStatus;
  offeredAt: string;
  answeredAt: string | null;
  abandonedAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number;
  holdSeconds: number;
  afterCallWorkSeconds: number;
  transferred: boolean;
  resolvedOnFirstContact: boolean | null;
  csat: number | null;
  customerPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whose figures: the whole center, one team, or one agent. */
export type KpiScopeRef =
  { kind: 'center' } | { kind: 'team'; id: string } | { kind: 'agent'; id: string };

/** `[start, end)` as ISO timestamps. */
export interface IsoRange {
  start: string;
  end: string;
}

export interface CallSums extends CallTotals {
  /** Every call offered in the range, those still waiting included (the arrivals). */
  arrivals: number;
  /** The latest timestamp of the calls counted; null when none. */
  dataAsOf: string | null;
}

export interface CallFilter {
  teamId?: string;
  agentId?: string;
  status?: CallStatus;
  from?: string;
  to?: string;
}

export interface TargetRow {
  metric: KpiMetric;
  value: number;
  direction: KpiDirection;
  atRiskMargin: number;
  version: number;
}

export interface PresenceCounts {
  available: number;
  on_call: number;
  after_call_work: number;
  break: number;
}

export interface CallStore {
  byId(id: string): CallRecord | undefined;
  byExternalIds(ids: readonly string[]): Map<string, CallRecord>;
  insert(call: CallRecord): void;
  update(call: CallRecord): void;
  /** Newest first: (offered_at, seq) descending. */
  list(filter: CallFilter, after: KeyValue[] | null, limit: number): Keyed<CallRecord>[];

  /** The team serving each queue (from the teams' `queues`). */
  queueTeams(): Map<string, string>;
  user(
    id: string,
  ): { id: string; role: string; teamId: string | null; active: boolean } | undefined;
  teamExists(id: string): boolean;
  timeZone(): string;

  callSums(
    scope: KpiScopeRef,
    ranges: readonly IsoRange[],
    options: { thresholdSeconds: number; shortAbandonSeconds: number },
  ): CallSums[];
  /** Presence seconds per range, intervals clipped to the range and to `now`. */
  presenceSums(scope: KpiScopeRef, ranges: readonly IsoRange[], now: string): PresenceTotals[];
  complaintCounts(scope: KpiScopeRef, ranges: readonly IsoRange[]): number[];
  /** Submitted QA evaluations: Σ score and how many; zeros when the QA area is not installed. */
  qaSums(scope: KpiScopeRef, ranges: readonly IsoRange[]): { sum: number; count: number }[];
  /** Complaints filed in the range with a "justified" verdict (0 without the complaints area). */
  justifiedComplaints(scope: KpiScopeRef, range: IsoRange): number;
  praiseReceived(scope: KpiScopeRef, range: IsoRange): number;

  /** Calls waiting now: how many and the oldest offer time. */
  waiting(scope: KpiScopeRef): { count: number; oldest: string | null };
  /** Agents of the scope by their latest presence at `now`. */
  presenceNow(scope: KpiScopeRef, now: string): PresenceCounts;

  targets(): TargetRow[];
  target(metric: KpiMetric): TargetRow | undefined;
  /** `UPDATE … WHERE version = ?`; returns the number of rows changed. */
  updateTarget(
    metric: KpiMetric,
    version: number,
    input: { value: number; direction: KpiDirection; atRiskMargin: number },
  ): number;
}
