import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import '../define/cc-kpi-appraisal.js';
import type { CcClient } from '../shared/client.js';
import { expectAccessible } from '../test-utils/axe.js';
import type { CcKpiAppraisal } from './kpi-appraisal.js';

let client: CcClient;
let agentId: string;

before(async function () {
  // The first answers wait for the reference server to start and seed, and the schemas to load.
  this.timeout(60_000);
  const { apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string };
  const anonymous = createClient({ baseUrl: apiUrl });
  client = createClient({
    baseUrl: apiUrl,
    getToken: async () => (await anonymous.demo.token({ role: 'supervisor' })).token,
  });
  const me = await client.me.get();
  const agents = await client.agents.list({ teamId: me.teamId! });
  agentId = agents.items.find((a) => a.role === 'agent')!.id;
});

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());

describe('<cc-kpi-appraisal> on its own', function () {
  // The test machine is shared: allow for a slow first answer, axe and a busy CPU.
  this.timeout(30_000);
  it("shows an agent's quarter, item by item, as the server computes it", async () => {
    const el = fixtureSync<CcKpiAppraisal>(
      html`<cc-kpi-appraisal
        .client=${client}
        scope="agent"
        scope-id=${agentId}
        period="quarter"
        time-zone="Asia/Shanghai"
      ></cc-kpi-appraisal>`,
    );
    await waitUntil(() => el.appraisal, 'no appraisal', { timeout: 8000 });
    await el.updateComplete;
    const expected = await client.kpis.appraisal({
      scope: 'agent',
      scopeId: agentId,
      period: 'quarter',
      date: today(),
      history: 3,
    });
    expect(el.appraisal!.from).to.equal(expected.from);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map(
      (r) => (r as HTMLElement).dataset.metric,
    );
    expect(rows).to.deep.equal(expected.items.map((i) => i.metric));
    for (const item of expected.items.filter((i) => i.value === null)) {
      const cell = el.shadowRoot!.querySelector(`tr[data-metric=${item.metric}] td`)!;
      expect(cell.textContent!.trim()).to.equal('No data');
    }
    await expectAccessible(el);
  });

  it('changes period from the keyboard', async () => {
    const el = fixtureSync<CcKpiAppraisal>(
      html`<cc-kpi-appraisal
        .client=${client}
        scope="agent"
        scope-id=${agentId}
      ></cc-kpi-appraisal>`,
    );
    await waitUntil(() => el.appraisal, 'no appraisal', { timeout: 8000 });
    el.shadowRoot!.querySelector('select')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.period === 'quarter');
    await waitUntil(() => el.appraisal?.period === 'quarter', 'not reloaded', { timeout: 8000 });
  });
});
