import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  TICKET_KINDS,
  TICKET_MACHINES,
  TICKET_STATES,
  TICKET_TRANSITIONS,
  PRIORITIES,
  CHANNELS,
  ROLES,
} from '@cc-kit/domain';
import { loadSpec } from '../src/load.js';

const doc = loadSpec();
const enumOf = (name: string) => (doc.components.schemas[name] as { enum: string[] }).enum;

interface Row {
  from: string;
  transition: string;
  to: string;
}

/** Reads the workflow tables of the API description: a bold heading naming the kinds, then a table. */
function documentedMachines(): Map<string, Row[]> {
  const machines = new Map<string, Row[]>();
  const description = doc.info.description ?? '';
  const blocks = description.split(/\n(?=\*\*[^*]+ workflow\*\*)/).slice(1);
  for (const block of blocks) {
    // A workflow's table ends where the next section of the description begins.
    const own = block.split(/\n## /)[0]!;
    const heading = own.split('\n')[0]!;
    const kinds = [...heading.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    const rows = own
      .split('\n')
      .filter((line) => /^\|\s*[a-z_]+\s*\|\s*[a-z_]+\s*\|\s*[a-z_]+\s*\|$/.test(line.trim()))
      .map((line) => {
        const [from, transition, to] = line
          .split('|')
          .slice(1, 4)
          .map((c) => c.trim());
        return { from: from!, transition: transition!, to: to! };
      })
      .filter((row) => row.from !== 'from');
    for (const kind of kinds) machines.set(kind, rows);
  }
  return machines;
}

describe('ticket state machines', () => {
  test('the spec enums equal the domain rules', () => {
    assert.deepEqual(enumOf('TicketKind'), [...TICKET_KINDS]);
    assert.deepEqual(enumOf('TicketState'), [...TICKET_STATES]);
    assert.deepEqual(enumOf('TicketTransition'), [...TICKET_TRANSITIONS]);
    assert.deepEqual(enumOf('Priority'), [...PRIORITIES]);
    assert.deepEqual(enumOf('Channel'), [...CHANNELS]);
    assert.deepEqual(enumOf('Role'), [...ROLES]);
  });

  test('the documented tables name every kind once and equal the enforced machines', () => {
    const documented = documentedMachines();
    assert.deepEqual([...documented.keys()].sort(), [...TICKET_KINDS].sort());
    for (const kind of TICKET_KINDS) {
      const enforced = TICKET_MACHINES[kind].map(({ from, transition, to }) => ({
        from,
        transition,
        to,
      }));
      assert.deepEqual(documented.get(kind), enforced, `table for ${kind}`);
    }
  });

  for (const kind of TICKET_KINDS) {
    test(`${kind}: every state is reachable from new, and closed is final and reachable`, () => {
      const rows = TICKET_MACHINES[kind];
      const states = new Set(rows.flatMap((r) => [r.from, r.to]));
      const reachable = new Set<string>(['new']);
      for (let grew = true; grew;) {
        grew = false;
        for (const r of rows) {
          if (reachable.has(r.from) && !reachable.has(r.to)) {
            reachable.add(r.to);
            grew = true;
          }
        }
      }
      assert.deepEqual([...states].sort(), [...reachable].sort(), 'unreachable states');
      assert.ok(!rows.some((r) => r.from === 'closed'), 'closed must be terminal');
      // Every non-terminal state can still reach closed.
      for (const state of states) {
        const seen = new Set([state]);
        const queue = [state];
        while (queue.length) {
          const s = queue.shift()!;
          for (const r of rows.filter((x) => x.from === s && !seen.has(x.to))) {
            seen.add(r.to);
            queue.push(r.to);
          }
        }
        assert.ok(seen.has('closed'), `${kind}: ${state} cannot reach closed`);
      }
    });
  }
});
