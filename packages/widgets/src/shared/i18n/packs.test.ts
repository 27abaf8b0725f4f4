import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { place, probe } from '../../test-utils/probe.js';
import '../../define/cc-provider.js';
import type { CcProvider } from '../../provider/provider.js';
import { CcElement } from '../element.js';
import { hasLocale, loadLocale } from './packs.js';
import { registerTranslations } from './registry.js';
import { sharedCatalog } from './shared.js';
import { defineCatalog, type Catalog } from './types.js';

const en = { 'packTest.title': 'Queue', 'packTest.count': (p: { n: number }) => `${p.n} open` };
type Strings = typeof en;

/** A pack whose loads are counted and can be made to fail or to wait. */
function controlledPack(catalog: Catalog<Strings>) {
  const state = { loads: 0, fail: false, gate: Promise.resolve() };
  const loader = async () => {
    state.loads++;
    await state.gate;
    if (state.fail) throw new Error('pack unavailable');
    return { default: catalog };
  };
  return { state, loader };
}

const hans = controlledPack({
  'packTest.title': '队列',
  'packTest.count': (p) => `${p.n} 张待处理`,
});
const hant = controlledPack({
  'packTest.title': '佇列',
  'packTest.count': (p) => `${p.n} 張待處理`,
});
const section = defineCatalog('test-pack', en, { 'zh-Hans': hans.loader, 'zh-Hant': hant.loader });

/** Records the text of every frame it renders. */
class PackProbe extends CcElement {
  frames: string[] = [];
  protected override render() {
    const text = `${this.msg(section)('packTest.title')} ${this.t('retry')}`;
    this.frames.push(text);
    return litHtml`<p>${text}</p>`;
  }
}

describe('locale packs', () => {
  it('keeps English in memory and loads a Chinese pack only when asked', () => {
    expect(hasLocale(section, 'en')).to.equal(true);
    expect(hans.state.loads).to.equal(0);
    expect(hant.state.loads).to.equal(0);
  });

  it('an element that starts in Chinese renders its first frame in Chinese, never English', async () => {
    let open!: () => void;
    hans.state.gate = new Promise((resolve) => (open = resolve));
    const root = fixtureSync(html`<div><i class="here"></i></div>`);
    const el = probe<PackProbe>({ attrs: { locale: 'zh-Hans' } }, PackProbe);
    const placed = place(root, '.here', el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.frames, 'no frame before the pack is in').to.deep.equal([]);
    open();
    await placed;
    expect(el.frames).to.deep.equal(['队列 重试']);
    expect(sharedCatalog.catalogs['zh-Hans']).to.be.an('object');
  });

  it('a locale switch loads the pack, then re-renders; the old text stays until then', async () => {
    let open!: () => void;
    hant.state.gate = new Promise((resolve) => (open = resolve));
    const root = fixtureSync(
      html`<cc-provider locale="zh-Hans"><i class="here"></i></cc-provider>`,
    );
    const el = await place(root, '.here', probe<PackProbe>({}, PackProbe));
    expect(el.frames).to.deep.equal(['队列 重试']);
    (root as CcProvider).locale = 'zh-Hant';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.textContent).to.contain('队列');
    open();
    await waitUntil(() => el.frames.length > 1, 'no frame after the pack came in');
    await el.updateComplete;
    expect(el.frames).to.deep.equal(['队列 重试', '佇列 重試']);
    expect(el.frames.join()).not.to.contain('Queue');
  });

  it('host overrides win over a loaded pack', async () => {
    registerTranslations('zh-Hant', { 'packTest.title': '我的佇列' });
    try {
      const el = await place(
        fixtureSync(html`<div><i class="here"></i></div>`),
        '.here',
        probe<PackProbe>({ attrs: { locale: 'zh-Hant' } }, PackProbe),
      );
      expect(el.shadowRoot!.textContent).to.contain('我的佇列');
    } finally {
      registerTranslations('zh-Hant', { 'packTest.title': '佇列' });
    }
  });

  it('a pack that fails falls back to English with a warning, and is retried on the next switch', async () => {
    const failing = controlledPack({ 'packTest.title': '失败', 'packTest.count': () => '' });
    failing.state.fail = true;
    // zh-Hans is in memory for every other section: only this one is missing.
    const other = defineCatalog('test-pack-failing', en, {
      'zh-Hans': failing.loader,
      'zh-Hant': hant.loader,
    });
    class FailingProbe extends CcElement {
      protected override render() {
        return litHtml`<p>${this.msg(other)('packTest.title')}</p>`;
      }
    }
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const root = fixtureSync(
        html`<cc-provider locale="zh-Hans"><i class="here"></i></cc-provider>`,
      );
      const el = await place(root, '.here', probe<FailingProbe>({}, FailingProbe));
      expect(el.shadowRoot!.textContent).to.contain('Queue');
      expect(failing.state.loads).to.equal(1);
      expect(String(warnings[0]?.[0])).to.contain('zh-Hans');
      // Re-rendering in the same locale does not hammer the server.
      el.requestUpdate();
      await el.updateComplete;
      expect(failing.state.loads).to.equal(1);
      // The next switch to zh-Hans tries again, and this time it loads.
      failing.state.fail = false;
      (root as CcProvider).locale = 'en';
      await waitUntil(() => el.resolvedLocale === 'en');
      (root as CcProvider).locale = 'zh-Hans';
      await waitUntil(() => el.shadowRoot!.textContent!.includes('失败'), 'not retried');
      expect(failing.state.loads).to.equal(2);
      expect(el.shadowRoot!.textContent).to.contain('失败');
    } finally {
      console.warn = warn;
    }
  });

  it('loadLocale() resolves to nothing to wait for once a locale is in memory', async () => {
    await loadLocale('zh-Hant');
    expect(loadLocale('zh-Hant')).to.equal(undefined);
    expect(loadLocale('en')).to.equal(undefined);
  });
});
