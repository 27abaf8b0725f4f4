import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  CHANNELS,
  COMPLAINT_SEVERITIES,
  maskName,
  maskPhone,
  timeZoneOffset,
  validateCustomFields,
} from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { localized, optionsOf } from '../shared/controls.js';
import { describeError, type ErrorInfo } from '../shared/errors.js';
import { CcErrorEvent } from '../shared/events.js';
import { emptyTemplate, errorTemplate, errorText } from '../shared/status.js';
import { CcComplaintSubmitEvent, CcComplaintSubmittedEvent } from './complaint-form.events.js';
import { messages } from './complaint-form.i18n.js';
import { styles } from './complaint-form.styles.js';
import { deleteDraft, readDraft, writeDraft, type Draft } from './drafts.js';

type Category = Schema<'ComplaintCategory'>;
type Ticket = Schema<'Ticket'>;
export type ComplaintCreate = Schema<'ComplaintCreate'>;

/** What a host may fill in (`.prefill`): the customer and call data its CRM already has. */
export interface ComplaintPrefill {
  customer?: { name?: string; phone?: string; customerId?: string };
  channel?: Schema<'Channel'>;
  categoryId?: string;
  severity?: Schema<'ComplaintSeverity'>;
  description?: string;
  desiredResolution?: string;
  relatedTicketId?: string;
  relatedCallId?: string;
  /** RFC 3339. */
  preferredCallbackAt?: string;
  customFields?: Record<string, string | number>;
}

/** The fixed fields' limits: those of `ComplaintCreate` in the API contract (a test compares). */
export const FIELD_RULES: Readonly<
  Record<string, { required?: boolean; min?: number; max?: number; pattern?: string }>
> = {
  customerName: { required: true, max: 100 },
  customerPhone: { max: 32, pattern: '^[0-9+*() -]{3,32}$' },
  customerId: { max: 64 },
  channel: { required: true },
  categoryId: { required: true },
  severity: { required: true },
  description: { required: true, min: 10, max: 20000 },
  desiredResolution: { max: 4000 },
  relatedTicketId: { max: 64, pattern: '^[A-Za-z0-9_-]+$' },
  relatedCallId: { max: 64, pattern: '^[A-Za-z0-9_-]+$' },
};

const ROUTING_ROLES = ['complaint_supervisor', 'operations_manager'];
const TRANSIENT = ['network', 'timeout', 'server', 'rate_limited'];
/** The properties a host may set as attributes (`customer-name` ...) instead of `.prefill`. */
const ATTRS = [
  'customerName',
  'customerPhone',
  'customerId',
  'channel',
  'categoryId',
  'relatedTicketId',
  'relatedCallId',
] as const;

interface Issue {
  code: string;
  n?: number | undefined;
}

/**
 * Complaint intake during a call: the customer, channel, a two-level searchable category with its
 * own fields from the API, severity, description, what the customer asks for, related ticket or
 * call and a preferred callback time. Shows the handling department and acknowledgement deadline
 * the routing rules give as the category, severity and channel change (complaint roles may choose
 * another department). Validates as the user types with the server's own rules, maps the server's
 * field errors back, keeps a draft on the device (IndexedDB, per user and `draft-key`, 7 days) and
 * files it exactly once: a submission that fails on the network or the server stays queued on the
 * device and is sent again, with the same idempotency key, until the server answers.
 * Form-associated: inside a host `<form>` its `value` (the complaint as JSON) and validity take part.
 *
 * @summary Complaint form: custom fields, routing preview, drafts and exactly-once filing.
 * @fires cc-complaint-submit - About to file; `event.complaint` is the body. Cancelable.
 * @fires cc-complaint-submitted - Filed; `event.ticketId`, `event.number`, `event.ticket`.
 * @fires cc-error - Loading or filing failed; `{ code, status, requestId, retryable }`.
 * @csspart form - The form.
 * @csspart field - One label, control and message.
 * @csspart routing - The handling department and deadline preview.
 * @csspart notice - The draft-restored and sending notices.
 * @csspart confirmation - What is shown once the complaint is filed.
 * @cssprop --cc-complaint-form-gap - Space between fields (default: --cc-space-3).
 * @cssprop --cc-complaint-form-columns - Minimum column width of the field grid (default: 14rem).
 * @cssprop --cc-complaint-form-background - The form's surface (default: --cc-color-surface).
 * @cssstate loading - While categories and the signed-in user load.
 * @cssstate error - Loading failed.
 * @cssstate queued - A submission is saved on the device and being sent again.
 * @cssstate submitted - The confirmation is shown.
 */
export class CcComplaintForm extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];
  static formAssociated = true;

  /** Scopes the saved draft on this device (with the signed-in user): one draft per key. */
  @property({ attribute: 'draft-key' }) draftKey = 'default';
  /** Values the host's CRM fills in. */
  @property({ attribute: false }) prefill: ComplaintPrefill = {};
  /** Fields the host owns and the user may not change, e.g. `customerName customerPhone`. */
  @property({
    attribute: 'readonly-fields',
    converter: (v) => (v ?? '').split(/[\s,]+/).filter(Boolean),
  })
  readonlyFields: string[] = [];
  /** Name in a host `<form>`'s data. */
  @property() name = '';
  @property({ attribute: 'customer-name' }) customerName?: string;
  @property({ attribute: 'customer-phone' }) customerPhone?: string;
  @property({ attribute: 'customer-id' }) customerId?: string;
  @property() channel?: string;
  @property({ attribute: 'category-id' }) categoryId?: string;
  @property({ attribute: 'related-ticket-id' }) relatedTicketId?: string;
  @property({ attribute: 'related-call-id' }) relatedCallId?: string;

  @state() private values: Record<string, string> = {};
  @state() private query = '';
  @state() private showAll = false;
  @state() private done?: Ticket;
  @state() private busy = false;
  @state() private queued = false;
  @state() private restoredAt?: number;
  @state() private failure?: ErrorInfo;
  @state() private formDisabled = false;
  #touched = new Set<string>();
  #serverErrs = new Map<string, Issue>();
  #issues = new Map<string, Issue>();
  #draft?: Draft;
  #draftId?: string;
  #saveTimer?: ReturnType<typeof setTimeout>;
  /**
   * Changes to the draft not yet written to the device. While there are any, the page's
   * `beforeunload` writes them: Chromium drops IndexedDB writes begun in `pagehide` when the page
   * is reloaded or left, so what was typed in the last moments before would be lost.
   */
  #unsaved = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #attempt = 0;
  /**
   * First wait (ms) before sending a queued complaint again; doubles up to a minute.
   * @internal
   */
  retryDelay = 2000;

  #m = () => this.msg(messages);
  #announcer = new Announcer(this);

  #ref = new DataController(this, {
    args: () => [] as const,
    task: async (_, { client, signal }) => {
      const [me, categories, departments] = await Promise.all([
        client.me.get({ signal }),
        client.complaintCategories.iterate({}, { signal }).toArray({ limit: 1000 }),
        client.departments.iterate({}, { signal }).toArray({ limit: 1000 }),
      ]);
      return { me, categories, departments };
    },
    isEmpty: () => false,
  });

  #routing = new Task(this, {
    args: () =>
      [this.resolvedClient, this.values.categoryId, this.values.severity, this.values.channel] as [
        typeof this.resolvedClient,
        string?,
        string?,
        string?,
      ],
    task: ([client, categoryId, severity, channel], { signal }) =>
      client && categoryId
        ? client.complaints.suggestRouting(
            {
              categoryId,
              ...(severity ? { severity: severity as Category['defaultSeverity'] } : {}),
              ...(channel ? { channel: channel as Schema<'Channel'> } : {}),
            },
            { signal },
          )
        : Promise.resolve(undefined),
  });

  // ---- public form-control surface --------------------------------------------------------------

  /** The complaint as it would be filed now. */
  get value(): ComplaintCreate {
    return this.#body();
  }
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  formResetCallback(): void {
    this.#reset();
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Files the complaint (what the submit button does). */
  async submit(): Promise<void> {
    if (this.busy || this.queued || this.#flag()) return;
    const body = this.#body();
    if (!this.emit(new CcComplaintSubmitEvent(body))) return;
    const draft = this.#ensureDraft();
    draft.queued = body;
    this.#changed();
    await this.#save();
    await this.#send();
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.#flush);
    addEventListener('online', this.#resend);
    if (this.#draft?.queued) void this.#send();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#flush);
    removeEventListener('online', this.#resend);
    removeEventListener('beforeunload', this.#flush);
    clearTimeout(this.#retryTimer);
    this.#flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (['prefill', ...ATTRS].some((k) => (changed as Map<string, unknown>).has(k))) {
      this.values = this.hasUpdated ? { ...this.values, ...this.#base(false) } : this.#base();
    }
    const me = this.#ref.data?.me;
    const id = me && `${me.user.id} ${this.draftKey}`;
    if (id && id !== this.#draftId) {
      this.#draftId = id;
      void this.#restore(id);
    }
    this.#issues = this.#validate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setState('queued', this.queued);
    this.setState('submitted', !!this.done);
    this.internals.setFormValue(JSON.stringify(this.#body()));
    const [key, issue] = [...this.#issues][0] ?? [];
    this.internals.setValidity(
      { customError: !!issue },
      issue && this.#errText(key!, issue),
      (key && this.#control(key)) || undefined,
    );
  }

  // ---- values ------------------------------------------------------------------------------------

  /** Values from `.prefill` and the attributes (and the defaults). */
  #base(defaults = true): Record<string, string> {
    const {
      customer: c = {},
      customFields = {},
      preferredCallbackAt: at,
      ...p
    } = this.prefill ?? {};
    const out: Record<string, string | undefined> = {
      customerName: c.name,
      customerPhone: c.phone,
      customerId: c.customerId,
      ...p,
      preferredCallbackAt: at && this.#toLocal(at),
    };
    for (const [key, value] of Object.entries(customFields)) out[`cf.${key}`] = `${value}`;
    for (const key of ATTRS) {
      const attr = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      if (this[key] != null && out[key] == null && this.hasAttribute(attr)) out[key] = this[key];
    }
    if (defaults) out.channel ??= 'phone';
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v != null)) as Record<
      string,
      string
    >;
  }

  #category(id = this.values.categoryId): Category | undefined {
    return this.#ref.data?.categories.find((c) => c.id === id);
  }

  #customFields(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const def of this.#category()?.customFields ?? []) {
      const raw = this.values[`cf.${def.key}`];
      if (!raw?.trim()) continue;
      out[def.key] = def.type === 'number' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    return out;
  }

  #body(): ComplaintCreate {
    const v = this.values;
    const given = (...keys: string[]) =>
      Object.fromEntries(keys.filter((k) => v[k]?.trim()).map((k) => [k, v[k]]));
    const fields = this.#customFields();
    const at = v.preferredCallbackAt && this.#toIso(v.preferredCallbackAt);
    return {
      customer: {
        name: v.customerName ?? '',
        ...(v.customerPhone?.trim() ? { phone: v.customerPhone } : {}),
        ...given('customerId'),
      },
      channel: v.channel,
      categoryId: v.categoryId,
      severity: v.severity,
      description: v.description ?? '',
      ...given('desiredResolution'),
      ...(Object.keys(fields).length ? { customFields: fields } : {}),
      ...given('relatedTicketId', 'relatedCallId'),
      ...(at ? { preferredCallbackAt: at } : {}),
      ...given('departmentId'),
    } as ComplaintCreate;
  }

  /** Offset of the configured time zone (else the browser's) at `ms`. */
  #offset(ms: number): number {
    const zone = this.resolvedTimeZone;
    return zone ? timeZoneOffset(zone, ms) : -new Date(ms).getTimezoneOffset() * 60000;
  }

  /** `datetime-local` value (wall clock in the time zone) to RFC 3339 UTC. */
  #toIso(local: string): string | undefined {
    const guess = Date.parse(`${local}Z`);
    if (Number.isNaN(guess)) return undefined;
    return new Date(guess - this.#offset(guess - this.#offset(guess))).toISOString();
  }

  #toLocal(iso: string): string {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? '' : new Date(ms + this.#offset(ms)).toISOString().slice(0, 16);
  }

  // ---- validation --------------------------------------------------------------------------------

  #validate(): Map<string, Issue> {
    const out = new Map<string, Issue>();
    for (const [key, rule] of Object.entries(FIELD_RULES)) {
      const value = this.values[key] ?? '';
      const length = [...value].length;
      if (!value.trim()) {
        if (rule.required) out.set(key, { code: 'required' });
      } else if (rule.min && length < rule.min) out.set(key, { code: 'minLength', n: rule.min });
      else if (rule.max && length > rule.max) out.set(key, { code: 'maxLength', n: rule.max });
      else if (rule.pattern && !new RegExp(rule.pattern).test(value)) {
        out.set(key, { code: 'pattern' });
      }
    }
    if (this.values.preferredCallbackAt && !this.#toIso(this.values.preferredCallbackAt)) {
      out.set('preferredCallbackAt', { code: 'date' });
    }
    const defs = this.#category()?.customFields ?? [];
    for (const issue of validateCustomFields(defs, this.#customFields())) {
      const type = defs.find((d) => d.key === issue.key)?.type;
      const code =
        issue.code !== 'type' ? issue.code : type === 'select' ? 'option' : (type ?? 'invalid');
      out.set(`cf.${issue.key}`, { code, n: issue.limit });
    }
    for (const [key, issue] of this.#serverErrs) if (!out.has(key)) out.set(key, issue);
    return out;
  }

  #errText(key: string, { code, n }: Issue): string {
    const limit = n ?? FIELD_RULES[key]?.[code === 'minLength' ? 'min' : 'max'] ?? 0;
    // `enum` (the server's word for a value outside the options) reads as `option`.
    const id = `complaintForm.err.${code === 'enum' ? 'option' : code}`;
    return (this.#m() as (key: string, p: { n: string | number }) => string)(
      id in messages.en ? id : 'complaintForm.err.invalid',
      { n: /^m(in|ax)$/.test(code) ? this.fmt.number(limit) : limit },
    );
  }

  #shown(key: string): Issue | undefined {
    return this.showAll || this.#touched.has(key) || this.#serverErrs.has(key)
      ? this.#issues.get(key)
      : undefined;
  }

  /** Shows every field's message; when any, announces how many and focuses the first. */
  #flag(): boolean {
    this.showAll = true;
    this.#issues = this.#validate();
    if (!this.#issues.size) return false;
    this.#announcer.announce(this.#m()('complaintForm.fix', { n: this.#issues.size }));
    this.requestUpdate();
    void this.#focusFirst('[aria-invalid=true]');
    return true;
  }

  /** After the next render, focuses the first element that matches. */
  async #focusFirst(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---- drafts and filing -------------------------------------------------------------------------

  #ensureDraft(): Draft {
    const now = Date.now();
    return (this.#draft ??= {
      id: this.#draftId!,
      values: {},
      key: crypto.randomUUID(),
      created: now,
      updated: now,
    });
  }

  async #restore(id: string): Promise<void> {
    clearTimeout(this.#retryTimer);
    this.values = this.#base();
    this.#draft = undefined;
    this.restoredAt = undefined;
    this.queued = false;
    const draft = await readDraft(id).catch(() => undefined);
    if (id !== this.#draftId || !draft) return;
    this.#draft = draft;
    const owned = Object.entries(this.#base()).filter(([k]) => this.readonlyFields.includes(k));
    this.values = { ...draft.values, ...Object.fromEntries(owned) };
    this.restoredAt = draft.updated;
    if (draft.queued) void this.#send();
  }

  /** The draft changed: it is written soon, or at once if the page goes away first. */
  #changed(): void {
    if (!this.#unsaved++) addEventListener('beforeunload', this.#flush);
  }

  #save = async (): Promise<void> => {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const draft = this.#draft;
    const changes = this.#unsaved;
    if (!draft) {
      this.#unsaved = 0;
      return removeEventListener('beforeunload', this.#flush);
    }
    draft.values = { ...this.values };
    draft.updated = Date.now();
    await writeDraft(draft).catch(() => undefined);
    if (this.#unsaved === changes) {
      this.#unsaved = 0;
      removeEventListener('beforeunload', this.#flush);
    }
  };

  #flush = (): void => {
    if (this.#saveTimer !== undefined || this.#unsaved) void this.#save();
  };

  #resend = (): void => {
    this.#attempt = 0;
    if (this.#draft?.queued) void this.#send();
  };

  async #send(): Promise<void> {
    const draft = this.#draft;
    const client = this.resolvedClient;
    if (!draft?.queued || !client || this.busy) return;
    clearTimeout(this.#retryTimer);
    this.busy = true;
    this.failure = undefined;
    try {
      // Only ever its owner's: the page may have signed in as someone else since it was queued.
      const me = await client.me.get();
      if (!draft.id.startsWith(`${me.user.id} `)) return;
      const ticket = await client.complaints.file(draft.queued, { idempotencyKey: draft.key });
      this.#draft = undefined;
      await deleteDraft(draft.id).catch(() => undefined);
      this.queued = false;
      this.#attempt = 0;
      this.restoredAt = undefined;
      this.done = ticket;
      this.emit(new CcComplaintSubmittedEvent(ticket));
      this.#announcer.announce(this.#m()('complaintForm.done'));
      await this.#focusFirst('h2');
    } catch (error) {
      const info = describeError(error);
      if (TRANSIENT.includes(info.kind) || info.code === 'idempotency-in-progress') {
        if (!this.queued) this.emit(new CcErrorEvent(info));
        this.queued = true;
        const wait = Math.min(60000, this.retryDelay * 2 ** this.#attempt++);
        this.#retryTimer = setTimeout(() => void this.#send(), wait * (0.5 + Math.random() / 2));
        return;
      }
      draft.queued = undefined;
      this.queued = false;
      void this.#save();
      this.emit(new CcErrorEvent(info));
      const errors = (error as { errors?: { path: string; code?: string }[] }).errors ?? [];
      for (const e of errors) {
        const key = e.path
          .replace(/^\/body\/(customFields\/)?/, (_, cf?: string) => (cf ? 'cf.' : ''))
          .replace(/^customer\/(name|phone)?/, (_, f?: string) =>
            f ? `customer${f[0]!.toUpperCase()}${f.slice(1)}` : '',
          );
        if (this.#control(key)) this.#serverErrs.set(key, { code: e.code ?? 'invalid' });
      }
      if (!this.#serverErrs.size || !this.#flag()) this.failure = info;
    } finally {
      this.busy = false;
    }
  }

  #reset = (): void => {
    clearTimeout(this.#retryTimer);
    if (this.#draft && !this.queued) void deleteDraft(this.#draft.id).catch(() => undefined);
    if (!this.queued) this.#draft = undefined;
    this.values = this.#base();
    this.#touched.clear();
    this.#serverErrs.clear();
    this.showAll = false;
    this.restoredAt = undefined;
    this.failure = undefined;
    this.done = undefined;
  };

  #another = async (): Promise<void> => {
    this.#reset();
    await this.#focusFirst('input:not([readonly]),select:not([disabled])');
  };

  // ---- events ------------------------------------------------------------------------------------

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const key = target.name;
    if (!key || this.#locked(key)) return;
    const next = { ...this.values, [key]: target.value };
    if (key === 'categoryId' && !next.severity) {
      const category = this.#category(target.value);
      if (category) next.severity = category.defaultSeverity;
    }
    this.values = next;
    this.#serverErrs.delete(key);
    this.#ensureDraft();
    this.#changed();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(this.#save, 400);
  };

  #onBlur = (event: Event): void => {
    const key = (event.target as HTMLInputElement).name;
    if (key && !this.#touched.has(key) && this.values[key]) {
      this.#touched.add(key);
      this.requestUpdate();
    }
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  // ---- rendering ---------------------------------------------------------------------------------

  #control(key: string): HTMLElement | null {
    return this.renderRoot.querySelector(`[name="${key}"]`);
  }

  #locked(key: string): boolean {
    return this.readonlyFields.includes(key) || this.busy || this.queued || this.formDisabled;
  }

  /**
   * One field: label, control, hint and message. `type` is an input's type, `textarea`, or
   * `select` (its `options` rendered, e.g. by `optionsOf`).
   */
  #field(
    key: string,
    type = 'text',
    {
      label = this.#m()(`complaintForm.${key}` as 'complaintForm.title'),
      hint,
      required = FIELD_RULES[key]?.required ?? false,
      options = [],
      empty = this.#m()('complaintForm.choose'),
    }: {
      label?: string;
      hint?: string | undefined;
      required?: boolean;
      options?: unknown;
      empty?: string;
    } = {},
  ): TemplateResult {
    const issue = this.#shown(key);
    const invalid = issue ? 'true' : 'false';
    const locked = this.#locked(key);
    const masked = !this.#ref.data?.me.personalDataVisible && this.readonlyFields.includes(key);
    let value = this.values[key] ?? '';
    if (masked && key === 'customerName') value = maskName(value);
    if (masked && key === 'customerPhone') value = maskPhone(value);
    return html`<div class="field" part="field">
      <label for=${key}
        >${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label
      >
      ${
        type === 'select'
          ? html`<select
              id=${key}
              name=${key}
              ?disabled=${locked}
              ?required=${required}
              aria-invalid=${invalid}
              aria-describedby="e-${key}"
            >
              <option value="" ?selected=${!this.values[key]}>${empty}</option>
              ${options}
            </select>`
          : type === 'textarea'
            ? html`<textarea
                id=${key}
                name=${key}
                rows=${key === 'description' ? 4 : 2}
                .value=${value}
                ?readonly=${locked}
                ?required=${required}
                aria-invalid=${invalid}
                aria-describedby="e-${key}"
              ></textarea>`
            : html`<input
                id=${key}
                name=${key}
                type=${type}
                .value=${value}
                ?readonly=${locked}
                ?required=${required}
                aria-invalid=${invalid}
                aria-describedby="e-${key} h-${key}"
                autocomplete="off"
              />`
      }
      ${hint ? html`<p class="hint" id="h-${key}">${hint}</p>` : nothing}
      <p class="error" id="e-${key}">${issue ? this.#errText(key, issue) : ''}</p>
    </div>`;
  }

  protected override render(): unknown {
    return html`${this.#announcer.render()}${this.#ref.render({
      complete: ({ me, categories, departments }) => {
        if (!me.permissions.includes('fileComplaint')) {
          return emptyTemplate(this, this.t('error.forbidden'));
        }
        const m = this.#m();
        const dept = (id?: string | null) =>
          localized(this, departments.find((d) => d.id === id)?.name);
        /** The handling department and acknowledgement deadline (routing preview, confirmation). */
        const facts = (to?: string | null, by?: string, level?: number) =>
          html`<dl>
            <dt>${this.t('complaint.department')}</dt>
            <dd>
              ${dept(to)}${
                level ? html` · ${this.t('complaint.escalationLevel', { level })}` : nothing
              }
            </dd>
            <dt>${m('complaintForm.deadline')}</dt>
            <dd>${by ? this.fmt.date(by) : ''}</dd>
          </dl>`;
        const notice = (text: string, spinner?: boolean) =>
          html`<div class="notice" part="notice" role="status">
            ${spinner ? html`<span class="cc-spinner" aria-hidden="true"></span>` : nothing}<span
              >${text}</span
            >
          </div>`;
        const set = (legend: string, fields: unknown) =>
          html`<fieldset>
            <legend>${m(`complaintForm.${legend}` as 'complaintForm.title')}</legend>
            ${fields}
          </fieldset>`;
        if (this.done) {
          return html`<section class="done" part="confirmation">
            <h2 tabindex="-1">${m('complaintForm.done')}</h2>
            <p class="number">${m('complaintForm.ticket', { n: this.done.number })}</p>
            ${facts(this.done.departmentId, this.done.complaint?.acknowledgeBy)}
            <button class="cc-button" data-variant="primary" type="button" @click=${this.#another}>
              ${m('complaintForm.another')}
            </button>
          </section>`;
        }
        const v = this.values;
        const q = this.query.trim().toLowerCase();
        const hit = (c: Category) =>
          [c.code, ...Object.values(c.name)].some((s) => s.toLowerCase().includes(q));
        const groups = categories
          .filter((p) => !p.parentId)
          .map((p) => ({
            p,
            items: categories.filter(
              (c) =>
                c.parentId === p.id &&
                c.active &&
                (!q || c.id === v.categoryId || hit(c) || hit(p)),
            ),
          }))
          .filter((g) => g.items.length);
        const suggestion = this.#routing.value;
        return html`${
            this.restoredAt
              ? notice(
                  m('complaintForm.restored', {
                    time: this.fmt.date(this.restoredAt, 'dateTime'),
                  }),
                )
              : nothing
          }
          ${this.queued ? notice(m('complaintForm.queued'), true) : nothing}
          ${this.failure ? errorTemplate(this, this.failure) : nothing}
          <form
            part="form"
            novalidate
            aria-labelledby="title"
            @input=${this.#onInput}
            @focusout=${this.#onBlur}
            @submit=${this.#onSubmit}
          >
            <h2 id="title">${m('complaintForm.title')}</h2>
            ${set('customer', [
              this.#field('customerName'),
              this.#field('customerPhone', 'tel'),
              this.#field('customerId'),
            ])}
            ${set('complaint', [
              this.#field('channel', 'select', {
                options: optionsOf(
                  CHANNELS.map((c) => [c, this.t(`ticket.channel.${c}`)]),
                  v.channel,
                ),
              }),
              html`<div class="field" part="field">
                <label for="query">${m('complaintForm.categoryQuery')}</label>
                <input
                  id="query"
                  type="search"
                  autocomplete="off"
                  .value=${this.query}
                  ?readonly=${this.#locked('categoryId')}
                  @input=${(e: Event) => {
                    e.stopPropagation();
                    this.query = (e.target as HTMLInputElement).value;
                  }}
                />
              </div>`,
              this.#field('categoryId', 'select', {
                options: groups.map(
                  (g) =>
                    html`<optgroup label=${localized(this, g.p.name)}>
                      ${optionsOf(
                        g.items.map((c) => [c.id, localized(this, c.name)]),
                        v.categoryId,
                      )}
                    </optgroup>`,
                ),
              }),
              this.#field('severity', 'select', {
                options: optionsOf(
                  COMPLAINT_SEVERITIES.map((s) => [s, this.t(`complaint.severity.${s}`)]),
                  v.severity,
                ),
              }),
              this.#field('description', 'textarea'),
              this.#field('desiredResolution', 'textarea'),
              this.#category()?.customFields.map((d) =>
                this.#field(`cf.${d.key}`, d.type, {
                  label: localized(this, d.label),
                  hint: (d.type !== 'select' && localized(this, d.help)) || undefined,
                  required: d.required,
                  options: optionsOf(
                    (d.options ?? []).map((o) => [o.value, localized(this, o.label)]),
                    v[`cf.${d.key}`],
                  ),
                }),
              ),
            ])}
            <section class="routing" part="routing" aria-live="polite">
              ${
                !v.categoryId
                  ? html`<p>${m('complaintForm.routingHint')}</p>`
                  : this.#routing.render({
                      pending: () => html`<p>${this.t('loading')}</p>`,
                      error: (e) => html`<p>${errorText(this, describeError(e))}</p>`,
                      complete: (s) =>
                        s ? facts(s.departmentId, s.acknowledgeBy, s.escalationLevel) : nothing,
                    })
              }
            </section>
            ${
              ROUTING_ROLES.includes(me.role) && suggestion
                ? this.#field('departmentId', 'select', {
                    label: this.t('complaint.department'),
                    required: false,
                    options: optionsOf(
                      departments
                        .filter((d) => d.active)
                        .map((d) => [d.id, localized(this, d.name)]),
                      v.departmentId,
                    ),
                    empty: m('complaintForm.suggested', { name: dept(suggestion.departmentId) }),
                  })
                : nothing
            }
            ${set('followUp', [
              this.#field('relatedTicketId'),
              this.#field('relatedCallId'),
              this.#field('preferredCallbackAt', 'datetime-local'),
            ])}
            <div class="actions">
              <button
                class="cc-button"
                data-variant="primary"
                type="submit"
                ?disabled=${this.busy || this.queued || this.formDisabled}
              >
                ${this.busy ? this.t('sending') : m('complaintForm.submit')}
              </button>
              ${
                this.#draft && !this.queued && !this.busy
                  ? html`<button class="cc-button" type="button" @click=${this.#reset}>
                      ${m('complaintForm.discard')}
                    </button>`
                  : nothing
              }
            </div>
          </form>`;
      },
    })}`;
  }
}
