/** The ticket-filters strings in zh-Hant: loaded on first use, typed against English (ticket-filters.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './ticket-filters.i18n.js';

export default {
  'ticketFilters.filters': '篩選',
  'ticketFilters.search': '搜尋主旨、描述或工單編號',
  'ticketFilters.searchButton': '搜尋',
  'ticketFilters.any': '全部',
  'ticketFilters.withCount': (p) => `${p.label}（${p.n}）`,
  'ticketFilters.sla': '服務時限狀態',
  'ticketFilters.assignee.me': '指派給我的',
  'ticketFilters.createdFrom': '建立時間從',
  'ticketFilters.createdTo': '建立時間至',
  'ticketFilters.clearFilters': '清除篩選',
  'ticketFilters.view': '已儲存的檢視',
  'ticketFilters.view.custom': '目前篩選',
} satisfies Catalog<Strings>;
