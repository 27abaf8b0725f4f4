/** The ticket-bulk strings in zh-Hans: loaded on first use, typed against English (ticket-bulk.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './ticket-bulk.i18n.js';

export default {
  'ticketBulk.none': '未选择工单。',
  'ticketBulk.label': '对所选工单批量操作',
  'ticketBulk.selected': (p) => `已选 ${p.n} 张`,
  'ticketBulk.transition': '变更状态',
  'ticketBulk.clear': '取消选择',
  'ticketBulk.results': (p) => `成功 ${p.ok} 张，失败 ${p.failed} 张。`,
  'ticketBulk.ok': '已完成',
  'ticketBulk.stale': '已被他人修改，请刷新后重试',
  'ticketBulk.notAllowed': '当前状态下无法执行',
  'ticketBulk.forbidden': '您的角色无权执行此操作',
  'ticketBulk.failed': '失败',
} satisfies Catalog<Strings>;
