import { KPI_METRICS, type KpiMetric, type PresenceTotals } from '@cc-kit/domain';
import { prepare, type Db } from '../../db/database.js';
import {
  keysetAfter,
  orderBy,
  type Keyed,
  type KeysetColumn,
  type KeyValue,
} from '../../core/pagination.js';
import type {
  CallFilter,
  CallRecord,
  CallStore,
  CallSums,
  IsoRange,
  KpiScopeRef,
  PresenceCounts,
  TargetRow,
} from './store.js';

interface CallRow {
  seq: number;
  id: string;
  external_id: string;
  queue: string;
  team_id: string | null;
  agent_id: string | null;
  direction: CallRecord['direction'];
  status: CallRecord['status'];
  offered_at: string;
  answered_at: string | null;
  abandoned_at: string | null;
  ended_at: string | null;
  wait_seconds: number | null;
  talk_seconds: number;
  hold_seconds: number;
  after_call_work_seconds: number;
  transferred: number;
  resolved_first_contact: number | null;
  csat: number | null;
  customer_phone: string | null;
  created_at: string;
  updated_at: string;
}

function toRecord(row: CallRow): CallRecord {
  return {
    id: row.id,
    externalId: row.external_id,
    queue: row.queue,
    teamId: row.team_id,
    agentId: row.agent_id,
    direction: row.direction,
    status: row.status,
    offeredAt: row.offered_at,
    answeredAt: row.answered_at,
    abandonedAt: row.abandoned_at,
    endedAt: row.ended_at,
    waitSeconds: row.wait_seconds,
    talkSeconds: row.talk_seconds,
    holdSeconds: row.hold_seconds,
    afterCallWorkSeconds: row.after_call_work_seconds,
    transferred: row.transferred === 1,
    resolvedOnFirstContact:
      row.resolved_first_contact === null ? null : row.resolved_first_contact === 1,
    csat: row.csat,
    customerPhone: row.customer_phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns written for a call, derived values included. */
export function callParams(c: CallRecord) {
  const times = [c.offeredAt, c.answeredAt, c.abandonedAt, c.endedAt].filter(
    (t): t is string => t !== null,
  );
  return {
    id: c.id,
    externalId: c.externalId,
    queue: c.queue,
    teamId: c.teamId,
    agentId: c.agentId,
    direction: c.direction,
    status: c.status,
    offeredAt: c.offeredAt,
    answeredAt: c.answeredAt,
    abandonedAt: c.abandonedAt,
    endedAt: c.endedAt,
    answered: c.answeredAt !== null ? 1 : 0,
    waitSeconds: c.waitSeconds,
    talkSeconds: c.talkSeconds,
    holdSeconds: c.holdSeconds,
    afterCallWorkSeconds: c.afterCallWorkSeconds,
    handleSeconds: c.talkSeconds + c.holdSeconds + c.afterCallWorkSeconds,
    transferred: c.transferred ? 1 : 0,
    resolvedFirstContact:
      c.resolvedOnFirstContact === null ? null : c.resolvedOnFirstContact ? 1 : 0,
    csat: c.csat,
    customerPhone: c.customerPhone,
    lastEventAt: times.sort().at(-1)!,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const INSERT_CALL_SQL = `INSERT INTO calls (id, external_id, queue, team_id, agent_id, direction,
  status, offered_at, answered_at, abandoned_at, ended_at, answered, wait_seconds, talk_seconds,
  hold_seconds, after_call_work_seconds, handle_seconds, transferred, resolved_first_contact, csat,
  customer_phone, last_event_at, created_at, updated_at)
  VALUES (@id, @externalId, @queue, @teamId, @agentId, @direction, @status, @offeredAt, @answeredAt,
  @abandonedAt, @endedAt, @answered, @waitSeconds, @talkSeconds, @holdSeconds, @afterCallWorkSeconds,
  @handleSeconds, @transferred, @resolvedFirstContact, @csat, @customerPhone, @lastEventAt,
  @createdAt, @updatedAt)`;

const LIST_ORDER: KeysetColumn[] = [
  { expr: 'offered_at', desc: true },
  { expr: 'seq', desc: true },
];

/** The ranges as one JSON parameter for `json_each`: `[[i, start, end], …]`. */
function rangesJson(ranges: readonly IsoRange[]): string {
  return JSON.stringify(ranges.map((r, i) => [i, r.start, r.end]));
}

const RANGES_CTE = `r(i, s, e) AS (
  SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@ranges))`;

export class SqliteCallStore implements CallStore {
  constructor(private readonly db: Db) {}

  byId(id: string): CallRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM calls WHERE id = ?').get(id) as CallRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  byExternalIds(ids: readonly string[]): Map<string, CallRecord> {
    const out = new Map<string, CallRecord>();
    if (!ids.length) return out;
    const rows = prepare(
      this.db,
      'SELECT * FROM calls WHERE external_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids)) as CallRow[];
    for (const row of rows) out.set(row.external_id, toRecord(row));
    return out;
  }

  insert(call: CallRecord): void {
    prepare(this.db, INSERT_CALL_SQL).run(callParams(call));
  }

  update(call: CallRecord): void {
    prepare(
      this.db,
      `UPDATE calls SET queue = @queue, team_id = @teamId, agent_id = @agentId, direction = @direction,
         status = @status, offered_at = @offeredAt, answered_at = @answeredAt,
         abandoned_at = @abandonedAt, ended_at = @endedAt, answered = @answered,
         wait_seconds = @waitSeconds, talk_seconds = @talkSeconds, hold_seconds = @holdSeconds,
         after_call_work_seconds = @afterCallWorkSeconds, handle_seconds = @handleSeconds,
         transferred = @transferred, resolved_first_contact = @resolvedFirstContact, csat = @csat,
         customer_phone = @customerPhone, last_event_at = @lastEventAt, updated_at = @updatedAt
       WHERE id = @id`,
    ).run(callParams(call));
  }

  list(filter: CallFilter, after: KeyValue[] | null, limit: number): Keyed<CallRecord>[] {
    const where: string[] = [];
    const params: KeyValue[] = [];
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('team_id', filter.teamId);
    equal('agent_id', filter.agentId);
    equal('status', filter.status);
    if (filter.from !== undefined) {
      where.push('offered_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('offered_at < ?');
      params.push(filter.to);
    }
    if (after) {
      const keyset = keysetAfter(LIST_ORDER, after);
      where.push(keyset.sql);
      params.push(...keyset.params);
    }
    const rows = prepare(
      this.db,
      `SELECT * FROM calls ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${orderBy(LIST_ORDER)} LIMIT ?`,
    ).all(...params, limit) as CallRow[];
    return rows.map((row) => ({ item: toRecord(row), key: [row.offered_at, row.seq] }));
  }

  queueTeams(): Map<string, string> {
    const rows = prepare(
      this.db,
      'SELECT id, queues_json FROM teams ORDER BY position, id',
    ).all() as {
      id: string;
      queues_json: string;
    }[];
    const map = new Map<string, string>();
    for (const row of rows) {
      for (const queue of JSON.parse(row.queues_json) as string[]) {
        if (!map.has(queue)) map.set(queue, row.id);
      }
    }
    return map;
  }

  user(id: string) {
    const row = prepare(this.db, 'SELECT id, role, team_id, active FROM users WHERE id = ?').get(
      id,
    ) as { id: string; role: string; team_id: string | null; active: number } | undefined;
    return row
      ? { id: row.id, role: row.role, teamId: row.team_id, active: row.active === 1 }
      : undefined;
  }

  teamExists(id: string): boolean {
    return prepare(this.db, 'SELECT 1 FROM teams WHERE id = ?').get(id) !== undefined;
  }

  timeZone(): string {
    const row = prepare(this.db, 'SELECT time_zone FROM business_calendar WHERE id = 1').get() as
      { time_zone: string } | undefined;
    return row?.time_zone ?? 'UTC';
  }

  // ---- KPI sums ------------------------------------------------------------------------------

  callSums(
    scope: KpiScopeRef,
    ranges: readonly IsoRange[],
    options: { thresholdSeconds: number; shortAbandonSeconds: number },
  ): CallSums[] {
    const filter =
      scope.kind === 'team'
        ? 'AND c.team_id = @scopeId'
        : scope.kind === 'agent'
          ? 'AND c.agent_id = @scopeId'
          : '';
    const rows = prepare(
      this.db,
      `WITH ${RANGES_CTE}
       SELECT r.i AS i,
         COUNT(*) AS n,
         TOTAL(c.status <> 'waiting') AS offered,
         TOTAL(c.answered) AS answered,
         TOTAL(c.answered = 1 AND c.wait_seconds <= @threshold) AS within,
         TOTAL(c.status = 'abandoned') AS abandoned,
         TOTAL(c.status = 'abandoned' AND c.wait_seconds < @short) AS short,
         TOTAL(CASE WHEN c.answered = 1 THEN c.wait_seconds END) AS wait,
         TOTAL(CASE WHEN c.answered = 1 THEN c.handle_seconds END) AS handle,
         TOTAL(c.answered = 1 AND c.resolved_first_contact = 1) AS fcr,
         TOTAL(c.answered = 1 AND c.resolved_first_contact IS NOT NULL) AS fcr_known,
         TOTAL(c.csat >= 4) AS satisfied,
         TOTAL(c.csat IS NOT NULL) AS surveyed,
         MAX(CASE WHEN c.status <> 'waiting' OR c.csat IS NOT NULL THEN c.last_event_at END) AS as_of
       FROM r CROSS JOIN calls c
       WHERE c.offered_at >= r.s AND c.offered_at < r.e ${filter}
       GROUP BY r.i`,
    ).all({
      ranges: rangesJson(ranges),
      threshold: options.thresholdSeconds,
      short: options.shortAbandonSeconds,
      scopeId: scope.kind === 'center' ? null : scope.id,
    }) as {
      i: number;
      offered: number;
      answered: number;
      within: number;
      abandoned: number;
      short: number;
      wait: number;
      handle: number;
      fcr: number;
      fcr_known: number;
      satisfied: number;
      surveyed: number;
      as_of: string | null;
      n: number;
    }[];
    const out: CallSums[] = ranges.map(() => ({
      arrivals: 0,
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
      dataAsOf: null,
    }));
    for (const row of rows) {
      out[row.i] = {
        arrivals: row.n,
        offered: row.offered,
        answered: row.answered,
        answeredWithinThreshold: row.within,
        abandoned: row.abandoned,
        shortAbandoned: row.short,
        answeredWaitSeconds: row.wait,
        handleSeconds: row.handle,
        resolvedOnFirstContact: row.fcr,
        firstContactKnown: row.fcr_known,
        satisfied: row.satisfied,
        surveyed: row.surveyed,
        dataAsOf: row.as_of,
      };
    }
    return out;
  }

  private agentsOf(scope: KpiScopeRef): { sql: string; scopeId: string | null } {
    if (scope.kind === 'agent') return { sql: 'SELECT @scopeId AS id', scopeId: scope.id };
    if (scope.kind === 'team') {
      return {
        sql: `SELECT id FROM users WHERE role = 'agent' AND team_id = @scopeId`,
        scopeId: scope.id,
      };
    }
    return { sql: `SELECT id FROM users WHERE role = 'agent'`, scopeId: null };
  }

  presenceSums(scope: KpiScopeRef, ranges: readonly IsoRange[], now: string): PresenceTotals[] {
    const out: PresenceTotals[] = ranges.map(() => ({ handleSeconds: 0, availableIdleSeconds: 0 }));
    if (!ranges.length) return out;
    const from = ranges.map((r) => r.start).sort()[0]!;
    const to = ranges
      .map((r) => r.end)
      .sort()
      .at(-1)!;
    const agents = this.agentsOf(scope);
    const rows = prepare(
      this.db,
      `WITH a(id) AS (${agents.sql}),
       p AS (
         SELECT x.id, x.agent_id, x.state, x.at FROM a JOIN agent_presence x ON x.agent_id = a.id
          WHERE x.at >= @from AND x.at < @to
         UNION ALL
         SELECT x.id, x.agent_id, x.state, x.at FROM a JOIN agent_presence x ON x.id = (
           SELECT y.id FROM agent_presence y WHERE y.agent_id = a.id AND y.at < @from
            ORDER BY y.at DESC, y.id DESC LIMIT 1)
       ),
       seg AS (
         SELECT state, at AS s,
           MIN(COALESCE(LEAD(at) OVER (PARTITION BY agent_id ORDER BY at, id), @now), @now) AS e
         FROM p
       )
       ${
         ranges.length === 1
           ? `SELECT state, NULL AS s, NULL AS e,
                TOTAL(unixepoch(MIN(e, @to), 'subsec') - unixepoch(MAX(s, @from), 'subsec')) AS seconds
              FROM seg WHERE state IN ('available', 'on_call', 'after_call_work') AND e > @from AND s < @to
              GROUP BY state`
           : `SELECT state, MAX(s, @from) AS s, MIN(e, @to) AS e, NULL AS seconds FROM seg
              WHERE state IN ('available', 'on_call', 'after_call_work') AND e > @from AND s < @to`
       }`,
    ).all({ from, to, now, scopeId: agents.scopeId }) as {
      state: string;
      s: string | null;
      e: string | null;
      seconds: number | null;
    }[];
    if (ranges.length === 1) {
      // One range: summed in SQL (to the millisecond, as the intervals are).
      for (const row of rows) {
        const seconds = Math.round(row.seconds! * 1000) / 1000;
        if (row.state === 'available') out[0]!.availableIdleSeconds += seconds;
        else out[0]!.handleSeconds += seconds;
      }
      return out;
    }
    // Spread each interval over the ranges it overlaps (ranges are few and sorted; intervals many).
    const bounds = ranges.map((r) => [Date.parse(r.start), Date.parse(r.end)] as const);
    const ordered = bounds.every((b, i) => i === 0 || b[0] >= bounds[i - 1]![1]);
    for (const row of rows) {
      const s = Date.parse(row.s!);
      const e = Date.parse(row.e!);
      let i = 0;
      if (ordered) {
        let lo = 0;
        let hi = bounds.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (bounds[mid]![0] <= s) lo = mid;
          else hi = mid - 1;
        }
        i = lo;
      }
      for (; i < bounds.length; i++) {
        const [rs, re] = bounds[i]!;
        if (ordered && rs >= e) break;
        const seconds = (Math.min(e, re) - Math.max(s, rs)) / 1000;
        if (seconds <= 0) continue;
        if (row.state === 'available') out[i]!.availableIdleSeconds += seconds;
        else out[i]!.handleSeconds += seconds;
      }
    }
    return out;
  }

  private perRange(sql: string, ranges: readonly IsoRange[], scope: KpiScopeRef): number[] {
    const out = ranges.map(() => 0);
    const rows = prepare(this.db, sql).all({
      ranges: rangesJson(ranges),
      scopeId: scope.kind === 'center' ? null : scope.id,
    }) as { i: number; n: number }[];
    for (const row of rows) out[row.i] = row.n;
    return out;
  }

  /** Tickets of the scope: the team's, or an agent's (assigned, or about a call they took). */
  private ticketScope(scope: KpiScopeRef): string {
    if (scope.kind === 'team') return 'AND t.team_id = @scopeId';
    if (scope.kind === 'agent') {
      return `AND (t.assignee_id = @scopeId OR t.related_call_id IN (
        SELECT id FROM calls WHERE agent_id = @scopeId))`;
    }
    return '';
  }

  complaintCounts(scope: KpiScopeRef, ranges: readonly IsoRange[]): number[] {
    return this.perRange(
      `WITH ${RANGES_CTE}
       SELECT r.i AS i, COUNT(*) AS n FROM r CROSS JOIN tickets t
        WHERE t.created_at >= r.s AND t.created_at < r.e AND t.kind = 'complaint'
          ${this.ticketScope(scope)}
        GROUP BY r.i`,
      ranges,
      scope,
    );
  }

  private tables = new Map<string, boolean>();

  private hasTable(name: string): boolean {
    let known = this.tables.get(name);
    if (known === undefined) {
      known =
        prepare(this.db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(
          name,
        ) !== undefined;
      // Only remember a table that exists: another area's migration may add it later.
      if (known) this.tables.set(name, known);
    }
    return known;
  }

  qaSums(scope: KpiScopeRef, ranges: readonly IsoRange[]): { sum: number; count: number }[] {
    const out = ranges.map(() => ({ sum: 0, count: 0 }));
    if (!this.hasTable('qa_evaluations')) return out;
    const filter =
      scope.kind === 'team'
        ? 'AND q.team_id = @scopeId'
        : scope.kind === 'agent'
          ? 'AND q.agent_id = @scopeId'
          : '';
    // Calibration copies score the same call several times; only the real evaluation counts.
    const rows = prepare(
      this.db,
      `WITH ${RANGES_CTE}
       SELECT r.i AS i, TOTAL(q.score) AS sum, COUNT(q.score) AS count FROM r CROSS JOIN qa_evaluations q
        WHERE q.submitted_at >= r.s AND q.submitted_at < r.e AND q.state <> 'draft'
          AND q.score IS NOT NULL AND q.calibration_session_id IS NULL ${filter}
        GROUP BY r.i`,
    ).all({
      ranges: rangesJson(ranges),
      scopeId: scope.kind === 'center' ? null : scope.id,
    }) as { i: number; sum: number; count: number }[];
    for (const row of rows) out[row.i] = { sum: row.sum, count: row.count };
    return out;
  }

  justifiedComplaints(scope: KpiScopeRef, range: IsoRange): number {
    if (!this.hasTable('ticket_complaints')) return 0;
    return this.perRange(
      `WITH ${RANGES_CTE}
       SELECT r.i AS i, COUNT(*) AS n FROM r CROSS JOIN tickets t
         JOIN ticket_complaints tc ON tc.ticket_id = t.id AND tc.justified = 1
        WHERE t.created_at >= r.s AND t.created_at < r.e AND t.kind = 'complaint'
          ${this.ticketScope(scope)}
        GROUP BY r.i`,
      [range],
      scope,
    )[0]!;
  }

  praiseReceived(scope: KpiScopeRef, range: IsoRange): number {
    return this.perRange(
      `WITH ${RANGES_CTE}
       SELECT r.i AS i, COUNT(*) AS n FROM r CROSS JOIN tickets t
        WHERE t.created_at >= r.s AND t.created_at < r.e AND t.kind = 'praise'
          ${this.ticketScope(scope)}
        GROUP BY r.i`,
      [range],
      scope,
    )[0]!;
  }

  // ---- live ----------------------------------------------------------------------------------

  waiting(scope: KpiScopeRef): { count: number; oldest: string | null } {
    const filter =
      scope.kind === 'team'
        ? 'AND team_id = @scopeId'
        : scope.kind === 'agent'
          ? 'AND agent_id = @scopeId'
          : '';
    const row = prepare(
      this.db,
      `SELECT COUNT(*) AS count, MIN(offered_at) AS oldest FROM calls
        WHERE status = 'waiting' ${filter}`,
    ).get({ scopeId: scope.kind === 'center' ? null : scope.id }) as {
      count: number;
      oldest: string | null;
    };
    return row;
  }

  presenceNow(scope: KpiScopeRef, now: string): PresenceCounts {
    const agents = this.agentsOf(scope);
    const rows = prepare(
      this.db,
      `WITH a(id) AS (${agents.sql})
       SELECT x.state AS state, COUNT(*) AS n FROM a JOIN agent_presence x ON x.id = (
         SELECT y.id FROM agent_presence y WHERE y.agent_id = a.id AND y.at <= @now
          ORDER BY y.at DESC, y.id DESC LIMIT 1)
       GROUP BY x.state`,
    ).all({ now, scopeId: agents.scopeId }) as { state: string; n: number }[];
    const counts: PresenceCounts = { available: 0, on_call: 0, after_call_work: 0, break: 0 };
    for (const row of rows) {
      if (row.state in counts) counts[row.state as keyof PresenceCounts] = row.n;
    }
    return counts;
  }

  // ---- targets -------------------------------------------------------------------------------

  targets(): TargetRow[] {
    const rows = prepare(
      this.db,
      'SELECT metric, value, direction, at_risk_margin, version FROM kpi_targets',
    ).all() as {
      metric: KpiMetric;
      value: number;
      direction: TargetRow['direction'];
      at_risk_margin: number;
      version: number;
    }[];
    return rows
      .filter((r) => (KPI_METRICS as readonly string[]).includes(r.metric))
      .map((r) => ({
        metric: r.metric,
        value: r.value,
        direction: r.direction,
        atRiskMargin: r.at_risk_margin,
        version: r.version,
      }))
      .sort((a, b) => KPI_METRICS.indexOf(a.metric) - KPI_METRICS.indexOf(b.metric));
  }

  target(metric: KpiMetric): TargetRow | undefined {
    return this.targets().find((t) => t.metric === metric);
  }

  updateTarget(
    metric: KpiMetric,
    version: number,
    input: { value: number; direction: TargetRow['direction']; atRiskMargin: number },
  ): number {
    return prepare(
      this.db,
      `UPDATE kpi_targets SET value = ?, direction = ?, at_risk_margin = ?, version = version + 1
        WHERE metric = ? AND version = ?`,
    ).run(input.value, input.direction, input.atRiskMargin, metric, version).changes;
  }
}
