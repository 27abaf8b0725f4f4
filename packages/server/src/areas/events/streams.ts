/**
 * Server-Sent Events: one stream per request of `GET /v1/events`. A stream replays what the
 * caller missed (Last-Event-ID or ?lastEventId), then follows the bus live; every event is
 * filtered to what the caller may see, shaped for them and masked like a REST answer. Closed
 * connections unsubscribe at once; the server's shutdown ends every stream.
 */
import type { ServerResponse } from 'node:http';
import type { Caller } from '../../core/auth.js';
import type { EventBus, StoredEvent, Viewer } from '../../core/events.js';
import { maskForRole } from '../../core/masking.js';
import { HttpProblem } from '../../core/problems.js';

/** Events replayed per database read while catching up. */
const REPLAY_BATCH = 500;
/** A client that lets this much pile up unread is dropped (it resumes with Last-Event-ID). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface StreamRequest {
  caller: Caller;
  topics: string[];
  lastEventId: string | undefined;
  options: Record<string, unknown>;
  response: ServerResponse;
  headers: Record<string, string>;
}

interface Stream {
  response: ServerResponse;
  close(): void;
}

export class EventStreams {
  private readonly perToken = new Map<string, number>();
  private readonly streams = new Set<Stream>();

  constructor(
    private readonly bus: EventBus,
    private readonly settings: { heartbeatMs: number; maxPerToken: number },
  ) {}

  get openCount(): number {
    return this.streams.size;
  }

  /** Refuses a stream beyond the per-token cap (429); call before taking over the response. */
  admit(caller: Caller): void {
    const open = this.perToken.get(caller.tokenKey) ?? 0;
    if (open >= this.settings.maxPerToken) {
      throw new HttpProblem(
        'rate-limited',
        `At most ${this.settings.maxPerToken} event streams may be open per token; close one first.`,
        { extras: { retryAfterSeconds: 5 }, headers: { 'Retry-After': '5' } },
      );
    }
  }

  open(request: StreamRequest): void {
    const { caller, topics, response } = request;
    const viewer: Viewer = { caller, options: request.options };
    this.perToken.set(caller.tokenKey, (this.perToken.get(caller.tokenKey) ?? 0) + 1);

    response.writeHead(200, {
      ...request.headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');

    let lastSent = 0;
    let closed = false;
    const send = (event: StoredEvent) => {
      if (closed || event.id <= lastSent) return;
      if (!topics.includes(event.topic) || !this.bus.visibleTo(event, viewer)) return;
      lastSent = event.id;
      const payload = maskForRole(
        {
          id: String(event.id),
          type: event.type,
          topic: event.topic,
          occurredAt: event.occurredAt,
          ...(event.actor ? { actor: event.actor } : {}),
          data: this.bus.project(event, viewer),
        },
        caller.role,
      );
      response.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(payload)}\n\n`);
      if (response.writableLength > MAX_BUFFERED_BYTES) stream.close();
    };
    const resync = (reason: string, id: number) => {
      const payload = {
        id: String(id),
        type: 'resync',
        topic: topics[0],
        occurredAt: new Date().toISOString(),
        data: { reason },
      };
      response.write(`id: ${id}\nevent: resync\ndata: ${JSON.stringify(payload)}\n\n`);
      lastSent = id;
    };

    // Catch up (synchronously, so no live event can slip in between), then follow live.
    const store = this.bus.store;
    if (request.lastEventId !== undefined) {
      const from = /^\d{1,15}$/.test(request.lastEventId) ? Number(request.lastEventId) : NaN;
      const latest = store.latestId();
      if (Number.isNaN(from) || from > latest) {
        resync('The resume point is unknown to this server.', latest);
      } else if (from < store.purgedThrough()) {
        resync('The resume point is older than the events kept; reload.', latest);
      } else {
        let cursor = from;
        for (;;) {
          const batch = store.after(cursor, topics, REPLAY_BATCH);
          for (const event of batch) send(event);
          if (batch.length < REPLAY_BATCH) break;
          cursor = batch[batch.length - 1]!.id;
        }
        lastSent = Math.max(lastSent, from);
      }
    } else {
      lastSent = store.latestId();
    }

    const unsubscribe = this.bus.subscribe(send);
    const heartbeat = setInterval(() => {
      if (!closed) response.write(': heartbeat\n\n');
    }, this.settings.heartbeatMs);
    heartbeat.unref();

    const stream: Stream = {
      response,
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        this.streams.delete(stream);
        const left = (this.perToken.get(caller.tokenKey) ?? 1) - 1;
        if (left <= 0) this.perToken.delete(caller.tokenKey);
        else this.perToken.set(caller.tokenKey, left);
        if (!response.writableEnded) response.end();
      },
    };
    this.streams.add(stream);
    response.on('close', stream.close);
    response.on('error', stream.close);
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
