/**
 * Equipment-check rules that the checklist and the server compute identically: when a seat's
 * check is due, what a check needs before it can be submitted, its progress and summary, the
 * pass rate, and the priority of the maintenance work order a finding opens.
 */
import type { Priority } from './tickets.js';

export const ASSET_TYPES = [
  'headset',
  'phone',
  'workstation',
  'monitor',
  'softphone_licence',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_STATUSES = ['in_service', 'faulty', 'missing', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const CHECK_RESULTS = ['pass', 'fail', 'missing', 'not_applicable'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const DUE_STATES = ['ok', 'due', 'overdue'] as const;
export type DueState = (typeof DUE_STATES)[number];

/** A seat is `due` within this many days before its due date. */
export const CHECK_DUE_WINDOW_DAYS = 3;

const DAY_MS = 86_400_000;

/** Assets a check covers: everything but retired ones. */
export function isCheckedStatus(status: AssetStatus): boolean {
  return status !== 'retired';
}

/** Results that open a maintenance work order (and need a note). */
export function isFinding(result: CheckResult | null | undefined): result is 'fail' | 'missing' {
  return result === 'fail' || result === 'missing';
}

/** The work order's priority: a missing asset is high, a faulty one normal. */
export function findingPriority(result: 'fail' | 'missing'): Priority {
  return result === 'missing' ? 'high' : 'normal';
}

/** The asset status a finding leaves: `fail` -> faulty, `missing` -> missing. */
export function findingStatus(result: 'fail' | 'missing'): 'faulty' | 'missing' {
  return result === 'fail' ? 'faulty' : 'missing';
}

export interface CheckDueInput {
  /** When the seat's last submitted check was submitted; null when never checked. */
  lastCheckedAt: string | Date | null;
  /** The team's `equipmentCheckCadenceDays`. */
  cadenceDays: number;
  /** When the seat was created: the due date of a seat never checked. */
  seatCreatedAt: string | Date;
  now: string | Date;
}

export interface CheckDue {
  /** RFC 3339 UTC, with milliseconds. */
  dueAt: string;
  state: DueState;
  /** Whole days past `dueAt` (0 unless overdue). */
  overdueDays: number;
}

const ms = (value: string | Date) =>
  typeof value === 'string' ? Date.parse(value) : value.getTime();

/**
 * A seat's check is due `cadenceDays` after its last submitted check (a seat never checked: since
 * it was created). `overdue` once now is past the due date, `due` within the last
 * {@link CHECK_DUE_WINDOW_DAYS} days before it, `ok` before that.
 */
export function checkDue(input: CheckDueInput): CheckDue {
  const due =
    input.lastCheckedAt === null
      ? ms(input.seatCreatedAt)
      : ms(input.lastCheckedAt) + input.cadenceDays * DAY_MS;
  const now = ms(input.now);
  const state: DueState =
    now > due ? 'overdue' : now >= due - CHECK_DUE_WINDOW_DAYS * DAY_MS ? 'due' : 'ok';
  return {
    dueAt: new Date(due).toISOString(),
    state,
    overdueDays: state === 'overdue' ? Math.floor((now - due) / DAY_MS) : 0,
  };
}

/** What the rules need of a check item (the API's `CheckItem` fits). */
export interface CheckItemLike {
  result: CheckResult | null;
  note?: string | null;
}

export interface CheckItemProblem {
  /** Index of the item in the check. */
  index: number;
  field: 'result' | 'note';
  code: 'required';
}

/**
 * What stops a check from being submitted: every item needs a result, and a `fail` or `missing`
 * one a note (not blank). One entry per problem, in item order.
 */
export function checkSubmitProblems(items: readonly CheckItemLike[]): CheckItemProblem[] {
  const problems: CheckItemProblem[] = [];
  items.forEach((item, index) => {
    if (item.result === null || item.result === undefined) {
      problems.push({ index, field: 'result', code: 'required' });
    } else if (isFinding(item.result) && !(item.note ?? '').trim()) {
      problems.push({ index, field: 'note', code: 'required' });
    }
  });
  return problems;
}

/** Items with a result, of all. */
export function checkProgress(items: readonly CheckItemLike[]): { total: number; done: number } {
  return { total: items.length, done: items.filter((i) => i.result !== null).length };
}

export interface CheckSummary {
  pass: number;
  fail: number;
  missing: number;
  notApplicable: number;
}

export function checkSummary(items: readonly CheckItemLike[]): CheckSummary {
  const summary: CheckSummary = { pass: 0, fail: 0, missing: 0, notApplicable: 0 };
  for (const item of items) {
    if (item.result === 'pass') summary.pass++;
    else if (item.result === 'fail') summary.fail++;
    else if (item.result === 'missing') summary.missing++;
    else if (item.result === 'not_applicable') summary.notApplicable++;
  }
  return summary;
}

/**
 * Share of the items that passed, of those that pass, fail or are missing (`not_applicable` ones
 * do not count); null when none does.
 */
export function passRate(summary: CheckSummary): number | null {
  const counted = summary.pass + summary.fail + summary.missing;
  return counted === 0 ? null : summary.pass / counted;
}
