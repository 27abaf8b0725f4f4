import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import type { CcClient } from '../shared/client.js';
import { localized } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { describeError } from '../shared/errors.js';
import { CcErrorEvent } from '../shared/events.js';
import { errorText } from '../shared/status.js';
import { directoryFor } from '../ticket-queue/directory.js';
import {
  CcComplaintCallbackRecordEvent,
  CcComplaintVerdictRecordEvent,
} from './complaint-resolution.events.js';
import { messages } from './complaint-resolution.i18n.js';
import { styles } from './complaint-resolution.styles.js';

type Ticket = Schema<'Ticket'>;
type Role = Schema<'Role'>;
type Category = Schema<'ComplaintCategory'>;
type Kind = 'verdict' | 'callback';
interface Draft {
  choice?: string;
  text: string;
}

/** `recordComplaintVerdict` x-roles. */
const VERDICT: ReadonlySet<Role> = new Set(['complaint_supervisor', 'operations_manager']);
const OUTCOMES: readonly Schema<'CallbackOutcome'>[] = [
  'satisfied',
  'partially_satisfied',
  'unsatisfied',
  'unreachable',
];
/** Where the API's field errors (`/body/<field>`) are shown. */
const FIELDS: Record<string, string> = {
  justified: 'verdict-choice',
  finding: 'verdict-text',
  outcome: 'callback-choice',
  note: 'callback-text',
};

/** The complaint categories (inactive ones too), read once per client: they change rarely. */
const categories = new WeakMap<CcClient, Promise<Category[]>>();

function categoriesFor(client: CcClient): Promise<Category[]> {
  let found = categories.get(client);
  if (!found) {
    categories.set(
      client,
      (found = client.complaintCategories
        .iterate({ includeInactive: true })
        .toArray({ limit: 1000 })),
    );
    // A failed read is tried again next time; meanwhile the facts show raw keys.
    found.catch(() => categories.delete(client));
  }
  return found.catch(() => []);
}

/**
 * A complaint's own facts and its outcome: what the customer filed (category, severity, what
 * they ask for, the category's own fields, a preferred callback time, the acknowledgement
 * deadline), its verdict (justified or not, the finding, who decided and when) and the result
 * of calling the customer back. Complaint supervisors and operations managers record
 * and revise the verdict; agents (on their own complaints), supervisors, complaint supervisors
 * and operations managers record the callback; everyone else, and everyone once the complaint is
 * closed, sees both read-only. Each write carries the version last read: when someone else
 * changed the complaint first it reloads and keeps what was typed. `<cc-ticket-detail>` opens it
 * for a complaint; a page may also show it on its own with `ticket-id`.
 *
 * Stable hooks: `#verdict-yes`, `#verdict-no`, `#verdict-text`, `#verdict-submit`,
 * `#callback-<outcome>` (`satisfied`, `partially_satisfied`, `unsatisfied`, `unreachable`),
 * `#callback-text`, `#callback-submit`; `[data-justified]` on the verdict shown.
 *
 * @summary Complaint facts and outcome: what the customer filed; record and show the verdict and the customer callback.
 * @fires cc-complaint-verdict-record - A verdict was recorded or revised; `event.ticket`.
 * @fires cc-complaint-callback-record - A callback result was recorded; `event.ticket`.
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart heading - The section's heading.
 * @csspart facts - What the customer filed: category, severity, what they ask for, the
 *   category's own fields, preferred callback time, acknowledgement deadline and time.
 * @csspart verdict - The verdict and its form.
 * @csspart callback - The callback result and its form.
 * @csspart verdict-form - The form recording the verdict.
 * @csspart callback-form - The form recording the callback.
 * @csspart field-error - A message next to a field or form.
 * @cssprop --cc-complaint-resolution-gap - Space between the verdict and the callback (default: --cc-space-4).
 * @cssprop --cc-complaint-resolution-background - Background (default: --cc-color-surface).
 * @cssstate loading - While the complaint loads.
 * @cssstate empty - No complaint chosen.
 * @cssstate error - Loading failed.
 */
export class CcComplaintResolution extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The complaint to show, read from the server. */
  @property({ attribute: 'ticket-id' }) ticketId?: string;

  /** The complaint as the host already has it (e.g. `<cc-ticket-detail>`); saves a read. */
  @property({ attribute: false }) ticket?: Ticket;

  @state() private drafts: Partial<Record<Kind, Draft>> = {};
  @state() private errors: Record<string, string> = {};
  @state() private latest?: Ticket;
  #busy?: Kind;
  #shownId?: string;
  #me?: Schema<'Me'>;
  #categories: Category[] = [];
  #announcer = new Announcer(this);
  /** Said once this element stays connected: a host re-rendering moves it (and drops the queue). */
  #toSay?: string;

  #data = new DataController(this, {
    args: () => [this.ticketId ?? this.ticket?.id] as const,
    enabled: ([id]) => !!id,
    task: async ([id], { client, signal }) => {
      const [book, ticket, categories] = await Promise.all([
        directoryFor(client),
        this.ticket?.id === id ? this.ticket : client.tickets.get(id!, { signal }),
        categoriesFor(client),
      ]);
      this.#me = book.me;
      this.#categories = categories;
      return ticket;
    },
    isEmpty: () => !(this.ticketId ?? this.ticket?.id),
  });

  /** The complaint as last read (the newest version the element has seen). */
  get current(): Ticket | undefined {
    const id = this.ticketId ?? this.ticket?.id;
    return [this.ticket, this.latest, this.#data.data]
      .filter((t) => t?.id === id)
      .reduce<Ticket | undefined>((a, t) => (a && a.version >= t!.version ? a : t), undefined);
  }

  /** Focuses the section's heading. */
  override focus(options?: FocusOptions): void {
    this.renderRoot?.querySelector<HTMLElement>('h3')?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#toSay) this.#announcer.announce(this.#toSay);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#toSay && this.#announcer.current.includes(this.#toSay)) this.#toSay = undefined;
  }

  #say(text: string): void {
    this.#announcer.announce((this.#toSay = text));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another complaint: nothing typed for the previous one carries over.
    const id = this.ticketId ?? this.ticket?.id;
    if (id !== this.#shownId) {
      this.#shownId = id;
      this.latest = undefined;
      this.drafts = {};
      this.errors = {};
    }
  }

  protected override render(): TemplateResult {
    const m = this.msg(messages);
    return html`${this.#announcer.render()}
      <h3 part="heading" tabindex="-1">${m('complaintResolution.title')}</h3>
      ${this.#data.render({
        complete: () => {
          const t = this.current;
          return t?.complaint ? this.#body(t, t.complaint) : nothing;
        },
      })}`;
  }

  #body(t: Ticket, c: Schema<'ComplaintDetails'>): TemplateResult {
    const m = this.msg(messages);
    const role = this.#me?.role;
    const open = t.state !== 'closed';
    const { verdict: v, callback: cb } = c;
    // `recordComplaintCallback`: also an agent on their own complaint, a supervisor on their team's.
    const mayCall =
      !!role &&
      (VERDICT.has(role) ||
        (role === 'agent' && t.assigneeId === this.#me?.user.id) ||
        (role === 'supervisor' && t.teamId === this.#me?.teamId));
    return html`${this.#facts(c)}
      <section part="verdict" aria-labelledby="verdict-h">
        <h4 id="verdict-h">${m('complaintResolution.verdict')}</h4>
        ${
          v
            ? html`<p class="value" data-justified=${v.justified}>
                  ${m(v.justified ? 'complaintResolution.justified' : 'complaintResolution.unjustified')}
                </p>
                <p class="text">${v.finding}</p>
                <p class="meta">
                  ${m('complaintResolution.decided', {
                    by: v.decidedBy.name,
                    date: this.fmt.date(v.decidedAt),
                  })}
                </p>`
            : html`<p>${m('complaintResolution.noVerdict')}</p>`
        }
        ${
          open && role && VERDICT.has(role)
            ? this.#form(
                'verdict',
                [
                  ['yes', m('complaintResolution.justified')],
                  ['no', m('complaintResolution.unjustified')],
                ],
                m('complaintResolution.finding'),
                m(v ? 'complaintResolution.reviseVerdict' : 'complaintResolution.recordVerdict'),
              )
            : nothing
        }
      </section>
      <section part="callback" aria-labelledby="callback-h">
        <h4 id="callback-h">${this.t('complaint.callbackTitle')}</h4>
        ${
          cb
            ? html`<p class="value" data-outcome=${cb.outcome}>
                  ${m(`complaintResolution.o.${cb.outcome}`)}
                </p>
                ${cb.note ? html`<p class="text">${cb.note}</p>` : nothing}
                <p class="meta">
                  ${m('complaintResolution.called', {
                    by: cb.by.name,
                    date: this.fmt.date(cb.calledAt),
                  })}
                </p>`
            : html`<p>${m('complaintResolution.noCallback')}</p>`
        }
        ${
          open && mayCall
            ? this.#form(
                'callback',
                OUTCOMES.map((o) => [o, m(`complaintResolution.o.${o}`)]),
                m('complaintResolution.note'),
                m('complaintResolution.recordCallback'),
              )
            : nothing
        }
      </section>
      ${
        open
          ? nothing
          : html`<p
              class="closed"
              role=${this.errors.verdict || this.errors.callback ? 'alert' : nothing}
            >
              ${m('complaintResolution.closed')}
            </p>`
      }`;
  }

  /** What the customer filed; without the category list, its raw keys and values. */
  #facts(c: Schema<'ComplaintDetails'>): TemplateResult {
    const m = this.msg(messages);
    const all = this.#categories;
    const category = all.find((k) => k.id === c.categoryId);
    const parent = all.find((k) => k.id === category?.parentId);
    const defs = new Map(category?.customFields.map((d) => [d.key, d]));
    const values = c.customFields;
    const rows: Array<readonly [string, unknown]> = [
      [
        m('complaintResolution.category'),
        category
          ? `${parent ? `${localized(this, parent.name)} › ` : ''}${localized(this, category.name)}`
          : c.categoryId,
      ],
      [m('complaintResolution.severity'), this.t(`complaint.severity.${c.severity}`)],
      [
        m('complaintResolution.wants'),
        html`<span class="text">${c.desiredResolution || this.t('noData')}</span>`,
      ],
      // The category's fields in its order, then any value it no longer defines.
      ...[...new Set([...defs.keys(), ...Object.keys(values)])]
        .filter((key) => Object.hasOwn(values, key))
        .map((key): readonly [string, unknown] => {
          const d = defs.get(key);
          const v = values[key]!;
          return [
            localized(this, d?.label, key),
            d?.type === 'number' && typeof v === 'number'
              ? this.fmt.number(v)
              : d?.type === 'date' && /^\d{4}-\d\d-\d\d$/.test(`${v}`)
                ? // A calendar day: the same day in every time zone.
                  new Intl.DateTimeFormat(this.fmt.tag, {
                    dateStyle: 'medium',
                    timeZone: 'UTC',
                  }).format(new Date(v))
                : localized(this, d?.options?.find((o) => o.value === v)?.label, `${v}`),
          ];
        }),
      ...(c.preferredCallbackAt
        ? [[m('complaintResolution.callbackAt'), this.fmt.date(c.preferredCallbackAt)] as const]
        : []),
      [m('complaintResolution.ackBy'), this.fmt.date(c.acknowledgeBy)],
      [
        m('complaintResolution.ackAt'),
        c.acknowledgedAt ? this.fmt.date(c.acknowledgedAt) : m('complaintResolution.notAck'),
      ],
    ];
    return html`<section part="facts" aria-labelledby="facts-h">
      <h4 id="facts-h">${m('complaintResolution.facts')}</h4>
      <dl>
        ${rows.map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
    </section>`;
  }

  #draft(kind: Kind): Draft {
    const c = this.current?.complaint;
    if (this.drafts[kind]) return this.drafts[kind];
    if (kind === 'verdict') {
      const v = c?.verdict;
      return { choice: v ? (v.justified ? 'yes' : 'no') : undefined, text: v?.finding ?? '' };
    }
    return { choice: c?.callback?.outcome, text: c?.callback?.note ?? '' };
  }

  #edit(kind: Kind, change: Partial<Draft>, field: string): void {
    this.drafts = { ...this.drafts, [kind]: { ...this.#draft(kind), ...change } };
    this.errors = without(this.errors, field);
  }

  #form(
    kind: Kind,
    options: Array<[string, string]>,
    textLabel: string,
    submit: string,
  ): TemplateResult {
    const d = this.#draft(kind);
    const choice = `${kind}-choice`;
    const text = `${kind}-text`;
    const invalid = (id: string) => (this.errors[id] ? 'true' : nothing);
    const described = (id: string) => (this.errors[id] ? `${id}-error` : nothing);
    return html`<form part="${kind}-form" novalidate @submit=${(e: Event) => this.#submit(e, kind)}>
      <fieldset aria-describedby=${described(choice)}>
        <legend>
          ${this.msg(messages)(
            kind === 'verdict' ? 'complaintResolution.verdict' : 'complaintResolution.outcome',
          )}
        </legend>
        ${options.map(
          ([value, label]) =>
            html`<label class="choice"
              ><input
                type="radio"
                name=${choice}
                id="${kind}-${value}"
                value=${value}
                .checked=${d.choice === value}
                aria-invalid=${invalid(choice)}
                @change=${() => this.#edit(kind, { choice: value }, choice)}
              />${label}</label
            >`,
        )}
      </fieldset>
      ${this.#error(choice)}
      <label for=${text}>${textLabel}</label>
      <textarea
        id=${text}
        rows="3"
        maxlength="4000"
        ?required=${kind === 'verdict'}
        aria-invalid=${invalid(text)}
        aria-describedby=${described(text)}
        .value=${d.text}
        @input=${(e: Event) =>
          this.#edit(kind, { text: (e.target as HTMLTextAreaElement).value }, text)}
      ></textarea>
      ${this.#error(text)}${this.#error(kind, true)}
      <button class="cc-button" data-variant="primary" type="submit" id="${kind}-submit">
        ${this.#busy === kind ? this.t('sending') : submit}
      </button>
    </form>`;
  }

  #error(id: string, alert = false): unknown {
    const text = this.errors[id];
    return text
      ? html`<p id="${id}-error" class="error" part="field-error" role=${alert ? 'alert' : nothing}>
          ${text}
        </p>`
      : nothing;
  }

  async #submit(e: Event, kind: Kind): Promise<void> {
    e.preventDefault();
    const t = this.current;
    const client = this.resolvedClient;
    if (!t || !client || this.#busy) return;
    const m = this.msg(messages);
    const d = this.#draft(kind);
    const note = d.text.trim();
    const errors: Record<string, string> = {};
    if (!d.choice) {
      errors[`${kind}-choice`] = m(
        kind === 'verdict' ? 'complaintResolution.pickVerdict' : 'complaintResolution.pickOutcome',
      );
    }
    if (kind === 'verdict' && !note) errors['verdict-text'] = m('complaintResolution.needFinding');
    this.errors = errors;
    if (Object.keys(errors).length) return this.#focusError();
    this.#busy = kind;
    this.requestUpdate();
    try {
      let updated: Ticket;
      if (kind === 'verdict') {
        updated = await client.complaints.verdict(
          t.id,
          { justified: d.choice === 'yes', finding: note },
          { ifMatch: t.version },
        );
        const verdict = m(
          d.choice === 'yes' ? 'complaintResolution.justified' : 'complaintResolution.unjustified',
        );
        this.#say(m('complaintResolution.verdictRecorded', { verdict }));
      } else {
        const outcome = d.choice as Schema<'CallbackOutcome'>;
        updated = await client.complaints.callback(
          t.id,
          { outcome, ...(note ? { note } : {}) },
          { ifMatch: t.version },
        );
        this.#say(
          m('complaintResolution.callbackRecorded', {
            outcome: m(`complaintResolution.o.${outcome}`),
          }),
        );
      }
      this.latest = updated;
      this.drafts = without(this.drafts, kind);
      this.emit(
        kind === 'verdict'
          ? new CcComplaintVerdictRecordEvent(updated)
          : new CcComplaintCallbackRecordEvent(updated),
      );
    } catch (error) {
      const info = describeError(error);
      const found: Record<string, string> = {};
      if (info.status === 412 || info.status === 409) {
        // Someone else changed it (or closed it) first: show their version, keep the draft.
        this.drafts = { ...this.drafts, [kind]: d };
        found[kind] = m(
          info.status === 412 ? 'complaintResolution.conflict' : 'complaintResolution.closed',
        );
        try {
          this.latest = await client.tickets.get(t.id);
        } catch {
          // The message already says what happened; the next read shows the rest.
        }
      } else {
        for (const f of (error as { errors?: { path: string; code?: string }[] }).errors ?? []) {
          const id = FIELDS[f.path.replace(/^\/body\//, '')];
          if (id?.startsWith(kind)) {
            found[id] =
              f.code === 'required'
                ? m(
                    id === 'verdict-text'
                      ? 'complaintResolution.needFinding'
                      : id === 'verdict-choice'
                        ? 'complaintResolution.pickVerdict'
                        : 'complaintResolution.pickOutcome',
                  )
                : m('complaintResolution.invalid');
          }
        }
        if (!Object.keys(found).length) found[kind] = errorText(this, info);
      }
      if (info.status !== 412) this.emit(new CcErrorEvent(info));
      this.errors = found;
      if (!found[kind]) void this.#focusError();
    } finally {
      this.#busy = undefined;
      this.requestUpdate();
    }
  }

  async #focusError(): Promise<void> {
    await this.updateComplete;
    const id = Object.keys(this.errors)[0];
    if (id) {
      this.renderRoot
        .querySelector<HTMLElement>(id.endsWith('-choice') ? `[name=${id}]` : `#${id}`)
        ?.focus();
    }
  }
}

/** `record` without `key`. */
function without<T extends object>(record: T, key: string): T {
  const copy = { ...record };
  delete (copy as Record<string, unknown>)[key];
  return copy;
}
