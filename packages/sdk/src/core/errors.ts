/**
 * Errors the SDK throws. Every one is a {@link CcError}; the ones that carry an HTTP answer are
 * {@link ApiError}s, subclassed by status so a caller can `instanceof` them.
 *
 * No error ever holds the `Authorization` header, the token, or the request object that carried it.
 */
import type { Problem } from '@cc-kit/spec';

export type { Problem };

/** A field-level problem of a 400 / 422 answer: `path` is a JSON pointer such as `/body/subject`. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** Where a response did not match the contract: a JSON pointer into the body, and what was wrong. */
export interface ResponseIssue {
  path: string;
  message: string;
  code: string;
}

/** The base class of every error the SDK throws (aborts excepted: those rethrow the signal's reason). */
export class CcError extends Error {
  /**
   * A short machine-readable code: the problem type's last segment for API errors
   * (`precondition-failed`, `rate-limited`, …), else `network`, `timeout` or `response-validation`.
   */
  code: string;
  /** Whether trying the same call again later may succeed. */
  retryable: boolean;
  /** The operation (the spec's operationId) that failed, when known. */
  operationId: string | undefined;

  constructor(message: string, code: string, retryable: boolean, operationId?: string) {
    super(message);
    this.name = 'CcError';
    this.code = code;
    this.retryable = retryable;
    this.operationId = operationId;
  }
}

/** The API answered with an error status and (usually) an RFC 9457 problem. */
export class ApiError extends CcError {
  /** The HTTP status. */
  status: number;
  /** The problem details the server sent; a minimal one when the body was not problem+json. */
  problem: Problem;
  /** The `X-Request-Id` of the failed request: quote it when reporting a problem. */
  requestId: string | undefined;

  constructor(status: number, problem: Problem, requestId?: string, operationId?: string) {
    const retryable =
      status === 408 ||
      status === 429 ||
      (status >= 500 && status !== 501 && status !== 505) ||
      problem.type.endsWith('/idempotency-in-progress');
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(
      `${status} ${problem.title}${detail}${requestId ? ` (request ${requestId})` : ''}`,
      (problem.type !== 'about:blank' && problem.type.split('/').pop()) || `http-${status}`,
      retryable,
      operationId,
    );
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.requestId = requestId;
  }

  /** The problem's `type`, e.g. `/problems/transition-not-allowed`. */
  get type(): string {
    return this.problem.type;
  }
}

/** 401: no token, or an invalid or expired one (after one refresh and retry). */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
}

/** 403: the caller's role may not do this. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}

/** 404: no such object, or one the caller may not see. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/**
 * 409 (the object's state does not allow this now) or 412 (the `If-Match` ETag is stale: someone
 * changed the object since it was read).
 */
export class ConflictError extends ApiError {
  override name = 'ConflictError';

  /** true for 412: re-read the object and apply the change again. */
  get isStale(): boolean {
    return this.status === 412;
  }

  /** With 412, the version stored now. */
  get currentVersion(): number | undefined {
    return this.problem.currentVersion;
  }
}

/** 400 or 422: the request broke the schema or a rule; `errors` names each field. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';

  /** Field-level problems (`path` is a JSON pointer such as `/body/customer/phone`). */
  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** 429: too many requests. `retryAfter` is in seconds, when the server said. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  retryAfter: number | undefined;

  constructor(
    status: number,
    problem: Problem,
    requestId?: string,
    operationId?: string,
    retryAfter?: number,
  ) {
    super(status, problem, requestId, operationId);
    this.retryAfter = retryAfter ?? problem.retryAfterSeconds;
  }
}

/** The request never got an answer (DNS, refused, reset, CORS). `cause` is the underlying error. */
export class NetworkError extends CcError {
  constructor(operationId?: string, cause?: unknown) {
    super('The API could not be reached', 'network', true, operationId);
    this.name = 'NetworkError';
    if (cause !== undefined) this.cause = cause;
  }
}

/** An attempt took longer than the configured `timeout` (milliseconds). */
export class TimeoutError extends CcError {
  timeout: number;

  constructor(timeout: number, operationId?: string) {
    super(`No answer within ${timeout} ms`, 'timeout', true, operationId);
    this.name = 'TimeoutError';
    this.timeout = timeout;
  }
}

/** A successful answer whose body does not match the contract. `issues` names each JSON path. */
export class ResponseValidationError extends CcError {
  issues: ResponseIssue[];
  status: number;
  requestId: string | undefined;

  constructor(issues: ResponseIssue[], status: number, requestId?: string, operationId?: string) {
    const where = issues
      .slice(0, 5)
      .map((i) => `${i.path || '/'} (${i.message})`)
      .join(', ');
    super(
      `The response${operationId ? ` of ${operationId}` : ''} does not match the contract at ${where}${issues.length > 5 ? ', …' : ''}`,
      'response-validation',
      false,
      operationId,
    );
    this.name = 'ResponseValidationError';
    this.issues = issues;
    this.status = status;
    this.requestId = requestId;
  }
}

/** Builds the error class that fits an error status. */
export function apiError(
  status: number,
  problem: Problem,
  requestId: string | undefined,
  operationId: string | undefined,
  retryAfter?: number,
): ApiError {
  if (status === 429)
    return new RateLimitError(status, problem, requestId, operationId, retryAfter);
  const Class =
    status === 401
      ? UnauthorizedError
      : status === 403
        ? ForbiddenError
        : status === 404
          ? NotFoundError
          : status === 409 || status === 412
            ? ConflictError
            : status === 400 || status === 422
              ? ValidationError
              : ApiError;
  return new Class(status, problem, requestId, operationId);
}
