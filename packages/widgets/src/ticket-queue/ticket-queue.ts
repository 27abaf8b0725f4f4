import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Query } from '@cc-kit/sdk';
import { TICKET_TRANSITIONS, type BusinessCalendar } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import type { CcClient } from '../shared/client.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { describeError, type ErrorInfo } from '../shared/errors.js';
import { CcErrorEvent } from '../shared/events.js';
import { LiveController } from '../shared/live-controller.js';
import {
  emptyTemplate,
  errorTemplate,
  errorText,
  loadingTemplate,
  refreshingTemplate,
} from '../shared/status.js';
import { liveSla, type LiveSla } from './sla-clock.js';
import {
  CcTicketAssignedEvent,
  CcTicketSelectEvent,
  CcTicketTransitionedEvent,
  CcViewChangeEvent,
} from './ticket-queue.events.js';
import { messages } from './ticket-queue.i18n.js';
import { styles } from './ticket-queue.styles.js';

type Ticket = Schema<'Ticket'>;
type TicketKind = Schema<'TicketKind'>;
type TicketState = Schema<'TicketState'>;
type Transition = Schema<'TicketTransition'>;
type Priority = Schema<'Priority'>;
type SlaState = Schema<'SlaState'>;
type Role = Schema<'Role'>;
type Comment = Schema<'Comment'>;
type Activity = Schema<'ActivityEntry'>;
type Localized = string | Partial<Record<'en' | 'zh-Hans' | 'zh-Hant', string>>;

export type TicketQueueColumn =
  | 'number'
  | 'kind'
  | 'subject'
  | 'customer'
  | 'priority'
  | 'state'
  | 'assignee'
  | 'team'
  | 'department'
  | 'sla'
  | 'updated'
  | 'created';

export type TicketQueueSort = NonNullable<Query<'listTickets'>['sort']>;

/** Server-side filters; arrays are an OR within the filter, filters combine with AND. */
export interface TicketQueueFilters {
  kind?: TicketKind[];
  state?: TicketState[];
  priority?: Priority[];
  /** A user id, `me` or `none`. */
  assigneeId?: string;
  teamId?: string;
  departmentId?: string;
  slaState?: SlaState[];
  /** RFC 3339; created at or after. */
  createdFrom?: string;
  /** RFC 3339; created before. */
  createdTo?: string;
  q?: string;
}

/** A saved view: what the host persists and hands back through `.views` / `.view`. */
export interface TicketQueueView {
  id: string;
  name: string;
  filters: TicketQueueFilters;
  sort?: TicketQueueSort;
  columns?: TicketQueueColumn[];
}

/** The columns each role sees unless the host chooses (`.columns`). */
export const DEFAULT_COLUMNS: Readonly<Record<Role, readonly TicketQueueColumn[]>> = {
  agent: ['number', 'kind', 'subject', 'customer', 'priority', 'state', 'sla', 'updated'],
  supervisor: ['number', 'kind', 'subject', 'priority', 'state', 'assignee', 'sla', 'updated'],
  complaint_supervisor: [
    'number',
    'subject',
    'customer',
    'priority',
    'state',
    'department',
    'assignee',
    'sla',
    'updated',
  ],
  qa_specialist: ['number', 'kind', 'subject', 'state', 'assignee', 'team', 'sla', 'updated'],
  operations_manager: [
    'number',
    'kind',
    'subject',
    'priority',
    'state',
    'assignee',
    'team',
    'department',
    'sla',
    'updated',
  ],
  survey_supervisor: ['number', 'kind', 'subject', 'state', 'team', 'updated'],
};

const SORT_KEYS: Partial<Record<TicketQueueColumn, string>> = {
  number: 'number',
  kind: 'kind',
  priority: 'priority',
  state: 'state',
  sla: 'slaDueAt',
  updated: 'updatedAt',
  created: 'createdAt',
};

const KINDS: TicketKind[] = [
  'general_call',
  'harassment_call',
  'work_order',
  'follow_up_call',
  'complaint',
  'voicemail',
  'qa_review_request',
  'online_response',
  'praise',
];
const STATES: TicketState[] = ['new', 'open', 'pending', 'escalated', 'resolved', 'closed'];
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
const SLA_STATES: SlaState[] = ['ok', 'at_risk', 'breached', 'paused', 'met'];
/** Transitions that need a text: escalate / de-escalate a reason, resolve a resolution. */
const NEEDS_REASON: ReadonlySet<Transition> = new Set(['escalate', 'de_escalate']);
const ASSIGNS_OTHERS: ReadonlySet<Role> = new Set([
  'supervisor',
  'complaint_supervisor',
  'operations_manager',
]);
const PAGE_SIZE = 100;
const SLA_ICON: Record<LiveSla['state'], string> = {
  ok: '◷',
  at_risk: '⚠',
  breached: '⛔',
  paused: '⏸',
  met: '✓',
};

interface Directory {
  me: Schema<'Me'>;
  agents: Map<string, string>;
  teams: Map<string, Localized>;
  departments: Map<string, Localized>;
  calendar?: BusinessCalendar;
  atRisk: Map<string, number>;
}

type Action =
  | { kind: 'transition'; ticket: Ticket; transition: Transition; text?: string }
  | { kind: 'assign'; ticket: Ticket; assigneeId: string };

interface Conflict {
  action: Action;
  current: Ticket;
}

interface BulkOutcome {
  id: string;
  number: number;
  status: number;
}

interface Detail {
  ticket: Ticket;
  comments: Comment[];
  activity: Activity[];
}

/**
 * The work queue every role lives in: the tickets the server lets the signed-in role see, with
 * server-side filters, sort, search and counts, a live SLA countdown in business time, row and
 * bulk actions, a detail panel, and live updates. Only the rows in view are rendered: thousands of rows scroll smoothly.
 *
 * @summary Ticket queue: ARIA grid with filters, SLA countdown, actions and live updates.
 * @fires cc-ticket-select - A ticket was opened; `event.ticketId`, `event.ticket`. Cancelable: prevent it to open your own view instead of the detail panel.
 * @fires cc-ticket-transitioned - A ticket changed state; `event.ticket`, `event.transition`, `event.from`.
 * @fires cc-ticket-assigned - A ticket was assigned; `event.ticket`, `event.assigneeId`.
 * @fires cc-view-change - Filters, sort or view changed; `event.view` (for the host to persist).
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart toolbar - The filter bar.
 * @csspart grid - The grid (header and rows).
 * @csspart row - One ticket row.
 * @csspart sla - The SLA cell's badge.
 * @csspart detail - The detail panel.
 * @csspart bulk - The bulk-action bar.
 * @cssprop --cc-ticket-queue-background - Background of the whole element (default: --cc-color-surface).
 * @cssprop --cc-ticket-queue-height - Height of the scrolling rows (default: 28rem).
 * @cssprop --cc-ticket-queue-min-width - Width below which the grid scrolls sideways (default: 64rem).
 * @cssprop --cc-ticket-queue-row-height - Row height; subjects wrap to two lines (default: 3.25rem).
 * @cssprop --cc-ticket-queue-at-risk-color - At-risk SLA colour (default: --cc-color-warning).
 * @cssprop --cc-ticket-queue-breached-color - Breached SLA colour (default: --cc-color-danger).
 * @cssstate loading - While the first page loads.
 * @cssstate empty - No ticket matches.
 * @cssstate error - Loading failed.
 * @cssstate stale - Live updates are interrupted.
 */
export class CcTicketQueue extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** Columns in order; default: the role's (`DEFAULT_COLUMNS`). */
  @property({ attribute: false }) columns?: TicketQueueColumn[];

  /** Saved views the user can pick (the host stores them). */
  @property({ attribute: false }) views: TicketQueueView[] = [];

  /** The current view: filters, sort, columns. Set it to apply one; read it after `cc-view-change`. */
  @property({ attribute: false }) view?: TicketQueueView;

  /** Rows per page fetched from the server (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = PAGE_SIZE;

  /** Turns off the live SLA countdown and live updates (e.g. for static screenshots). */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  /** Until the host sets a view: the work still to do (not resolved or closed), due first. */
  @state() private filters: TicketQueueFilters = { state: ['new', 'open', 'pending', 'escalated'] };
  @state() private sort: TicketQueueSort = 'slaDueAt';
  @state() private now = Date.now();
  @state() private rows: Ticket[] = [];
  @state() private total = 0;
  @state() private counts: Partial<
    Record<'kind' | 'state' | 'priority' | 'slaState', Map<string, number>>
  > = {};
  @state() private selected = new Set<string>();
  @state() private focusRow = -1;
  @state() private focusCol = 0;
  @state() private detailId?: string;
  @state() private detail?: Detail;
  @state() private conflict?: Conflict;
  @state() private pendingTransition?: Transition;
  @state() private actionError?: string;
  @state() private busy = false;
  @state() private bulkResults?: BulkOutcome[];
  @state() private bulkTransition?: Transition;
  @state() private newTickets = 0;
  @state() private loadingMore = false;

  private book?: Directory;
  private dirClient?: CcClient;
  private cursor: string | null = null;
  private generation = 0;
  private slaSeen = new Map<string, LiveSla['state']>();
  /** Business seconds from each `asOf` to `now`, for the current tick. */
  private elapsed = new Map<string, number>();
  private elapsedAt = 0;
  private updatedBatch = new Set<number>();
  private batchTimer?: ReturnType<typeof setTimeout>;
  private clock?: ReturnType<typeof setInterval>;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private ownViewChange = false;
  private t2 = () => this.msg(messages);
  private announcer = new Announcer(this, 800);

  private data = new DataController(this, {
    args: () => [this.filtersKey(), this.sort, this.pageSize] as const,
    task: async (_args, { client, signal }) => {
      const dir = await this.directory(client, signal);
      const query = this.query();
      const generation = ++this.generation;
      const [page, counts] = await Promise.all([
        client.tickets.list({ ...query, sort: this.sort, limit: this.pageSize }, { signal }),
        this.loadCounts(client, query, signal),
      ]);
      if (generation !== this.generation) return page;
      this.rows = page.items;
      this.cursor = page.nextCursor;
      const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
      if (scroller) scroller.scrollTop = 0;
      this.first = 0;
      this.last = 19;
      this.total = counts.total;
      this.counts = counts.groups;
      this.newTickets = 0;
      // Said once per load (filters, sort, reload), not on every page scrolled in.
      this.announcer.announce(
        this.t2()('ticketQueue.total', {
          n: this.fmt.number(counts.total),
          loaded: this.fmt.number(counts.total),
        }),
      );
      this.selected = new Set(
        [...this.selected].filter((id) => page.items.some((t) => t.id === id)),
      );
      if (this.focusRow >= this.rows.length) this.focusRow = this.rows.length - 1;
      void dir;
      return page;
    },
    isEmpty: (page) => page.items.length === 0 && this.rows.length === 0,
  });

  private live = new LiveController(this, {
    topics: () => ['tickets'],
    enabled: () => !this.noLive,
    onEvent: (event) => this.onLiveEvent(event),
  });

  /** The detail panel's own loading (not a DataController: the host's states are the list's). */
  private detailAbort?: AbortController;
  private focusDetail = false;
  @state() private detailError?: ErrorInfo;

  private async loadDetail(id: string): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    this.detailAbort?.abort();
    const abort = (this.detailAbort = new AbortController());
    const { signal } = abort;
    this.detailError = undefined;
    try {
      const [ticket, comments, activity] = await Promise.all([
        client.tickets.get(id, { signal }),
        client.tickets.comments.iterate(id, {}, { signal }).toArray({ limit: 200 }),
        client.tickets.activity.iterate(id, {}, { signal }).toArray({ limit: 200 }),
      ]);
      if (signal.aborted || this.detailId !== id) return;
      this.detail = { ticket, comments, activity };
      this.replaceRow(ticket);
      if (this.focusDetail) {
        // The panel takes focus once it has something to say (its heading names the ticket).
        this.focusDetail = false;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
      }
    } catch (error) {
      if (signal.aborted) return;
      this.detailError = this.fail(error);
    }
  }

  // ---- public API ----------------------------------------------------------------------------

  /** The rows loaded so far (server order). */
  get tickets(): readonly Ticket[] {
    return this.rows;
  }

  /** The columns shown now. */
  get shownColumns(): readonly TicketQueueColumn[] {
    return (
      this.columns ?? this.view?.columns ?? DEFAULT_COLUMNS[this.book?.me.role ?? 'agent'] ?? []
    );
  }

  /** Reloads the first page and the counts. */
  reload(): Promise<void> {
    return this.data.refresh();
  }

  /** Same as `reload()` (e.g. after the host filed a complaint). */
  refresh(): Promise<void> {
    return this.reload();
  }

  /** Fetches the next page, if any. */
  async loadMore(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || !this.cursor || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    try {
      const page = await client.tickets.list({
        ...this.query(),
        sort: this.sort,
        limit: this.pageSize,
        cursor: this.cursor,
      });
      if (generation !== this.generation) return;
      const seen = new Set(this.rows.map((t) => t.id));
      this.rows = [...this.rows, ...page.items.filter((t) => !seen.has(t.id))];
      this.cursor = page.nextCursor;
    } catch (error) {
      this.fail(error);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Whether more pages are waiting on the server. */
  get hasMore(): boolean {
    return this.cursor !== null;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => {
      if (!this.noLive) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    clearTimeout(this.batchTimer);
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && !this.ownViewChange && this.view) {
      this.filters = { ...this.view.filters };
      if (this.view.sort) this.sort = this.view.sort;
    }
    this.ownViewChange = false;
  }

  // ---- data ------------------------------------------------------------------------------------

  private async directory(client: CcClient, signal: AbortSignal): Promise<Directory> {
    if (this.book && this.dirClient === client) return this.book;
    const [me, agents, teams, departments, calendar, policies] = await Promise.all([
      client.me.get({ signal }),
      client.agents
        .iterate({ limit: 200 }, { signal })
        .toArray({ limit: 2000 })
        .catch(() => []),
      client.teams.list({}, { signal }).catch(() => ({ items: [] })),
      client.departments.list({}, { signal }).catch(() => ({ items: [] })),
      client.sla.calendar.get({ signal }).catch(() => undefined),
      client.sla.policies.list({}, { signal }).catch(() => ({ items: [] })),
    ]);
    this.book = {
      me,
      agents: new Map(
        agents.map((a) => [a.id, a.displayName ? `${a.name} (${a.displayName})` : a.name]),
      ),
      teams: new Map(teams.items.map((t) => [t.id, t.name as Localized])),
      departments: new Map(departments.items.map((d) => [d.id, d.name as Localized])),
      calendar: calendar as BusinessCalendar | undefined,
      atRisk: new Map(policies.items.map((p) => [p.id, p.atRiskRatio])),
    };
    this.dirClient = client;
    return this.book;
  }

  private query(): Query<'listTickets'> {
    const f = this.filters;
    const q: Query<'listTickets'> = {};
    if (f.kind?.length) q.kind = f.kind;
    if (f.state?.length) q.state = f.state;
    if (f.priority?.length) q.priority = f.priority;
    if (f.slaState?.length) q.slaState = f.slaState;
    if (f.assigneeId) q.assigneeId = f.assigneeId;
    if (f.teamId) q.teamId = f.teamId;
    if (f.departmentId) q.departmentId = f.departmentId;
    if (f.createdFrom) q.createdFrom = f.createdFrom;
    if (f.createdTo) q.createdTo = f.createdTo;
    if (f.q?.trim()) q.q = f.q.trim();
    return q;
  }

  private filtersKey(): string {
    return JSON.stringify(this.query());
  }

  private async loadCounts(client: CcClient, query: Query<'listTickets'>, signal: AbortSignal) {
    const dims = ['kind', 'state', 'priority', 'slaState'] as const;
    const [all, ...each] = await Promise.all([
      client.tickets.counts({ ...query, groupBy: 'state' }, { signal }),
      ...dims.map((dim) => {
        const rest = { ...query };
        delete rest[dim];
        return client.tickets.counts({ ...rest, groupBy: dim }, { signal });
      }),
    ]);
    const groups: CcTicketQueue['counts'] = {};
    dims.forEach((dim, i) => {
      groups[dim] = new Map(each[i]!.groups.map((g) => [String(g.key), g.count]));
    });
    return { total: all.total, groups };
  }

  private replaceRow(ticket: Ticket): void {
    const index = this.rows.findIndex((t) => t.id === ticket.id);
    if (index >= 0 && this.rows[index]!.version <= ticket.version) {
      const rows = [...this.rows];
      rows[index] = ticket;
      this.rows = rows;
    }
    if (this.detail?.ticket.id === ticket.id && this.detail.ticket.version <= ticket.version) {
      this.detail = { ...this.detail, ticket };
    }
  }

  private onLiveEvent(event: { type: string; data: unknown }): void {
    if (event.type === 'resync') {
      void this.reload();
      this.announcer.announce(this.t2()('ticketQueue.live.resync'));
      return;
    }
    if (event.type === 'ticket.created') {
      this.newTickets++;
      return;
    }
    if (event.type === 'ticket.commented') {
      const comment = event.data as Comment;
      if (this.detail && comment.ticketId === this.detail.ticket.id) {
        if (!this.detail.comments.some((c) => c.id === comment.id)) {
          this.detail = { ...this.detail, comments: [...this.detail.comments, comment] };
        }
      }
      return;
    }
    if (event.type === 'ticket.updated') {
      const ticket = event.data as Ticket;
      const known = this.rows.find((t) => t.id === ticket.id);
      if (!known || known.version >= ticket.version) return;
      this.replaceRow(ticket);
      this.updatedBatch.add(ticket.number);
      this.batchTimer ??= setTimeout(() => this.flushUpdates(), 1000);
    }
  }

  private flushUpdates(): void {
    this.batchTimer = undefined;
    const numbers = [...this.updatedBatch];
    this.updatedBatch.clear();
    const m = this.t2();
    if (numbers.length > 3) {
      this.announcer.announce(
        m('ticketQueue.live.updatedMany', { n: this.fmt.number(numbers.length) }),
      );
    } else {
      for (const n of numbers)
        this.announcer.announce(m('ticketQueue.live.updated', { number: String(n) }));
    }
  }

  private fail(error: unknown): ErrorInfo {
    const info = describeError(error);
    this.emit(new CcErrorEvent(info));
    return info;
  }

  // ---- filters and view -----------------------------------------------------------------------

  private setFilters(next: TicketQueueFilters, sort = this.sort): void {
    this.filters = next;
    this.sort = sort;
    this.focusRow = this.rows.length ? 0 : -1;
    const view: TicketQueueView = {
      id: this.view?.id ?? 'current',
      name: this.view?.name ?? '',
      ...(this.view?.columns ? { columns: this.view.columns } : {}),
      filters: next,
      sort,
    };
    this.ownViewChange = true;
    this.view = view;
    this.emit(new CcViewChangeEvent(view));
  }

  private setFilter<K extends keyof TicketQueueFilters>(
    key: K,
    value: TicketQueueFilters[K],
  ): void {
    const next = { ...this.filters };
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
      delete next[key];
    } else next[key] = value;
    this.setFilters(next);
  }

  private pickView(id: string): void {
    const view = this.views.find((v) => v.id === id);
    if (!view) return;
    this.filters = { ...view.filters };
    if (view.sort) this.sort = view.sort;
    this.ownViewChange = true;
    this.view = view;
    this.emit(new CcViewChangeEvent(view));
  }

  private toggleSort(column: TicketQueueColumn): void {
    const key = SORT_KEYS[column];
    if (!key) return;
    const next = (this.sort === key ? `-${key}` : key) as TicketQueueSort;
    this.setFilters(this.filters, next);
    const m = this.t2();
    this.announcer.announce(
      m('ticketQueue.sorted', {
        column: this.columnLabel(column),
        direction: m(next.startsWith('-') ? 'ticketQueue.descending' : 'ticketQueue.ascending'),
      }),
    );
  }

  // ---- labels ----------------------------------------------------------------------------------

  private columnLabel(column: TicketQueueColumn): string {
    return this.t2()(`ticketQueue.col.${column}`);
  }

  private localized(name: Localized | undefined, fallback: string): string {
    if (name === undefined) return fallback;
    if (typeof name === 'string') return name;
    return name[this.resolvedLocale] ?? name.en ?? fallback;
  }

  private agentName(id: string | null): string {
    if (!id) return this.t2()('ticketQueue.unassigned');
    if (id === this.book?.me.user.id) return this.book.me.user.name;
    return this.book?.agents.get(id) ?? id;
  }

  private teamName(id: string | null): string {
    return id ? this.localized(this.book?.teams.get(id), id) : this.t('noData');
  }

  private departmentName(id: string | null): string {
    return id ? this.localized(this.book?.departments.get(id), id) : this.t('noData');
  }

  private slaOf(ticket: Ticket): LiveSla | undefined {
    if (!ticket.sla) return undefined;
    if (this.elapsedAt !== this.now) {
      this.elapsedAt = this.now;
      this.elapsed = new Map();
    }
    return liveSla(
      ticket.sla,
      this.now,
      this.book?.calendar,
      this.book?.atRisk.get(ticket.sla.policyId),
      this.elapsed,
    );
  }

  /** The SLA text a row shows, e.g. `At risk · 20 min left`. */
  slaText(ticket: Ticket): string {
    const sla = this.slaOf(ticket);
    if (!sla) return this.t2()('ticketQueue.sla.none');
    const time = this.fmt.duration(sla.remaining);
    const label = this.t(`sla.state.${sla.state}`);
    switch (sla.state) {
      case 'breached':
        return `${label} · ${this.t('sla.overdue', { time })}`;
      case 'paused':
        return this.t2()('ticketQueue.sla.paused', { time });
      case 'met':
        return label;
      default:
        return `${label} · ${this.t('sla.remaining', { time })}`;
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const m = this.t2();
    return html`
      ${this.announcer.render()}
      <section class="queue" aria-label=${m('ticketQueue.gridLabel')}>
        ${this.renderToolbar()}
        ${this.live.stale ? html`<p class="stale" role="status">${this.t('live.stale')}</p>` : nothing}
        ${
          this.newTickets
            ? html`<p class="new-tickets">
                ${m('ticketQueue.live.created', { n: this.fmt.number(this.newTickets) })}
                <button class="cc-button" type="button" @click=${() => void this.reload()}>
                  ${m('ticketQueue.live.show')}
                </button>
              </p>`
            : nothing
        }
        ${this.selected.size ? this.renderBulk() : nothing}
        ${this.bulkResults ? this.renderBulkResults() : nothing} ${this.renderBody()}
      </section>
      ${this.detailId ? this.renderDetail() : nothing}
    `;
  }

  /**
   * The list's loading / empty / error presentation (the shared templates) above one grid that
   * stays in the DOM while it refreshes, so focus and scroll position survive a reload.
   */
  private renderBody(): TemplateResult {
    const status = this.data.status;
    const error = this.data.error;
    const retry = () => void this.data.retry();
    const hasRows = this.rows.length > 0 && status !== 'empty';
    return html`<div class="status-slot">
        ${
          status === 'initial' || status === 'loading'
            ? loadingTemplate(this)
            : status === 'empty'
              ? emptyTemplate(this, this.t2()('ticketQueue.empty'))
              : status === 'error' && error
                ? errorTemplate(this, error, retry)
                : status === 'refreshing'
                  ? refreshingTemplate(this)
                  : nothing
        }
      </div>
      ${hasRows && status !== 'loading' && status !== 'initial' ? this.renderGrid() : nothing}`;
  }

  private renderSelect<T extends string>(
    id: string,
    label: string,
    values: readonly T[],
    selected: readonly T[] | undefined,
    text: (value: T) => string,
    onPick: (values: T[] | undefined) => void,
    counts?: Map<string, number>,
  ): TemplateResult {
    const m = this.t2();
    const withCount = (value: T) => {
      const n = counts?.get(value);
      return counts
        ? m('ticketQueue.withCount', { label: text(value), n: this.fmt.number(n ?? 0) })
        : text(value);
    };
    const multi = (selected?.length ?? 0) > 1;
    const current = multi ? '__multi' : (selected?.[0] ?? '');
    return html`<label class="field" for=${id}>
      <span>${label}</span>
      <select
        id=${id}
        .value=${current}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v === '__multi') return;
          onPick(v ? [v as T] : undefined);
        }}
      >
        <option value="" ?selected=${current === ''}>${m('ticketQueue.any')}</option>
        ${
          multi
            ? html`<option value="__multi" selected>${this.fmt.list(selected!.map(text))}</option>`
            : nothing
        }
        ${values.map(
          (v) => html`<option value=${v} ?selected=${current === v}>${withCount(v)}</option>`,
        )}
      </select>
    </label>`;
  }

  private renderToolbar(): TemplateResult {
    const m = this.t2();
    const f = this.filters;
    const role = this.book?.me.role;
    const agents = [...(this.book?.agents ?? new Map<string, string>())];
    const dateValue = (iso?: string) => (iso ? iso.slice(0, 10) : '');
    return html`<form
      class="toolbar"
      part="toolbar"
      role="search"
      aria-label=${m('ticketQueue.filters')}
      @submit=${(e: Event) => {
        e.preventDefault();
        const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
        this.setFilter('q', input?.value.trim() || undefined);
      }}
    >
      ${
        this.views.length
          ? html`<label class="field" for="view">
              <span>${m('ticketQueue.view')}</span>
              <select
                id="view"
                @change=${(e: Event) => this.pickView((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!this.views.some((v) => v.id === this.view?.id)}>
                  ${m('ticketQueue.view.custom')}
                </option>
                ${this.views.map(
                  (v) =>
                    html`<option value=${v.id} ?selected=${v.id === this.view?.id}>
                      ${v.name}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      <label class="field search" for="q">
        <span>${m('ticketQueue.search')}</span>
        <span class="search-row">
          <input
            id="q"
            type="search"
            maxlength="200"
            .value=${f.q ?? ''}
            @input=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              clearTimeout(this.searchTimer);
              this.searchTimer = setTimeout(
                () => this.setFilter('q', value.trim() || undefined),
                400,
              );
            }}
          />
          <button class="cc-button" type="submit">${m('ticketQueue.searchButton')}</button>
        </span>
      </label>
      ${this.renderSelect(
        'f-kind',
        this.columnLabel('kind'),
        KINDS,
        f.kind,
        (v) => this.t(`ticket.kind.${v}`),
        (v) => this.setFilter('kind', v),
        this.counts.kind,
      )}
      ${this.renderSelect(
        'f-state',
        this.columnLabel('state'),
        STATES,
        f.state,
        (v) => this.t(`ticket.state.${v}`),
        (v) => this.setFilter('state', v),
        this.counts.state,
      )}
      ${this.renderSelect(
        'f-priority',
        this.columnLabel('priority'),
        PRIORITIES,
        f.priority,
        (v) => this.t(`ticket.priority.${v}`),
        (v) => this.setFilter('priority', v),
        this.counts.priority,
      )}
      ${this.renderSelect(
        'f-sla',
        this.columnLabel('sla'),
        SLA_STATES,
        f.slaState,
        (v) => this.t(`sla.state.${v}`),
        (v) => this.setFilter('slaState', v),
        this.counts.slaState,
      )}
      <label class="field" for="f-assignee">
        <span>${this.columnLabel('assignee')}</span>
        <select
          id="f-assignee"
          @change=${(e: Event) =>
            this.setFilter('assigneeId', (e.target as HTMLSelectElement).value || undefined)}
        >
          <option value="" ?selected=${!f.assigneeId}>${m('ticketQueue.any')}</option>
          <option value="me" ?selected=${f.assigneeId === 'me'}>
            ${m('ticketQueue.assignee.me')}
          </option>
          <option value="none" ?selected=${f.assigneeId === 'none'}>
            ${m('ticketQueue.assignee.none')}
          </option>
          ${
            role && role !== 'agent'
              ? agents.map(
                  ([id, name]) =>
                    html`<option value=${id} ?selected=${f.assigneeId === id}>${name}</option>`,
                )
              : nothing
          }
        </select>
      </label>
      ${
        role && role !== 'agent'
          ? html`<label class="field" for="f-team">
                <span>${this.columnLabel('team')}</span>
                <select
                  id="f-team"
                  @change=${(e: Event) =>
                    this.setFilter('teamId', (e.target as HTMLSelectElement).value || undefined)}
                >
                  <option value="" ?selected=${!f.teamId}>${m('ticketQueue.any')}</option>
                  ${[...(this.book?.teams ?? [])].map(
                    ([id, name]) =>
                      html`<option value=${id} ?selected=${f.teamId === id}>
                        ${this.localized(name, id)}
                      </option>`,
                  )}
                </select>
              </label>
              <label class="field" for="f-department">
                <span>${this.columnLabel('department')}</span>
                <select
                  id="f-department"
                  @change=${(e: Event) =>
                    this.setFilter(
                      'departmentId',
                      (e.target as HTMLSelectElement).value || undefined,
                    )}
                >
                  <option value="" ?selected=${!f.departmentId}>${m('ticketQueue.any')}</option>
                  ${[...(this.book?.departments ?? [])].map(
                    ([id, name]) =>
                      html`<option value=${id} ?selected=${f.departmentId === id}>
                        ${this.localized(name, id)}
                      </option>`,
                  )}
                </select>
              </label>`
          : nothing
      }
      <label class="field" for="f-from">
        <span>${m('ticketQueue.createdFrom')}</span>
        <input
          id="f-from"
          type="date"
          .value=${dateValue(f.createdFrom)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            this.setFilter('createdFrom', v ? new Date(`${v}T00:00:00`).toISOString() : undefined);
          }}
        />
      </label>
      <label class="field" for="f-to">
        <span>${m('ticketQueue.createdTo')}</span>
        <input
          id="f-to"
          type="date"
          .value=${f.createdTo ? dateValue(new Date(Date.parse(f.createdTo) - 1).toISOString()) : ''}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            const end = v ? new Date(`${v}T00:00:00`) : undefined;
            if (end) end.setDate(end.getDate() + 1);
            this.setFilter('createdTo', end?.toISOString());
          }}
        />
      </label>
      ${
        Object.keys(f).length
          ? html`<button class="cc-button" type="button" @click=${() => this.setFilters({})}>
              ${m('ticketQueue.clearFilters')}
            </button>`
          : nothing
      }
      <p class="total">
        ${m('ticketQueue.total', {
          n: this.fmt.number(this.total),
          loaded: this.fmt.number(this.rows.length),
        })}
      </p>
    </form>`;
  }

  private renderGrid(): TemplateResult {
    const m = this.t2();
    const cols = this.shownColumns;
    const allSelected = this.rows.length > 0 && this.rows.every((t) => this.selected.has(t.id));
    return html`<p id="kbd-help" class="cc-visually-hidden">${m('ticketQueue.keyboardHelp')}</p>
      <div
        class="grid"
        part="grid"
        role="grid"
        aria-label=${m('ticketQueue.gridLabel')}
        aria-describedby="kbd-help"
        aria-multiselectable="true"
        aria-rowcount=${Math.max(this.total, this.rows.length) + 1}
        aria-colcount=${cols.length + 1}
        @keydown=${this.onKeydown}
      >
        <div role="rowgroup" class="head">
          <div role="row" class="row" aria-rowindex="1">
            <div
              role="columnheader"
              class="cell select"
              aria-colindex="1"
              data-r="-1"
              data-c="0"
              tabindex=${this.tabFor(-1, 0)}
            >
              <input
                type="checkbox"
                tabindex="-1"
                aria-label=${m('ticketQueue.selectAll')}
                .checked=${allSelected}
                @change=${() => this.selectAll(!allSelected)}
              />
            </div>
            ${cols.map((col, i) => this.renderHeader(col, i + 1))}
          </div>
        </div>
        <div class="scroller" @scroll=${this.onScroll}>
          <div role="rowgroup" class="body">
            ${repeat(
              this.rows.slice(this.first, this.last + 1),
              (t) => t.id,
              (t, i) => this.renderRow(t, this.first + i, cols),
            )}
          </div>
        </div>
      </div>
      ${
        this.loadingMore
          ? html`<p class="more" role="status">${m('ticketQueue.loadingMore')}</p>`
          : nothing
      }`;
  }

  // ---- windowing: only the rows in view (and a few around) are in the DOM ---------------------

  /** Index of the first and last row rendered. */
  @state() private first = 0;
  @state() private last = 19;
  /** Row height in px (rows have a fixed height in CSS; measured once rendered). */
  private rowHeight = 52;

  private onScroll = (): void => this.windowRows();

  /**
   * Works out which rows are in view from the scroll position; with a fixed row height this is
   * arithmetic, so scrolling through 10,000 rows renders ~40 rows per frame at most.
   */
  private windowRows(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const row = scroller.querySelector<HTMLElement>('[role=row]');
    if (row?.offsetHeight) this.rowHeight = row.offsetHeight;
    const h = this.rowHeight;
    const overscan = 10;
    const first = Math.max(0, Math.floor(scroller.scrollTop / h) - overscan);
    // Not clamped to the rows loaded: new pages then render without another window change.
    const last = Math.ceil((scroller.scrollTop + scroller.clientHeight) / h) + overscan;
    if (first !== this.first || last !== this.last) {
      this.first = first;
      this.last = last;
    }
    if (last >= this.rows.length - 20) void this.loadMore();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (!body) return;
    // The rows outside the window are stand-in space (CSSOM, allowed under a strict CSP).
    const h = this.rowHeight;
    const last = Math.min(this.last, this.rows.length - 1);
    body.style.paddingTop = `${this.first * h}px`;
    body.style.paddingBottom = `${Math.max(0, this.rows.length - 1 - last) * h}px`;
    if (changed.has('rows')) this.windowRows();
  }

  private tabFor(row: number, col: number): string {
    const focusRow = this.focusRow < -1 ? -1 : this.focusRow;
    return focusRow === row && this.focusCol === col ? '0' : '-1';
  }

  private renderHeader(col: TicketQueueColumn, index: number): TemplateResult {
    const key = SORT_KEYS[col];
    const label = this.columnLabel(col);
    const sort = !key
      ? undefined
      : this.sort === key
        ? 'ascending'
        : this.sort === `-${key}`
          ? 'descending'
          : 'none';
    return html`<div
      role="columnheader"
      class="cell"
      data-col=${col}
      data-r="-1"
      data-c=${index}
      aria-colindex=${index + 1}
      aria-sort=${sort ?? nothing}
      tabindex=${this.tabFor(-1, index)}
    >
      ${
        key
          ? html`<button
              class="sort"
              type="button"
              tabindex="-1"
              @click=${() => this.toggleSort(col)}
            >
              ${label}<span aria-hidden="true" class="arrow"
                >${sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '⇅'}</span
              >
            </button>`
          : label
      }
    </div>`;
  }

  private renderRow(t: Ticket, index: number, cols: readonly TicketQueueColumn[]): TemplateResult {
    const m = this.t2();
    const selected = this.selected.has(t.id);
    const result = this.bulkResults?.find((r) => r.id === t.id);
    return html`<div
      role="row"
      class="row"
      part="row"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-id=${t.id}
      data-result=${result ? (result.status < 300 ? 'ok' : 'failed') : nothing}
      data-priority=${t.priority}
      @click=${(e: MouseEvent) => this.onRowClick(e, index)}
      @dblclick=${() => this.open(t)}
    >
      <div
        role="gridcell"
        class="cell select"
        aria-colindex="1"
        data-r=${index}
        data-c="0"
        tabindex=${this.tabFor(index, 0)}
      >
        <input
          type="checkbox"
          tabindex="-1"
          aria-label=${m('ticketQueue.selectRow', { number: String(t.number) })}
          .checked=${selected}
          @change=${() => this.toggleSelect(t.id)}
        />
      </div>
      ${cols.map(
        (col, i) =>
          html`<div
            role="gridcell"
            class="cell"
            data-col=${col}
            data-r=${index}
            data-c=${i + 1}
            aria-colindex=${i + 2}
            tabindex=${this.tabFor(index, i + 1)}
          >
            ${this.renderCell(t, col)}
          </div>`,
      )}
    </div>`;
  }

  private renderCell(t: Ticket, col: TicketQueueColumn): unknown {
    switch (col) {
      case 'number':
        return html`<button
          class="link"
          type="button"
          tabindex="-1"
          aria-label=${this.t2()('ticketQueue.open', { number: String(t.number) })}
          @click=${() => this.open(t)}
        >
          #${t.number}
        </button>`;
      case 'kind':
        return this.t(`ticket.kind.${t.kind}`);
      case 'subject':
        return html`<span class="subject">${t.subject}</span>`;
      case 'customer':
        return t.customer?.name ?? this.t2()('ticketQueue.noCustomer');
      case 'priority':
        return html`<span class="priority" data-priority=${t.priority}
          >${this.t(`ticket.priority.${t.priority}`)}</span
        >`;
      case 'state':
        return html`<span class="state" data-state=${t.state}
          >${this.t(`ticket.state.${t.state}`)}</span
        >`;
      case 'assignee':
        return this.agentName(t.assigneeId);
      case 'team':
        return this.teamName(t.teamId);
      case 'department':
        return this.departmentName(t.departmentId);
      case 'sla':
        return this.renderSla(t);
      case 'updated':
        return html`<time datetime=${t.updatedAt}>${this.fmt.date(t.updatedAt, 'short')}</time>`;
      case 'created':
        return html`<time datetime=${t.createdAt}>${this.fmt.date(t.createdAt, 'short')}</time>`;
    }
  }

  private renderSla(t: Ticket): TemplateResult {
    const sla = this.slaOf(t);
    if (!sla) return html`<span class="sla" part="sla">${this.t2()('ticketQueue.sla.none')}</span>`;
    const before = this.slaSeen.get(t.id);
    if (before && before !== sla.state && (sla.state === 'at_risk' || sla.state === 'breached')) {
      this.announcer.announce(
        this.t2()('ticketQueue.sla.crossed', {
          number: String(t.number),
          state: this.t(`sla.state.${sla.state}`),
        }),
      );
    }
    this.slaSeen.set(t.id, sla.state);
    return html`<span class="sla" part="sla" data-sla=${sla.state}
      ><span class="icon" aria-hidden="true">${SLA_ICON[sla.state]}</span
      ><span class="sla-text">${this.slaText(t)}</span></span
    >`;
  }

  // ---- keyboard: the ARIA grid pattern ---------------------------------------------------------

  private onKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
    const cell = target.closest<HTMLElement>('[data-r]');
    if (!cell) return;
    const row = Number(cell.dataset.r);
    const col = Number(cell.dataset.c);
    const lastRow = this.rows.length - 1;
    const lastCol = this.shownColumns.length;
    let r = row;
    let c = col;
    switch (e.key) {
      case 'ArrowDown':
        r = Math.min(row + 1, lastRow);
        break;
      case 'ArrowUp':
        r = Math.max(row - 1, -1);
        break;
      case 'ArrowRight':
        c = Math.min(col + 1, lastCol);
        break;
      case 'ArrowLeft':
        c = Math.max(col - 1, 0);
        break;
      case 'Home':
        c = 0;
        if (e.ctrlKey) r = -1;
        break;
      case 'End':
        c = lastCol;
        if (e.ctrlKey) r = lastRow;
        break;
      case 'PageDown':
        r = Math.min(row + 10, lastRow);
        break;
      case 'PageUp':
        r = Math.max(row - 10, row < 0 ? -1 : 0);
        break;
      case 'Enter':
        e.preventDefault();
        if (row < 0) this.headerAction(col);
        else this.open(this.rows[row]!);
        return;
      case ' ':
        e.preventDefault();
        if (row < 0) this.headerAction(col);
        else this.toggleSelect(this.rows[row]!.id);
        return;
      case 'Escape':
        if (this.detailId) this.closeDetail();
        return;
      case 'a':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          this.selectAll(true);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    void this.moveFocus(r, c);
  };

  private headerAction(col: number): void {
    if (col === 0) {
      this.selectAll(!this.rows.every((t) => this.selected.has(t.id)));
      return;
    }
    const column = this.shownColumns[col - 1];
    if (column) this.toggleSort(column);
  }

  private async moveFocus(row: number, col: number): Promise<void> {
    this.focusRow = row;
    this.focusCol = col;
    if (row >= this.rows.length - 20) void this.loadMore();
    const find = () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`);
    let cell = find();
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!cell && row >= 0 && scroller) {
      // Bring the row into the window: scroll so it is in view, render, then focus it.
      scroller.scrollTop = Math.max(0, row * this.rowHeight - scroller.clientHeight / 2);
      this.windowRows();
      await this.updateComplete;
      cell = find();
    }
    await this.updateComplete;
    cell = find() ?? cell;
    if (!cell) return;
    cell.tabIndex = 0;
    cell.focus();
    if (row >= 0) cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  private onRowClick(e: MouseEvent, index: number): void {
    const cell = (e.composedPath() as HTMLElement[]).find((n) => n.dataset?.r !== undefined);
    this.focusRow = index;
    this.focusCol = cell ? Number(cell.dataset.c) : 0;
  }

  // ---- selection and bulk ------------------------------------------------------------------

  private toggleSelect(id: string): void {
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected = next;
  }

  private selectAll(on: boolean): void {
    this.selected = on ? new Set(this.rows.map((t) => t.id)) : new Set();
  }

  private renderBulk(): TemplateResult {
    const m = this.t2();
    const role = this.book?.me.role;
    const chosen = this.rows.filter((t) => this.selected.has(t.id));
    const offered = TICKET_TRANSITIONS.filter((tr) =>
      chosen.some((t) => t.allowedTransitions.includes(tr)),
    );
    const needs = this.bulkTransition
      ? NEEDS_REASON.has(this.bulkTransition) || this.bulkTransition === 'resolve'
      : false;
    return html`<form
      class="bulk"
      part="bulk"
      aria-label=${m('ticketQueue.bulk.label')}
      @submit=${(e: Event) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        const text = (form.elements.namedItem('bulk-text') as HTMLTextAreaElement | null)?.value;
        if (this.bulkTransition) void this.bulkApply('transition', this.bulkTransition, text);
      }}
    >
      <span class="count" role="status">
        ${m('ticketQueue.selected', { n: this.fmt.number(this.selected.size) })}
      </span>
      <button
        class="cc-button"
        type="button"
        ?disabled=${this.busy}
        @click=${() => void this.bulkApply('assign', this.book?.me.user.id ?? '')}
      >
        ${m('ticketQueue.assignMe')}
      </button>
      ${
        role && ASSIGNS_OTHERS.has(role)
          ? html`<label class="field inline" for="bulk-assignee">
              <span>${m('ticketQueue.assignTo')}</span>
              <select
                id="bulk-assignee"
                ?disabled=${this.busy}
                @change=${(e: Event) => {
                  const select = e.target as HTMLSelectElement;
                  if (select.value) void this.bulkApply('assign', select.value);
                  select.value = '';
                }}
              >
                <option value="">${m('ticketQueue.bulk.choose')}</option>
                ${[...(this.book?.agents ?? [])].map(
                  ([id, name]) => html`<option value=${id}>${name}</option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      <label class="field inline" for="bulk-transition">
        <span>${m('ticketQueue.bulk.transition')}</span>
        <select
          id="bulk-transition"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.bulkTransition = (v || undefined) as Transition | undefined;
          }}
        >
          <option value="" ?selected=${!this.bulkTransition}>
            ${m('ticketQueue.bulk.choose')}
          </option>
          ${offered.map(
            (tr) =>
              html`<option value=${tr} ?selected=${this.bulkTransition === tr}>
                ${this.t(`ticket.transition.${tr}`)}
              </option>`,
          )}
        </select>
      </label>
      ${
        needs
          ? html`<label class="field inline" for="bulk-text">
              <span
                >${m(this.bulkTransition === 'resolve' ? 'ticketQueue.resolution' : 'ticketQueue.reason')}</span
              >
              <textarea
                id="bulk-text"
                name="bulk-text"
                required
                maxlength="2000"
                rows="1"
              ></textarea>
            </label>`
          : nothing
      }
      <button
        class="cc-button"
        data-variant="primary"
        type="submit"
        ?disabled=${!this.bulkTransition || this.busy}
      >
        ${m('ticketQueue.apply')}
      </button>
      <button class="cc-button" type="button" @click=${() => this.selectAll(false)}>
        ${m('ticketQueue.bulk.clear')}
      </button>
    </form>`;
  }

  private async bulkApply(
    action: 'assign' | 'transition',
    value: string,
    text?: string,
  ): Promise<void> {
    const client = this.resolvedClient;
    if (!client || !value) return;
    const chosen = this.rows.filter((t) => this.selected.has(t.id));
    const before = new Map(chosen.map((t) => [t.id, t]));
    this.busy = true;
    const outcomes: BulkOutcome[] = [];
    try {
      for (let i = 0; i < chosen.length; i += 100) {
        const items = chosen
          .slice(i, i + 100)
          .map((t) => ({ id: t.id, ifMatch: `"${t.version}"` }));
        const transition = value as Transition;
        const body =
          action === 'assign'
            ? { action, assigneeId: value, items }
            : {
                action,
                transition,
                ...(text && transition === 'resolve' ? { resolution: text } : {}),
                ...(text && NEEDS_REASON.has(transition) ? { reason: text } : {}),
                items,
              };
        const result = await client.tickets.bulk(body);
        for (const r of result.results) {
          const old = before.get(r.id)!;
          outcomes.push({ id: r.id, number: old.number, status: r.status });
          if (r.ticket) {
            this.replaceRow(r.ticket);
            if (action === 'assign') this.emit(new CcTicketAssignedEvent(r.ticket, value));
            else this.emit(new CcTicketTransitionedEvent(r.ticket, transition, old.state));
          }
        }
      }
      this.bulkResults = outcomes;
      this.selected = new Set(outcomes.filter((o) => o.status >= 300).map((o) => o.id));
      this.bulkTransition = undefined;
      const ok = outcomes.filter((o) => o.status < 300).length;
      this.announcer.announce(
        this.t2()('ticketQueue.bulk.results', {
          ok: this.fmt.number(ok),
          failed: this.fmt.number(outcomes.length - ok),
        }),
      );
    } catch (error) {
      const info = this.fail(error);
      this.actionError = errorText(this, info);
    } finally {
      this.busy = false;
    }
  }

  private renderBulkResults(): TemplateResult {
    const m = this.t2();
    const results = this.bulkResults ?? [];
    const ok = results.filter((o) => o.status < 300).length;
    const why = (status: number) =>
      status < 300
        ? m('ticketQueue.bulk.ok')
        : status === 412
          ? m('ticketQueue.bulk.stale')
          : status === 409
            ? m('ticketQueue.bulk.notAllowed')
            : status === 403
              ? m('ticketQueue.bulk.forbidden')
              : m('ticketQueue.bulk.failed');
    return html`<section class="bulk-results" aria-label=${m('ticketQueue.bulk.label')}>
      <p>
        ${m('ticketQueue.bulk.results', {
          ok: this.fmt.number(ok),
          failed: this.fmt.number(results.length - ok),
        })}
        <button class="cc-button" type="button" @click=${() => (this.bulkResults = undefined)}>
          ${this.t('close')}
        </button>
      </p>
      <ul>
        ${results.map(
          (r) =>
            html`<li data-status=${r.status} data-result=${r.status < 300 ? 'ok' : 'failed'}>
              <span aria-hidden="true">${r.status < 300 ? '✓' : '✗'}</span> #${r.number}:
              ${why(r.status)}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  // ---- detail panel and row actions ----------------------------------------------------------

  /** Opens a ticket: fires the cancelable `cc-ticket-select`, then shows the detail panel. */
  open(ticket: Ticket): void {
    if (!this.emit(new CcTicketSelectEvent(ticket.id, ticket))) return;
    this.conflict = undefined;
    this.actionError = undefined;
    this.pendingTransition = undefined;
    this.detailId = ticket.id;
    this.detail = this.detail?.ticket.id === ticket.id ? this.detail : undefined;
    void this.loadDetail(ticket.id);
    this.focusDetail = true;
  }

  private closeDetail(): void {
    this.detailAbort?.abort();
    this.detailId = undefined;
    this.detail = undefined;
    this.conflict = undefined;
    void this.moveFocus(this.focusRow, this.focusCol);
  }

  private renderDetail(): TemplateResult {
    return html`<section
      class="detail"
      part="detail"
      aria-labelledby="detail-title"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.closeDetail();
        }
      }}
    >
      ${
        this.detail
          ? this.renderDetailBody(this.detail)
          : this.detailError
            ? errorTemplate(this, this.detailError, () => void this.loadDetail(this.detailId!))
            : loadingTemplate(this)
      }
    </section>`;
  }

  private renderDetailBody({ ticket: t, comments, activity }: Detail): TemplateResult {
    const m = this.t2();
    return html`<header class="detail-head">
        <h2 id="detail-title" tabindex="-1">
          ${m('ticketQueue.detail', { number: String(t.number) })} · <span>${t.subject}</span>
        </h2>
        <button class="cc-button" type="button" @click=${() => this.closeDetail()}>
          ${m('ticketQueue.detail.close')}
        </button>
      </header>
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${
        this.actionError
          ? html`<p class="action-error" role="alert">${this.actionError}</p>`
          : nothing
      }
      <h3>${m('ticketQueue.detail.fields')}</h3>
      <dl class="fields">
        <dt>${this.columnLabel('kind')}</dt>
        <dd>${this.t(`ticket.kind.${t.kind}`)}</dd>
        <dt>${this.columnLabel('state')}</dt>
        <dd>${this.t(`ticket.state.${t.state}`)}</dd>
        <dt>${this.columnLabel('priority')}</dt>
        <dd>${this.t(`ticket.priority.${t.priority}`)}</dd>
        <dt>${this.columnLabel('sla')}</dt>
        <dd>${this.renderSla(t)}</dd>
        <dt>${this.columnLabel('customer')}</dt>
        <dd>
          ${
            t.customer
              ? [t.customer.name, t.customer.phone].filter(Boolean).join(' · ')
              : m('ticketQueue.noCustomer')
          }
        </dd>
        <dt>${this.columnLabel('assignee')}</dt>
        <dd>${this.agentName(t.assigneeId)}</dd>
        <dt>${this.columnLabel('team')}</dt>
        <dd>${this.teamName(t.teamId)}</dd>
        <dt>${this.columnLabel('department')}</dt>
        <dd>${this.departmentName(t.departmentId)}</dd>
        <dt>${m('ticketQueue.detail.channel')}</dt>
        <dd>${this.t(`ticket.channel.${t.channel}`)}</dd>
        <dt>${m('ticketQueue.detail.escalation')}</dt>
        <dd>${this.fmt.number(t.escalationLevel)}</dd>
        <dt>${m('ticketQueue.detail.createdBy')}</dt>
        <dd>${t.createdBy.name} · ${this.fmt.date(t.createdAt)}</dd>
        <dt>${m('ticketQueue.detail.description')}</dt>
        <dd class="description">${t.description}</dd>
      </dl>
      ${this.renderActions(t)}
      <h3>${m('ticketQueue.detail.comments')}</h3>
      ${
        comments.length
          ? html`<ol class="comments">
              ${comments.map(
                (c) =>
                  html`<li>
                    <p class="meta">${c.author.name} · ${this.fmt.date(c.createdAt)}</p>
                    <p class="body">${c.body}</p>
                  </li>`,
              )}
            </ol>`
          : html`<p>${m('ticketQueue.detail.noComments')}</p>`
      }
      <form class="comment" @submit=${(e: Event) => this.addComment(e, t)}>
        <label for="comment-body">${m('ticketQueue.commentBody')}</label>
        <textarea id="comment-body" name="body" required maxlength="10000" rows="3"></textarea>
        <label class="check"
          ><input
            type="checkbox"
            name="internal"
            checked
          />${m('ticketQueue.commentInternal')}</label
        >
        <button class="cc-button" type="submit" ?disabled=${this.busy}>
          ${m('ticketQueue.commentSend')}
        </button>
      </form>
      <h3>${m('ticketQueue.detail.activity')}</h3>
      ${
        activity.length
          ? html`<ol class="activity">
              ${activity.map(
                (a) =>
                  html`<li>
                    <span class="meta">${this.fmt.date(a.at)} · ${a.actor.name}</span>
                    ${m(`ticketQueue.activity.${a.action}`)}${
                      a.transition
                        ? html` · ${this.t(`ticket.transition.${a.transition}`)}`
                        : nothing
                    }${a.note ? html` · ${a.note}` : nothing}
                  </li>`,
              )}
            </ol>`
          : html`<p>${m('ticketQueue.detail.noActivity')}</p>`
      }`;
  }

  private renderActions(t: Ticket): TemplateResult {
    const m = this.t2();
    const role = this.book?.me.role;
    const meId = this.book?.me.user.id;
    const canAssignOthers = !!role && ASSIGNS_OTHERS.has(role);
    const canAssignMe =
      !!meId && t.assigneeId !== meId && role !== 'survey_supervisor' && t.state !== 'closed';
    const pending = this.pendingTransition;
    const none = !t.allowedTransitions.length && !canAssignMe && !canAssignOthers;
    return html`<h3>${m('ticketQueue.actions')}</h3>
      ${none ? html`<p>${m('ticketQueue.noActions')}</p>` : nothing}
      <div class="actions" role="group" aria-label=${m('ticketQueue.actions')}>
        ${t.allowedTransitions.map(
          (tr) =>
            html`<button
              class="cc-button"
              type="button"
              data-transition=${tr}
              aria-pressed=${pending === tr ? 'true' : nothing}
              ?disabled=${this.busy}
              @click=${() => {
                if (NEEDS_REASON.has(tr) || tr === 'resolve') {
                  this.pendingTransition = tr;
                  void this.updateComplete.then(() =>
                    this.renderRoot.querySelector<HTMLElement>('#transition-text')?.focus(),
                  );
                } else void this.apply({ kind: 'transition', ticket: t, transition: tr });
              }}
            >
              ${this.t(`ticket.transition.${tr}`)}
            </button>`,
        )}
        ${
          canAssignMe
            ? html`<button
                class="cc-button"
                type="button"
                data-action="assign-me"
                ?disabled=${this.busy}
                @click=${() => void this.apply({ kind: 'assign', ticket: t, assigneeId: meId })}
              >
                ${m('ticketQueue.assignMe')}
              </button>`
            : nothing
        }
      </div>
      ${
        pending
          ? html`<form
              class="transition-form"
              @submit=${(e: Event) => {
                e.preventDefault();
                const text = (e.target as HTMLFormElement).elements.namedItem(
                  'text',
                ) as HTMLTextAreaElement;
                void this.apply({
                  kind: 'transition',
                  ticket: t,
                  transition: pending,
                  text: text.value.trim(),
                });
              }}
            >
              <label for="transition-text"
                >${this.t(`ticket.transition.${pending}`)} ·
                ${m(pending === 'resolve' ? 'ticketQueue.resolution' : 'ticketQueue.reason')}</label
              >
              <textarea
                id="transition-text"
                name="text"
                required
                maxlength="2000"
                rows="2"
              ></textarea>
              <button class="cc-button" data-variant="primary" type="submit" ?disabled=${this.busy}>
                ${m('ticketQueue.apply')}
              </button>
              <button
                class="cc-button"
                type="button"
                @click=${() => (this.pendingTransition = undefined)}
              >
                ${this.t('cancel')}
              </button>
            </form>`
          : nothing
      }
      ${
        canAssignOthers
          ? html`<form
              class="assign-form"
              @submit=${(e: Event) => {
                e.preventDefault();
                const select = (e.target as HTMLFormElement).elements.namedItem(
                  'assignee',
                ) as HTMLSelectElement;
                if (select.value)
                  void this.apply({ kind: 'assign', ticket: t, assigneeId: select.value });
              }}
            >
              <label for="assignee">${m('ticketQueue.assignTo')}</label>
              <select id="assignee" name="assignee" required>
                <option value="">${m('ticketQueue.bulk.choose')}</option>
                ${[...(this.book?.agents ?? [])].map(
                  ([id, name]) =>
                    html`<option value=${id} ?selected=${id === t.assigneeId}>${name}</option>`,
                )}
              </select>
              <button class="cc-button" type="submit" ?disabled=${this.busy}>
                ${m('ticketQueue.assign')}
              </button>
            </form>`
          : nothing
      }`;
  }

  /** Applies a row action with the version the user saw; a 412 shows what changed instead. */
  private async apply(action: Action): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    const m = this.t2();
    const { ticket } = action;
    this.busy = true;
    this.actionError = undefined;
    try {
      let updated: Ticket;
      if (action.kind === 'transition') {
        const tr = action.transition;
        updated = await client.tickets.transition(
          ticket.id,
          {
            transition: tr,
            ...(action.text && tr === 'resolve' ? { resolution: action.text } : {}),
            ...(action.text && NEEDS_REASON.has(tr) ? { reason: action.text } : {}),
          },
          { ifMatch: ticket.version },
        );
        this.emit(new CcTicketTransitionedEvent(updated, tr, ticket.state));
        this.announcer.announce(
          m('ticketQueue.transitioned', {
            number: String(updated.number),
            state: this.t(`ticket.state.${updated.state}`),
          }),
        );
      } else {
        updated = await client.tickets.update(
          ticket.id,
          { assigneeId: action.assigneeId },
          { ifMatch: ticket.version },
        );
        this.emit(new CcTicketAssignedEvent(updated, action.assigneeId));
        this.announcer.announce(
          m('ticketQueue.assigned', {
            number: String(updated.number),
            name: this.agentName(action.assigneeId),
          }),
        );
      }
      this.conflict = undefined;
      this.pendingTransition = undefined;
      this.replaceRow(updated);
      void this.loadDetail(this.detailId!);
    } catch (error) {
      const info = describeError(error);
      if (info.status === 412) {
        try {
          const current = await client.tickets.get(ticket.id);
          this.conflict = { action, current };
          this.replaceRow(current);
        } catch (again) {
          this.actionError = errorText(this, this.fail(again));
        }
      } else {
        this.fail(error);
        this.actionError = errorText(this, info);
      }
    } finally {
      this.busy = false;
    }
  }

  private renderConflict({ action, current }: Conflict): TemplateResult {
    const m = this.t2();
    const before = action.ticket;
    const changes: Array<{ field: string; from: string; to: string }> = [];
    const add = (field: string, from: string, to: string) => {
      if (from !== to) changes.push({ field, from, to });
    };
    add(
      m('ticketQueue.field.state'),
      this.t(`ticket.state.${before.state}`),
      this.t(`ticket.state.${current.state}`),
    );
    add(
      m('ticketQueue.field.priority'),
      this.t(`ticket.priority.${before.priority}`),
      this.t(`ticket.priority.${current.priority}`),
    );
    add(
      m('ticketQueue.field.assignee'),
      this.agentName(before.assigneeId),
      this.agentName(current.assigneeId),
    );
    add(m('ticketQueue.field.subject'), before.subject, current.subject);
    add(m('ticketQueue.field.team'), this.teamName(before.teamId), this.teamName(current.teamId));
    add(
      m('ticketQueue.field.department'),
      this.departmentName(before.departmentId),
      this.departmentName(current.departmentId),
    );
    add(
      m('ticketQueue.field.escalationLevel'),
      this.fmt.number(before.escalationLevel),
      this.fmt.number(current.escalationLevel),
    );
    const possible =
      action.kind === 'assign' || current.allowedTransitions.includes(action.transition);
    return html`<div class="conflict" role="alert">
      <p class="title">${m('ticketQueue.conflict.title')}</p>
      <p>${m('ticketQueue.conflict.intro')}</p>
      ${
        changes.length
          ? html`<ul>
              ${changes.map((c) => html`<li>${m('ticketQueue.conflict.change', c)}</li>`)}
            </ul>`
          : html`<p>${m('ticketQueue.conflict.none')}</p>`
      }
      ${possible ? nothing : html`<p>${m('ticketQueue.conflict.notAllowed')}</p>`}
      <div class="actions">
        ${
          possible
            ? html`<button
                class="cc-button"
                data-variant="primary"
                type="button"
                data-action="reapply"
                ?disabled=${this.busy}
                @click=${() => void this.apply({ ...action, ticket: current })}
              >
                ${m('ticketQueue.conflict.reapply')}
              </button>`
            : nothing
        }
        <button
          class="cc-button"
          type="button"
          data-action="discard"
          @click=${() => {
            this.conflict = undefined;
            this.pendingTransition = undefined;
            void this.loadDetail(this.detailId!);
          }}
        >
          ${m('ticketQueue.conflict.discard')}
        </button>
      </div>
    </div>`;
  }

  private async addComment(e: Event, t: Ticket): Promise<void> {
    e.preventDefault();
    const client = this.resolvedClient;
    if (!client) return;
    const form = e.target as HTMLFormElement;
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    const internal = (form.elements.namedItem('internal') as HTMLInputElement).checked;
    if (!body) return;
    this.busy = true;
    try {
      const comment = await client.tickets.comments.add(t.id, {
        body,
        visibility: internal ? 'internal' : 'public',
      });
      if (this.detail && !this.detail.comments.some((c) => c.id === comment.id)) {
        this.detail = { ...this.detail, comments: [...this.detail.comments, comment] };
      }
      form.reset();
      this.announcer.announce(this.t2()('ticketQueue.commented'));
      // A reload still in flight (after a transition) would not have it: read again.
      void this.loadDetail(t.id);
    } catch (error) {
      this.actionError = errorText(this, this.fail(error));
    } finally {
      this.busy = false;
    }
  }
}
