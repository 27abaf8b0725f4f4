import { CcTicketQueue } from '../ticket-queue/ticket-queue.js';
import { define } from '../shared/define.js';

define('cc-ticket-queue', CcTicketQueue);

export { CcTicketQueue };

declare global {
  interface HTMLElementTagNameMap {
    'cc-ticket-queue': CcTicketQueue;
  }
}
