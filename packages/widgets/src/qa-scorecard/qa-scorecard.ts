import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { scoreEvaluation, validateAnswers, type AnswerIssue } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import { localized } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { errorText, reportError } from '../shared/status.js';
import { createSubElement } from '../shared/sub-element.js';
import {
  CcEvaluationAcknowledgedEvent,
  CcEvaluationSavedEvent,
  CcEvaluationSubmittedEvent,
} from './qa-scorecard.events.js';
import { messages } from './qa-scorecard.i18n.js';
import { styles } from './qa-scorecard.styles.js';
import { scaleValues, scoreText, valueText } from './qa-text.js';

type Evaluation = Schema<'Evaluation'>;
type Template = Schema<'ScorecardTemplate'>;
type Criterion = Schema<'ScorecardCriterion'>;
type Answer = Schema<'EvaluationAnswer'>;
type Ticket = Schema<'Ticket'>;
type Text = Schema<'LocalizedText'>;

interface Loaded {
  ev: Evaluation;
  tpl: Template;
  /** The linked tickets, then (while editable) the linkable ones about the same call. */
  tickets: Ticket[];
  agent: string;
  role: string;
  call: Schema<'Call'> | undefined;
}
interface Listed {
  list: Evaluation[];
  names: Map<string, string>;
  role: string;
  templates: Map<string, Text>;
}
type Data = Loaded | Listed;

/** The sub-element for disputes, their resolution and the history, loaded when first needed. */
type Review = HTMLElement & Partial<{ evaluation: Evaluation; template: Template; mode: string }>;

const KEY = 'cc-qa-draft:';

/**
 * A call's QA evaluation on its scorecard: the evaluator scores it (live total and section scores
 * computed with the same rules the server stores) and links the justified complaints and praise
 * about the call (those whose related call it is are offered), the agent reads, acknowledges or disputes it,
 * a reviewer resolves the dispute, and every revision stays in the history. Without
 * `evaluation-id` it lists the evaluations the signed-in role may see.
 *
 * @summary QA scorecard: evaluate, acknowledge, dispute and resolve an evaluation.
 * @fires cc-evaluation-saved - A draft was saved; `event.evaluation`.
 * @fires cc-evaluation-submitted - The evaluation was submitted; `event.evaluation`.
 * @fires cc-evaluation-acknowledged - The agent acknowledged it; `event.evaluation`.
 * @fires cc-dispute-submitted - The agent disputed criteria; `event.evaluation`.
 * @fires cc-dispute-resolved - A reviewer resolved the dispute; `event.evaluation`.
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart total - The total score.
 * @csspart section - One section of criteria.
 * @csspart criterion - One criterion (a labelled group).
 * @csspart actions - The action buttons.
 * @csspart links - The linked complaints and praise (a group of checkboxes while editable).
 * @cssprop --cc-qa-scorecard-background - Surface colour (default: --cc-color-surface).
 * @cssprop --cc-qa-scorecard-failed-color - Colour of a failed critical item (default: --cc-color-danger).
 * @cssstate loading - While the evaluation loads.
 * @cssstate empty - No evaluation to show.
 * @cssstate error - Loading failed.
 * @cssstate dirty - Answers not saved to the server yet.
 * @cssstate failed - A critical item was answered "no".
 */
export class CcQaScorecard extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The evaluation to show; without it, the list of evaluations. */
  @property({ attribute: 'evaluation-id' }) evaluationId?: string;

  /** With `template-id` and no `evaluation-id`: an evaluator may start a new evaluation of this agent. */
  @property({ attribute: 'agent-id' }) agentId?: string;
  /** The scorecard template a new evaluation uses (its latest version). */
  @property({ attribute: 'template-id' }) templateId?: string;
  /** The call a new evaluation scores. */
  @property({ attribute: 'call-id' }) callId?: string;

  /** The answers as they stand on screen (the evaluator's working copy). */
  @state() answers = new Map<string, Answer>();
  @state() private note = '';
  #noteChanged = false;
  @state() private dirty = false;
  @state() private busy = false;
  @state() private line = '';
  @state() private stale = false;
  @state() private restored = false;
  @state() private issues = new Map<string, string>();
  @state() private disputing = false;
  /** The linked tickets as the evaluator set them, until saved (undefined: unchanged). */
  @state() private links?: string[];
  /** The evaluation as the server last returned it. */
  @state() evaluation?: Evaluation;

  #m = () => this.msg(messages);
  #announcer = new Announcer(this);
  #review?: Review;
  private reviewing?: Promise<void>;
  #calibration?: HTMLElement;

  #data = new DataController(this, {
    args: () => [this.evaluationId] as const,
    task: async ([id], { client, signal }): Promise<Data> => {
      if (!id) {
        const [page, staff, templates, me] = await Promise.all([
          client.qa.evaluations.list({ limit: 25 }, { signal }),
          client.agents.list({ limit: 200 }, { signal }).catch(() => ({ items: [] })),
          client.qa.templates.list({ limit: 50 }, { signal }),
          client.me.get({ signal }),
        ]);
        return {
          list: page.items,
          names: new Map(staff.items.map((a) => [a.id, a.displayName ?? a.name])),
          templates: new Map(templates.items.map((t) => [t.id, t.name])),
          role: me.role,
        };
      }
      const ev = await client.qa.evaluations.get(id, { signal });
      const [tpl, tickets, offer, agent, me, call] = await Promise.all([
        client.qa.templates.get(ev.templateId, { version: ev.templateVersion }, { signal }),
        Promise.all(
          ev.linkedTicketIds.map((t) => client.tickets.get(t, { signal }).catch(() => undefined)),
        ),
        // What the evaluator may link: justified complaints and praise about the call scored.
        ev.callId && ev.allowedActions.includes('edit')
          ? client.tickets
              .list({ kind: ['complaint', 'praise'], sort: '-createdAt', limit: 100 }, { signal })
              .then(
                (p) =>
                  p.items.filter(
                    (t) =>
                      t.relatedCallId === ev.callId &&
                      (t.kind === 'praise' || t.complaint?.verdict?.justified) &&
                      !ev.linkedTicketIds.includes(t.id),
                  ),
                () => [],
              )
          : [],
        client.agents.get(ev.agentId, { signal }).then(
          (a) => a.displayName ?? a.name,
          () => ev.agentId,
        ),
        client.me.get({ signal }),
        ev.callId ? client.calls.get(ev.callId, { signal }).catch(() => undefined) : undefined,
      ]);
      const loaded = {
        call,
        ev,
        tpl,
        tickets: [...tickets.filter((t): t is Ticket => !!t), ...offer],
        agent,
        role: me.role,
      };
      this.#adopt(ev);
      return loaded;
    },
    isEmpty: (d) => 'list' in d && d.list.length === 0,
  });

  #unload = (e: BeforeUnloadEvent) => {
    if (this.dirty) e.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeunload', this.#unload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeunload', this.#unload);
  }

  // ---- state ------------------------------------------------------------------------------------

  get #loaded(): Loaded | undefined {
    const d = this.#data.data;
    return d && 'ev' in d && d.ev.id === this.evaluationId ? d : undefined;
  }

  get #editable(): boolean {
    return !!this.evaluation?.allowedActions.includes('edit');
  }

  /** Takes the server's evaluation; keeps unsaved answers (and restores a local draft). */
  #adopt(ev: Evaluation): void {
    const same = this.evaluation?.id === ev.id;
    this.evaluation = ev;
    this.stale = false;
    if (this.dirty && same) return;
    const local = ev.allowedActions.includes('edit') && localStorage.getItem(KEY + ev.id);
    const draft = (local ? JSON.parse(local) : { answers: ev.answers, note: ev.comment }) as {
      answers: Answer[];
      note: string;
      links?: string[];
    };
    this.answers = new Map(draft.answers.map((a) => [a.criterionId, a]));
    this.#noteChanged = draft.note !== ev.comment;
    this.note = draft.note;
    this.links = draft.links;
    this.dirty = this.restored = !!local;
    this.issues = new Map();
    this.setState('dirty', this.dirty);
  }

  #change(id: string, patch: Partial<Answer>): void {
    const tpl = this.#loaded?.tpl;
    if (!tpl) return;
    const before = scoreEvaluation(tpl, [...this.answers.values()]);
    const prev = this.answers.get(id) ?? { criterionId: id, value: null, na: false, comment: null };
    const next = { ...prev, ...patch };
    if (next.na) next.value = null;
    this.answers = new Map(this.answers).set(id, next);
    this.issues.delete(id);
    this.#markDirty();
    const after = scoreEvaluation(tpl, [...this.answers.values()]);
    const failed = (s: typeof after) => s.sections.filter((x) => x.failedCritical).length;
    if (after.fatalFailed && !before.fatalFailed)
      this.#announcer.announce(this.#m()('qaScorecard.fatal'));
    else if (failed(after) > failed(before))
      this.#announcer.announce(this.#m()('qaScorecard.sectionFailed'));
  }

  #markDirty(): void {
    this.dirty = true;
    this.setState('dirty', true);
    const ev = this.evaluation;
    if (ev)
      localStorage.setItem(
        KEY + ev.id,
        JSON.stringify({ answers: [...this.answers.values()], note: this.note, links: this.links }),
      );
  }

  #clean(ev: Evaluation): void {
    localStorage.removeItem(KEY + ev.id);
    this.links = undefined;
    this.dirty = this.restored = this.#noteChanged = false;
    this.setState('dirty', false);
  }

  // ---- writes -----------------------------------------------------------------------------------

  async #run(
    work: (
      client: NonNullable<CcQaScorecard['resolvedClient']>,
      ev: Evaluation,
    ) => Promise<Evaluation>,
    done?: (ev: Evaluation) => Event,
  ): Promise<Evaluation | undefined> {
    const client = this.resolvedClient;
    const ev = this.evaluation;
    if (!client || !ev || this.busy) return;
    this.busy = true;
    this.line = this.t('sending');
    try {
      const next = await work(client, ev);
      this.evaluation = next;
      this.line = '';
      if (done) this.emit(done(next));
      return next;
    } catch (e) {
      const info = reportError(this, e);
      this.stale = info.status === 412;
      this.line = errorText(this, info);
      if (info.status === 422) this.mapErrors(e, ev);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Saves the working answers (every criterion in template order) when they changed. */
  save = async (): Promise<Evaluation | undefined> => {
    const tpl = this.#loaded?.tpl;
    if (!tpl) return;
    const answers = tpl.sections.flatMap((s) =>
      s.criteria.flatMap((c) => {
        const a = this.answers.get(c.id);
        return a
          ? [
              {
                criterionId: c.id,
                value: a.na ? null : a.value,
                na: a.na,
                comment: a.comment ?? null,
              },
            ]
          : [];
      }),
    );
    const note = this.#noteChanged || !answers.length ? { comment: this.note } : {};
    const links = this.links ? { linkedTicketIds: this.links } : {};
    const saved = await this.#run(
      (client, ev) =>
        client.qa.evaluations.update(
          ev.id,
          { ...(answers.length ? { answers } : {}), ...note, ...links },
          { ifMatch: ev.version },
        ),
      (ev) => new CcEvaluationSavedEvent(ev),
    );
    if (saved) {
      this.#clean(saved);
      this.line = this.#m()('qaScorecard.savedAt', {
        time: this.fmt.date(saved.updatedAt, 'time'),
      });
    }
    return saved;
  };

  /** Checks every criterion with the shared rules, saves, then submits. */
  submit = async (): Promise<void> => {
    const tpl = this.#loaded?.tpl;
    if (!tpl) return;
    const list = [...this.answers.values()];
    const issues = validateAnswers(tpl, list, { forSubmit: true });
    if (issues.length) return this.#showIssues(issues.map((i) => [i.criterionId, i.code]));
    if (this.dirty && !(await this.save())) return;
    const done = await this.#run(
      (client, ev) => client.qa.evaluations.submit(ev.id, { ifMatch: ev.version }),
      (ev) => new CcEvaluationSubmittedEvent(ev),
    );
    if (done) this.#clean(done);
  };

  acknowledge = (): Promise<Evaluation | undefined> =>
    this.#run(
      (client, ev) => client.qa.evaluations.acknowledge(ev.id, undefined, { ifMatch: ev.version }),
      (ev) => new CcEvaluationAcknowledgedEvent(ev),
    );

  /** A 422's field errors onto their criteria (the criterion id, or the answer's index). */
  private mapErrors(e: unknown, ev: Evaluation): void {
    const errors = (e as { errors?: { path: string; message: string; code?: string }[] }).errors;
    this.#showIssues(
      (errors ?? []).map((x) => {
        const index = /\/answers\/(\d+)/.exec(x.path)?.[1];
        const id =
          /\(([a-z0-9_]+)\)$/.exec(x.message)?.[1] ?? ev.answers[Number(index)]?.criterionId;
        return [id, x.code];
      }),
    );
  }

  #showIssues(list: [string | undefined, string | undefined][]): void {
    const m = this.#m();
    const issues = new Map<string, string>();
    for (const [id, code] of list) {
      if (id)
        issues.set(
          id,
          code === 'comment_required'
            ? m('qaScorecard.commentNeeded')
            : code === 'answer_missing'
              ? m('qaScorecard.missing')
              : this.t('error.validation'),
        );
    }
    this.issues = issues;
    this.line = m('qaScorecard.fix', { n: issues.size });
    void this.updateComplete.then(() => {
      const first = [...issues.keys()][0];
      this.renderRoot
        .querySelector<HTMLElement>(`[data-id="${first}"] input, [data-id="${first}"] textarea`)
        ?.focus();
    });
  }

  #reload = (): void => void this.#data.refresh();

  /** Reads the evaluation (or the list) again, e.g. when the host knows it changed elsewhere. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  #discard = (): void => {
    const ev = this.evaluation;
    if (!ev) return;
    this.#clean(ev);
    this.#adopt(ev);
  };

  /** Creates a sub-element (loaded on first use) under this element's prefix and registry. */
  async #sub(name: 'qa-review' | 'qa-calibration'): Promise<HTMLElement | undefined> {
    const el = await createSubElement(this, 'qa-scorecard', name, () =>
      name === 'qa-review'
        ? import('../qa-review/qa-review.js').then((m) => m.CcQaReview)
        : import('../qa-calibration/qa-calibration.js').then((m) => m.CcQaCalibration),
    );
    if (el && this.client) Object.assign(el, { client: this.client });
    return el;
  }

  async #ensureReview(): Promise<void> {
    const el = await this.#sub('qa-review');
    if (!el) return;
    const update = (e: Event) => {
      this.evaluation = (e as Event & { evaluation: Evaluation }).evaluation;
      this.disputing = false;
    };
    el.addEventListener('cc-dispute-submitted', update);
    el.addEventListener('cc-dispute-resolved', update);
    this.#review = el;
    this.requestUpdate();
  }

  async #ensureCalibration(id: string): Promise<void> {
    const el = await this.#sub('qa-calibration');
    if (!el) return;
    el.setAttribute('session-id', id);
    this.#calibration = el;
    this.requestUpdate();
  }

  // ---- rendering --------------------------------------------------------------------------------

  protected override render() {
    return html`${this.#announcer.render()}${this.#data.render({
      complete: (d) => ('list' in d ? this.#renderList(d) : this.#renderEvaluation(d)),
    })}`;
  }

  /** Starts a draft evaluation of `agentId` (and `callId`) on `templateId`, and opens it. */
  start = async (): Promise<void> => {
    const { agentId, templateId, callId } = this;
    const client = this.resolvedClient;
    if (!client || !agentId || !templateId || this.busy) return;
    this.busy = true;
    try {
      const ev = await client.qa.evaluations.create({
        agentId,
        templateId,
        ...(callId ? { callId } : {}),
      });
      this.evaluationId = ev.id;
    } catch (e) {
      this.line = errorText(this, reportError(this, e));
    } finally {
      this.busy = false;
    }
  };

  #renderList({ list, names, templates, role }: Listed): TemplateResult {
    const m = this.#m();
    const can = this.agentId && this.templateId && /^(supervisor|qa_specialist)$/.test(role);
    return html`<h2>${m('qaScorecard.list')}</h2>
      ${
        can
          ? html`<p class="actions">
              <button
                type="button"
                class="cc-button"
                data-variant="primary"
                ?disabled=${this.busy}
                @click=${this.start}
              >
                ${m('qaScorecard.start')}
              </button>
              <span class="line" role="status">${this.line}</span>
            </p>`
          : nothing
      }
      <ul class="list">
        ${list.map(
          (ev) =>
            html`<li>
              <button type="button" class="cc-button" @click=${() => (this.evaluationId = ev.id)}>
                ${m('qaScorecard.open', {
                  date: this.fmt.date(ev.submittedAt ?? ev.createdAt, 'date'),
                  agent: names.get(ev.agentId) ?? ev.agentId,
                  template: localized(this, templates.get(ev.templateId)),
                  state: this.t(`qa.state.${ev.state}`),
                  score: scoreText(this, ev.score),
                })}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  #renderEvaluation(d: Loaded): TemplateResult {
    const m = this.#m();
    const ev = this.evaluation ?? d.ev;
    const tpl = d.tpl;
    const edit = this.#editable;
    const list = [...this.answers.values()];
    const live = scoreEvaluation(tpl, list);
    const needs = new Set(
      validateAnswers(
        tpl,
        list.map((a) => ({ ...a, comment: null })),
      )
        .filter((i: AnswerIssue) => i.code === 'comment_required')
        .map((i) => i.criterionId),
    );
    const failed = live.fatalFailed || live.sections.some((s) => s.failedCritical);
    this.setState('failed', failed);
    const act = ev.allowedActions;
    const ends = ev.disputeWindowEndsAt;
    const mode = act.includes('resolve_dispute') ? 'resolve' : this.disputing ? 'dispute' : '';
    if (ev.revision > 0 || mode) {
      if (!this.#review) this.reviewing ??= this.#ensureReview();
      else Object.assign(this.#review, { evaluation: ev, template: tpl, mode });
    }
    const session = ev.calibrationSessionId;
    if (session && !this.#calibration && d.role !== 'agent') void this.#ensureCalibration(session);
    return html`<article aria-labelledby="title">
      <header class="head">
        ${
          this.hasAttribute('evaluation-id')
            ? nothing
            : html`<button
                type="button"
                class="cc-button"
                @click=${() => (this.evaluationId = undefined)}
              >
                ${m('qaScorecard.back')}
              </button>`
        }
        <h2 id="title">${localized(this, tpl.name)}</h2>
        <p class="meta">
          ${m('qaScorecard.agent', { name: d.agent })} · ${this.t(`qa.state.${ev.state}`)}
          ${
            ev.callId
              ? html` ·
                ${m('qaScorecard.call', {
                  when: d.call ? this.fmt.date(d.call.offeredAt, 'dateTime') : ev.callId,
                  talk: d.call ? this.fmt.duration(d.call.talkSeconds) : '',
                })}`
              : nothing
          }
        </p>
        <p class="total" part="total">
          <span>${m('qaScorecard.total')}</span> <strong>${scoreText(this, live.score)}</strong>
        </p>
        ${live.fatalFailed ? html`<p class="failed">⛔ ${m('qaScorecard.fatal')}</p>` : nothing}
        <nav aria-label=${m('qaScorecard.sections')}>
          ${tpl.sections.map(
            (s) =>
              html`<button type="button" class="link" @click=${() => this.#jump(s.id)}>
                ${localized(this, s.title)}
              </button>`,
          )}
        </nav>
      </header>
      ${
        this.restored
          ? html`<p class="note" role="status">
              ${m('qaScorecard.restored')}
              <button type="button" class="cc-button" @click=${this.#discard}>
                ${m('qaScorecard.discard')}
              </button>
            </p>`
          : nothing
      }
      ${tpl.sections.map((s, i) => {
        const sc = live.sections[i]!;
        return html`<section part="section" aria-labelledby="s-${s.id}">
          <h3 id="s-${s.id}" tabindex="-1">${localized(this, s.title)}</h3>
          <p class="sub">
            ${m('qaScorecard.section')} <strong>${scoreText(this, sc.score)}</strong>
          </p>
          ${sc.failedCritical ? html`<p class="failed">⛔ ${m('qaScorecard.sectionFailed')}</p>` : nothing}
          ${s.criteria.map((c) => this.#renderCriterion(c, edit, needs.has(c.id)))}
        </section>`;
      })}
      ${
        edit
          ? html`<label class="field"
              >${m('qaScorecard.overall')}
              <textarea
                .value=${this.note}
                @input=${(e: Event) => {
                  this.note = (e.target as HTMLTextAreaElement).value;
                  this.#noteChanged = true;
                  this.#markDirty();
                }}
              ></textarea>
            </label>`
          : ev.comment
            ? html`<h3>${m('qaScorecard.overall')}</h3>
                <p class="comment">${ev.comment}</p>`
            : nothing
      }
      ${this.#renderLinks(d.tickets, edit)}
      ${
        ends
          ? html`<p class="sub window">
              ${
                !ev.disputesRemaining
                  ? m('qaScorecard.noneLeft')
                  : Date.parse(ends) > Date.now()
                    ? m('qaScorecard.window', {
                        date: this.fmt.date(ends, 'dateTime'),
                        n: ev.disputesRemaining,
                      })
                    : m('qaScorecard.windowClosed', { date: this.fmt.date(ends, 'dateTime') })
              }
            </p>`
          : nothing
      }
      <div class="actions" part="actions">
        ${
          edit
            ? html`<button
                  type="button"
                  class="cc-button"
                  ?disabled=${this.busy || !this.dirty}
                  @click=${this.save}
                >
                  ${m('qaScorecard.save')}
                </button>
                <button
                  type="button"
                  class="cc-button"
                  data-variant="primary"
                  ?disabled=${this.busy}
                  @click=${this.submit}
                >
                  ${m('qaScorecard.submit')}
                </button>`
            : nothing
        }
        ${
          act.includes('acknowledge')
            ? html`<button
                type="button"
                class="cc-button"
                data-variant="primary"
                ?disabled=${this.busy}
                @click=${this.acknowledge}
              >
                ${m('qaScorecard.acknowledge')}
              </button>`
            : nothing
        }
        ${
          act.includes('dispute')
            ? html`<button
                type="button"
                class="cc-button"
                aria-expanded=${this.disputing}
                @click=${() => (this.disputing = !this.disputing)}
              >
                ${m('qaScorecard.dispute')}
              </button>`
            : nothing
        }
        ${
          this.stale
            ? html`<button type="button" class="cc-button" @click=${this.#reload}>
                ${m('qaScorecard.reload')}
              </button>`
            : nothing
        }
        <span class="line" role="status"
          >${this.line || (this.dirty && edit ? m('qaScorecard.local') : '')}</span
        >
      </div>
      ${this.#review ?? nothing} ${this.#calibration ?? nothing}
    </article>`;
  }

  /** The linked tickets; while editable, a checkbox each beside those that may be linked. */
  #renderLinks(tickets: Ticket[], edit: boolean): TemplateResult | typeof nothing {
    const linked = this.links ?? this.evaluation?.linkedTicketIds ?? [];
    const shown = edit ? tickets : tickets.filter((t) => linked.includes(t.id));
    if (!shown.length) return nothing;
    const name = (t: Ticket) =>
      `#${t.number} ${t.kind === 'complaint' ? this.t('complaint.justified') : this.t(`ticket.kind.${t.kind}`)} · ${t.subject}`;
    const title = this.#m()('qaScorecard.linked');
    return edit
      ? html`<fieldset class="crit" part="links">
          <legend>${title}</legend>
          ${shown.map(
            (t) =>
              html`<label class="field row"
                ><input
                  type="checkbox"
                  value=${t.id}
                  .checked=${linked.includes(t.id)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    this.links = on ? [...linked, t.id] : linked.filter((x) => x !== t.id);
                    this.#markDirty();
                  }}
                />${name(t)}</label
              >`,
          )}
        </fieldset>`
      : html`<h3>${title}</h3>
          <ul part="links">
            ${shown.map((t) => html`<li>${name(t)}</li>`)}
          </ul>`;
  }

  #jump(id: string): void {
    const h = this.renderRoot.querySelector<HTMLElement>(`#s-${id}`);
    h?.scrollIntoView({ block: 'start' });
    h?.focus();
  }

  #renderCriterion(c: Criterion, edit: boolean, needsComment: boolean): TemplateResult {
    const m = this.#m();
    const a = this.answers.get(c.id);
    const issue = this.issues.get(c.id);
    const sc = c.scale;
    const values = scaleValues(sc);
    const label = (v: number) =>
      sc.type === 'yes_no' ? this.t(v ? 'yes' : 'no') : this.fmt.number(v);
    const shown = valueText(this, sc, a?.value ?? null, !!a?.na);
    const critical =
      c.critical !== 'none'
        ? html`<span class="tag">${this.t(`qa.critical.${c.critical}`)}</span>`
        : nothing;
    const desc = [c.help ? `h-${c.id}` : '', issue ? `e-${c.id}` : ''].join(' ').trim();
    if (!edit)
      return html`<div
        class="crit"
        part="criterion"
        role="group"
        aria-labelledby="l-${c.id}"
        data-id=${c.id}
      >
        <p id="l-${c.id}" class="legend">${localized(this, c.title)} ${critical}</p>
        <p class="value">${shown}</p>
        ${a?.comment ? html`<p class="comment">${a.comment}</p>` : nothing}
      </div>`;
    return html`<fieldset
      class="crit"
      part="criterion"
      data-id=${c.id}
      aria-describedby=${desc || nothing}
      aria-invalid=${issue ? 'true' : nothing}
    >
      <legend>${localized(this, c.title)} ${critical}</legend>
      ${c.help ? html`<p id="h-${c.id}" class="help">${localized(this, c.help)}</p>` : nothing}
      <div class="choices">
        ${values.map(
          (v) =>
            html`<label
              ><input
                type="radio"
                name=${c.id}
                .checked=${!a?.na && a?.value === v}
                @change=${() => this.#change(c.id, { value: v, na: false })}
              />${label(v)}</label
            >`,
        )}
        ${
          values.length
            ? nothing
            : html`<label
                >${m('qaScorecard.points', { max: sc.type === 'points' ? sc.max : 0 })}
                <input
                  type="number"
                  min="0"
                  max=${sc.type === 'points' ? sc.max : 0}
                  .value=${a?.value == null || a.na ? '' : String(a.value)}
                  @change=${(e: Event) => {
                    const raw = (e.target as HTMLInputElement).value;
                    this.#change(c.id, { value: raw === '' ? null : Number(raw), na: false });
                  }}
              /></label>`
        }
        ${
          c.naAllowed
            ? html`<label
                ><input
                  type="radio"
                  name=${c.id}
                  .checked=${!!a?.na}
                  @change=${() => this.#change(c.id, { na: true })}
                />${this.t('qa.notApplicable')}</label
              >`
            : nothing
        }
      </div>
      <label class="field"
        >${m('qaScorecard.comment')}${needsComment ? ` (${this.t('required')})` : ''}
        <textarea
          rows="2"
          ?required=${needsComment}
          .value=${a?.comment ?? ''}
          @input=${(e: Event) => this.#change(c.id, { comment: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </label>
      ${issue ? html`<p id="e-${c.id}" class="error">⚠ ${issue}</p>` : nothing}
    </fieldset>`;
  }
}
