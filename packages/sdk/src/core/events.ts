/**
 * Live events over `GET /v1/events`, read with fetch streaming so that headers can carry the token.
 *
 * One client holds one stream, shared by all its subscriptions: a subscription whose topics the
 * stream lacks widens it (a reconnect with the union of the topics, resumed from the last event
 * ID, so nothing is missed or repeated); each subscription receives only its own topics; the
 * stream closes a short while (`linger`) after its last subscription ended. Only a subscription
 * that follows a second team's live KPIs (`teamId`), or resumes from its own `lastEventId`, needs a
 * stream of its own: the server filters `kpis.live` per stream, and a resume point is per stream.
 */
import type { components } from '@cc-kit/spec';
import { CcError, ResponseValidationError, TimeoutError, type ResponseIssue } from './errors.js';
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
  /**
   * Resume after this event ID (it is tracked automatically across reconnects). A subscription
   * that gives one has a stream of its own.
   */
  lastEventId?: string;
  /**
   * Each event of this subscription's topics, in order. A `resync` event means events were
   * missed (the resume point was too old): reload what you show.
   */
  onEvent(event: ApiEvent): void;
  /**
   * Each failure. The subscription reconnects by itself after transient ones (network, timeouts,
   * 429, 5xx); after a final one (401 after a token refresh, 403, 400, 404) it stops.
   */
  onError?(error: unknown): void;
  /** Each time the stream is (re)connected (at once when it already is). */
  onOpen?(): void;
  /** Ends the subscription, like calling the returned function. */
  signal?: AbortSignal;
  /**
   * Reconnection backoff in ms: full jitter over `baseDelay × 2^(n−1)`, capped at `maxDelay`.
   * The base defaults to the server's `retry:` field (else 1 000); the cap to 30 000. On a
   * shared stream the smallest of its subscriptions' values applies.
   */
  reconnect?: { baseDelay?: number; maxDelay?: number };
  /**
   * ms without a byte after which the connection is taken for dead and replaced (default 45 000;
   * the server sends a heartbeat every 15 s). On a shared stream the smallest applies.
   */
  idleTimeout?: number;
}

/** Ends a subscription. */
export type Unsubscribe = () => void;

/** A subscription on a stream; `fresh` until a connection that includes it has opened. */
interface Member {
  o: SubscribeOptions;
  fresh: boolean;
}

/** One stream and the subscriptions that share it. */
interface Stream {
  members: Set<Member>;
  /** The topics of the connection in use. */
  topics: string[];
  /**
   * The team whose live KPIs the stream follows (`''`: the center; unset while no subscription
   * follows live KPIs), and the one the connection in use asked for.
   */
  team: string | undefined;
  sent: string;
  /** A stream of one subscription's own (it gave its own resume point). */
  own: boolean;
  /** The last event ID received, the resume point. */
  last: string | undefined;
  /** Recent event IDs, so that overlapping connections never deliver an event twice. */
  seen: string[];
  /** True while a connection is open. */
  up: boolean;
  /** Reconnects with the members' topics now. */
  widen(): void;
  linger?: ReturnType<typeof setTimeout>;
  end: AbortController;
}

const WIDEN = 'widen';

const transient = (error: unknown) =>
  !(error instanceof CcError) || error.retryable || error instanceof ResponseValidationError;

const least = (values: (number | undefined)[]) => {
  const set = values.filter((v) => v !== undefined);
  return set.length ? Math.min(...set) : undefined;
};

/** The live-event half of a client: `subscribe` multiplexes every subscription onto one stream. */
export function createEvents(send: Send, validate: boolean, linger = 1000) {
  const streams = new Set<Stream>();

  const report = (member: Member, error: unknown) => {
    try {
      member.o.onError?.(error);
    } catch {
      // An onError that throws must not end the subscription.
    }
  };
  /** Calls `fn` for each member; what it throws goes to that member's onError. */
  const each = (stream: Stream, fn: (m: Member) => void, members = [...stream.members]) => {
    for (const member of members) {
      try {
        fn(member);
      } catch (error) {
        report(member, error);
      }
    }
  };

  const start = (resumeFrom: string | undefined) => {
    const end = new AbortController();
    const stopped = end.signal;
    const stream: Stream = {
      members: new Set(),
      topics: [],
      team: undefined,
      sent: '',
      own: resumeFrom !== undefined,
      last: resumeFrom,
      seen: [],
      up: false,
      widen: () => {},
      end,
    };
    streams.add(stream);
    let serverDelay: number | undefined;
    /** The connection being replaced by a wider one (closed once that one is open). */
    let retiring: AbortController | undefined;

    const deliver = (id: string | undefined, data: string, check: Validate | undefined) => {
      if (id !== undefined) {
        if (stream.seen.includes(id)) return;
        stream.seen.push(id);
        if (stream.seen.length > 100) stream.seen.shift();
        stream.last = id;
      }
      let event: ApiEvent | undefined;
      let issues: ResponseIssue[] | undefined;
      try {
        event = JSON.parse(data) as ApiEvent;
        issues = check?.('streamEvents', event);
      } catch {
        issues = [{ path: '', message: 'not JSON', code: 'invalid_json' }];
      }
      const wanted = [...stream.members].filter(
        (m) => !event || event.type === 'resync' || m.o.topics.includes(event.topic),
      );
      const error = issues && new ResponseValidationError(issues, 200, undefined, 'streamEvents');
      each(stream, (m) => (error ? report(m, error) : m.o.onEvent(event!)), wanted);
    };

    const connect = async (
      check: Validate | undefined,
      connection: AbortController,
      opened: () => void,
    ) => {
      const members = [...stream.members];
      const idle = least(members.map((m) => m.o.idleTimeout)) ?? 45_000;
      stream.topics = [...new Set(members.flatMap((m) => m.o.topics))];
      stream.sent = stream.team ?? '';
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
          query: { topics: stream.topics.join(','), teamId: stream.sent || undefined },
          headers: stream.last ? { 'last-event-id': stream.last } : {},
          as: 'stream',
          // Reconnection is this loop's job, with its own backoff.
          opts: { signal: connection.signal, retry: false },
        });
        opened();
        stream.up = true;
        // The connection this one replaces may still carry events sent before this one opened.
        const old = retiring;
        retiring = undefined;
        if (old) setTimeout(() => old.abort(), 500);
        for (const m of stream.members) m.fresh = false;
        each(stream, (m) => m.o.onOpen?.());
        alive();
        const feed = createSseParser({
          retry: (ms) => (serverDelay = ms),
          message: ({ id, data }) => deliver(id, data, check),
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
        connection.abort();
        if (current === connection) stream.up = false;
      }
    };

    let current: AbortController | undefined;
    void (async () => {
      let failures = 0;
      // Subscriptions made in the same task (widgets rendering together) share the first request.
      await sleep(0);
      const check = validate ? await loadValidator().catch(() => undefined) : undefined;
      while (!stopped.aborted) {
        let delay: number | undefined;
        /** Whether this connection was accepted (then the backoff starts over). */
        let opened = false;
        const connection = (current = new AbortController());
        stream.up = false;
        const unfollow = follow(stopped, connection);
        let detach!: () => void;
        const detached = new Promise<void>((resolve) => (detach = resolve));
        stream.widen = () => {
          if (stream.last !== undefined || !opened) return connection.abort(WIDEN);
          // No resume point yet: keep this connection until the wider one is open.
          retiring = connection;
          detach();
        };
        const run = connect(check, connection, () => (opened = true)).finally(unfollow);
        run.catch(() => {});
        try {
          // Returns when the server ends the stream (a restart, a deploy): reconnect soon.
          await Promise.race([run, detached]);
        } catch (error) {
          if (stopped.aborted) return;
          if (error === WIDEN) continue;
          const fresh = [...stream.members].filter((m) => m.fresh);
          if (!transient(error)) {
            if (fresh.length && fresh.length < stream.members.size) {
              // Only the subscriptions that just joined were refused: end them, keep the others.
              for (const m of fresh) {
                stream.members.delete(m);
                report(m, error);
              }
              unbind(stream);
              continue;
            }
            const members = [...stream.members];
            close(stream);
            return each(stream, (m) => report(m, error), members);
          }
          each(stream, (m) => report(m, error));
          const retryAfter = (error as { retryAfter?: number }).retryAfter;
          if (retryAfter !== undefined) delay = retryAfter * 1000;
        }
        if (retiring === connection) continue;
        stream.widen = () => {};
        failures = opened ? 1 : failures + 1;
        const reconnect = [...stream.members].map((m) => m.o.reconnect ?? {});
        // The backoff's base: the callers', else the server's `retry:`, else 1 s.
        const retry = resolveRetry({
          baseDelay: least(reconnect.map((r) => r.baseDelay)) ?? serverDelay ?? 1000,
          maxDelay: least(reconnect.map((r) => r.maxDelay)) ?? 30_000,
        });
        await sleep(delay ?? backoff(failures, retry), stopped).catch(() => {});
      }
    })();
    return stream;
  };

  /** When no one follows live KPIs any more, the stream may take up another team's. */
  const unbind = (stream: Stream) => {
    if (![...stream.members].some((m) => m.o.topics.includes('kpis.live'))) stream.team = undefined;
  };
  const close = (stream: Stream) => {
    stream.members.clear();
    streams.delete(stream);
    stream.end.abort();
  };

  const subscribe = (options: SubscribeOptions): Unsubscribe => {
    if (options.signal?.aborted) return () => {};
    // Live KPIs are filtered per stream by the server: one stream per team followed.
    const team = options.topics.includes('kpis.live') ? (options.teamId ?? '') : undefined;
    const shared = [...streams].filter((s) => !s.own);
    const stream =
      (options.lastEventId === undefined &&
        (team === undefined
          ? (shared.find((s) => s.team === '') ?? shared[0])
          : (shared.find((s) => s.team === team) ?? shared.find((s) => s.team === undefined)))) ||
      start(options.lastEventId);
    if (team !== undefined) stream.team = team;
    clearTimeout(stream.linger);
    const member: Member = { o: options, fresh: true };
    stream.members.add(member);
    if (
      options.topics.some((topic) => !stream.topics.includes(topic)) ||
      (team !== undefined && team !== stream.sent)
    )
      stream.widen();
    else if (stream.up) {
      member.fresh = false;
      queueMicrotask(
        () => stream.members.has(member) && each(stream, (m) => m.o.onOpen?.(), [member]),
      );
    }
    const unsubscribe = () => {
      options.signal?.removeEventListener('abort', unsubscribe);
      if (!stream.members.delete(member)) return;
      unbind(stream);
      if (!stream.members.size)
        stream.linger = setTimeout(() => stream.members.size || close(stream), linger);
    };
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    return unsubscribe;
  };

  return { subscribe };
}
