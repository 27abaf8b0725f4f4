/**
 * The call-center API contract as TypeScript types, generated from openapi.yaml.
 * Everything here is types only: importing it costs nothing at run time.
 */
import type { components, operations, paths } from './generated.js';

export type { components, operations, paths };

/** A named schema of the contract: `Schema<'Ticket'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type OperationId = keyof operations;

/** The JSON body an operation answers with for a given status. */
export type ResponseBody<
  Op extends OperationId,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

/** The JSON body an operation accepts. */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Role = Schema<'Role'>;
export type Problem = Schema<'Problem'>;
export type Ticket = Schema<'Ticket'>;
export type TicketKind = Schema<'TicketKind'>;
export type TicketState = Schema<'TicketState'>;
export type TicketTransition = Schema<'TicketTransition'>;
export type Priority = Schema<'Priority'>;
export type Channel = Schema<'Channel'>;
export type SlaState = Schema<'SlaState'>;
export type KpiMetric = Schema<'KpiMetric'>;
export type EventTopic = Schema<'EventTopic'>;
export type ApiEvent = Schema<'Event'>;
