import { CcComplaintForm } from '../complaint-form/complaint-form.js';
import { define } from '../shared/define.js';

define('cc-complaint-form', CcComplaintForm);
export { CcComplaintForm };

declare global {
  interface HTMLElementTagNameMap {
    'cc-complaint-form': CcComplaintForm;
  }
}
