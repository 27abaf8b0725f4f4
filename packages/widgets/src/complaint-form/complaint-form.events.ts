/** The complaint form's events: typed classes, `bubbles` + `composed`, in HTMLElementEventMap. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';

/**
 * `cc-complaint-submit`: the complaint is valid and about to be filed; `event.complaint` is the
 * body that will be sent. Cancelable: `preventDefault()` keeps it from being filed.
 */
export class CcComplaintSubmitEvent extends CcEvent {
  static readonly type = 'cc-complaint-submit';
  constructor(readonly complaint: Schema<'ComplaintCreate'>) {
    super(CcComplaintSubmitEvent.type, { cancelable: true });
  }
}

/** `cc-complaint-submitted`: the server filed the complaint; its ticket id, number and ticket. */
export class CcComplaintSubmittedEvent extends CcEvent {
  static readonly type = 'cc-complaint-submitted';
  readonly ticketId: string;
  readonly number: number;
  constructor(readonly ticket: Schema<'Ticket'>) {
    super(CcComplaintSubmittedEvent.type);
    this.ticketId = ticket.id;
    this.number = ticket.number;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-complaint-submit': CcComplaintSubmitEvent;
    'cc-complaint-submitted': CcComplaintSubmittedEvent;
  }
}
