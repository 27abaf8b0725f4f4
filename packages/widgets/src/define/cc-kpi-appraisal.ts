import { CcKpiAppraisal } from '../kpi-appraisal/kpi-appraisal.js';
import { define } from '../shared/define.js';

define('cc-kpi-appraisal', CcKpiAppraisal);

export { CcKpiAppraisal };

declare global {
  interface HTMLElementTagNameMap {
    'cc-kpi-appraisal': CcKpiAppraisal;
  }
}
