/** The ticket queue's events: typed classes, `bubbles` + `composed`, in HTMLElementEventMap. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';

type Ticket = Schema<'Ticket'>;

/**
 * `cc-ticket-select`: a ticket was opened (Enter, or its number clicked). Cancelable: call
 * `preventDefault()` to open the host's own view instead of the queue's detail panel.
 */
export class CcTicketSelectEvent extends CcEvent {
  static readonly type = 'cc-ticket-select';
  constructor(
    readonly ticketId: string,
    readonly ticket: Ticket,
  ) {
    super(CcTicketSelectEvent.type, { cancelable: true });
  }
}

/** `cc-ticket-transitioned`: a ticket moved along its state machine (one per ticket, bulk too). */
export class CcTicketTransitionedEvent extends CcEvent {
  static readonly type = 'cc-ticket-transitioned';
  constructor(
    readonly ticket: Ticket,
    readonly transition: Schema<'TicketTransition'>,
    readonly from: Schema<'TicketState'>,
  ) {
    super(CcTicketTransitionedEvent.type);
  }
  get ticketId(): string {
    return this.ticket.id;
  }
}

/** `cc-ticket-assigned`: a ticket was assigned (one per ticket, bulk too). */
export class CcTicketAssignedEvent extends CcEvent {
  static readonly type = 'cc-ticket-assigned';
  constructor(
    readonly ticket: Ticket,
    readonly assigneeId: string | null,
  ) {
    super(CcTicketAssignedEvent.type);
  }
  get ticketId(): string {
    return this.ticket.id;
  }
}

/**
 * `cc-view-change`: the user changed the filters, sort or saved view; `event.view` is the new
 * `.view`, for the host to persist (the queue never touches the URL or storage).
 */
export class CcViewChangeEvent<V = unknown> extends CcEvent {
  static readonly type = 'cc-view-change';
  constructor(readonly view: V) {
    super(CcViewChangeEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-ticket-select': CcTicketSelectEvent;
    'cc-ticket-transitioned': CcTicketTransitionedEvent;
    'cc-ticket-assigned': CcTicketAssignedEvent;
    'cc-view-change': CcViewChangeEvent;
  }
}
