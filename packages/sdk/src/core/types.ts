/**
 * Types derived from the generated OpenAPI types: what each operation takes and answers.
 * Nothing here exists at run time.
 */
import type { components, operations } from '@cc-kit/spec';
import type { RequestBodyDefaults, RequestBodyOverrides } from '../request-types.generated.js';
import type { RetryOptions } from './retry.js';

export type { components, operations };

/** An operationId of the contract. */
export type OperationId = keyof operations;

/** A named schema of the contract: `Schema<'Ticket'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Responses<K extends OperationId> = operations[K]['responses'];
type Success<K extends OperationId> = 200 extends keyof Responses<K>
  ? Responses<K>[200]
  : 201 extends keyof Responses<K>
    ? Responses<K>[201]
    : never;

/** What operation `K` answers on success: its JSON body, or the text of a CSV answer. */
export type Result<K extends OperationId> =
  Success<K> extends { content: { 'application/json': infer Body } }
    ? Body
    : Success<K> extends { content: { 'text/csv': infer Text } }
      ? Text
      : never;

/** The query parameters of operation `K` (without `cursor` for lists read through iterators). */
export type Query<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;

type RawBody<K extends OperationId> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

type WithDefaults<K extends OperationId> = K extends keyof RequestBodyDefaults
  ? Omit<RawBody<K>, RequestBodyDefaults[K]> &
      Partial<Pick<RawBody<K>, Extract<RequestBodyDefaults[K], keyof RawBody<K>>>>
  : RawBody<K>;

/**
 * The JSON body operation `K` accepts. Fields the contract gives a default are optional here
 * (the generated types mark them required, as they are in the server's view of the body), and
 * `allOf` overlays the generated types cannot express are typed as the contract means them.
 */
export type Body<K extends OperationId> = K extends keyof RequestBodyOverrides
  ? Omit<WithDefaults<K>, keyof RequestBodyOverrides[K]> & RequestBodyOverrides[K]
  : WithDefaults<K>;

/** A page of a list: `items` and the cursor of the next page (`null` on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The item type of a list operation. */
export type ItemOf<K extends OperationId> = Result<K> extends { items: (infer T)[] } ? T : never;

/**
 * An ETag for `If-Match`: the object's `version` (`7`), or the ETag as the API sent it (`"7"`).
 */
export type IfMatch = number | string;

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the call, its retries and their waits; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call (overrides the client's; 0 = none). */
  timeout?: number;
  /** Retry settings for this call (merged over the client's); `false` = no retries. */
  retry?: RetryOptions | number | false;
  /** Validate the response against the contract (overrides the client's `validate`). */
  validate?: boolean;
}

/** Options of a POST that writes: the idempotency key may be given to survive a page reload. */
export interface WriteOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this logical write (1–255 visible ASCII characters). By default the
   * SDK makes one per call and reuses it across that call's retries; pass your own (stored with the
   * draft, say) to make a write issued again after a reload count once.
   */
  idempotencyKey?: string;
}

/** Options of a change to an existing object: the ETag it was read at is required. */
export interface IfMatchOptions extends CallOptions {
  /** The object's `version` (or its ETag) as last read; a stale one fails with `ConflictError`. */
  ifMatch: IfMatch;
}

/** Options of a POST that changes an existing object (a transition, a verdict, a submission). */
export interface IfMatchWriteOptions extends WriteOptions {
  ifMatch: IfMatch;
}

/** What the SDK knows about the HTTP answer an object came from (see `responseMeta`). */
export interface ResponseMeta {
  status: number;
  /** `X-Request-Id`. */
  requestId: string | undefined;
  /** The `ETag` header, when the API sent one (equals `"<version>"`). */
  etag: string | undefined;
  /** true when the API replayed the stored answer of an earlier request with the same key. */
  replayed: boolean;
}
