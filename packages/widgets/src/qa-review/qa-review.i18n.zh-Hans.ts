/** The qa-review strings in zh-Hans: loaded on first use, typed against English (qa-review.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './qa-review.i18n.js';

export default {
  'qaReview.dispute': '申诉评分项',
  'qaReview.original': '原评分',
  'qaReview.was': (p) => `原评分：${p.value}`,
  'qaReview.proposed': '申请改为',
  'qaReview.keep': '不申诉',
  'qaReview.reason': '申诉理由',
  'qaReview.send': '提交申诉',
  'qaReview.pick': '请至少为一个评分项选择申请改为的分数。',
  'qaReview.reasonNeeded': '请填写此评分项的申诉理由。',
  'qaReview.closed': '申诉期已截止。',
  'qaReview.review': '处理申诉',
  'qaReview.apply': '采用的分数',
  'qaReview.unchanged': '维持原评分',
  'qaReview.outcome': '处理结果',
  'qaReview.comment': '给坐席的说明',
  'qaReview.resolve': '完成申诉处理',
  'qaReview.pickApply': '请选择同意调整的分数。',
  'qaReview.raised': (p) => `${p.by} 于 ${p.date} 提出申诉`,
  'qaReview.history': '历史版本',
  'qaReview.revision': (p) => `第 ${p.n} 版 · ${p.date} · ${p.by} · ${p.score}`,
  'qaReview.changed': (p) => `${p.title}：${p.from} → ${p.to}`,
} satisfies Catalog<Strings>;
