/** Strings of a complaint's outcome: its verdict and the customer callback. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'complaintResolution.title': 'Complaint outcome',
  'complaintResolution.facts': 'Complaint',
  'complaintResolution.category': 'Category',
  'complaintResolution.severity': 'Severity',
  'complaintResolution.wants': 'What the customer asks for',
  'complaintResolution.callbackAt': 'Preferred callback time',
  'complaintResolution.ackBy': 'Acknowledgement deadline',
  'complaintResolution.ackAt': 'Acknowledged',
  'complaintResolution.notAck': 'Not yet acknowledged',
  'complaintResolution.verdict': 'Verdict',
  'complaintResolution.justified': 'Justified',
  'complaintResolution.unjustified': 'Not justified',
  'complaintResolution.finding': 'Finding',
  'complaintResolution.decided': (p: { by: string; date: string }) =>
    `Decided by ${p.by}, ${p.date}`,
  'complaintResolution.noVerdict': 'No verdict yet.',
  'complaintResolution.recordVerdict': 'Record verdict',
  'complaintResolution.reviseVerdict': 'Revise verdict',
  'complaintResolution.pickVerdict': 'Choose whether the complaint is justified.',
  'complaintResolution.needFinding': 'Write down the finding.',
  'complaintResolution.verdictRecorded': (p: { verdict: string }) =>
    `Verdict recorded: ${p.verdict}.`,
  'complaintResolution.outcome': 'Result of the call',
  'complaintResolution.o.satisfied': 'Reached, satisfied',
  'complaintResolution.o.partially_satisfied': 'Reached, partly satisfied',
  'complaintResolution.o.unsatisfied': 'Reached, not satisfied',
  'complaintResolution.o.unreachable': 'Could not reach the customer',
  'complaintResolution.note': 'Notes (optional)',
  'complaintResolution.called': (p: { by: string; date: string }) => `Called by ${p.by}, ${p.date}`,
  'complaintResolution.noCallback': 'No callback recorded yet.',
  'complaintResolution.recordCallback': 'Record callback',
  'complaintResolution.pickOutcome': 'Choose the result of the call.',
  'complaintResolution.callbackRecorded': (p: { outcome: string }) =>
    `Callback recorded: ${p.outcome}.`,
  'complaintResolution.invalid': 'This value was not accepted. Check it and try again.',
  'complaintResolution.conflict':
    'Someone else changed this complaint while you were writing. It has been reloaded and what you typed is kept: check it and submit again.',
  'complaintResolution.closed': 'This complaint is closed; its outcome can no longer change.',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('complaint-resolution', en, {
  'zh-Hans': () => import('./complaint-resolution.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./complaint-resolution.i18n.zh-Hant.js'),
});
