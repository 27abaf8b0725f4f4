/** The filter bar's own strings; shared labels (kinds, states, SLA states) are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'ticketFilters.filters': 'Filters',
  'ticketFilters.search': 'Search subject, description or number',
  'ticketFilters.searchButton': 'Search',
  'ticketFilters.any': 'All',
  'ticketFilters.withCount': (p: { label: string; n: string }) => `${p.label} (${p.n})`,
  'ticketFilters.sla': 'SLA state',
  'ticketFilters.assignee.me': 'Assigned to me',
  'ticketFilters.createdFrom': 'Created from',
  'ticketFilters.createdTo': 'Created to',
  'ticketFilters.clearFilters': 'Clear filters',
  'ticketFilters.view': 'Saved view',
  'ticketFilters.view.custom': 'Current filters',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('ticket-filters', en, {
  'zh-Hans': () => import('./ticket-filters.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./ticket-filters.i18n.zh-Hant.js'),
});
