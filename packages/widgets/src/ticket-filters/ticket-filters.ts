import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { PRIORITIES, SLA_STATES, TICKET_KINDS, TICKET_STATES } from '@cc-kit/sdk/domain';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { localized, optionsOf, type SelectOption } from '../shared/controls.js';
import { directoryFor } from '../ticket-queue/directory.js';
import type { TicketQueueFilters, TicketQueueView } from '../ticket-queue/ticket-queue.js';
import { CcFilterChangeEvent } from './ticket-filters.events.js';
import { messages as family } from '../ticket-queue/ticket-queue.i18n.js';
import { messages } from './ticket-filters.i18n.js';
import { styles } from './ticket-filters.styles.js';

/** The choices with counts: element id, filter, values and the shared catalog's label prefix. */
const CHOICES = [
  ['f-kind', 'kind', TICKET_KINDS, 'ticket.kind'],
  ['f-state', 'state', TICKET_STATES, 'ticket.state'],
  ['f-priority', 'priority', PRIORITIES, 'ticket.priority'],
  ['f-sla', 'slaState', SLA_STATES, 'sla.state'],
] as const;

/**
 * The filter bar of the ticket queue: saved view, free-text search, kind, state, priority and SLA
 * state (each option with its count on the server), assignee, team, department (for roles that
 * see other people's tickets) and created dates. It only says what the user chose
 * (`cc-filter-change`); `<cc-ticket-queue>` shows it above its grid and does the filtering.
 *
 * @summary Ticket filters: search, choices with counts, assignee, team and dates.
 * @fires cc-filter-change - The user changed a filter or picked a saved view; `event.filters`, `event.viewId`.
 * @fires cc-error - Loading the people, teams and departments failed; `{ code, status, requestId, retryable }`.
 * @csspart form - The filter bar.
 * @cssprop --cc-ticket-filters-gap - Space between filters (default: --cc-space-3).
 * @cssstate loading - While the signed-in user's role, people, teams and departments load.
 * @cssstate error - Loading failed.
 */
export class CcTicketFilters extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The filters in force. */
  @property({ attribute: false }) filters: TicketQueueFilters = {};

  /** Saved views to pick from. */
  @property({ attribute: false }) views: readonly TicketQueueView[] = [];

  /** The id of the saved view in force, if any. */
  @property({ attribute: 'view-id' }) viewId?: string;

  /** Tickets per value under the other filters (`kind`, `state`, `priority`, `slaState`). */
  @property({ attribute: false }) counts: Partial<
    Record<'kind' | 'state' | 'priority' | 'slaState', Map<string, number>>
  > = {};

  #searchTimer?: ReturnType<typeof setTimeout>;

  #data = new DataController(this, {
    args: () => [] as const,
    task: (_args, { client }) => directoryFor(client),
    isEmpty: () => false,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render(): unknown {
    return this.#data.render({
      complete: () => this.#renderToolbar(),
      loading: () => nothing,
    });
  }

  #change(filters: TicketQueueFilters): void {
    this.emit(new CcFilterChangeEvent(filters));
  }

  #set<K extends keyof TicketQueueFilters>(key: K, value: TicketQueueFilters[K]): void {
    const next = { ...this.filters };
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
      delete next[key];
    } else next[key] = value;
    this.#change(next);
  }

  #renderSelect<T extends string>(
    id: string,
    label: string,
    values: readonly T[],
    selected: readonly T[] | undefined,
    text: (value: T) => string,
    onPick: (values: T[] | undefined) => void,
    counts?: Map<string, number>,
  ): TemplateResult {
    const m = this.msg(messages);
    const withCount = (value: T) => {
      const n = counts?.get(value);
      return counts
        ? m('ticketFilters.withCount', { label: text(value), n: this.fmt.number(n ?? 0) })
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
        ${optionsOf(
          [
            ['', m('ticketFilters.any')],
            ...(multi ? [['__multi', this.fmt.list(selected!.map(text))] as const] : []),
            ...values.map((v) => [v, withCount(v)] as const),
          ],
          current,
        )}
      </select>
    </label>`;
  }

  /** A single choice among `options`, or all (the empty value). */
  #pick(
    id: string,
    label: string,
    key: 'assigneeId' | 'teamId' | 'departmentId',
    options: SelectOption[],
  ): TemplateResult {
    return html`<label class="field" for=${id}>
      <span>${label}</span>
      <select
        id=${id}
        @change=${(e: Event) => this.#set(key, (e.target as HTMLSelectElement).value || undefined)}
      >
        ${optionsOf([['', this.msg(messages)('ticketFilters.any')], ...options], this.filters[key] ?? '')}
      </select>
    </label>`;
  }

  #renderToolbar(): TemplateResult {
    const m = this.msg(messages);
    const q = this.msg(family);
    const f = this.filters;
    const role = this.#data.data?.me.role;
    const agents = [...(this.#data.data?.agents ?? new Map<string, string>())];
    const dateValue = (iso?: string) => (iso ? iso.slice(0, 10) : '');
    return html`<form
      class="toolbar"
      part="form"
      role="search"
      aria-label=${m('ticketFilters.filters')}
      @submit=${(e: Event) => {
        e.preventDefault();
        const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
        this.#set('q', input?.value.trim() || undefined);
      }}
    >
      ${
        this.views.length
          ? html`<label class="field" for="view">
              <span>${m('ticketFilters.view')}</span>
              <select
                id="view"
                @change=${(e: Event) => this.emit(new CcFilterChangeEvent(this.filters, (e.target as HTMLSelectElement).value))}
              >
                ${optionsOf(
                  [
                    ['', m('ticketFilters.view.custom')],
                    ...this.views.map((v) => [v.id, v.name] as const),
                  ],
                  this.views.some((v) => v.id === this.viewId) ? this.viewId : '',
                )}
              </select>
            </label>`
          : nothing
      }
      <label class="field search" for="q">
        <span>${m('ticketFilters.search')}</span>
        <span class="search-row">
          <input
            id="q"
            type="search"
            maxlength="200"
            .value=${f.q ?? ''}
            @input=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              clearTimeout(this.#searchTimer);
              this.#searchTimer = setTimeout(() => this.#set('q', value.trim() || undefined), 400);
            }}
          />
          <button class="cc-button" type="submit">${m('ticketFilters.searchButton')}</button>
        </span>
      </label>
      ${CHOICES.map(([id, key, values, prefix]) =>
        this.#renderSelect(
          id,
          key === 'slaState' ? m('ticketFilters.sla') : q(`ticketQueue.col.${key}`),
          values,
          this.filters[key],
          (v) => this.t(`${prefix}.${v}` as 'sla.state.ok'),
          (v) => this.#set(key, v as never),
          this.counts[key],
        ),
      )}
      ${this.#pick('f-assignee', q('ticketQueue.col.assignee'), 'assigneeId', [
        ['me', m('ticketFilters.assignee.me')],
        ['none', q('ticketQueue.unassigned')],
        ...(role && role !== 'agent' ? agents : []),
      ])}
      ${
        role && role !== 'agent'
          ? (['team', 'department'] as const).map((unit) =>
              this.#pick(
                `f-${unit}`,
                q(`ticketQueue.col.${unit}`),
                `${unit}Id`,
                [...(this.#data.data?.[`${unit}s`] ?? [])].map(
                  ([id, name]) => [id, localized(this, name, id)] as const,
                ),
              ),
            )
          : nothing
      }
      <label class="field" for="f-from">
        <span>${m('ticketFilters.createdFrom')}</span>
        <input
          id="f-from"
          type="date"
          .value=${dateValue(f.createdFrom)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            this.#set('createdFrom', v ? new Date(`${v}T00:00:00`).toISOString() : undefined);
          }}
        />
      </label>
      <label class="field" for="f-to">
        <span>${m('ticketFilters.createdTo')}</span>
        <input
          id="f-to"
          type="date"
          .value=${f.createdTo ? dateValue(new Date(Date.parse(f.createdTo) - 1).toISOString()) : ''}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            const end = v ? new Date(`${v}T00:00:00`) : undefined;
            if (end) end.setDate(end.getDate() + 1);
            this.#set('createdTo', end?.toISOString());
          }}
        />
      </label>
      ${
        Object.keys(f).length
          ? html`<button class="cc-button" type="button" @click=${() => this.#change({})}>
              ${m('ticketFilters.clearFilters')}
            </button>`
          : nothing
      }
    </form>`;
  }
}
