import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '../shared/controls.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { styles } from '../qa-scorecard/qa-scorecard.styles.js';
import { scoreText } from '../qa-scorecard/qa-text.js';
import { messages as scorecard } from '../qa-scorecard/qa-scorecard.i18n.js';
import { messages } from './qa-calibration.i18n.js';

/**
 * A calibration session: several evaluators scored the same call with the same scorecard; the
 * table shows each one's total and per-criterion deviation from the reference evaluation (as the
 * server computes it with the shared calibration rule).
 *
 * @summary QA calibration: each evaluator's deviation from the reference.
 * @fires cc-error - Loading failed; `{ code, status, requestId, retryable }`.
 * @csspart table - The deviation table.
 * @cssstate loading - While the session loads.
 * @cssstate error - Loading failed.
 */
export class CcQaCalibration extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The calibration session to show. */
  @property({ attribute: 'session-id' }) sessionId?: string;

  #m = () => this.msg(messages);

  #data = new DataController(this, {
    args: () => [this.sessionId] as const,
    enabled: ([id]) => !!id,
    task: async ([id], { client, signal }) => {
      const [session, me, staff] = await Promise.all([
        client.qa.calibrations.get(id!, { signal }),
        client.me.get({ signal }),
        client.agents.list({ limit: 200 }, { signal }).catch(() => ({ items: [] })),
      ]);
      const template = await client.qa.templates.get(
        session.templateId,
        { version: session.templateVersion },
        { signal },
      );
      return {
        session,
        template,
        me: me.user.id,
        names: new Map(staff.items.map((a) => [a.id, a.displayName ?? a.name])),
      };
    },
    isEmpty: (d) => !d,
  });

  #delta(value: number | null): string {
    return value === null
      ? this.t('noData')
      : this.#m()('qaCalibration.delta', {
          delta: this.fmt.number(value, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
        });
  }

  protected override render() {
    const m = this.#m();
    const sc = this.msg(scorecard);
    return this.#data.render({
      complete: ({ session, template, me, names }) => {
        const evs = session.evaluations;
        const criteria = template.sections.flatMap((s) => s.criteria);
        const isRef = (e: (typeof evs)[number]) => e.evaluationId === session.referenceEvaluationId;
        return html`<h3>${m('qaCalibration.title')} · ${localized(this, template.name)}</h3>
          <table part="table">
            <caption>
              ${m('qaCalibration.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${sc('qaScorecard.criterion')}</th>
                ${evs.map(
                  (e, i) =>
                    html`<th scope="col">
                      ${m('qaCalibration.evaluator', {
                        name: names.get(e.evaluatorId) ?? `${i + 1}`,
                        note: [
                          isRef(e) ? m('qaCalibration.reference') : '',
                          e.evaluatorId === me ? m('qaCalibration.you') : '',
                        ]
                          .filter(Boolean)
                          .join(', '),
                      })}
                      <br />${this.t(`qa.state.${e.state}`)}
                    </th>`,
                )}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">${sc('qaScorecard.total')}</th>
                ${evs.map(
                  (e) =>
                    html`<td>
                      <strong>${scoreText(this, e.score)}</strong>
                      ${isRef(e) ? nothing : html`<br />${this.#delta(e.scoreDelta)}`}
                    </td>`,
                )}
              </tr>
              ${criteria.map(
                (c) =>
                  html`<tr>
                    <th scope="row">${localized(this, c.title)}</th>
                    ${evs.map(
                      (e) =>
                        html`<td>
                          ${
                            isRef(e)
                              ? '—'
                              : this.#delta(
                                  e.criteria.find((x) => x.criterionId === c.id)?.delta ?? null,
                                )
                          }
                        </td>`,
                    )}
                  </tr>`,
              )}
            </tbody>
          </table>`;
      },
    });
  }
}
