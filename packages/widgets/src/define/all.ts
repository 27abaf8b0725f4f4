/** Registers every kit element under the `cc-` prefix in the page's registry. */
import { defineElements } from '../elements.js';
import './cc-complaint-form.js';
import './cc-complaint-resolution.js';
import './cc-equipment-checklist.js';
import './cc-equipment-overview.js';
import './cc-kpi-appraisal.js';
import './cc-kpi-staffing.js';
import './cc-kpi-tiles.js';
import './cc-provider.js';
import './cc-qa-calibration.js';
import './cc-qa-review.js';
import './cc-qa-scorecard.js';
import './cc-ticket-queue.js';
import './cc-ticket-detail.js';
import './cc-ticket-bulk.js';
import './cc-ticket-filters.js';

defineElements();
