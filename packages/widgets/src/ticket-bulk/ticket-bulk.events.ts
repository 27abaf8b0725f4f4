/** The bulk bar's own event (it also fires `cc-ticket-transitioned` and `cc-ticket-assigned`). */
import { CcEvent } from '../shared/events.js';

/**
 * `cc-selection-change`: the tickets that should stay selected: after a bulk action, those that
 * failed (to try again); after "Clear selection", none.
 */
export class CcSelectionChangeEvent extends CcEvent {
  static readonly type = 'cc-selection-change';
  constructor(readonly ticketIds: string[]) {
    super(CcSelectionChangeEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-selection-change': CcSelectionChangeEvent;
  }
}
