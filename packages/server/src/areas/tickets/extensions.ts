/**
 * How other areas extend tickets without editing this area: complaints add the `complaint`
 * details, equipment the `equipment` link, QA its review requests. Register with
 * `services.need('tickets').extend({ name, ... })` in your area's setup.
 */
import type { ComplaintCloseFacts, Role, TicketTransition } from '@cc-kit/domain';
import type { Caller } from '../../core/auth.js';
import type { Ticket, TicketRecord } from './store.js';

export interface TransitionEvent {
  actor: Caller;
  transition: TicketTransition;
  before: TicketRecord;
  after: TicketRecord;
  /** The request body (`resolution`, `reason`, `comment`). */
  input: { resolution?: string; reason?: string; comment?: string };
  now: Date;
}

export interface TicketExtension {
  /** Unique, usually the area's name. */
  name: string;
  /**
   * Fills the fields the area owns (`complaint`, `equipment`) on tickets about to be answered or
   * published. Called once per batch (a page of a list), so read the side table in one query.
   */
  decorate?(tickets: Ticket[]): void;
  /**
   * Extra rows a role may see, as an SQLite condition over the tickets table aliased `t`
   * (e.g. QA specialists: `EXISTS (SELECT 1 FROM ticket_complaints c WHERE c.ticket_id = t.id AND c.justified = 1)`).
   */
  visibility?: Partial<Record<Role, string>>;
  /** Extra audience keys for a ticket's events (see core/events.ts), e.g. `role:qa_specialist`. */
  audience?(ticket: Ticket): string[];
  /** The facts of the complaint close guard (verdict, callback); undefined for one it does not know. */
  complaintCloseFacts?(ticketId: string): ComplaintCloseFacts | undefined;
  /** Runs before a transition is written; throw an HttpProblem to refuse it. */
  beforeTransition?(event: TransitionEvent): void;
  /** Runs after a transition is written, in the same transaction. */
  afterTransition?(event: TransitionEvent): void;
}
