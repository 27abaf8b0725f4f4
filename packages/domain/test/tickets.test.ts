import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANNELS,
  PAUSING_STATES,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_MACHINES,
  TICKET_STATES,
  TICKET_TRANSITIONS,
  allowedTransitions,
  complaintCloseBlockers,
  initialState,
  isPausingState,
  isTerminal,
  isTicketKind,
  isTicketState,
  isTicketTransition,
  nextState,
  statesOf,
  type TicketKind,
  type TicketState,
  type TicketTransition,
} from '../src/tickets.js';

const FULL_KINDS: TicketKind[] = [
  'general_call',
  'work_order',
  'follow_up_call',
  'complaint',
  'online_response',
];
const SIMPLE_KINDS: TicketKind[] = ['harassment_call', 'voicemail', 'qa_review_request', 'praise'];

const FULL_TABLE = [
  ['new', 'start', 'open'],
  ['new', 'escalate', 'escalated'],
  ['open', 'await_customer', 'pending'],
  ['pending', 'resume', 'open'],
  ['open', 'escalate', 'escalated'],
  ['pending', 'escalate', 'escalated'],
  ['escalated', 'de_escalate', 'open'],
  ['open', 'resolve', 'resolved'],
  ['escalated', 'resolve', 'resolved'],
  ['resolved', 'reopen', 'open'],
  ['resolved', 'close', 'closed'],
];
const SIMPLE_TABLE = [
  ['new', 'start', 'open'],
  ['new', 'close', 'closed'],
  ['open', 'resolve', 'resolved'],
  ['resolved', 'reopen', 'open'],
  ['resolved', 'close', 'closed'],
];

function reachable(kind: TicketKind, from: TicketState): Set<TicketState> {
  const seen = new Set<TicketState>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const t of allowedTransitions(kind, state)) {
      const to = nextState(kind, state, t)!;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

describe('vocabularies', () => {
  test('kinds, states, transitions, priorities and channels are exactly as documented', () => {
    assert.deepEqual(
      [...TICKET_KINDS],
      [
        'general_call',
        'harassment_call',
        'work_order',
        'follow_up_call',
        'complaint',
        'voicemail',
        'qa_review_request',
        'online_response',
        'praise',
      ],
    );
    assert.deepEqual(
      [...TICKET_STATES],
      ['new', 'open', 'pending', 'escalated', 'resolved', 'closed'],
    );
    assert.deepEqual(
      [...TICKET_TRANSITIONS],
      [
        'start',
        'await_customer',
        'resume',
        'escalate',
        'de_escalate',
        'resolve',
        'reopen',
        'close',
      ],
    );
    assert.deepEqual([...PRIORITIES], ['low', 'normal', 'high', 'urgent']);
    assert.deepEqual(
      [...CHANNELS],
      ['phone', 'email', 'web', 'chat', 'social', 'walk_in', 'letter'],
    );
    assert.equal(initialState, 'new');
    assert.deepEqual([...PAUSING_STATES], ['pending']);
    assert.ok(isPausingState('pending') && !isPausingState('open'));
  });

  test('type guards', () => {
    assert.ok(isTicketKind('praise') && !isTicketKind('Praise') && !isTicketKind(1));
    assert.ok(isTicketState('closed') && !isTicketState('done'));
    assert.ok(isTicketTransition('de_escalate') && !isTicketTransition('delete'));
    assert.ok(!isTicketKind('toString') && !isTicketKind('__proto__'));
  });
});

describe('state machines', () => {
  test('every kind has a table, FULL or SIMPLE exactly as documented', () => {
    assert.deepEqual(Object.keys(TICKET_MACHINES).sort(), [...TICKET_KINDS].sort());
    for (const kind of FULL_KINDS) {
      assert.deepEqual(
        TICKET_MACHINES[kind].map((r) => [r.from, r.transition, r.to]),
        FULL_TABLE,
        kind,
      );
    }
    for (const kind of SIMPLE_KINDS) {
      assert.deepEqual(
        TICKET_MACHINES[kind].map((r) => [r.from, r.transition, r.to]),
        SIMPLE_TABLE,
        kind,
      );
    }
  });

  test('statesOf leaves out the states a machine never uses', () => {
    for (const kind of FULL_KINDS) assert.deepEqual(statesOf(kind), [...TICKET_STATES]);
    for (const kind of SIMPLE_KINDS) {
      assert.deepEqual(statesOf(kind), ['new', 'open', 'resolved', 'closed']);
    }
  });

  test('every state of each machine is reachable from new', () => {
    for (const kind of TICKET_KINDS) {
      assert.deepEqual([...reachable(kind, initialState)].sort(), [...statesOf(kind)].sort(), kind);
    }
  });

  test('closed is reachable from every state', () => {
    for (const kind of TICKET_KINDS) {
      for (const state of statesOf(kind)) {
        assert.ok(reachable(kind, state).has('closed'), `${kind}: ${state}`);
      }
    }
  });

  test('closed is the only terminal state, and it is final', () => {
    for (const kind of TICKET_KINDS) {
      const terminal = statesOf(kind).filter((s) => isTerminal(kind, s));
      assert.deepEqual(terminal, ['closed'], kind);
      assert.deepEqual(allowedTransitions(kind, 'closed'), []);
      for (const t of TICKET_TRANSITIONS) assert.equal(nextState(kind, 'closed', t), null);
    }
  });

  test('allowedTransitions lists transitions in table order', () => {
    assert.deepEqual(allowedTransitions('complaint', 'new'), ['start', 'escalate']);
    assert.deepEqual(allowedTransitions('complaint', 'open'), [
      'await_customer',
      'escalate',
      'resolve',
    ]);
    assert.deepEqual(allowedTransitions('complaint', 'pending'), ['resume', 'escalate']);
    assert.deepEqual(allowedTransitions('complaint', 'escalated'), ['de_escalate', 'resolve']);
    assert.deepEqual(allowedTransitions('complaint', 'resolved'), ['reopen', 'close']);
    assert.deepEqual(allowedTransitions('praise', 'new'), ['start', 'close']);
    assert.deepEqual(allowedTransitions('praise', 'open'), ['resolve']);
  });

  test('nextState follows the table and refuses everything else', () => {
    for (const kind of TICKET_KINDS) {
      const table = TICKET_MACHINES[kind];
      for (const state of TICKET_STATES) {
        for (const transition of TICKET_TRANSITIONS) {
          const rule = table.find((r) => r.from === state && r.transition === transition);
          assert.equal(nextState(kind, state, transition), rule ? rule.to : null);
        }
      }
    }
    assert.equal(nextState('voicemail', 'open', 'await_customer'), null);
    assert.equal(nextState('praise', 'new', 'escalate'), null);
    assert.equal(nextState('complaint', 'new', 'close'), null);
    assert.equal(nextState('complaint', 'open', 'fly' as TicketTransition), null);
    assert.equal(nextState('nope' as TicketKind, 'new', 'start'), null);
  });

  test('states outside a machine have no transitions and are not terminal', () => {
    assert.deepEqual(allowedTransitions('praise', 'pending'), []);
    assert.equal(isTerminal('praise', 'pending'), false);
    assert.equal(isTerminal('praise', 'escalated'), false);
  });
});

describe('complaintCloseBlockers', () => {
  test('needs a verdict and a callback outcome', () => {
    assert.deepEqual(complaintCloseBlockers({}), ['verdict_missing', 'callback_missing']);
    assert.deepEqual(complaintCloseBlockers({ verdict: null, callbackOutcome: null }), [
      'verdict_missing',
      'callback_missing',
    ]);
    assert.deepEqual(complaintCloseBlockers({ verdict: true, callbackOutcome: '  ' }), [
      'callback_missing',
    ]);
    assert.deepEqual(complaintCloseBlockers({ verdict: null, callbackOutcome: 'reached' }), [
      'verdict_missing',
    ]);
    assert.deepEqual(complaintCloseBlockers({ verdict: false, callbackOutcome: 'reached' }), []);
    assert.deepEqual(complaintCloseBlockers({ verdict: true, callbackOutcome: 'unreachable' }), []);
    // The complaint's own verdict object works as well.
    assert.deepEqual(
      complaintCloseBlockers({ verdict: { justified: false }, callbackOutcome: 'satisfied' }),
      [],
    );
  });
});
