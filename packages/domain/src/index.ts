/**
 * @cc-kit/domain: the call-center rules that client and server compute identically.
 * Pure functions and constants only: no I/O, no global state beyond caches, no side effects on import.
 */
export * from './roles.js';
export * from './tickets.js';
export * from './sla.js';
export { timeZoneOffset } from './time-zone.js';
