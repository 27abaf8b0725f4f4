import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Schema } from '@cc-kit/spec';
import { localized, optionsOf } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { errorText, reportError } from '../shared/status.js';
import {
  CcDisputeResolvedEvent,
  CcDisputeSubmittedEvent,
} from '../qa-scorecard/qa-scorecard.events.js';
import { scaleValues, scoreText, valueText } from '../qa-scorecard/qa-text.js';
import { styles } from '../qa-scorecard/qa-scorecard.styles.js';
import { messages as scorecard } from '../qa-scorecard/qa-scorecard.i18n.js';
import { messages } from './qa-review.i18n.js';

type Evaluation = Schema<'Evaluation'>;
type Template = Schema<'ScorecardTemplate'>;
type Criterion = Schema<'ScorecardCriterion'>;
type Outcome = Schema<'DisputeOutcome'>;

/** '' none, 'na' N/A (null), else the number. */
const decode = (v: string): number | null => (v === 'na' ? null : Number(v));

/**
 * The review side of an evaluation: the agent's dispute form, the reviewer's decision beside the
 * original scores, past disputes and every revision of the scores. `<cc-qa-scorecard>` creates it
 * when needed; a host may also use it alone with `.evaluation` and `.template`.
 *
 * @summary QA evaluation disputes, their resolution and the history of revisions.
 * @fires cc-dispute-submitted - The agent disputed criteria; `event.evaluation`.
 * @fires cc-dispute-resolved - The dispute was resolved; `event.evaluation`.
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart history - The list of revisions.
 * @cssstate loading - While the history loads.
 * @cssstate error - Loading the history failed.
 */
export class CcQaReview extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The evaluation (as the API returns it). */
  @property({ attribute: false }) evaluation?: Evaluation;
  /** Its template version. */
  @property({ attribute: false }) template?: Template;
  /** `dispute` shows the agent's dispute form, `resolve` the reviewer's decision. */
  @property() mode: '' | 'dispute' | 'resolve' = '';

  /** Chosen values per criterion: proposed (dispute) or to apply (resolve). */
  @state() private picks = new Map<string, string>();
  @state() private reasons = new Map<string, string>();
  @state() private outcome: Outcome = 'accepted';
  @state() private comment = '';
  @state() private line = '';
  @state() private busy = false;
  @state() private invalid = new Set<string>();

  #m = () => this.msg(messages);

  #versions = new DataController(this, {
    args: () => [this.evaluation?.id, this.evaluation?.revision] as const,
    enabled: ([id, rev]) => !!id && !!rev,
    task: ([id], { client, signal }) => client.qa.evaluations.versions(id!, { signal }),
    isEmpty: () => false,
  });

  #criteria(): Criterion[] {
    return this.template?.sections.flatMap((s) => s.criteria) ?? [];
  }

  #value(c: Criterion, v: number | null, na = v === null): string {
    return valueText(this, c.scale, v, na);
  }

  /** `first` (no value), the scale's values, and N/A when the criterion allows it. */
  #options(c: Criterion, first: string): TemplateResult[] {
    return optionsOf([
      ['', first],
      ...scaleValues(c.scale).map((v) => [`${v}`, this.#value(c, v)] as const),
      ...(c.naAllowed ? [['na', this.t('qa.notApplicable')] as const] : []),
    ]);
  }

  #pick(id: string, e: Event): void {
    this.picks = new Map(this.picks).set(id, (e.target as HTMLSelectElement).value);
  }

  async #send(
    work: (
      client: NonNullable<CcQaReview['resolvedClient']>,
      ev: Evaluation,
    ) => Promise<Evaluation>,
    done: (ev: Evaluation) => Event,
  ): Promise<void> {
    const client = this.resolvedClient;
    const ev = this.evaluation;
    if (!client || !ev || this.busy) return;
    this.busy = true;
    this.line = this.t('sending');
    try {
      const next = await work(client, ev);
      this.picks = new Map();
      this.reasons = new Map();
      this.comment = this.line = '';
      this.evaluation = next;
      this.emit(done(next));
    } catch (e) {
      const info = reportError(this, e);
      const m = this.#m();
      this.line =
        info.code === 'dispute-window-closed'
          ? m('qaReview.closed')
          : info.code === 'dispute-limit-reached'
            ? this.msg(scorecard)('qaScorecard.noneLeft')
            : errorText(this, info);
    } finally {
      this.busy = false;
    }
  }

  /** Sends the agent's dispute: every criterion with a proposed score, each with its reason. */
  dispute = (): void => {
    const m = this.#m();
    const items = [...this.picks]
      .filter(([, v]) => v)
      .map(([criterionId, v]) => ({
        criterionId,
        proposedValue: decode(v),
        reason: (this.reasons.get(criterionId) ?? '').trim(),
      }));
    this.invalid = new Set(items.filter((i) => !i.reason).map((i) => i.criterionId));
    if (!items.length || this.invalid.size) {
      this.line = m(items.length ? 'qaReview.reasonNeeded' : 'qaReview.pick');
      return;
    }
    void this.#send(
      (client, ev) => client.qa.disputes.create(ev.id, { items }, { ifMatch: ev.version }),
      (ev) => new CcDisputeSubmittedEvent(ev),
    );
  };

  /** Sends the reviewer's decision on the open dispute. */
  resolve = (): void => {
    const ev = this.evaluation;
    const open = ev?.disputes.find((d) => d.state === 'open');
    if (!ev || !open) return;
    const outcome = this.outcome;
    const acceptedItems = open.items
      .filter((i) => this.picks.get(i.criterionId))
      .map((i) => ({ criterionId: i.criterionId, value: decode(this.picks.get(i.criterionId)!) }));
    const comment = this.comment.trim();
    this.invalid = new Set(comment ? [] : ['comment']);
    if (!comment || (outcome === 'partially_accepted' && !acceptedItems.length)) {
      this.line = comment ? this.#m()('qaReview.pickApply') : this.t('error.validation');
      return;
    }
    void this.#send(
      (client, e) =>
        client.qa.disputes.resolve(
          e.id,
          open.id,
          outcome === 'partially_accepted'
            ? { outcome, comment, acceptedItems }
            : { outcome, comment },
          { ifMatch: e.version },
        ),
      (e) => new CcDisputeResolvedEvent(e),
    );
  };

  protected override render() {
    const ev = this.evaluation;
    if (!ev || !this.template) return nothing;
    const m = this.#m();
    return html`${this.mode === 'dispute' ? this.#renderDispute(ev) : nothing}
      ${this.mode === 'resolve' ? this.#renderResolve(ev) : nothing}
      ${ev.revision ? this.#versions.render({ complete: (v) => this.#renderHistory(v.items) }) : nothing}
      ${ev.disputes.map(
        (d) =>
          html`<p class="sub">
            ${m('qaReview.raised', { by: d.raisedBy.name, date: this.fmt.date(d.raisedAt, 'date') })}
            · ${d.outcome ? this.t(`qa.disputeOutcome.${d.outcome}`) : this.t('qa.state.disputed')}
            ${d.resolution?.comment ? html`· <span class="comment">${d.resolution.comment}</span>` : nothing}
          </p>`,
      )}
      <p class="line" role="status">${this.line}</p>`;
  }

  #renderDispute(ev: Evaluation): TemplateResult {
    const m = this.#m();
    return html`<section aria-labelledby="d">
      <h3 id="d">${m('qaReview.dispute')}</h3>
      ${this.#criteria().map((c) => {
        const a = ev.answers.find((x) => x.criterionId === c.id);
        const picked = !!this.picks.get(c.id);
        return html`<fieldset
          class="crit"
          aria-invalid=${this.invalid.has(c.id) ? 'true' : nothing}
        >
          <legend>${localized(this, c.title)}</legend>
          <p>${m('qaReview.was', { value: this.#value(c, a?.value ?? null, !!a?.na) })}</p>
          <label class="field"
            >${m('qaReview.proposed')}
            <select @change=${(e: Event) => this.#pick(c.id, e)}>
              ${this.#options(c, m('qaReview.keep'))}
            </select>
          </label>
          ${
            picked
              ? html`<label class="field"
                  >${m('qaReview.reason')} (${this.t('required')})
                  <textarea
                    required
                    @input=${(e: Event) =>
                      (this.reasons = new Map(this.reasons).set(
                        c.id,
                        (e.target as HTMLTextAreaElement).value,
                      ))}
                  ></textarea>
                </label>`
              : nothing
          }
        </fieldset>`;
      })}
      <div class="actions">
        <button
          type="button"
          class="cc-button"
          data-variant="primary"
          ?disabled=${this.busy}
          @click=${this.dispute}
        >
          ${m('qaReview.send')}
        </button>
      </div>
    </section>`;
  }

  #renderResolve(ev: Evaluation): TemplateResult {
    const m = this.#m();
    const open = ev.disputes.find((d) => d.state === 'open');
    if (!open) return html``;
    const partial = this.outcome === 'partially_accepted';
    const outcomes: Outcome[] = ['accepted', 'partially_accepted', 'rejected'];
    return html`<section aria-labelledby="r">
      <h3 id="r">${m('qaReview.review')}</h3>
      <p class="sub">
        ${m('qaReview.raised', { by: open.raisedBy.name, date: this.fmt.date(open.raisedAt, 'dateTime') })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.msg(scorecard)('qaScorecard.criterion')}</th>
            <th scope="col">${m('qaReview.original')}</th>
            <th scope="col">${m('qaReview.proposed')}</th>
            <th scope="col">${m('qaReview.reason')}</th>
            ${partial ? html`<th scope="col">${m('qaReview.apply')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${open.items.map((i) => {
            const c = this.#criteria().find((x) => x.id === i.criterionId);
            if (!c) return nothing;
            const a = ev.answers.find((x) => x.criterionId === c.id);
            return html`<tr>
              <th scope="row">${localized(this, c.title)}</th>
              <td>${this.#value(c, a?.value ?? null, !!a?.na)}</td>
              <td>${this.#value(c, i.proposedValue)}</td>
              <td class="comment">${i.reason}</td>
              ${
                partial
                  ? html`<td>
                      <select
                        aria-label="${m('qaReview.apply')}: ${localized(this, c.title)}"
                        @change=${(e: Event) => this.#pick(c.id, e)}
                      >
                        ${this.#options(c, m('qaReview.unchanged'))}
                      </select>
                    </td>`
                  : nothing
              }
            </tr>`;
          })}
        </tbody>
      </table>
      <fieldset class="crit">
        <legend>${m('qaReview.outcome')}</legend>
        <div class="choices">
          ${outcomes.map(
            (o) =>
              html`<label
                ><input
                  type="radio"
                  name="outcome"
                  .checked=${this.outcome === o}
                  @change=${() => (this.outcome = o)}
                />${this.t(`qa.disputeOutcome.${o}`)}</label
              >`,
          )}
        </div>
      </fieldset>
      <label class="field"
        >${m('qaReview.comment')} (${this.t('required')})
        <textarea
          required
          aria-invalid=${this.invalid.has('comment') ? 'true' : nothing}
          .value=${this.comment}
          @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <div class="actions">
        <button
          type="button"
          class="cc-button"
          data-variant="primary"
          ?disabled=${this.busy}
          @click=${this.resolve}
        >
          ${m('qaReview.resolve')}
        </button>
      </div>
    </section>`;
  }

  #renderHistory(items: Schema<'EvaluationVersion'>[]): TemplateResult {
    const m = this.#m();
    const all = this.#criteria();
    return html`<section aria-labelledby="h" part="history">
      <h3 id="h">${m('qaReview.history')}</h3>
      <ol>
        ${items.map((v, k) => {
          const prev = items[k - 1];
          const changes = prev
            ? all.flatMap((c) => {
                const a = prev.answers.find((x) => x.criterionId === c.id);
                const b = v.answers.find((x) => x.criterionId === c.id);
                const from = this.#value(c, a?.value ?? null, !!a?.na);
                const to = this.#value(c, b?.value ?? null, !!b?.na);
                return from === to
                  ? []
                  : [m('qaReview.changed', { title: localized(this, c.title), from, to })];
              })
            : [];
          return html`<li>
            ${m('qaReview.revision', {
              n: v.revision,
              date: this.fmt.date(v.at, 'dateTime'),
              by: v.by.name,
              score: scoreText(this, v.score),
            })}
            ${
              changes.length
                ? html`<ul>
                    ${changes.map((c) => html`<li>${c}</li>`)}
                  </ul>`
                : nothing
            }
          </li>`;
        })}
      </ol>
    </section>`;
  }
}
