import { CcEquipmentChecklist } from '../equipment-checklist/equipment-checklist.js';
import { define } from '../shared/define.js';

define('cc-equipment-checklist', CcEquipmentChecklist);

export { CcEquipmentChecklist };

declare global {
  interface HTMLElementTagNameMap {
    'cc-equipment-checklist': CcEquipmentChecklist;
  }
}
