/**
 * Every kit element by its name without prefix. `defineElements()` registers them all; an
 * element that renders another looks its tag up with `this.tagOf(Class)`.
 *
 * Adding an element: import its class here and add one line to `elements`.
 */
import { CcComplaintForm } from './complaint-form/complaint-form.js';
import { CcComplaintResolution } from './complaint-resolution/complaint-resolution.js';
import { CcEquipmentChecklist } from './equipment-checklist/equipment-checklist.js';
import { CcEquipmentOverview } from './equipment-overview/equipment-overview.js';
import { CcKpiAppraisal } from './kpi-appraisal/kpi-appraisal.js';
import { CcKpiStaffing } from './kpi-staffing/kpi-staffing.js';
import { CcKpiTiles } from './kpi-tiles/kpi-tiles.js';
import { CcProvider } from './provider/provider.js';
import { CcQaCalibration } from './qa-calibration/qa-calibration.js';
import { CcQaReview } from './qa-review/qa-review.js';
import { CcQaScorecard } from './qa-scorecard/qa-scorecard.js';
import { CcTicketBulk } from './ticket-bulk/ticket-bulk.js';
import { CcTicketDetail } from './ticket-detail/ticket-detail.js';
import { CcTicketFilters } from './ticket-filters/ticket-filters.js';
import { CcTicketQueue } from './ticket-queue/ticket-queue.js';
import { defineAll, type DefineElementsOptions } from './shared/define.js';

export const elements = {
  // First: registered before the elements inside it, which then find it when they upgrade.
  provider: CcProvider,
  'complaint-form': CcComplaintForm,
  'complaint-resolution': CcComplaintResolution,
  'kpi-tiles': CcKpiTiles,
  'kpi-appraisal': CcKpiAppraisal,
  'kpi-staffing': CcKpiStaffing,
  'qa-scorecard': CcQaScorecard,
  'qa-review': CcQaReview,
  'qa-calibration': CcQaCalibration,
  'ticket-queue': CcTicketQueue,
  'ticket-detail': CcTicketDetail,
  'ticket-bulk': CcTicketBulk,
  'ticket-filters': CcTicketFilters,
  'equipment-checklist': CcEquipmentChecklist,
  'equipment-overview': CcEquipmentOverview,
} as const satisfies Record<string, CustomElementConstructor>;

export type ElementName = keyof typeof elements;

/**
 * Registers every element as `<prefix>-<name>` (default `cc`) in `registry` (default the page's
 * `customElements`; a scoped `CustomElementRegistry` where the browser supports one). Never
 * throws for a taken tag. Returns the tags, by element name.
 */
export function defineElements(
  options: DefineElementsOptions = {},
): Partial<Record<ElementName, string>> {
  return defineAll(elements, options) as Partial<Record<ElementName, string>>;
}
