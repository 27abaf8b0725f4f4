/**
 * `LiveController`: live events over the SDK's `client.events.subscribe()`.
 *
 * Subscribes while the host is connected (and has a client), aborts on disconnect, resubscribes
 * when the client, topics or team change. Every controller on one client (every widget inside one
 * `<cc-provider>`) shares that client's one event stream: a page with many live widgets holds one
 * connection, and a widget that is re-rendered takes up the open stream without reconnecting. When nothing (no event, no heartbeat) arrived for
 * `staleAfter` seconds (the connection down that long, or silent that long when the SDK reports
 * heartbeats) it marks itself `stale` and sets `:state(stale)` on the host, so the
 * element can say its figures may be out of date.
 *
 * ```ts
 * private live = new LiveController(this, {
 *   topics: () => ['tickets'],
 *   onEvent: () => this.tickets.refresh(),
 * });
 * ```
 */
import type { ReactiveController } from 'lit';
import type { ApiEvent, CcClient, EventTopic, SubscribeOptions } from './client.js';
import type { CcElement } from './element.js';

export interface LiveOptions {
  topics: () => readonly EventTopic[];
  teamId?: () => string | undefined;
  onEvent: (event: ApiEvent) => void;
  /** Seconds without an event or heartbeat before the data counts as stale. Default 45. */
  staleAfter?: number;
  /** Do not subscribe while this returns false. */
  enabled?: () => boolean;
}

export class LiveController implements ReactiveController {
  /** True while subscribed and the connection is open. */
  open = false;
  /** True when nothing arrived for `staleAfter` seconds (or the connection failed). */
  stale = false;
  /** When the last event or heartbeat arrived (ms since epoch). */
  lastSeen = 0;
  private abort?: AbortController;
  private key = '';
  private subscribedClient?: CcClient;
  private timer?: ReturnType<typeof setInterval>;
  /** Whether the SDK reports heartbeats (then silence alone means stale). */
  private heartbeats = false;

  constructor(
    private readonly host: CcElement,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private sync(): void {
    const client = this.host.resolvedClient;
    const enabled = this.host.isConnected && !!client && (this.options.enabled?.() ?? true);
    const key = enabled
      ? `${this.options.topics().join(',')}|${this.options.teamId?.() ?? ''}`
      : '';
    if (key === this.key && client === this.subscribedClient) return;
    this.stop();
    if (!enabled || !client) return;
    this.key = key;
    this.subscribedClient = client;
    this.start(client);
  }

  private start(client: CcClient): void {
    const abort = (this.abort = new AbortController());
    const seen = () => {
      this.lastSeen = Date.now();
      if (this.stale) this.setStale(false);
    };
    this.lastSeen = Date.now();
    // `onHeartbeat` is used when the SDK reports heartbeats; it ignores it otherwise.
    const options: SubscribeOptions & { onHeartbeat?: () => void } = {
      topics: [...this.options.topics()],
      onEvent: (event) => {
        seen();
        this.options.onEvent(event);
      },
      onOpen: () => {
        this.open = true;
        seen();
      },
      onHeartbeat: () => {
        this.heartbeats = true;
        seen();
      },
      onError: () => {
        if (this.open) this.lastSeen = Date.now();
        this.open = false;
      },
      signal: abort.signal,
    };
    const teamId = this.options.teamId?.();
    if (teamId) options.teamId = teamId;
    try {
      const unsubscribe = client.events.subscribe(options);
      abort.signal.addEventListener('abort', () => unsubscribe());
    } catch {
      this.setStale(true);
    }
    const staleAfter = (this.options.staleAfter ?? 45) * 1000;
    this.timer = setInterval(
      () => {
        const silent = Date.now() - this.lastSeen > staleAfter;
        if (!this.stale && silent && (!this.open || this.heartbeats)) this.setStale(true);
      },
      Math.min(5000, Math.max(250, staleAfter / 3)),
    );
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.open = false;
    this.key = '';
    this.subscribedClient = undefined;
  }

  private setStale(stale: boolean): void {
    this.stale = stale;
    this.host.setState('stale', stale);
    this.host.requestUpdate();
  }
}
