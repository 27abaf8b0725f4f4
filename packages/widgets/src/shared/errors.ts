/**
 * Sorting failures into the kinds the UI tells apart. Works by name and status rather than
 * `instanceof`, so an error from another copy of the SDK is still recognized.
 */

export type ErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'aborted'
  | 'no_client'
  | 'unknown';

/** What `cc-error` carries and what the error template shows. */
export interface ErrorInfo {
  kind: ErrorKind;
  /** A stable code: the kind, or the problem type's last segment when the API gave one. */
  code: string;
  status: number | undefined;
  requestId: string | undefined;
  retryable: boolean;
  /** Seconds to wait, for rate limits. */
  retryAfter: number | undefined;
  cause: unknown;
}

/** Thrown by the data controller when an element has no client. */
export class NoClientError extends Error {
  override name = 'NoClientError';
  constructor() {
    super('No API client: place the element inside <cc-provider> or set its client property.');
  }
}

const BY_NAME: Record<string, ErrorKind> = {
  NetworkError: 'network',
  TimeoutError: 'timeout',
  UnauthorizedError: 'unauthorized',
  ForbiddenError: 'forbidden',
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
  ValidationError: 'validation',
  RateLimitError: 'rate_limited',
  AbortError: 'aborted',
  NoClientError: 'no_client',
  ResponseValidationError: 'server',
};

function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412 || status === 428) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'unknown';
}

const RETRYABLE: ReadonlySet<ErrorKind> = new Set([
  'network',
  'timeout',
  'rate_limited',
  'server',
  'unknown',
]);

export function describeError(error: unknown): ErrorInfo {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.status === 'number' ? e.status : undefined;
  const kind: ErrorKind =
    BY_NAME[name] ?? (status !== undefined ? kindOfStatus(status) : undefined) ?? 'unknown';
  const problem = (typeof e.problem === 'object' && e.problem ? e.problem : {}) as Record<
    string,
    unknown
  >;
  const type = typeof problem.type === 'string' ? problem.type : '';
  const code = typeof e.code === 'string' && e.code ? e.code : type.split('/').pop() || kind;
  const retryAfter = typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
  return {
    kind,
    code,
    status,
    requestId: typeof e.requestId === 'string' ? e.requestId : undefined,
    retryable: typeof e.retryable === 'boolean' ? e.retryable : RETRYABLE.has(kind),
    retryAfter,
    cause: error,
  };
}

/** The shared-catalog key that explains an error kind to the user. */
export function errorMessageKey(
  kind: ErrorKind,
):
  | 'error.network'
  | 'error.timeout'
  | 'error.unauthorized'
  | 'error.forbidden'
  | 'error.notFound'
  | 'error.conflict'
  | 'error.validation'
  | 'error.server'
  | 'error.unknown'
  | 'error.noClient' {
  switch (kind) {
    case 'network':
      return 'error.network';
    case 'timeout':
      return 'error.timeout';
    case 'unauthorized':
      return 'error.unauthorized';
    case 'forbidden':
      return 'error.forbidden';
    case 'not_found':
      return 'error.notFound';
    case 'conflict':
      return 'error.conflict';
    case 'validation':
      return 'error.validation';
    case 'server':
      return 'error.server';
    case 'no_client':
      return 'error.noClient';
    default:
      return 'error.unknown';
  }
}
