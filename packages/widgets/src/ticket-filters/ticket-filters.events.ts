/** The filter bar's event. */
import { CcEvent } from '../shared/events.js';
import type { TicketQueueFilters } from '../ticket-queue/ticket-queue.js';

/** `cc-filter-change`: the user changed a filter (`filters`), or picked a saved view (`viewId`). */
export class CcFilterChangeEvent extends CcEvent {
  static readonly type = 'cc-filter-change';
  constructor(
    readonly filters: TicketQueueFilters,
    readonly viewId?: string,
  ) {
    super(CcFilterChangeEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-filter-change': CcFilterChangeEvent;
  }
}
