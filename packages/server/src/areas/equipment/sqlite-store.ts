import { ASSET_TYPES, CHECK_DUE_WINDOW_DAYS, type AssetType } from '@cc-kit/domain';
import { prepare, type Db } from '../../db/database.js';
import {
  keysetAfter,
  orderBy,
  type Keyed,
  type KeysetColumn,
  type KeyValue,
} from '../../core/pagination.js';
import type {
  AssetChanges,
  AssetFilter,
  AssetRecord,
  CheckFilter,
  CheckItemRecord,
  CheckRecord,
  DueFilter,
  DueRow,
  EquipmentLink,
  EquipmentStore,
  SeatRecord,
  Slice,
  TeamFigures,
} from './store.js';

const SEAT_ORDER: KeysetColumn[] = [
  { expr: 's.label', desc: false },
  { expr: 's.id', desc: false },
];
const ASSET_ORDER: KeysetColumn[] = [
  { expr: '(CASE WHEN a.seat_id IS NULL THEN 1 ELSE 0 END)', desc: false },
  { expr: "COALESCE(s.label, '')", desc: false },
  { expr: 'a.type_order', desc: false },
  { expr: 'a.serial', desc: false },
  { expr: 'a.id', desc: false },
];
const CHECK_ORDER: KeysetColumn[] = [
  { expr: 'c.started_at', desc: true },
  { expr: 'c.id', desc: true },
];
const DUE_ORDER: KeysetColumn[] = [
  { expr: 'd.due_at', desc: false },
  { expr: 'd.seat_label', desc: false },
  { expr: 'd.seat_id', desc: false },
];

/** The position of each asset type within a seat (headset first). */
export function typeOrder(type: AssetType): number {
  return ASSET_TYPES.indexOf(type);
}

const ISO = `'%Y-%m-%dT%H:%M:%fZ'`;

/** Each seat with its last submitted check and its due date (last check + cadence, or creation). */
const DUE_SELECT = `
  SELECT s.id AS seat_id, s.label AS seat_label, s.team_id, s.created_at AS seat_created_at,
    t.equipment_check_cadence_days AS cadence_days, l.at AS last_checked_at,
    COALESCE(strftime(${ISO}, l.at, '+' || t.equipment_check_cadence_days || ' days'), s.created_at)
      AS due_at
  FROM seats s
  JOIN teams t ON t.id = s.team_id
  LEFT JOIN (
    SELECT cs.seat_id, MAX(c.submitted_at) AS at
    FROM equipment_check_seats cs JOIN equipment_checks c ON c.id = cs.check_id
    WHERE c.state = 'submitted'
    GROUP BY cs.seat_id
  ) l ON l.seat_id = s.id`;

/** The state of a due row as of `@now`, as `checkDue` of the domain computes it. */
const DUE_STATE = `(CASE
  WHEN @now > d.due_at THEN 'overdue'
  WHEN @now >= strftime(${ISO}, d.due_at, '-${CHECK_DUE_WINDOW_DAYS} days') THEN 'due'
  ELSE 'ok' END)`;

interface SeatRow {
  id: string;
  label: string;
  team_id: string;
  agent_id: string | null;
  created_at: string;
}

const toSeat = (row: SeatRow): SeatRecord => ({
  id: row.id,
  label: row.label,
  teamId: row.team_id,
  agentId: row.agent_id,
  createdAt: row.created_at,
});

interface AssetRow {
  id: string;
  type: AssetRecord['type'];
  serial: string;
  model: string;
  seat_id: string | null;
  team_id: string | null;
  status: AssetRecord['status'];
  open_work_order_id: string | null;
  last_checked_at: string | null;
  version: number;
}

const toAsset = (row: AssetRow): AssetRecord => ({
  id: row.id,
  type: row.type,
  serial: row.serial,
  model: row.model,
  seatId: row.seat_id,
  teamId: row.team_id,
  status: row.status,
  openWorkOrderId: row.open_work_order_id,
  lastCheckedAt: row.last_checked_at,
  version: row.version,
});

const ASSET_SELECT = `SELECT a.*, s.team_id, s.label AS seat_label
  FROM assets a LEFT JOIN seats s ON s.id = a.seat_id`;

interface CheckRow {
  id: string;
  team_id: string;
  seat_id: string | null;
  state: CheckRecord['state'];
  started_by: string;
  started_at: string;
  submitted_at: string | null;
  version: number;
}

const toCheck = (row: CheckRow): CheckRecord => ({
  id: row.id,
  teamId: row.team_id,
  seatId: row.seat_id,
  state: row.state,
  startedBy: row.started_by,
  startedAt: row.started_at,
  submittedAt: row.submitted_at,
  version: row.version,
});

interface DueSqlRow {
  seat_id: string;
  seat_label: string;
  team_id: string;
  seat_created_at: string;
  cadence_days: number;
  last_checked_at: string | null;
  due_at: string;
}

const toDue = (row: DueSqlRow): DueRow => ({
  teamId: row.team_id,
  seatId: row.seat_id,
  seatLabel: row.seat_label,
  seatCreatedAt: row.seat_created_at,
  cadenceDays: row.cadence_days,
  lastCheckedAt: row.last_checked_at,
  dueAt: row.due_at,
});

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** WHERE conditions + the keyset condition of a slice, and its ORDER BY / LIMIT. */
function sliced(
  columns: KeysetColumn[],
  conditions: string[],
  params: KeyValue[],
  slice: Slice,
): { where: string; tail: string; params: KeyValue[] } {
  const all = [...conditions];
  const values = [...params];
  if (slice.after) {
    const after = keysetAfter(columns, slice.after);
    all.push(after.sql);
    values.push(...after.params);
  }
  values.push(slice.limit);
  return {
    where: all.length ? `WHERE ${all.join(' AND ')}` : '',
    tail: `ORDER BY ${orderBy(columns)} LIMIT ?`,
    params: values,
  };
}

/** Adds the sort-key values of each row (`k0`, `k1`, …) to the select list. */
function keyColumns(columns: KeysetColumn[]): string {
  return columns.map((c, i) => `${c.expr} AS k${i}`).join(', ');
}

function keyed<R extends Record<string, unknown>, T>(
  rows: R[],
  columns: KeysetColumn[],
  map: (row: R) => T,
): Keyed<T>[] {
  return rows.map((row) => ({
    item: map(row),
    key: columns.map((_c, i) => row[`k${i}`] as KeyValue),
  }));
}

export class SqliteEquipmentStore implements EquipmentStore {
  constructor(private readonly db: Db) {}

  // ---- seats ------------------------------------------------------------------------------------

  seat(id: string): SeatRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM seats WHERE id = ?').get(id) as SeatRow | undefined;
    return row && toSeat(row);
  }

  seats(filter: { teamIds: string[] | null; teamId?: string }, slice: Slice) {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    if (filter.teamIds) {
      conditions.push(`s.team_id IN (${placeholders(filter.teamIds.length) || 'NULL'})`);
      params.push(...filter.teamIds);
    }
    if (filter.teamId) {
      conditions.push('s.team_id = ?');
      params.push(filter.teamId);
    }
    const q = sliced(SEAT_ORDER, conditions, params, slice);
    const rows = this.db
      .prepare(`SELECT s.*, ${keyColumns(SEAT_ORDER)} FROM seats s ${q.where} ${q.tail}`)
      .all(...q.params) as (SeatRow & Record<string, unknown>)[];
    return keyed(rows, SEAT_ORDER, toSeat);
  }

  seatOfAgent(agentId: string): SeatRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM seats WHERE agent_id = ?').get(agentId) as
      SeatRow | undefined;
    return row && toSeat(row);
  }

  seatIdsOf(userIds: readonly string[]): Map<string, string> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const rows = this.db
      .prepare(`SELECT id, agent_id FROM seats WHERE agent_id IN (${placeholders(ids.length)})`)
      .all(...ids) as { id: string; agent_id: string }[];
    return new Map(rows.map((r) => [r.agent_id, r.id]));
  }

  seatsOfTeam(teamId: string): SeatRecord[] {
    return (
      prepare(this.db, 'SELECT * FROM seats WHERE team_id = ? ORDER BY label, id').all(
        teamId,
      ) as SeatRow[]
    ).map(toSeat);
  }

  teamExists(teamId: string): boolean {
    return prepare(this.db, 'SELECT 1 FROM teams WHERE id = ?').get(teamId) !== undefined;
  }

  teams(): { id: string; cadenceDays: number }[] {
    return prepare(
      this.db,
      'SELECT id, equipment_check_cadence_days AS cadenceDays FROM teams ORDER BY position, id',
    ).all() as { id: string; cadenceDays: number }[];
  }

  // ---- assets -----------------------------------------------------------------------------------

  asset(id: string): AssetRecord | undefined {
    const row = prepare(this.db, `${ASSET_SELECT} WHERE a.id = ?`).get(id) as AssetRow | undefined;
    return row && toAsset(row);
  }

  assetIdBySerial(serial: string): string | undefined {
    const row = prepare(this.db, 'SELECT id FROM assets WHERE serial = ?').get(serial) as
      { id: string } | undefined;
    return row?.id;
  }

  assets(filter: AssetFilter, slice: Slice): Keyed<AssetRecord>[] {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    const { reach } = filter;
    if (!reach.everything) {
      if (reach.seatId !== undefined) {
        conditions.push('a.seat_id = ?');
        params.push(reach.seatId);
      } else {
        conditions.push('s.team_id = ?');
        params.push(reach.teamId);
      }
    }
    if (filter.teamId) {
      conditions.push('s.team_id = ?');
      params.push(filter.teamId);
    }
    if (filter.seatId) {
      conditions.push('a.seat_id = ?');
      params.push(filter.seatId);
    }
    if (filter.type) {
      conditions.push('a.type = ?');
      params.push(filter.type);
    }
    if (filter.status) {
      conditions.push('a.status = ?');
      params.push(filter.status);
    }
    const q = sliced(ASSET_ORDER, conditions, params, slice);
    const rows = this.db
      .prepare(
        `SELECT a.*, s.team_id, ${keyColumns(ASSET_ORDER)}
         FROM assets a LEFT JOIN seats s ON s.id = a.seat_id ${q.where} ${q.tail}`,
      )
      .all(...q.params) as (AssetRow & Record<string, unknown>)[];
    return keyed(rows, ASSET_ORDER, toAsset);
  }

  assetsToCheck(teamId: string, seatId: string | null): AssetRecord[] {
    const rows = prepare(
      this.db,
      `${ASSET_SELECT}
       WHERE s.team_id = @teamId AND (@seatId IS NULL OR a.seat_id = @seatId)
         AND a.status <> 'retired'
       ORDER BY s.label, a.type_order, a.serial, a.id`,
    ).all({ teamId, seatId }) as AssetRow[];
    return rows.map(toAsset);
  }

  insertAsset(record: AssetRecord, now: string): void {
    prepare(
      this.db,
      `INSERT INTO assets (id, type, serial, model, seat_id, status, open_work_order_id,
         last_checked_at, type_order, version, created_at, updated_at)
       VALUES (@id, @type, @serial, @model, @seatId, @status, @openWorkOrderId, @lastCheckedAt,
         @typeOrder, @version, @now, @now)`,
    ).run({ ...record, typeOrder: typeOrder(record.type), now });
  }

  updateAsset(id: string, version: number, changes: AssetChanges): number {
    const columns: Record<keyof AssetChanges, string> = {
      serial: 'serial',
      model: 'model',
      seatId: 'seat_id',
      status: 'status',
      openWorkOrderId: 'open_work_order_id',
      lastCheckedAt: 'last_checked_at',
      updatedAt: 'updated_at',
    };
    const sets: string[] = [];
    const params: Record<string, unknown> = { id, version };
    for (const [key, value] of Object.entries(changes) as [keyof AssetChanges, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${columns[key]} = @${key}`);
      params[key] = value;
    }
    return this.db
      .prepare(
        `UPDATE assets SET ${sets.join(', ')}, version = version + 1
         WHERE id = @id AND version = @version`,
      )
      .run(params).changes;
  }

  // ---- checks -----------------------------------------------------------------------------------

  check(id: string): CheckRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM equipment_checks WHERE id = ?').get(id) as
      CheckRow | undefined;
    return row && toCheck(row);
  }

  checks(filter: CheckFilter, slice: Slice): Keyed<CheckRecord>[] {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    if (filter.teamIds) {
      conditions.push(`c.team_id IN (${placeholders(filter.teamIds.length) || 'NULL'})`);
      params.push(...filter.teamIds);
    }
    if (filter.teamId) {
      conditions.push('c.team_id = ?');
      params.push(filter.teamId);
    }
    if (filter.seatId) {
      conditions.push(
        'EXISTS (SELECT 1 FROM equipment_check_seats cs WHERE cs.check_id = c.id AND cs.seat_id = ?)',
      );
      params.push(filter.seatId);
    }
    if (filter.state) {
      conditions.push('c.state = ?');
      params.push(filter.state);
    }
    const q = sliced(CHECK_ORDER, conditions, params, slice);
    const rows = this.db
      .prepare(
        `SELECT c.*, ${keyColumns(CHECK_ORDER)} FROM equipment_checks c ${q.where} ${q.tail}`,
      )
      .all(...q.params) as (CheckRow & Record<string, unknown>)[];
    return keyed(rows, CHECK_ORDER, toCheck);
  }

  draftOf(teamId: string, seatId: string | null): string | undefined {
    const row = prepare(
      this.db,
      `SELECT id FROM equipment_checks
       WHERE state = 'draft' AND team_id = @teamId AND seat_id IS @seatId
       ORDER BY started_at, id LIMIT 1`,
    ).get({ teamId, seatId }) as { id: string } | undefined;
    return row?.id;
  }

  insertCheck(record: CheckRecord, seatIds: string[], items: CheckItemRecord[]): void {
    prepare(
      this.db,
      `INSERT INTO equipment_checks (id, team_id, seat_id, state, started_by, started_at,
         submitted_at, version)
       VALUES (@id, @teamId, @seatId, @state, @startedBy, @startedAt, @submittedAt, @version)`,
    ).run(record);
    const seat = prepare(
      this.db,
      'INSERT INTO equipment_check_seats (check_id, seat_id) VALUES (?, ?)',
    );
    for (const seatId of seatIds) seat.run(record.id, seatId);
    const item = prepare(
      this.db,
      `INSERT INTO equipment_check_items (check_id, position, asset_id, asset_type, serial, seat_id,
         result, note, work_order_id, fixed_at)
       VALUES (@checkId, @position, @assetId, @assetType, @serial, @seatId, @result, @note,
         @workOrderId, @fixedAt)`,
    );
    for (const i of items) {
      item.run({
        checkId: i.checkId,
        position: i.position,
        assetId: i.assetId,
        assetType: i.assetType,
        serial: i.serial,
        seatId: i.seatId,
        result: i.result,
        note: i.note,
        workOrderId: i.workOrderId,
        fixedAt: i.fixedAt,
      });
    }
  }

  itemsOf(checkIds: readonly string[]): Map<string, CheckItemRecord[]> {
    const ids = [...new Set(checkIds)];
    const map = new Map<string, CheckItemRecord[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    const rows = this.db
      .prepare(
        `SELECT i.*, t.number AS work_order_number
         FROM equipment_check_items i LEFT JOIN tickets t ON t.id = i.work_order_id
         WHERE i.check_id IN (${placeholders(ids.length)})
         ORDER BY i.check_id, i.position`,
      )
      .all(...ids) as {
      check_id: string;
      position: number;
      asset_id: string;
      asset_type: CheckItemRecord['assetType'];
      serial: string;
      seat_id: string;
      result: CheckItemRecord['result'];
      note: string;
      work_order_id: string | null;
      work_order_number: number | null;
      fixed_at: string | null;
    }[];
    for (const r of rows) {
      map.get(r.check_id)!.push({
        checkId: r.check_id,
        position: r.position,
        assetId: r.asset_id,
        assetType: r.asset_type,
        serial: r.serial,
        seatId: r.seat_id,
        result: r.result,
        note: r.note,
        workOrderId: r.work_order_id,
        workOrderNumber: r.work_order_number,
        fixedAt: r.fixed_at,
      });
    }
    return map;
  }

  setItem(
    checkId: string,
    assetId: string,
    change: { result?: CheckItemRecord['result']; note?: string },
  ): void {
    if (change.result !== undefined) {
      prepare(
        this.db,
        'UPDATE equipment_check_items SET result = ? WHERE check_id = ? AND asset_id = ?',
      ).run(change.result, checkId, assetId);
    }
    if (change.note !== undefined) {
      prepare(
        this.db,
        'UPDATE equipment_check_items SET note = ? WHERE check_id = ? AND asset_id = ?',
      ).run(change.note, checkId, assetId);
    }
  }

  setItemWorkOrder(checkId: string, assetId: string, workOrderId: string): void {
    prepare(
      this.db,
      'UPDATE equipment_check_items SET work_order_id = ? WHERE check_id = ? AND asset_id = ?',
    ).run(workOrderId, checkId, assetId);
  }

  setItemsFixed(workOrderId: string, fixedAt: string | null) {
    prepare(this.db, 'UPDATE equipment_check_items SET fixed_at = ? WHERE work_order_id = ?').run(
      fixedAt,
      workOrderId,
    );
    return prepare(
      this.db,
      'SELECT check_id AS checkId, asset_id AS assetId FROM equipment_check_items WHERE work_order_id = ?',
    ).all(workOrderId) as { checkId: string; assetId: string }[];
  }

  touchCheck(
    id: string,
    version: number,
    change?: { state: 'submitted'; submittedAt: string },
  ): number {
    if (change) {
      return prepare(
        this.db,
        `UPDATE equipment_checks SET state = ?, submitted_at = ?, version = version + 1
         WHERE id = ? AND version = ?`,
      ).run(change.state, change.submittedAt, id, version).changes;
    }
    return prepare(
      this.db,
      'UPDATE equipment_checks SET version = version + 1 WHERE id = ? AND version = ?',
    ).run(id, version).changes;
  }

  // ---- due dates and summary -----------------------------------------------------------------

  private dueConditions(filter: { teamIds: string[] | null; teamId?: string }) {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    if (filter.teamIds) {
      conditions.push(`d.team_id IN (${placeholders(filter.teamIds.length) || 'NULL'})`);
      params.push(...filter.teamIds);
    }
    if (filter.teamId) {
      conditions.push('d.team_id = ?');
      params.push(filter.teamId);
    }
    return { conditions, params };
  }

  due(filter: DueFilter, slice: Slice): Keyed<DueRow>[] {
    const { conditions, params } = this.dueConditions(filter);
    conditions.push(`${DUE_STATE} IN (${placeholders(filter.states.length)})`);
    params.push(...filter.states);
    const q = sliced(DUE_ORDER, conditions, params, slice);
    // `@now` is named, the rest positional: bind the name through a CTE parameter.
    const sql = `WITH p AS (SELECT ? AS now)
      SELECT d.*, ${keyColumns(DUE_ORDER)}
      FROM (${DUE_SELECT}) d, p ${q.where.replaceAll('@now', 'p.now')} ${q.tail}`;
    const rows = this.db.prepare(sql).all(filter.now, ...q.params) as (DueSqlRow &
      Record<string, unknown>)[];
    return keyed(rows, DUE_ORDER, toDue);
  }

  dueRows(teamIds: string[] | null): DueRow[] {
    const { conditions, params } = this.dueConditions({ teamIds });
    const rows = this.db
      .prepare(
        `SELECT d.* FROM (${DUE_SELECT}) d ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
         ORDER BY d.due_at, d.seat_label, d.seat_id`,
      )
      .all(...params) as DueSqlRow[];
    return rows.map(toDue);
  }

  teamFigures(teamIds: string[] | null): TeamFigures[] {
    const filter = teamIds ? `WHERE t.id IN (${placeholders(teamIds.length) || 'NULL'})` : '';
    const rows = this.db
      .prepare(
        `WITH latest AS (
           SELECT s.id AS seat_id, s.team_id,
             (SELECT c.id FROM equipment_check_seats cs JOIN equipment_checks c ON c.id = cs.check_id
              WHERE cs.seat_id = s.id AND c.state = 'submitted'
              ORDER BY c.submitted_at DESC, c.id DESC LIMIT 1) AS check_id
           FROM seats s
         ),
         results AS (
           SELECT l.team_id,
             SUM(i.result = 'pass') AS pass, SUM(i.result = 'fail') AS fail,
             SUM(i.result = 'missing') AS missing, SUM(i.result = 'not_applicable') AS na
           FROM latest l JOIN equipment_check_items i ON i.check_id = l.check_id AND i.seat_id = l.seat_id
           GROUP BY l.team_id
         ),
         counts AS (
           SELECT s.team_id, SUM(a.status <> 'retired') AS assets,
             SUM(a.status IN ('faulty', 'missing')) AS faults
           FROM assets a JOIN seats s ON s.id = a.seat_id GROUP BY s.team_id
         )
         SELECT t.id AS teamId, COALESCE(n.assets, 0) AS assets, COALESCE(n.faults, 0) AS openFaults,
           (SELECT MAX(c.submitted_at) FROM equipment_checks c
            WHERE c.team_id = t.id AND c.state = 'submitted') AS lastCheckAt,
           COALESCE(r.pass, 0) AS pass, COALESCE(r.fail, 0) AS fail,
           COALESCE(r.missing, 0) AS missing, COALESCE(r.na, 0) AS notApplicable
         FROM teams t LEFT JOIN counts n ON n.team_id = t.id LEFT JOIN results r ON r.team_id = t.id
         ${filter}
         ORDER BY t.position, t.id`,
      )
      .all(...(teamIds ?? [])) as TeamFigures[];
    return rows;
  }

  // ---- work-order links -----------------------------------------------------------------------

  links(ticketIds: readonly string[]): Map<string, EquipmentLink> {
    const ids = [...new Set(ticketIds)];
    if (!ids.length) return new Map();
    const rows = this.db
      .prepare(
        `SELECT ticket_id, asset_id, check_id FROM ticket_equipment
         WHERE ticket_id IN (${placeholders(ids.length)})`,
      )
      .all(...ids) as { ticket_id: string; asset_id: string; check_id: string }[];
    return new Map(rows.map((r) => [r.ticket_id, { assetId: r.asset_id, checkId: r.check_id }]));
  }

  insertLink(ticketId: string, link: EquipmentLink): void {
    prepare(
      this.db,
      'INSERT INTO ticket_equipment (ticket_id, asset_id, check_id) VALUES (?, ?, ?)',
    ).run(ticketId, link.assetId, link.checkId);
  }

  ticketState(ticketId: string): string | undefined {
    const row = prepare(this.db, 'SELECT state FROM tickets WHERE id = ?').get(ticketId) as
      { state: string } | undefined;
    return row?.state;
  }
}
