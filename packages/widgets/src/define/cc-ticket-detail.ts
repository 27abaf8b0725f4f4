import { CcTicketDetail } from '../ticket-detail/ticket-detail.js';
import { define } from '../shared/define.js';

define('cc-ticket-detail', CcTicketDetail);

export { CcTicketDetail };

declare global {
  interface HTMLElementTagNameMap {
    'cc-ticket-detail': CcTicketDetail;
  }
}
