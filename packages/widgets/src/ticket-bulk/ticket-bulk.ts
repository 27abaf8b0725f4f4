import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TICKET_TRANSITIONS } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import { optionsOf } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { errorText, reportError } from '../shared/status.js';
import { directoryFor } from '../ticket-queue/directory.js';
import {
  CcTicketAssignedEvent,
  CcTicketTransitionedEvent,
} from '../ticket-queue/ticket-queue.events.js';
import { CcSelectionChangeEvent } from './ticket-bulk.events.js';
import { messages as family } from '../ticket-queue/ticket-queue.i18n.js';
import { messages } from './ticket-bulk.i18n.js';
import { styles } from './ticket-bulk.styles.js';

type Ticket = Schema<'Ticket'>;
type Transition = Schema<'TicketTransition'>;

/** The outcome of a bulk action for one ticket: its HTTP status (2xx done, 412 stale, ...). */
export interface TicketBulkOutcome {
  id: string;
  number: number;
  status: number;
}

/**
 * Bulk actions on a set of tickets: assign them (to me, or to someone for roles that may), or move
 * them along their state machines, each with the version the user saw; one result per ticket, so
 * one ticket changed by someone else never fails the rest. `<cc-ticket-queue>` shows it while
 * rows are selected; a page may use it with its own selection.
 *
 * @summary Bulk actions on selected tickets, with one result per ticket.
 * @fires cc-ticket-transitioned - A ticket changed state; `event.ticket`, `event.transition`, `event.from`.
 * @fires cc-ticket-assigned - A ticket was assigned; `event.ticket`, `event.assigneeId`.
 * @fires cc-selection-change - The tickets to keep selected; `event.ticketIds` (those that failed, or none).
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart results - The results of the last bulk action.
 * @cssprop --cc-ticket-bulk-background - Background of the bar (default: --cc-color-surface-raised).
 * @cssstate loading - While the signed-in user's role and the agents load.
 * @cssstate empty - No ticket given.
 * @cssstate error - Loading failed.
 */
export class CcTicketBulk extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The tickets to act on (the selection). */
  @property({ attribute: false }) tickets: readonly Ticket[] = [];

  @state() private transition?: Transition;
  @state() private busy = false;
  @state() private error?: string;
  @state() private outcomes?: TicketBulkOutcome[];

  #t2 = () => this.msg(messages);
  #announcer = new Announcer(this, 800);

  #data = new DataController(this, {
    args: () => [] as const,
    task: (_args, { client }) => directoryFor(client),
    isEmpty: () => !this.tickets.length && !this.outcomes,
  });

  /** The results of the last bulk action, until closed. */
  get results(): readonly TicketBulkOutcome[] | undefined {
    return this.outcomes;
  }

  protected override render(): unknown {
    return html`${this.#announcer.render()}${this.#data.render({
      complete: () =>
        html`${this.tickets.length ? this.#renderBar() : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.outcomes ? this.#renderResults(this.outcomes) : nothing}`,
      emptyMessage: this.#t2()('ticketBulk.none'),
    })}`;
  }

  #renderBar(): TemplateResult {
    const m = this.#t2();
    const f = this.msg(family);
    const book = this.#data.data;
    const role = book?.me.role;
    const chosen = this.tickets;
    const tr = this.transition;
    const needs = tr === 'resolve' || tr === 'escalate' || tr === 'de_escalate';
    const pick = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`<form
      class="bulk"
      part="bulk"
      aria-label=${m('ticketBulk.label')}
      @submit=${(e: Event) => {
        e.preventDefault();
        const text = (e.target as HTMLFormElement).elements.namedItem('bulk-text') as
          HTMLTextAreaElement | undefined;
        if (tr) void this.#apply('transition', tr, text?.value.trim());
      }}
    >
      <span role="status">${m('ticketBulk.selected', { n: this.fmt.number(chosen.length) })}</span>
      <button
        class="cc-button"
        type="button"
        ?disabled=${this.busy}
        @click=${() => void this.#apply('assign', book?.me.user.id ?? '')}
      >
        ${f('ticketQueue.assignMe')}
      </button>
      ${
        role === 'supervisor' || role === 'complaint_supervisor' || role === 'operations_manager'
          ? html`<label for="bulk-assignee">
              ${f('ticketQueue.assignTo')}
              <select
                id="bulk-assignee"
                ?disabled=${this.busy}
                @change=${(e: Event) => {
                  void this.#apply('assign', pick(e));
                  (e.target as HTMLSelectElement).value = '';
                }}
              >
                ${optionsOf([['', f('ticketQueue.choose')], ...(book?.agents ?? [])])}
              </select>
            </label>`
          : nothing
      }
      <label for="bulk-transition">
        ${m('ticketBulk.transition')}
        <select
          id="bulk-transition"
          @change=${(e: Event) => (this.transition = (pick(e) || undefined) as Transition)}
        >
          ${optionsOf(
            [
              ['', f('ticketQueue.choose')],
              ...TICKET_TRANSITIONS.filter((t) =>
                chosen.some((c) => c.allowedTransitions.includes(t)),
              ).map((t) => [t, this.t(`ticket.transition.${t}`)] as const),
            ],
            tr ?? '',
          )}
        </select>
      </label>
      ${
        needs
          ? html`<label for="bulk-text">
              ${f(tr === 'resolve' ? 'ticketQueue.resolution' : 'ticketQueue.reason')}
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
      <button class="cc-button" data-variant="primary" type="submit" ?disabled=${!tr || this.busy}>
        ${f('ticketQueue.apply')}
      </button>
      <button class="cc-button" type="button" @click=${() => this.#select([])}>
        ${m('ticketBulk.clear')}
      </button>
    </form>`;
  }

  #select(ids: string[]): void {
    this.emit(new CcSelectionChangeEvent(ids));
  }

  async #apply(action: 'assign' | 'transition', value: string, text?: string) {
    const client = this.resolvedClient;
    if (!client || !value) return;
    const chosen = [...this.tickets];
    const before = new Map(chosen.map((t) => [t.id, t]));
    const transition = value as Transition;
    this.busy = true;
    this.error = undefined;
    const outcomes: TicketBulkOutcome[] = [];
    try {
      for (let i = 0; i < chosen.length; i += 100) {
        const items = chosen
          .slice(i, i + 100)
          .map((t) => ({ id: t.id, ifMatch: `"${t.version}"` }));
        const result = await client.tickets.bulk(
          action === 'assign'
            ? { action, assigneeId: value, items }
            : {
                action,
                transition,
                ...(text && transition === 'resolve' ? { resolution: text } : {}),
                ...(text && transition !== 'resolve' ? { reason: text } : {}),
                items,
              },
        );
        for (const r of result.results) {
          const old = before.get(r.id)!;
          outcomes.push({ id: r.id, number: old.number, status: r.status });
          if (r.ticket) {
            this.emit(
              action === 'assign'
                ? new CcTicketAssignedEvent(r.ticket, value)
                : new CcTicketTransitionedEvent(r.ticket, transition, old.state),
            );
          }
        }
      }
      this.outcomes = outcomes;
      this.transition = undefined;
      this.#announcer.announce(this.#summary(outcomes));
      this.#select(outcomes.filter((o) => o.status >= 300).map((o) => o.id));
    } catch (error) {
      this.error = errorText(this, reportError(this, error));
    } finally {
      this.busy = false;
    }
  }

  /** `2 succeeded, 1 failed.` */
  #summary(results: TicketBulkOutcome[]): string {
    const ok = results.filter((o) => o.status < 300).length;
    return this.#t2()('ticketBulk.results', {
      ok: this.fmt.number(ok),
      failed: this.fmt.number(results.length - ok),
    });
  }

  #renderResults(results: TicketBulkOutcome[]): TemplateResult {
    const m = this.#t2();
    return html`<section class="bulk-results" part="results" aria-label=${m('ticketBulk.label')}>
      <p>
        ${this.#summary(results)}
        <button
          class="cc-button"
          type="button"
          @click=${() => {
            this.outcomes = undefined;
            this.#select(this.tickets.map((t) => t.id));
          }}
        >
          ${this.t('close')}
        </button>
      </p>
      <ul>
        ${results.map(
          ({ status, number }) =>
            html`<li data-status=${status} data-result=${status < 300 ? 'ok' : 'failed'}>
              <span aria-hidden="true">${status < 300 ? '✓' : '✗'}</span> #${number}:
              ${m(
                status < 300
                  ? 'ticketBulk.ok'
                  : status === 412
                    ? 'ticketBulk.stale'
                    : status === 409
                      ? 'ticketBulk.notAllowed'
                      : status === 403
                        ? 'ticketBulk.forbidden'
                        : 'ticketBulk.failed',
              )}
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
