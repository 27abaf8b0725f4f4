/** The ticket detail's own strings; shared labels (kinds, states, SLA states) are in the kit catalog. */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'ticketDetail.none': 'Choose a ticket to see its details.',
  'ticketDetail.title': (p: { number: string }) => `Ticket #${p.number}`,
  'ticketDetail.close': 'Close details',
  'ticketDetail.fields': 'Details',
  'ticketDetail.field.escalationLevel': 'Escalation level',
  'ticketDetail.field.channel': 'Channel',
  'ticketDetail.field.createdBy': 'Created by',
  'ticketDetail.field.description': 'Description',
  'ticketDetail.comments': 'Comments',
  'ticketDetail.noComments': 'No comments yet.',
  'ticketDetail.log': 'Activity log',
  'ticketDetail.noActivity': 'No activity yet.',
  'ticketDetail.actions': 'Actions',
  'ticketDetail.noActions': 'Your role cannot change this ticket now.',
  'ticketDetail.assign': 'Assign',
  'ticketDetail.routeTo': 'Route to handling department',
  'ticketDetail.current': (p: { name: string }) => `${p.name} (current)`,
  'ticketDetail.routeReason': 'Reason for routing (optional)',
  'ticketDetail.route': 'Route',
  'ticketDetail.notClosable':
    'This complaint can be closed once its verdict and customer callback are recorded in Complaint outcome.',
  'ticketDetail.toOutcome': 'Go to Complaint outcome',
  'ticketDetail.routed': (p: { number: string; name: string }) =>
    `Ticket #${p.number} routed to ${p.name}.`,
  'ticketDetail.commentBody': 'Comment',
  'ticketDetail.commentInternal': 'Internal note (not shown to the customer)',
  'ticketDetail.commentSend': 'Add comment',
  'ticketDetail.commented': 'Comment added.',
  'ticketDetail.transitioned': (p: { number: string; state: string }) =>
    `Ticket #${p.number} is now ${p.state}.`,
  'ticketDetail.assigned': (p: { number: string; name: string }) =>
    `Ticket #${p.number} assigned to ${p.name}.`,
  'ticketDetail.conflict.title': 'Someone else changed this ticket while you were working on it',
  'ticketDetail.conflict.intro': 'Your change was not applied. What changed:',
  'ticketDetail.conflict.none': 'No visible field changed.',
  'ticketDetail.conflict.change': (p: { field: string; from: string; to: string }) =>
    `${p.field}: ${p.from} → ${p.to}`,
  'ticketDetail.conflict.reapply': 'Apply my change again',
  'ticketDetail.conflict.discard': 'Keep their version',
  'ticketDetail.conflict.notAllowed':
    'Your change is no longer possible in the ticket’s new state.',
  'ticketDetail.activity.created': 'Created',
  'ticketDetail.activity.updated': 'Updated',
  'ticketDetail.activity.transitioned': 'Changed state',
  'ticketDetail.activity.commented': 'Commented',
  'ticketDetail.activity.routed': 'Routed',
  'ticketDetail.activity.verdict_recorded': 'Verdict recorded',
  'ticketDetail.activity.callback_recorded': 'Callback recorded',
  'ticketDetail.activity.linked': 'Linked',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('ticket-detail', en, {
  'zh-Hans': () => import('./ticket-detail.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./ticket-detail.i18n.zh-Hant.js'),
});
