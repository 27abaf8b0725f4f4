/**
 * @cc-kit/sdk: a typed client for the call-center API.
 *
 * ```ts
 * import { createClient, ConflictError } from '@cc-kit/sdk';
 * const client = createClient({ baseUrl: 'https://cc.example.com', getToken });
 * for await (const ticket of client.tickets.iterate({ state: ['open'] })) console.log(ticket.number);
 * ```
 *
 * The domain rules (QA scoring, SLA clocks, Erlang C, KPI formulas, ticket machines) are in the
 * separate entry `@cc-kit/sdk/domain`; the response schemas in `@cc-kit/sdk/schemas`.
 * @packageDocumentation
 */
export {
  createClient,
  type ChildListApi,
  type Client,
  type ListApi,
  type UpdateWithMergeOptions,
} from './client.js';
export {
  SDK_VERSION,
  responseMeta,
  toEtag,
  type AttemptInfo,
  type ClientOptions,
  type Hooks,
} from './core/http.js';
export {
  ApiError,
  CcError,
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  type FieldError,
  type Problem,
  type ResponseIssue,
} from './core/errors.js';
export { Paginator } from './core/paginate.js';
export { retryOnConflict, type RetryOnConflictOptions } from './core/conflict.js';
export type { RetryOptions } from './core/retry.js';
export type { GetToken, TokenReason, TokenRequest, TokenResult } from './core/auth.js';
export type { ApiEvent, EventTopic, SubscribeOptions, Unsubscribe } from './core/events.js';
export type {
  Body,
  CallOptions,
  IfMatch,
  IfMatchOptions,
  IfMatchWriteOptions,
  ItemOf,
  OperationId,
  Page,
  Query,
  ResponseMeta,
  Result,
  Schema,
  WriteOptions,
  components,
  operations,
} from './core/types.js';
