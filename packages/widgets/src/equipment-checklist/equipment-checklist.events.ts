/** The equipment checklist's events: typed classes, `bubbles` + `composed`, in HTMLElementEventMap. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';

/** `cc-check-submitted`: a check was submitted; `check.items` carry the work orders it opened. */
export class CcCheckSubmittedEvent extends CcEvent {
  static readonly type = 'cc-check-submitted';
  constructor(readonly check: Schema<'EquipmentCheck'>) {
    super(CcCheckSubmittedEvent.type);
  }
}

/** `cc-workorder-select`: a maintenance work order was chosen (to open it in the host's queue). */
export class CcWorkorderSelectEvent extends CcEvent {
  static readonly type = 'cc-workorder-select';
  constructor(
    readonly ticketId: string,
    readonly number: number | null,
  ) {
    super(CcWorkorderSelectEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-check-submitted': CcCheckSubmittedEvent;
    'cc-workorder-select': CcWorkorderSelectEvent;
  }
}
