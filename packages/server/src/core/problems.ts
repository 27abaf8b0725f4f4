/**
 * RFC 9457 problem details. Every error the server answers is an {@link HttpProblem}; anything else
 * thrown by a handler becomes `/problems/internal` (logged with its stack, never sent).
 */
import type { TicketTransition } from '@cc-kit/domain';

export const PROBLEM_TYPES = {
  validation: { status: 400, title: 'The request is not valid.' },
  unauthorized: { status: 401, title: 'Authentication is required.' },
  forbidden: { status: 403, title: 'You may not do this.' },
  'not-found': { status: 404, title: 'Not found.' },
  'transition-not-allowed': { status: 409, title: 'This transition is not allowed now.' },
  'invalid-state': { status: 409, title: 'The object is not in a state that allows this.' },
  'idempotency-in-progress': {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed.',
  },
  'precondition-failed': { status: 412, title: 'The object was changed by someone else.' },
  'payload-too-large': { status: 413, title: 'The request body is too large.' },
  'unsupported-media-type': { status: 415, title: 'The request body has an unsupported type.' },
  unprocessable: { status: 422, title: 'The request breaks a rule.' },
  'idempotency-mismatch': {
    status: 422,
    title: 'This Idempotency-Key was used with a different request.',
  },
  'complaint-not-closable': { status: 422, title: 'The complaint cannot be closed yet.' },
  'dispute-window-closed': { status: 422, title: 'The dispute window has closed.' },
  'dispute-limit-reached': { status: 422, title: 'No more disputes are allowed.' },
  'precondition-required': { status: 428, title: 'If-Match is required.' },
  'rate-limited': { status: 429, title: 'Too many requests.' },
  internal: { status: 500, title: 'Something went wrong on our side.' },
  'not-implemented': { status: 501, title: 'This operation is not implemented yet.' },
  unavailable: { status: 503, title: 'The service is unavailable.' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export interface FieldError {
  /** JSON pointer prefixed by the part of the request: `/body/customer/phone`, `/query/limit`. */
  path: string;
  message: string;
  code?: string;
}

/** Extra members some problem types carry. */
export interface ProblemExtras {
  currentVersion?: number;
  allowedTransitions?: TicketTransition[];
  retryAfterSeconds?: number;
}

export interface ProblemBody extends ProblemExtras {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId: string;
  errors?: FieldError[];
}

export class HttpProblem extends Error {
  readonly type: ProblemType;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extras: ProblemExtras;
  /** Response headers that go with this problem (Retry-After, WWW-Authenticate, ETag). */
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    detail?: string,
    options: {
      errors?: FieldError[];
      extras?: ProblemExtras;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail ?? PROBLEM_TYPES[type].title);
    this.name = 'HttpProblem';
    this.type = type;
    this.status = PROBLEM_TYPES[type].status;
    this.title = PROBLEM_TYPES[type].title;
    this.detail = detail;
    this.errors = options.errors;
    this.extras = options.extras ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(requestId: string): ProblemBody {
    return {
      type: `/problems/${this.type}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail.slice(0, 2000) } : {}),
      requestId,
      ...(this.errors?.length ? { errors: this.errors.slice(0, 200) } : {}),
      ...this.extras,
    };
  }
}

export function isHttpProblem(value: unknown): value is HttpProblem {
  return value instanceof HttpProblem;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Factories for the problems handlers raise most. */
export const problem = {
  validation(errors: FieldError[], detail?: string): HttpProblem {
    return new HttpProblem(
      'validation',
      detail ?? `${plural(errors.length, 'field is', 'fields are')} not valid.`,
      { errors },
    );
  },
  /** 422: a domain rule says no, naming the fields concerned. */
  unprocessable(detail: string, errors: FieldError[] = []): HttpProblem {
    return new HttpProblem('unprocessable', detail, { errors });
  },
  notFound(what = 'object'): HttpProblem {
    return new HttpProblem('not-found', `No ${what} with this ID.`);
  },
  forbidden(detail: string, errors: FieldError[] = []): HttpProblem {
    return new HttpProblem('forbidden', detail, { errors });
  },
  invalidState(detail: string): HttpProblem {
    return new HttpProblem('invalid-state', detail);
  },
  preconditionFailed(sent: number | null, current: number): HttpProblem {
    return new HttpProblem(
      'precondition-failed',
      sent === null
        ? `The If-Match value is not an ETag of this object; the current version is ${current}.`
        : `You sent version ${sent}; the current version is ${current}.`,
      { extras: { currentVersion: current }, headers: { ETag: `"${current}"` } },
    );
  },
};
