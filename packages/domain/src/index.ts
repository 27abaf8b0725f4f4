/**
 * @cc-kit/domain: the call-center rules that client and server compute identically.
 *
 * Pure functions and constants only: no I/O, no dependencies, nothing runs on import. The only
 * state is caches (time-zone offsets, compiled custom-field patterns), which never change a result.
 */
export * from './roles.js';
export * from './tickets.js';
export * from './complaints.js';
export * from './sla.js';
export { timeZoneOffset } from './time-zone.js';
export * from './qa.js';
export * from './kpi.js';
export * from './kpi-periods.js';
export * from './erlang-c.js';
export * from './equipment.js';
