import { expect } from '@open-wc/testing';

/** The built one-file bundle (npm test builds it before the browser tests). */
const BUNDLE = '/packages/widgets/dist/cc-widgets.js';

interface Kit {
  CcProvider: CustomElementConstructor;
  CcElement: CustomElementConstructor & { prototype: { resolvedClient: unknown } };
  defineElements(options?: { prefix?: string }): Record<string, string>;
  elements: Record<string, CustomElementConstructor>;
}

const load = (copy: string): Promise<Kit> => import(/* @vite-ignore */ `${BUNDLE}?copy=${copy}`);

describe('cc-widgets.js bundle', () => {
  // Runs first: the page holds the markup before any copy of the kit is loaded.
  it('elements already in the page when it loads find their provider (it is registered first)', async () => {
    const provider = document.createElement('cc-provider');
    provider.setAttribute('locale', 'zh-Hant');
    provider.setAttribute('theme', 'dark');
    const tags = ['cc-complaint-form', 'cc-kpi-tiles', 'cc-equipment-checklist', 'cc-qa-scorecard'];
    for (const tag of tags) provider.append(document.createElement(tag));
    document.body.append(provider);
    try {
      await load('first');
      const seen = [...provider.children].map((el) => [
        el.localName,
        (el as HTMLElement & { resolvedLocale?: string }).resolvedLocale,
        el.getAttribute('theme'),
      ]);
      expect(seen).to.deep.equal(tags.map((tag) => [tag, 'zh-Hant', 'dark']));
    } finally {
      provider.remove();
    }
  });

  it('two copies on one page: nothing throws, the first keeps the tags, they share providers', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    let first: Kit;
    let second: Kit;
    try {
      first = await load('first');
      second = await load('second');
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(first.CcProvider).not.to.equal(second.CcProvider);
    expect(customElements.get('cc-provider')).to.equal(first.CcProvider);
    expect(warnings.length, 'one warning per taken tag').to.equal(
      Object.keys(first.elements).length,
    );

    // The second version registers under its own prefix and still finds the first one's provider.
    const tags = second.defineElements({ prefix: 'v2' });
    expect(tags.provider).to.equal('v2-provider');
    const client = { marker: 'from the first copy' };
    const provider = document.createElement('cc-provider') as HTMLElement & { client: unknown };
    provider.client = client;
    const Probe = class extends (second.CcElement as unknown as { new (): HTMLElement }) {};
    customElements.define('v2-test-probe', Probe);
    const probe = document.createElement('v2-test-probe') as HTMLElement & {
      resolvedClient: unknown;
      updateComplete: Promise<unknown>;
    };
    provider.append(probe);
    document.body.append(provider);
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(client);
    provider.remove();
  });

  it('a page in Chinese loads its locale pack beside the bundle (only that one), before its first frame', async () => {
    const kit = await load('first');
    const Base = kit.CcElement as unknown as { new (): HTMLElement };
    class LocaleProbe extends Base {
      frames: string[] = [];
      render() {
        const text = (this as unknown as { t(key: string): string }).t('retry');
        this.frames.push(text);
        return text;
      }
    }
    customElements.define('bundle-locale-probe', LocaleProbe);
    const el = document.createElement('bundle-locale-probe') as LocaleProbe & {
      updateComplete: Promise<unknown>;
    };
    el.setAttribute('locale', 'zh-Hant');
    const started = performance.now();
    document.body.append(el);
    await el.updateComplete;
    const firstFrame = performance.now() - started;
    expect(el.frames).to.deep.equal(['重試']);
    const files = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/dist/cc-widgets.'));
    expect(files).to.include('/packages/widgets/dist/cc-widgets.zh-Hant.js');
    expect(files).not.to.include('/packages/widgets/dist/cc-widgets.zh-Hans.js');
    // The pack is data only: it imports nothing, so it can never load a second copy of the kit.
    const pack = await (await fetch('/packages/widgets/dist/cc-widgets.zh-Hant.js')).text();
    const code = pack.split('//# sourceMappingURL')[0] ?? '';
    expect(code.match(/\bimport\s*[({*'"]|\bfrom\s*["']\.{0,2}\//g) ?? []).to.deep.equal([]);
    console.log(`first frame in zh-Hant (pack loaded on demand): ${firstFrame.toFixed(1)} ms`);
    el.remove();
  });
});
