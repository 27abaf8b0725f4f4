import { expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import { agentsNeeded, nextUnit, serviceLevel, startOfUnit } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-kpi-tiles.js';
import '../define/cc-provider.js';
import type { CcClient } from '../shared/client.js';
import type { CcErrorEvent } from '../shared/events.js';
import { TranslationRegistry } from '../shared/i18n/registry.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import { messages as appraisalMessages } from '../kpi-appraisal/kpi-appraisal.i18n.js';
import type { CcKpiAppraisal } from '../kpi-appraisal/kpi-appraisal.js';
import { messages as staffingMessages } from '../kpi-staffing/kpi-staffing.i18n.js';
import type { CcKpiStaffing } from '../kpi-staffing/kpi-staffing.js';
import type { CcKpiTiles, KpiPeriod } from './kpi-tiles.js';
import type { CcKpiSelectEvent } from './kpi-tiles.events.js';
import { messages } from './kpi-tiles.i18n.js';

type Role = Schema<'Role'>;
type KpiValue = Schema<'KpiValue'>;
type LiveKpis = Schema<'LiveKpis'>;

const TZ = 'Asia/Shanghai';
let apiUrl: string;
const clients = new Map<string, CcClient>();

/** A client for a demo user (by role or user id), as the portal signs in; `fetch` for faults. */
function clientFor(who: { role: Role } | { userId: string }, fetchImpl?: typeof fetch): CcClient {
  const key = JSON.stringify(who);
  let client = fetchImpl ? undefined : clients.get(key);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      ...(fetchImpl ? { fetch: fetchImpl, retry: { attempts: 1 } } : {}),
      getToken: async () => {
        const grant = await anonymous.demo.token(who);
        return { token: grant.token, expiresAt: grant.expiresAt };
      },
    });
    if (!fetchImpl) clients.set(key, client);
  }
  return client;
}

before(async function () {
  // The first answers wait for the reference server to start and seed, and the schemas to load.
  this.timeout(60_000);
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  await clientFor({ role: 'supervisor' }).me.get();
});

interface Props {
  period?: KpiPeriod;
  from?: string;
  to?: string;
  scope?: 'center' | 'team' | 'agent';
  scopeId?: string;
  locale?: string;
  theme?: string;
  staleAfter?: number;
  metrics?: Schema<'KpiMetric'>[];
}

const mount = (client: CcClient, p: Props = {}) =>
  fixtureSync<CcKpiTiles>(
    html`<cc-kpi-tiles
      .client=${client}
      .period=${p.period}
      .from=${p.from}
      .to=${p.to}
      .scope=${p.scope}
      .scopeId=${p.scopeId}
      .staleAfter=${p.staleAfter ?? 45}
      .metrics=${p.metrics}
      locale=${p.locale ?? 'en'}
      theme=${p.theme ?? 'light'}
    ></cc-kpi-tiles>`,
  );

const root = (el: Element) => el.shadowRoot!;

async function loaded(el: CcKpiTiles) {
  await waitUntil(
    () =>
      el.shown &&
      !el.matches(':state(loading)') &&
      !el.matches(':state(refreshing)') &&
      root(el).querySelector('.tile'),
    'the tiles did not load',
    { timeout: 8000 },
  );
  await el.updateComplete;
}

const tile = (el: CcKpiTiles, metric: string) =>
  root(el).querySelector<HTMLElement>(`.tile[data-metric="${metric}"]`)!;
const sub = (el: CcKpiTiles, name: string) =>
  [...root(el).children].find((c) => c.localName.endsWith(name));
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

/** `YYYY-MM-DD` `days` from today in the center's time zone. */
const day = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(Date.now() + days * 86_400_000);

/** The range a period covers, computed independently with the domain's calendar helpers. */
function expectedRange(period: KpiPeriod, from?: string, to?: string): [number, number] {
  if (period === 'custom') {
    const start = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
    return [start(from!), start(to!) + 86_400_000];
  }
  const unit = period === 'today' ? 'day' : (period as 'week' | 'month');
  const s = startOfUnit(unit, Date.now(), TZ);
  return [s, nextUnit(unit, s, TZ)];
}

/** What the tile must show for the server's figure. */
function expectedValue(el: CcKpiTiles, v: Pick<KpiValue, 'unit' | 'value'>): string {
  if (v.value === null) return 'No data';
  const f = el.fmt;
  switch (v.unit) {
    case 'ratio':
      return f.percent(v.value, 1);
    case 'seconds':
      return f.duration(v.value);
    case 'per_thousand':
      return `${f.number(v.value, { maximumFractionDigits: 2 })} per 1,000 calls`;
    case 'score':
      return `${f.number(v.value, { maximumFractionDigits: 1 })} / 100`;
    default:
      return f.number(v.value);
  }
}

const SCOPES = [
  { role: 'operations_manager', scope: 'center' },
  { role: 'supervisor', scope: 'team' },
  { role: 'agent', scope: 'agent' },
] as const;

describe('<cc-kpi-tiles> against the reference server', function () {
  // The test machine is shared: allow for a slow first answer, axe and a busy CPU.
  this.timeout(30_000);
  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
    await expectCompleteCatalog(appraisalMessages);
    await expectCompleteCatalog(staffingMessages);
  });

  for (const { role, scope } of SCOPES) {
    for (const period of ['today', 'week', 'month', 'custom'] as const) {
      it(`${scope} scope (${role}), ${period}: tiles equal the server's figures`, async () => {
        const client = clientFor({ role });
        const me = await client.me.get();
        const custom = period === 'custom' ? { from: day(-10), to: day(-4) } : {};
        const el = mount(client, { period, ...custom });
        await loaded(el);
        const q = el.shown!.query;
        expect(q.scope).to.equal(scope);
        expect(q.scopeId).to.equal(
          scope === 'center' ? undefined : scope === 'team' ? me.teamId : me.user.id,
        );
        const [from, to] = expectedRange(period, custom.from, custom.to);
        expect([Date.parse(q.from!), Date.parse(q.to!)]).to.deep.equal([from, to]);
        const report = await client.kpis.get({
          scope,
          ...(q.scopeId ? { scopeId: q.scopeId } : {}),
          from: q.from!,
          to: q.to!,
          bucket: q.bucket,
          metrics: q.metrics,
          compare: 'previous',
        });
        const shown = [...root(el).querySelectorAll<HTMLElement>('.tile')].map(
          (t) => t.dataset.metric,
        );
        expect(shown).to.deep.equal(q.metrics);
        const own = 'report' in el.shown! ? el.shown.report : undefined;
        for (const fresh of report.metrics) {
          // Occupancy of a period that includes now grows by the second (agents' presence).
          const moving = fresh.metric === 'occupancy' && period !== 'custom';
          const v = moving ? own!.metrics.find((x) => x.metric === fresh.metric)! : fresh;
          if (moving && fresh.value !== null) expect(v.value).to.be.closeTo(fresh.value, 0.01);
          const t = tile(el, v.metric);
          expect(text(t.querySelector('.value')), v.metric).to.equal(expectedValue(el, v));
          expect(t.dataset.status, v.metric).to.equal(v.status ?? 'none');
          expect(t.querySelector('[data-numerator]')!.getAttribute('data-numerator')).to.equal(
            String(v.numerator),
          );
          if (v.status) expect(text(t.querySelector('.badge'))).to.contain(statusText[v.status]);
          const change = t.querySelector<HTMLElement>('.change')!;
          if (v.value === null || v.previous?.value == null) {
            expect(change.dataset.dir).to.equal('none');
          } else {
            const d = v.value - v.previous.value;
            // Flat when the change does not show at the unit's precision (0 s, 0.0 pts).
            const shown = { ratio: 0.0005, seconds: 0.5, count: 0.5, score: 0.05 }[
              v.unit as 'ratio'
            ];
            expect(change.dataset.dir).to.equal(
              Math.abs(d) < (shown ?? 0.005) ? 'flat' : d > 0 ? 'up' : 'down',
            );
          }
          // The trend line has one point per bucket with data.
          const withData = v.buckets.filter((b) => b.value !== null).length;
          const path = t.querySelector('svg path');
          if (withData >= 2) {
            expect(path!.getAttribute('d')!.match(/[ML]/g)!.length).to.equal(withData);
            expect(t.querySelector('svg')!.hasAttribute('style')).to.equal(false);
          }
        }
      });
    }
  }

  it('lets a manager pick a team, then one of its agents, and appraise them', async () => {
    const client = clientFor({ role: 'operations_manager' });
    const el = mount(client, { period: 'today' });
    await loaded(el);
    const picker = () => root(el).querySelector<HTMLSelectElement>('select[name=scope]')!;
    await waitUntil(() => picker().options.length > 1, 'no scope picker');
    expect(picker().value).to.equal('center:');
    const teams = (await client.teams.list({ limit: 200 })).items;
    const team = teams[0]!;
    expect([...picker().options].map((o) => o.value)).to.include(`team:${team.id}`);
    picker().value = `team:${team.id}`;
    picker().dispatchEvent(new Event('change'));
    await waitUntil(() => el.shown!.query.scopeId === team.id, 'the team was not shown');
    await loaded(el);
    const report = 'report' in el.shown! ? el.shown.report : undefined;
    expect(report!.scope).to.equal('team');
    const agents = (await client.agents.list({ teamId: team.id, role: 'agent', limit: 200 })).items;
    await waitUntil(() => picker().querySelector(`option[value="agent:${agents[0]!.id}"]`));
    picker().value = `agent:${agents[0]!.id}`;
    picker().dispatchEvent(new Event('change'));
    await waitUntil(() => el.shown!.query.scope === 'agent', 'the agent was not shown');
    await loaded(el);
    const appraise = [...root(el).querySelectorAll('button')].find(
      (b) => text(b) === 'Performance appraisal',
    );
    expect(appraise, 'appraisal offered for an agent').to.not.equal(undefined);
    await expectAccessible(el);
  });

  it('shows no data as no data, never as 0', async () => {
    const el = mount(clientFor({ role: 'operations_manager' }), {
      period: 'custom',
      from: '2020-01-06',
      to: '2020-01-07',
    });
    await loaded(el);
    const report = el.shown && 'report' in el.shown ? el.shown.report : undefined;
    const ratios = report!.metrics.filter((v) => v.unit !== 'count');
    expect(ratios.length).to.be.greaterThan(0);
    for (const v of ratios) {
      expect(v.value).to.equal(null);
      const t = tile(el, v.metric);
      expect(text(t.querySelector('.value'))).to.equal('No data');
      expect(t.dataset.status).to.equal('none');
      expect(text(t.querySelector('.change'))).to.equal('No data for the previous period');
    }
  });

  it("explains each tile with the server's numerator, denominator, threshold and data age", async () => {
    const client = clientFor({ role: 'supervisor' });
    const el = mount(client, { period: 'week' });
    await loaded(el);
    const report = 'report' in el.shown! ? el.shown.report : undefined;
    for (const v of report!.metrics) {
      const details = tile(el, v.metric).querySelector('details')!;
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      const dd = [...details.querySelectorAll('dd')].map((d) => text(d));
      const time = v.unit === 'seconds' || v.metric === 'occupancy';
      const n = (x: number) => el.fmt.number(x, { maximumFractionDigits: 2 });
      expect(dd[0], v.metric).to.equal(time ? el.fmt.duration(v.numerator) : n(v.numerator));
      if (v.unit !== 'count') {
        expect(dd[1], v.metric).to.equal(
          v.metric === 'occupancy' ? el.fmt.duration(v.denominator) : n(v.denominator),
        );
      }
      expect(text(details)).to.contain(report!.dataAsOf ? 'As of' : 'No data');
    }
    const sl = text(tile(el, 'service_level').querySelector('details'));
    expect(sl).to.contain(`Answered within ${report!.serviceLevelThresholdSeconds} s`);
    expect(sl).to.contain(`abandoned within ${report!.shortAbandonSeconds} s are left out`);
    await expectAccessible(el);
  });

  it('fires cc-kpi-select with the figure when a tile is chosen', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), { period: 'today' });
    await loaded(el);
    const button = tile(el, 'aht').querySelector<HTMLButtonElement>('.name')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'cc-kpi-select')) as CcKpiSelectEvent;
    expect(event.metric).to.equal('aht');
    expect(event.period).to.equal('today');
    expect(event.scope).to.equal('team');
    expect(event.value!.metric).to.equal('aht');
    expect(event.from).to.equal(el.shown!.query.from);
  });

  it('works from the keyboard: period, tile choice and explanation', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), { period: 'today' });
    await loaded(el);
    const select = root(el).querySelector<HTMLSelectElement>('select[name=period]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' }); // today -> this week
    await waitUntil(() => el.period === 'week', 'the period did not change from the keyboard');
    await loaded(el);
    await waitUntil(() => el.shown!.query.period === 'week');
    const names = () => [...root(el).querySelectorAll<HTMLElement>('.name')];
    let chosen = '';
    el.addEventListener('cc-kpi-select', (e) => (chosen = e.metric));
    // Tab from the select: the appraisal and export buttons, then the first tile's name.
    for (let i = 0; i < 5 && root(el).activeElement !== names()[0]; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(root(el).activeElement).to.equal(names()[0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chosen === names()[0]!.closest<HTMLElement>('.tile')!.dataset.metric);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.localName).to.equal('summary');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('details')!.open);
  });

  it('a live update arrives on the stream and changes the tile', async () => {
    const client = clientFor({ role: 'supervisor' });
    const me = await client.me.get();
    const team = await client.teams.get(me.teamId!);
    const el = mount(client);
    await loaded(el);
    expect(el.shown!.query.period).to.equal('live');
    expect(el.matches(':state(live)')).to.equal(true);
    const live = await client.kpis.live({ scope: 'team', scopeId: me.teamId! });
    const before = (el.shown as { live: LiveKpis }).live.callsInQueue;
    expect(before).to.equal(live.callsInQueue);
    expect(text(tile(el, 'calls_in_queue').querySelector('.value'))).to.equal(String(before));
    const sl = tile(el, 'service_level');
    expect(text(sl.querySelector('.value'))).to.equal(
      expectedValue(el, { unit: 'ratio', value: live.serviceLevel.value }),
    );
    // Two calls start waiting in the team's queue, reported by the telephony feed.
    const tag = Math.random().toString(36).slice(2);
    const offeredAt = new Date(Date.now() - 30_000).toISOString();
    await client.calls.ingest({
      calls: [1, 2].map((i) => ({
        externalId: `kpi-tiles-${tag}-${i}`,
        queue: team.queues![0]!,
        direction: 'inbound' as const,
        offeredAt,
      })),
    });
    await waitUntil(
      () => (el.shown as { live: LiveKpis }).live.callsInQueue >= before + 2,
      'no live update arrived',
      { timeout: 8000 },
    );
    await el.updateComplete;
    const now = (el.shown as { live: LiveKpis }).live.callsInQueue;
    expect(text(tile(el, 'calls_in_queue').querySelector('.value'))).to.equal(String(now));
    expect(el.matches(':state(stale)')).to.equal(false);
  });

  it('marks the live figures stale when the stream stops', async () => {
    let stopped = false;
    const streams: AbortController[] = [];
    const faulty: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/v1/events')) {
        if (stopped) return Promise.reject(new TypeError('Failed to fetch'));
        const abort = new AbortController();
        streams.push(abort);
        init?.signal?.addEventListener('abort', () => abort.abort());
        return fetch(input, { ...init, signal: abort.signal });
      }
      return fetch(input, init);
    };
    const el = mount(clientFor({ role: 'supervisor' }, faulty), { staleAfter: 1 });
    await loaded(el);
    await waitUntil(() => streams.length > 0, 'the stream did not open');
    expect(root(el).querySelector('[part=stale]')).to.equal(null);
    stopped = true;
    for (const s of streams) s.abort();
    await waitUntil(() => el.matches(':state(stale)'), 'not marked stale', { timeout: 8000 });
    await el.updateComplete;
    expect(text(root(el).querySelector('[part=stale]'))).to.contain(
      'Live updates interrupted. Figures may be out of date.',
    );
    // The figures stay visible: stale, not gone.
    expect(root(el).querySelector('.tile[data-metric=calls_in_queue]')).to.not.equal(null);
  });

  it("staffing equals the SDK's Erlang C for the live window", async () => {
    const el = mount(clientFor({ role: 'operations_manager' }), { period: 'live' });
    await loaded(el);
    await waitUntil(() => sub(el, 'kpi-staffing'), 'no staffing panel');
    const staffing = sub(el, 'kpi-staffing') as CcKpiStaffing;
    await staffing.updateComplete;
    const live = staffing.live!;
    expect(live).to.equal((el.shown as { live: LiveKpis }).live);
    const figure = (k: string) => text(root(staffing).querySelector(`[data-figure=${k}] dd`));
    if (!live.callsOfferedInWindow || live.ahtSecondsInWindow === null || !live.target) {
      expect(staffing.estimate).to.equal(undefined);
      return;
    }
    const input = {
      callsPerInterval: live.callsOfferedInWindow,
      ahtSeconds: live.ahtSecondsInWindow,
      intervalSeconds: live.windowMinutes * 60,
      thresholdSeconds: live.serviceLevelThresholdSeconds!,
    };
    const needed = agentsNeeded({ ...input, targetServiceLevel: live.target.value }).agents;
    const at = (agents: number) => serviceLevel({ ...input, agents });
    expect(figure('needed')).to.equal(String(needed));
    expect(figure('staffed')).to.equal(String(live.agentsStaffed));
    expect(figure('plus-one')).to.equal(el.fmt.percent(at(live.agentsStaffed + 1), 1));
    if (live.agentsStaffed > 0) {
      expect(figure('minus-one')).to.equal(el.fmt.percent(at(live.agentsStaffed - 1), 1));
    }
    expect(figure('now')).to.equal(el.fmt.percent(at(live.agentsStaffed), 1));
    await expectAccessible(el);
  });

  it('announces politely only when a tile crosses its target', async () => {
    const el = mount(clientFor({ role: 'supervisor' }), { period: 'live' });
    await loaded(el);
    const live = (el.shown as { live: LiveKpis }).live;
    const region = root(el).querySelector('[aria-live=polite]')!;
    const push = (value: number) => {
      (el as unknown as { data: { data: unknown } }).data.data = {
        query: el.shown!.query,
        live: { ...live, serviceLevel: { ...live.serviceLevel, value } },
      };
      el.requestUpdate();
    };
    const target = live.target!.value;
    const settle = () => new Promise((r) => setTimeout(r, 700));
    push(target + 0.05);
    await settle();
    const said = text(region); // "met", if the real figure was below target
    push(target + 0.04); // still met: nothing new to say
    await settle();
    expect(text(region)).to.equal(said);
    push(target - 0.3); // crosses: missed
    await waitUntil(() => text(region) !== said, 'nothing announced', { timeout: 3000 });
    expect(text(region)).to.equal('Service level: Target missed');
  });

  it('exports the period as CSV through a Blob URL', async () => {
    const client = clientFor({ role: 'supervisor' });
    // Not occupancy: today's grows by the second with agents' presence.
    const el = mount(client, { period: 'today', metrics: ['service_level', 'aht', 'csat'] });
    await loaded(el);
    const original = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    try {
      const button = [...root(el).querySelectorAll('button')].find(
        (b) => text(b) === 'Export CSV',
      )!;
      button.click();
      await waitUntil(() => blob, 'no download', { timeout: 8000 });
    } finally {
      URL.createObjectURL = original;
    }
    const q = el.shown!.query;
    const csv = await client.kpis.export({
      scope: q.scope,
      scopeId: q.scopeId!,
      from: q.from!,
      to: q.to!,
      bucket: q.bucket,
      metrics: q.metrics,
    });
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).to.equal(csv);
    expect(blob!.type).to.contain('text/csv');
  });

  it('opens the appraisal of the team, each item against its target', async () => {
    const client = clientFor({ role: 'supervisor' });
    const me = await client.me.get();
    const el = mount(client, { period: 'month' });
    await loaded(el);
    const button = [...root(el).querySelectorAll('button')].find(
      (b) => text(b) === 'Performance appraisal',
    )!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => sub(el, 'kpi-appraisal'), 'no appraisal');
    const appraisal = sub(el, 'kpi-appraisal') as CcKpiAppraisal;
    await waitUntil(() => appraisal.appraisal, 'the appraisal did not load', { timeout: 8000 });
    await appraisal.updateComplete;
    const ask = () =>
      client.kpis.appraisal({
        scope: 'team',
        scopeId: me.teamId!,
        period: 'month',
        date: day(0),
        history: 3,
      });
    // Other test files write evaluations and calls to the same server meanwhile: when the
    // month's figures moved between the element's read and ours, the element reads again.
    const values = (a: Schema<'Appraisal'>) => JSON.stringify(a.items.map((i) => i.value));
    let expected = await ask();
    for (let i = 0; i < 3 && values(appraisal.appraisal!) !== values(expected); i++) {
      await (appraisal as unknown as { data: { refresh(): Promise<void> } }).data.refresh();
      await appraisal.updateComplete;
      expected = await ask();
    }
    expect(appraisal.appraisal!.from).to.equal(expected.from);
    for (const item of expected.items) {
      const row = root(appraisal).querySelector(`tr[data-metric=${item.metric}]`)!;
      expect(text(row.querySelectorAll('td')[0]), item.metric).to.equal(expectedValue(el, item));
      expect(row.getAttribute('data-status')).to.equal(item.status ?? 'none');
      expect(row.querySelectorAll('.hist li').length).to.equal(item.history.length);
    }
    expect(text(root(appraisal).querySelector('.summary'))).to.equal(
      `Targets met: ${expected.targetsMet} of ${expected.targetsWithValue}`,
    );
    await expectAccessible(el);
  });

  for (const [locale, words] of [
    ['zh-Hans', { period: '统计时段', met: '达标', noData: '暂无数据' }],
    ['zh-Hant', { period: '統計期間', met: '達標', noData: '尚無資料' }],
  ] as const) {
    it(`formats figures and words in ${locale}`, async () => {
      const el = mount(clientFor({ role: 'supervisor' }), { period: 'week', locale });
      await loaded(el);
      expect(el.getAttribute('lang')).to.match(new RegExp(`^${locale}`));
      expect(text(root(el).querySelector('select[name=period]')!.closest('label'))).to.contain(
        words.period,
      );
      const report = 'report' in el.shown! ? el.shown.report : undefined;
      const sl = report!.metrics.find((v) => v.metric === 'service_level')!;
      const expected =
        sl.value === null
          ? words.noData
          : new Intl.NumberFormat(el.localeTag, {
              style: 'percent',
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }).format(sl.value);
      expect(text(tile(el, 'service_level').querySelector('.value'))).to.equal(expected);
      const aht = report!.metrics.find((v) => v.metric === 'aht')!;
      if (aht.value !== null) {
        expect(text(tile(el, 'aht').querySelector('.value'))).to.match(/秒|分/);
      }
      if (sl.status === 'met') expect(text(tile(el, 'service_level'))).to.contain(words.met);
      // Dates of the range in the center's time zone, in the locale.
      expect(text(root(el).querySelector('.range'))).to.match(/\d{4}年/);
    });
  }

  it('shows an error with a retry when the server fails, and fires cc-error', async () => {
    const failing: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/v1/kpis')) {
        return Promise.resolve(
          new Response(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          }),
        );
      }
      return fetch(input, init);
    };
    const el = mount(clientFor({ role: 'supervisor' }, failing), { period: 'today' });
    const error = (await oneEvent(el, 'cc-error')) as CcErrorEvent;
    expect(error.status).to.equal(503);
    await waitUntil(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')).to.not.equal(null);
    expect(root(el).querySelector('[part~=retry-button]')).to.not.equal(null);
    await expectAccessible(el);
  });

  it('renders hostile text (host string overrides) as text', async () => {
    const registry = new TranslationRegistry();
    const payload = '<img src=x onerror="window.__kpiXss=1"><script>window.__kpiXss=1</script>';
    registry.register('en', { 'kpiTiles.f.aht': payload, 'kpiTiles.label': payload });
    const wrap = fixtureSync(
      html`<cc-provider .client=${clientFor({ role: 'supervisor' })} .translations=${registry}
        ><cc-kpi-tiles period="today"></cc-kpi-tiles
      ></cc-provider>`,
    );
    const el = wrap.querySelector('cc-kpi-tiles')!;
    await loaded(el);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(text(tile(el, 'aht').querySelector('details p'))).to.equal(payload);
    expect((window as { __kpiXss?: number }).__kpiXss).to.equal(undefined);
  });

  it('is accessible in the dark theme, compact, on a narrow screen', async () => {
    const el = mount(clientFor({ role: 'operations_manager' }), {
      period: 'today',
      theme: 'dark',
    });
    el.density = 'compact';
    el.style.width = '320px';
    await loaded(el);
    const tiles = [...root(el).querySelectorAll<HTMLElement>('.tile')];
    // One column at 320 px.
    expect(new Set(tiles.map((t) => t.offsetLeft)).size).to.equal(1);
    await expectAccessible(el);
  });
});

const statusText = { met: 'Target met', at_risk: 'At risk', missed: 'Target missed' } as const;
