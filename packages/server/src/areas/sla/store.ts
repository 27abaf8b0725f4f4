/** Storage of SLA policies and the business calendar. */
import type { Schema } from '@cc-kit/spec';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type SlaPolicy = Schema<'SlaPolicy'>;
export type SlaPolicyPatch = Schema<'SlaPolicyPatch'>;
export type BusinessCalendar = Schema<'BusinessCalendar'>;
export type BusinessCalendarInput = Schema<'BusinessCalendarInput'>;

export interface SlaStore {
  policies(after: KeyValue[] | null, limit: number): Keyed<SlaPolicy>[];
  policy(id: string): SlaPolicy | undefined;
  /** The policy of (kind, priority), else the default of that priority (kind null). */
  policyFor(kind: string, priority: string): SlaPolicy | undefined;
  updatePolicy(id: string, version: number, patch: SlaPolicyPatch): number;
  calendar(): BusinessCalendar;
  calendarVersion(): number;
  /** Replaces hours and holidays when the version matches; returns the rows changed (0 or 1). */
  replaceCalendar(version: number, input: BusinessCalendarInput): number;
}
