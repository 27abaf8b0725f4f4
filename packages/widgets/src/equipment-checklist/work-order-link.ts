import { html, nothing } from 'lit';
import type { CcElement } from '../shared/element.js';
import { CcWorkorderSelectEvent } from './equipment-checklist.events.js';

/**
 * The link from a checked item to its repair work order (a ticket): the host page opens it on
 * `cc-workorder-select`. Nothing when the item has no work order. The checklist and the overview
 * both show it.
 */
export function workOrderLink(
  host: CcElement,
  item: { workOrderId?: string | null; workOrderNumber?: number | null },
  label: unknown,
) {
  const { workOrderId, workOrderNumber } = item;
  if (!workOrderId) return nothing;
  return html`<button
    class="link"
    type="button"
    @click=${() => host.emit(new CcWorkorderSelectEvent(workOrderId, workOrderNumber ?? null))}
  >
    ${label}
  </button>`;
}
