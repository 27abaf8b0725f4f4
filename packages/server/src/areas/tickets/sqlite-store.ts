import { PRIORITIES, TICKET_KINDS, TICKET_STATES, type Role, type SlaPause } from '@cc-kit/domain';
import { prepare, type Db } from '../../db/database.js';
import {
  keysetAfter,
  orderBy,
  type Keyed,
  type KeysetColumn,
  type KeyValue,
} from '../../core/pagination.js';
import type {
  ActivityRecord,
  CommentRecord,
  Customer,
  Reach,
  SlaDerived,
  TicketChanges,
  TicketFilter,
  TicketGroupBy,
  TicketRecord,
  TicketSort,
  TicketStore,
} from './store.js';

interface TicketRow {
  id: string;
  number: number;
  kind: TicketRecord['kind'];
  state: TicketRecord['state'];
  subject: string;
  description: string;
  priority: TicketRecord['priority'];
  channel: TicketRecord['channel'];
  customer_json: string | null;
  team_id: string | null;
  assignee_id: string | null;
  department_id: string | null;
  tags_json: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  first_responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  resolution: string | null;
  escalation_level: number;
  related_call_id: string | null;
  related_ticket_id: string | null;
  evaluation_id: string | null;
  sla_policy_id: string | null;
  sla_first_response_minutes: number | null;
  sla_resolution_minutes: number | null;
  sla_business_hours: number | null;
  sla_at_risk_ratio: number | null;
  version: number;
  sort_key?: KeyValue;
}

function fromRow(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    state: row.state,
    subject: row.subject,
    description: row.description,
    priority: row.priority,
    channel: row.channel,
    customer: row.customer_json ? (JSON.parse(row.customer_json) as Customer) : null,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    departmentId: row.department_id,
    tags: JSON.parse(row.tags_json) as string[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    firstRespondedAt: row.first_responded_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    resolution: row.resolution,
    escalationLevel: row.escalation_level,
    relatedCallId: row.related_call_id,
    relatedTicketId: row.related_ticket_id,
    evaluationId: row.evaluation_id,
    sla: row.sla_policy_id
      ? {
          policyId: row.sla_policy_id,
          firstResponseMinutes: row.sla_first_response_minutes!,
          resolutionMinutes: row.sla_resolution_minutes!,
          businessHours: row.sla_business_hours === 1,
          atRiskRatio: row.sla_at_risk_ratio!,
        }
      : null,
    version: row.version,
  };
}

/** Column of each writable field. */
const COLUMNS: Record<keyof TicketChanges, string> = {
  state: 'state',
  subject: 'subject',
  description: 'description',
  priority: 'priority',
  channel: 'channel',
  customer: 'customer_json',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  departmentId: 'department_id',
  tags: 'tags_json',
  updatedAt: 'updated_at',
  firstRespondedAt: 'first_responded_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  resolution: 'resolution',
  escalationLevel: 'escalation_level',
  relatedCallId: 'related_call_id',
  relatedTicketId: 'related_ticket_id',
  evaluationId: 'evaluation_id',
};

function toColumnValue(field: keyof TicketChanges, value: unknown): unknown {
  if (field === 'customer') return value === null ? null : JSON.stringify(value);
  if (field === 'tags') return JSON.stringify(value);
  return value;
}

function rank(column: string, values: readonly string[]): string {
  return `(CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END)`;
}

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** The SQL of each sort key; never NULL, so keyset comparisons work. */
const SORT_EXPR: Record<TicketSort['key'], string> = {
  number: 't.number',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  priority: rank('t.priority', PRIORITIES),
  slaDueAt: `COALESCE(t.sla_due_at, '${FAR_FUTURE}')`,
  state: rank('t.state', TICKET_STATES),
  kind: rank('t.kind', TICKET_KINDS),
};

/** The SLA state now (`@now`), from the derived columns; the same rules as computeSla. */
const SLA_STATE_SQL = `(CASE
  WHEN t.sla_policy_id IS NULL THEN NULL
  WHEN t.sla_breached = 1 THEN 'breached'
  WHEN COALESCE(t.resolved_at, t.closed_at) IS NULL AND t.first_responded_at IS NULL
    AND @now > t.sla_first_due_at THEN 'breached'
  WHEN COALESCE(t.resolved_at, t.closed_at) IS NOT NULL THEN 'met'
  WHEN t.sla_due_at IS NULL THEN 'paused'
  WHEN @now > t.sla_due_at THEN 'breached'
  WHEN @now >= t.sla_at_risk_at THEN 'at_risk'
  ELSE 'ok' END)`;

const GROUP_EXPR: Record<TicketGroupBy, string> = {
  kind: 't.kind',
  state: 't.state',
  priority: 't.priority',
  slaState: SLA_STATE_SQL,
  teamId: 't.team_id',
  departmentId: 't.department_id',
  assigneeId: 't.assignee_id',
};

type Params = Record<string, unknown>;

function placeholders(prefix: string, values: readonly unknown[], params: Params): string {
  return values
    .map((value, i) => {
      params[`${prefix}${i}`] = value;
      return `@${prefix}${i}`;
    })
    .join(', ');
}

function reachSql(reach: Reach, params: Params): string | null {
  if (reach.everything) return null;
  params.reachUser = reach.userId;
  const ors = ['t.assignee_id = @reachUser', 't.created_by = @reachUser'];
  if (reach.teamIds.length)
    ors.push(`t.team_id IN (${placeholders('reachTeam', reach.teamIds, params)})`);
  if (reach.kinds.length) ors.push(`t.kind IN (${placeholders('reachKind', reach.kinds, params)})`);
  ors.push(...reach.extra.map((sql) => `(${sql})`));
  return `(${ors.join(' OR ')})`;
}

/**
 * The reach as separate conditions whose OR is `reachSql`: one per user column, team and kind,
 * each served by an index that starts with that column (`indexed`), then the other areas' extras.
 * `[null]` when the caller reaches everything.
 */
function reachParts(reach: Reach, params: Params): ({ sql: string; indexed: boolean } | null)[] {
  if (reach.everything) return [null];
  params.reachUser = reach.userId;
  return [
    { sql: 't.assignee_id = @reachUser', indexed: true },
    { sql: 't.created_by = @reachUser', indexed: true },
    ...reach.teamIds.map((id, i) => {
      params[`reachTeam${i}`] = id;
      return { sql: `t.team_id = @reachTeam${i}`, indexed: true };
    }),
    ...reach.kinds.map((kind, i) => {
      params[`reachKind${i}`] = kind;
      return { sql: `t.kind = @reachKind${i}`, indexed: true };
    }),
    ...reach.extra.map((sql) => ({ sql: `(${sql})`, indexed: false })),
  ];
}

function filterSql(filter: TicketFilter, params: Params): string[] {
  const where: string[] = [];
  params.now = filter.now;
  const reach = reachSql(filter.reach, params);
  if (reach) where.push(reach);
  if (filter.kind?.length) where.push(`t.kind IN (${placeholders('kind', filter.kind, params)})`);
  if (filter.state?.length)
    where.push(`t.state IN (${placeholders('state', filter.state, params)})`);
  if (filter.priority?.length) {
    where.push(`t.priority IN (${placeholders('priority', filter.priority, params)})`);
  }
  if (filter.assigneeId === null) where.push('t.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) {
    params.assignee = filter.assigneeId;
    where.push('t.assignee_id = @assignee');
  }
  if (filter.teamId) {
    params.team = filter.teamId;
    where.push('t.team_id = @team');
  }
  if (filter.departmentId) {
    params.department = filter.departmentId;
    where.push('t.department_id = @department');
  }
  if (filter.slaState?.length) {
    where.push(`${SLA_STATE_SQL} IN (${placeholders('sla', filter.slaState, params)})`);
  }
  if (filter.createdFrom) {
    params.createdFrom = new Date(filter.createdFrom).toISOString();
    where.push('t.created_at >= @createdFrom');
  }
  if (filter.createdTo) {
    params.createdTo = new Date(filter.createdTo).toISOString();
    where.push('t.created_at < @createdTo');
  }
  if (filter.q) {
    params.q = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const text = `(t.subject LIKE @q ESCAPE '\\' OR t.description LIKE @q ESCAPE '\\')`;
    const number = /^#?(\d{1,15})$/.exec(filter.q.trim());
    if (number) {
      params.qNumber = Number(number[1]);
      where.push(`(${text} OR t.number = @qNumber)`);
    } else where.push(text);
  }
  return where;
}

export class SqliteTicketStore implements TicketStore {
  constructor(private readonly db: Db) {}

  get(id: string): TicketRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM tickets WHERE id = ?').get(id) as
      TicketRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  reachable(id: string, reach: Reach): boolean {
    const params: Params = { id };
    const condition = reachSql(reach, params);
    return (
      prepare(
        this.db,
        `SELECT 1 FROM tickets t WHERE t.id = @id ${condition ? `AND ${condition}` : ''}`,
      ).get(params) !== undefined
    );
  }

  list(
    filter: TicketFilter,
    sort: TicketSort,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<TicketRecord>[] {
    const params: Params = {};
    const columns: KeysetColumn[] =
      sort.key === 'number'
        ? [{ expr: 't.number', desc: sort.desc }]
        : [
            { expr: SORT_EXPR[sort.key], desc: sort.desc },
            { expr: 't.number', desc: true },
          ];
    if (sort.key === 'slaDueAt') return this.listBySla(filter, columns, after, limit);
    const where = filterSql(filter, params);
    if (after) {
      const keyset = keysetAfter(columns, after);
      let i = 0;
      where.push(
        keyset.sql.replace(/\?/g, () => {
          params[`k${i}`] = keyset.params[i];
          return `@k${i++}`;
        }),
      );
    }
    params.limit = limit;
    const rows = prepare(
      this.db,
      `SELECT t.*, ${columns[0]!.expr} AS sort_key FROM tickets t
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY ${orderBy(columns)} LIMIT @limit`,
    ).all(params) as TicketRow[];
    return rows.map((row) => ({
      item: fromRow(row),
      key: sort.key === 'number' ? [row.number] : [row.sort_key ?? null, row.number],
    }));
  }

  /**
   * The SLA-due order (the queues' default) as a merge of index-ordered streams, so that a page
   * never sorts the caller's whole reach: one stream per reach condition and state, each a range
   * of an index on (column, state, SLA due, number descending) (migration 005), merged by SQLite
   * (`MERGE (UNION ALL)`) up to the page's limit. Descending SLA order reads the same ranges
   * backwards and sorts only tickets due at the same instant by number. Conditions other areas
   * add to a reach (`extra`) are one stream each.
   */
  private listBySla(
    filter: TicketFilter,
    columns: KeysetColumn[],
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<TicketRecord>[] {
    const params: Params = {};
    // The reach and the states are the streams' own conditions; the other filters apply to each.
    const rest = filterSql({ ...filter, reach: { everything: true }, state: undefined }, params);
    const parts = reachParts(filter.reach, params);
    const states = filter.state?.length ? filter.state : TICKET_STATES;
    states.forEach((state, i) => (params[`armState${i}`] = state));
    const anyState = `t.state IN (${states.map((_, i) => `@armState${i}`).join(', ')})`;
    const key = SORT_EXPR.slaDueAt;
    const dir = columns[0]!.desc ? 'DESC' : 'ASC';
    if (after) {
      const keyset = keysetAfter(columns, after);
      let i = 0;
      rest.push(
        keyset.sql.replace(/\?/g, () => {
          params[`k${i}`] = keyset.params[i];
          return `@k${i++}`;
        }),
      );
    }
    // In a reach condition's stream the other column filters must not pick another index (a
    // team filter would walk the whole team to find the caller's own tickets): `+` keeps them
    // out of the plan's choice.
    const residual = rest.map((sql) => sql.replace(/^t\.(team_id|assignee_id|kind) /, '+t.$1 '));
    const arms: string[] = [];
    parts.forEach((part) => {
      const base = part ? [part.sql, ...residual] : rest;
      if (part && !part.indexed) arms.push([...base, anyState].join(' AND '));
      else states.forEach((_, i) => arms.push([...base, `t.state = @armState${i}`].join(' AND ')));
    });
    // A ticket that meets n reach conditions comes n times, next to itself: reading limit × the
    // number of conditions rows always yields `limit` distinct tickets when there are as many.
    params.limit = limit * parts.length;
    const select = `SELECT t.*, ${key} AS sort_key FROM tickets t WHERE`;
    const sql =
      arms.length === 1
        ? `${select} ${arms[0]} ORDER BY ${key} ${dir}, t.number DESC LIMIT @limit`
        : `${arms.map((arm) => `${select} ${arm}`).join(' UNION ALL ')}
            ORDER BY sort_key ${dir}, number DESC LIMIT @limit`;
    const seen = new Set<string>();
    const rows = (prepare(this.db, sql).all(params) as TicketRow[]).filter(
      (row) => !seen.has(row.id) && seen.add(row.id),
    );
    return rows
      .slice(0, limit)
      .map((row) => ({ item: fromRow(row), key: [row.sort_key ?? null, row.number] }));
  }

  count(filter: TicketFilter, groupBy: TicketGroupBy): { key: string | null; count: number }[] {
    const params: Params = {};
    const where = filterSql(filter, params);
    const expr = GROUP_EXPR[groupBy];
    return prepare(
      this.db,
      `SELECT ${expr} AS key, COUNT(*) AS count FROM tickets t
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          GROUP BY 1 ORDER BY 2 DESC, 1`,
    ).all(params) as {
      key: string | null;
      count: number;
    }[];
  }

  nextNumber(): number {
    const row = prepare(
      this.db,
      'SELECT COALESCE(MAX(number), 10000) + 1 AS n FROM tickets',
    ).get() as {
      n: number;
    };
    return row.n;
  }

  insert(r: TicketRecord): void {
    prepare(
      this.db,
      `INSERT INTO tickets (id, number, kind, state, subject, description, priority, channel,
           customer_json, team_id, assignee_id, department_id, tags_json, created_at, created_by,
           updated_at, first_responded_at, resolved_at, closed_at, resolution, escalation_level,
           related_call_id, related_ticket_id, evaluation_id, sla_policy_id, sla_first_response_minutes,
           sla_resolution_minutes, sla_business_hours, sla_at_risk_ratio, version)
         VALUES (@id, @number, @kind, @state, @subject, @description, @priority, @channel,
           @customer, @teamId, @assigneeId, @departmentId, @tags, @createdAt, @createdBy,
           @updatedAt, @firstRespondedAt, @resolvedAt, @closedAt, @resolution, @escalationLevel,
           @relatedCallId, @relatedTicketId, @evaluationId, @policyId, @firstResponseMinutes,
           @resolutionMinutes, @businessHours, @atRiskRatio, @version)`,
    ).run({
      ...r,
      customer: r.customer ? JSON.stringify(r.customer) : null,
      tags: JSON.stringify(r.tags),
      policyId: r.sla?.policyId ?? null,
      firstResponseMinutes: r.sla?.firstResponseMinutes ?? null,
      resolutionMinutes: r.sla?.resolutionMinutes ?? null,
      businessHours: r.sla ? (r.sla.businessHours ? 1 : 0) : null,
      atRiskRatio: r.sla?.atRiskRatio ?? null,
      sla: undefined,
    });
  }

  update(id: string, version: number, changes: TicketChanges): number {
    const sets = ['version = version + 1'];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(changes) as [keyof TicketChanges, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[field]} = ?`);
      params.push(toColumnValue(field, value));
    }
    return prepare(
      this.db,
      `UPDATE tickets SET ${sets.join(', ')} WHERE id = ? AND version = ?`,
    ).run(...params, id, version).changes;
  }

  setSlaDerived(id: string, d: SlaDerived): void {
    prepare(
      this.db,
      `UPDATE tickets SET sla_first_due_at = ?, sla_due_at = ?, sla_at_risk_at = ?, sla_breached = ?
          WHERE id = ?`,
    ).run(d.firstDueAt, d.dueAt, d.atRiskAt, d.breached ? 1 : 0, id);
  }

  openSlaTicketIds(): string[] {
    return (
      prepare(
        this.db,
        `SELECT id FROM tickets WHERE sla_policy_id IS NOT NULL AND state <> 'closed'`,
      ).all() as { id: string }[]
    ).map((r) => r.id);
  }

  pauses(ticketIds: readonly string[]): Map<string, SlaPause[]> {
    const result = new Map<string, SlaPause[]>();
    if (ticketIds.length === 0) return result;
    const params: Params = {};
    const rows = prepare(
      this.db,
      `SELECT ticket_id, start, end FROM ticket_sla_pauses
          WHERE ticket_id IN (${placeholders('id', ticketIds, params)})
          ORDER BY ticket_id, start, id`,
    ).all(params) as { ticket_id: string; start: string; end: string | null }[];
    for (const row of rows) {
      const list = result.get(row.ticket_id) ?? [];
      list.push({ start: row.start, end: row.end });
      result.set(row.ticket_id, list);
    }
    return result;
  }

  openPause(ticketId: string, at: string): void {
    prepare(
      this.db,
      'INSERT INTO ticket_sla_pauses (ticket_id, start, end) VALUES (?, ?, NULL)',
    ).run(ticketId, at);
  }

  closePause(ticketId: string, at: string): void {
    prepare(
      this.db,
      'UPDATE ticket_sla_pauses SET end = ? WHERE ticket_id = ? AND end IS NULL',
    ).run(at, ticketId);
  }

  addComment(c: CommentRecord): void {
    prepare(
      this.db,
      `INSERT INTO ticket_comments (id, ticket_id, author_id, body, visibility, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(c.id, c.ticketId, c.authorId, c.body, c.visibility, c.createdAt);
  }

  comments(ticketId: string, after: KeyValue[] | null, limit: number): Keyed<CommentRecord>[] {
    const rows = prepare(
      this.db,
      `SELECT * FROM ticket_comments WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ).all(ticketId, after ? Number(after[0]) : 0, limit) as {
      seq: number;
      id: string;
      ticket_id: string;
      author_id: string;
      body: string;
      visibility: 'internal' | 'public';
      created_at: string;
    }[];
    return rows.map((row) => ({
      item: {
        id: row.id,
        ticketId: row.ticket_id,
        authorId: row.author_id,
        body: row.body,
        visibility: row.visibility,
        createdAt: row.created_at,
      },
      key: [row.seq],
    }));
  }

  addActivity(a: ActivityRecord): void {
    prepare(
      this.db,
      `INSERT INTO ticket_activity (id, ticket_id, at, actor_id, action, transition, note, changes_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      a.ticketId,
      a.at,
      a.actorId,
      a.action,
      a.transition ?? null,
      a.note ?? null,
      JSON.stringify(a.changes),
    );
  }

  activity(ticketId: string, after: KeyValue[] | null, limit: number): Keyed<ActivityRecord>[] {
    const rows = prepare(
      this.db,
      `SELECT * FROM ticket_activity WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ).all(ticketId, after ? Number(after[0]) : 0, limit) as {
      seq: number;
      id: string;
      ticket_id: string;
      at: string;
      actor_id: string;
      action: ActivityRecord['action'];
      transition: string | null;
      note: string | null;
      changes_json: string;
    }[];
    return rows.map((row) => ({
      item: {
        id: row.id,
        ticketId: row.ticket_id,
        at: row.at,
        actorId: row.actor_id,
        action: row.action,
        ...(row.transition ? { transition: row.transition } : {}),
        ...(row.note !== null ? { note: row.note } : {}),
        changes: JSON.parse(row.changes_json) as ActivityRecord['changes'],
      },
      key: [row.seq],
    }));
  }

  userNames(ids: readonly string[]): Map<string, string> {
    const unique = [...new Set(ids)];
    const result = new Map<string, string>();
    if (unique.length === 0) return result;
    const params: Params = {};
    const rows = prepare(
      this.db,
      `SELECT id, name FROM users WHERE id IN (${placeholders('u', unique, params)})`,
    ).all(params) as { id: string; name: string }[];
    for (const row of rows) result.set(row.id, row.name);
    return result;
  }

  activeUser(id: string): { id: string; role: Role; teamId: string | null } | undefined {
    const row = prepare(
      this.db,
      'SELECT id, role, team_id FROM users WHERE id = ? AND active = 1',
    ).get(id) as { id: string; role: Role; team_id: string | null } | undefined;
    return row ? { id: row.id, role: row.role, teamId: row.team_id } : undefined;
  }

  teamExists(id: string): boolean {
    return prepare(this.db, 'SELECT 1 FROM teams WHERE id = ?').get(id) !== undefined;
  }

  departmentExists(id: string): boolean {
    return prepare(this.db, 'SELECT 1 FROM departments WHERE id = ?').get(id) !== undefined;
  }
}
