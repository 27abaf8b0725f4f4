/**
 * @cc-kit/widgets: Lit web components for call-center pages.
 *
 * Importing this module registers nothing. Register with the define files
 * (`import '@cc-kit/widgets/define/cc-provider.js'`), with `defineElements({ prefix, registry })`,
 * or load the self-registering `cc-widgets.js` bundle.
 * @packageDocumentation
 */
export { CcProvider } from './provider/provider.js';
export {
  CcComplaintForm,
  FIELD_RULES,
  type ComplaintCreate,
  type ComplaintPrefill,
} from './complaint-form/complaint-form.js';
export {
  CcComplaintSubmitEvent,
  CcComplaintSubmittedEvent,
} from './complaint-form/complaint-form.events.js';
export {
  CcTicketQueue,
  DEFAULT_COLUMNS,
  type TicketQueueColumn,
  type TicketQueueFilters,
  type TicketQueueSort,
  type TicketQueueView,
} from './ticket-queue/ticket-queue.js';
export {
  CcTicketSelectEvent,
  CcTicketTransitionedEvent,
  CcTicketAssignedEvent,
  CcViewChangeEvent,
} from './ticket-queue/ticket-queue.events.js';
export { CcTicketDetail } from './ticket-detail/ticket-detail.js';
export { CcTicketCloseEvent } from './ticket-detail/ticket-detail.events.js';
export { CcComplaintResolution } from './complaint-resolution/complaint-resolution.js';
export {
  CcComplaintVerdictRecordEvent,
  CcComplaintCallbackRecordEvent,
} from './complaint-resolution/complaint-resolution.events.js';
export { CcTicketBulk, type TicketBulkOutcome } from './ticket-bulk/ticket-bulk.js';
export { CcSelectionChangeEvent } from './ticket-bulk/ticket-bulk.events.js';
export { CcTicketFilters } from './ticket-filters/ticket-filters.js';
export { CcFilterChangeEvent } from './ticket-filters/ticket-filters.events.js';
export { CcQaScorecard } from './qa-scorecard/qa-scorecard.js';
export { CcQaReview } from './qa-review/qa-review.js';
export { CcQaCalibration } from './qa-calibration/qa-calibration.js';
export {
  CcEvaluationEvent,
  CcEvaluationSavedEvent,
  CcEvaluationSubmittedEvent,
  CcEvaluationAcknowledgedEvent,
  CcDisputeSubmittedEvent,
  CcDisputeResolvedEvent,
} from './qa-scorecard/qa-scorecard.events.js';
export {
  CcKpiTiles,
  DEFAULT_METRICS,
  type KpiPeriod,
  type KpiQuery,
} from './kpi-tiles/kpi-tiles.js';
export { CcKpiSelectEvent, type LiveFigure } from './kpi-tiles/kpi-tiles.events.js';
export { CcKpiAppraisal, type AppraisalPeriod } from './kpi-appraisal/kpi-appraisal.js';
export { CcKpiStaffing, type StaffingEstimate } from './kpi-staffing/kpi-staffing.js';
export { CcEquipmentChecklist } from './equipment-checklist/equipment-checklist.js';
export {
  CcCheckSubmittedEvent,
  CcWorkorderSelectEvent,
} from './equipment-checklist/equipment-checklist.events.js';
export { CcEquipmentOverview, CcSeatSelectEvent } from './equipment-overview/equipment-overview.js';
export { elements, defineElements, type ElementName } from './elements.js';
export * from './shared/index.js';
