import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { kpiStatus, nextUnit, startOfUnit, zonedToInstant } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import { Announcer } from '../shared/announcer.js';
import type { CcClient } from '../shared/client.js';
import { DataController } from '../shared/data-controller.js';
import { CcElement } from '../shared/element.js';
import { LiveController, type LiveOptions } from '../shared/live-controller.js';
import { errorText, reportError } from '../shared/status.js';
import { createSubElement } from '../shared/sub-element.js';
import { localized, selectField } from '../shared/controls.js';
import {
  changeTemplate,
  dayOf,
  formatChange,
  formatValue,
  sparkline,
  statusBadge,
  type KpiPeriod,
  type KpiStatus,
  type KpiUnit,
} from './kpi-format.js';
import { CcKpiSelectEvent, type LiveFigure } from './kpi-tiles.events.js';
import { messages } from './kpi-tiles.i18n.js';
import { styles } from './kpi-tiles.styles.js';

type KpiMetric = Schema<'KpiMetric'>;
type KpiScope = Schema<'KpiScope'>;
type KpiValue = Schema<'KpiValue'>;
type KpiReport = Schema<'KpiReport'>;
type LiveKpis = Schema<'LiveKpis'>;
type Me = Schema<'Me'>;
type Role = Schema<'Role'>;
type Bucket = Schema<'KpiBucket'>;
type Named = { id: string; name: string | Record<string, string | undefined> };

export type { KpiPeriod };

/** The tiles each role sees unless the host sets `.metrics`. */
export const DEFAULT_METRICS: Readonly<Record<Role, readonly KpiMetric[]>> = {
  agent: ['calls_answered', 'aht', 'fcr', 'csat', 'qa_average'],
  supervisor: ['service_level', 'asa', 'aht', 'abandonment_rate', 'fcr', 'csat', 'occupancy'],
  complaint_supervisor: ['complaint_count', 'complaint_rate', 'csat', 'fcr'],
  qa_specialist: ['qa_average', 'csat', 'fcr', 'complaint_rate'],
  operations_manager: [
    'service_level',
    'asa',
    'aht',
    'abandonment_rate',
    'fcr',
    'csat',
    'occupancy',
    'calls_offered',
  ],
  survey_supervisor: ['csat'],
};

const PERIODS: readonly KpiPeriod[] = ['live', 'today', 'week', 'month', 'custom'];
const DAY = 86_400_000;

/** The period actually asked of the server. */
export interface KpiQuery {
  period: KpiPeriod;
  scope: KpiScope;
  scopeId?: string;
  /** RFC 3339, inclusive / exclusive; absent for live. */
  from?: string;
  to?: string;
  bucket: Bucket;
  metrics: KpiMetric[];
}

type Shown = { query: KpiQuery; report: KpiReport } | { query: KpiQuery; live: LiveKpis };

/** The instant a local date (`YYYY-MM-DD`) starts in the zone, `days` later. */
function dayStart(date: string | undefined, timeZone: string, days = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? zonedToInstant(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + days), timeZone) : undefined;
}

const liveStatus = (live: LiveKpis): KpiStatus | null =>
  live.target ? kpiStatus('service_level', live.serviceLevel.value, live.target) : null;

/**
 * The numbers a call center is run by, for a scope and a period: each tile shows the value, its
 * target and status (text and icon), a trend over the period's buckets and the change against
 * the previous period, and explains itself (numerator, denominator, threshold, formula, data
 * age). The live period follows the events stream (calls in queue, longest wait, agents
 * available, service level) with the staffing answer beside it (Erlang C), and is marked stale
 * when updates stop. The period's figures export as CSV; the performance appraisal of a team or
 * agent opens in place. Figures are never invented: no data is shown as no data, never 0.
 *
 * @summary KPI tiles: value, target, status, trend and explanation; live figures and staffing.
 * @fires cc-kpi-select - A tile was chosen; `event.metric`, `event.period`, `event.scope`, `event.scopeId`, `event.from`, `event.to`, `event.value`.
 * @fires cc-error - Loading or exporting failed; `{ code, status, requestId, retryable }`.
 * @csspart toolbar - The period picker and actions.
 * @csspart grid - The list of tiles.
 * @csspart tile - One tile.
 * @csspart value - A tile's figure.
 * @csspart badge - The status against target (met / at risk / missed).
 * @csspart sparkline - A tile's trend line (SVG).
 * @csspart explain - A tile's "how it is calculated" disclosure.
 * @csspart stale - The notice that live updates stopped.
 * @cssprop --cc-kpi-tiles-min-width - Narrowest tile before the grid wraps (default 12rem).
 * @cssprop --cc-kpi-tiles-gap - Space between tiles (default --cc-space-3).
 * @cssprop --cc-kpi-tiles-tile-background - A tile's background (default --cc-color-surface-raised).
 * @cssprop --cc-kpi-tiles-spark-color - The sparkline's color (default --cc-color-accent).
 * @cssstate loading - While the figures load.
 * @cssstate error - Loading failed.
 * @cssstate stale - Live updates stopped; the figures may be out of date.
 * @cssstate live - Showing the live period.
 */
export class CcKpiTiles extends CcElement {
  static override styles = [...(CcElement.styles as []), styles];

  /** Which metrics, in order; default by the signed-in role. */
  @property({ attribute: false }) metrics?: KpiMetric[];

  /** `center`, `team` or `agent`; default by role (agent: self, supervisor: own team, else center). */
  @property() scope?: KpiScope;

  /** The team or agent; default the signed-in user's team (team scope) or self (agent scope). */
  @property({ attribute: 'scope-id' }) scopeId?: string;

  /** `live`, `today`, `week`, `month` or `custom`; default `live` where the role may see it, else `today`. */
  @property() period?: KpiPeriod;

  /** First day of a custom range, `YYYY-MM-DD` in the center's time zone (default a week ago). */
  @property() from?: string;

  /** Last day of a custom range (inclusive), `YYYY-MM-DD` (default today). */
  @property() to?: string;

  /** Minutes of the live service level's window (5–240; the server's default 30). */
  @property({ type: Number, attribute: 'window-minutes' }) windowMinutes?: number;

  /** Seconds without a live update (or heartbeat) before the figures are marked stale. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 45;

  /** Shows the performance appraisal instead of the tiles. */
  @property({ type: Boolean, reflect: true }) appraisal = false;

  private me?: { client: CcClient; value: Me };
  /** What the scope picker offers: teams (center-wide roles) and the agents of the team shown. */
  #people: { client?: CcClient; teams: Named[]; team?: string; agents: Named[] } = {
    teams: [],
    agents: [],
  };
  #lastRefresh = 0;
  #statuses = new Map<string, KpiStatus | null>();
  #seen?: unknown;
  #subs: Record<string, HTMLElement> = {};
  #exportError = '';
  #announcer = new Announcer(this);
  private m = () => this.msg(messages);

  private data = new DataController(this, {
    args: () =>
      [
        this.period,
        this.scope,
        this.scopeId,
        this.from,
        this.to,
        this.metrics?.join(),
        this.windowMinutes,
      ] as const,
    task: async (_args, { client, signal }): Promise<Shown> => {
      if (this.me?.client !== client) this.me = { client, value: await client.me.get({ signal }) };
      const query = this.query()!;
      const { scope, scopeId } = query;
      void this.#loadDirectory(client, query, signal);
      const where = { scope, ...(scopeId ? { scopeId } : {}) };
      this.#lastRefresh = Date.now();
      if (query.period === 'live') {
        const w = this.windowMinutes ? { windowMinutes: this.windowMinutes } : {};
        return { query, live: await client.kpis.live({ ...where, ...w }, { signal }) };
      }
      const report = await client.kpis.get(
        {
          ...where,
          from: query.from!,
          to: query.to!,
          bucket: query.bucket,
          metrics: query.metrics,
          compare: 'previous',
        },
        { signal },
      );
      return { query, report };
    },
    isEmpty: () => false,
  });

  // `staleAfter` is read when the stream starts, so the host's value (set after construction) applies.
  #live = new LiveController(
    this,
    Object.defineProperty(
      {
        topics: () => ['kpis.live'],
        teamId: () => (this.shown?.query.scope === 'team' ? this.shown.query.scopeId : undefined),
        enabled: () => this.#mayGoLive() && this.query()?.period !== 'custom',
        onEvent: (event) => {
          const shown = this.shown;
          if (!shown) return;
          if (event.type === 'resync') return void this.data.refresh();
          const live = event.data as LiveKpis;
          if (event.type !== 'kpi.live' || live.scope !== shown.query.scope) return;
          if (live.scope === 'team' && live.scopeId !== shown.query.scopeId) return;
          if ('live' in shown) {
            if (this.windowMinutes && live.windowMinutes !== this.windowMinutes) return;
            this.data.data = { query: shown.query, live };
            this.requestUpdate();
          } else if (Date.now() - this.#lastRefresh > 60_000) {
            // The period's figures move with the live ones: re-read them, at most once a minute.
            void this.data.refresh();
          }
        },
      } as LiveOptions,
      'staleAfter',
      { get: () => this.staleAfter },
    ),
  );

  /** What is shown now: the query and the server's report or live figures. */
  get shown(): Shown | undefined {
    return this.data.data;
  }

  /** The center's time zone (from the API) unless the element is given its own. */
  override get resolvedTimeZone(): string | undefined {
    return this.timeZone || this.me?.value.timeZone || super.resolvedTimeZone;
  }

  /** Reloads the figures. */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  #mayGoLive(): boolean {
    const me = this.me?.value;
    return !!me?.permissions.includes('getLiveKpis') && (this.scope ?? 'x') !== 'agent';
  }

  /** The scope, period and range asked of the server, in the center's time zone. */
  query(now = Date.now()): KpiQuery | undefined {
    const me = this.me?.value;
    if (!me) return undefined;
    const tz = me.timeZone;
    const scope: KpiScope =
      this.scope ??
      (me.role === 'agent' ? 'agent' : me.role === 'supervisor' && me.teamId ? 'team' : 'center');
    const scopeId =
      scope === 'center'
        ? undefined
        : (this.scopeId ?? (scope === 'agent' ? me.user.id : (me.teamId ?? undefined)));
    const period = this.period ?? (this.#mayGoLive() ? 'live' : 'today');
    const metrics = [...(this.metrics ?? DEFAULT_METRICS[me.role])];
    const base = { period, scope, ...(scopeId ? { scopeId } : {}), metrics };
    if (period === 'live') return { ...base, bucket: 'none' };
    let from: number;
    let to: number;
    let bucket: Bucket = 'day';
    if (period === 'custom') {
      const today = dayOf(now, tz);
      from = dayStart(this.from, tz) ?? dayStart(today, tz, -6)!;
      to = dayStart(this.to, tz, 1) ?? dayStart(today, tz, 1)!;
      if (to <= from) to = from + DAY;
      const days = (to - from) / DAY;
      bucket = days <= 2 ? 'hour' : days <= 92 ? 'day' : days <= 400 ? 'week' : 'month';
    } else {
      const unit = period === 'today' ? 'day' : period;
      from = startOfUnit(unit, now, tz);
      to = nextUnit(unit, from, tz);
      if (period === 'today') bucket = 'hour';
    }
    return {
      ...base,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      bucket,
    };
  }

  /** Announces (politely) a tile whose status crossed its target since the last figures. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const shown = this.shown;
    this.setState('live', !!shown && 'live' in shown);
    this.setState('stale', this.#live.stale);
    if (!shown || shown === this.#seen) return;
    this.#seen = shown;
    const { period, scopeId } = shown.query;
    for (const [metric, status] of 'live' in shown
      ? [['service_level', liveStatus(shown.live)] as const]
      : shown.report.metrics.map((v) => [v.metric, v.status] as const)) {
      const key = `${period}|${scopeId}|${metric}`;
      const before = this.#statuses.get(key);
      this.#statuses.set(key, status);
      if (status && before && (before === 'met') !== (status === 'met')) {
        this.#announcer.announce(
          this.m()('kpiTiles.crossed', {
            metric: this.t(`kpi.metric.${metric}`),
            status: this.t(`kpi.status.${status}`),
          }),
        );
      }
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render() {
    const m = this.m();
    const q = this.query();
    const period = q?.period ?? this.period ?? 'today';
    const canAppraise =
      !!this.me?.value.permissions.includes('getAppraisal') && !!q?.scopeId && q.scope !== 'center';
    const shown = this.shown;
    const free = q && !this.appraisal;
    const [from, to] = q?.from ? this.#days(q) : [];
    const day = (key: 'from' | 'to', value?: string) =>
      html`<label
        >${m(`kpiTiles.${key}`)}
        <input
          type="date"
          .value=${value}
          @change=${(e: Event) => (this[key] = (e.target as HTMLInputElement).value || undefined)}
      /></label>`;
    return html`${this.#announcer.render()}
      <div class="bar" part="toolbar">
        ${free ? this.#scopePicker(q) : nothing}
        ${selectField(
          m('kpiTiles.period'),
          period,
          PERIODS.filter((p) => p !== 'live' || this.#mayGoLive()).map((p) => [
            p,
            m(`kpiTiles.p.${p}`),
          ]),
          (p) => (this.period = p as KpiPeriod),
          { name: 'period', disabled: this.appraisal },
        )}
        ${free && period === 'custom' ? html`${day('from', from)} ${day('to', to)}` : nothing}
        ${
          free && from
            ? html`<span class="range"
                >${this.fmt.date(q.from!, 'date')} –
                ${this.fmt.date(+new Date(q.to!) - 1, 'date')}</span
              >`
            : nothing
        }
        ${
          free && shown && 'live' in shown
            ? html`<span class="range" data-live
                >${this.t('live.on')} ·
                ${this.t('dataAsOf', { time: this.fmt.date(shown.live.asOf, 'time') })}</span
              >`
            : nothing
        }
        <span class="actions">
          ${
            canAppraise
              ? html`<button
                  class="cc-button"
                  type="button"
                  aria-pressed=${String(this.appraisal)}
                  @click=${() => (this.appraisal = !this.appraisal)}
                >
                  ${m('kpiTiles.appraisal')}
                </button>`
              : nothing
          }
          ${
            free && period !== 'live'
              ? html`<button class="cc-button" type="button" @click=${this.#exportCsv}>
                  ${m('kpiTiles.export')}
                </button>`
              : nothing
          }
        </span>
      </div>
      ${
        this.#exportError
          ? html`<p class="cc-status" data-status="error" role="alert">${this.#exportError}</p>`
          : nothing
      }
      ${
        this.#live.stale && !this.appraisal
          ? html`<p class="stale" part="stale" role="status">
              <span aria-hidden="true">⚠</span> ${this.t('live.stale')}
            </p>`
          : nothing
      }
      ${
        this.appraisal && canAppraise
          ? this.#sub('appraisal', { scope: q!.scope, scopeId: q!.scopeId })
          : this.data.render({ complete: (d) => this.#tiles(d) })
      }`;
  }

  /** The first and last day of a query's range, `YYYY-MM-DD` in the center's time zone. */
  #days(q: KpiQuery): [string, string] {
    const tz = this.me!.value.timeZone;
    return [dayOf(+new Date(q.from!), tz), dayOf(+new Date(q.to!) - 1, tz)];
  }

  /** Teams and agents the signed-in role may look at (never fails the figures). */
  async #loadDirectory(client: CcClient, q: KpiQuery, signal: AbortSignal) {
    const me = this.me!.value;
    if (me.role === 'agent') return;
    const d = this.#people;
    const team = q.scope === 'team' ? q.scopeId : q.scope === 'agent' ? d.team : undefined;
    try {
      if (d.client !== client) {
        const teams = (await client.teams.list({ limit: 200 }, { signal })).items;
        // A supervisor's figures are their own team's (and its agents'): the server says so too.
        const mine = teams.filter((t) => me.role !== 'supervisor' || t.id === me.teamId);
        this.#people = { client, teams: mine, agents: [] };
      }
      if (team && this.#people.team !== team) {
        const page = await client.agents.list(
          { teamId: team, role: 'agent', limit: 200 },
          { signal },
        );
        const agents = page.items.map((a) => ({
          id: a.id,
          name: a.displayName ? `${a.name} (${a.displayName})` : a.name,
        }));
        Object.assign(this.#people, { team, agents });
      }
      this.requestUpdate();
    } catch {
      // The picker is a convenience: without it the host's scope still shows.
    }
  }

  #scopePicker(q: KpiQuery) {
    const me = this.me!.value;
    const { teams, agents } = this.#people;
    if (me.role === 'agent' || (!teams.length && !agents.length)) return nothing;
    const options = (kind: string, list: Named[], dot = '') =>
      list.map((n) => [`${kind}:${n.id}`, dot + localized(this, n.name, n.id)] as const);
    return selectField(
      this.m()('kpiTiles.scope'),
      `${q.scope}:${q.scopeId ?? ''}`,
      [
        ...(me.role === 'supervisor' ? [] : [['center:', this.m()('kpiTiles.center')] as const]),
        ...options('team', teams),
        ...options('agent', agents, '· '),
      ],
      (value) => {
        const [scope, id] = value.split(':') as [KpiScope, string];
        this.scope = scope;
        this.scopeId = id || undefined;
        this.appraisal = false;
        if (scope === 'agent' && this.period === 'live') this.period = 'today';
      },
      { name: 'scope' },
    );
  }

  /** The tiles of a report (in the order asked), or the live figures with the staffing beside. */
  #tiles(d: Shown): TemplateResult {
    const m = this.m();
    if ('report' in d) {
      const r = d.report;
      const byMetric = new Map(r.metrics.map((v) => [v.metric, v]));
      return html`<ul class="grid" part="grid" aria-label=${m('kpiTiles.label')}>
        ${d.query.metrics
          .filter((metric) => byMetric.has(metric))
          .map((metric) => {
            const v = byMetric.get(metric)!;
            const sl = metric === 'service_level';
            return this.#card(
              metric,
              this.t(`kpi.metric.${metric}`),
              v.unit,
              v.value,
              v.status,
              v.target,
              html`${changeTemplate(
                formatChange(this, metric, v.unit, v.value, v.previous?.value, (value) =>
                  m('kpiTiles.points', { value }),
                ),
                m('kpiTiles.noPrevious'),
              )}
              ${sparkline(v.buckets.map((b) => b.value))}`,
              [v.numerator, v.denominator, r.dataAsOf],
              sl ? r.serviceLevelThresholdSeconds : null,
              sl || metric === 'abandonment_rate' ? r.shortAbandonSeconds : null,
              v,
            );
          })}
      </ul>`;
    }
    const live = d.live;
    const sl = live.serviceLevel;
    const simple = [
      ['calls_in_queue', 'callsInQueue', 'count', live.callsInQueue],
      ['longest_wait', 'longestWait', 'seconds', live.longestWaitSeconds],
      ['agents_available', 'agentsAvailable', 'count', live.agentsAvailable],
    ] as const;
    return html`<ul class="grid" part="grid" aria-label=${m('kpiTiles.p.live')}>
        ${simple.map(([k, key, unit, value]) => this.#card(k, this.t(`kpi.live.${key}`), unit, value))}
        ${this.#card(
          'service_level',
          m('kpiTiles.liveSl', { minutes: live.windowMinutes }),
          'ratio',
          sl.value,
          liveStatus(live),
          live.target,
          nothing,
          [sl.numerator, sl.denominator, live.asOf],
          live.serviceLevelThresholdSeconds,
        )}
      </ul>
      ${this.#sub('staffing', { live })}`;
  }

  /**
   * One tile. `explain` (numerator, denominator, data age) adds the "how it is calculated"
   * disclosure, with the service level's threshold and the short abandons where they apply.
   */
  #card(
    metric: KpiMetric | LiveFigure,
    name: string,
    unit: KpiUnit,
    value: number | null,
    status?: KpiStatus | null,
    target?: { value: number } | null,
    trend: unknown = nothing,
    explain?: [numerator: number, denominator: number, asOf: string | null],
    threshold?: number | null,
    shortAbandon?: number | null,
    kpi?: KpiValue,
  ): TemplateResult {
    const m = this.m();
    // Times (of ASA, AHT and occupancy) read as durations, counts and scores as numbers.
    const n = (x: number, time = unit === 'seconds' || metric === 'occupancy') =>
      time ? this.fmt.duration(x) : this.fmt.number(x, { maximumFractionDigits: 2 });
    const p = (text: string | false) => (text ? html`<p>${text}</p>` : nothing);
    return html`<li class="tile" part="tile" data-metric=${metric} data-status=${status ?? 'none'}>
      <button
        class="name"
        type="button"
        @click=${() => {
          const q = this.shown!.query;
          this.emit(new CcKpiSelectEvent(metric, q.period, q.scope, q.scopeId, q.from, q.to, kpi));
        }}
      >
        ${name}
      </button>
      <p class="value" part="value">${formatValue(this, unit, value)}</p>
      ${
        status !== undefined || target
          ? html`<p class="target">
              ${statusBadge(this, status)}
              <span
                >${
                  target
                    ? this.t('kpi.target', { value: formatValue(this, unit, target.value) })
                    : m('kpiTiles.noTarget')
                }</span
              >
            </p>`
          : nothing
      }
      ${trend}
      ${
        explain
          ? html`<details part="explain">
              <summary>${m('kpiTiles.explain')}</summary>
              <p>${m(`kpiTiles.f.${metric as KpiMetric}`)}</p>
              <dl>
                <dt>${m('kpiTiles.numerator')}</dt>
                <dd data-numerator=${explain[0]}>${n(explain[0])}</dd>
                ${
                  unit === 'count'
                    ? nothing
                    : html`<dt>${m('kpiTiles.denominator')}</dt>
                        <dd data-denominator=${explain[1]}>
                          ${n(explain[1], metric === 'occupancy')}
                        </dd>`
                }
              </dl>
              ${p(!!threshold && m('kpiTiles.threshold', { seconds: threshold }))}
              ${p(shortAbandon != null && m('kpiTiles.shortAbandon', { seconds: shortAbandon }))}
              ${p(
                explain[2]
                  ? this.t('dataAsOf', { time: this.fmt.relative(explain[2]) })
                  : this.t('noData'),
              )}
            </details>`
          : nothing
      }
    </li>`;
  }

  /**
   * A sub-element (appraisal, staffing), created on first use: its module loads lazily and is
   * registered beside this element (same prefix and registry) unless the page already has it.
   */
  #sub(name: 'appraisal' | 'staffing', props: Record<string, unknown>): unknown {
    const el = this.#subs[name];
    if (!el) {
      void createSubElement(this, 'kpi-tiles', `kpi-${name}`, () =>
        name === 'appraisal'
          ? import('../kpi-appraisal/kpi-appraisal.js').then((x) => x.CcKpiAppraisal)
          : import('../kpi-staffing/kpi-staffing.js').then((x) => x.CcKpiStaffing),
      ).then((created) => {
        if (!created || this.#subs[name]) return;
        this.#subs[name] = created;
        this.requestUpdate();
      });
      return nothing;
    }
    Object.assign(el, props, this.subElementSettings);
    return el;
  }

  #exportCsv = async (): Promise<void> => {
    const q = this.shown?.query ?? this.query();
    const client = this.resolvedClient;
    if (!q?.from || !client) return;
    this.#exportError = '';
    try {
      const { period: _p, ...query } = q;
      const csv = await client.kpis.export(query as Required<KpiQuery>);
      const url = URL.createObjectURL(
        new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `kpis-${q.scope}-${this.#days(q).join('-')}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.#exportError = errorText(this, reportError(this, error));
    }
    this.requestUpdate();
  };
}
