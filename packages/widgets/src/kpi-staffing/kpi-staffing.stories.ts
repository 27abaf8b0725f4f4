import { html } from 'lit';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-kpi-staffing.js';

/**
 * `<cc-kpi-staffing>` shows the staffing answer for live figures it is given (`.live`);
 * `<cc-kpi-tiles>` passes its own in the live period. These figures are a recorded answer of the
 * reference server's `GET /v1/kpis/live` (center scope), with the arrivals varied per story.
 */
export default {
  title: 'Elements/cc-kpi-staffing',
  component: 'cc-kpi-staffing',
  tags: ['autodocs'],
};

const recorded: Schema<'LiveKpis'> = {
  scope: 'center',
  scopeId: null,
  asOf: '2026-11-27T03:34:49.492Z',
  callsInQueue: 4,
  longestWaitSeconds: 116.5,
  agentsAvailable: 2,
  agentsOnCall: 11,
  agentsInAfterCallWork: 1,
  agentsOnBreak: 1,
  agentsStaffed: 15,
  serviceLevel: { value: 0.8571428571428571, numerator: 30, denominator: 35 },
  serviceLevelThresholdSeconds: 20,
  target: {
    metric: 'service_level',
    value: 0.8,
    direction: 'higher_is_better',
    atRiskMargin: 0.05,
    version: 1,
  },
  windowMinutes: 30,
  callsOfferedInWindow: 41,
  ahtSecondsInWindow: 208.9,
};

const staffing = (live: Schema<'LiveKpis'>, theme = '') =>
  html`<cc-kpi-staffing .live=${live} theme=${theme}></cc-kpi-staffing>`;

export const Staffed = { render: () => staffing(recorded) };
export const Understaffed = {
  render: () => staffing({ ...recorded, callsOfferedInWindow: 160 }),
};
export const NoTraffic = {
  name: 'Empty (no calls in the window)',
  render: () => staffing({ ...recorded, callsOfferedInWindow: 0, ahtSecondsInWindow: null }),
};
export const NoTarget = { render: () => staffing({ ...recorded, target: null }) };
export const Dark = { render: () => staffing({ ...recorded, callsOfferedInWindow: 160 }, 'dark') };
