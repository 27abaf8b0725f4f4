/**
 * The QA scorecard's own strings (the review panel and the calibration view use its criterion,
 * total and no-disputes-left texts); states, outcomes, critical levels and N/A are in the kit
 * catalog.
 */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'qaScorecard.list': 'Evaluations',
  'qaScorecard.back': 'All evaluations',
  'qaScorecard.start': 'Evaluate this call',
  'qaScorecard.open': (p: {
    date: string;
    agent: string;
    template: string;
    state: string;
    score: string;
  }) => `${p.date} · ${p.agent} · ${p.template} · ${p.state} · ${p.score}`,
  'qaScorecard.sections': 'Sections',
  'qaScorecard.criterion': 'Criterion',
  'qaScorecard.total': 'Total score',
  'qaScorecard.section': 'Section score:',
  'qaScorecard.fatal': 'Critical item answered No: the whole evaluation scores 0.',
  'qaScorecard.sectionFailed': 'Critical item answered No: this section scores 0.',
  'qaScorecard.comment': 'Comment',
  'qaScorecard.commentNeeded': 'Comment required for this answer',
  'qaScorecard.overall': 'Coaching note',
  'qaScorecard.points': (p: { max: number }) => `Points (0 to ${p.max})`,
  'qaScorecard.save': 'Save draft',
  'qaScorecard.submit': 'Submit',
  'qaScorecard.acknowledge': 'Acknowledge',
  'qaScorecard.dispute': 'Dispute',
  'qaScorecard.savedAt': (p: { time: string }) => `Draft saved at ${p.time}`,
  'qaScorecard.local': 'Draft saved on this device',
  'qaScorecard.restored': 'Unsaved answers from this device were restored.',
  'qaScorecard.discard': 'Discard them',
  'qaScorecard.reload': 'Reload, keep my answers',
  'qaScorecard.fix': (p: { n: number }) =>
    p.n === 1 ? '1 item needs attention.' : `${p.n} items need attention.`,
  'qaScorecard.missing': 'Answer or mark as not applicable',
  'qaScorecard.window': (p: { date: string; n: number }) =>
    `Open for disputes until ${p.date} (${p.n} left).`,
  'qaScorecard.windowClosed': (p: { date: string }) => `The dispute window closed on ${p.date}.`,
  'qaScorecard.noneLeft': 'No disputes left for this evaluation.',
  'qaScorecard.linked': 'Linked complaints and praise',
  'qaScorecard.agent': (p: { name: string }) => `Agent: ${p.name}`,
  'qaScorecard.call': (p: { when: string; talk: string }) =>
    p.talk ? `Call of ${p.when}, talk time ${p.talk}` : `Call ${p.when}`,
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('qa-scorecard', en, {
  'zh-Hans': () => import('./qa-scorecard.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./qa-scorecard.i18n.zh-Hant.js'),
});
