import { CcEquipmentOverview } from '../equipment-overview/equipment-overview.js';
import { define } from '../shared/define.js';

define('cc-equipment-overview', CcEquipmentOverview);

export { CcEquipmentOverview };

declare global {
  interface HTMLElementTagNameMap {
    'cc-equipment-overview': CcEquipmentOverview;
  }
}
