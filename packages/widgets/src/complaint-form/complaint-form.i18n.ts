import { defineCatalog } from '../shared/i18n/types.js';

const en = {
  'complaintForm.title': 'New complaint',
  'complaintForm.customer': 'Customer',
  'complaintForm.complaint': 'Complaint',
  'complaintForm.followUp': 'Follow-up',
  'complaintForm.customerName': 'Customer name',
  'complaintForm.customerPhone': 'Phone number',
  'complaintForm.customerId': 'Customer ID',
  'complaintForm.channel': 'Channel',
  'complaintForm.categoryQuery': 'Find a category',
  'complaintForm.categoryId': 'Category',
  'complaintForm.severity': 'Severity',
  'complaintForm.description': 'What happened',
  'complaintForm.desiredResolution': 'What the customer asks for',
  'complaintForm.relatedTicketId': 'Related ticket ID',
  'complaintForm.relatedCallId': 'Related call ID',
  'complaintForm.preferredCallbackAt': 'Preferred callback time',
  'complaintForm.choose': 'Choose…',
  'complaintForm.suggested': (p: { name: string }) => `Suggested department (${p.name})`,
  'complaintForm.routingHint': 'Choose a category to see the handling department and deadline.',
  'complaintForm.deadline': 'Acknowledgement deadline',
  'complaintForm.submit': 'File complaint',
  'complaintForm.discard': 'Discard draft',
  'complaintForm.restored': (p: { time: string }) => `Your draft from ${p.time} was restored.`,
  'complaintForm.queued': 'Saved on this device, sending…',
  'complaintForm.done': 'Complaint filed',
  'complaintForm.ticket': (p: { n: number }) => `Ticket #${p.n}`,
  'complaintForm.another': 'File another complaint',
  'complaintForm.fix': (p: { n: number }) =>
    p.n === 1 ? '1 field needs attention.' : `${p.n} fields need attention.`,
  'complaintForm.err.required': 'Fill this in.',
  'complaintForm.err.maxLength': (p: { n: number }) => `Use at most ${p.n} characters.`,
  'complaintForm.err.minLength': (p: { n: number }) => `Use at least ${p.n} characters.`,
  'complaintForm.err.pattern': 'This does not have the expected format.',
  'complaintForm.err.number': 'Enter a number.',
  'complaintForm.err.date': 'Enter a valid date.',
  'complaintForm.err.min': (p: { n: string }) => `Enter at least ${p.n}.`,
  'complaintForm.err.max': (p: { n: string }) => `Enter at most ${p.n}.`,
  'complaintForm.err.option': 'Choose one of the options.',
  'complaintForm.err.reference': 'Not found, or not one you can see.',
  'complaintForm.err.invalid': 'This value was not accepted.',
} as const;

export type Strings = typeof en;

export const messages = defineCatalog('complaint-form', en, {
  'zh-Hans': () => import('./complaint-form.i18n.zh-Hans.js'),
  'zh-Hant': () => import('./complaint-form.i18n.zh-Hant.js'),
});
