/**
 * Strings of the scorecard's review panel (disputes, their resolution, history); the criterion
 * heading and the no-disputes-left message are the scorecard's.
 */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'qaReview.dispute': 'Dispute criteria',
  'qaReview.original': 'Original score',
  'qaReview.was': (p: { value: string }) => `Original score: ${p.value}`,
  'qaReview.proposed': 'Proposed score',
  'qaReview.keep': 'Not disputed',
  'qaReview.reason': 'Reason',
  'qaReview.send': 'Send dispute',
  'qaReview.pick': 'Choose a proposed score for at least one criterion.',
  'qaReview.reasonNeeded': 'Give a reason for this criterion.',
  'qaReview.closed': 'The dispute window has closed.',
  'qaReview.review': 'Review the dispute',
  'qaReview.apply': 'Score to apply',
  'qaReview.unchanged': 'Keep original',
  'qaReview.outcome': 'Decision',
  'qaReview.comment': 'Comment to the agent',
  'qaReview.resolve': 'Resolve dispute',
  'qaReview.pickApply': 'Choose the scores you accept.',
  'qaReview.raised': (p: { by: string; date: string }) => `Dispute by ${p.by}, ${p.date}`,
  'qaReview.history': 'History',
  'qaReview.revision': (p: { n: number; date: string; by: string; score: string }) =>
    `Revision ${p.n} · ${p.date} · ${p.by} · ${p.score}`,
  'qaReview.changed': (p: { title: string; from: string; to: string }) =>
    `${p.title}: ${p.from} → ${p.to}`,
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('qa-review', en, {
  'zh-Hans': () => import('./qa-review.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./qa-review.i18n.zh-Hant.js'),
});
