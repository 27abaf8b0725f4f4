import { prepare, type Db } from '../../db/database.js';
import {
  keysetAfter,
  orderBy,
  type Keyed,
  type KeysetColumn,
  type KeyValue,
} from '../../core/pagination.js';
import type {
  BusinessCalendar,
  BusinessCalendarInput,
  SlaPolicy,
  SlaPolicyPatch,
  SlaStore,
} from './store.js';

interface PolicyRow {
  id: string;
  kind: SlaPolicy['kind'];
  priority: SlaPolicy['priority'];
  first_response_minutes: number;
  resolution_minutes: number;
  business_hours: number;
  at_risk_ratio: number;
  position: number;
  version: number;
}

const ORDER: KeysetColumn[] = [
  { expr: 'position', desc: false },
  { expr: 'id', desc: false },
];

function toPolicy(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    kind: row.kind,
    priority: row.priority,
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    businessHours: row.business_hours === 1,
    atRiskRatio: row.at_risk_ratio,
    version: row.version,
  };
}

export class SqliteSlaStore implements SlaStore {
  constructor(private readonly db: Db) {}

  policies(after: KeyValue[] | null, limit: number): Keyed<SlaPolicy>[] {
    const where = after ? keysetAfter(ORDER, after) : null;
    const rows = prepare(
      this.db,
      `SELECT * FROM sla_policies ${where ? `WHERE ${where.sql}` : ''} ORDER BY ${orderBy(ORDER)} LIMIT ?`,
    ).all(...(where?.params ?? []), limit) as PolicyRow[];
    return rows.map((row) => ({ item: toPolicy(row), key: [row.position, row.id] }));
  }

  policy(id: string): SlaPolicy | undefined {
    const row = prepare(this.db, 'SELECT * FROM sla_policies WHERE id = ?').get(id) as
      PolicyRow | undefined;
    return row ? toPolicy(row) : undefined;
  }

  policyFor(kind: string, priority: string): SlaPolicy | undefined {
    const row = prepare(
      this.db,
      `SELECT * FROM sla_policies WHERE priority = ? AND (kind = ? OR kind IS NULL)
          ORDER BY kind IS NULL LIMIT 1`,
    ).get(priority, kind) as PolicyRow | undefined;
    return row ? toPolicy(row) : undefined;
  }

  updatePolicy(id: string, version: number, patch: SlaPolicyPatch): number {
    const sets = ['version = version + 1'];
    const params: unknown[] = [];
    const columns: [keyof SlaPolicyPatch, string][] = [
      ['firstResponseMinutes', 'first_response_minutes'],
      ['resolutionMinutes', 'resolution_minutes'],
      ['businessHours', 'business_hours'],
      ['atRiskRatio', 'at_risk_ratio'],
    ];
    for (const [field, column] of columns) {
      const value = patch[field];
      if (value === undefined || value === null) continue;
      sets.push(`${column} = ?`);
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    return prepare(
      this.db,
      `UPDATE sla_policies SET ${sets.join(', ')} WHERE id = ? AND version = ?`,
    ).run(...params, id, version).changes;
  }

  calendar(): BusinessCalendar {
    const head = prepare(
      this.db,
      'SELECT time_zone, version FROM business_calendar WHERE id = 1',
    ).get() as { time_zone: string; version: number } | undefined;
    const hours = prepare(
      this.db,
      'SELECT weekday, start, end FROM business_hours ORDER BY position',
    ).all() as BusinessCalendar['hours'];
    const holidays = (
      prepare(this.db, 'SELECT date, name_json FROM holidays ORDER BY date').all() as {
        date: string;
        name_json: string | null;
      }[]
    ).map((h) => ({
      date: h.date,
      ...(h.name_json ? { name: JSON.parse(h.name_json) as { en: string } } : {}),
    }));
    return {
      timeZone: head?.time_zone ?? 'UTC',
      hours,
      holidays,
      version: head?.version ?? 1,
    };
  }

  calendarVersion(): number {
    const row = prepare(this.db, 'SELECT version FROM business_calendar WHERE id = 1').get() as
      { version: number } | undefined;
    return row?.version ?? 0;
  }

  replaceCalendar(version: number, input: BusinessCalendarInput): number {
    const changes = prepare(
      this.db,
      'UPDATE business_calendar SET time_zone = ?, version = version + 1 WHERE id = 1 AND version = ?',
    ).run(input.timeZone, version).changes;
    if (changes !== 1) return 0;
    prepare(this.db, 'DELETE FROM business_hours').run();
    prepare(this.db, 'DELETE FROM holidays').run();
    const hour = prepare(
      this.db,
      'INSERT INTO business_hours (position, weekday, start, end) VALUES (?, ?, ?, ?)',
    );
    input.hours.forEach((h, i) => hour.run(i, h.weekday, h.start, h.end));
    const holiday = prepare(
      this.db,
      'INSERT INTO holidays (date, name_json) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET name_json = excluded.name_json',
    );
    for (const h of input.holidays) holiday.run(h.date, h.name ? JSON.stringify(h.name) : null);
    return 1;
  }
}
