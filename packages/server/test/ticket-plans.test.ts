/**
 * Query plans of the ticket queues' hot lists: each must read index ranges in the page's order,
 * never sort a whole reach in a temp B-tree nor scan the tickets table (on a million tickets
 * either one makes a page take seconds). Plans depend on the indexes, not on the volume (the
 * server ships no planner statistics), so an empty database shows the plan a large one gets.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TicketKind, TicketState } from '@cc-kit/domain';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { SqliteTicketStore } from '../src/areas/tickets/sqlite-store.js';
import type { Reach, TicketFilter, TicketSort } from '../src/areas/tickets/store.js';

type Run = { sql: string; args: unknown[] };

/** The database, recording every statement run through it with its parameters. */
function tracing(db: Db): { db: Db; runs: Run[] } {
  const runs: Run[] = [];
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(st, p) {
              const value = Reflect.get(st, p) as unknown;
              if (p === 'all' || p === 'get' || p === 'iterate') {
                return (...args: unknown[]) => {
                  runs.push({ sql, args });
                  return (value as (...a: unknown[]) => unknown).apply(st, args);
                };
              }
              return typeof value === 'function' ? value.bind(st) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, runs };
}

const supervisor: Reach = {
  everything: false,
  userId: 'usr_sup',
  teamIds: ['team_a'],
  kinds: [],
  extra: [],
};
const agent: Reach = { everything: false, userId: 'usr_agent', teamIds: [], kinds: [], extra: [] };
const complaintSupervisor: Reach = {
  everything: false,
  userId: 'usr_cs',
  teamIds: [],
  kinds: ['complaint'],
  extra: [],
};
const everything: Reach = { everything: true };
const openWork: TicketState[] = ['open', 'pending'];
const kinds = (...k: TicketKind[]) => k;
const SLA: TicketSort = { key: 'slaDueAt', desc: false };

const CASES: [string, Omit<TicketFilter, 'now'>, TicketSort][] = [
  ['team queue: open and pending', { reach: supervisor, state: openWork }, SLA],
  ['team queue: every state', { reach: supervisor }, SLA],
  ['team queue: a team filter', { reach: supervisor, teamId: 'team_a', state: ['open'] }, SLA],
  ['agent queue: open and pending', { reach: agent, state: openWork }, SLA],
  ['agent queue: every state', { reach: agent }, SLA],
  ['center queue: open and pending', { reach: everything, state: openWork }, SLA],
  ['by state', { reach: everything, state: ['escalated'] }, SLA],
  ['by assignee', { reach: everything, assigneeId: 'usr_agent' }, SLA],
  ['by kind', { reach: everything, kind: kinds('work_order'), state: ['open'] }, SLA],
  [
    'complaint queue by department',
    { reach: complaintSupervisor, kind: kinds('complaint'), departmentId: 'dept_a' },
    SLA,
  ],
  ['search', { reach: supervisor, q: '宽带' }, SLA],
];

/** Plan lines that make a page cost the size of the data rather than of the page. */
function costly(plan: string[], { rightPart = false } = {}): string[] {
  return plan.filter(
    (line) =>
      (/USE TEMP B-TREE/.test(line) &&
        !(rightPart && /(RIGHT PART|LAST TERM) OF ORDER BY/.test(line))) ||
      /^SCAN t\b/.test(line) ||
      /^SCAN tickets\b/.test(line),
  );
}

function plansOf(db: Db, runs: Run[]): { sql: string; plan: string[] }[] {
  return runs
    .filter((r) => /FROM tickets t/.test(r.sql))
    .map((r) => ({
      sql: r.sql,
      plan: (
        db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...(r.args as never[])) as {
          detail: string;
        }[]
      ).map((row) => row.detail),
    }));
}

describe('ticket list query plans (hot queue lists)', () => {
  const raw = openDatabase(':memory:');
  migrate(raw);
  const { db, runs } = tracing(raw);
  const store = new SqliteTicketStore(db);
  const now = new Date().toISOString();

  test('the planner has no statistics to make plans depend on the volume', () => {
    const stat = raw
      .prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'`)
      .all() as { name: string }[];
    assert.deepEqual(stat, []);
  });

  for (const [label, filter, sort] of CASES) {
    for (const desc of [false, true]) {
      test(`${label}, ${desc ? 'latest' : 'earliest'} SLA due first: first and next page read index ranges`, () => {
        runs.length = 0;
        const s = { ...sort, desc };
        store.list({ ...filter, now }, s, null, 50);
        store.list({ ...filter, now }, s, ['2026-11-27T08:00:00.000Z', 12345], 50);
        const plans = plansOf(raw, runs);
        assert.equal(plans.length, 2);
        for (const { sql, plan } of plans) {
          assert.ok(
            plan.some((line) => /^SEARCH t USING (COVERING )?INDEX tickets_\w+_sla/.test(line)),
            `${label}: ${plan.join(' | ')}`,
          );
          // A reach condition reads its own column's range, not every ticket in the state.
          if (!filter.reach.everything) {
            assert.ok(!plan.some((line) => /tickets_state_sla/.test(line)), plan.join('\n'));
            for (const index of ['tickets_assignee_sla', 'tickets_creator_sla'])
              assert.ok(
                plan.some((line) => line.includes(index)),
                `${index}\n${plan.join('\n')}`,
              );
          }
          // Descending order reads the ranges backwards: only tickets due at the same instant
          // are put in number order.
          assert.deepEqual(
            costly(plan, { rightPart: desc }),
            [],
            `${label}: ${sql.replace(/\s+/g, ' ')}\n${plan.join('\n')}`,
          );
        }
      });
    }
  }
});
