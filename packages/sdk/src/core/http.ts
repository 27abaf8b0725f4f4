/**
 * The request pipeline: one logical call = auth, attempts with a timeout each, safe retries with
 * backoff, error mapping and (lazily loaded) response validation. Each attempt is one `fetch` of a
 * `Request`; everything around it (retries, timeouts, hooks, typed errors) is done here.
 */
import { createAuth, type GetToken } from './auth.js';
import {
  CcError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  apiError,
  type Problem,
  type ResponseIssue,
} from './errors.js';
import { backoff, parseRetryAfter, resolveRetry, sleep, type RetryOptions } from './retry.js';
import type { CallOptions, IfMatch, ResponseMeta } from './types.js';

export const SDK_VERSION = '0.1.0';

/** What a hook learns about an attempt. Never the `Authorization` header nor the token. */
export interface AttemptInfo {
  operationId: string;
  method: string;
  /** The URL (paths and queries never carry personal data or tokens in this API). */
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Observe (or add headers to) requests: for logging, metrics, tracing. */
export interface Hooks {
  /** Before each attempt; `headers` may be changed (the `Authorization` header is added after). */
  beforeRequest?(info: AttemptInfo & { headers: Headers }): void | Promise<void>;
  /** After each answer, successful or not. */
  afterResponse?(
    info: AttemptInfo & { status: number; requestId: string | undefined; ms: number },
  ): void;
  /** Before waiting for a retry. */
  beforeRetry?(info: AttemptInfo & { error: CcError; delay: number }): void;
}

export interface ClientOptions {
  /** Where the API lives, e.g. `https://cc.example.com` (a trailing `/v1` is accepted too). */
  baseUrl: string;
  /** A fixed token. Prefer `getToken` for tokens that expire. */
  token?: string;
  /** Called lazily for a token; its result is cached until it expires, and asked again after a 401. */
  getToken?: GetToken;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 30 000; 0 = none). */
  timeout?: number;
  /** Retry settings, a number of attempts, or `false` (default: 3 attempts, full-jitter backoff). */
  retry?: RetryOptions | number | false;
  /** Validate every response against the contract (default true). */
  validate?: boolean;
  hooks?: Hooks;
  /** Identifies your application in `User-Agent` (Node only: browsers do not let pages set it). */
  userAgent?: string;
  /** How long before its expiry a token is renewed, in ms (default 30 000). */
  tokenSkew?: number;
  /** Live events: how long (ms) the shared stream stays open after its last subscription ended (default 1 000). */
  events?: { linger?: number };
}

/** One logical call, as the resource methods describe it. */
export interface Call {
  op: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  query?: object | undefined;
  body?: unknown;
  /** The operation takes an Idempotency-Key. */
  idem?: boolean;
  ifMatch?: IfMatch | undefined;
  headers?: Record<string, string>;
  /** `text` returns the body as text, `stream` the Response itself (no timeout after headers). */
  as?: 'text' | 'stream';
  opts?: (CallOptions & { idempotencyKey?: string }) | undefined;
}

export type Validate = (operationId: string, data: unknown) => ResponseIssue[] | undefined;

export type Send = <T>(call: Call) => Promise<T>;

const metas = new WeakMap<object, ResponseMeta>();

/**
 * What the SDK knows about the HTTP answer a result came from: status, request id, ETag and
 * whether it was an idempotent replay. Undefined for values that did not come from a call.
 */
export function responseMeta(value: object): ResponseMeta | undefined {
  return metas.get(value);
}

/** Formats `ifMatch` as an ETag: `7` and `'7'` become `"7"`; an ETag passes unchanged. */
export const toEtag = (value: IfMatch): string =>
  typeof value === 'number' || /^\d+$/.test(value) ? `"${value}"` : value;

const query = (params?: object): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    for (const item of [value].flat()) if (item != null) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Aborts `controller` when `signal` does; returns the unsubscribe. */
export const follow = (signal: AbortSignal | undefined, controller: AbortController) => {
  const abort = () => controller.abort(signal!.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  return () => signal?.removeEventListener('abort', abort);
};

let validator: Promise<Validate> | undefined;
/** The schemas are loaded on the first validation only, so the core stays small. */
export const loadValidator = (): Promise<Validate> =>
  (validator ??= import('../schemas/validate.js').then((m) => m.validateResponse));

export function createTransport(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const auth = createAuth(options.token, options.getToken, options.tokenSkew);
  const hooks = options.hooks ?? {};
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node;
  const userAgent = node
    ? `${options.userAgent ? `${options.userAgent} ` : ''}cc-kit-sdk/${SDK_VERSION}`
    : undefined;

  const send: Send = async <T>(call: Call): Promise<T> => {
    const opts = call.opts ?? {};
    const signal = opts.signal;
    const retry = resolveRetry(options.retry, opts.retry);
    const timeout = opts.timeout ?? options.timeout ?? 30_000;
    const validate = opts.validate ?? options.validate ?? true;
    const url = base + call.path + query(call.query);
    const key = call.idem ? (opts.idempotencyKey ?? crypto.randomUUID()) : undefined;
    const ifMatch = call.ifMatch === undefined ? undefined : toEtag(call.ifMatch);
    // Only retry what cannot be applied twice: reads, keyed POSTs, conditional updates.
    const safe = call.method === 'GET' || (call.method === 'POST' ? !!key : !!ifMatch);
    let renewed = false;

    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const info: AttemptInfo = { operationId: call.op, method: call.method, url, attempt };
      const headers = new Headers(call.headers);
      headers.set(
        'accept',
        call.as === 'text'
          ? 'text/csv'
          : call.as === 'stream'
            ? 'text/event-stream'
            : 'application/json, application/problem+json',
      );
      if (call.body !== undefined) {
        headers.set(
          'content-type',
          call.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
        );
      }
      if (key) headers.set('idempotency-key', key);
      if (ifMatch) headers.set('if-match', ifMatch);
      if (userAgent) headers.set('user-agent', userAgent);
      await hooks.beforeRequest?.({ ...info, headers });

      let token = await auth.get(signal);
      const controller = new AbortController();
      const unfollow = follow(signal, controller);
      let timedOut = false;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              timedOut = true;
              controller.abort();
            }, timeout)
          : undefined;
      const started = Date.now();
      let error: CcError;
      let retryAfter: number | undefined;
      let streaming = false;

      const fetchOnce = (bearer: string | undefined) => {
        // A copy: a hook that kept `headers` never sees the Authorization header.
        const sent = new Headers(headers);
        if (bearer) sent.set('authorization', `Bearer ${bearer}`);
        // A caller's fetch receives a Request, as fetch wrappers expect; the global fetch is
        // bound so that it is never called on another object. An invalid URL or a network
        // failure rejects with a TypeError, mapped to a NetworkError below.
        return (options.fetch ?? fetch.bind(globalThis))(
          new Request(url, {
            method: call.method,
            headers: sent,
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            signal: controller.signal,
          }),
        );
      };

      try {
        let response = await fetchOnce(token);
        if (response.status === 401 && !renewed) {
          // The token was refused: ask for a new one once and send the same request again.
          // Nothing was processed, so this is safe for every method.
          renewed = true;
          const fresh = await auth.renew(token, signal);
          if (fresh !== undefined) {
            void response.body?.cancel();
            token = fresh;
            response = await fetchOnce(token);
          }
        }
        const status = response.status;
        const requestId = response.headers.get('x-request-id') ?? undefined;
        hooks.afterResponse?.({ ...info, status, requestId, ms: Date.now() - started });

        if (response.ok) {
          if (call.as === 'stream') {
            streaming = true;
            return response as T;
          }
          const text = await response.text();
          if (call.as === 'text') return text as T;
          let data: unknown;
          try {
            data = text ? JSON.parse(text) : undefined;
          } catch {
            throw new ResponseValidationError(
              [{ path: '', message: 'not JSON', code: 'invalid_json' }],
              status,
              requestId,
              call.op,
            );
          }
          if (validate) {
            const issues = (await loadValidator())(call.op, data);
            if (issues) throw new ResponseValidationError(issues, status, requestId, call.op);
          }
          if (data && typeof data === 'object') {
            metas.set(data, {
              status,
              requestId,
              etag: response.headers.get('etag') ?? undefined,
              replayed: response.headers.get('idempotent-replayed') === 'true',
            });
          }
          return data as T;
        }

        retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        const problem = await readProblem(response);
        error = apiError(
          status,
          problem,
          problem.requestId || requestId,
          call.op,
          retryAfter === undefined ? undefined : retryAfter / 1000,
        );
      } catch (caught) {
        if (signal?.aborted) throw signal.reason;
        if (caught instanceof CcError) throw caught;
        // The cause is the fetch error itself; it never holds the request or its headers.
        error = timedOut ? new TimeoutError(timeout, call.op) : new NetworkError(call.op, caught);
      } finally {
        clearTimeout(timer);
        // A stream stays tied to the caller's signal for as long as it is read.
        if (!streaming) unfollow();
      }

      if (!safe || attempt >= retry.attempts || !error.retryable) throw error;
      let delay = backoff(attempt, retry);
      if (retryAfter !== undefined) {
        if (retryAfter > retry.maxRetryAfter) throw error;
        delay = retryAfter;
      }
      hooks.beforeRetry?.({ ...info, error, delay });
      await sleep(delay, signal);
    }
  };

  return { send, auth, base };
}

async function readProblem(response: Response): Promise<Problem> {
  const status = response.status;
  let body: Partial<Problem> | undefined;
  try {
    if (/json/.test(response.headers.get('content-type') ?? '')) body = await response.json();
    else void response.body?.cancel();
  } catch {
    // Not JSON after all: fall back to the status alone.
  }
  return body && typeof body.type === 'string' && typeof body.title === 'string'
    ? ({ ...body, status } as Problem)
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${status}`,
        status,
        requestId: '',
      };
}
