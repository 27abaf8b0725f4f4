/**
 * `DataController`: how an element reads data, on @lit/task.
 *
 * - Runs when its arguments (and the client) change; the previous run's AbortSignal is aborted.
 * - Renders loading, empty and error the same way in every element (shared template, retry
 *   button, localized text), sets `:state(loading|refreshing|empty|error)` on the host, and
 *   fires `cc-error` once per failure.
 * - Keeps the last data visible while it refreshes (and above an error after a failed refresh).
 *
 * ```ts
 * private tickets = new DataController(this, {
 *   args: () => [this.teamId, this.state] as const,
 *   task: ([teamId, state], { client, signal }) =>
 *     client.tickets.list({ teamId, state }, { signal }),
 *   isEmpty: (page) => page.items.length === 0,
 * });
 * render() { return this.tickets.render({ complete: (page) => html`...` }); }
 * ```
 */
import { Task, TaskStatus } from '@lit/task';
import { nothing, html, type ReactiveController } from 'lit';
import type { CcClient } from './client.js';
import type { CcElement } from './element.js';
import { describeError, NoClientError, type ErrorInfo } from './errors.js';
import { CcErrorEvent } from './events.js';
import { emptyTemplate, errorTemplate, loadingTemplate, refreshingTemplate } from './status.js';

export type DataStatus = 'initial' | 'loading' | 'refreshing' | 'complete' | 'empty' | 'error';

export interface DataOptions<A extends readonly unknown[], T> {
  /** The arguments; the task runs again whenever one changes (compared with `===`). */
  args: () => A;
  /** Loads the data through the SDK; pass `signal` on to every call. */
  task: (args: A, context: { client: CcClient; signal: AbortSignal }) => Promise<T>;
  /** When the data counts as "nothing to show"; default: an empty array or `{ items: [] }`. */
  isEmpty?: (data: T) => boolean;
  /** Skip running while this returns false (e.g. a required id is not set yet). */
  enabled?: (args: A) => boolean;
}

export interface DataRenderers<T> {
  complete: (data: T) => unknown;
  empty?: () => unknown;
  loading?: () => unknown;
  /** Text for the empty state, instead of the shared one. */
  emptyMessage?: string;
}

function defaultIsEmpty(data: unknown): boolean {
  if (data == null) return true;
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown }).items;
  return Array.isArray(items) && items.length === 0;
}

export class DataController<A extends readonly unknown[], T> implements ReactiveController {
  readonly task: Task<[CcClient | undefined, ...A], T>;
  /** The last data that loaded; kept while a refresh runs. */
  data: T | undefined;
  /** The last failure, until the next success. */
  error: ErrorInfo | undefined;
  private connected = false;
  private abortedByDisconnect = false;

  constructor(
    private readonly host: CcElement,
    private readonly options: DataOptions<A, T>,
  ) {
    this.task = new Task<[CcClient | undefined, ...A], T>(host, {
      args: () => [host.resolvedClient, ...options.args()] as [CcClient | undefined, ...A],
      task: async ([client, ...args], { signal }) => {
        const own = args as unknown as A;
        if (options.enabled && !options.enabled(own)) return this.data as T;
        if (!client) throw new NoClientError();
        return options.task(own, { client, signal });
      },
      onComplete: (value) => {
        this.data = value;
        this.error = undefined;
      },
      onError: (error) => this.fail(error),
    });
    host.addController(this);
  }

  get status(): DataStatus {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return 'initial';
      case TaskStatus.PENDING:
        return this.data === undefined ? 'loading' : 'refreshing';
      case TaskStatus.ERROR:
        return 'error';
      default:
        return this.data === undefined || (this.options.isEmpty ?? defaultIsEmpty)(this.data)
          ? 'empty'
          : 'complete';
    }
  }

  /** Runs the task again with the current arguments (the retry button calls this). */
  retry = (): Promise<void> => this.task.run();

  /** Same as retry: re-reads (e.g. after a live event said the data changed). */
  refresh(): Promise<void> {
    return this.task.run();
  }

  hostConnected(): void {
    this.connected = true;
    if (this.abortedByDisconnect) {
      this.abortedByDisconnect = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedByDisconnect = true;
      this.task.abort();
    }
  }

  hostUpdate(): void {
    const status = this.status;
    this.host.setState('loading', status === 'loading' || status === 'initial');
    this.host.setState('refreshing', status === 'refreshing');
    this.host.setState('empty', status === 'empty');
    this.host.setState('error', status === 'error');
    this.host.setBusy(status === 'loading' || status === 'refreshing');
  }

  /** The shared presentation around the element's own rendering of the data. */
  render(renderers: DataRenderers<T>): unknown {
    const status = this.status;
    switch (status) {
      case 'initial':
      case 'loading':
        return renderers.loading ? renderers.loading() : loadingTemplate(this.host);
      case 'refreshing':
        return html`${refreshingTemplate(this.host)}${renderers.complete(this.data as T)}`;
      case 'empty':
        return renderers.empty
          ? renderers.empty()
          : emptyTemplate(this.host, renderers.emptyMessage);
      case 'error':
        return html`${this.error ? errorTemplate(this.host, this.error, this.retry) : nothing}${
          this.data !== undefined && !(this.options.isEmpty ?? defaultIsEmpty)(this.data)
            ? renderers.complete(this.data)
            : nothing
        }`;
      default:
        return renderers.complete(this.data as T);
    }
  }

  private fail(error: unknown): void {
    const info = describeError(error);
    if (info.kind === 'aborted' && (this.abortedByDisconnect || !this.connected)) return;
    this.error = info;
    this.host.emit(new CcErrorEvent(info));
  }
}
