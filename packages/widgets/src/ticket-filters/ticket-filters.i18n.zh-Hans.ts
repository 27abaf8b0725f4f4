/** The ticket-filters strings in zh-Hans: loaded on first use, typed against English (ticket-filters.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './ticket-filters.i18n.js';

export default {
  'ticketFilters.filters': '筛选',
  'ticketFilters.search': '搜索标题、描述或工单号',
  'ticketFilters.searchButton': '搜索',
  'ticketFilters.any': '全部',
  'ticketFilters.withCount': (p) => `${p.label}（${p.n}）`,
  'ticketFilters.sla': '服务时限状态',
  'ticketFilters.assignee.me': '分派给我的',
  'ticketFilters.createdFrom': '创建时间从',
  'ticketFilters.createdTo': '创建时间至',
  'ticketFilters.clearFilters': '清除筛选',
  'ticketFilters.view': '已保存的视图',
  'ticketFilters.view.custom': '当前筛选',
} satisfies Catalog<Strings>;
