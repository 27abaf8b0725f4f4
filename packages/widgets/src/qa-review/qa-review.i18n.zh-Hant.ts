/** The qa-review strings in zh-Hant: loaded on first use, typed against English (qa-review.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './qa-review.i18n.js';

export default {
  'qaReview.dispute': '申訴評分項目',
  'qaReview.original': '原評分',
  'qaReview.was': (p) => `原評分：${p.value}`,
  'qaReview.proposed': '申請改為',
  'qaReview.keep': '不申訴',
  'qaReview.reason': '申訴理由',
  'qaReview.send': '送出申訴',
  'qaReview.pick': '請至少為一個評分項目選擇申請改為的分數。',
  'qaReview.reasonNeeded': '請填寫此評分項目的申訴理由。',
  'qaReview.closed': '申訴期限已截止。',
  'qaReview.review': '處理申訴',
  'qaReview.apply': '採用的分數',
  'qaReview.unchanged': '維持原評分',
  'qaReview.outcome': '處理結果',
  'qaReview.comment': '給客服人員的說明',
  'qaReview.resolve': '完成申訴處理',
  'qaReview.pickApply': '請選擇同意調整的分數。',
  'qaReview.raised': (p) => `${p.by} 於 ${p.date} 提出申訴`,
  'qaReview.history': '歷史版本',
  'qaReview.revision': (p) => `第 ${p.n} 版 · ${p.date} · ${p.by} · ${p.score}`,
  'qaReview.changed': (p) => `${p.title}：${p.from} → ${p.to}`,
} satisfies Catalog<Strings>;
