import { CcKpiStaffing } from '../kpi-staffing/kpi-staffing.js';
import { define } from '../shared/define.js';

define('cc-kpi-staffing', CcKpiStaffing);

export { CcKpiStaffing };

declare global {
  interface HTMLElementTagNameMap {
    'cc-kpi-staffing': CcKpiStaffing;
  }
}
