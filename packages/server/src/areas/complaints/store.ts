/** Storage of complaint details (the `ticket_complaints` side table). No SQL here: see sqlite-store.ts. */
import type { CallbackOutcome, ComplaintRoutingRule, ComplaintSeverity } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';

export type ComplaintDetails = Schema<'ComplaintDetails'>;
export type RoutingSuggestion = Schema<'RoutingSuggestion'>;
export type CustomFieldValues = Record<string, string | number>;

export interface ComplaintRecord {
  ticketId: string;
  categoryId: string;
  severity: ComplaintSeverity;
  desiredResolution: string;
  customFields: CustomFieldValues;
  preferredCallbackAt: string | null;
  suggestedDepartmentId: string;
  ruleId: string | null;
  departmentId: string;
  routedBy: string;
  routedAt: string;
  routingReason: string | null;
  acknowledgeBy: string;
  acknowledgedAt: string | null;
  justified: boolean | null;
  finding: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  callbackOutcome: CallbackOutcome | null;
  callbackAt: string | null;
  callbackNote: string | null;
  callbackBy: string | null;
  /** The ticket's createdAt, copied for complaint figures per period. */
  filedAt: string;
}

export interface RoutingChange {
  departmentId: string;
  routedBy: string;
  routedAt: string;
  reason: string | null;
}

export interface VerdictChange {
  justified: boolean;
  finding: string;
  decidedBy: string;
  decidedAt: string;
}

export interface CallbackChange {
  outcome: CallbackOutcome;
  calledAt: string;
  note: string;
  by: string;
}

/** Where a call record was handled, for the visibility of `relatedCallId`. */
export interface CallRef {
  agentId: string | null;
  teamId: string | null;
}

export interface ComplaintStore {
  insert(record: ComplaintRecord): void;
  get(ticketId: string): ComplaintRecord | undefined;
  /** The details of those of these tickets that are complaints, in one query. */
  many(ticketIds: readonly string[]): Map<string, ComplaintRecord>;
  setRouting(ticketId: string, change: RoutingChange): void;
  setVerdict(ticketId: string, change: VerdictChange): void;
  setCallback(ticketId: string, change: CallbackChange): void;
  /** Records the first acknowledgement; a later one changes nothing. */
  acknowledge(ticketId: string, at: string): void;

  /** Every routing rule, in evaluation order. */
  routingRules(): ComplaintRoutingRule[];
  /** Whether a category has children (complaints are filed against leaves). */
  hasChildren(categoryId: string): boolean;
  /** An active department. */
  activeDepartment(id: string): boolean;
  /** A call record, when the calls area has any. */
  call(id: string): CallRef | undefined;
  /**
   * The condition (SQL over the tickets table aliased `t`) under which a QA specialist sees a
   * complaint: it was found justified.
   */
  justifiedCondition(): string;
}
