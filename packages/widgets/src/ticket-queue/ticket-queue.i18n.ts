/**
 * The ticket queue's own strings, and those the ticket elements share (the detail, the bulk bar
 * and the filter bar read them here); kinds, states and SLA states are in the kit catalog.
 */
import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'ticketQueue.gridLabel': 'Ticket queue',
  'ticketQueue.total': (p: { n: string; loaded: string }) =>
    p.n === p.loaded ? `${p.n} tickets` : `${p.n} tickets, ${p.loaded} loaded`,
  'ticketQueue.loadingMore': 'Loading more tickets…',
  'ticketQueue.empty': 'No ticket matches these filters.',
  'ticketQueue.col.number': 'No.',
  'ticketQueue.col.kind': 'Kind',
  'ticketQueue.col.subject': 'Subject',
  'ticketQueue.col.customer': 'Customer',
  'ticketQueue.col.priority': 'Priority',
  'ticketQueue.col.state': 'State',
  'ticketQueue.col.assignee': 'Assignee',
  'ticketQueue.col.team': 'Team',
  'ticketQueue.col.department': 'Handling department',
  'ticketQueue.col.sla': 'SLA time left',
  'ticketQueue.col.updated': 'Updated',
  'ticketQueue.col.created': 'Created',
  'ticketQueue.selectRow': (p: { number: string }) => `Select ticket #${p.number}`,
  'ticketQueue.selectAll': 'Select all loaded tickets',
  'ticketQueue.unassigned': 'Unassigned',
  'ticketQueue.noCustomer': 'No customer',
  // Shared with the detail, the bulk bar and the filter bar.
  'ticketQueue.assignMe': 'Assign to me',
  'ticketQueue.assignTo': 'Assign to',
  'ticketQueue.choose': 'Choose…',
  'ticketQueue.reason': 'Reason',
  'ticketQueue.resolution': 'Resolution',
  'ticketQueue.apply': 'Apply',
  'ticketQueue.sla.none': 'No SLA',
  'ticketQueue.sla.paused': (p: { time: string }) => `Paused, ${p.time} left`,
  'ticketQueue.sla.crossed': (p: { number: string; state: string }) => `#${p.number}: ${p.state}`,
  'ticketQueue.open': (p: { number: string }) => `Open ticket #${p.number}`,
  'ticketQueue.live.updated': (p: { number: string }) => `Ticket #${p.number} was updated.`,
  'ticketQueue.live.updatedMany': (p: { n: string }) => `${p.n} tickets were updated.`,
  'ticketQueue.live.created': (p: { n: string; count: number }) =>
    p.count === 1 ? '1 new ticket' : `${p.n} new tickets`,
  'ticketQueue.live.show': 'Show them',
  'ticketQueue.live.resync': 'The list was reloaded to catch up with changes.',
  'ticketQueue.sorted': (p: { column: string; direction: string }) =>
    `Sorted by ${p.column}, ${p.direction}.`,
  'ticketQueue.ascending': 'ascending',
  'ticketQueue.descending': 'descending',
  'ticketQueue.keyboardHelp':
    'Arrow keys move between cells, Enter opens a ticket, Space selects it.',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('ticket-queue', en, {
  'zh-Hans': () => import('./ticket-queue.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./ticket-queue.i18n.zh-Hant.js'),
});
