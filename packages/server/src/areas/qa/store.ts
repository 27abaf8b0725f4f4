/** Storage of scorecard templates, evaluations, their revisions, disputes and calibration sessions. No SQL here. */
import type { Schema } from '@cc-kit/spec';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type ScorecardTemplate = Schema<'ScorecardTemplate'>;
export type ScorecardSection = Schema<'ScorecardSection'>;
export type LocalizedText = Schema<'LocalizedText'>;
export type TemplateStatus = Schema<'TemplateStatus'>;
export type Evaluation = Schema<'Evaluation'>;
export type EvaluationState = Schema<'EvaluationState'>;
export type EvaluationAnswer = Schema<'EvaluationAnswer'>;
export type SectionScore = Schema<'SectionScore'>;
export type DisputeItem = Schema<'DisputeItem'>;
export type DisputeOutcome = Schema<'DisputeOutcome'>;
export type EvaluationVersion = Schema<'EvaluationVersion'>;
export type CalibrationSession = Schema<'CalibrationSession'>;
export type { ScorecardCriterion as ScorecardCriterionLike } from '@cc-kit/domain';

/** One version of a template as stored. */
export interface TemplateRecord {
  id: string;
  version: number;
  name: LocalizedText;
  description: LocalizedText | null;
  status: TemplateStatus;
  disputeWindowDays: number;
  maxDisputes: number;
  sections: ScorecardSection[];
  createdAt: string;
  createdBy: string;
}

export interface EvaluationRecord {
  id: string;
  templateId: string;
  templateVersion: number;
  callId: string | null;
  agentId: string;
  teamId: string | null;
  evaluatorId: string;
  state: EvaluationState;
  answers: EvaluationAnswer[];
  comment: string;
  score: number | null;
  sections: SectionScore[];
  fatalFailed: boolean;
  linkedTicketIds: string[];
  calibrationSessionId: string | null;
  revision: number;
  acknowledgeComment: string | null;
  createdAt: string;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  updatedAt: string;
  version: number;
}

/** The fields a write may change. */
export type EvaluationChanges = Partial<
  Pick<
    EvaluationRecord,
    | 'state'
    | 'answers'
    | 'comment'
    | 'score'
    | 'sections'
    | 'fatalFailed'
    | 'linkedTicketIds'
    | 'revision'
    | 'acknowledgeComment'
    | 'submittedAt'
    | 'acknowledgedAt'
  >
>;

export interface VersionRecord {
  evaluationId: string;
  revision: number;
  at: string;
  byId: string;
  reason: 'submitted' | 'dispute_resolved';
  disputeId: string | null;
  answers: EvaluationAnswer[];
  score: number | null;
  sections: SectionScore[];
  fatalFailed: boolean;
}

export interface AcceptedItem {
  criterionId: string;
  value: number | null;
}

export interface DisputeRecord {
  id: string;
  evaluationId: string;
  raisedBy: string;
  raisedAt: string;
  items: DisputeItem[];
  state: 'open' | 'resolved';
  outcome: DisputeOutcome | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionComment: string | null;
  acceptedItems: AcceptedItem[] | null;
  ticketId: string | null;
}

export interface CalibrationRecord {
  id: string;
  callId: string;
  templateId: string;
  templateVersion: number;
  agentId: string;
  evaluatorIds: string[];
  referenceEvaluationId: string;
  createdAt: string;
  createdBy: string;
}

/** Which evaluations a caller can reach. */
export type EvaluationReach =
  | { everything: true }
  /** An agent: their own, never drafts, never calibration copies. */
  | { agentId: string }
  /** A supervisor: their team's, and the ones they evaluate (calibration). */
  | { teamId: string | null; userId: string | null };

export interface EvaluationFilter {
  reach: EvaluationReach;
  agentId?: string;
  teamId?: string;
  evaluatorId?: string;
  callId?: string;
  state?: EvaluationState[];
}

export interface QaStore {
  /** The latest version of a template, or the given one. */
  template(id: string, version?: number): TemplateRecord | undefined;
  /** Latest versions, ordered by id. */
  templates(
    status: TemplateStatus | undefined,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<TemplateRecord>[];
  insertTemplate(record: TemplateRecord): void;
  /** Inserts version `record.version` when the latest is still `record.version - 1`; rows changed. */
  publishTemplate(record: TemplateRecord): number;

  evaluation(id: string): EvaluationRecord | undefined;
  reachable(record: EvaluationRecord, reach: EvaluationReach): boolean;
  evaluations(
    filter: EvaluationFilter,
    after: KeyValue[] | null,
    limit: number,
  ): Keyed<EvaluationRecord>[];
  insertEvaluation(record: EvaluationRecord): void;
  /** Applies `changes` and bumps the version when it is still `version`; rows changed. */
  updateEvaluation(id: string, version: number, changes: EvaluationChanges, at: string): number;

  insertVersion(record: VersionRecord): void;
  versions(evaluationId: string): VersionRecord[];

  disputes(evaluationIds: readonly string[]): Map<string, DisputeRecord[]>;
  insertDispute(record: DisputeRecord): void;
  resolveDispute(
    id: string,
    resolution: Pick<
      DisputeRecord,
      'outcome' | 'resolvedBy' | 'resolvedAt' | 'resolutionComment' | 'acceptedItems'
    >,
  ): void;

  insertCalibration(record: CalibrationRecord): void;
  calibration(id: string): CalibrationRecord | undefined;
  /** The evaluations of a session, in its evaluators' order. */
  calibrationEvaluations(sessionId: string): EvaluationRecord[];

  /** Names of users, for `{ id, name }` references. */
  userNames(ids: readonly string[]): Map<string, string>;
  /** An active user's role and team. */
  activeUser(id: string): { id: string; role: string; teamId: string | null } | undefined;
}
