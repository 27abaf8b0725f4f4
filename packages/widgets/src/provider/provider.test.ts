import { expect, fixtureSync, html } from '@open-wc/testing';
import '../define/cc-provider.js';
import type { CcProvider } from './provider.js';
import type { CcClient } from '../shared/client.js';
import { CcAuthErrorEvent } from '../shared/events.js';
import { place, probe } from '../test-utils/probe.js';
import { expectAccessible } from '../test-utils/axe.js';
import * as stories from './provider.stories.js';

const fakeClient = { fake: true } as unknown as CcClient;
const otherClient = { other: true } as unknown as CcClient;

describe('<cc-provider>', () => {
  it('gives a widget inside it the client, locale, time zone, theme and density', async () => {
    const provider = fixtureSync(
      html`<cc-provider
        locale="zh-Hant"
        time-zone="Asia/Taipei"
        theme="dark"
        density="compact"
        .client=${fakeClient}
        ><i class="here"></i
      ></cc-provider>`,
    );
    const el = await place(provider, '.here', probe());
    expect(el.resolvedClient).to.equal(fakeClient);
    expect(el.resolvedLocale).to.equal('zh-Hant');
    expect(el.resolvedTimeZone).to.equal('Asia/Taipei');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.getAttribute('density')).to.equal('compact');
    expect(el.getAttribute('lang')).to.equal('zh-Hant-TW');
    expect(el.shadowRoot!.textContent).to.contain('載入中');
  });

  it('updates widgets when its configuration changes', async () => {
    const provider = fixtureSync<CcProvider>(
      html`<cc-provider locale="en" .client=${fakeClient}
        ><div><i class="here"></i></div
      ></cc-provider>`,
    );
    const el = await place(provider, '.here', probe());
    expect(el.shadowRoot!.textContent).to.contain('Loading');
    provider.locale = 'zh-CN';
    provider.client = otherClient;
    provider.theme = 'dark';
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('zh-Hans');
    expect(el.resolvedClient).to.equal(otherClient);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.shadowRoot!.textContent).to.contain('正在加载');
  });

  it('lets an element outside any provider use its own .client and properties', async () => {
    const root = fixtureSync(html`<div><i class="here"></i></div>`);
    const el = await place(
      root,
      '.here',
      probe({ props: { client: fakeClient }, attrs: { locale: 'zh-TW' } }),
    );
    expect(el.resolvedClient).to.equal(fakeClient);
    expect(el.resolvedLocale).to.equal('zh-Hant');
    expect(el.getAttribute('theme')).to.equal('light');
    expect(el.getAttribute('density')).to.equal('comfortable');
  });

  it("prefers the element's own settings over the provider's", async () => {
    const provider = fixtureSync(
      html`<cc-provider locale="en" theme="dark" .client=${fakeClient}
        ><i class="here"></i
      ></cc-provider>`,
    );
    const el = await place(
      provider,
      '.here',
      probe({ props: { client: otherClient }, attrs: { locale: 'zh-Hans', theme: 'light' } }),
    );
    expect(el.resolvedLocale).to.equal('zh-Hans');
    expect(el.getAttribute('theme')).to.equal('light');
    expect(el.resolvedClient).to.equal(otherClient);
  });

  it('nests: an inner provider overrides only what it sets', async () => {
    const outer = fixtureSync(
      html`<cc-provider locale="zh-Hant" theme="dark" .client=${fakeClient}
        ><cc-provider density="compact"><i class="here"></i></cc-provider
      ></cc-provider>`,
    );
    const el = await place(outer, '.here', probe());
    expect(el.resolvedClient).to.equal(fakeClient);
    expect(el.resolvedLocale).to.equal('zh-Hant');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.getAttribute('density')).to.equal('compact');
  });

  it('builds a client from base-url and getToken; a rejecting getToken fires cc-auth-error', async () => {
    const failure = new Error('signed out');
    const provider = fixtureSync<CcProvider>(
      html`<cc-provider base-url="http://127.0.0.1:9" .getToken=${() => Promise.reject(failure)}
        ><i class="here"></i
      ></cc-provider>`,
    );
    const el = await place(provider, '.here', probe());
    const client = el.resolvedClient;
    expect(client, 'a client was built').to.not.equal(undefined);
    const fired = new Promise<CcAuthErrorEvent>((resolve) =>
      provider.addEventListener('cc-auth-error', resolve, { once: true }),
    );
    const call = client!.me.get().catch((error: unknown) => error);
    const event = await fired;
    expect(event).to.be.instanceOf(CcAuthErrorEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.error).to.equal(failure);
    await call;
  });

  it('takes no room, never relabels host content, and is accessible', async () => {
    const provider = fixtureSync(
      html`<cc-provider locale="zh-Hans"><p>Host content</p></cc-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.hasAttribute('lang')).to.equal(false);
    await expectAccessible(provider);
  });

  it("leaves host content in the page's color and type, whatever its theme", async () => {
    const root = fixtureSync(
      html`<div>
        <p class="outside">Page text</p>
        <cc-provider theme="dark" locale="zh-Hant"><p class="inside">Host content</p></cc-provider>
      </div>`,
    );
    await root.querySelector<CcProvider>('cc-provider')!.updateComplete;
    const outside = getComputedStyle(root.querySelector('.outside')!);
    const inside = getComputedStyle(root.querySelector('.inside')!);
    for (const property of ['color', 'color-scheme', 'font-family', 'font-size', 'line-height']) {
      expect(inside.getPropertyValue(property), property).to.equal(
        outside.getPropertyValue(property),
      );
    }
  });
});

describe('<cc-provider> stories', () => {
  const { default: _meta, ...named } = stories;
  // Wrapped as .storybook/preview.ts wraps every story (its toolbar's locale, theme, density).
  const toolbars = [
    { locale: 'en', theme: 'light', density: 'comfortable' },
    { locale: 'zh-Hans', theme: 'dark', density: 'compact' },
    { locale: 'zh-Hant', theme: 'auto', density: 'comfortable' },
  ];
  for (const [name, story] of Object.entries(named)) {
    for (const globals of toolbars) {
      it(`${name} (${globals.locale}, ${globals.theme}) renders accessibly`, async () => {
        const root = fixtureSync(
          html`<div>
            <cc-provider locale=${globals.locale} theme=${globals.theme} density=${globals.density}
              >${story.render()}</cc-provider
            >
          </div>`,
        );
        const providers = [...root.querySelectorAll<CcProvider>('cc-provider')];
        expect(providers.length, 'the story renders its own provider').to.equal(2);
        await Promise.all(providers.map((provider) => provider.updateComplete));
        expect(root.textContent!.trim()).to.not.equal('');
        await expectAccessible(root);
      });
    }
  }
});
