/** The ticket-bulk strings in zh-Hant: loaded on first use, typed against English (ticket-bulk.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './ticket-bulk.i18n.js';

export default {
  'ticketBulk.none': '未選取工單。',
  'ticketBulk.label': '對選取的工單批次處理',
  'ticketBulk.selected': (p) => `已選取 ${p.n} 張`,
  'ticketBulk.transition': '變更狀態',
  'ticketBulk.clear': '取消選取',
  'ticketBulk.results': (p) => `成功 ${p.ok} 張，失敗 ${p.failed} 張。`,
  'ticketBulk.ok': '已完成',
  'ticketBulk.stale': '已被他人修改，請重新整理後再試',
  'ticketBulk.notAllowed': '目前狀態下無法執行',
  'ticketBulk.forbidden': '您的角色無權執行此操作',
  'ticketBulk.failed': '失敗',
} satisfies Catalog<Strings>;
