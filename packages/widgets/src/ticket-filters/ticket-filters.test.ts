import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@cc-kit/sdk';
import '../define/cc-ticket-filters.js';
import type { CcClient } from '../shared/client.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import type { TicketQueueView } from '../ticket-queue/ticket-queue.js';
import type { CcTicketFilters } from './ticket-filters.js';
import type { CcFilterChangeEvent } from './ticket-filters.events.js';
import { messages } from './ticket-filters.i18n.js';

let apiUrl: string;
const clients = new Map<string, CcClient>();
function clientFor(role: 'agent' | 'supervisor'): CcClient {
  let client = clients.get(role);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      getToken: async () => (await anonymous.demo.token({ role })).token,
    });
    clients.set(role, client);
  }
  return client;
}

before(async function () {
  this.timeout(30000);
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
});

const views: TicketQueueView[] = [
  { id: 'urgent', name: 'Urgent <b>now</b>', filters: { priority: ['urgent'] } },
];

const mount = (role: 'agent' | 'supervisor', locale = 'en') =>
  fixtureSync<CcTicketFilters>(
    html`<cc-ticket-filters
      .client=${clientFor(role)}
      .views=${views}
      .filters=${{ state: ['open'] }}
      locale=${locale}
    ></cc-ticket-filters>`,
  );
const $ = <T extends HTMLElement = HTMLElement>(el: CcTicketFilters, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

describe('<cc-ticket-filters> against the reference server', function () {
  // A busy shared machine answers slowly at times; the tests measure behaviour, not speed.
  this.timeout(30000);

  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it('shows counts per option, and team filters only to roles that see other teams', async () => {
    const client = clientFor('supervisor');
    const el = mount('supervisor');
    const counts = await client.tickets.counts({ groupBy: 'state' });
    el.counts = { state: new Map(counts.groups.map((g) => [String(g.key), g.count])) };
    await waitUntil(() => $(el, '#f-team'), 'no team filter', { timeout: 8000 });
    await el.updateComplete;
    const open = counts.groups.find((g) => g.key === 'open')?.count ?? 0;
    expect($(el, '#f-state option[value=open]')!.textContent).to.contain(`(${open})`);
    expect($<HTMLSelectElement>(el, '#f-state')!.value).to.equal('open');
    expect($(el, '#view')!.textContent).to.contain('Urgent <b>now</b>');
    await expectAccessible(el);
    const agentEl = mount('agent');
    await waitUntil(() => $(agentEl, '#f-state'), 'no filters', { timeout: 8000 });
    expect($(agentEl, '#f-team')).to.equal(null);
  });

  it('searches from the keyboard and says what changed', async () => {
    const el = mount('agent');
    const changes: CcFilterChangeEvent[] = [];
    el.addEventListener('cc-filter-change', (e) => changes.push(e));
    await waitUntil(() => $(el, '#q'), 'no search', { timeout: 8000 });
    $(el, '#q')!.focus();
    await sendKeys({ type: 'bill' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => changes.length > 0);
    expect(changes.at(-1)!.filters).to.deep.equal({ state: ['open'], q: 'bill' });
    // A saved view is picked by its id.
    const view = $<HTMLSelectElement>(el, '#view')!;
    view.value = 'urgent';
    view.dispatchEvent(new Event('change'));
    expect(changes.at(-1)!.viewId).to.equal('urgent');
  });

  it('speaks zh-Hans', async () => {
    const el = mount('agent', 'zh-Hans');
    await waitUntil(() => $(el, '#f-state'), 'no filters', { timeout: 8000 });
    expect(el.shadowRoot!.textContent).to.contain('清除筛选');
    expect(el.shadowRoot!.textContent).to.contain('服务时限状态');
  });
});
