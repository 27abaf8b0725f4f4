import { CcTicketFilters } from '../ticket-filters/ticket-filters.js';
import { define } from '../shared/define.js';

define('cc-ticket-filters', CcTicketFilters);

export { CcTicketFilters };

declare global {
  interface HTMLElementTagNameMap {
    'cc-ticket-filters': CcTicketFilters;
  }
}
