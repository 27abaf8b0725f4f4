/**
 * What an area of the server (directory, tickets, complaints, calls, QA, equipment, …) is made of,
 * and what it gets to work with. See the server README, "How to add an area".
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { OperationId, RequestBody, operations } from '@cc-kit/spec';
import type { SpecValidator } from '@cc-kit/spec/validator';
import type { Db } from '../db/database.js';
import type { Caller } from './auth.js';
import type { Clock } from './clock.js';
import type { EventBus } from './events.js';
import type { CursorCodec } from './pagination.js';

export interface ServerConfig {
  jwtSecret: string;
  demo: boolean;
  corsOrigins: string[];
  /** Requests per minute per token. */
  rateLimit: number;
  tokenTtlSeconds: number;
  /** Interval of `: heartbeat` comments on event streams. */
  sseHeartbeatMs: number;
  /** Open event streams allowed per token. */
  sseMaxConnectionsPerToken: number;
  /** How long events are kept for resuming streams (at least 15 minutes). */
  eventRetentionMs: number;
  seed: number;
}

/**
 * Services one area offers the others, by name. An area adds its own by declaration merging:
 *
 *   declare module '../../core/area.js' { interface AreaServices { tickets: TicketsApi } }
 *
 * and provides it in `setup` with `provide('tickets', api)`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaServices {}

export interface Services {
  db: Db;
  config: ServerConfig;
  clock: Clock;
  events: EventBus;
  cursors: CursorCodec;
  spec: SpecValidator;
  log: FastifyBaseLogger;
  /** What the areas set up so far provide (see {@link AreaServices}). */
  areas: Partial<AreaServices>;
  /** Runs `fn` in a transaction that also holds back events until the commit. */
  tx<T>(fn: () => T): T;
  /** A service another area provides; throws when that area is not there. */
  need<K extends keyof AreaServices>(name: K): AreaServices[K];
}

type Part<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;

export type PathParams<Op extends OperationId> = Part<operations[Op]['parameters']['path']>;
export type QueryParams<Op extends OperationId> = Part<operations[Op]['parameters']['query']>;
export type HeaderParams<Op extends OperationId> = Part<operations[Op]['parameters']['header']>;

export interface OperationContext<Op extends OperationId> {
  operationId: Op;
  requestId: string;
  /** The authenticated caller (throws 401 on the public demo operations). */
  readonly caller: Caller;
  params: PathParams<Op>;
  /** Query parameters, coerced to their types, defaults applied. */
  query: QueryParams<Op>;
  /** Header parameters, by their lower-case names. */
  headers: Record<string, unknown>;
  body: RequestBody<Op>;
  /** The version `If-Match` names (`"7"` or `W/"7"`), null when it names none. */
  ifMatch: number | null;
  /** The time of the request (the server clock). */
  now: Date;
  services: Services;
  db: Db;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler that took over the response (event streams). */
export const HIJACKED = Symbol('hijacked');

export type Handler<Op extends OperationId> = (
  ctx: OperationContext<Op>,
) => HandlerResult | typeof HIJACKED | Promise<HandlerResult | typeof HIJACKED>;

export interface OperationOptions {
  /**
   * The handler streams (takes over the reply and returns {@link HIJACKED}) and may be async; it
   * does not run in a transaction. Every other handler is synchronous and runs in one transaction
   * together with its activity log, its events and its Idempotency-Key record.
   */
  stream?: boolean;
  /**
   * The name of an array property of the body whose items the handler validates one by one (a
   * batch that stores the valid items and reports the others): schema errors inside its items are
   * not a 400. The array itself and the rest of the body are still validated.
   */
  itemsCheckedByHandler?: string;
}

export type DefineOperation = <Op extends OperationId>(
  operationId: Op,
  handler: Handler<Op>,
  options?: OperationOptions,
) => void;

export interface AreaSetup {
  services: Services;
  defineOperation: DefineOperation;
  /** Offers a service to the areas set up later. */
  provide<K extends keyof AreaServices>(name: K, service: AreaServices[K]): void;
  /** Called when the server closes (timers, open streams). */
  onClose(fn: () => void | Promise<void>): void;
}

export interface Seeder {
  /** Runs once, on an empty database, in area order. Synchronous; runs in one transaction. */
  (services: Services, random: () => number): void;
}

export interface Area {
  /** Unique, e.g. 'tickets'. */
  name: string;
  /**
   * Set-up and seeding order. Use the area's migration number: core 1, directory 2, tickets 3,
   * events 4, complaints 10, calls 20, QA 30, equipment 40, volume data 90.
   */
  order: number;
  setup(area: AreaSetup): void;
  /** Demo and test data of this area. */
  seed?: Seeder;
  /**
   * Large volumes of demo data: runs once, after every area's `seed` has committed, outside any
   * transaction, so it commits in batches of its own (`services.tx` per batch).
   */
  seedBulk?: Seeder;
}

export function defineArea(area: Area): Area {
  return area;
}

// ---- results -------------------------------------------------------------------------------------

export function ok(body: unknown, options: { etag?: number } = {}): HandlerResult {
  return {
    status: 200,
    body,
    headers: options.etag !== undefined ? { ETag: `"${options.etag}"` } : {},
  };
}

export function created(
  body: unknown,
  options: { location?: string; etag?: number } = {},
): HandlerResult {
  const headers: Record<string, string> = {};
  if (options.location) headers.Location = options.location;
  if (options.etag !== undefined) headers.ETag = `"${options.etag}"`;
  return { status: 201, body, headers };
}
