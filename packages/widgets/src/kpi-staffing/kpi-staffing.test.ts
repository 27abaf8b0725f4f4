import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@cc-kit/sdk';
import { agentsNeeded, serviceLevel } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-kpi-staffing.js';
import { expectAccessible } from '../test-utils/axe.js';
import type { CcKpiStaffing } from './kpi-staffing.js';

type LiveKpis = Schema<'LiveKpis'>;

let live: LiveKpis;

before(async function () {
  // The first answers wait for the reference server to start and seed, and the schemas to load.
  this.timeout(60_000);
  const { apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string };
  const anonymous = createClient({ baseUrl: apiUrl });
  const client = createClient({
    baseUrl: apiUrl,
    getToken: async () => (await anonymous.demo.token({ role: 'operations_manager' })).token,
  });
  live = await client.kpis.live({ scope: 'center' });
});

const mount = (figures: LiveKpis, locale = 'en') =>
  fixtureSync<CcKpiStaffing>(
    html`<cc-kpi-staffing .live=${figures} locale=${locale}></cc-kpi-staffing>`,
  );
const figure = (el: CcKpiStaffing, key: string) =>
  el.shadowRoot!.querySelector(`[data-figure=${key}] dd`)?.textContent?.trim();

describe("<cc-kpi-staffing> on its own, with the server's live figures", function () {
  // The test machine is shared: allow for a slow first answer, axe and a busy CPU.
  this.timeout(30_000);
  it("shows the SDK's Erlang C answer for a busy window", async () => {
    // A busy half hour: the center's figures with ten times the arrivals.
    const busy = { ...live, callsOfferedInWindow: 300, ahtSecondsInWindow: 240, agentsStaffed: 40 };
    const el = mount(busy);
    await el.updateComplete;
    const input = {
      callsPerInterval: 300,
      ahtSeconds: 240,
      intervalSeconds: busy.windowMinutes * 60,
      thresholdSeconds: busy.serviceLevelThresholdSeconds!,
    };
    const needed = agentsNeeded({ ...input, targetServiceLevel: busy.target!.value }).agents;
    expect(figure(el, 'needed')).to.equal(String(needed));
    expect(figure(el, 'staffed')).to.equal('40');
    expect(figure(el, 'minus-one')).to.equal(
      el.fmt.percent(serviceLevel({ ...input, agents: 39 }), 1),
    );
    expect(figure(el, 'plus-one')).to.equal(
      el.fmt.percent(serviceLevel({ ...input, agents: 41 }), 1),
    );
    expect(el.matches(':state(understaffed)')).to.equal(40 < needed);
    const gap = el.shadowRoot!.querySelector('.gap')!.textContent!;
    expect(gap).to.match(40 < needed ? /more agents? needed/ : /more than needed|as needed/);
    await expectAccessible(el);
  });

  it('says why there is no estimate without traffic or without a target', async () => {
    const quiet = mount({ ...live, callsOfferedInWindow: 0, ahtSecondsInWindow: null });
    await quiet.updateComplete;
    expect(quiet.estimate).to.equal(undefined);
    expect(quiet.shadowRoot!.textContent).to.contain('No calls in the window');
    const unended = mount({ ...live, callsOfferedInWindow: 3, ahtSecondsInWindow: null });
    await unended.updateComplete;
    expect(unended.shadowRoot!.textContent).to.contain('No call in the window has ended yet');
    const untargeted = mount({
      ...live,
      callsOfferedInWindow: 10,
      ahtSecondsInWindow: 200,
      target: null,
    });
    await untargeted.updateComplete;
    expect(untargeted.shadowRoot!.textContent).to.contain('has no target');
  });

  it('speaks zh-Hans and zh-Hant', async () => {
    const busy = { ...live, callsOfferedInWindow: 120, ahtSecondsInWindow: 200 };
    const hans = mount(busy, 'zh-Hans');
    const hant = mount(busy, 'zh-Hant');
    await waitUntil(() => hans.shadowRoot!.textContent!.includes('所需坐席数'));
    await waitUntil(() => hant.shadowRoot!.textContent!.includes('所需客服人數'));
    expect(hans.shadowRoot!.textContent).to.contain('平均处理时长');
    expect(hant.shadowRoot!.textContent).to.contain('平均處理時間');
  });
});
