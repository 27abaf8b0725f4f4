/** The ticket detail's own event (it also fires `cc-ticket-transitioned` and `cc-ticket-assigned`). */
import { CcEvent } from '../shared/events.js';

/** `cc-ticket-close`: the user asked to close the detail (its close button, or Escape). */
export class CcTicketCloseEvent extends CcEvent {
  static readonly type = 'cc-ticket-close';
  constructor(readonly ticketId: string | undefined) {
    super(CcTicketCloseEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-ticket-close': CcTicketCloseEvent;
  }
}
