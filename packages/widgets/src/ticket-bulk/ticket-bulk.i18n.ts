/** The bulk bar's own strings; shared labels (transitions) are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'ticketBulk.none': 'No ticket selected.',
  'ticketBulk.label': 'Bulk actions on the selected tickets',
  'ticketBulk.selected': (p: { n: string }) => `${p.n} selected`,
  'ticketBulk.transition': 'Change state',
  'ticketBulk.clear': 'Clear selection',
  'ticketBulk.results': (p: { ok: string; failed: string }) =>
    `${p.ok} succeeded, ${p.failed} failed.`,
  'ticketBulk.ok': 'Done',
  'ticketBulk.stale': 'Changed by someone else; reload and try again',
  'ticketBulk.notAllowed': 'Not possible in its current state',
  'ticketBulk.forbidden': 'Your role may not do this',
  'ticketBulk.failed': 'Failed',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('ticket-bulk', en, {
  'zh-Hans': () => import('./ticket-bulk.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./ticket-bulk.i18n.zh-Hant.js'),
});
