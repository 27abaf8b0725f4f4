/** The events `<cc-complaint-resolution>` fires after the server recorded a change. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';

type Ticket = Schema<'Ticket'>;

/** `cc-complaint-verdict-record`: a verdict was recorded (or revised); `event.ticket` is the complaint. */
export class CcComplaintVerdictRecordEvent extends CcEvent {
  static readonly type = 'cc-complaint-verdict-record';
  constructor(readonly ticket: Ticket) {
    super(CcComplaintVerdictRecordEvent.type);
  }
}

/** `cc-complaint-callback-record`: a customer-callback result was recorded; `event.ticket`. */
export class CcComplaintCallbackRecordEvent extends CcEvent {
  static readonly type = 'cc-complaint-callback-record';
  constructor(readonly ticket: Ticket) {
    super(CcComplaintCallbackRecordEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-complaint-verdict-record': CcComplaintVerdictRecordEvent;
    'cc-complaint-callback-record': CcComplaintCallbackRecordEvent;
  }
}
