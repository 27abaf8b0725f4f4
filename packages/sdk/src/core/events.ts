/** Live events over `GET /v1/events`, read with fetch streaming so that headers can carry the token. */
import type { components } from '@cc-kit/spec';
import { CcError, ResponseValidationError, TimeoutError } from './errors.js';
import { follow, loadValidator, type Send, type Validate } from './http.js';
import { backoff, resolveRetry, sleep } from './retry.js';
import { createSseParser } from './sse.js';

export type ApiEvent = components['schemas']['Event'];
export type EventTopic = components['schemas']['EventTopic'];

export interface SubscribeOptions {
  /** The topics to follow. */
  topics: EventTopic[];
  /** For `kpis.live`: the team to follow (the center by default). */
  teamId?: string;
  /** Resume after this event ID (it is tracked automatically across reconnects). */
  lastEventId?: string;
  /**
   * Each event, in order. A `resync` event means events were missed (the resume point was too
   * old): reload what you show.
   */
  onEvent(event: ApiEvent): void;
  /**
   * Each failure. The subscription reconnects by itself after transient ones (network, timeouts,
   * 429, 5xx); after a final one (401 after a token refresh, 403, 400, 404) it stops.
   */
  onError?(error: unknown): void;
  /** Each time the stream is (re)connected. */
  onOpen?(): void;
  /** Ends the subscription, like calling the returned function. */
  signal?: AbortSignal;
  /**
   * Reconnection backoff in ms: full jitter over `baseDelay × 2^(n−1)`, capped at `maxDelay`.
   * The base defaults to the server's `retry:` field (else 1 000); the cap to 30 000.
   */
  reconnect?: { baseDelay?: number; maxDelay?: number };
  /**
   * ms without a byte after which the connection is taken for dead and replaced (default 45 000;
   * the server sends a heartbeat every 15 s).
   */
  idleTimeout?: number;
}

/** Ends a subscription. */
export type Unsubscribe = () => void;

const transient = (error: unknown) =>
  !(error instanceof CcError) || error.retryable || error instanceof ResponseValidationError;

export function subscribe(send: Send, validate: boolean, options: SubscribeOptions): Unsubscribe {
  const controller = new AbortController();
  follow(options.signal, controller);
  const stopped = controller.signal;
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // An onError that throws must not end the subscription.
    }
  };
  const reconnect = options.reconnect ?? {};
  const idle = options.idleTimeout ?? 45_000;
  let lastEventId = options.lastEventId;
  let serverDelay: number | undefined;
  /** Whether the last connection was accepted (then the backoff starts over). */
  let opened = false;

  const connect = async (check: Validate | undefined) => {
    const connection = new AbortController();
    const unfollow = follow(stopped, connection);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => connection.abort(new TimeoutError(idle, 'streamEvents')), idle);
    };
    try {
      const response = await send<Response>({
        op: 'streamEvents',
        method: 'GET',
        path: '/v1/events',
        query: { topics: options.topics.join(','), teamId: options.teamId },
        headers: lastEventId ? { 'last-event-id': lastEventId } : {},
        as: 'stream',
        // Reconnection is this loop's job, with its own backoff.
        opts: { signal: connection.signal, retry: false },
      });
      opened = true;
      options.onOpen?.();
      alive();
      const feed = createSseParser({
        retry: (ms) => (serverDelay = ms),
        message: ({ id, data }) => {
          if (id !== undefined) lastEventId = id;
          let event: ApiEvent;
          try {
            event = JSON.parse(data) as ApiEvent;
          } catch {
            return report(
              new ResponseValidationError(
                [{ path: '', message: 'not JSON', code: 'invalid_json' }],
                200,
                undefined,
                'streamEvents',
              ),
            );
          }
          const issues = check?.('streamEvents', event);
          if (issues)
            return report(new ResponseValidationError(issues, 200, undefined, 'streamEvents'));
          try {
            options.onEvent(event);
          } catch (error) {
            report(error);
          }
        },
      });
      const reader = response.body!.getReader();
      // Not every body follows the fetch's signal (a wrapped or polyfilled fetch): cancel it too.
      connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), {
        once: true,
      });
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        alive();
        feed(decoder.decode(value, { stream: true }));
      }
      connection.signal.throwIfAborted();
    } catch (error) {
      // A silent connection was cut by the idle timer: report that, not the abort it caused.
      throw connection.signal.aborted && !stopped.aborted ? connection.signal.reason : error;
    } finally {
      clearTimeout(timer);
      unfollow();
      connection.abort();
    }
  };

  void (async () => {
    let failures = 0;
    const check = validate ? await loadValidator().catch(() => undefined) : undefined;
    while (!stopped.aborted) {
      let delay: number | undefined;
      opened = false;
      try {
        // Returns when the server ends the stream (a restart, a deploy): reconnect soon.
        await connect(check);
      } catch (error) {
        if (stopped.aborted) return;
        report(error);
        if (!transient(error)) return;
        const retryAfter = (error as { retryAfter?: number }).retryAfter;
        if (retryAfter !== undefined) delay = retryAfter * 1000;
      }
      failures = opened ? 1 : failures + 1;
      // The backoff's base: the caller's, else the server's `retry:`, else 1 s.
      const retry = resolveRetry({
        baseDelay: reconnect.baseDelay ?? serverDelay ?? 1000,
        maxDelay: reconnect.maxDelay ?? 30_000,
      });
      await sleep(delay ?? backoff(failures, retry), stopped).catch(() => {});
    }
  })();

  return () => controller.abort();
}
