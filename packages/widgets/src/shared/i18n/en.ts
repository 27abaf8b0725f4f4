/**
 * The kit's shared strings in English: the source every other locale is typed against.
 *
 * Element-specific strings live in each element's own section (`src/<element>/<element>.i18n.ts`).
 * Labels of API enumerations are checked against the contract's types, so a new enum value
 * fails the type check until it has a label.
 */
import { prefixed } from './types.js';
import type * as E from './enums.js';

export const en = {
  // States every data-reading element shows the same way.
  loading: 'Loading…',
  refreshing: 'Updating…',
  retry: 'Try again',
  empty: 'Nothing to show yet.',
  noData: 'No data',
  sending: 'Sending…',
  saved: 'Saved',
  cancel: 'Cancel',
  close: 'Close',
  required: 'Required',
  optional: 'Optional',
  yes: 'Yes',
  no: 'No',
  dataAsOf: (p: { time: string }) => `As of ${p.time}`,
  'live.on': 'Live',
  'live.stale': 'Live updates interrupted. Figures may be out of date.',
  'live.reconnecting': 'Reconnecting…',

  // Failures, one message per kind of error.
  'error.title': 'Something went wrong',
  'error.network': 'Cannot reach the server. Check the connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.unauthorized': 'Your sign-in has expired. Sign in again to continue.',
  'error.forbidden': 'Your role does not have access to this.',
  'error.notFound': 'This item does not exist or has been removed.',
  'error.conflict': 'Someone else changed this in the meantime. Reload to see the latest version.',
  'error.validation': 'Some fields need attention.',
  'error.rateLimited': (p: { seconds: number }) =>
    p.seconds > 0
      ? `Too many requests. Try again in ${p.seconds} s.`
      : 'Too many requests. Try again shortly.',
  'error.server': 'The server ran into a problem. Try again in a moment.',
  'error.unknown': 'Something unexpected happened. Try again.',
  'error.noClient': 'Not connected: place this inside <cc-provider> or give it a client.',
  'error.reference': (p: { id: string }) => `Reference: ${p.id}`,

  // Durations ("3 min 20 s"); the numbers come already formatted.
  'duration.hours': (p: { n: string }) => `${p.n} h`,
  'duration.minutes': (p: { n: string }) => `${p.n} min`,
  'duration.seconds': (p: { n: string }) => `${p.n} s`,
  'duration.days': (p: { n: string }) => `${p.n} d`,
  'duration.separator': ' ',

  ...prefixed('ticket.kind', {
    general_call: 'General call',
    harassment_call: 'Harassment call',
    work_order: 'Work order',
    follow_up_call: 'Follow-up call',
    complaint: 'Complaint',
    voicemail: 'Voicemail',
    qa_review_request: 'QA review request',
    online_response: 'Online response',
    praise: 'Praise',
  } satisfies Record<E.TicketKind, string>),
  ...prefixed('ticket.state', {
    new: 'New',
    open: 'Open',
    pending: 'Waiting on customer',
    escalated: 'Escalated',
    resolved: 'Resolved',
    closed: 'Closed',
  } satisfies Record<E.TicketState, string>),
  ...prefixed('ticket.transition', {
    start: 'Start work',
    await_customer: 'Wait for customer',
    resume: 'Resume',
    escalate: 'Escalate',
    de_escalate: 'Withdraw escalation',
    resolve: 'Resolve',
    reopen: 'Reopen',
    close: 'Close',
  } satisfies Record<E.TicketTransition, string>),
  ...prefixed('ticket.priority', {
    low: 'Low',
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  } satisfies Record<E.Priority, string>),
  ...prefixed('ticket.channel', {
    phone: 'Phone',
    email: 'Email',
    web: 'Web form',
    chat: 'Live chat',
    social: 'Social media',
    walk_in: 'Walk-in',
    letter: 'Letter',
  } satisfies Record<E.Channel, string>),
  ...prefixed('sla.state', {
    ok: 'On track',
    at_risk: 'At risk',
    breached: 'Breached',
    paused: 'Paused',
    met: 'Met',
  } satisfies Record<E.SlaState, string>),
  'sla.remaining': (p: { time: string }) => `${p.time} left`,
  'sla.overdue': (p: { time: string }) => `Overdue by ${p.time}`,

  ...prefixed('role', {
    agent: 'Agent',
    supervisor: 'Team supervisor',
    complaint_supervisor: 'Complaint supervisor',
    qa_specialist: 'QA specialist',
    operations_manager: 'Operations manager',
    survey_supervisor: 'Customer-survey supervisor',
  } satisfies Record<E.Role, string>),

  ...prefixed('kpi.metric', {
    service_level: 'Service level',
    asa: 'Average speed of answer',
    aht: 'Average handle time',
    abandonment_rate: 'Abandonment rate',
    fcr: 'First-contact resolution',
    csat: 'Customer satisfaction',
    occupancy: 'Occupancy',
    calls_offered: 'Calls offered',
    calls_answered: 'Calls answered',
    calls_abandoned: 'Calls abandoned',
    complaint_count: 'Complaints',
    complaint_rate: 'Complaint rate',
    qa_average: 'QA average score',
  } satisfies Record<E.KpiMetric, string>),
  ...prefixed('kpi.status', {
    met: 'Target met',
    at_risk: 'At risk',
    missed: 'Target missed',
  } satisfies Record<E.KpiStatus, string>),
  'kpi.target': (p: { value: string }) => `Target ${p.value}`,
  'kpi.unit.perThousand': (p: { value: string }) => `${p.value} per 1,000 calls`,
  'kpi.unit.score': (p: { value: string }) => `${p.value} / 100`,
  'kpi.live.callsInQueue': 'Calls in queue',
  'kpi.live.longestWait': 'Longest wait',
  'kpi.live.agentsAvailable': 'Agents available',
  'kpi.live.agentsNeeded': 'Agents needed',
  'kpi.trend.up': (p: { value: string }) => `Up ${p.value} on the previous period`,
  'kpi.trend.down': (p: { value: string }) => `Down ${p.value} on the previous period`,
  'kpi.trend.flat': 'Same as the previous period',

  ...prefixed('qa.state', {
    draft: 'Draft',
    submitted: 'Submitted',
    acknowledged: 'Acknowledged',
    disputed: 'Disputed',
    resolved: 'Dispute resolved',
  } satisfies Record<E.EvaluationState, string>),
  ...prefixed('qa.disputeOutcome', {
    accepted: 'Dispute upheld',
    partially_accepted: 'Partly upheld',
    rejected: 'Dispute rejected',
  } satisfies Record<E.DisputeOutcome, string>),
  ...prefixed('qa.critical', {
    none: 'Standard item',
    fatal: 'Critical item',
    section: 'Critical for its section',
  } satisfies Record<E.CriterionCritical, string>),
  'qa.notApplicable': 'Not applicable',
  'qa.score': (p: { value: string }) => `Score ${p.value}`,

  ...prefixed('equipment.type', {
    headset: 'Headset',
    phone: 'Desk phone',
    workstation: 'Workstation',
    monitor: 'Monitor',
    softphone_licence: 'Softphone licence',
  } satisfies Record<E.AssetType, string>),
  ...prefixed('equipment.result', {
    pass: 'Pass',
    fail: 'Fault',
    missing: 'Missing',
    not_applicable: 'Not applicable',
  } satisfies Record<E.CheckResult, string>),
  ...prefixed('equipment.due', {
    ok: 'Up to date',
    due: 'Check due',
    overdue: 'Overdue',
  } satisfies Record<E.DueState, string>),

  ...prefixed('complaint.severity', {
    low: 'Minor',
    medium: 'Moderate',
    high: 'Serious',
    critical: 'Critical',
  } satisfies Record<E.ComplaintSeverity, string>),
  ...prefixed('complaint.callback', {
    satisfied: 'Satisfied',
    partially_satisfied: 'Partly satisfied',
    unsatisfied: 'Not satisfied',
    unreachable: 'Could not reach the customer',
  } satisfies Record<E.CallbackOutcome, string>),
  'complaint.justified': 'Justified complaint',
  'complaint.unjustified': 'Not justified',
  'complaint.escalationLevel': (p: { level: number }) => `Escalation level ${p.level}`,
  'complaint.department': 'Handling department',
  'complaint.callbackTitle': 'Customer callback',
} as const;

export type SharedMessages = typeof en;
