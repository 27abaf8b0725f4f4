import { expect, fixtureSync, html as testHtml } from '@open-wc/testing';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { createClient } from '@cc-kit/sdk';
import type { CcClient } from './client.js';
import { DataController } from './data-controller.js';
import { CcElement } from './element.js';
import type { CcErrorEvent } from './events.js';
import { place, probe } from '../test-utils/probe.js';
import { expectAccessible } from '../test-utils/axe.js';

type Mode = 'me' | 'empty' | 'missing' | 'flaky';

/** A widget-like element reading from the real reference server through the SDK. */
class DataProbe extends CcElement {
  @property() mode: Mode = 'me';
  attempts = 0;
  signals: AbortSignal[] = [];
  data = new DataController(this, {
    args: () => [this.mode] as const,
    task: async ([mode], { client, signal }) => {
      this.attempts++;
      this.signals.push(signal);
      if (mode === 'empty') return (await client.me.get({ signal })) && [];
      if (mode === 'missing' || (mode === 'flaky' && this.attempts === 1)) {
        await client.tickets.get('no-such-ticket', { signal });
      }
      const me = await client.me.get({ signal });
      return [me.user.name];
    },
  });
  protected override render() {
    return this.data.render({ complete: (names) => html`<p class="name">${names[0]}</p>` });
  }
}

let client: CcClient;

before(async () => {
  const { apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string };
  const anonymous = createClient({ baseUrl: apiUrl });
  client = createClient({
    baseUrl: apiUrl,
    getToken: async () => (await anonymous.demo.token({ role: 'agent' })).token,
  });
});

const mount = async (mode: Mode, props: Partial<DataProbe> = {}) => {
  const root = fixtureSync(testHtml`<div><i class="here"></i></div>`);
  const el = probe<DataProbe>({ props: { client, mode, ...props } }, DataProbe);
  root.querySelector('.here')!.replaceWith(el);
  return el;
};

const settle = async (el: DataProbe) => {
  // The first update (which starts the task) waits for the locale's strings when they are not in.
  await el.updateComplete;
  await el.data.task.taskComplete.catch(() => undefined);
  await el.updateComplete;
};

describe('DataController against the reference server', () => {
  it('shows loading, then the data', async () => {
    const el = await mount('me');
    await el.updateComplete;
    expect(el.data.status).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Loading');
    await settle(el);
    expect(el.data.status).to.equal('complete');
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.not.equal('');
    await expectAccessible(el);
  });

  it('keeps the data visible while it refreshes', async () => {
    const el = await mount('me');
    await settle(el);
    const refreshing = el.data.refresh();
    await el.updateComplete;
    expect(el.data.status).to.equal('refreshing');
    expect(el.matches(':state(refreshing)')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.name'), 'stale data still shown').to.not.equal(null);
    await refreshing;
    await el.updateComplete;
    expect(el.data.status).to.equal('complete');
  });

  it('shows the shared empty state', async () => {
    const el = await mount('empty', { locale: 'zh-Hans' });
    await settle(el);
    expect(el.data.status).to.equal('empty');
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('暂无内容');
  });

  it('shows a localized error with the request id, fires cc-error, and retries', async () => {
    const el = await mount('flaky', { locale: 'zh-Hant' });
    const fired = new Promise<CcErrorEvent>((resolve) =>
      el.addEventListener('cc-error', resolve, { once: true }),
    );
    const event = await fired;
    await el.updateComplete;
    expect(event.status).to.equal(404);
    expect(event.code).to.not.equal('');
    expect(event.requestId).to.be.a('string');
    expect(event.composed && event.bubbles).to.equal(true);
    expect(el.data.status).to.equal('error');
    expect(el.matches(':state(error)')).to.equal(true);
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('這筆資料不存在');
    expect(alert.textContent).to.contain(event.requestId!);
    await expectAccessible(el);
    const retry = el.shadowRoot!.querySelector('button')!;
    expect(retry.textContent!.trim()).to.equal('重試');
    retry.click();
    await settle(el);
    expect(el.data.status).to.equal('complete');
    expect(el.matches(':state(error)')).to.equal(false);
  });

  it('aborts the previous run when its arguments change', async () => {
    const el = await mount('me');
    await el.updateComplete;
    expect(el.signals).to.have.length(1);
    el.mode = 'empty';
    await settle(el);
    expect(el.signals[0]!.aborted, 'first run aborted').to.equal(true);
    expect(el.signals[1]!.aborted).to.equal(false);
    expect(el.data.status).to.equal('empty');
  });

  it('says "not connected" (no retry) without a client', async () => {
    const root = fixtureSync(testHtml`<div><i class="here"></i></div>`);
    const el = await place(root, '.here', probe<DataProbe>({ props: { mode: 'me' } }, DataProbe));
    await settle(el);
    expect(el.data.status).to.equal('error');
    expect(el.data.error?.kind).to.equal('no_client');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });
});
