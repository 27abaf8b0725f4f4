/**
 * Tickets: who sees which, what each role may change, the state machines, SLA clocks, the
 * activity log (written in the same transaction as every change) and the live events.
 */
import {
  addBusinessSeconds,
  allowedTransitions as machineTransitions,
  complaintCloseBlockers,
  computeSla,
  nextState,
  type Role,
  type SlaPause,
  type TicketKind,
  type TicketTransition,
} from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Services } from '../../core/area.js';
import type { Caller } from '../../core/auth.js';
import { assertUpdated } from '../../core/etag.js';
import type { UserRef } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { paginate, type Page } from '../../core/pagination.js';
import { HttpProblem, problem, type FieldError } from '../../core/problems.js';
import type { SlaService } from '../sla/service.js';
import type { TicketExtension, TransitionEvent } from './extensions.js';
import type {
  ActivityAction,
  ActivityEntry,
  Comment,
  Customer,
  Priority,
  Reach,
  SlaDerived,
  SlaSnapshot,
  SlaState,
  Ticket,
  TicketChanges,
  TicketFilter,
  TicketGroupBy,
  TicketRecord,
  TicketSort,
  TicketSortKey,
  TicketStore,
} from './store.js';

type TicketCreate = Schema<'TicketCreate'>;
type TicketPatch = Schema<'TicketPatch'>;
type TransitionInput = Schema<'TicketTransitionRequest'>;
type BulkRequest = Schema<'TicketBulkRequest'>;
type BulkResult = Schema<'TicketBulkResult'>;

/** Kinds that never have an SLA. */
export const NO_SLA_KINDS: readonly TicketKind[] = ['praise'];
/** Kinds only other operations create (POST /v1/complaints, disputing an evaluation). */
const NOT_CREATABLE_HERE: readonly TicketKind[] = ['complaint', 'qa_review_request'];
/** Roles that may change every field of the tickets they see. */
const FULL_EDIT_ROLES: readonly Role[] = [
  'supervisor',
  'complaint_supervisor',
  'operations_manager',
];
/** Fields an agent (or QA specialist) may change on their own tickets. */
const OWN_EDIT_FIELDS = new Set(['subject', 'description', 'priority', 'tags', 'customer']);
/** Roles that may transition tickets (x-roles of transitionTicket). */
const TRANSITION_ROLES: readonly Role[] = [
  'agent',
  'supervisor',
  'complaint_supervisor',
  'qa_specialist',
  'operations_manager',
];
const MAX_ESCALATION = 3;

export interface ListQuery {
  limit?: number;
  cursor?: string;
  kind?: TicketKind[];
  state?: TicketRecord['state'][];
  priority?: TicketRecord['priority'][];
  assigneeId?: string;
  teamId?: string;
  departmentId?: string;
  slaState?: SlaState[];
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort?: string;
}

/** What other areas may set when they create tickets of their kinds. */
export interface InternalTicketInput extends Omit<
  TicketCreate,
  'kind' | 'description' | 'assigneeId'
> {
  kind: TicketKind;
  description?: string;
  /** `null`: nobody, even when an agent creates it (absent: agents get their own tickets). */
  assigneeId?: string | null;
  escalationLevel?: number;
  evaluationId?: string | null;
}

export interface ChangeInput {
  action: ActivityAction;
  changes: { field: string; from: unknown; to: unknown }[];
  note?: string;
  /** Ticket fields that change with it (for instance the department when a complaint is routed). */
  fields?: TicketChanges;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** RFC 7396 merge of a customer patch into the stored customer. */
function mergeCustomer(current: Customer | null, patch: Customer | null): Customer | null {
  if (patch === null) return null;
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'masked') continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  delete merged.masked;
  return merged as Customer;
}

export class TicketService {
  private readonly extensions: TicketExtension[] = [];

  constructor(
    readonly store: TicketStore,
    private readonly services: Services,
    private readonly sla: SlaService,
  ) {}

  /** Adds another area's fields, visibility rules, guards and hooks to tickets. */
  extend(extension: TicketExtension): void {
    if (this.extensions.some((e) => e.name === extension.name)) {
      throw new Error(`A ticket extension named ${extension.name} exists already`);
    }
    this.extensions.push(extension);
  }

  // ---- reach and permissions ------------------------------------------------------------------

  reachOf(caller: Pick<Caller, 'userId' | 'role' | 'teamId'>): Reach {
    const extra = this.extensions
      .map((e) => e.visibility?.[caller.role])
      .filter((sql): sql is string => typeof sql === 'string');
    switch (caller.role) {
      case 'operations_manager':
      case 'survey_supervisor':
        return { everything: true };
      case 'supervisor':
        return {
          everything: false,
          userId: caller.userId,
          teamIds: caller.teamId ? [caller.teamId] : [],
          kinds: [],
          extra,
        };
      case 'complaint_supervisor':
        return {
          everything: false,
          userId: caller.userId,
          teamIds: [],
          kinds: ['complaint'],
          extra,
        };
      case 'qa_specialist':
        return {
          everything: false,
          userId: caller.userId,
          teamIds: [],
          kinds: ['qa_review_request', 'praise'],
          extra,
        };
      default:
        return { everything: false, userId: caller.userId, teamIds: [], kinds: [], extra };
    }
  }

  /** The transitions `role` may apply to a ticket of `kind` in `state` now. */
  allowedFor(kind: TicketKind, state: TicketRecord['state'], role: Role): TicketTransition[] {
    if (!TRANSITION_ROLES.includes(role)) return [];
    return machineTransitions(kind, state).filter(
      (t) => !(role === 'agent' && t === 'de_escalate'),
    );
  }

  /** A ticket the caller can reach; 404 otherwise (out of reach is invisible, not forbidden). */
  record(caller: Caller, id: string): TicketRecord {
    const record = this.store.get(id);
    if (!record || !this.store.reachable(id, this.reachOf(caller)))
      throw problem.notFound('ticket');
    return record;
  }

  // ---- reading ----------------------------------------------------------------------------------

  private slaOf(record: TicketRecord, pauses: SlaPause[], now: Date): Ticket['sla'] {
    if (!record.sla) return null;
    const result = computeSla({
      target: record.sla,
      calendar: this.sla.domainCalendar(),
      createdAt: record.createdAt,
      firstRespondedAt: record.firstRespondedAt,
      // A ticket dismissed without being resolved stops its clocks when it closes.
      resolvedAt: record.resolvedAt ?? record.closedAt,
      pauses,
      now,
    });
    return {
      policyId: record.sla.policyId,
      state: result.state,
      paused: result.paused,
      businessHours: record.sla.businessHours,
      asOf: now.toISOString(),
      firstResponse: result.firstResponse,
      resolution: { ...result.resolution, targetSeconds: record.sla.resolutionMinutes * 60 },
    };
  }

  /** Tickets as the API answers them, for a viewer of `role`, SLA as of `now` (not yet masked). */
  serialize(records: TicketRecord[], role: Role, now: Date): Ticket[] {
    const pauses = this.store.pauses(records.map((r) => r.id));
    const names = this.store.userNames(records.map((r) => r.createdBy));
    const tickets = records.map((r): Ticket => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      state: r.state,
      subject: r.subject,
      description: r.description,
      priority: r.priority,
      channel: r.channel,
      customer: r.customer,
      teamId: r.teamId,
      assigneeId: r.assigneeId,
      departmentId: r.departmentId,
      tags: r.tags,
      createdAt: r.createdAt,
      createdBy: { id: r.createdBy, name: names.get(r.createdBy) ?? r.createdBy },
      updatedAt: r.updatedAt,
      firstRespondedAt: r.firstRespondedAt,
      resolvedAt: r.resolvedAt,
      closedAt: r.closedAt,
      resolution: r.resolution,
      escalationLevel: r.escalationLevel,
      relatedCallId: r.relatedCallId,
      relatedTicketId: r.relatedTicketId,
      evaluationId: r.evaluationId,
      sla: this.slaOf(r, pauses.get(r.id) ?? [], now),
      allowedTransitions: this.allowedFor(r.kind, r.state, role),
      complaint: null,
      equipment: null,
      version: r.version,
    }));
    for (const extension of this.extensions) extension.decorate?.(tickets);
    return tickets;
  }

  view(caller: Caller, id: string, now: Date): Ticket {
    return this.serialize([this.record(caller, id)], caller.role, now)[0]!;
  }

  private filterOf(caller: Caller, query: ListQuery, now: Date): TicketFilter {
    const assignee =
      query.assigneeId === undefined
        ? undefined
        : query.assigneeId === 'me'
          ? caller.userId
          : query.assigneeId === 'none'
            ? null
            : query.assigneeId;
    return {
      reach: this.reachOf(caller),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.priority ? { priority: query.priority } : {}),
      ...(assignee !== undefined ? { assigneeId: assignee } : {}),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(query.departmentId ? { departmentId: query.departmentId } : {}),
      ...(query.slaState ? { slaState: query.slaState } : {}),
      ...(query.createdFrom ? { createdFrom: query.createdFrom } : {}),
      ...(query.createdTo ? { createdTo: query.createdTo } : {}),
      ...(query.q ? { q: query.q } : {}),
      now: now.toISOString(),
    };
  }

  list(caller: Caller, query: ListQuery, now: Date): Page<Ticket> {
    const filter = this.filterOf(caller, query, now);
    const sortText = query.sort ?? '-updatedAt';
    const sort: TicketSort = {
      key: sortText.replace(/^-/, '') as TicketSortKey,
      desc: sortText.startsWith('-'),
    };
    const { now: _now, reach: _reach, ...filters } = filter;
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'tickets', user: caller.userId, role: caller.role, filters, sort },
      select: (after, limit) => this.store.list(filter, sort, after, limit),
    });
    return { items: this.serialize(page.items, caller.role, now), nextCursor: page.nextCursor };
  }

  count(caller: Caller, query: ListQuery & { groupBy: TicketGroupBy }, now: Date) {
    const groups = this.store.count(this.filterOf(caller, query, now), query.groupBy);
    return {
      total: groups.reduce((sum, g) => sum + g.count, 0),
      groupBy: query.groupBy,
      groups: groups.map((g) => ({ key: g.key, count: g.count })),
    };
  }

  // ---- writing ----------------------------------------------------------------------------------

  private refErrors(input: {
    assigneeId?: string | null;
    teamId?: string | null;
    departmentId?: string | null;
    relatedTicketId?: string | null;
  }): FieldError[] {
    const errors: FieldError[] = [];
    if (input.assigneeId && !this.store.activeUser(input.assigneeId)) {
      errors.push({
        path: '/body/assigneeId',
        message: 'is not an active user',
        code: 'reference',
      });
    }
    if (input.teamId && !this.store.teamExists(input.teamId)) {
      errors.push({ path: '/body/teamId', message: 'is not a team', code: 'reference' });
    }
    if (input.departmentId && !this.store.departmentExists(input.departmentId)) {
      errors.push({
        path: '/body/departmentId',
        message: 'is not a department',
        code: 'reference',
      });
    }
    if (input.relatedTicketId && !this.store.get(input.relatedTicketId)) {
      errors.push({ path: '/body/relatedTicketId', message: 'is not a ticket', code: 'reference' });
    }
    return errors;
  }

  /** Creates a ticket (POST /v1/tickets), or, with `internal`, one of any kind for another area. */
  create(
    caller: Caller,
    input: InternalTicketInput,
    now: Date,
    options: { internal?: boolean; beforePublish?: (record: TicketRecord) => void } = {},
  ): Ticket {
    if (!options.internal && NOT_CREATABLE_HERE.includes(input.kind)) {
      throw problem.unprocessable(
        input.kind === 'complaint'
          ? 'Complaints are filed with POST /v1/complaints.'
          : 'QA-review requests are opened by disputing an evaluation.',
        [{ path: '/body/kind', message: `cannot be ${input.kind} here`, code: 'kind' }],
      );
    }
    const errors = this.refErrors(input);
    if (errors.length) throw problem.unprocessable('Some references do not exist.', errors);

    const assigneeId =
      input.assigneeId !== undefined
        ? input.assigneeId
        : caller.role === 'agent'
          ? caller.userId
          : null;
    const teamId =
      input.teamId ??
      (assigneeId ? (this.store.activeUser(assigneeId)?.teamId ?? null) : null) ??
      caller.teamId;
    const priority = input.priority ?? 'normal';
    const at = now.toISOString();
    const record: TicketRecord = {
      id: newId('tkt', now.getTime()),
      number: this.store.nextNumber(),
      kind: input.kind,
      state: 'new',
      subject: input.subject,
      description: input.description ?? '',
      priority,
      channel: input.channel ?? 'phone',
      customer: input.customer ? mergeCustomer(null, input.customer) : null,
      teamId,
      assigneeId,
      departmentId: input.departmentId ?? null,
      tags: input.tags ?? [],
      createdAt: at,
      createdBy: caller.userId,
      updatedAt: at,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      resolution: null,
      escalationLevel: input.escalationLevel ?? 0,
      relatedCallId: input.relatedCallId ?? null,
      relatedTicketId: input.relatedTicketId ?? null,
      evaluationId: input.evaluationId ?? null,
      sla: this.slaSnapshot(input.kind, priority),
      version: 1,
    };
    this.store.insert(record);
    this.activity(record.id, caller.userId, now, 'created', [
      { field: 'kind', from: null, to: record.kind },
      { field: 'state', from: null, to: 'new' },
      { field: 'priority', from: null, to: record.priority },
      ...(record.assigneeId ? [{ field: 'assigneeId', from: null, to: record.assigneeId }] : []),
      ...(record.teamId ? [{ field: 'teamId', from: null, to: record.teamId }] : []),
    ]);
    this.deriveSla(record, now);
    options.beforePublish?.(record);
    return this.publish(caller, record.id, 'ticket.created', now);
  }

  /** PATCH /v1/tickets/{id}: field-level permissions, merge-patch semantics, one activity entry. */
  update(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    patch: TicketPatch,
    now: Date,
  ): Ticket {
    const current = this.record(caller, id);
    this.assertMayEdit(caller, patch);
    if (current.state === 'closed') {
      throw problem.unprocessable('A closed ticket cannot be changed.');
    }
    const errors = this.refErrors(patch);
    if (errors.length) throw problem.unprocessable('Some references do not exist.', errors);

    const changes: TicketChanges = {};
    const log: ChangeInput['changes'] = [];
    const set = <K extends keyof TicketChanges>(field: K, value: TicketChanges[K]) => {
      const before = current[field as keyof TicketRecord];
      if (same(before, value)) return;
      changes[field] = value;
      log.push({ field, from: before ?? null, to: value ?? null });
    };
    if (patch.subject !== undefined) set('subject', patch.subject);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.priority !== undefined) set('priority', patch.priority);
    if (patch.channel !== undefined) set('channel', patch.channel);
    if (patch.tags !== undefined) set('tags', patch.tags);
    if (patch.customer !== undefined)
      set('customer', mergeCustomer(current.customer, patch.customer));
    if (patch.teamId !== undefined) set('teamId', patch.teamId);
    if (patch.assigneeId !== undefined) set('assigneeId', patch.assigneeId);
    if (patch.departmentId !== undefined) set('departmentId', patch.departmentId);

    if (log.length === 0) {
      // Nothing changes: still refuse a stale ETag, so the caller learns of the other change.
      if (ifMatch !== current.version) throw problem.preconditionFailed(ifMatch, current.version);
      return this.serialize([current], caller.role, now)[0]!;
    }
    return this.write(
      caller,
      current,
      ifMatch,
      { action: 'updated', changes: log, fields: changes },
      now,
    );
  }

  private assertMayEdit(caller: Caller, patch: TicketPatch): void {
    if (FULL_EDIT_ROLES.includes(caller.role)) return;
    const refused: FieldError[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (OWN_EDIT_FIELDS.has(field)) continue;
      if (field === 'assigneeId' && value === caller.userId) continue;
      refused.push({
        path: `/body/${field}`,
        message:
          field === 'assigneeId'
            ? 'may be set only to yourself by your role'
            : 'may not be changed by your role',
        code: 'forbidden',
      });
    }
    if (refused.length) {
      throw problem.forbidden(
        `The role ${caller.role} may not change ${refused.map((e) => e.path.slice(6)).join(', ')}.`,
        refused,
      );
    }
  }

  /** POST /v1/tickets/{id}/transitions. */
  transition(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    input: TransitionInput,
    now: Date,
    options: { system?: boolean } = {},
  ): Ticket {
    const current = options.system ? this.store.get(id) : this.record(caller, id);
    if (!current) throw problem.notFound('ticket');
    const { transition } = input;
    const to = nextState(current.kind, current.state, transition);
    const allowed = this.allowedFor(current.kind, current.state, caller.role);
    if (to && transition === 'de_escalate' && caller.role === 'agent' && !options.system) {
      throw problem.forbidden('Agents may not de-escalate a ticket; ask a supervisor.');
    }
    if (!to || (!options.system && !allowed.includes(transition))) {
      throw new HttpProblem(
        'transition-not-allowed',
        `A ${current.kind} in state ${current.state} cannot ${transition}; allowed now: ${allowed.join(', ') || 'nothing'}.`,
        { extras: { allowedTransitions: allowed } },
      );
    }
    if (transition === 'resolve' && !input.resolution) {
      throw problem.unprocessable('Resolving needs a resolution.', [
        { path: '/body/resolution', message: 'is required to resolve', code: 'required' },
      ]);
    }
    if ((transition === 'escalate' || transition === 'de_escalate') && !input.reason) {
      throw problem.unprocessable(`To ${transition.replace('_', '-')} needs a reason.`, [
        { path: '/body/reason', message: `is required to ${transition}`, code: 'required' },
      ]);
    }
    if (current.kind === 'complaint' && transition === 'close') {
      // The first extension that knows this complaint answers.
      const facts =
        this.extensions.map((e) => e.complaintCloseFacts?.(id)).find((f) => f !== undefined) ?? {};
      const blockers = complaintCloseBlockers(facts);
      if (blockers.length) {
        const missing = blockers.map((b) =>
          b === 'verdict_missing' ? 'a verdict' : 'a customer callback',
        );
        throw new HttpProblem(
          'complaint-not-closable',
          `This complaint cannot be closed without ${missing.join(' and ')}.`,
        );
      }
    }

    const at = now.toISOString();
    const fields: TicketChanges = { state: to };
    if (transition === 'start' && !current.firstRespondedAt) fields.firstRespondedAt = at;
    if (transition === 'resolve') {
      fields.resolvedAt = at;
      fields.resolution = input.resolution!;
    }
    if (transition === 'reopen') {
      fields.resolvedAt = null;
      fields.resolution = null;
    }
    if (transition === 'close') fields.closedAt = at;
    if (transition === 'escalate' && current.kind === 'complaint') {
      if (current.escalationLevel >= MAX_ESCALATION) {
        throw problem.invalidState(
          `This complaint is at the highest escalation level (${MAX_ESCALATION}) already.`,
        );
      }
      fields.escalationLevel = current.escalationLevel + 1;
    }
    const log: ChangeInput['changes'] = [];
    for (const [field, value] of Object.entries(fields) as [keyof TicketChanges, unknown][]) {
      const before = current[field as keyof TicketRecord] ?? null;
      if (!same(before, value)) log.push({ field, from: before, to: value });
    }
    const after: TicketRecord = {
      ...current,
      ...fields,
      updatedAt: at,
      version: current.version + 1,
    };
    const event: TransitionEvent = {
      actor: caller,
      transition,
      before: current,
      after,
      input,
      now,
    };
    for (const extension of this.extensions) extension.beforeTransition?.(event);

    if (to === 'pending' && current.state !== 'pending') this.store.openPause(id, at);
    if (current.state === 'pending' && to !== 'pending') this.store.closePause(id, at);
    if (input.comment) this.addCommentRecord(caller.userId, id, input.comment, 'internal', now);

    const note = input.reason ?? input.comment;
    const ticket = this.write(
      caller,
      current,
      options.system ? current.version : ifMatch,
      { action: 'transitioned', changes: log, fields, ...(note ? { note } : {}) },
      now,
      { transition, afterWrite: () => this.extensions.forEach((e) => e.afterTransition?.(event)) },
    );
    return ticket;
  }

  /**
   * Records a change another area makes to a ticket (a complaint routed, a verdict recorded):
   * checks the ETag in the UPDATE, bumps the version, writes the activity entry and the event.
   * `ifMatch: 'current'` skips the ETag check (server-side follow-ups of another write).
   */
  recordChange(
    caller: Caller,
    id: string,
    ifMatch: number | null | 'current',
    change: ChangeInput,
    now: Date,
  ): Ticket {
    const current = ifMatch === 'current' ? this.store.get(id) : this.record(caller, id);
    if (!current) throw problem.notFound('ticket');
    return this.write(
      caller,
      current,
      ifMatch === 'current' ? current.version : ifMatch,
      change,
      now,
    );
  }

  private write(
    caller: Caller,
    current: TicketRecord,
    ifMatch: number | null,
    change: ChangeInput,
    now: Date,
    extra: { transition?: TicketTransition; afterWrite?: () => void } = {},
  ): Ticket {
    const at = now.toISOString();
    const changed = this.store.update(current.id, ifMatch ?? -1, {
      ...change.fields,
      updatedAt: at,
    });
    assertUpdated(changed, ifMatch, () => this.store.get(current.id)?.version, 'ticket');
    this.activity(current.id, caller.userId, now, change.action, change.changes, {
      ...(extra.transition ? { transition: extra.transition } : {}),
      ...(change.note ? { note: change.note } : {}),
    });
    extra.afterWrite?.();
    const record = this.store.get(current.id)!;
    this.deriveSla(record, now);
    return this.publish(caller, current.id, 'ticket.updated', now);
  }

  /** POST /v1/tickets/bulk: each item on its own (a savepoint each), one result per item. */
  bulk(caller: Caller, request: BulkRequest, now: Date, requestId: string): BulkResult {
    if (request.action === 'assign' && !('assigneeId' in request)) {
      throw problem.unprocessable('Assigning needs an assigneeId (null to unassign).', [
        { path: '/body/assigneeId', message: 'is required with assign', code: 'required' },
      ]);
    }
    if (request.action === 'transition' && !request.transition) {
      throw problem.unprocessable('A bulk transition needs a transition.', [
        { path: '/body/transition', message: 'is required with transition', code: 'required' },
      ]);
    }
    const results: BulkResult['results'] = [];
    for (const item of request.items) {
      try {
        const ticket = this.services.tx(() => {
          const version = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(item.ifMatch);
          const ifMatch = version ? Number(version[1]) : null;
          return request.action === 'assign'
            ? this.update(caller, item.id, ifMatch, { assigneeId: request.assigneeId ?? null }, now)
            : this.transition(
                caller,
                item.id,
                ifMatch,
                {
                  transition: request.transition!,
                  ...(request.resolution ? { resolution: request.resolution } : {}),
                  ...(request.reason ? { reason: request.reason } : {}),
                },
                now,
              );
        });
        results.push({ id: item.id, status: 200, ticket });
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        results.push({ id: item.id, status: error.status, problem: error.toBody(requestId) });
      }
    }
    const succeeded = results.filter((r) => r.status === 200).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  // ---- comments and activity --------------------------------------------------------------------

  private addCommentRecord(
    authorId: string,
    ticketId: string,
    body: string,
    visibility: 'internal' | 'public',
    now: Date,
  ) {
    const record = {
      id: newId('cmt', now.getTime()),
      ticketId,
      authorId,
      body,
      visibility,
      createdAt: now.toISOString(),
    };
    this.store.addComment(record);
    return record;
  }

  private toComment(
    record: ReturnType<TicketService['addCommentRecord']>,
    names: Map<string, string>,
  ): Comment {
    return {
      id: record.id,
      ticketId: record.ticketId,
      author: { id: record.authorId, name: names.get(record.authorId) ?? record.authorId },
      body: record.body,
      visibility: record.visibility,
      createdAt: record.createdAt,
    };
  }

  comments(
    caller: Caller,
    ticketId: string,
    query: { limit?: number; cursor?: string },
  ): Page<Comment> {
    this.record(caller, ticketId);
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'comments', ticketId },
      select: (after, limit) => this.store.comments(ticketId, after, limit),
    });
    const names = this.store.userNames(page.items.map((c) => c.authorId));
    return { items: page.items.map((c) => this.toComment(c, names)), nextCursor: page.nextCursor };
  }

  /** Comments are append-only and do not change the ticket's version. */
  addComment(
    caller: Caller,
    ticketId: string,
    input: { body: string; visibility?: 'internal' | 'public' },
    now: Date,
  ): Comment {
    const ticket = this.record(caller, ticketId);
    const record = this.addCommentRecord(
      caller.userId,
      ticketId,
      input.body,
      input.visibility ?? 'internal',
      now,
    );
    this.activity(ticketId, caller.userId, now, 'commented', [], {});
    const comment = this.toComment(record, this.store.userNames([caller.userId]));
    const [audienceTicket] = this.serialize([ticket], 'operations_manager', now);
    this.services.events.publish({
      topic: 'tickets',
      type: 'ticket.commented',
      data: comment,
      audience: this.audienceOf(audienceTicket!),
      actor: { id: caller.userId, name: caller.name },
    });
    return comment;
  }

  activityLog(
    caller: Caller,
    ticketId: string,
    query: { limit?: number; cursor?: string },
  ): Page<ActivityEntry> {
    this.record(caller, ticketId);
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'activity', ticketId },
      select: (after, limit) => this.store.activity(ticketId, after, limit),
    });
    const names = this.store.userNames(page.items.map((a) => a.actorId));
    return {
      items: page.items.map((a): ActivityEntry => ({
        id: a.id,
        ticketId: a.ticketId,
        at: a.at,
        actor: { id: a.actorId, name: names.get(a.actorId) ?? a.actorId },
        action: a.action,
        ...(a.transition ? { transition: a.transition as TicketTransition } : {}),
        ...(a.note ? { note: a.note } : {}),
        changes: a.changes,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private activity(
    ticketId: string,
    actorId: string,
    now: Date,
    action: ActivityAction,
    changes: ChangeInput['changes'],
    extra: { transition?: string; note?: string } = {},
  ): void {
    this.store.addActivity({
      id: newId('act', now.getTime()),
      ticketId,
      at: now.toISOString(),
      actorId,
      action,
      changes,
      ...extra,
    });
  }

  // ---- SLA derivation -----------------------------------------------------------------------------

  /** Stores the SLA facts filters and sorting use; the answers compute `sla` afresh. */
  deriveSla(record: TicketRecord, now: Date): void {
    if (!record.sla) return;
    const pauses = this.store.pauses([record.id]).get(record.id) ?? [];
    this.store.setSlaDerived(record.id, this.slaDerived(record, pauses, now)!);
  }

  /** The SLA targets a new ticket of this kind and priority copies (null: the kind has no SLA). */
  slaSnapshot(kind: TicketKind, priority: Priority): SlaSnapshot | null {
    const policy = NO_SLA_KINDS.includes(kind) ? undefined : this.sla.policyFor(kind, priority);
    if (!policy) return null;
    return {
      policyId: policy.id,
      firstResponseMinutes: policy.firstResponseMinutes,
      resolutionMinutes: policy.resolutionMinutes,
      businessHours: policy.businessHours,
      atRiskRatio: policy.atRiskRatio,
    };
  }

  /** The SLA facts `deriveSla` stores, from a ticket and its pauses (null without an SLA). */
  slaDerived(record: TicketRecord, pauses: SlaPause[], now: Date): SlaDerived | null {
    if (!record.sla) return null;
    const sla = this.slaOf(record, pauses, now)!;
    const running = !sla.paused && record.resolvedAt === null && record.closedAt === null;
    let atRiskAt: string | null = null;
    if (running) {
      const threshold = record.sla.atRiskRatio * record.sla.resolutionMinutes * 60;
      const until = sla.resolution.remainingSeconds - threshold;
      atRiskAt =
        until <= 0
          ? now.toISOString()
          : record.sla.businessHours
            ? addBusinessSeconds(this.sla.domainCalendar(), now, until).toISOString()
            : new Date(now.getTime() + until * 1000).toISOString();
    }
    const derived: SlaDerived = {
      firstDueAt: sla.firstResponse.dueAt,
      dueAt: sla.resolution.dueAt,
      atRiskAt,
      breached: sla.state === 'breached',
    };
    return derived;
  }

  /** After the calendar changed: every running clock is derived again. */
  recomputeAllSla(now: Date): void {
    for (const id of this.store.openSlaTicketIds()) {
      const record = this.store.get(id);
      if (record) this.deriveSla(record, now);
    }
  }

  // ---- events -----------------------------------------------------------------------------------

  /** Who receives a ticket's events (see core/events.ts). */
  audienceOf(ticket: Ticket): string[] {
    const keys = new Set([
      'role:operations_manager',
      'role:survey_supervisor',
      `user:${ticket.createdBy.id}`,
    ]);
    if (ticket.assigneeId) keys.add(`user:${ticket.assigneeId}`);
    if (ticket.teamId) keys.add(`team:${ticket.teamId}:supervisor`);
    if (ticket.kind === 'complaint') keys.add('role:complaint_supervisor');
    if (ticket.kind === 'qa_review_request' || ticket.kind === 'praise')
      keys.add('role:qa_specialist');
    for (const extension of this.extensions) {
      for (const key of extension.audience?.(ticket) ?? []) keys.add(key);
    }
    return [...keys];
  }

  /** Publishes the ticket as it is now; returns it as the caller sees it. */
  private publish(
    caller: Caller,
    id: string,
    type: 'ticket.created' | 'ticket.updated',
    now: Date,
  ): Ticket {
    const record = this.store.get(id)!;
    const [full] = this.serialize([record], 'operations_manager', now);
    const actor: UserRef = { id: caller.userId, name: caller.name };
    this.services.events.publish({
      topic: 'tickets',
      type,
      data: full,
      audience: this.audienceOf(full!),
      actor,
    });
    return {
      ...full!,
      allowedTransitions: this.allowedFor(record.kind, record.state, caller.role),
    };
  }
}
