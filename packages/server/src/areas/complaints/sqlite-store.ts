/** The complaint store on SQLite: `ticket_complaints` (010_complaints.sql). */
import type { CallbackOutcome, ComplaintRoutingRule, ComplaintSeverity } from '@cc-kit/domain';
import { prepare, type Db } from '../../db/database.js';
import type {
  CallbackChange,
  CallRef,
  ComplaintRecord,
  ComplaintStore,
  RoutingChange,
  VerdictChange,
} from './store.js';

interface ComplaintRow {
  ticket_id: string;
  category_id: string;
  severity: ComplaintSeverity;
  desired_resolution: string;
  custom_fields_json: string;
  preferred_callback_at: string | null;
  suggested_department_id: string;
  rule_id: string | null;
  department_id: string;
  routed_by: string;
  routed_at: string;
  routing_reason: string | null;
  acknowledge_by: string;
  acknowledged_at: string | null;
  justified: number | null;
  finding: string | null;
  decided_by: string | null;
  decided_at: string | null;
  callback_outcome: CallbackOutcome | null;
  callback_at: string | null;
  callback_note: string | null;
  callback_by: string | null;
  filed_at: string;
}

function fromRow(row: ComplaintRow): ComplaintRecord {
  return {
    ticketId: row.ticket_id,
    categoryId: row.category_id,
    severity: row.severity,
    desiredResolution: row.desired_resolution,
    customFields: JSON.parse(row.custom_fields_json) as ComplaintRecord['customFields'],
    preferredCallbackAt: row.preferred_callback_at,
    suggestedDepartmentId: row.suggested_department_id,
    ruleId: row.rule_id,
    departmentId: row.department_id,
    routedBy: row.routed_by,
    routedAt: row.routed_at,
    routingReason: row.routing_reason,
    acknowledgeBy: row.acknowledge_by,
    acknowledgedAt: row.acknowledged_at,
    justified: row.justified === null ? null : row.justified === 1,
    finding: row.finding,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    callbackOutcome: row.callback_outcome,
    callbackAt: row.callback_at,
    callbackNote: row.callback_note,
    callbackBy: row.callback_by,
    filedAt: row.filed_at,
  };
}

interface RuleRow {
  id: string;
  rule_order: number;
  category_id: string | null;
  severity: ComplaintSeverity | null;
  channel: string | null;
  department_id: string;
  escalation_level: number;
  acknowledge_within_hours: number | null;
}

export class SqliteComplaintStore implements ComplaintStore {
  constructor(private readonly db: Db) {}

  insert(r: ComplaintRecord): void {
    prepare(
      this.db,
      `INSERT INTO ticket_complaints (ticket_id, category_id, severity, desired_resolution,
         custom_fields_json, preferred_callback_at, suggested_department_id, rule_id, department_id,
         routed_by, routed_at, routing_reason, acknowledge_by, acknowledged_at, justified, finding,
         decided_by, decided_at, callback_outcome, callback_at, callback_note, callback_by, filed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.ticketId,
      r.categoryId,
      r.severity,
      r.desiredResolution,
      JSON.stringify(r.customFields),
      r.preferredCallbackAt,
      r.suggestedDepartmentId,
      r.ruleId,
      r.departmentId,
      r.routedBy,
      r.routedAt,
      r.routingReason,
      r.acknowledgeBy,
      r.acknowledgedAt,
      r.justified === null ? null : r.justified ? 1 : 0,
      r.finding,
      r.decidedBy,
      r.decidedAt,
      r.callbackOutcome,
      r.callbackAt,
      r.callbackNote,
      r.callbackBy,
      r.filedAt,
    );
  }

  get(ticketId: string): ComplaintRecord | undefined {
    const row = prepare(this.db, 'SELECT * FROM ticket_complaints WHERE ticket_id = ?').get(
      ticketId,
    ) as ComplaintRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  many(ticketIds: readonly string[]): Map<string, ComplaintRecord> {
    const result = new Map<string, ComplaintRecord>();
    if (ticketIds.length === 0) return result;
    const rows = prepare(
      this.db,
      `SELECT c.* FROM ticket_complaints c WHERE c.ticket_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ticketIds)) as ComplaintRow[];
    for (const row of rows) result.set(row.ticket_id, fromRow(row));
    return result;
  }

  setRouting(ticketId: string, c: RoutingChange): void {
    prepare(
      this.db,
      `UPDATE ticket_complaints SET department_id = ?, routed_by = ?, routed_at = ?, routing_reason = ?
        WHERE ticket_id = ?`,
    ).run(c.departmentId, c.routedBy, c.routedAt, c.reason, ticketId);
  }

  setVerdict(ticketId: string, c: VerdictChange): void {
    prepare(
      this.db,
      `UPDATE ticket_complaints SET justified = ?, finding = ?, decided_by = ?, decided_at = ?
        WHERE ticket_id = ?`,
    ).run(c.justified ? 1 : 0, c.finding, c.decidedBy, c.decidedAt, ticketId);
  }

  setCallback(ticketId: string, c: CallbackChange): void {
    prepare(
      this.db,
      `UPDATE ticket_complaints SET callback_outcome = ?, callback_at = ?, callback_note = ?,
         callback_by = ? WHERE ticket_id = ?`,
    ).run(c.outcome, c.calledAt, c.note, c.by, ticketId);
  }

  acknowledge(ticketId: string, at: string): void {
    prepare(
      this.db,
      `UPDATE ticket_complaints SET acknowledged_at = ? WHERE ticket_id = ? AND acknowledged_at IS NULL`,
    ).run(at, ticketId);
  }

  routingRules(): ComplaintRoutingRule[] {
    const rows = prepare(
      this.db,
      'SELECT * FROM complaint_routing_rules ORDER BY rule_order, id',
    ).all() as RuleRow[];
    return rows.map((r) => ({
      id: r.id,
      order: r.rule_order,
      categoryId: r.category_id,
      severity: r.severity,
      channel: r.channel,
      departmentId: r.department_id,
      escalationLevel: r.escalation_level,
      acknowledgeWithinHours: r.acknowledge_within_hours,
    }));
  }

  hasChildren(categoryId: string): boolean {
    return (
      prepare(this.db, 'SELECT 1 FROM complaint_categories WHERE parent_id = ? LIMIT 1').get(
        categoryId,
      ) !== undefined
    );
  }

  activeDepartment(id: string): boolean {
    return (
      prepare(this.db, 'SELECT 1 FROM departments WHERE id = ? AND active = 1').get(id) !==
      undefined
    );
  }

  private callsTable: boolean | undefined;

  call(id: string): CallRef | undefined {
    // The calls area (migration 020) may not be installed; then no call exists.
    this.callsTable ??=
      this.db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calls'`)
        .get() !== undefined;
    if (!this.callsTable) return undefined;
    const row = prepare(this.db, 'SELECT agent_id, team_id FROM calls WHERE id = ?').get(id) as
      { agent_id: string | null; team_id: string | null } | undefined;
    return row ? { agentId: row.agent_id, teamId: row.team_id } : undefined;
  }

  justifiedCondition(): string {
    return 'EXISTS (SELECT 1 FROM ticket_complaints c WHERE c.ticket_id = t.id AND c.justified = 1)';
  }
}
