/** Storage of tickets, their SLA pauses, comments and activity. No SQL here: see sqlite-store.ts. */
import type { Role, SlaPause, TicketKind, TicketState } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type Ticket = Schema<'Ticket'>;
export type Customer = Schema<'Customer'>;
export type Comment = Schema<'Comment'>;
export type ActivityEntry = Schema<'ActivityEntry'>;
export type Priority = Schema<'Priority'>;
export type Channel = Schema<'Channel'>;
export type SlaState = Schema<'SlaState'>;
export type ActivityAction = Schema<'ActivityAction'>;

/** The SLA targets copied onto a ticket when it was created. */
export interface SlaSnapshot {
  policyId: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  businessHours: boolean;
  atRiskRatio: number;
}

/** Derived from the targets, the calendar and the pauses at the last write; for filters and sorting. */
export interface SlaDerived {
  firstDueAt: string | null;
  dueAt: string | null;
  atRiskAt: string | null;
  breached: boolean;
}

export interface TicketRecord {
  id: string;
  number: number;
  kind: TicketKind;
  state: TicketState;
  subject: string;
  description: string;
  priority: Priority;
  channel: Channel;
  customer: Customer | null;
  teamId: string | null;
  assigneeId: string | null;
  departmentId: string | null;
  tags: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  escalationLevel: number;
  relatedCallId: string | null;
  relatedTicketId: string | null;
  evaluationId: string | null;
  sla: SlaSnapshot | null;
  version: number;
}

/** The fields a write may change (never id, number, kind, createdAt, createdBy, version). */
export type TicketChanges = Partial<
  Omit<TicketRecord, 'id' | 'number' | 'kind' | 'createdAt' | 'createdBy' | 'version' | 'sla'>
>;

/** Which tickets a caller can reach. */
export type Reach =
  | { everything: true }
  | {
      everything: false;
      /** Tickets assigned to or created by this user. */
      userId: string;
      /** All tickets of these teams. */
      teamIds: string[];
      /** All tickets of these kinds. */
      kinds: TicketKind[];
      /** Further conditions other areas add for this role (store-specific, e.g. SQL over `t`). */
      extra: string[];
    };

export interface TicketFilter {
  reach: Reach;
  kind?: TicketKind[];
  state?: TicketState[];
  priority?: Priority[];
  /** A user ID, or null for unassigned. */
  assigneeId?: string | null;
  teamId?: string;
  departmentId?: string;
  slaState?: SlaState[];
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  /** The instant SLA states are judged at. */
  now: string;
}

export type TicketSortKey =
  'number' | 'createdAt' | 'updatedAt' | 'priority' | 'slaDueAt' | 'state' | 'kind';

export interface TicketSort {
  key: TicketSortKey;
  desc: boolean;
}

export type TicketGroupBy =
  'kind' | 'state' | 'priority' | 'slaState' | 'teamId' | 'departmentId' | 'assigneeId';

export interface NewActivity {
  ticketId: string;
  at: string;
  actorId: string;
  action: ActivityAction;
  transition?: string;
  note?: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface CommentRecord {
  id: string;
  ticketId: string;
  authorId: string;
  body: string;
  visibility: 'internal' | 'public';
  createdAt: string;
}

export interface ActivityRecord extends NewActivity {
  id: string;
}

export interface TicketStore {
  get(id: string): TicketRecord | undefined;
  /** Whether `reach` includes the ticket. */
  reachable(id: string, reach: Reach): boolean;
  list(
    filter: TicketFilter,
    sort: TicketSort,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<TicketRecord>[];
  count(filter: TicketFilter, groupBy: TicketGroupBy): { key: string | null; count: number }[];
  nextNumber(): number;
  insert(record: TicketRecord): void;
  /** Applies `changes` and bumps the version when it is still `version`; returns rows changed. */
  update(id: string, version: number, changes: TicketChanges): number;
  setSlaDerived(id: string, derived: SlaDerived): void;
  /** Tickets whose SLA clocks still run (not closed, with an SLA). */
  openSlaTicketIds(): string[];

  pauses(ticketIds: readonly string[]): Map<string, SlaPause[]>;
  openPause(ticketId: string, at: string): void;
  closePause(ticketId: string, at: string): void;

  addComment(comment: CommentRecord): void;
  comments(ticketId: string, after: KeyValue[] | null, limit: number): Keyed<CommentRecord>[];
  addActivity(entry: ActivityRecord): void;
  activity(ticketId: string, after: KeyValue[] | null, limit: number): Keyed<ActivityRecord>[];

  /** Names of users, for `{ id, name }` references. */
  userNames(ids: readonly string[]): Map<string, string>;
  /** Active users by id (to check assignees). */
  activeUser(id: string): { id: string; role: Role; teamId: string | null } | undefined;
  teamExists(id: string): boolean;
  departmentExists(id: string): boolean;
}
