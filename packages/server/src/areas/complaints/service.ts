/**
 * Complaints: filing (custom fields, routing, acknowledgement deadline, SLA), re-routing, the
 * verdict and the customer callback, and everything complaint-specific in the ticket life cycle
 * (acknowledgement on `start`, the escalation ceiling, the close guard, QA visibility of justified
 * complaints), through the ticket extension points.
 */
import {
  complaintAcknowledgeBy,
  complaintPriority,
  computeSla,
  normalizeCustomFields,
  routeComplaintTo,
  validateCustomFields,
  type ComplaintSeverity,
  type Role,
} from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Caller } from '../../core/auth.js';
import { problem, type FieldError } from '../../core/problems.js';
import type { DirectoryService } from '../directory/service.js';
import type { ComplaintCategory } from '../directory/store.js';
import type { SlaService } from '../sla/service.js';
import type { TicketExtension } from '../tickets/extensions.js';
import type { TicketService } from '../tickets/service.js';
import type { Channel, Ticket, TicketRecord } from '../tickets/store.js';
import type {
  CallRef,
  ComplaintDetails,
  ComplaintRecord,
  ComplaintStore,
  RoutingSuggestion,
} from './store.js';

type ComplaintCreate = Schema<'ComplaintCreate'>;
type RoutingRequest = Schema<'ComplaintRoutingRequest'>;
type VerdictRequest = Schema<'ComplaintVerdictRequest'>;
type CallbackRequest = Schema<'ComplaintCallbackRequest'>;

/** Roles that may choose the handling department themselves. */
const ROUTING_ROLES: readonly Role[] = ['complaint_supervisor', 'operations_manager'];
const SUBJECT_MAX = 200;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Looks a call record up (the calls area may register its own). */
export type CallLookup = (callId: string) => CallRef | undefined;

function codePoints(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export class ComplaintService {
  private callLookup: CallLookup;

  constructor(
    readonly store: ComplaintStore,
    private readonly tickets: TicketService,
    private readonly directory: DirectoryService,
    private readonly sla: SlaService,
  ) {
    this.callLookup = (id) => store.call(id);
  }

  /** Lets the calls area answer for `relatedCallId` (existence and who handled the call). */
  useCallLookup(lookup: CallLookup): void {
    this.callLookup = lookup;
  }

  // ---- routing ------------------------------------------------------------------------------------

  /** The category, checked to be an active leaf; errors are named at `path`. */
  private leafCategory(id: string, path: string, errors: FieldError[]): ComplaintCategory | null {
    const category = this.directory.store.category(id);
    if (!category || !category.active) {
      errors.push({ path, message: 'is not an active complaint category', code: 'reference' });
      return null;
    }
    if (this.store.hasChildren(id)) {
      errors.push({
        path,
        message: 'has subcategories; choose one of them',
        code: 'not_leaf',
      });
      return null;
    }
    return category;
  }

  private route(category: ComplaintCategory, severity: ComplaintSeverity, channel: Channel) {
    const parent = category.parentId ? this.directory.store.category(category.parentId) : null;
    return routeComplaintTo(this.store.routingRules(), {
      category,
      parent: parent ?? null,
      severity,
      channel,
    });
  }

  /** Due times of a complaint of `priority` filed at `now`, as its ticket will have them. */
  private slaDue(priority: Ticket['priority'], now: Date): RoutingSuggestion['sla'] {
    const policy = this.sla.policyFor('complaint', priority);
    if (!policy) {
      const at = now.toISOString();
      return { firstResponseDueAt: at, resolutionDueAt: at };
    }
    const result = computeSla({
      target: policy,
      calendar: this.sla.domainCalendar(),
      createdAt: now,
      firstRespondedAt: null,
      resolvedAt: null,
      pauses: [],
      now,
    });
    return {
      firstResponseDueAt: result.firstResponse.dueAt ?? now.toISOString(),
      resolutionDueAt: result.resolution.dueAt ?? now.toISOString(),
    };
  }

  /** GET /v1/complaints/routing-suggestion. */
  suggest(
    query: { categoryId: string; severity?: ComplaintSeverity; channel?: Channel },
    now: Date,
  ): RoutingSuggestion {
    const errors: FieldError[] = [];
    const category = this.leafCategory(query.categoryId, '/query/categoryId', errors);
    if (!category) throw problem.unprocessable('No routing for this category.', errors);
    const severity = query.severity ?? category.defaultSeverity;
    const route = this.route(category, severity, query.channel ?? 'phone');
    if (!route.departmentId) {
      throw problem.unprocessable('No handling department is set up for this category.', [
        { path: '/query/categoryId', message: 'has no handling department', code: 'no_department' },
      ]);
    }
    const priority = complaintPriority(severity);
    return {
      departmentId: route.departmentId,
      ruleId: route.ruleId,
      escalationLevel: route.escalationLevel,
      acknowledgeBy: complaintAcknowledgeBy(
        this.sla.domainCalendar(),
        now,
        route.acknowledgeWithinHours,
      ).toISOString(),
      priority,
      sla: this.slaDue(priority, now),
    };
  }

  // ---- filing -------------------------------------------------------------------------------------

  private callVisible(caller: Caller, call: CallRef): boolean {
    if (caller.role === 'agent') return call.agentId === caller.userId;
    if (caller.role === 'supervisor') return call.teamId !== null && call.teamId === caller.teamId;
    return true;
  }

  /** POST /v1/complaints. */
  file(caller: Caller, input: ComplaintCreate, now: Date): Ticket {
    if (input.departmentId !== undefined && !ROUTING_ROLES.includes(caller.role)) {
      throw problem.forbidden('Only complaint supervisors choose the handling department.', [
        {
          path: '/body/departmentId',
          message: 'may not be set by your role',
          code: 'forbidden',
        },
      ]);
    }
    const errors: FieldError[] = [];
    const category = this.leafCategory(input.categoryId, '/body/categoryId', errors);
    if (category) {
      for (const issue of validateCustomFields(category.customFields, input.customFields)) {
        errors.push({ path: `/body${issue.path}`, message: issue.message, code: issue.code });
      }
    }
    if (input.relatedTicketId !== undefined) {
      const reach = this.tickets.reachOf(caller);
      if (
        !this.tickets.store.get(input.relatedTicketId) ||
        !this.tickets.store.reachable(input.relatedTicketId, reach)
      ) {
        errors.push({
          path: '/body/relatedTicketId',
          message: 'is not a ticket you can see',
          code: 'reference',
        });
      }
    }
    if (input.relatedCallId !== undefined) {
      const call = this.callLookup(input.relatedCallId);
      if (!call || !this.callVisible(caller, call)) {
        errors.push({
          path: '/body/relatedCallId',
          message: 'is not a call you can see',
          code: 'reference',
        });
      }
    }
    if (input.departmentId !== undefined && !this.store.activeDepartment(input.departmentId)) {
      errors.push({
        path: '/body/departmentId',
        message: 'is not an active department',
        code: 'reference',
      });
    }
    const route = category ? this.route(category, input.severity, input.channel) : null;
    if (category && input.departmentId === undefined && !route?.departmentId) {
      errors.push({
        path: '/body/categoryId',
        message: 'has no handling department',
        code: 'no_department',
      });
    }
    if (errors.length || !category || !route) {
      throw problem.unprocessable('The complaint cannot be filed as it is.', errors);
    }

    const suggested = route.departmentId ?? input.departmentId!;
    const departmentId = input.departmentId ?? suggested;
    const at = now.toISOString();
    const acknowledgeBy = complaintAcknowledgeBy(
      this.sla.domainCalendar(),
      now,
      route.acknowledgeWithinHours,
    ).toISOString();
    const customFields = normalizeCustomFields(input.customFields);

    return this.tickets.create(
      caller,
      {
        kind: 'complaint',
        subject: input.subject ?? this.defaultSubject(category, input.description),
        description: input.description,
        priority: complaintPriority(input.severity),
        channel: input.channel,
        customer: input.customer,
        assigneeId: null,
        ...(caller.teamId ? { teamId: caller.teamId } : {}),
        departmentId,
        escalationLevel: route.escalationLevel,
        ...(input.relatedCallId !== undefined ? { relatedCallId: input.relatedCallId } : {}),
        ...(input.relatedTicketId !== undefined ? { relatedTicketId: input.relatedTicketId } : {}),
      },
      now,
      {
        internal: true,
        beforePublish: (record: TicketRecord) =>
          this.store.insert({
            ticketId: record.id,
            categoryId: category.id,
            severity: input.severity,
            desiredResolution: input.desiredResolution ?? '',
            customFields,
            preferredCallbackAt: input.preferredCallbackAt ?? null,
            suggestedDepartmentId: suggested,
            ruleId: route.ruleId,
            departmentId,
            routedBy: caller.userId,
            routedAt: at,
            routingReason: null,
            acknowledgeBy,
            acknowledgedAt: null,
            justified: null,
            finding: null,
            decidedBy: null,
            decidedAt: null,
            callbackOutcome: null,
            callbackAt: null,
            callbackNote: null,
            callbackBy: null,
            filedAt: record.createdAt,
          }),
      },
    );
  }

  /** The category's name (in the description's script) and the start of the description. */
  private defaultSubject(category: ComplaintCategory, description: string): string {
    const chinese = CJK.test(description);
    const name = chinese ? category.name['zh-Hans'] : category.name.en;
    const summary = description.replace(/\s+/g, ' ').trim();
    return codePoints(`${name}${chinese ? '：' : ': '}${summary}`, Math.min(SUBJECT_MAX, 80));
  }

  // ---- changes to a filed complaint ---------------------------------------------------------------

  /** A complaint the caller can see (404 otherwise), and its details. */
  private complaint(caller: Caller, ticketId: string): [TicketRecord, ComplaintRecord] {
    const ticket = this.tickets.record(caller, ticketId);
    const details = ticket.kind === 'complaint' ? this.store.get(ticketId) : undefined;
    if (!details) throw problem.notFound('complaint');
    return [ticket, details];
  }

  private assertOpen(ticket: TicketRecord, what: string): void {
    if (ticket.state === 'closed') {
      throw problem.invalidState(`This complaint is closed; its ${what} can no longer change.`);
    }
  }

  /** POST /v1/complaints/{id}/routing. */
  reroute(
    caller: Caller,
    ticketId: string,
    ifMatch: number | null,
    input: RoutingRequest,
    now: Date,
  ): Ticket {
    const [ticket] = this.complaint(caller, ticketId);
    this.assertOpen(ticket, 'routing');
    if (!this.store.activeDepartment(input.departmentId)) {
      throw problem.unprocessable('There is no such active department.', [
        { path: '/body/departmentId', message: 'is not an active department', code: 'reference' },
      ]);
    }
    const at = now.toISOString();
    this.store.setRouting(ticketId, {
      departmentId: input.departmentId,
      routedBy: caller.userId,
      routedAt: at,
      reason: input.reason ?? null,
    });
    return this.tickets.recordChange(
      caller,
      ticketId,
      ifMatch,
      {
        action: 'routed',
        changes: [{ field: 'departmentId', from: ticket.departmentId, to: input.departmentId }],
        ...(input.reason ? { note: input.reason } : {}),
        fields: { departmentId: input.departmentId },
      },
      now,
    );
  }

  /** POST /v1/complaints/{id}/verdict. */
  verdict(
    caller: Caller,
    ticketId: string,
    ifMatch: number | null,
    input: VerdictRequest,
    now: Date,
  ): Ticket {
    const [ticket, details] = this.complaint(caller, ticketId);
    this.assertOpen(ticket, 'verdict');
    this.store.setVerdict(ticketId, {
      justified: input.justified,
      finding: input.finding,
      decidedBy: caller.userId,
      decidedAt: now.toISOString(),
    });
    return this.tickets.recordChange(
      caller,
      ticketId,
      ifMatch,
      {
        action: 'verdict_recorded',
        changes: [
          { field: 'complaint.verdict.justified', from: details.justified, to: input.justified },
          { field: 'complaint.verdict.finding', from: details.finding, to: input.finding },
        ],
      },
      now,
    );
  }

  /** POST /v1/complaints/{id}/callback. */
  callback(
    caller: Caller,
    ticketId: string,
    ifMatch: number | null,
    input: CallbackRequest,
    now: Date,
  ): Ticket {
    const [ticket, details] = this.complaint(caller, ticketId);
    if (caller.role === 'agent' && ticket.assigneeId !== caller.userId) {
      throw problem.forbidden('Agents record callbacks only on complaints assigned to them.');
    }
    this.assertOpen(ticket, 'callback');
    const calledAt = input.calledAt ?? now.toISOString();
    if (Date.parse(calledAt) > now.getTime()) {
      throw problem.unprocessable('A callback cannot have happened in the future.', [
        { path: '/body/calledAt', message: 'is in the future', code: 'future' },
      ]);
    }
    const calledAtIso = new Date(calledAt).toISOString();
    const note = input.note ?? '';
    this.store.setCallback(ticketId, {
      outcome: input.outcome,
      calledAt: calledAtIso,
      note,
      by: caller.userId,
    });
    return this.tickets.recordChange(
      caller,
      ticketId,
      ifMatch,
      {
        action: 'callback_recorded',
        changes: [
          { field: 'complaint.callback.outcome', from: details.callbackOutcome, to: input.outcome },
          { field: 'complaint.callback.calledAt', from: details.callbackAt, to: calledAtIso },
        ],
        ...(note ? { note } : {}),
      },
      now,
    );
  }

  // ---- the ticket extension -----------------------------------------------------------------------

  private details(ticket: Ticket, record: ComplaintRecord, names: Map<string, string>) {
    const ref = (id: string) => ({ id, name: names.get(id) ?? id });
    const details: ComplaintDetails = {
      categoryId: record.categoryId,
      severity: record.severity,
      desiredResolution: record.desiredResolution,
      customFields: record.customFields,
      preferredCallbackAt: record.preferredCallbackAt,
      routing: {
        departmentId: record.departmentId,
        suggestedDepartmentId: record.suggestedDepartmentId,
        ruleId: record.ruleId,
        routedBy: ref(record.routedBy),
        routedAt: record.routedAt,
        reason: record.routingReason,
      },
      escalationLevel: ticket.escalationLevel,
      acknowledgeBy: record.acknowledgeBy,
      acknowledgedAt: record.acknowledgedAt,
      verdict:
        record.justified === null
          ? null
          : {
              justified: record.justified,
              finding: record.finding ?? '',
              decidedBy: ref(record.decidedBy!),
              decidedAt: record.decidedAt!,
            },
      callback:
        record.callbackOutcome === null
          ? null
          : {
              outcome: record.callbackOutcome,
              calledAt: record.callbackAt!,
              note: record.callbackNote ?? '',
              by: ref(record.callbackBy!),
            },
    };
    return details;
  }

  extension(): TicketExtension {
    return {
      name: 'complaints',
      decorate: (tickets) => {
        const ids = tickets.filter((t) => t.kind === 'complaint').map((t) => t.id);
        if (ids.length === 0) return;
        const records = this.store.many(ids);
        const people = new Set<string>();
        for (const r of records.values()) {
          people.add(r.routedBy);
          if (r.decidedBy) people.add(r.decidedBy);
          if (r.callbackBy) people.add(r.callbackBy);
        }
        const names = this.tickets.store.userNames([...people]);
        for (const ticket of tickets) {
          const record = records.get(ticket.id);
          if (record) ticket.complaint = this.details(ticket, record, names);
        }
      },
      visibility: { qa_specialist: this.store.justifiedCondition() },
      audience: (ticket) => (ticket.complaint?.verdict?.justified ? ['role:qa_specialist'] : []),
      complaintCloseFacts: (ticketId) => {
        const record = this.store.get(ticketId);
        if (!record) return undefined;
        return { verdict: record.justified, callbackOutcome: record.callbackOutcome };
      },
      // The escalation ceiling (level 3) is the tickets area's own guard.
      afterTransition: (event) => {
        if (event.transition === 'start' && event.before.kind === 'complaint') {
          this.store.acknowledge(event.before.id, event.now.toISOString());
        }
      },
    };
  }
}
