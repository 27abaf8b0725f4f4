import type Database from 'better-sqlite3';
import type { Db } from '../../db/database.js';
import { keysetAfter, orderBy, type KeysetColumn, type KeyValue } from '../../core/pagination.js';
import type { Keyed } from '../../core/pagination.js';
import type {
  CalibrationRecord,
  DisputeRecord,
  EvaluationChanges,
  EvaluationFilter,
  EvaluationReach,
  EvaluationRecord,
  QaStore,
  TemplateRecord,
  TemplateStatus,
  VersionRecord,
} from './store.js';

const TEMPLATE_ORDER: KeysetColumn[] = [{ expr: 't.id', desc: false }];
const EVALUATION_ORDER: KeysetColumn[] = [
  { expr: 'e.created_at', desc: true },
  { expr: 'e.id', desc: true },
];

interface TemplateRow {
  id: string;
  version: number;
  name_json: string;
  description_json: string | null;
  status: TemplateStatus;
  dispute_window_days: number;
  max_disputes: number;
  sections_json: string;
  created_at: string;
  created_by: string;
}

function toTemplate(row: TemplateRow): TemplateRecord {
  return {
    id: row.id,
    version: row.version,
    name: JSON.parse(row.name_json) as TemplateRecord['name'],
    description: row.description_json
      ? (JSON.parse(row.description_json) as TemplateRecord['name'])
      : null,
    status: row.status,
    disputeWindowDays: row.dispute_window_days,
    maxDisputes: row.max_disputes,
    sections: JSON.parse(row.sections_json) as TemplateRecord['sections'],
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function templateParams(r: TemplateRecord) {
  return [
    r.id,
    r.version,
    JSON.stringify(r.name),
    r.description ? JSON.stringify(r.description) : null,
    r.status,
    r.disputeWindowDays,
    r.maxDisputes,
    JSON.stringify(r.sections),
    r.createdAt,
    r.createdBy,
  ];
}

interface EvaluationRow {
  id: string;
  template_id: string;
  template_version: number;
  call_id: string | null;
  agent_id: string;
  team_id: string | null;
  evaluator_id: string;
  state: EvaluationRecord['state'];
  answers_json: string;
  comment: string;
  score: number | null;
  sections_json: string;
  fatal_failed: number;
  linked_ticket_ids_json: string;
  calibration_session_id: string | null;
  revision: number;
  acknowledge_comment: string | null;
  created_at: string;
  submitted_at: string | null;
  acknowledged_at: string | null;
  updated_at: string;
  version: number;
}

function toEvaluation(row: EvaluationRow): EvaluationRecord {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    callId: row.call_id,
    agentId: row.agent_id,
    teamId: row.team_id,
    evaluatorId: row.evaluator_id,
    state: row.state,
    answers: JSON.parse(row.answers_json) as EvaluationRecord['answers'],
    comment: row.comment,
    score: row.score,
    sections: JSON.parse(row.sections_json) as EvaluationRecord['sections'],
    fatalFailed: row.fatal_failed === 1,
    linkedTicketIds: JSON.parse(row.linked_ticket_ids_json) as string[],
    calibrationSessionId: row.calibration_session_id,
    revision: row.revision,
    acknowledgeComment: row.acknowledge_comment,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    acknowledgedAt: row.acknowledged_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Column of each changeable field, and how it is written. */
const EVALUATION_COLUMNS: Record<keyof EvaluationChanges, [string, (v: unknown) => unknown]> = {
  state: ['state', (v) => v],
  answers: ['answers_json', (v) => JSON.stringify(v)],
  comment: ['comment', (v) => v],
  score: ['score', (v) => v],
  sections: ['sections_json', (v) => JSON.stringify(v)],
  fatalFailed: ['fatal_failed', (v) => (v ? 1 : 0)],
  linkedTicketIds: ['linked_ticket_ids_json', (v) => JSON.stringify(v)],
  revision: ['revision', (v) => v],
  acknowledgeComment: ['acknowledge_comment', (v) => v],
  submittedAt: ['submitted_at', (v) => v],
  acknowledgedAt: ['acknowledged_at', (v) => v],
};

interface DisputeRow {
  id: string;
  evaluation_id: string;
  raised_by: string;
  raised_at: string;
  items_json: string;
  state: 'open' | 'resolved';
  outcome: DisputeRecord['outcome'];
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_comment: string | null;
  accepted_items_json: string | null;
  ticket_id: string | null;
}

function toDispute(row: DisputeRow): DisputeRecord {
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    raisedBy: row.raised_by,
    raisedAt: row.raised_at,
    items: JSON.parse(row.items_json) as DisputeRecord['items'],
    state: row.state,
    outcome: row.outcome,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    resolutionComment: row.resolution_comment,
    acceptedItems: row.accepted_items_json
      ? (JSON.parse(row.accepted_items_json) as DisputeRecord['acceptedItems'])
      : null,
    ticketId: row.ticket_id,
  };
}

interface VersionRow {
  evaluation_id: string;
  revision: number;
  at: string;
  by_id: string;
  reason: VersionRecord['reason'];
  dispute_id: string | null;
  answers_json: string;
  score: number | null;
  sections_json: string;
  fatal_failed: number;
}

interface CalibrationRow {
  id: string;
  call_id: string;
  template_id: string;
  template_version: number;
  agent_id: string;
  evaluator_ids_json: string;
  reference_evaluation_id: string;
  created_at: string;
  created_by: string;
}

/** The SQL condition (over `e`) of a reach, with its parameters. */
function reachCondition(reach: EvaluationReach): { sql: string; params: KeyValue[] } | null {
  if ('everything' in reach) return null;
  if ('agentId' in reach) {
    return {
      sql: `e.agent_id = ? AND e.state <> 'draft' AND e.calibration_session_id IS NULL`,
      params: [reach.agentId],
    };
  }
  return {
    sql: '(e.team_id = ? OR e.evaluator_id = ?)',
    params: [reach.teamId ?? '', reach.userId ?? ''],
  };
}

export class SqliteQaStore implements QaStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  /** Statements compiled once per SQL text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  template(id: string, version?: number): TemplateRecord | undefined {
    const row = (
      version === undefined
        ? this.sql('SELECT * FROM qa_templates WHERE id = ? ORDER BY version DESC LIMIT 1').get(id)
        : this.sql('SELECT * FROM qa_templates WHERE id = ? AND version = ?').get(id, version)
    ) as TemplateRow | undefined;
    return row ? toTemplate(row) : undefined;
  }

  templates(
    status: TemplateStatus | undefined,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<TemplateRecord>[] {
    const conditions = [
      't.version = (SELECT MAX(v.version) FROM qa_templates v WHERE v.id = t.id)',
    ];
    const params: KeyValue[] = [];
    if (status) {
      conditions.push('t.status = ?');
      params.push(status);
    }
    if (after) {
      const keyset = keysetAfter(TEMPLATE_ORDER, after);
      conditions.push(keyset.sql);
      params.push(...keyset.params);
    }
    const rows = this.sql(
      `SELECT t.* FROM qa_templates t WHERE ${conditions.join(' AND ')}
        ORDER BY ${orderBy(TEMPLATE_ORDER)} LIMIT ?`,
    ).all(...params, limit) as TemplateRow[];
    return rows.map((row) => ({ item: toTemplate(row), key: [row.id] }));
  }

  insertTemplate(record: TemplateRecord): void {
    this.sql(
      `INSERT INTO qa_templates (id, version, name_json, description_json, status,
        dispute_window_days, max_disputes, sections_json, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...templateParams(record));
  }

  publishTemplate(record: TemplateRecord): number {
    return this.sql(
      `INSERT INTO qa_templates (id, version, name_json, description_json, status,
        dispute_window_days, max_disputes, sections_json, created_at, created_by)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
        WHERE (SELECT MAX(version) FROM qa_templates WHERE id = ?) = ?`,
    ).run(...templateParams(record), record.id, record.version - 1).changes;
  }

  evaluation(id: string): EvaluationRecord | undefined {
    const row = this.sql('SELECT * FROM qa_evaluations WHERE id = ?').get(id) as
      EvaluationRow | undefined;
    return row ? toEvaluation(row) : undefined;
  }

  reachable(record: EvaluationRecord, reach: EvaluationReach): boolean {
    if ('everything' in reach) return true;
    if ('agentId' in reach) {
      return (
        record.agentId === reach.agentId &&
        record.state !== 'draft' &&
        record.calibrationSessionId === null
      );
    }
    return (
      (reach.teamId !== null && record.teamId === reach.teamId) ||
      (reach.userId !== null && record.evaluatorId === reach.userId)
    );
  }

  evaluations(
    filter: EvaluationFilter,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<EvaluationRecord>[] {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    const reach = reachCondition(filter.reach);
    if (reach) {
      conditions.push(reach.sql);
      params.push(...reach.params);
    }
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(`${column} = ?`);
      params.push(value);
    };
    equal('e.agent_id', filter.agentId);
    equal('e.team_id', filter.teamId);
    equal('e.evaluator_id', filter.evaluatorId);
    equal('e.call_id', filter.callId);
    if (filter.state?.length) {
      conditions.push(`e.state IN (${filter.state.map(() => '?').join(', ')})`);
      params.push(...filter.state);
    }
    if (after) {
      const keyset = keysetAfter(EVALUATION_ORDER, after);
      conditions.push(keyset.sql);
      params.push(...keyset.params);
    }
    const rows = this.db
      .prepare(
        `SELECT e.* FROM qa_evaluations e ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY ${orderBy(EVALUATION_ORDER)} LIMIT ?`,
      )
      .all(...params, limit) as EvaluationRow[];
    return rows.map((row) => ({ item: toEvaluation(row), key: [row.created_at, row.id] }));
  }

  insertEvaluation(r: EvaluationRecord): void {
    this.sql(
      `INSERT INTO qa_evaluations (id, template_id, template_version, call_id, agent_id, team_id,
        evaluator_id, state, answers_json, comment, score, sections_json, fatal_failed,
        linked_ticket_ids_json, calibration_session_id, revision, acknowledge_comment, created_at,
        submitted_at, acknowledged_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.templateId,
      r.templateVersion,
      r.callId,
      r.agentId,
      r.teamId,
      r.evaluatorId,
      r.state,
      JSON.stringify(r.answers),
      r.comment,
      r.score,
      JSON.stringify(r.sections),
      r.fatalFailed ? 1 : 0,
      JSON.stringify(r.linkedTicketIds),
      r.calibrationSessionId,
      r.revision,
      r.acknowledgeComment,
      r.createdAt,
      r.submittedAt,
      r.acknowledgedAt,
      r.updatedAt,
      r.version,
    );
  }

  updateEvaluation(id: string, version: number, changes: EvaluationChanges, at: string): number {
    const sets: string[] = ['updated_at = ?', 'version = version + 1'];
    const params: unknown[] = [at];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const [column, write] = EVALUATION_COLUMNS[field as keyof EvaluationChanges];
      sets.push(`${column} = ?`);
      params.push(write(value));
    }
    return this.db
      .prepare(`UPDATE qa_evaluations SET ${sets.join(', ')} WHERE id = ? AND version = ?`)
      .run(...params, id, version).changes;
  }

  insertVersion(r: VersionRecord): void {
    this.sql(
      `INSERT INTO qa_evaluation_versions (evaluation_id, revision, at, by_id, reason, dispute_id,
        answers_json, score, sections_json, fatal_failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.evaluationId,
      r.revision,
      r.at,
      r.byId,
      r.reason,
      r.disputeId,
      JSON.stringify(r.answers),
      r.score,
      JSON.stringify(r.sections),
      r.fatalFailed ? 1 : 0,
    );
  }

  versions(evaluationId: string): VersionRecord[] {
    const rows = this.sql(
      'SELECT * FROM qa_evaluation_versions WHERE evaluation_id = ? ORDER BY revision',
    ).all(evaluationId) as VersionRow[];
    return rows.map((row) => ({
      evaluationId: row.evaluation_id,
      revision: row.revision,
      at: row.at,
      byId: row.by_id,
      reason: row.reason,
      disputeId: row.dispute_id,
      answers: JSON.parse(row.answers_json) as VersionRecord['answers'],
      score: row.score,
      sections: JSON.parse(row.sections_json) as VersionRecord['sections'],
      fatalFailed: row.fatal_failed === 1,
    }));
  }

  disputes(evaluationIds: readonly string[]): Map<string, DisputeRecord[]> {
    const map = new Map<string, DisputeRecord[]>();
    if (evaluationIds.length === 0) return map;
    const rows = this.db
      .prepare(
        `SELECT * FROM qa_disputes WHERE evaluation_id IN (SELECT value FROM json_each(?))
          ORDER BY raised_at, id`,
      )
      .all(JSON.stringify(evaluationIds)) as DisputeRow[];
    for (const row of rows) {
      const list = map.get(row.evaluation_id) ?? [];
      list.push(toDispute(row));
      map.set(row.evaluation_id, list);
    }
    return map;
  }

  insertDispute(r: DisputeRecord): void {
    this.sql(
      `INSERT INTO qa_disputes (id, evaluation_id, raised_by, raised_at, items_json, state, outcome,
        resolved_by, resolved_at, resolution_comment, accepted_items_json, ticket_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.evaluationId,
      r.raisedBy,
      r.raisedAt,
      JSON.stringify(r.items),
      r.state,
      r.outcome,
      r.resolvedBy,
      r.resolvedAt,
      r.resolutionComment,
      r.acceptedItems ? JSON.stringify(r.acceptedItems) : null,
      r.ticketId,
    );
  }

  resolveDispute(
    id: string,
    r: Pick<
      DisputeRecord,
      'outcome' | 'resolvedBy' | 'resolvedAt' | 'resolutionComment' | 'acceptedItems'
    >,
  ): void {
    this.sql(
      `UPDATE qa_disputes SET state = 'resolved', outcome = ?, resolved_by = ?, resolved_at = ?,
        resolution_comment = ?, accepted_items_json = ? WHERE id = ?`,
    ).run(
      r.outcome,
      r.resolvedBy,
      r.resolvedAt,
      r.resolutionComment,
      r.acceptedItems ? JSON.stringify(r.acceptedItems) : null,
      id,
    );
  }

  insertCalibration(r: CalibrationRecord): void {
    this.sql(
      `INSERT INTO qa_calibration_sessions (id, call_id, template_id, template_version, agent_id,
        evaluator_ids_json, reference_evaluation_id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.callId,
      r.templateId,
      r.templateVersion,
      r.agentId,
      JSON.stringify(r.evaluatorIds),
      r.referenceEvaluationId,
      r.createdAt,
      r.createdBy,
    );
  }

  calibration(id: string): CalibrationRecord | undefined {
    const row = this.sql('SELECT * FROM qa_calibration_sessions WHERE id = ?').get(id) as
      CalibrationRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      callId: row.call_id,
      templateId: row.template_id,
      templateVersion: row.template_version,
      agentId: row.agent_id,
      evaluatorIds: JSON.parse(row.evaluator_ids_json) as string[],
      referenceEvaluationId: row.reference_evaluation_id,
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  calibrationEvaluations(sessionId: string): EvaluationRecord[] {
    const session = this.calibration(sessionId);
    if (!session) return [];
    const rows = this.sql('SELECT * FROM qa_evaluations WHERE calibration_session_id = ?').all(
      sessionId,
    ) as EvaluationRow[];
    const order = new Map(session.evaluatorIds.map((id, i) => [id, i]));
    return rows
      .map(toEvaluation)
      .sort((a, b) => (order.get(a.evaluatorId) ?? 99) - (order.get(b.evaluatorId) ?? 99));
  }

  userNames(ids: readonly string[]): Map<string, string> {
    const map = new Map<string, string>();
    if (ids.length === 0) return map;
    const rows = this.sql(
      'SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify([...new Set(ids)])) as { id: string; name: string }[];
    for (const row of rows) map.set(row.id, row.name);
    return map;
  }

  activeUser(id: string): { id: string; role: string; teamId: string | null } | undefined {
    const row = this.sql('SELECT id, role, team_id FROM users WHERE id = ? AND active = 1').get(
      id,
    ) as { id: string; role: string; team_id: string | null } | undefined;
    return row ? { id: row.id, role: row.role, teamId: row.team_id } : undefined;
  }
}
