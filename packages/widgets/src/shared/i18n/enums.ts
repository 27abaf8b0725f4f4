/** The API's enumerations the shared catalog labels, as types (no run-time cost). */
import type { Schema } from '@cc-kit/spec';

export type TicketKind = Schema<'TicketKind'>;
export type TicketState = Schema<'TicketState'>;
export type TicketTransition = Schema<'TicketTransition'>;
export type Priority = Schema<'Priority'>;
export type Channel = Schema<'Channel'>;
export type SlaState = Schema<'SlaState'>;
export type Role = Schema<'Role'>;
export type KpiMetric = Schema<'KpiMetric'>;
export type KpiStatus = Schema<'KpiStatus'>;
export type PresenceState = Schema<'PresenceState'>;
export type EvaluationState = Schema<'EvaluationState'>;
export type DisputeOutcome = Schema<'DisputeOutcome'>;
export type CriterionCritical = Schema<'CriterionCritical'>;
export type AssetType = Schema<'AssetType'>;
export type AssetStatus = Schema<'AssetStatus'>;
export type CheckState = Schema<'CheckState'>;
export type CheckResult = Schema<'CheckResult'>;
export type DueState = Schema<'DueState'>;
export type ComplaintSeverity = Schema<'ComplaintSeverity'>;
export type CallbackOutcome = Schema<'CallbackOutcome'>;
