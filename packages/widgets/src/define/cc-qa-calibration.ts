import { CcQaCalibration } from '../qa-calibration/qa-calibration.js';
import { define } from '../shared/define.js';

define('cc-qa-calibration', CcQaCalibration);

export { CcQaCalibration };

declare global {
  interface HTMLElementTagNameMap {
    'cc-qa-calibration': CcQaCalibration;
  }
}
