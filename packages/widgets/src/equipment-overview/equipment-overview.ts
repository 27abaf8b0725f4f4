import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Schema } from '@cc-kit/spec';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import type { ErrorInfo } from '../shared/errors.js';
import { CcEvent } from '../shared/events.js';
import { LiveController } from '../shared/live-controller.js';
import { errorTemplate, reportError } from '../shared/status.js';
import { localized, selectField } from '../shared/controls.js';
import { workOrderLink } from '../equipment-checklist/work-order-link.js';
import { messages } from './equipment-overview.i18n.js';
import { styles } from './equipment-overview.styles.js';

type Check = Schema<'EquipmentCheck'>;
type Team = Schema<'Team'>;

interface Overview {
  teams: Schema<'EquipmentSummary'>['teams'];
  due: Schema<'DueCheck'>[];
  names: Map<string, Team['name']>;
  seats: Schema<'Seat'>[];
}

/** `cc-seat-select`: "check this seat" was chosen in the due list; `event.teamId`, `event.seatId`. */
export class CcSeatSelectEvent extends CcEvent {
  static readonly type = 'cc-seat-select';
  constructor(
    readonly teamId: string,
    readonly seatId: string,
  ) {
    super(CcSeatSelectEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-seat-select': CcSeatSelectEvent;
  }
}

/**
 * Where the center's equipment stands: each team's pass rate, open faults and seats due or
 * overdue (the operations manager sees every team, a supervisor their own), the seats due or
 * overdue for their check by the team's cadence (most overdue first), and the history of past
 * checks of any seat. `<cc-equipment-checklist>` shows it in its second tab.
 *
 * @summary Equipment overview: team figures, due and overdue seats, history per seat.
 * @fires cc-seat-select - "Check this seat" was chosen; `event.teamId`, `event.seatId`.
 * @fires cc-workorder-select - A maintenance work order was chosen; `event.ticketId`, `event.number`.
 * @fires cc-error - Loading failed; `{ code, status, requestId, retryable }`.
 * @csspart table - Each table.
 * @cssprop --cc-equipment-overview-background - Background of the element (default: --cc-color-surface).
 * @cssprop --cc-equipment-overview-overdue-color - Colour of overdue seats (default: --cc-color-danger).
 * @cssstate loading - While the figures load.
 * @cssstate error - Loading failed.
 */
export class CcEquipmentOverview extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** Only this team; default every team the role may see. */
  @property({ attribute: 'team-id' }) teamId?: string;

  @state() private seat?: string;
  @state() private history?: Check[];
  @state() private historyError?: ErrorInfo;
  private m = () => this.msg(messages);

  #data = new DataController(this, {
    args: () => [this.teamId] as const,
    task: async ([teamId], { client, signal }): Promise<Overview> => {
      const query = teamId ? { teamId } : {};
      const [summary, due, teams, seats] = await Promise.all([
        client.equipment.summary({ signal }),
        client.equipment.due.iterate(query, { signal }).toArray({ limit: 2000 }),
        client.teams.iterate({}, { signal }).toArray({ limit: 200 }),
        client.equipment.seats.iterate(query, { signal }).toArray({ limit: 2000 }),
      ]);
      return {
        teams: summary.teams.filter((t) => !teamId || t.teamId === teamId),
        due,
        names: new Map(teams.map((t) => [t.id, t.name])),
        seats,
      };
    },
    isEmpty: () => false,
  });

  private live = new LiveController(this, {
    topics: () => ['equipment'],
    onEvent: () => {
      void this.#data.refresh();
      if (this.seat) void this.#loadHistory(this.seat);
    },
  });

  /** The seats due or overdue shown now, most overdue first (the server's order). */
  get dueSeats(): readonly Schema<'DueCheck'>[] {
    return this.#data.data?.due ?? [];
  }

  async #loadHistory(seatId: string): Promise<void> {
    const client = this.resolvedClient;
    this.seat = seatId || undefined;
    this.history = undefined;
    this.historyError = undefined;
    if (!client || !seatId) return;
    try {
      const page = await client.equipment.checks.list({ seatId, state: 'submitted', limit: 20 });
      if (this.seat === seatId) this.history = page.items;
    } catch (error) {
      this.historyError = reportError(this, error);
    }
  }

  #team(data: Overview, id: string): string {
    return localized(this, data.names.get(id), id);
  }

  protected override render() {
    return this.#data.render({ complete: (data) => this.#renderData(data) });
  }

  #renderData(data: Overview) {
    const m = this.m();
    const date = (iso: string | null) =>
      iso ? this.fmt.date(iso, 'date') : m('equipmentOverview.never');
    return html`<h3 id="teams">${m('equipmentOverview.teams')}</h3>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="teams">
        <table part="table" aria-labelledby="teams">
          <thead>
            <tr>
              <th scope="col">${m('equipmentOverview.team')}</th>
              <th scope="col">${m('equipmentOverview.passRate')}</th>
              <th scope="col">${m('equipmentOverview.openFaults')}</th>
              <th scope="col">${m('equipmentOverview.overdueSeats')}</th>
              <th scope="col">${m('equipmentOverview.dueSeats')}</th>
              <th scope="col">${m('equipmentOverview.lastCheck')}</th>
            </tr>
          </thead>
          <tbody>
            ${data.teams.map(
              (t) =>
                html`<tr data-team=${t.teamId}>
                  <th scope="row">${this.#team(data, t.teamId)}</th>
                  <td>${t.passRate === null ? this.t('noData') : this.fmt.percent(t.passRate)}</td>
                  <td>${this.fmt.number(t.openFaults)}</td>
                  <td ?data-overdue=${t.overdueSeats > 0}>${this.fmt.number(t.overdueSeats)}</td>
                  <td>${this.fmt.number(t.dueSeats)}</td>
                  <td>${date(t.lastCheckAt)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3 id="due">${m('equipmentOverview.due')}</h3>
      ${
        data.due.length
          ? html`<div class="scroll tall" tabindex="0" role="region" aria-labelledby="due">
              <table part="table" aria-labelledby="due">
                <thead>
                  <tr>
                    <th scope="col">${m('equipmentOverview.seat')}</th>
                    <th scope="col">${m('equipmentOverview.team')}</th>
                    <th scope="col">${m('equipmentOverview.status')}</th>
                    <th scope="col">${m('equipmentOverview.dueAt')}</th>
                    <th scope="col">${m('equipmentOverview.lastCheck')}</th>
                    <td></td>
                  </tr>
                </thead>
                <tbody>
                  ${data.due.map(
                    (d) =>
                      html`<tr data-seat=${d.seatId}>
                        <th scope="row">${d.seatLabel}</th>
                        <td>${this.#team(data, d.teamId)}</td>
                        <td ?data-overdue=${d.state === 'overdue'}>
                          ${
                            d.state === 'overdue' && d.overdueDays > 0
                              ? m('equipmentOverview.overdueBy', { n: d.overdueDays })
                              : this.t(`equipment.due.${d.state}`)
                          }
                        </td>
                        <td>${date(d.dueAt)}</td>
                        <td>${date(d.lastCheckedAt)}</td>
                        <td>
                          <button
                            class="cc-button"
                            type="button"
                            @click=${() => this.emit(new CcSeatSelectEvent(d.teamId, d.seatId))}
                          >
                            ${m('equipmentOverview.checkNow', { seat: d.seatLabel })}
                          </button>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>${m('equipmentOverview.noneDue')}</p>`
      }
      <h3>${m('equipmentOverview.history')}</h3>
      ${selectField(
        m('equipmentOverview.seat'),
        this.seat,
        data.seats.map((s) => [s.id, `${s.label} · ${this.#team(data, s.teamId)}`]),
        (seat) => void this.#loadHistory(seat),
        { empty: '' },
      )}
      ${this.historyError ? errorTemplate(this, this.historyError) : nothing}
      ${
        this.history
          ? this.history.length
            ? html`<ol class="history">
                ${this.history.map(
                  (c) =>
                    html`<li>
                      <strong
                        >${m('equipmentOverview.checkedBy', {
                          date: this.fmt.date(c.submittedAt ?? c.startedAt),
                          name: c.startedBy.name,
                        })}</strong
                      >
                      <ul>
                        ${c.items
                          .filter((i) => i.seatId === this.seat)
                          .map(
                            (i) =>
                              html`<li data-result=${i.result}>
                                ${this.t(`equipment.type.${i.assetType}`)}:
                                ${i.result ? this.t(`equipment.result.${i.result}`) : nothing}
                                ${i.note ? html`<q>${i.note}</q>` : nothing}
                                ${workOrderLink(this, i, `#${i.workOrderNumber}`)}
                                ${i.fixedAt ? `✓ ${this.fmt.date(i.fixedAt, 'date')}` : nothing}
                              </li>`,
                          )}
                      </ul>
                    </li>`,
                )}
              </ol>`
            : html`<p>${m('equipmentOverview.noHistory')}</p>`
          : nothing
      }`;
  }
}
