/**
 * Ticket kinds and their state machines.
 *
 * Every ticket kind follows one of two machines. FULL is for work that may wait on the customer
 * and may be escalated; SIMPLE is for kinds that are only looked at, handled and closed (or
 * dismissed straight away). `closed` is final in both.
 */

export const TICKET_KINDS = [
  'general_call',
  'harassment_call',
  'work_order',
  'follow_up_call',
  'complaint',
  'voicemail',
  'qa_review_request',
  'online_response',
  'praise',
] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_STATES = ['new', 'open', 'pending', 'escalated', 'resolved', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_TRANSITIONS = [
  'start',
  'await_customer',
  'resume',
  'escalate',
  'de_escalate',
  'resolve',
  'reopen',
  'close',
] as const;
export type TicketTransition = (typeof TICKET_TRANSITIONS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['phone', 'email', 'web', 'chat', 'social', 'walk_in', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One edge of a state machine: `transition` moves a ticket from `from` to `to`. */
export interface TicketTransitionRule {
  readonly from: TicketState;
  readonly transition: TicketTransition;
  readonly to: TicketState;
}

/** The two machines, named for documentation and for grouping kinds. */
export type TicketMachineName = 'full' | 'simple';

/** Every ticket starts here. */
export const initialState = 'new' satisfies TicketState;

/** States in which the SLA resolution clock stops (waiting on the customer). */
export const PAUSING_STATES: readonly TicketState[] = ['pending'];

/** The FULL machine: may wait on the customer and may be escalated. */
export const FULL_MACHINE: readonly TicketTransitionRule[] = [
  { from: 'new', transition: 'start', to: 'open' },
  { from: 'new', transition: 'escalate', to: 'escalated' },
  { from: 'open', transition: 'await_customer', to: 'pending' },
  { from: 'pending', transition: 'resume', to: 'open' },
  { from: 'open', transition: 'escalate', to: 'escalated' },
  { from: 'pending', transition: 'escalate', to: 'escalated' },
  { from: 'escalated', transition: 'de_escalate', to: 'open' },
  { from: 'open', transition: 'resolve', to: 'resolved' },
  { from: 'escalated', transition: 'resolve', to: 'resolved' },
  { from: 'resolved', transition: 'reopen', to: 'open' },
  { from: 'resolved', transition: 'close', to: 'closed' },
];

/** The SIMPLE machine: handled and closed, or dismissed (`new -close-> closed`). */
export const SIMPLE_MACHINE: readonly TicketTransitionRule[] = [
  { from: 'new', transition: 'start', to: 'open' },
  { from: 'new', transition: 'close', to: 'closed' },
  { from: 'open', transition: 'resolve', to: 'resolved' },
  { from: 'resolved', transition: 'reopen', to: 'open' },
  { from: 'resolved', transition: 'close', to: 'closed' },
];

/** Which machine each kind follows. */
export const TICKET_KIND_MACHINE: Readonly<Record<TicketKind, TicketMachineName>> = {
  general_call: 'full',
  harassment_call: 'simple',
  work_order: 'full',
  follow_up_call: 'full',
  complaint: 'full',
  voicemail: 'simple',
  qa_review_request: 'simple',
  online_response: 'full',
  praise: 'simple',
};

/** The transition table of each ticket kind. */
export const TICKET_MACHINES: Readonly<Record<TicketKind, readonly TicketTransitionRule[]>> = {
  general_call: FULL_MACHINE,
  harassment_call: SIMPLE_MACHINE,
  work_order: FULL_MACHINE,
  follow_up_call: FULL_MACHINE,
  complaint: FULL_MACHINE,
  voicemail: SIMPLE_MACHINE,
  qa_review_request: SIMPLE_MACHINE,
  online_response: FULL_MACHINE,
  praise: SIMPLE_MACHINE,
};

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function isTicketKind(value: unknown): value is TicketKind {
  return includes(TICKET_KINDS, value);
}
export function isTicketState(value: unknown): value is TicketState {
  return includes(TICKET_STATES, value);
}
export function isTicketTransition(value: unknown): value is TicketTransition {
  return includes(TICKET_TRANSITIONS, value);
}
export function isPriority(value: unknown): value is Priority {
  return includes(PRIORITIES, value);
}
export function isChannel(value: unknown): value is Channel {
  return includes(CHANNELS, value);
}

function machineOf(kind: TicketKind): readonly TicketTransitionRule[] {
  return Object.prototype.hasOwnProperty.call(TICKET_MACHINES, kind) ? TICKET_MACHINES[kind] : [];
}

/**
 * The states a kind's machine uses, in {@link TICKET_STATES} order. SIMPLE kinds never are
 * `pending` or `escalated`.
 */
export function statesOf(kind: TicketKind): TicketState[] {
  const used = new Set<TicketState>([initialState]);
  for (const rule of machineOf(kind)) {
    used.add(rule.from);
    used.add(rule.to);
  }
  return TICKET_STATES.filter((state) => used.has(state));
}

/** Transitions allowed for a ticket of `kind` in `state`, in table order. */
export function allowedTransitions(kind: TicketKind, state: TicketState): TicketTransition[] {
  return machineOf(kind)
    .filter((rule) => rule.from === state)
    .map((rule) => rule.transition);
}

/** The state `transition` leads to, or `null` when the machine does not allow it. */
export function nextState(
  kind: TicketKind,
  state: TicketState,
  transition: TicketTransition,
): TicketState | null {
  const rule = machineOf(kind).find((r) => r.from === state && r.transition === transition);
  return rule ? rule.to : null;
}

/** True when `state` belongs to the kind's machine and no transition leads out of it. */
export function isTerminal(kind: TicketKind, state: TicketState): boolean {
  return statesOf(kind).includes(state) && allowedTransitions(kind, state).length === 0;
}

/** True when the SLA resolution clock stops in `state`. */
export function isPausingState(state: TicketState): boolean {
  return PAUSING_STATES.includes(state);
}

/** Machine-readable reasons why a complaint cannot be closed yet. */
export type ComplaintCloseBlocker = 'verdict_missing' | 'callback_missing';

export interface ComplaintCloseFacts {
  /**
   * The investigation's verdict: justified `true` or `false` (or the complaint's verdict object,
   * `{ justified }`); `null`/absent while undecided.
   */
  verdict?: boolean | { justified: boolean } | null;
  /** The customer-callback outcome; absent, `null` or blank while the callback is not recorded. */
  callbackOutcome?: string | null;
}

/**
 * Guard for closing a complaint: it needs a verdict (justified true or false) and a recorded
 * customer-callback outcome. Returns the missing pieces, `[]` when the complaint may be closed.
 */
export function complaintCloseBlockers(facts: ComplaintCloseFacts): ComplaintCloseBlocker[] {
  const blockers: ComplaintCloseBlocker[] = [];
  const verdict = facts.verdict;
  const justified = typeof verdict === 'object' && verdict !== null ? verdict.justified : verdict;
  if (typeof justified !== 'boolean') blockers.push('verdict_missing');
  if (typeof facts.callbackOutcome !== 'string' || facts.callbackOutcome.trim() === '') {
    blockers.push('callback_missing');
  }
  return blockers;
}
