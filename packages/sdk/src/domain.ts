/**
 * @cc-kit/sdk/domain: the call-center rules the API itself uses, for clients — QA scoring, SLA
 * clocks and remaining-time display, Erlang C staffing, KPI formulas, ticket state machines, PII
 * masking. Pure functions with no I/O; import only what you use and the rest is left out.
 * @packageDocumentation
 */
export * from '@cc-kit/domain';
export { formatDuration, slaRemainingSeconds, type FormatDurationOptions } from './sla-display.js';
