/**
 * Quality assurance: scorecard templates, evaluations, disputes and calibration.
 *
 * Scores are only ever computed by `scoreEvaluation` of @cc-kit/domain (the scorecard widget shows
 * the same number); answers are checked by `validateAnswers`, templates by `validateTemplate`.
 *
 * Life cycle: draft -> submitted (revision 1) -> acknowledged | disputed; disputed -> resolved;
 * submitted, acknowledged and resolved -> disputed again while the template's dispute window is
 * open and fewer than `maxDisputes` disputes were raised. Every scored revision is kept.
 */
import {
  calibrationDeviation,
  isValueInScale,
  scoreEvaluation,
  validateAnswers,
  validateTemplate,
  type AnswerIssue,
  type ScorecardTemplateLike,
} from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Services } from '../../core/area.js';
import type { Caller } from '../../core/auth.js';
import { assertUpdated } from '../../core/etag.js';
import { newId } from '../../core/ids.js';
import { paginate, type Page } from '../../core/pagination.js';
import { HttpProblem, problem, type FieldError } from '../../core/problems.js';
import type {
  AcceptedItem,
  CalibrationSession,
  DisputeRecord,
  Evaluation,
  EvaluationAnswer,
  EvaluationChanges,
  EvaluationReach,
  EvaluationRecord,
  EvaluationState,
  EvaluationVersion,
  QaStore,
  ScorecardCriterionLike,
  ScorecardTemplate,
  TemplateRecord,
  TemplateStatus,
} from './store.js';

type TemplateInput = Schema<'ScorecardTemplateInput'>;
type EvaluationCreate = Schema<'EvaluationCreate'>;
type EvaluationPatch = Schema<'EvaluationPatch'>;
type DisputeCreate = Schema<'DisputeCreate'>;
type DisputeResolutionRequest = Schema<'DisputeResolutionRequest'>;
type CalibrationSessionCreate = Schema<'CalibrationSessionCreate'>;
type EvaluationAction = Schema<'EvaluationAction'>;

const DAY_MS = 86_400_000;
/** States from which the evaluated agent may dispute (window and count permitting). */
const DISPUTABLE: readonly EvaluationState[] = ['submitted', 'acknowledged', 'resolved'];
/** Roles that may score calls (x-roles of createEvaluation / updateEvaluation). */
const EVALUATOR_ROLES = ['supervisor', 'qa_specialist'];

/**
 * What QA needs from the tickets area: the `qa_review_request` ticket of a dispute, and the
 * tickets an evaluation may link. See tickets-link.ts for the implementation over TicketService.
 */
export interface ReviewTickets {
  /** Opens the review-request ticket of a dispute (SLA, activity and events by the tickets area). */
  openReviewRequest(
    caller: Caller,
    input: { evaluationId: string; teamId: string | null; subject: string; description: string },
    now: Date,
  ): string;
  /** Resolves the review-request ticket when it is still being worked on. */
  resolveReviewRequest(caller: Caller, ticketId: string, resolution: string, now: Date): void;
  /** Why `caller` may not link the ticket to an evaluation, or null when they may. */
  linkRefusal(caller: Caller, ticketId: string, now: Date): string | null;
}

export interface EvaluationListQuery {
  limit?: number;
  cursor?: string;
  agentId?: string;
  teamId?: string;
  evaluatorId?: string;
  callId?: string;
  state?: EvaluationState[];
}

/** `answers/3/value` (a domain path) -> `/body/answers/3/value`. */
function pointer(prefix: string, path: string): string {
  return `${prefix}/${path}`;
}

const ANSWER_MESSAGES: Record<AnswerIssue['code'], string> = {
  unknown_criterion: 'is not a criterion of this template version',
  value_out_of_range: 'is outside the scale of the criterion',
  na_not_allowed: 'N/A is not allowed for this criterion',
  answer_missing: 'needs a value or N/A',
  comment_required: 'a comment is required for this value',
  duplicate_answer: 'answers a criterion a second time',
};

function answerErrors(prefix: string, issues: AnswerIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: pointer(prefix, issue.path),
    message: issue.criterionId
      ? `${ANSWER_MESSAGES[issue.code]} (${issue.criterionId})`
      : ANSWER_MESSAGES[issue.code],
    code: issue.code,
  }));
}

/** An answer as stored: N/A answers carry no value, comments are null when absent. */
function normalizeAnswer(answer: EvaluationAnswer): EvaluationAnswer {
  return {
    criterionId: answer.criterionId,
    value: answer.na ? null : answer.value,
    na: answer.na,
    comment: answer.comment ?? null,
  };
}

function criteriaOf(template: ScorecardTemplateLike): Map<string, ScorecardCriterionLike> {
  const map = new Map<string, ScorecardCriterionLike>();
  for (const section of template.sections) {
    for (const criterion of section.criteria) map.set(criterion.id, criterion);
  }
  return map;
}

export class QaService {
  /** Template versions never change: cached by `id@version`. */
  private readonly templateCache = new Map<string, TemplateRecord>();

  constructor(
    readonly store: QaStore,
    private readonly services: Services,
    private readonly tickets: ReviewTickets,
  ) {}

  // ---- templates ---------------------------------------------------------------------------------

  private templateVersion(id: string, version: number): TemplateRecord | undefined {
    const key = `${id}@${version}`;
    let record = this.templateCache.get(key);
    if (!record) {
      record = this.store.template(id, version);
      if (record) this.templateCache.set(key, record);
    }
    return record;
  }

  private toTemplate(record: TemplateRecord, names?: Map<string, string>): ScorecardTemplate {
    const createdBy = names ?? this.store.userNames([record.createdBy]);
    return {
      id: record.id,
      version: record.version,
      name: record.name,
      ...(record.description ? { description: record.description } : {}),
      status: record.status,
      disputeWindowDays: record.disputeWindowDays,
      maxDisputes: record.maxDisputes,
      sections: record.sections,
      createdAt: record.createdAt,
      createdBy: {
        id: record.createdBy,
        name: createdBy.get(record.createdBy) ?? record.createdBy,
      },
    };
  }

  listTemplates(query: {
    limit?: number;
    cursor?: string;
    status?: TemplateStatus;
  }): Page<ScorecardTemplate> {
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'qa_templates', status: query.status ?? null },
      select: (after, limit) => this.store.templates(query.status, after, limit),
    });
    const names = this.store.userNames(page.items.map((t) => t.createdBy));
    return { items: page.items.map((t) => this.toTemplate(t, names)), nextCursor: page.nextCursor };
  }

  getTemplate(id: string, version?: number): ScorecardTemplate {
    const record =
      version === undefined ? this.store.template(id) : this.templateVersion(id, version);
    if (!record) throw problem.notFound('scorecard template (version)');
    return this.toTemplate(record);
  }

  private checkTemplate(input: TemplateInput): void {
    const issues = validateTemplate(input);
    if (issues.length) {
      throw problem.unprocessable(
        'The scorecard template breaks a rule.',
        issues.map((issue) => ({
          path: pointer('/body', issue.path),
          message:
            issue.code === 'critical_requires_yes_no'
              ? 'a critical criterion must use the yes_no scale'
              : issue.code.replace(/_/g, ' '),
          code: issue.code,
        })),
      );
    }
  }

  private templateRecord(
    id: string,
    version: number,
    input: TemplateInput,
    caller: Caller,
    now: Date,
  ): TemplateRecord {
    return {
      id,
      version,
      name: input.name,
      description: input.description ?? null,
      status: input.status ?? 'active',
      disputeWindowDays: input.disputeWindowDays ?? 7,
      maxDisputes: input.maxDisputes ?? 2,
      sections: input.sections,
      createdAt: now.toISOString(),
      createdBy: caller.userId,
    };
  }

  createTemplate(caller: Caller, input: TemplateInput, now: Date): ScorecardTemplate {
    this.checkTemplate(input);
    const record = this.templateRecord(newId('tpl', now.getTime()), 1, input, caller, now);
    this.store.insertTemplate(record);
    return this.toTemplate(record);
  }

  publishTemplate(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    input: TemplateInput,
    now: Date,
  ): ScorecardTemplate {
    const current = this.store.template(id);
    if (!current) throw problem.notFound('scorecard template');
    this.checkTemplate(input);
    const record = this.templateRecord(id, (ifMatch ?? current.version) + 1, input, caller, now);
    const changes = ifMatch === null ? 0 : this.store.publishTemplate(record);
    assertUpdated(changes, ifMatch, () => this.store.template(id)?.version, 'scorecard template');
    return this.toTemplate(record);
  }

  // ---- reach and permissions ---------------------------------------------------------------------

  reachOf(caller: Pick<Caller, 'userId' | 'role' | 'teamId'>): EvaluationReach {
    switch (caller.role) {
      case 'qa_specialist':
      case 'operations_manager':
        return { everything: true };
      case 'supervisor':
        return { teamId: caller.teamId, userId: caller.userId };
      case 'agent':
        return { agentId: caller.userId };
      default:
        return { teamId: null, userId: null };
    }
  }

  /** An evaluation the caller can reach; 404 otherwise (out of reach is invisible). */
  private record(caller: Caller, id: string): EvaluationRecord {
    const record = this.store.evaluation(id);
    if (!record || !this.store.reachable(record, this.reachOf(caller))) {
      throw problem.notFound('evaluation');
    }
    return record;
  }

  private template(record: { templateId: string; templateVersion: number }): TemplateRecord {
    const template = this.templateVersion(record.templateId, record.templateVersion);
    if (!template)
      throw new Error(`Template ${record.templateId}@${record.templateVersion} is gone`);
    return template;
  }

  private windowEndsAt(record: EvaluationRecord, template: TemplateRecord): string | null {
    if (!record.submittedAt) return null;
    return new Date(
      Date.parse(record.submittedAt) + template.disputeWindowDays * DAY_MS,
    ).toISOString();
  }

  /** What `caller` may do with an evaluation now (the `allowedActions` of the answer). */
  actionsFor(
    caller: Pick<Caller, 'userId' | 'role' | 'teamId'>,
    e: Pick<
      EvaluationRecord,
      'state' | 'agentId' | 'evaluatorId' | 'teamId' | 'calibrationSessionId'
    >,
    disputesRemaining: number,
    windowEndsAt: string | null,
    now: Date,
  ): EvaluationAction[] {
    const actions: EvaluationAction[] = [];
    if (e.state === 'draft' && caller.userId === e.evaluatorId) {
      if (EVALUATOR_ROLES.includes(caller.role)) actions.push('edit', 'submit');
      return actions;
    }
    const ownAgent =
      caller.role === 'agent' && caller.userId === e.agentId && e.calibrationSessionId === null;
    if (ownAgent && e.state === 'submitted') actions.push('acknowledge');
    if (
      ownAgent &&
      DISPUTABLE.includes(e.state) &&
      disputesRemaining > 0 &&
      windowEndsAt !== null &&
      now.getTime() < Date.parse(windowEndsAt)
    ) {
      actions.push('dispute');
    }
    if (e.state === 'disputed' && this.mayResolve(caller, e)) actions.push('resolve_dispute');
    return actions;
  }

  private mayResolve(
    caller: Pick<Caller, 'userId' | 'role' | 'teamId'>,
    e: Pick<EvaluationRecord, 'agentId' | 'teamId'>,
  ): boolean {
    if (caller.userId === e.agentId) return false;
    if (caller.role === 'qa_specialist') return true;
    return caller.role === 'supervisor' && caller.teamId !== null && caller.teamId === e.teamId;
  }

  // ---- reading -----------------------------------------------------------------------------------

  serialize(records: EvaluationRecord[], caller: Caller, now: Date): Evaluation[] {
    const disputes = this.store.disputes(records.map((r) => r.id));
    const names = this.store.userNames([
      ...new Set(
        [...disputes.values()].flat().flatMap((d) => [d.raisedBy, d.resolvedBy ?? d.raisedBy]),
      ),
    ]);
    const ref = (id: string) => ({ id, name: names.get(id) ?? id });
    return records.map((r) => {
      const template = this.template(r);
      const list = disputes.get(r.id) ?? [];
      const remaining = Math.max(0, template.maxDisputes - list.length);
      const windowEndsAt = this.windowEndsAt(r, template);
      return {
        id: r.id,
        templateId: r.templateId,
        templateVersion: r.templateVersion,
        callId: r.callId,
        agentId: r.agentId,
        evaluatorId: r.evaluatorId,
        state: r.state,
        answers: r.answers,
        comment: r.comment,
        score: r.score,
        sections: r.sections,
        fatalFailed: r.fatalFailed,
        linkedTicketIds: r.linkedTicketIds,
        calibrationSessionId: r.calibrationSessionId,
        revision: r.revision,
        disputes: list.map((d) => ({
          id: d.id,
          raisedBy: ref(d.raisedBy),
          raisedAt: d.raisedAt,
          items: d.items,
          state: d.state,
          outcome: d.outcome,
          resolution:
            d.state === 'resolved' && d.resolvedBy && d.resolvedAt
              ? {
                  by: ref(d.resolvedBy),
                  at: d.resolvedAt,
                  comment: d.resolutionComment ?? '',
                  acceptedItems: d.acceptedItems ?? [],
                }
              : null,
          ticketId: d.ticketId,
        })),
        disputesRemaining: remaining,
        disputeWindowEndsAt: windowEndsAt,
        allowedActions: this.actionsFor(caller, r, remaining, windowEndsAt, now),
        createdAt: r.createdAt,
        submittedAt: r.submittedAt,
        acknowledgedAt: r.acknowledgedAt,
        updatedAt: r.updatedAt,
        version: r.version,
      };
    });
  }

  view(caller: Caller, id: string, now: Date): Evaluation {
    return this.serialize([this.record(caller, id)], caller, now)[0]!;
  }

  list(caller: Caller, query: EvaluationListQuery, now: Date): Page<Evaluation> {
    const reach = this.reachOf(caller);
    const filter = {
      reach,
      ...(query.agentId !== undefined ? { agentId: query.agentId } : {}),
      ...(query.teamId !== undefined ? { teamId: query.teamId } : {}),
      ...(query.evaluatorId !== undefined ? { evaluatorId: query.evaluatorId } : {}),
      ...(query.callId !== undefined ? { callId: query.callId } : {}),
      ...(query.state?.length ? { state: [...new Set(query.state)].sort() } : {}),
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'qa_evaluations', ...filter },
      select: (after, limit) => this.store.evaluations(filter, after, limit),
    });
    return { items: this.serialize(page.items, caller, now), nextCursor: page.nextCursor };
  }

  versions(caller: Caller, id: string): { items: EvaluationVersion[] } {
    const record = this.record(caller, id);
    const versions = this.store.versions(record.id);
    const names = this.store.userNames(versions.map((v) => v.byId));
    return {
      items: versions.map((v) => ({
        revision: v.revision,
        at: v.at,
        by: { id: v.byId, name: names.get(v.byId) ?? v.byId },
        reason: v.reason,
        ...(v.disputeId ? { disputeId: v.disputeId } : {}),
        answers: v.answers,
        score: v.score,
        sections: v.sections,
        fatalFailed: v.fatalFailed,
      })),
    };
  }

  // ---- writing -----------------------------------------------------------------------------------

  /** The score fields of a set of answers, always from the domain's scoreEvaluation. */
  private scored(template: TemplateRecord, answers: EvaluationAnswer[]) {
    const result = scoreEvaluation(template, answers);
    return { score: result.score, sections: result.sections, fatalFailed: result.fatalFailed };
  }

  private checkLinkedTickets(caller: Caller, ids: readonly string[], now: Date): void {
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      const refusal = this.tickets.linkRefusal(caller, id, now);
      if (refusal)
        errors.push({ path: `/body/linkedTicketIds/${i}`, message: refusal, code: 'link' });
    });
    if (errors.length) {
      throw problem.unprocessable(
        'Only justified complaints and praise tickets you can see may be linked.',
        errors,
      );
    }
  }

  /** The evaluated agent: an active agent, in the supervisor's own team when a supervisor asks. */
  private evaluatedAgent(caller: Caller, agentId: string): { id: string; teamId: string | null } {
    const agent = this.store.activeUser(agentId);
    if (!agent || agent.role !== 'agent') {
      throw problem.unprocessable('The evaluated person must be an active agent.', [
        { path: '/body/agentId', message: 'is not an active agent', code: 'reference' },
      ]);
    }
    if (
      caller.role === 'supervisor' &&
      (caller.teamId === null || agent.teamId !== caller.teamId)
    ) {
      throw problem.forbidden('A supervisor evaluates the agents of their own team only.', [
        { path: '/body/agentId', message: 'is not in your team', code: 'forbidden' },
      ]);
    }
    return agent;
  }

  private templateFor(
    templateId: string,
    version: number | undefined,
    paths = { id: '/body/templateId', version: '/body/templateVersion' },
  ): TemplateRecord {
    const latest = this.store.template(templateId);
    if (!latest) {
      throw problem.unprocessable('No scorecard template with this ID.', [
        { path: paths.id, message: 'is not a scorecard template', code: 'reference' },
      ]);
    }
    if (version === undefined) {
      if (latest.status === 'retired') {
        throw problem.unprocessable('This scorecard template is retired.', [
          { path: paths.id, message: 'is retired', code: 'retired' },
        ]);
      }
      return this.templateVersion(templateId, latest.version)!;
    }
    const template = this.templateVersion(templateId, version);
    if (!template) {
      throw problem.unprocessable('This template has no such version.', [
        { path: paths.version, message: 'is not a version of the template', code: 'reference' },
      ]);
    }
    return template;
  }

  createEvaluation(
    caller: Caller,
    input: EvaluationCreate,
    now: Date,
    options: { calibrationSessionId?: string; evaluatorId?: string } = {},
  ): Evaluation {
    const template = this.templateFor(input.templateId, input.templateVersion);
    const agent = this.evaluatedAgent(caller, input.agentId);
    const answers = (input.answers ?? []).map(normalizeAnswer);
    const issues = validateAnswers(template, answers);
    if (issues.length) {
      throw problem.unprocessable(
        'Some answers break the scorecard.',
        answerErrors('/body', issues),
      );
    }
    this.checkLinkedTickets(caller, input.linkedTicketIds ?? [], now);
    const at = now.toISOString();
    const record: EvaluationRecord = {
      id: newId('qae', now.getTime()),
      templateId: template.id,
      templateVersion: template.version,
      callId: input.callId ?? null,
      agentId: agent.id,
      teamId: agent.teamId,
      evaluatorId: options.evaluatorId ?? caller.userId,
      state: 'draft',
      answers,
      comment: input.comment ?? '',
      ...this.scored(template, answers),
      linkedTicketIds: input.linkedTicketIds ?? [],
      calibrationSessionId: options.calibrationSessionId ?? null,
      revision: 0,
      acknowledgeComment: null,
      createdAt: at,
      submittedAt: null,
      acknowledgedAt: null,
      updatedAt: at,
      version: 1,
    };
    this.store.insertEvaluation(record);
    return this.publish(caller, record.id, now);
  }

  private assertEvaluator(caller: Caller, record: EvaluationRecord, what: string): void {
    if (caller.userId !== record.evaluatorId) {
      throw problem.forbidden(`Only the evaluator may ${what} this evaluation.`);
    }
    if (record.state !== 'draft') {
      throw problem.invalidState(
        `The evaluation is ${record.state}; only a draft can be ${what}ed.`,
      );
    }
  }

  private write(
    caller: Caller,
    record: EvaluationRecord,
    ifMatch: number | null,
    changes: EvaluationChanges,
    now: Date,
  ): void {
    const changed = this.store.updateEvaluation(
      record.id,
      ifMatch ?? -1,
      changes,
      now.toISOString(),
    );
    assertUpdated(changed, ifMatch, () => this.store.evaluation(record.id)?.version, 'evaluation');
  }

  updateEvaluation(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    patch: EvaluationPatch,
    now: Date,
  ): Evaluation {
    const record = this.record(caller, id);
    this.assertEvaluator(caller, record, 'edit');
    const template = this.template(record);
    const changes: EvaluationChanges = {};
    if (patch.answers !== undefined) {
      const given = patch.answers.map(normalizeAnswer);
      const issues = validateAnswers(template, given);
      if (issues.length) {
        throw problem.unprocessable(
          'Some answers break the scorecard.',
          answerErrors('/body', issues),
        );
      }
      const merged = [...record.answers];
      for (const answer of given) {
        const at = merged.findIndex((a) => a.criterionId === answer.criterionId);
        if (at >= 0) merged[at] = answer;
        else merged.push(answer);
      }
      Object.assign(changes, { answers: merged }, this.scored(template, merged));
    }
    if (patch.comment !== undefined) changes.comment = patch.comment;
    if (patch.linkedTicketIds !== undefined) {
      this.checkLinkedTickets(caller, patch.linkedTicketIds, now);
      changes.linkedTicketIds = patch.linkedTicketIds;
    }
    this.write(caller, record, ifMatch, changes, now);
    return this.publish(caller, id, now);
  }

  submitEvaluation(caller: Caller, id: string, ifMatch: number | null, now: Date): Evaluation {
    const record = this.record(caller, id);
    this.assertEvaluator(caller, record, 'submit');
    const template = this.template(record);
    // Paths point into the evaluation's stored answers (`/answers/2/comment`); a criterion never
    // answered is reported at `/answers` with its ID in the message.
    const issues = validateAnswers(template, record.answers, { forSubmit: true });
    if (issues.length) {
      throw problem.unprocessable(
        'Every criterion needs a value or N/A, and required comments, before submitting.',
        answerErrors('', issues),
      );
    }
    const at = now.toISOString();
    const scored = this.scored(template, record.answers);
    this.write(
      caller,
      record,
      ifMatch,
      { state: 'submitted', submittedAt: at, revision: 1, ...scored },
      now,
    );
    this.store.insertVersion({
      evaluationId: id,
      revision: 1,
      at,
      byId: caller.userId,
      reason: 'submitted',
      disputeId: null,
      answers: record.answers,
      ...scored,
    });
    return this.publish(caller, id, now);
  }

  acknowledgeEvaluation(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    input: { comment?: string } | undefined,
    now: Date,
  ): Evaluation {
    const record = this.record(caller, id);
    if (record.agentId !== caller.userId || record.calibrationSessionId !== null) {
      throw problem.forbidden('Only the evaluated agent acknowledges an evaluation.');
    }
    if (record.state !== 'submitted') {
      throw problem.invalidState(
        `The evaluation is ${record.state}; only a submitted evaluation can be acknowledged.`,
      );
    }
    this.write(
      caller,
      record,
      ifMatch,
      {
        state: 'acknowledged',
        acknowledgedAt: now.toISOString(),
        acknowledgeComment: input?.comment ?? null,
      },
      now,
    );
    return this.publish(caller, id, now);
  }

  /** Checks a proposed or accepted value for a criterion; the error message, or null when fine. */
  private valueRefusal(criterion: ScorecardCriterionLike, value: number | null): string | null {
    if (value === null) return criterion.naAllowed ? null : 'N/A is not allowed for this criterion';
    return isValueInScale(criterion.scale, value) ? null : 'is outside the scale of the criterion';
  }

  disputeEvaluation(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    input: DisputeCreate,
    now: Date,
  ): Evaluation {
    const record = this.record(caller, id);
    if (record.agentId !== caller.userId || record.calibrationSessionId !== null) {
      throw problem.forbidden('Only the evaluated agent disputes an evaluation.');
    }
    if (!DISPUTABLE.includes(record.state)) {
      throw problem.invalidState(`The evaluation is ${record.state}; it cannot be disputed now.`);
    }
    const template = this.template(record);
    const windowEndsAt = this.windowEndsAt(record, template);
    if (windowEndsAt === null || now.getTime() >= Date.parse(windowEndsAt)) {
      throw new HttpProblem(
        'dispute-window-closed',
        `Disputes were possible for ${template.disputeWindowDays} days after submission, until ${windowEndsAt}.`,
      );
    }
    const raised = this.store.disputes([id]).get(id) ?? [];
    if (raised.length >= template.maxDisputes) {
      throw new HttpProblem(
        'dispute-limit-reached',
        `This evaluation was disputed ${raised.length} times; the template allows ${template.maxDisputes}.`,
      );
    }
    const criteria = criteriaOf(template);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const criterion = criteria.get(item.criterionId);
      if (!criterion) {
        errors.push({
          path: `/body/items/${i}/criterionId`,
          message: 'is not a criterion of this evaluation’s template',
          code: 'unknown_criterion',
        });
        return;
      }
      if (seen.has(item.criterionId)) {
        errors.push({
          path: `/body/items/${i}/criterionId`,
          message: 'is disputed twice',
          code: 'duplicate_item',
        });
      }
      seen.add(item.criterionId);
      const refusal = this.valueRefusal(criterion, item.proposedValue);
      if (refusal) {
        errors.push({ path: `/body/items/${i}/proposedValue`, message: refusal, code: 'value' });
      }
      if (item.reason.trim() === '') {
        errors.push({ path: `/body/items/${i}/reason`, message: 'is required', code: 'required' });
      }
    });
    if (errors.length) throw problem.unprocessable('Some dispute items are not valid.', errors);

    this.write(caller, record, ifMatch, { state: 'disputed' }, now);
    const disputeId = newId('qad', now.getTime());
    const ticketId = this.tickets.openReviewRequest(
      caller,
      {
        evaluationId: id,
        teamId: record.teamId,
        subject: `申请复核 Review request: ${template.name['zh-Hans'] ?? template.name.en}`,
        description: input.items
          .map((item) => `${item.criterionId} → ${item.proposedValue ?? 'N/A'}: ${item.reason}`)
          .join('\n'),
      },
      now,
    );
    this.store.insertDispute({
      id: disputeId,
      evaluationId: id,
      raisedBy: caller.userId,
      raisedAt: now.toISOString(),
      items: input.items.map((item) => ({
        criterionId: item.criterionId,
        proposedValue: item.proposedValue,
        reason: item.reason,
      })),
      state: 'open',
      outcome: null,
      resolvedBy: null,
      resolvedAt: null,
      resolutionComment: null,
      acceptedItems: null,
      ticketId,
    });
    return this.publish(caller, id, now);
  }

  resolveDispute(
    caller: Caller,
    id: string,
    disputeId: string,
    ifMatch: number | null,
    input: DisputeResolutionRequest,
    now: Date,
  ): Evaluation {
    const record = this.record(caller, id);
    const dispute = (this.store.disputes([id]).get(id) ?? []).find((d) => d.id === disputeId);
    if (!dispute) throw problem.notFound('dispute');
    if (!this.mayResolve(caller, record) || dispute.raisedBy === caller.userId) {
      throw problem.forbidden(
        'A dispute is resolved by a QA specialist or the supervisor of the agent’s team.',
      );
    }
    if (record.state !== 'disputed' || dispute.state !== 'open') {
      throw problem.invalidState('This dispute is resolved already.');
    }
    const template = this.template(record);
    const accepted = this.acceptedItems(template, dispute, input);
    const at = now.toISOString();

    let answers = record.answers;
    let changed = false;
    if (accepted.length) {
      const reasons = new Map(dispute.items.map((item) => [item.criterionId, item.reason]));
      answers = record.answers.map((a) => ({ ...a }));
      for (const item of accepted) {
        const na = item.value === null;
        const index = answers.findIndex((a) => a.criterionId === item.criterionId);
        const before = answers[index];
        if (before && before.na === na && before.value === item.value) continue;
        changed = true;
        const comment = before?.comment?.trim() ? before.comment : reasons.get(item.criterionId)!;
        const next = { criterionId: item.criterionId, value: item.value, na, comment };
        if (index >= 0) answers[index] = next;
        else answers.push(next);
      }
    }
    const changes: EvaluationChanges = { state: 'resolved' };
    if (changed) {
      Object.assign(
        changes,
        { answers, revision: record.revision + 1 },
        this.scored(template, answers),
      );
    }
    this.write(caller, record, ifMatch, changes, now);
    if (changed) {
      this.store.insertVersion({
        evaluationId: id,
        revision: record.revision + 1,
        at,
        byId: caller.userId,
        reason: 'dispute_resolved',
        disputeId,
        answers,
        ...this.scored(template, answers),
      });
    }
    this.store.resolveDispute(disputeId, {
      outcome: input.outcome,
      resolvedBy: caller.userId,
      resolvedAt: at,
      resolutionComment: input.comment,
      acceptedItems: accepted,
    });
    if (dispute.ticketId) {
      this.tickets.resolveReviewRequest(
        caller,
        dispute.ticketId,
        `${input.outcome}: ${input.comment}`,
        now,
      );
    }
    return this.publish(caller, id, now);
  }

  /** The scores a resolution applies: all proposed, the ones given, or none. */
  private acceptedItems(
    template: TemplateRecord,
    dispute: DisputeRecord,
    input: DisputeResolutionRequest,
  ): AcceptedItem[] {
    const given = input.acceptedItems ?? [];
    if (input.comment.trim() === '') {
      throw problem.unprocessable('A resolution needs a comment.', [
        { path: '/body/comment', message: 'is required', code: 'required' },
      ]);
    }
    if (input.outcome === 'accepted' || input.outcome === 'rejected') {
      if (given.length) {
        throw problem.unprocessable('acceptedItems go only with partially_accepted.', [
          {
            path: '/body/acceptedItems',
            message: `must be left out when ${input.outcome}`,
            code: 'not_allowed',
          },
        ]);
      }
      return input.outcome === 'accepted'
        ? dispute.items.map((item) => ({
            criterionId: item.criterionId,
            value: item.proposedValue,
          }))
        : [];
    }
    if (given.length === 0) {
      throw problem.unprocessable('A partial acceptance names the scores it accepts.', [
        {
          path: '/body/acceptedItems',
          message: 'is required with partially_accepted',
          code: 'required',
        },
      ]);
    }
    const criteria = criteriaOf(template);
    const disputed = new Set(dispute.items.map((item) => item.criterionId));
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    given.forEach((item, i) => {
      if (!disputed.has(item.criterionId)) {
        errors.push({
          path: `/body/acceptedItems/${i}/criterionId`,
          message: 'was not disputed',
          code: 'not_disputed',
        });
        return;
      }
      if (seen.has(item.criterionId)) {
        errors.push({
          path: `/body/acceptedItems/${i}/criterionId`,
          message: 'is accepted twice',
          code: 'duplicate_item',
        });
      }
      seen.add(item.criterionId);
      const refusal = this.valueRefusal(criteria.get(item.criterionId)!, item.value);
      if (refusal)
        errors.push({ path: `/body/acceptedItems/${i}/value`, message: refusal, code: 'value' });
    });
    if (errors.length) throw problem.unprocessable('Some accepted items are not valid.', errors);
    return given.map((item) => ({ criterionId: item.criterionId, value: item.value }));
  }

  // ---- calibration -------------------------------------------------------------------------------

  createCalibration(
    caller: Caller,
    input: CalibrationSessionCreate,
    now: Date,
  ): CalibrationSession {
    const template = this.templateFor(input.templateId, undefined);
    const agent = this.evaluatedAgent(caller, input.agentId);
    const errors: FieldError[] = [];
    input.evaluatorIds.forEach((evaluatorId, i) => {
      const user = this.store.activeUser(evaluatorId);
      if (!user || !EVALUATOR_ROLES.includes(user.role)) {
        errors.push({
          path: `/body/evaluatorIds/${i}`,
          message: 'is not an active supervisor or QA specialist',
          code: 'reference',
        });
      }
    });
    if (errors.length) throw problem.unprocessable('Some evaluators cannot evaluate.', errors);
    const sessionId = newId('cal', now.getTime());
    const evaluationIds = input.evaluatorIds.map(
      (evaluatorId) =>
        this.createEvaluation(
          caller,
          {
            templateId: template.id,
            templateVersion: template.version,
            agentId: agent.id,
            callId: input.callId,
          },
          now,
          { calibrationSessionId: sessionId, evaluatorId },
        ).id,
    );
    this.store.insertCalibration({
      id: sessionId,
      callId: input.callId,
      templateId: template.id,
      templateVersion: template.version,
      agentId: agent.id,
      evaluatorIds: input.evaluatorIds,
      referenceEvaluationId: evaluationIds[0]!,
      createdAt: now.toISOString(),
      createdBy: caller.userId,
    });
    return this.calibration(caller, sessionId);
  }

  calibration(caller: Caller, id: string): CalibrationSession {
    const session = this.store.calibration(id);
    if (!session) throw problem.notFound('calibration session');
    const evaluations = this.store.calibrationEvaluations(id);
    const reach = this.reachOf(caller);
    const visible =
      'everything' in reach ||
      session.evaluatorIds.includes(caller.userId) ||
      evaluations.some((e) => this.store.reachable(e, reach));
    if (!visible) throw problem.notFound('calibration session');
    const template = this.template(session);
    const reference = evaluations.find((e) => e.id === session.referenceEvaluationId);
    return {
      id: session.id,
      callId: session.callId,
      templateId: session.templateId,
      templateVersion: session.templateVersion,
      agentId: session.agentId,
      referenceEvaluationId: session.referenceEvaluationId,
      createdAt: session.createdAt,
      evaluations: evaluations.map((e) => {
        const deviation = calibrationDeviation(template, reference?.answers ?? [], e.answers);
        return {
          evaluationId: e.id,
          evaluatorId: e.evaluatorId,
          state: e.state,
          score: e.score,
          scoreDelta: deviation.scoreDelta,
          criteria: deviation.criteria,
        };
      }),
    };
  }

  // ---- events ------------------------------------------------------------------------------------

  /** Who receives an evaluation's events: QA, operations, the team's supervisor, the evaluator, and the agent once it is submitted. */
  audienceOf(record: EvaluationRecord): string[] {
    const audience = [
      'role:qa_specialist',
      'role:operations_manager',
      `user:${record.evaluatorId}`,
    ];
    if (record.teamId) audience.push(`team:${record.teamId}:supervisor`);
    if (record.state !== 'draft' && record.calibrationSessionId === null) {
      audience.push(`user:${record.agentId}`);
    }
    return audience;
  }

  /** Publishes `evaluation.updated` and answers the evaluation as the caller sees it. */
  private publish(caller: Caller, id: string, now: Date): Evaluation {
    const record = this.store.evaluation(id)!;
    const evaluation = this.serialize([record], caller, now)[0]!;
    this.services.events.publish({
      topic: 'evaluations',
      type: 'evaluation.updated',
      data: evaluation,
      audience: this.audienceOf(record),
      actor: { id: caller.userId, name: caller.name },
    });
    return evaluation;
  }

  /** The evaluation on the stream as `viewer` would read it (their own allowedActions). */
  projectForViewer(data: Evaluation, viewer: Caller): Evaluation {
    const record = this.store.evaluation(data.id);
    const teamId = record?.teamId ?? null;
    return {
      ...data,
      allowedActions: this.actionsFor(
        viewer,
        { ...data, teamId },
        data.disputesRemaining,
        data.disputeWindowEndsAt,
        this.services.clock(),
      ),
    };
  }
}
