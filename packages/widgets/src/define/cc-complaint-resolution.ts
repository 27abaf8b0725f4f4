import { CcComplaintResolution } from '../complaint-resolution/complaint-resolution.js';
import { define } from '../shared/define.js';

define('cc-complaint-resolution', CcComplaintResolution);

export { CcComplaintResolution };

declare global {
  interface HTMLElementTagNameMap {
    'cc-complaint-resolution': CcComplaintResolution;
  }
}
