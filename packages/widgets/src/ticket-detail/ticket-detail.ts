import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import { optionsOf, type SelectOption } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { describeError } from '../shared/errors.js';
import { LiveController } from '../shared/live-controller.js';
import { errorText, loadingTemplate, reportError } from '../shared/status.js';
import { createSubElement } from '../shared/sub-element.js';
import { agentName, directoryFor, unitName, type Directory } from '../ticket-queue/directory.js';
import type { TicketQueueColumn } from '../ticket-queue/ticket-queue.js';
import { liveSla, SLA_ICON, slaText } from '../ticket-queue/sla-clock.js';
import {
  CcTicketAssignedEvent,
  CcTicketTransitionedEvent,
} from '../ticket-queue/ticket-queue.events.js';
import { CcTicketCloseEvent } from './ticket-detail.events.js';
import { messages as family } from '../ticket-queue/ticket-queue.i18n.js';
import { messages } from './ticket-detail.i18n.js';
import { styles } from './ticket-detail.styles.js';

type Ticket = Schema<'Ticket'>;
type Transition = Schema<'TicketTransition'>;
type Role = Schema<'Role'>;
type Comment = Schema<'Comment'>;

interface Detail {
  ticket: Ticket;
  comments: Comment[];
  activity: Schema<'ActivityEntry'>[];
}

type Action =
  | { kind: 'transition'; ticket: Ticket; transition: Transition; text?: string }
  | { kind: 'assign'; ticket: Ticket; assigneeId: string }
  | { kind: 'route'; ticket: Ticket; departmentId: string; reason?: string };

/** The fields only the detail shows (the others are the queue's columns). */
const OWN_FIELDS = { escalationLevel: 1, channel: 1, createdBy: 1, description: 1 };
type DetailField = keyof typeof OWN_FIELDS;

/** Transitions that need a text: escalate / de-escalate a reason (resolve asks a resolution). */
const NEEDS_REASON: ReadonlySet<Transition> = new Set(['escalate', 'de_escalate']);
const ASSIGNS_OTHERS: ReadonlySet<Role> = new Set([
  'supervisor',
  'complaint_supervisor',
  'operations_manager',
]);
/** Who may route a complaint to another handling department (`routeComplaint` x-roles). */
const ROUTES: ReadonlySet<Role> = new Set(['complaint_supervisor', 'operations_manager']);

/**
 * One ticket in full: its fields and live SLA, the actions its state machine and the signed-in
 * role allow (with the version the user saw: when someone else changed it first, what changed
 * and a choice to apply the change again), comments and the activity log; for a complaint, what
 * the customer filed and its outcome (`<cc-complaint-resolution>`, loaded on first use). `<cc-ticket-queue>`
 * opens it for a row; a page may also show it on its own, e.g. beside the queue after cancelling
 * `cc-ticket-select`.
 *
 * @summary Ticket detail: fields, SLA, actions, comments and activity log of one ticket.
 * @fires cc-ticket-transitioned - The ticket changed state; `event.ticket`, `event.transition`, `event.from`.
 * @fires cc-ticket-assigned - The ticket was assigned; `event.ticket`, `event.assigneeId`.
 * @fires cc-ticket-close - The user asked to close it (close button or Escape); only when `closable`.
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @fires cc-complaint-verdict-record - From its complaint outcome section (a complaint only).
 * @fires cc-complaint-callback-record - From its complaint outcome section (a complaint only).
 * @csspart heading - The heading naming the ticket.
 * @csspart fields - The ticket's fields.
 * @csspart sla - The SLA badge.
 * @csspart actions - The action buttons.
 * @csspart conflict - What changed when someone else changed the ticket first.
 * @cssprop --cc-ticket-detail-background - Background (default: --cc-color-surface).
 * @cssprop --cc-ticket-detail-padding - Space inside the border (default: --cc-space-4).
 * @cssstate loading - While the ticket loads.
 * @cssstate empty - No ticket chosen (`ticket-id` not set).
 * @cssstate error - Loading failed.
 */
export class CcTicketDetail extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The ticket to show. */
  @property({ attribute: 'ticket-id' }) ticketId?: string;

  /** Shows a close button and closes on Escape: fires `cc-ticket-close` (the host hides it). */
  @property({ type: Boolean }) closable = false;

  /** Turns off the live SLA countdown and live updates (e.g. for static screenshots). */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  @state() private now = Date.now();
  @state() private conflict?: { action: Action; current: Ticket };
  @state() private pending?: Transition;
  @state() private actionError?: string;
  @state() private busy = false;
  @state() private notClosable = false;
  /** The complaint outcome section, created on first use (a complaint only). */
  @state() private resolution?: HTMLElement & { ticket?: Ticket; client?: unknown };
  #resolutionLoading = false;

  #book?: Directory;
  #clock?: ReturnType<typeof setInterval>;
  #focusOnLoad = false;
  #t2 = () => this.msg(messages);
  /** The strings the ticket elements share (the queue's catalog). */
  #f = () => this.msg(family);
  #announcer = new Announcer(this, 800);

  #data = new DataController(this, {
    args: () => [this.ticketId] as const,
    enabled: ([id]) => !!id,
    task: async ([id], { client, signal }) => {
      const [book, ticket, comments, activity] = await Promise.all([
        directoryFor(client),
        client.tickets.get(id!, { signal }),
        client.tickets.comments.iterate(id!, {}, { signal }).toArray({ limit: 200 }),
        client.tickets.activity.iterate(id!, {}, { signal }).toArray({ limit: 200 }),
      ]);
      this.#book = book;
      return { ticket, comments, activity } as Detail;
    },
    isEmpty: () => !this.ticketId,
  });

  private live = new LiveController(this, {
    topics: () => ['tickets'],
    enabled: () => !this.noLive && !!this.ticketId,
    onEvent: ({ type, data }) => {
      const d = this.#detail;
      if (!d) return;
      if (type === 'ticket.updated') this.#show(data as Ticket);
      if (type === 'ticket.commented') this.#addToList(data as Comment);
    },
  });

  constructor() {
    super();
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.closable) {
        e.stopPropagation();
        this.#close();
      }
    });
  }

  /** The ticket as last read (undefined while the first read runs). */
  get ticket(): Ticket | undefined {
    return this.#detail?.ticket;
  }

  /** Reads the ticket, its comments and activity again. */
  reload(): Promise<void> {
    return this.#data.refresh();
  }

  /** Focuses the heading naming the ticket (once it has loaded). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>('h2');
    if (heading && this.#detail) heading.focus(options);
    else this.#focusOnLoad = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => {
      if (!this.noLive && this.#detail) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ticketId')) {
      this.conflict = this.pending = this.actionError = undefined;
      this.notClosable = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusOnLoad && this.#detail) {
      this.#focusOnLoad = false;
      this.focus();
    }
  }

  /** The data for the current ticket id (not the previous ticket's while another loads). */
  get #detail(): Detail | undefined {
    const d = this.#data.data;
    return d?.ticket.id === this.ticketId ? d : undefined;
  }

  #show(ticket: Ticket): void {
    const d = this.#detail;
    if (d && d.ticket.id === ticket.id && d.ticket.version <= ticket.version) {
      this.#data.data = { ...d, ticket };
      this.requestUpdate();
    }
  }

  #addToList(comment: Comment): void {
    const d = this.#detail;
    if (d && comment.ticketId === d.ticket.id && !d.comments.some((c) => c.id === comment.id)) {
      this.#data.data = { ...d, comments: [...d.comments, comment] };
      this.requestUpdate();
    }
  }

  #close(): void {
    this.emit(new CcTicketCloseEvent(this.ticketId));
  }

  #fail(error: unknown): string {
    return errorText(this, reportError(this, error));
  }

  #name(id: string | null): string {
    return agentName(this.#book, id, this.#f()('ticketQueue.unassigned'));
  }

  /** A field's label: the queue's column label, else the detail's own. */
  #label(field: TicketQueueColumn | DetailField): string {
    return field in OWN_FIELDS
      ? this.#t2()(`ticketDetail.field.${field as DetailField}`)
      : this.#f()(`ticketQueue.col.${field as TicketQueueColumn}`);
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${this.#announcer.render()}${this.#data.render({
      complete: () => (this.#detail ? this.#renderBody(this.#detail) : loadingTemplate(this)),
      emptyMessage: this.#t2()('ticketDetail.none'),
    })}`;
  }

  #renderBody({ ticket: t, comments, activity }: Detail): TemplateResult {
    const m = this.#t2();
    const sla = t.sla
      ? liveSla(t.sla, this.now, this.#book?.calendar, this.#book?.atRisk.get(t.sla.policyId))
      : undefined;
    const f = this.#f();
    const fields: Array<[TicketQueueColumn | DetailField, unknown]> = [
      ['kind', this.t(`ticket.kind.${t.kind}`)],
      ['state', this.t(`ticket.state.${t.state}`)],
      ['priority', this.t(`ticket.priority.${t.priority}`)],
      [
        'sla',
        html`<span class="sla" part="sla" data-sla=${sla?.state ?? nothing}
          >${sla ? html`<span aria-hidden="true">${SLA_ICON[sla.state]}</span>` : nothing}${slaText(this, sla)}</span
        >`,
      ],
      [
        'customer',
        t.customer
          ? [t.customer.name, t.customer.phone].filter(Boolean).join(' · ')
          : f('ticketQueue.noCustomer'),
      ],
      ['assignee', this.#name(t.assigneeId)],
      ['team', unitName(this, this.#book, 'teams', t.teamId)],
      ['department', unitName(this, this.#book, 'departments', t.departmentId)],
      ['channel', this.t(`ticket.channel.${t.channel}`)],
      ['escalationLevel', this.fmt.number(t.escalationLevel)],
      ['createdBy', `${t.createdBy.name} · ${this.fmt.date(t.createdAt)}`],
      ['description', html`<span class="description">${t.description}</span>`],
    ];
    return html`<header>
        <h2 part="heading" tabindex="-1">
          ${m('ticketDetail.title', { number: String(t.number) })} · <span>${t.subject}</span>
        </h2>
        ${
          this.closable
            ? html`<button class="cc-button" type="button" @click=${() => this.#close()}>
                ${m('ticketDetail.close')}
              </button>`
            : nothing
        }
      </header>
      ${this.conflict ? this.#renderConflict() : nothing}
      ${
        this.actionError
          ? html`<p class="action-error" role="alert">${this.actionError}</p>`
          : nothing
      }
      ${
        this.notClosable
          ? html`<p class="action-error" role="alert">
              ${m('ticketDetail.notClosable')}
              <button
                class="cc-button"
                type="button"
                data-action="to-outcome"
                @click=${() => this.resolution?.focus()}
              >
                ${m('ticketDetail.toOutcome')}
              </button>
            </p>`
          : nothing
      }
      <h3>${m('ticketDetail.fields')}</h3>
      <dl part="fields">
        ${fields.map(
          ([field, value]) =>
            html`<dt>${this.#label(field)}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      ${this.#renderActions(t)} ${t.kind === 'complaint' ? this.#renderResolution(t) : nothing}
      <h3>${m('ticketDetail.comments')}</h3>
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
          : html`<p>${m('ticketDetail.noComments')}</p>`
      }
      <form class="comment" @submit=${(e: Event) => this.#addComment(e, t)}>
        <label for="comment-body">${m('ticketDetail.commentBody')}</label>
        <textarea id="comment-body" name="body" required maxlength="10000" rows="3"></textarea>
        <label class="check"
          ><input type="checkbox" name="internal" checked />${m(
            'ticketDetail.commentInternal',
          )}</label
        >
        <button class="cc-button" type="submit" ?disabled=${this.busy}>
          ${m('ticketDetail.commentSend')}
        </button>
      </form>
      <h3>${m('ticketDetail.log')}</h3>
      ${
        activity.length
          ? html`<ol class="activity">
              ${activity.map(
                (a) =>
                  html`<li>
                    <span class="meta">${this.fmt.date(a.at)} · ${a.actor.name}</span>
                    ${m(`ticketDetail.activity.${a.action}`)}${
                      a.transition
                        ? html` · ${this.t(`ticket.transition.${a.transition}`)}`
                        : nothing
                    }${a.note ? html` · ${a.note}` : nothing}
                  </li>`,
              )}
            </ol>`
          : html`<p>${m('ticketDetail.noActivity')}</p>`
      }`;
  }

  #renderActions(t: Ticket): TemplateResult {
    const m = this.#t2();
    const f = this.#f();
    const role = this.#book?.me.role;
    const meId = this.#book?.me.user.id;
    const canAssignOthers = !!role && ASSIGNS_OTHERS.has(role);
    const canAssignMe =
      !!meId && t.assigneeId !== meId && role !== 'survey_supervisor' && t.state !== 'closed';
    const canRoute = !!role && ROUTES.has(role) && t.kind === 'complaint' && t.state !== 'closed';
    const pending = this.pending;
    const button = (label: string, click: () => void, attr: string, value: string) =>
      html`<button
        class="cc-button"
        type="button"
        data-transition=${attr === 'transition' ? value : nothing}
        data-action=${attr === 'action' ? value : nothing}
        aria-pressed=${pending && pending === value ? 'true' : nothing}
        ?disabled=${this.busy}
        @click=${click}
      >
        ${label}
      </button>`;
    return html`<h3>${m('ticketDetail.actions')}</h3>
      ${
        !t.allowedTransitions.length && !canAssignMe && !canAssignOthers && !canRoute
          ? html`<p>${m('ticketDetail.noActions')}</p>`
          : nothing
      }
      <div class="actions" part="actions" role="group" aria-label=${m('ticketDetail.actions')}>
        ${t.allowedTransitions.map((tr) =>
          button(
            this.t(`ticket.transition.${tr}`),
            () => {
              if (NEEDS_REASON.has(tr) || tr === 'resolve') {
                this.pending = tr;
                void this.updateComplete.then(() =>
                  this.renderRoot.querySelector<HTMLElement>('#transition-text')?.focus(),
                );
              } else void this.#apply({ kind: 'transition', ticket: t, transition: tr });
            },
            'transition',
            tr,
          ),
        )}
        ${
          canAssignMe
            ? button(
                f('ticketQueue.assignMe'),
                () => void this.#apply({ kind: 'assign', ticket: t, assigneeId: meId }),
                'action',
                'assign-me',
              )
            : nothing
        }
      </div>
      ${
        pending
          ? this.#form(
              'transition-form',
              (value) =>
                this.#apply({
                  kind: 'transition',
                  ticket: t,
                  transition: pending,
                  text: value('text'),
                }),
              html`<label for="transition-text"
                  >${this.t(`ticket.transition.${pending}`)} ·
                  ${f(pending === 'resolve' ? 'ticketQueue.resolution' : 'ticketQueue.reason')}</label
                >
                <textarea
                  id="transition-text"
                  name="text"
                  required
                  maxlength="2000"
                  rows="2"
                ></textarea>`,
              f('ticketQueue.apply'),
              html`<button
                class="cc-button"
                type="button"
                @click=${() => (this.pending = undefined)}
              >
                ${this.t('cancel')}
              </button>`,
            )
          : nothing
      }
      ${
        canAssignOthers
          ? this.#form(
              'assign-form',
              (value) => {
                const assigneeId = value('assignee');
                if (assigneeId) void this.#apply({ kind: 'assign', ticket: t, assigneeId });
              },
              this.#select(
                'assignee',
                'assignee',
                f('ticketQueue.assignTo'),
                this.#book?.agents ?? [],
                t.assigneeId ?? undefined,
              ),
              m('ticketDetail.assign'),
            )
          : nothing
      }
      ${
        canRoute
          ? this.#form(
              'route-form',
              (value) => {
                const departmentId = value('department');
                const reason = value('reason');
                if (departmentId)
                  void this.#apply({
                    kind: 'route',
                    ticket: t,
                    departmentId,
                    ...(reason ? { reason } : {}),
                  });
              },
              html`${this.#select(
                  'route-department',
                  'department',
                  m('ticketDetail.routeTo'),
                  [...(this.#book?.departments.keys() ?? [])].map((id) => {
                    const name = unitName(this, this.#book, 'departments', id);
                    return [id, id === t.departmentId ? m('ticketDetail.current', { name }) : name];
                  }),
                  '',
                )}
                <label for="route-reason">${m('ticketDetail.routeReason')}</label>
                <textarea id="route-reason" name="reason" maxlength="2000" rows="2"></textarea>`,
              m('ticketDetail.route'),
            )
          : nothing
      }`;
  }

  /**
   * An action's form: `submit` reads the trimmed value of a named control; a form that can be
   * cancelled (the transition's text) has the primary submit button.
   */
  #form(
    cls: string,
    submit: (value: (name: string) => string) => void,
    fields: unknown,
    label: string,
    cancel?: unknown,
  ): TemplateResult {
    return html`<form
      class=${cls}
      @submit=${(e: Event) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        submit((name) => (form.elements.namedItem(name) as HTMLInputElement).value.trim());
      }}
    >
      ${fields}
      <button
        class="cc-button"
        data-variant=${cancel ? 'primary' : nothing}
        type="submit"
        ?disabled=${this.busy}
      >
        ${label}
      </button>
      ${cancel}
    </form>`;
  }

  /** A required choice among `options`, `selected` chosen now. */
  #select(
    id: string,
    name: string,
    label: string,
    options: Iterable<SelectOption>,
    selected?: string,
  ): TemplateResult {
    return html`<label for=${id}>${label}</label>
      <select id=${id} name=${name} required>
        <option value="">${this.#f()('ticketQueue.choose')}</option>
        ${optionsOf(options, selected)}
      </select>`;
  }

  /**
   * The complaint outcome section (verdict, customer callback): its code loads on first use and
   * it is registered beside this element (same prefix and registry).
   */
  #renderResolution(t: Ticket): unknown {
    const el = this.resolution;
    if (!el) {
      if (!this.#resolutionLoading) {
        this.#resolutionLoading = true;
        void createSubElement<NonNullable<typeof this.resolution>>(
          this,
          'ticket-detail',
          'complaint-resolution',
          () =>
            import('../complaint-resolution/complaint-resolution.js').then(
              (x) => x.CcComplaintResolution,
            ),
        ).then((created) => {
          if (!created) return;
          const recorded = (e: Event) => {
            this.notClosable = false;
            this.#show((e as Event & { ticket: Ticket }).ticket);
            void this.reload();
          };
          created.addEventListener('cc-complaint-verdict-record', recorded);
          created.addEventListener('cc-complaint-callback-record', recorded);
          this.resolution = created;
        });
      }
      return nothing;
    }
    Object.assign(el, { ticket: t, ...this.subElementSettings });
    return el;
  }

  /** Applies an action with the version the user saw; a 412 shows what changed instead. */
  async #apply(action: Action): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    const m = this.#t2();
    const { ticket } = action;
    const ifMatch = { ifMatch: ticket.version };
    this.busy = true;
    this.actionError = undefined;
    this.notClosable = false;
    try {
      let updated: Ticket;
      if (action.kind === 'transition') {
        const tr = action.transition;
        const text = action.text;
        updated = await client.tickets.transition(
          ticket.id,
          {
            transition: tr,
            ...(text && tr === 'resolve' ? { resolution: text } : {}),
            ...(text && NEEDS_REASON.has(tr) ? { reason: text } : {}),
          },
          ifMatch,
        );
        this.emit(new CcTicketTransitionedEvent(updated, tr, ticket.state));
        this.#announcer.announce(
          m('ticketDetail.transitioned', {
            number: String(updated.number),
            state: this.t(`ticket.state.${updated.state}`),
          }),
        );
      } else if (action.kind === 'route') {
        const { departmentId, reason } = action;
        updated = await client.complaints.route(
          ticket.id,
          { departmentId, ...(reason ? { reason } : {}) },
          ifMatch,
        );
        this.#announcer.announce(
          m('ticketDetail.routed', {
            number: String(updated.number),
            name: unitName(this, this.#book, 'departments', departmentId),
          }),
        );
      } else {
        updated = await client.tickets.update(
          ticket.id,
          { assigneeId: action.assigneeId },
          ifMatch,
        );
        this.emit(new CcTicketAssignedEvent(updated, action.assigneeId));
        this.#announcer.announce(
          m('ticketDetail.assigned', {
            number: String(updated.number),
            name: this.#name(action.assigneeId),
          }),
        );
      }
      this.conflict = this.pending = undefined;
      this.#show(updated);
      void this.reload();
    } catch (error) {
      const { status, code } = describeError(error);
      if (status === 412) {
        try {
          const current = await client.tickets.get(ticket.id);
          this.conflict = { action, current };
          this.#show(current);
        } catch (again) {
          this.actionError = this.#fail(again);
        }
      } else if (code === 'complaint-not-closable') {
        // Closing needs the verdict and the callback: point at the section that records them.
        this.#fail(error);
        this.notClosable = true;
      } else this.actionError = this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  #renderConflict(): TemplateResult {
    const m = this.#t2();
    const { action, current } = this.conflict!;
    const before = action.ticket;
    const changes = (
      [
        ['state', (t) => this.t(`ticket.state.${t.state}`)],
        ['priority', (t) => this.t(`ticket.priority.${t.priority}`)],
        ['assignee', (t) => this.#name(t.assigneeId)],
        ['subject', (t) => t.subject],
        ['team', (t) => unitName(this, this.#book, 'teams', t.teamId)],
        ['department', (t) => unitName(this, this.#book, 'departments', t.departmentId)],
        ['escalationLevel', (t) => this.fmt.number(t.escalationLevel)],
      ] as const satisfies ReadonlyArray<readonly [string, (t: Ticket) => string]>
    )
      .map(([field, value]) => ({
        field: this.#label(field),
        from: value(before),
        to: value(current),
      }))
      .filter((c) => c.from !== c.to);
    const possible =
      action.kind === 'transition'
        ? current.allowedTransitions.includes(action.transition)
        : action.kind === 'assign' || current.state !== 'closed';
    return html`<div class="conflict" part="conflict" role="alert">
      <p class="title">${m('ticketDetail.conflict.title')}</p>
      <p>${m('ticketDetail.conflict.intro')}</p>
      ${
        changes.length
          ? html`<ul>
              ${changes.map((c) => html`<li>${m('ticketDetail.conflict.change', c)}</li>`)}
            </ul>`
          : html`<p>${m('ticketDetail.conflict.none')}</p>`
      }
      ${possible ? nothing : html`<p>${m('ticketDetail.conflict.notAllowed')}</p>`}
      <div class="actions">
        ${
          possible
            ? html`<button
                class="cc-button"
                data-variant="primary"
                type="button"
                data-action="reapply"
                ?disabled=${this.busy}
                @click=${() => void this.#apply({ ...action, ticket: current })}
              >
                ${m('ticketDetail.conflict.reapply')}
              </button>`
            : nothing
        }
        <button
          class="cc-button"
          type="button"
          data-action="discard"
          @click=${() => {
            this.conflict = this.pending = undefined;
            void this.reload();
          }}
        >
          ${m('ticketDetail.conflict.discard')}
        </button>
      </div>
    </div>`;
  }

  async #addComment(e: Event, t: Ticket): Promise<void> {
    e.preventDefault();
    const client = this.resolvedClient;
    if (!client) return;
    const form = e.target as HTMLFormElement;
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    const internal = (form.elements.namedItem('internal') as HTMLInputElement).checked;
    if (!body) return;
    this.busy = true;
    try {
      this.#addToList(
        await client.tickets.comments.add(t.id, {
          body,
          visibility: internal ? 'internal' : 'public',
        }),
      );
      form.reset();
      this.#announcer.announce(this.#t2()('ticketDetail.commented'));
      // A reload still in flight (after a transition) would not have it: read again.
      void this.reload();
    } catch (error) {
      this.actionError = this.#fail(error);
    } finally {
      this.busy = false;
    }
  }
}
