import { CcTicketBulk } from '../ticket-bulk/ticket-bulk.js';
import { define } from '../shared/define.js';

define('cc-ticket-bulk', CcTicketBulk);

export { CcTicketBulk };

declare global {
  interface HTMLElementTagNameMap {
    'cc-ticket-bulk': CcTicketBulk;
  }
}
