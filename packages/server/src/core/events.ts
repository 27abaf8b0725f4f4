/**
 * The internal event bus. Areas publish what changed; the bus stores each event (for resuming
 * streams) in the current transaction and hands it to live subscribers only once that transaction
 * has committed, so a rolled-back write never reaches a stream.
 *
 *   services.events.publish({ topic: 'tickets', type: 'ticket.updated', data: ticket,
 *                             audience: ['role:operations_manager', `user:${assigneeId}`] });
 *
 * `audience` says who may receive the event: `*` (everyone), `role:<role>`, `user:<userId>` or
 * `team:<teamId>:<role>`. Per topic an area may also register how an event is shaped for one
 * viewer (`defineTopic`), e.g. the transitions that viewer may apply; masking of personal data is
 * applied after that, in one place, by the stream.
 */
import type { Role } from '@cc-kit/domain';
import type { Caller } from './auth.js';
import type { Clock } from './clock.js';

export interface UserRef {
  id: string;
  name: string;
}

export interface PublishInput {
  topic: string;
  type: string;
  data: unknown;
  audience: string[];
  actor?: UserRef | null;
}

export interface StoredEvent {
  id: number;
  topic: string;
  type: string;
  occurredAt: string;
  actor: UserRef | null;
  data: unknown;
  audience: string[];
}

/** Storage of events: the SQLite implementation is in sqlite-event-store.ts. */
export interface EventStore {
  insert(event: Omit<StoredEvent, 'id'>): number;
  /** Events with id > `afterId` in `topics`, oldest first, at most `limit`. */
  after(afterId: number, topics: readonly string[], limit: number): StoredEvent[];
  latestId(): number;
  /** Deletes events that occurred before `before`; returns the highest id deleted (0 if none). */
  purge(before: string): number;
  /** The highest id ever purged (events at or below it are gone). */
  purgedThrough(): number;
  inTransaction(): boolean;
}

/** The subscriber of a stream, as topic shapers and filters see it. */
export interface Viewer {
  caller: Caller;
  /** The stream's query (for instance `teamId` for `kpis.live`). */
  options: Record<string, unknown>;
}

export interface TopicDefinition {
  /** Whether this viewer receives the event, beyond its audience (default: yes). */
  filter?(event: StoredEvent, viewer: Viewer): boolean;
  /** The event's data as this viewer would read it from the REST API (before masking). */
  project?(data: unknown, viewer: Viewer): unknown;
}

export type EventListener = (event: StoredEvent) => void;

/** The audience keys a caller matches. */
export function audienceKeysOf(caller: { userId: string; role: Role; teamId: string | null }) {
  const keys = ['*', `role:${caller.role}`, `user:${caller.userId}`];
  if (caller.teamId) keys.push(`team:${caller.teamId}:${caller.role}`, `team:${caller.teamId}:*`);
  return keys;
}

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly topics = new Map<string, TopicDefinition>();
  private pending: StoredEvent[] = [];

  constructor(
    readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Registers how events of a topic are filtered and shaped per viewer. */
  defineTopic(topic: string, definition: TopicDefinition): void {
    this.topics.set(topic, definition);
  }

  publish(input: PublishInput): StoredEvent {
    const event: Omit<StoredEvent, 'id'> = {
      topic: input.topic,
      type: input.type,
      occurredAt: this.clock().toISOString(),
      actor: input.actor ?? null,
      data: input.data,
      audience: input.audience,
    };
    const stored = { ...event, id: this.store.insert(event) };
    if (this.store.inTransaction()) this.pending.push(stored);
    else this.deliver([stored]);
    return stored;
  }

  /** A marker for {@link rollbackTo}, for savepoints. */
  mark(): number {
    return this.pending.length;
  }

  /** Forgets events published after `mark` (their savepoint was rolled back). */
  rollbackTo(mark: number): void {
    this.pending.length = Math.min(this.pending.length, mark);
  }

  /** Delivers what the committed transaction published. */
  flush(): void {
    const events = this.pending;
    this.pending = [];
    this.deliver(events);
  }

  /** Forgets what a rolled-back transaction published. */
  discard(): void {
    this.pending = [];
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Whether `viewer` may receive `event`: its audience, then the topic's filter. */
  visibleTo(event: StoredEvent, viewer: Viewer): boolean {
    const keys = audienceKeysOf(viewer.caller);
    if (!event.audience.some((key) => keys.includes(key))) return false;
    const filter = this.topics.get(event.topic)?.filter;
    return filter ? filter(event, viewer) : true;
  }

  /** The event's data shaped for `viewer` (not yet masked). */
  project(event: StoredEvent, viewer: Viewer): unknown {
    const project = this.topics.get(event.topic)?.project;
    return project ? project(event.data, viewer) : event.data;
  }

  private deliver(events: StoredEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch {
          // A failing stream must not break the others; the stream cleans itself up.
        }
      }
    }
  }
}
