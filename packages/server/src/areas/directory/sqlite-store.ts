import type { Role } from '@cc-kit/domain';
import { prepare, type Db } from '../../db/database.js';
import { keysetAfter, orderBy, type KeysetColumn, type KeyValue } from '../../core/pagination.js';
import type {
  AgentPresence,
  ComplaintCategory,
  Department,
  DirectoryStore,
  Keyed,
  LocalizedText,
  PresenceState,
  RoutingRule,
  Slice,
  Team,
  UserFilter,
  UserRow,
} from './store.js';

const USER_ORDER: KeysetColumn[] = [
  { expr: 'u.name', desc: false },
  { expr: 'u.id', desc: false },
];
const TEAM_ORDER: KeysetColumn[] = [
  { expr: 't.position', desc: false },
  { expr: 't.id', desc: false },
];
const DEPARTMENT_ORDER: KeysetColumn[] = [
  { expr: 'd.position', desc: false },
  { expr: 'd.id', desc: false },
];
const CATEGORY_ORDER: KeysetColumn[] = [
  { expr: 'c.sort_path', desc: false },
  { expr: 'c.id', desc: false },
];
const RULE_ORDER: KeysetColumn[] = [
  { expr: 'r.rule_order', desc: false },
  { expr: 'r.id', desc: false },
];

function json<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
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

interface TeamRow {
  id: string;
  name_json: string;
  supervisor_id: string | null;
  queues_json: string;
  equipment_check_cadence_days: number;
  position: number;
  version: number;
  member_count: number;
}

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: JSON.parse(row.name_json) as LocalizedText,
    supervisorId: row.supervisor_id,
    memberCount: row.member_count,
    queues: JSON.parse(row.queues_json) as string[],
    equipmentCheckCadenceDays: row.equipment_check_cadence_days,
    version: row.version,
  };
}

interface DepartmentRow {
  id: string;
  code: string;
  name_json: string;
  email: string | null;
  active: number;
  position: number;
}

function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    code: row.code,
    name: JSON.parse(row.name_json) as LocalizedText,
    ...(row.email ? { email: row.email } : {}),
    active: row.active === 1,
  };
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  code: string;
  name_json: string;
  description_json: string | null;
  default_severity: ComplaintCategory['defaultSeverity'];
  department_id: string | null;
  acknowledge_within_hours: number;
  custom_fields_json: string;
  active: number;
  sort_path: string;
}

function toCategory(row: CategoryRow): ComplaintCategory {
  const description = json<LocalizedText>(row.description_json);
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: JSON.parse(row.name_json) as LocalizedText,
    ...(description ? { description } : {}),
    defaultSeverity: row.default_severity,
    departmentId: row.department_id,
    acknowledgeWithinHours: row.acknowledge_within_hours,
    customFields: JSON.parse(row.custom_fields_json) as ComplaintCategory['customFields'],
    active: row.active === 1,
  };
}

interface RuleRow {
  id: string;
  rule_order: number;
  category_id: string | null;
  severity: RoutingRule['severity'];
  channel: RoutingRule['channel'];
  department_id: string;
  escalation_level: number;
  acknowledge_within_hours: number | null;
  description_json: string;
}

function toRule(row: RuleRow): RoutingRule {
  return {
    id: row.id,
    order: row.rule_order,
    categoryId: row.category_id,
    severity: row.severity,
    channel: row.channel,
    departmentId: row.department_id,
    escalationLevel: row.escalation_level,
    acknowledgeWithinHours: row.acknowledge_within_hours,
    description: JSON.parse(row.description_json) as LocalizedText,
  };
}

const TEAM_SELECT = `SELECT t.*, (SELECT COUNT(*) FROM users m WHERE m.team_id = t.id AND m.active = 1) AS member_count FROM teams t`;

export class SqliteDirectoryStore implements DirectoryStore {
  constructor(private readonly db: Db) {}

  user(id: string): UserRow | undefined {
    return prepare(this.db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  users(filter: UserFilter, slice: Slice): Keyed<UserRow>[] {
    const conditions: string[] = [];
    const params: KeyValue[] = [];
    if (filter.teamId) {
      conditions.push('u.team_id = ?');
      params.push(filter.teamId);
    }
    if (filter.role) {
      conditions.push('u.role = ?');
      params.push(filter.role);
    }
    if (filter.prefix) {
      const like = `${filter.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(`(u.name LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')`);
      params.push(like, like);
    }
    if (filter.demoOnly) conditions.push('u.demo = 1');
    const q = sliced(USER_ORDER, conditions, params, slice);
    const rows = prepare(this.db, `SELECT u.* FROM users u ${q.where} ${q.tail}`).all(
      ...q.params,
    ) as UserRow[];
    return rows.map((row) => ({ item: row, key: [row.name, row.id] }));
  }

  firstUserWithRole(role: Role, demoOnly: boolean): UserRow | undefined {
    return prepare(
      this.db,
      `SELECT * FROM users WHERE role = ? AND active = 1 ${demoOnly ? 'AND demo = 1' : ''}
          ORDER BY demo DESC, employee_number, id LIMIT 1`,
    ).get(role) as UserRow | undefined;
  }

  presenceOf(userIds: readonly string[]): Map<string, AgentPresence> {
    const result = new Map<string, AgentPresence>();
    if (userIds.length === 0) return result;
    const statement = prepare(
      this.db,
      `SELECT agent_id, state, at FROM agent_presence WHERE agent_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
    );
    for (const id of new Set(userIds)) {
      const row = statement.get(id) as
        { agent_id: string; state: PresenceState; at: string } | undefined;
      if (row) result.set(id, { agentId: row.agent_id, state: row.state, since: row.at });
    }
    return result;
  }

  appendPresence(agentId: string, state: PresenceState, at: string, by: string, now: string) {
    prepare(
      this.db,
      `INSERT INTO agent_presence (agent_id, state, at, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(agentId, state, at, by, now);
  }

  team(id: string): Team | undefined {
    const row = prepare(this.db, `${TEAM_SELECT} WHERE t.id = ?`).get(id) as TeamRow | undefined;
    return row ? toTeam(row) : undefined;
  }

  teams(slice: Slice): Keyed<Team>[] {
    const q = sliced(TEAM_ORDER, [], [], slice);
    const rows = prepare(this.db, `${TEAM_SELECT} ${q.where} ${q.tail}`).all(
      ...q.params,
    ) as TeamRow[];
    return rows.map((row) => ({ item: toTeam(row), key: [row.position, row.id] }));
  }

  updateTeam(
    id: string,
    version: number,
    patch: {
      name?: LocalizedText;
      supervisorId?: string | null;
      equipmentCheckCadenceDays?: number;
    },
    now: string,
  ): number {
    const sets: string[] = ['version = version + 1', 'updated_at = ?'];
    const params: unknown[] = [now];
    if (patch.name !== undefined) {
      sets.push('name_json = ?');
      params.push(JSON.stringify(patch.name));
    }
    if (patch.supervisorId !== undefined) {
      sets.push('supervisor_id = ?');
      params.push(patch.supervisorId);
    }
    if (patch.equipmentCheckCadenceDays !== undefined) {
      sets.push('equipment_check_cadence_days = ?');
      params.push(patch.equipmentCheckCadenceDays);
    }
    return prepare(this.db, `UPDATE teams SET ${sets.join(', ')} WHERE id = ? AND version = ?`).run(
      ...params,
      id,
      version,
    ).changes;
  }

  departments(slice: Slice): Keyed<Department>[] {
    const q = sliced(DEPARTMENT_ORDER, [], [], slice);
    const rows = prepare(this.db, `SELECT d.* FROM departments d ${q.where} ${q.tail}`).all(
      ...q.params,
    ) as DepartmentRow[];
    return rows.map((row) => ({ item: toDepartment(row), key: [row.position, row.id] }));
  }

  department(id: string): Department | undefined {
    const row = prepare(this.db, 'SELECT * FROM departments WHERE id = ?').get(id) as
      DepartmentRow | undefined;
    return row ? toDepartment(row) : undefined;
  }

  categories(includeInactive: boolean, slice: Slice): Keyed<ComplaintCategory>[] {
    const q = sliced(CATEGORY_ORDER, includeInactive ? [] : ['c.active = 1'], [], slice);
    const rows = prepare(
      this.db,
      `SELECT c.* FROM complaint_categories c ${q.where} ${q.tail}`,
    ).all(...q.params) as CategoryRow[];
    return rows.map((row) => ({ item: toCategory(row), key: [row.sort_path, row.id] }));
  }

  category(id: string): ComplaintCategory | undefined {
    const row = prepare(this.db, 'SELECT * FROM complaint_categories WHERE id = ?').get(id) as
      CategoryRow | undefined;
    return row ? toCategory(row) : undefined;
  }

  routingRules(slice: Slice): Keyed<RoutingRule>[] {
    const q = sliced(RULE_ORDER, [], [], slice);
    const rows = prepare(
      this.db,
      `SELECT r.* FROM complaint_routing_rules r ${q.where} ${q.tail}`,
    ).all(...q.params) as RuleRow[];
    return rows.map((row) => ({ item: toRule(row), key: [row.rule_order, row.id] }));
  }
}
