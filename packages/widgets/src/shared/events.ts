/**
 * The kit's events: typed `Event` subclasses, `bubbles` and `composed` so a host page hears them
 * from inside any number of shadow roots. Element engineers copy this pattern for their own
 * (`cc-ticket-select`, `cc-complaint-submit` (cancelable), `cc-complaint-submitted`) and add
 * them to `HTMLElementEventMap` below their class.
 */
import type { ErrorInfo } from './errors.js';

/** Base of every kit event: bubbles, composed, cancelable only when asked. */
export class CcEvent extends Event {
  constructor(type: string, options: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}

export interface CcErrorDetail {
  /** Stable code: `network`, `timeout`, `forbidden`, `not-found`, `precondition-failed`, ... */
  code: string;
  /** The HTTP status, when the API answered. */
  status: number | undefined;
  /** The API's request id: quote it when reporting a problem. */
  requestId: string | undefined;
  /** Whether trying again may succeed. */
  retryable: boolean;
}

/**
 * `cc-error`: an element failed to load or save. The element already shows the failure; the host
 * may log it or show its own notice. `error` is the original error (an SDK error class).
 */
export class CcErrorEvent extends CcEvent implements CcErrorDetail {
  static readonly type = 'cc-error';
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly error: unknown;

  constructor(info: Pick<ErrorInfo, 'code' | 'status' | 'requestId' | 'retryable' | 'cause'>) {
    super(CcErrorEvent.type);
    this.code = info.code;
    this.status = info.status;
    this.requestId = info.requestId;
    this.retryable = info.retryable;
    this.error = info.cause;
  }
}

/**
 * `cc-auth-error`: the host's `getToken()` rejected (or the API refused the token). Fired by
 * `<cc-provider>`; the host usually sends the user to sign in again.
 */
export class CcAuthErrorEvent extends CcEvent {
  static readonly type = 'cc-auth-error';
  constructor(readonly error: unknown) {
    super(CcAuthErrorEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-error': CcErrorEvent;
    'cc-auth-error': CcAuthErrorEvent;
  }
}
