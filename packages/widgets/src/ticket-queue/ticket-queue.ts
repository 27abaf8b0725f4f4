import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Query } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import type { CcClient } from '../shared/client.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { LiveController } from '../shared/live-controller.js';
import {
  emptyTemplate,
  errorTemplate,
  loadingTemplate,
  refreshingTemplate,
  reportError,
} from '../shared/status.js';
import { createSubElement } from '../shared/sub-element.js';
import type { CcTicketBulk } from '../ticket-bulk/ticket-bulk.js';
import type { CcTicketDetail } from '../ticket-detail/ticket-detail.js';
import type { CcTicketFilters } from '../ticket-filters/ticket-filters.js';
import { agentName, directoryFor, unitName, type Directory } from './directory.js';
import { liveSla, SLA_ICON, slaText, type LiveSla } from './sla-clock.js';
import type { CcTicketAssignedEvent, CcTicketTransitionedEvent } from './ticket-queue.events.js';
import { CcTicketSelectEvent, CcViewChangeEvent } from './ticket-queue.events.js';
import { messages } from './ticket-queue.i18n.js';
import { styles } from './ticket-queue.styles.js';

type Ticket = Schema<'Ticket'>;
type TicketKind = Schema<'TicketKind'>;
type TicketState = Schema<'TicketState'>;
type Priority = Schema<'Priority'>;
type SlaState = Schema<'SlaState'>;
type Role = Schema<'Role'>;

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

/** A list written as words: `words('a b')` is `['a', 'b']`. */
const words = <T extends string>(list: string) => list.split(' ') as T[];
const columns = words<TicketQueueColumn>;

/** The columns each role sees unless the host chooses (`.columns`). */
export const DEFAULT_COLUMNS: Readonly<Record<Role, readonly TicketQueueColumn[]>> = {
  agent: columns('number kind subject customer priority state sla updated'),
  supervisor: columns('number kind subject priority state assignee sla updated'),
  complaint_supervisor: columns(
    'number subject customer priority state department assignee sla updated',
  ),
  qa_specialist: columns('number kind subject state assignee team sla updated'),
  operations_manager: columns(
    'number kind subject priority state assignee team department sla updated',
  ),
  survey_supervisor: columns('number kind subject state team updated'),
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

/** The filters sent to the server, in the order the query lists them. */
const QUERY_KEYS = words<keyof TicketQueueFilters>(
  'kind state priority slaState assigneeId teamId departmentId createdFrom createdTo q',
);

/** Keys that move the focused cell: rows down and columns right, stopped at the grid's edges. */
const MOVES: Record<string, readonly [number, number]> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
  PageDown: [10, 0],
  PageUp: [-10, 0],
  Home: [0, -Infinity],
  End: [0, Infinity],
};

const PAGE_SIZE = 100;
/**
 * The work queue every role lives in: the tickets the server lets the signed-in role see, with
 * server-side filters, sort, search and counts, a live SLA countdown in business time, row and
 * bulk actions, a ticket's detail, and live updates. Only the rows in view are rendered: thousands
 * of rows scroll smoothly. The filter bar, the bulk bar and the detail are kit elements of their
 * own (`<cc-ticket-filters>`, `<cc-ticket-bulk>`, `<cc-ticket-detail>`), loaded when first shown
 * and created under the tags this queue's registry gives them.
 *
 * @summary Ticket queue: ARIA grid with filters, SLA countdown, actions and live updates.
 * @fires cc-ticket-select - A ticket was opened; `event.ticketId`, `event.ticket`. Cancelable: prevent it to open your own view (e.g. a `<cc-ticket-detail>` beside the queue) instead.
 * @fires cc-ticket-transitioned - A ticket changed state; `event.ticket`, `event.transition`, `event.from`.
 * @fires cc-ticket-assigned - A ticket was assigned; `event.ticket`, `event.assigneeId`.
 * @fires cc-view-change - Filters, sort or view changed; `event.view` (for the host to persist).
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart toolbar - The filter bar (`<cc-ticket-filters>`).
 * @csspart grid - The grid (header and rows).
 * @csspart row - One ticket row.
 * @csspart sla - The SLA cell's badge.
 * @csspart detail - The ticket's detail (`<cc-ticket-detail>`).
 * @csspart bulk - The bulk-action bar (`<cc-ticket-bulk>`).
 * @cssprop --cc-ticket-queue-background - Background of the whole element (default: --cc-color-surface).
 * @cssprop --cc-ticket-queue-height - Height of the scrolling rows the queue is sized for (default: 28rem).
 * @cssprop --cc-ticket-queue-block-size - Block size of the whole queue, the same while it loads, is empty, fails or shows rows, so the page never shifts; the rows take what the filter bar and the count leave (default: the rows' height + 15rem).
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
  @state() private detailEl?: CcTicketDetail;
  @state() private bulkEl?: CcTicketBulk;
  @state() private filtersEl?: CcTicketFilters;
  /** The elements the queue shows, by name, created once. */
  #subs: Record<string, Promise<CcElement | undefined>> = {};
  @state() private newTickets = 0;
  @state() private loadingMore = false;

  #book?: Directory;
  #cursor: string | null = null;
  #generation = 0;
  #slaSeen = new Map<string, LiveSla['state']>();
  /** Business seconds from each `asOf` to `now`, for the current tick. */
  #elapsed = new Map<string, number>();
  #elapsedAt = 0;
  #updatedBatch = new Set<number>();
  #batchTimer?: ReturnType<typeof setTimeout>;
  #clock?: ReturnType<typeof setInterval>;
  #ownViewChange = false;
  #t2 = () => this.msg(messages);
  #announcer = new Announcer(this, 800);

  #data = new DataController(this, {
    args: () => [this.#filtersKey(), this.sort, this.pageSize] as const,
    task: async (_args, { client, signal }) => {
      this.#book = await directoryFor(client);
      const query = this.#query();
      const generation = ++this.#generation;
      // The filter bar's code loads beside the data: the bar, the counts and the rows then appear
      // in one frame, in the space the queue kept for them (no layout shift).
      const [page, counts] = await Promise.all([
        client.tickets.list({ ...query, sort: this.sort, limit: this.pageSize }, { signal }),
        this.#loadCounts(client, query, signal),
        this.#loadFilters(),
      ]);
      if (generation !== this.#generation) return page;
      this.rows = page.items;
      this.#cursor = page.nextCursor;
      const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
      if (scroller) scroller.scrollTop = 0;
      // First the rows in view; the rows around them follow in a later task (see updated()).
      this.first = 0;
      this.last = Math.ceil((scroller?.clientHeight || 448) / this.#rowHeight);
      this.total = counts.total;
      this.counts = counts.groups;
      this.newTickets = 0;
      // Said once per load (filters, sort, reload), not on every page scrolled in.
      this.#announcer.announce(
        this.#t2()('ticketQueue.total', {
          n: this.fmt.number(counts.total),
          loaded: this.fmt.number(counts.total),
        }),
      );
      this.selected = new Set(
        [...this.selected].filter((id) => page.items.some((t) => t.id === id)),
      );
      if (this.focusRow >= this.rows.length) this.focusRow = this.rows.length - 1;
      return page;
    },
    isEmpty: (page) => page.items.length === 0 && this.rows.length === 0,
  });

  private live = new LiveController(this, {
    topics: () => ['tickets'],
    enabled: () => !this.noLive,
    onEvent: (event) => this.#onLiveEvent(event),
  });

  // ---- public API ----------------------------------------------------------------------------

  /** The rows loaded so far (server order). */
  get tickets(): readonly Ticket[] {
    return this.rows;
  }

  /** The columns shown now. */
  get shownColumns(): readonly TicketQueueColumn[] {
    return (
      this.columns ?? this.view?.columns ?? DEFAULT_COLUMNS[this.#book?.me.role ?? 'agent'] ?? []
    );
  }

  /** Reloads the first page and the counts. */
  reload(): Promise<void> {
    return this.#data.refresh();
  }

  /** Same as `reload()` (e.g. after the host filed a complaint). */
  refresh(): Promise<void> {
    return this.reload();
  }

  /** Fetches the next page, if any. */
  async loadMore(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || !this.#cursor || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    try {
      const page = await client.tickets.list({
        ...this.#query(),
        sort: this.sort,
        limit: this.pageSize,
        cursor: this.#cursor,
      });
      if (generation !== this.#generation) return;
      const seen = new Set(this.rows.map((t) => t.id));
      this.rows = [...this.rows, ...page.items.filter((t) => !seen.has(t.id))];
      this.#cursor = page.nextCursor;
    } catch (error) {
      reportError(this, error);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Whether more pages are waiting on the server. */
  get hasMore(): boolean {
    return this.#cursor !== null;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => {
      if (!this.noLive) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    clearTimeout(this.#batchTimer);
    clearTimeout(this.#windowTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && !this.#ownViewChange && this.view) this.#take(this.view);
    this.#ownViewChange = false;
  }

  // ---- data ------------------------------------------------------------------------------------

  #query(): Query<'listTickets'> {
    const q: Record<string, unknown> = {};
    for (const key of QUERY_KEYS) {
      const value = key === 'q' ? this.filters.q?.trim() : this.filters[key];
      if (value?.length) q[key] = value;
    }
    return q;
  }

  #filtersKey(): string {
    return JSON.stringify(this.#query());
  }

  async #loadCounts(client: CcClient, query: Query<'listTickets'>, signal: AbortSignal) {
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

  #replaceRow(ticket: Ticket): void {
    const index = this.rows.findIndex((t) => t.id === ticket.id);
    if (index >= 0 && this.rows[index]!.version <= ticket.version) {
      const rows = [...this.rows];
      rows[index] = ticket;
      this.rows = rows;
    }
  }

  #onLiveEvent(event: { type: string; data: unknown }): void {
    if (event.type === 'resync') {
      void this.reload();
      this.#announcer.announce(this.#t2()('ticketQueue.live.resync'));
      return;
    }
    if (event.type === 'ticket.created') {
      this.newTickets++;
      return;
    }
    if (event.type === 'ticket.updated') {
      const ticket = event.data as Ticket;
      const known = this.rows.find((t) => t.id === ticket.id);
      if (!known || known.version >= ticket.version) return;
      this.#replaceRow(ticket);
      this.#updatedBatch.add(ticket.number);
      this.#batchTimer ??= setTimeout(() => this.#flushUpdates(), 1000);
    }
  }

  #flushUpdates(): void {
    this.#batchTimer = undefined;
    const numbers = [...this.#updatedBatch];
    this.#updatedBatch.clear();
    const m = this.#t2();
    if (numbers.length > 3) {
      this.#announcer.announce(
        m('ticketQueue.live.updatedMany', { n: this.fmt.number(numbers.length) }),
      );
    } else {
      for (const n of numbers)
        this.#announcer.announce(m('ticketQueue.live.updated', { number: String(n) }));
    }
  }

  // ---- filters and view -----------------------------------------------------------------------

  #setFilters(filters: TicketQueueFilters, sort = this.sort): void {
    const { id = 'current', name = '', columns } = this.view ?? {};
    this.focusRow = this.rows.length ? 0 : -1;
    this.#useView({ id, name, ...(columns ? { columns } : {}), filters, sort });
  }

  /** Filters and sort from a view. */
  #take(view: TicketQueueView): void {
    this.filters = { ...view.filters };
    if (view.sort) this.sort = view.sort;
  }

  /** Applies a view the user chose and tells the host (`cc-view-change`). */
  #useView(view?: TicketQueueView): void {
    if (!view) return;
    this.#take(view);
    this.#ownViewChange = true;
    this.view = view;
    this.emit(new CcViewChangeEvent(view));
  }

  #toggleSort(column: TicketQueueColumn): void {
    const key = SORT_KEYS[column];
    if (!key) return;
    const next = (this.sort === key ? `-${key}` : key) as TicketQueueSort;
    this.#setFilters(this.filters, next);
    const m = this.#t2();
    this.#announcer.announce(
      m('ticketQueue.sorted', {
        column: this.#columnLabel(column),
        direction: m(next.startsWith('-') ? 'ticketQueue.descending' : 'ticketQueue.ascending'),
      }),
    );
  }

  // ---- labels ----------------------------------------------------------------------------------

  #columnLabel(column: TicketQueueColumn): string {
    return this.#t2()(`ticketQueue.col.${column}`);
  }

  #agentName(id: string | null): string {
    return agentName(this.#book, id, this.#t2()('ticketQueue.unassigned'));
  }

  #slaOf(ticket: Ticket): LiveSla | undefined {
    if (!ticket.sla) return undefined;
    if (this.#elapsedAt !== this.now) {
      this.#elapsedAt = this.now;
      this.#elapsed = new Map();
    }
    return liveSla(
      ticket.sla,
      // Never before the server's answer: a clock a tick behind would add time left.
      Math.max(this.now, Date.parse(ticket.sla.asOf)),
      this.#book?.calendar,
      this.#book?.atRisk.get(ticket.sla.policyId),
      this.#elapsed,
    );
  }

  /** The SLA text a row shows, e.g. `At risk · 20 min left`. */
  slaText(ticket: Ticket): string {
    return slaText(this, this.#slaOf(ticket));
  }

  // ---- rendering -------------------------------------------------------------------------------

  /**
   * One block size in every state (loading, empty, error, rows): the page around the queue never
   * moves when data arrives. While the first page loads, the filter bar is already in the DOM
   * (hidden) so it is drawn in the same frame as the counts and the rows.
   */
  protected override render(): TemplateResult {
    const m = this.#t2();
    const status = this.#data.status;
    const first = status === 'initial' || status === 'loading';
    return html`
      ${this.#announcer.render()}
      <section class="queue" aria-label=${m('ticketQueue.gridLabel')}>
        <div class="toolbar-slot" ?hidden=${first}>${this.#renderFilters()}</div>
        ${first ? nothing : this.#renderBar()}
        ${this.selected.size || this.bulkEl?.results ? this.#renderBulk() : nothing}
        ${this.#renderBody()}
      </section>
      ${this.detailId ? this.#renderDetail() : nothing}
    `;
  }

  /** Count, refresh, live and paging notes on one line above the grid. */
  #renderBar(): TemplateResult {
    const m = this.#t2();
    return html`<div class="bar">
      <p class="total">
        ${m('ticketQueue.total', {
          n: this.fmt.number(this.total),
          loaded: this.fmt.number(this.rows.length),
        })}
      </p>
      ${this.#data.status === 'refreshing' ? refreshingTemplate(this) : nothing}
      ${this.live.stale ? html`<p class="stale" role="status">${this.t('live.stale')}</p>` : nothing}
      ${
        this.newTickets
          ? html`<p class="new-tickets">
              ${m('ticketQueue.live.created', {
                n: this.fmt.number(this.newTickets),
                count: this.newTickets,
              })}
              <button class="cc-button" type="button" @click=${() => void this.reload()}>
                ${m('ticketQueue.live.show')}
              </button>
            </p>`
          : nothing
      }
      ${this.loadingMore ? html`<p class="more" role="status">${m('ticketQueue.loadingMore')}</p>` : nothing}
    </div>`;
  }

  /**
   * The list's loading / empty / error presentation (the shared templates) in the grid's place,
   * or one grid that stays in the DOM while it refreshes, so focus and scroll position survive a
   * reload.
   */
  #renderBody(): TemplateResult {
    const { status, error } = this.#data;
    const shown =
      status === 'initial' || status === 'loading'
        ? loadingTemplate(this)
        : status === 'empty'
          ? emptyTemplate(this, this.#t2()('ticketQueue.empty'))
          : status === 'error' && error
            ? errorTemplate(this, error, () => void this.#data.retry())
            : this.rows.length
              ? undefined
              : nothing;
    return shown ? html`<div class="status-slot">${shown}</div>` : this.#renderGrid();
  }

  /** The filter bar (<cc-ticket-filters>), loaded with the first page. */
  #renderFilters(): unknown {
    const el = this.filtersEl;
    if (!el) {
      void this.#loadFilters();
      return nothing;
    }
    el.filters = this.filters;
    el.views = this.views;
    el.viewId = this.view?.id;
    el.counts = this.counts;
    return this.#follow(el);
  }

  /** Loads the filter bar's code once; never fails the queue (it then shows no filter bar). */
  #loadFilters(): Promise<void> {
    return this.#sub<CcTicketFilters>(
      'ticket-filters',
      'toolbar',
      () => import('../ticket-filters/ticket-filters.js').then((m) => m.CcTicketFilters),
      'cc-filter-change',
      (e) => {
        if (e.viewId === undefined) this.#setFilters(e.filters);
        else this.#useView(this.views.find((v) => v.id === e.viewId));
      },
    ).then((el) => void (this.filtersEl = el));
  }

  #renderGrid(): TemplateResult {
    const m = this.#t2();
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
        @keydown=${this.#onKeydown}
      >
        <div role="rowgroup" class="head">
          <div role="row" class="row" aria-rowindex="1">
            ${this.#cell(
              -1,
              0,
              this.#check(m('ticketQueue.selectAll'), allSelected, () =>
                this.#selectAll(!allSelected),
              ),
            )}
            ${cols.map((col, i) => this.#renderHeader(col, i + 1))}
          </div>
        </div>
        <div class="scroller" @scroll=${this.#onScroll}>
          <div role="rowgroup" class="body">
            ${repeat(
              this.rows.slice(this.first, this.last + 1),
              (t) => t.id,
              (t, i) => this.#renderRow(t, this.first + i, cols),
            )}
          </div>
        </div>
      </div>`;
  }

  // ---- windowing: only the rows in view (and a few around) are in the DOM ---------------------

  /** Index of the first and last row rendered. */
  @state() private first = 0;
  @state() private last = 19;
  /** Row height in px (rows have a fixed height in CSS; measured once rendered). */
  #rowHeight = 52;

  #onScroll = (): void => this.#windowRows();

  /**
   * Works out which rows are in view from the scroll position; with a fixed row height this is
   * arithmetic, so scrolling through 10,000 rows renders ~40 rows per frame at most.
   */
  #windowRows(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const row = scroller.querySelector<HTMLElement>('[role=row]');
    if (row?.offsetHeight) this.#rowHeight = row.offsetHeight;
    const h = this.#rowHeight;
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
    if (changed.has('rows')) this.#windowPending = true;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (!body) return;
    // The rows outside the window are stand-in space (CSSOM, allowed under a strict CSP).
    const h = this.#rowHeight;
    const last = Math.min(this.last, this.rows.length - 1);
    body.style.paddingTop = `${this.first * h}px`;
    body.style.paddingBottom = `${Math.max(0, this.rows.length - 1 - last) * h}px`;
    // The rows around the view (overscan) render in a task of their own: a first page draws its
    // visible rows without one long task.
    if (this.#windowPending) {
      this.#windowPending = false;
      clearTimeout(this.#windowTimer);
      this.#windowTimer = setTimeout(() => this.#windowRows());
    }
  }

  #windowPending = false;
  #windowTimer?: ReturnType<typeof setTimeout>;

  /** A cell of the grid: a column header in row -1; `col` unless the selection column (0). */
  #cell(
    row: number,
    index: number,
    content: unknown,
    col?: TicketQueueColumn,
    sort?: string,
  ): TemplateResult {
    return html`<div
      role=${row < 0 ? 'columnheader' : 'gridcell'}
      class=${col ? 'cell' : 'cell select'}
      data-col=${col ?? nothing}
      data-r=${row}
      data-c=${index}
      aria-colindex=${index + 1}
      aria-sort=${sort ?? nothing}
      tabindex=${this.focusRow === row && this.focusCol === index ? '0' : '-1'}
    >
      ${content}
    </div>`;
  }

  /** A selection checkbox (the cell, not the box, takes focus). */
  #check(label: string, checked: boolean, change: () => void): TemplateResult {
    return html`<input
      type="checkbox"
      tabindex="-1"
      aria-label=${label}
      .checked=${checked}
      @change=${change}
    />`;
  }

  #renderHeader(col: TicketQueueColumn, index: number): TemplateResult {
    const key = SORT_KEYS[col];
    const label = this.#columnLabel(col);
    const sort = !key
      ? undefined
      : this.sort === key
        ? 'ascending'
        : this.sort === `-${key}`
          ? 'descending'
          : 'none';
    return this.#cell(
      -1,
      index,
      key
        ? html`<button
            class="sort"
            type="button"
            tabindex="-1"
            @click=${() => this.#toggleSort(col)}
          >
            ${label}<span aria-hidden="true" class="arrow"
              >${sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '⇅'}</span
            >
          </button>`
        : label,
      col,
      sort,
    );
  }

  #renderRow(t: Ticket, index: number, cols: readonly TicketQueueColumn[]): TemplateResult {
    const m = this.#t2();
    const selected = this.selected.has(t.id);
    const result = this.bulkEl?.results?.find((r) => r.id === t.id);
    return html`<div
      role="row"
      class="row"
      part="row"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-id=${t.id}
      data-result=${result ? (result.status < 300 ? 'ok' : 'failed') : nothing}
      data-priority=${t.priority}
      @click=${(e: MouseEvent) => this.#onRowClick(e, index)}
      @dblclick=${() => this.open(t)}
    >
      ${this.#cell(
        index,
        0,
        this.#check(m('ticketQueue.selectRow', { number: String(t.number) }), selected, () =>
          this.#toggleSelect(t.id),
        ),
      )}
      ${cols.map((col, i) => this.#cell(index, i + 1, this.#renderCell(t, col), col))}
    </div>`;
  }

  #renderCell(t: Ticket, col: TicketQueueColumn): unknown {
    switch (col) {
      case 'number':
        return html`<button
          class="link"
          type="button"
          tabindex="-1"
          aria-label=${this.#t2()('ticketQueue.open', { number: String(t.number) })}
          @click=${() => this.open(t)}
        >
          #${t.number}
        </button>`;
      case 'kind':
        return this.t(`ticket.kind.${t.kind}`);
      case 'subject':
        return html`<span class="subject">${t.subject}</span>`;
      case 'customer':
        return t.customer?.name ?? this.#t2()('ticketQueue.noCustomer');
      case 'priority':
        return html`<span class="priority" data-priority=${t.priority}
          >${this.t(`ticket.priority.${t.priority}`)}</span
        >`;
      case 'state':
        return html`<span class="state" data-state=${t.state}
          >${this.t(`ticket.state.${t.state}`)}</span
        >`;
      case 'assignee':
        return this.#agentName(t.assigneeId);
      case 'team':
        return unitName(this, this.#book, 'teams', t.teamId);
      case 'department':
        return unitName(this, this.#book, 'departments', t.departmentId);
      case 'sla':
        return this.#renderSla(t);
      case 'updated':
      case 'created': {
        const at = col === 'updated' ? t.updatedAt : t.createdAt;
        return html`<time datetime=${at}>${this.fmt.date(at, 'short')}</time>`;
      }
    }
  }

  #renderSla(t: Ticket): TemplateResult {
    const sla = this.#slaOf(t);
    if (!sla)
      return html`<span class="sla" part="sla">${this.#t2()('ticketQueue.sla.none')}</span>`;
    const before = this.#slaSeen.get(t.id);
    if (before && before !== sla.state && (sla.state === 'at_risk' || sla.state === 'breached')) {
      this.#announcer.announce(
        this.#t2()('ticketQueue.sla.crossed', {
          number: String(t.number),
          state: this.t(`sla.state.${sla.state}`),
        }),
      );
    }
    this.#slaSeen.set(t.id, sla.state);
    return html`<span class="sla" part="sla" data-sla=${sla.state}
      ><span class="icon" aria-hidden="true">${SLA_ICON[sla.state]}</span
      ><span class="sla-text">${this.slaText(t)}</span></span
    >`;
  }

  // ---- keyboard: the ARIA grid pattern ---------------------------------------------------------

  #onKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
    const cell = target.closest<HTMLElement>('[data-r]');
    if (!cell) return;
    const row = Number(cell.dataset.r);
    const col = Number(cell.dataset.c);
    const move = MOVES[e.key];
    if (move) {
      const [down, right] = move;
      e.preventDefault();
      void this.#moveFocus(
        // Ctrl+Home / Ctrl+End go to the first / last row too; PageUp stops at the first row.
        Math.min(
          Math.max(
            row + (e.ctrlKey && !isFinite(right) ? right : down),
            e.key === 'PageUp' && row >= 0 ? 0 : -1,
          ),
          this.rows.length - 1,
        ),
        Math.min(Math.max(col + right, 0), this.shownColumns.length),
      );
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (row < 0) this.#headerAction(col);
      else if (e.key === ' ') this.#toggleSelect(this.rows[row]!.id);
      else this.open(this.rows[row]!);
    } else if (e.key === 'Escape') {
      if (this.detailId) this.#closeDetail();
    } else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.#selectAll(true);
    }
  };

  #headerAction(col: number): void {
    if (col === 0) {
      this.#selectAll(!this.rows.every((t) => this.selected.has(t.id)));
      return;
    }
    const column = this.shownColumns[col - 1];
    if (column) this.#toggleSort(column);
  }

  async #moveFocus(row: number, col: number): Promise<void> {
    this.focusRow = row;
    this.focusCol = col;
    if (row >= this.rows.length - 20) void this.loadMore();
    const find = () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`);
    let cell = find();
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!cell && row >= 0 && scroller) {
      // Bring the row into the window: scroll so it is in view, render, then focus it.
      scroller.scrollTop = Math.max(0, row * this.#rowHeight - scroller.clientHeight / 2);
      this.#windowRows();
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

  #onRowClick(e: MouseEvent, index: number): void {
    const cell = (e.composedPath() as HTMLElement[]).find((n) => n.dataset?.r !== undefined);
    this.focusRow = index;
    this.focusCol = cell ? Number(cell.dataset.c) : 0;
  }

  // ---- selection and bulk ------------------------------------------------------------------

  #toggleSelect(id: string): void {
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected = next;
  }

  #selectAll(on: boolean): void {
    this.selected = on ? new Set(this.rows.map((t) => t.id)) : new Set();
  }

  /** The bulk bar (<cc-ticket-bulk>), loaded the first time rows are selected. */
  #renderBulk(): unknown {
    const el = this.bulkEl;
    if (!el) {
      void this.#loadBulk();
      return nothing;
    }
    el.tickets = this.rows.filter((t) => this.selected.has(t.id));
    return this.#follow(el);
  }

  #loadBulk(): void {
    void this.#sub<CcTicketBulk>(
      'ticket-bulk',
      'bulk',
      () => import('../ticket-bulk/ticket-bulk.js').then((m) => m.CcTicketBulk),
      'cc-selection-change',
      (e) => (this.selected = new Set(e.ticketIds)),
    ).then((el) => (this.bulkEl = el));
  }

  // ---- detail: <cc-ticket-detail>, loaded when a ticket is first opened ----------------------

  /** Opens a ticket: fires the cancelable `cc-ticket-select`, then shows the ticket's detail. */
  open(ticket: Ticket): void {
    if (!this.emit(new CcTicketSelectEvent(ticket.id, ticket))) return;
    if (this.detailId === ticket.id) void this.detailEl?.reload();
    this.detailId = ticket.id;
    void this.#showDetail();
  }

  async #showDetail(): Promise<void> {
    this.detailEl = await this.#sub<CcTicketDetail>(
      'ticket-detail',
      'detail',
      () => import('../ticket-detail/ticket-detail.js').then((m) => m.CcTicketDetail),
      'cc-ticket-close',
      () => this.#closeDetail(),
    );
    this.detailEl?.focus();
  }

  #closeDetail(): void {
    this.detailId = undefined;
    void this.#moveFocus(this.focusRow, this.focusCol);
  }

  #renderDetail(): unknown {
    const el = this.detailEl;
    if (!el) return loadingTemplate(this);
    el.closable = true;
    el.noLive = this.noLive;
    el.ticketId = this.detailId;
    return this.#follow(el);
  }

  /**
   * Creates a kit element the queue shows, once (its code loaded on first use), under the tag this
   * queue's registry gives its class, else registered beside the queue's own tag; `on` handles the
   * event it sends the queue (`type`), which goes no further. Undefined when its code failed.
   */
  #sub<T extends CcElement>(
    name: string,
    part: string,
    load: () => Promise<CustomElementConstructor>,
    type: keyof HTMLElementEventMap,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    on: (e: any) => void,
  ): Promise<T | undefined> {
    return (this.#subs[name] ??= createSubElement<T>(this, 'ticket-queue', name, load).then(
      (el) => {
        if (!el) return undefined;
        el.className = part;
        el.setAttribute('part', part);
        const sync = (e: CcTicketTransitionedEvent | CcTicketAssignedEvent) =>
          this.#replaceRow(e.ticket);
        el.addEventListener('cc-ticket-transitioned', sync);
        el.addEventListener('cc-ticket-assigned', sync);
        el.addEventListener(type, (e) => {
          e.stopPropagation();
          on(e);
        });
        return el;
      },
      () => undefined,
    )) as Promise<T | undefined>;
  }

  /** Elements the queue shows follow its client, language, time zone, theme and density. */
  #follow<T extends CcElement>(el: T): T {
    return Object.assign(el, this.subElementSettings, { locale: this.localeTag });
  }
}
