import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  checkProgress,
  checkSubmitProblems,
  checkSummary,
  isFinding,
  passRate,
} from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import type { CcClient } from '../shared/client.js';
import { DataController } from '../shared/data-controller.js';
import { createSubElement } from '../shared/sub-element.js';
import { CcElement } from '../shared/element.js';
import { describeError, type ErrorInfo } from '../shared/errors.js';
import { CcErrorEvent } from '../shared/events.js';
import { LiveController } from '../shared/live-controller.js';
import { errorTemplate } from '../shared/status.js';
import { localized, selectField } from '../shared/controls.js';
import { CcCheckSubmittedEvent } from './equipment-checklist.events.js';
import { workOrderLink } from './work-order-link.js';
import { messages } from './equipment-checklist.i18n.js';
import { styles } from './equipment-checklist.styles.js';

type Check = Schema<'EquipmentCheck'>;
type Item = Schema<'CheckItem'>;
type Result = Schema<'CheckResult'>;
type Seat = Schema<'Seat'>;
type Team = Schema<'Team'>;
type Local = { result: Result | null; note: string };
type Field = 'result' | 'note';

const RESULTS: Result[] = ['pass', 'fail', 'missing', 'not_applicable'];
const SAVE_DELAY = 800;

interface Loaded {
  teamId: string;
  seats: Seat[];
}

/**
 * Keeps every seat's equipment working: a supervisor (their team) or the operations manager (any
 * team) checks each asset of a team or one seat — pass, fault, missing or not applicable, a note
 * for faults and missing items — with the results saved to the server as they go (a check can be
 * resumed later), submits it, and sees the maintenance work order each finding opened, marked
 * fixed once it is resolved. A second tab (loaded when opened) lists the seats due or overdue, the
 * history of each seat and every team's pass rate and open faults.
 *
 * @summary Equipment check of a team or seat: results, autosave, submit, work orders.
 * @fires cc-check-submitted - A check was submitted; `event.check` (its items carry the work orders).
 * @fires cc-workorder-select - A maintenance work order was chosen; `event.ticketId`, `event.number`.
 * @fires cc-error - Loading or saving failed; `{ code, status, requestId, retryable }`.
 * @csspart tabs - The tab list.
 * @csspart seat - One seat's group of items.
 * @csspart item - One asset to check.
 * @csspart progress - The progress bar.
 * @csspart submit - The submit button.
 * @cssprop --cc-equipment-checklist-background - Background of the element (default: --cc-color-surface).
 * @cssprop --cc-equipment-checklist-fail-color - Colour of faults and missing items (default: --cc-color-danger).
 * @cssprop --cc-equipment-checklist-pass-color - Colour of passed and fixed items (default: --cc-color-success).
 * @cssstate loading - While the check loads.
 * @cssstate error - Loading failed.
 * @cssstate draft - A check is in progress.
 * @cssstate dirty - Results not saved yet.
 */
export class CcEquipmentChecklist extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** The team to check; default the signed-in supervisor's team (the manager picks one). */
  @property({ attribute: 'team-id' }) teamId?: string;

  /** Check one seat only; default the whole team (the user may pick a seat). */
  @property({ attribute: 'seat-id' }) seatId?: string;

  /** `check` or `overview` (due seats, history, teams); default by role. */
  @property() view?: 'check' | 'overview';

  @state() private check?: Check;
  @state() private pickedTeam?: string;
  @state() private pickedSeat?: string;
  @state() private tab?: 'check' | 'overview';
  @state() private problems = new Map<string, Field>();
  @state() private saveState: 'saved' | 'saving' | 'unsaved' | 'conflict' = 'saved';
  @state() private conflict?: Check;
  @state() private actionError?: ErrorInfo;
  @state() private busy = false;

  private me?: Schema<'Me'>;
  #teams: Team[] = [];
  #dirClient?: CcClient;
  #dirty = new Map<string, Local>();
  #timer?: ReturnType<typeof setTimeout>;
  #saving?: Promise<void>;
  #overview?: HTMLElement & Record<string, unknown>;
  private m = () => this.msg(messages);
  #announcer = new Announcer(this);

  #data = new DataController(this, {
    args: () => [this.teamId || this.pickedTeam, this.seatId || this.pickedSeat] as const,
    task: async ([team, seat], { client, signal }): Promise<Loaded> => {
      if (this.#dirClient !== client) {
        [this.me, this.#teams] = await Promise.all([
          client.me.get({ signal }),
          client.teams.iterate({}, { signal }).toArray({ limit: 200 }),
        ]);
        this.#dirClient = client;
      }
      const teamId = team || this.me!.teamId || this.#teams[0]!.id;
      const scope = { teamId, ...(seat ? { seatId: seat } : {}) };
      const [seats, drafts, last] = await Promise.all([
        client.equipment.seats.iterate({ teamId }, { signal }).toArray({ limit: 1000 }),
        client.equipment.checks.list({ ...scope, state: 'draft', limit: 100 }, { signal }),
        client.equipment.checks.list({ ...scope, state: 'submitted', limit: 1 }, { signal }),
      ]);
      this.#dirty.clear();
      this.problems = new Map();
      this.conflict = undefined;
      this.saveState = 'saved';
      this.check = drafts.items.find((c) => c.seatId === (seat ?? null)) ?? last.items[0];
      return { teamId, seats };
    },
    isEmpty: () => false,
  });

  private live = new LiveController(this, {
    topics: () => ['equipment'],
    // A finding's work order resolved elsewhere: show the item fixed. A draft keeps its edits.
    onEvent: () => {
      if (this.check?.state === 'submitted') void this.#data.refresh();
    },
  });

  /** The check shown now (the draft in progress, or the last one submitted), with local edits. */
  get currentCheck(): Check | undefined {
    return this.check;
  }

  /** Reloads the check (unsaved results are saved first). */
  async refresh(): Promise<void> {
    await this.save();
    await this.#data.refresh();
  }

  /** Whether every result is on the server. */
  get saved(): boolean {
    return this.saveState === 'saved';
  }

  /** Saves results not yet saved; resolves true when everything is on the server. */
  async save(): Promise<boolean> {
    clearTimeout(this.#timer);
    while (this.#saving) await this.#saving;
    const check = this.check;
    const client = this.resolvedClient;
    if (!check || !client || check.state !== 'draft') return true;
    if (!this.#dirty.size) return this.saved;
    const items = [...this.#dirty].map(([assetId, local]) => ({ assetId, ...local }));
    this.#dirty = new Map();
    this.saveState = 'saving';
    const run = (async () => {
      try {
        const next = await client.equipment.checks.update(
          check.id,
          { items },
          { ifMatch: check.version },
        );
        this.check = this.#withLocal(next);
        this.saveState = this.#dirty.size ? 'unsaved' : 'saved';
      } catch (error) {
        for (const { assetId, ...local } of items) {
          if (!this.#dirty.has(assetId)) this.#dirty.set(assetId, local);
        }
        this.saveState = 'unsaved';
        await this.#failed(error, client);
      }
    })();
    this.#saving = run;
    await run;
    this.#saving = undefined;
    return this.saved;
  }

  /** Submits the draft (saving first); findings open maintenance work orders. */
  async submit(): Promise<boolean> {
    const check = this.check;
    if (!this.resolvedClient || check?.state !== 'draft' || this.busy) return false;
    const problems = checkSubmitProblems(check.items);
    if (problems.length) {
      void this.#showProblems(problems.map((p) => [p.index, p.field]));
      return false;
    }
    return this.#act(async (client) => {
      if (!(await this.save())) return false;
      const check = this.check!;
      // One key per version of the draft: sending it again (a retry, a reload) submits it once.
      const done = await client.equipment.checks.submit(check.id, {
        ifMatch: check.version,
        idempotencyKey: `equipment-check-submit:${check.id}:${check.version}`,
      });
      this.check = done;
      this.problems = new Map();
      const opened = new Set(done.items.map((i) => i.workOrderId).filter(Boolean)).size;
      this.#announcer.announce(this.m()('equipmentChecklist.submitted', { n: opened }));
      this.emit(new CcCheckSubmittedEvent(done));
    });
  }

  /**
   * Runs a start or a submit: one at a time (the buttons are disabled meanwhile). A conflict
   * (412) loads the other version to choose from, a validation answer marks the items it names,
   * a check started elsewhere meanwhile (409, on start) is loaded to resume it.
   */
  async #act(run: (client: CcClient) => Promise<unknown>): Promise<boolean> {
    const client = this.resolvedClient;
    if (!client || this.busy) return false;
    this.busy = true;
    this.actionError = undefined;
    try {
      return (await run(client)) !== false;
    } catch (error) {
      const errors = (error as { errors?: { path: string }[] }).errors ?? [];
      const mapped = errors
        .map((e) => /\/items\/(\d+)\/(result|note)$/.exec(e.path))
        .filter((m) => m !== null)
        .map((m) => [Number(m[1]), m[2] as Field] as const);
      if (describeError(error).kind === 'validation' && mapped.length)
        void this.#showProblems(mapped);
      else await this.#failed(error, client);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A conflict (412) loads the other version to choose from; 409 on start reloads; else fails. */
  async #failed(error: unknown, client: CcClient): Promise<void> {
    const info = describeError(error);
    const id = this.check?.id;
    if (info.status === 412 && id) {
      this.conflict = await client.equipment.checks.get(id).catch(() => undefined);
      this.saveState = 'conflict';
    } else if (info.status === 409 && this.check?.state !== 'draft') {
      // Someone started a check meanwhile: load it to resume it.
      void this.#data.refresh();
    } else {
      this.actionError = info;
      this.emit(new CcErrorEvent(info));
    }
  }

  // ---- editing ---------------------------------------------------------------------------------

  #withLocal(check: Check): Check {
    if (!this.#dirty.size) return check;
    const items = check.items.map((item) => {
      const local = this.#dirty.get(item.assetId);
      return local ? { ...item, ...local } : item;
    });
    return { ...check, items, progress: checkProgress(items) };
  }

  #edit(changes: ReadonlyMap<string, Partial<Local>>): void {
    if (!this.check) return;
    const problems = new Map(this.problems);
    const items = this.check.items.map((item) => {
      const change = changes.get(item.assetId);
      if (!change) return item;
      const next = { ...item, ...change };
      this.#dirty.set(item.assetId, { result: next.result, note: next.note ?? '' });
      const still = checkSubmitProblems([next])[0];
      if (still && problems.has(item.assetId)) problems.set(item.assetId, still.field);
      else problems.delete(item.assetId);
      return next;
    });
    this.problems = problems;
    this.check = { ...this.check, items, progress: checkProgress(items) };
    this.saveState = 'unsaved';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), SAVE_DELAY);
  }

  async #showProblems(list: ReadonlyArray<readonly [number, Field]>): Promise<void> {
    const items = this.check!.items;
    this.problems = new Map(list.map(([i, field]) => [items[i]!.assetId, field]));
    this.#announcer.announce(this.m()('equipmentChecklist.problems', { n: list.length }));
    await this.updateComplete;
    const [index, field] = list[0]!;
    const id = items[index]!.assetId;
    this.renderRoot
      .querySelector<HTMLElement>(
        field === 'note' ? `textarea[data-id="${id}"]` : `input[name="${id}"]`,
      )
      ?.focus();
  }

  #start() {
    const loaded = this.#data.data;
    const seat = this.#seat;
    return (
      loaded &&
      this.#act(async (client) => {
        this.check = await client.equipment.checks.start({
          teamId: loaded.teamId,
          ...(seat ? { seatId: seat } : {}),
        });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('input[type=radio]')?.focus();
      })
    );
  }

  /** The seat being checked: the host's, else the one picked. */
  get #seat(): string | undefined {
    return this.seatId || this.pickedSeat;
  }

  async #resolveConflict(keepMine: boolean): Promise<void> {
    if (!this.conflict) return;
    if (!keepMine) this.#dirty.clear();
    this.check = this.#withLocal(this.conflict);
    this.conflict = undefined;
    this.saveState = this.#dirty.size ? 'unsaved' : 'saved';
    if (keepMine) await this.save();
  }

  async #pick(team: string | undefined, seat: string | undefined): Promise<void> {
    await this.save();
    this.pickedTeam = team;
    this.pickedSeat = seat;
  }

  #setTab(tab: 'check' | 'overview', focus = false): void {
    this.tab = tab;
    if (tab === 'overview' && !this.#overview) void this.#loadOverview();
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
      );
    }
  }

  async #loadOverview(): Promise<void> {
    const el = await createSubElement<HTMLElement & Record<string, unknown>>(
      this,
      'equipment-checklist',
      'equipment-overview',
      () =>
        import('../equipment-overview/equipment-overview.js').then((m) => m.CcEquipmentOverview),
    );
    if (!el || this.#overview) return;
    this.#overview = el;
    el.addEventListener('cc-seat-select', (event) => {
      const { teamId, seatId } = event as Event & { teamId: string; seatId: string };
      void this.#pick(this.teamId ? this.pickedTeam : teamId, seatId);
      this.#setTab('check', true);
    });
    this.requestUpdate();
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.setState('draft', this.check?.state === 'draft');
    this.setState('dirty', this.saveState !== 'saved');
    if (this.#overview) {
      Object.assign(this.#overview, { ...this.subElementSettings, teamId: this.teamId });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#dirty.size) void this.save();
  }

  protected override render() {
    const m = this.m();
    const tab =
      this.tab ?? this.view ?? (this.me?.role === 'operations_manager' ? 'overview' : 'check');
    if (tab === 'overview' && !this.#overview) void this.#loadOverview();
    const tabs = ['check', 'overview'] as const;
    return html`${this.#announcer.render()}
      <h2 class="title">${m('equipmentChecklist.title')}</h2>
      <div
        role="tablist"
        part="tabs"
        aria-label=${m('equipmentChecklist.title')}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          e.preventDefault();
          this.#setTab(tab === 'check' ? 'overview' : 'check', true);
        }}
      >
        ${tabs.map(
          (t) =>
            html`<button
              role="tab"
              id="tab-${t}"
              type="button"
              aria-selected=${t === tab}
              aria-controls="panel"
              tabindex=${t === tab ? 0 : -1}
              @click=${() => this.#setTab(t)}
            >
              ${m(`equipmentChecklist.tab.${t}`)}
            </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby="tab-${tab}">
        ${tab === 'overview' ? (this.#overview ?? nothing) : this.#data.render({ complete: (d) => this.#renderCheck(d) })}
      </div>`;
  }

  #renderCheck(loaded: Loaded) {
    const m = this.m();
    const check = this.check;
    const seat = this.#seat;
    const labels = new Map(loaded.seats.map((s) => [s.id, s.label]));
    const seats = (id: string) => m('equipmentChecklist.seat', { label: labels.get(id) ?? id });
    return html`<div class="bar">
        ${
          this.teamId || this.me?.role !== 'operations_manager'
            ? nothing
            : selectField(
                m('equipmentChecklist.team'),
                loaded.teamId,
                this.#teams.map((t) => [t.id, localized(this, t.name)]),
                (team) => void this.#pick(team, undefined),
              )
        }
        ${
          this.seatId
            ? nothing
            : selectField(
                m('equipmentChecklist.scope'),
                seat,
                loaded.seats.map((s) => [s.id, m('equipmentChecklist.seat', { label: s.label })]),
                (picked) => void this.#pick(this.pickedTeam, picked || undefined),
                { empty: m('equipmentChecklist.wholeTeam') },
              )
        }
      </div>
      ${this.actionError ? errorTemplate(this, this.actionError) : nothing}
      ${check?.state === 'draft' ? this.#renderDraft(check, seats) : this.#renderLast(check, seats)}`;
  }

  #renderLast(check: Check | undefined, seats: (id: string) => string) {
    const m = this.m();
    const seat = this.#seat;
    const items = check?.items.filter((i) => !seat || i.seatId === seat) ?? [];
    const findings = items.filter((i) => isFinding(i.result));
    const rate = check && passRate(checkSummary(items));
    return html`<p>
        ${
          check
            ? m('equipmentChecklist.last', {
                date: this.fmt.date(check.submittedAt ?? check.startedAt),
                name: check.startedBy.name,
              })
            : m('equipmentChecklist.never')
        }
        ${
          rate == null
            ? nothing
            : m('equipmentChecklist.passRate', { value: this.fmt.percent(rate) })
        }
      </p>
      ${
        check
          ? html`<h3>${m('equipmentChecklist.findings')}</h3>
              ${
                findings.length
                  ? html`<ul class="findings">
                      ${findings.map(
                        (item) =>
                          html`<li
                            part="item"
                            data-id=${item.assetId}
                            ?data-fixed=${!!item.fixedAt}
                          >
                            <span
                              >${seats(item.seatId)} · ${this.t(`equipment.type.${item.assetType}`)}
                              ${item.serial ?? ''}</span
                            >
                            <span class="result" data-result=${item.result}
                              >${this.t(`equipment.result.${item.result!}`)}</span
                            >
                            <span class="note">${item.note}</span>
                            ${workOrderLink(
                              this,
                              item,
                              m('equipmentChecklist.workOrder', {
                                number: String(item.workOrderNumber ?? ''),
                              }),
                            )}
                            <span class="fix"
                              >${
                                item.fixedAt
                                  ? m('equipmentChecklist.fixed', {
                                      date: this.fmt.date(item.fixedAt, 'date'),
                                    })
                                  : m('equipmentChecklist.awaiting')
                              }</span
                            >
                          </li>`,
                      )}
                    </ul>`
                  : html`<p>${m('equipmentChecklist.noFindings')}</p>`
              }`
          : nothing
      }
      <button
        class="cc-button"
        data-variant="primary"
        type="button"
        ?disabled=${this.busy}
        @click=${() => void this.#start()}
      >
        ${m('equipmentChecklist.start')}
      </button>`;
  }

  #renderDraft(check: Check, seats: (id: string) => string) {
    const m = this.m();
    const groups = new Map<string, Item[]>();
    for (const item of check.items)
      groups.set(item.seatId, [...(groups.get(item.seatId) ?? []), item]);
    const { done, total } = check.progress;
    const state = this.saveState;
    return html`<p>
        ${m('equipmentChecklist.draft', {
          date: this.fmt.date(check.startedAt),
          name: check.startedBy.name,
        })}
      </p>
      <div class="progress">
        <label for="progress"
          >${m('equipmentChecklist.progress', {
            done: this.fmt.number(done),
            total: this.fmt.number(total),
          })}</label
        >
        <progress id="progress" part="progress" max=${total} .value=${done}></progress>
        <span class="save" role="status"
          >${m(`equipmentChecklist.${state === 'conflict' ? 'unsaved' : state}`)}</span
        >
      </div>
      ${
        this.conflict
          ? html`<div class="conflict" role="alert">
              <p>${m('equipmentChecklist.conflict')}</p>
              ${[true, false].map(
                (mine) =>
                  html`<button
                    class="cc-button"
                    type="button"
                    @click=${() => void this.#resolveConflict(mine)}
                  >
                    ${m(mine ? 'equipmentChecklist.keepMine' : 'equipmentChecklist.takeTheirs')}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${[...groups].map(([seatId, items]) => {
        return html`<section part="seat" aria-labelledby="s-${seatId}">
          <div class="seat-head">
            <h3 id="s-${seatId}">${seats(seatId)}</h3>
            <button
              class="cc-button"
              type="button"
              aria-describedby="s-${seatId}"
              @click=${() =>
                this.#edit(new Map(items.map((i) => [i.assetId, { result: 'pass' as const }])))}
            >
              ${m('equipmentChecklist.allPass')}
            </button>
          </div>
          ${items.map((item) => this.#renderItem(item))}
        </section>`;
      })}
      ${
        this.problems.size
          ? html`<p class="problems" role="alert">
              ${m('equipmentChecklist.problems', { n: this.problems.size })}
            </p>`
          : nothing
      }
      <button
        class="cc-button"
        part="submit"
        data-variant="primary"
        type="button"
        ?disabled=${this.busy}
        @click=${() => void this.submit()}
      >
        ${m('equipmentChecklist.submit')}
      </button>`;
  }

  #renderItem(item: Item) {
    const m = this.m();
    const id = item.assetId;
    const problem = this.problems.get(id);
    const covers = m(`equipmentChecklist.covers.${item.assetType}`);
    return html`<fieldset part="item" class="item" data-id=${id} aria-describedby="c-${id} e-${id}">
      <legend>
        ${this.t(`equipment.type.${item.assetType}`)}
        <span class="serial">${item.serial ?? ''}</span>
      </legend>
      <span class="covers" id="c-${id}">${covers}</span>
      <div class="results">
        ${RESULTS.map(
          (r) =>
            html`<label class="opt" data-result=${r}
              ><input
                type="radio"
                name=${id}
                value=${r}
                .checked=${item.result === r}
                aria-invalid=${String(problem === 'result')}
                @change=${() => this.#edit(new Map([[id, { result: r }]]))}
              />${this.t(`equipment.result.${r}`)}</label
            >`,
        )}
      </div>
      ${
        isFinding(item.result)
          ? html`<label class="note"
              >${m('equipmentChecklist.note')} (${this.t('required')})
              <textarea
                data-id=${id}
                rows="2"
                maxlength="2000"
                required
                aria-invalid=${String(problem === 'note')}
                aria-describedby="e-${id}"
                .value=${item.note ?? ''}
                @input=${(e: Event) =>
                  this.#edit(new Map([[id, { note: (e.target as HTMLTextAreaElement).value }]]))}
              ></textarea>
            </label>`
          : nothing
      }
      <span class="error" id="e-${id}"
        >${
          problem === 'result'
            ? m('equipmentChecklist.needResult')
            : problem === 'note'
              ? m('equipmentChecklist.needNote')
              : nothing
        }</span
      >
    </fieldset>`;
  }
}
