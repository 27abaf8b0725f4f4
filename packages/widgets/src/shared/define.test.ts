import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CcElement } from './element.js';
import { define, defineAll, supportsScopedRegistries, tagOf } from './define.js';
import { defineElements } from '../elements.js';
import { CcProvider } from '../provider/provider.js';

function spyWarn(): { calls: unknown[][]; restore: () => void } {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => void calls.push(args);
  return { calls, restore: () => (console.warn = original) };
}

const uniqueTag = (name: string) => `cc-${name}-${Math.random().toString(36).slice(2, 8)}`;

describe('guarded define', () => {
  it('defining the same class twice neither throws nor warns', () => {
    const tag = uniqueTag('same');
    class A extends LitElement {}
    const spy = spyWarn();
    try {
      expect(define(tag, A)).to.equal(A);
      expect(define(tag, A)).to.equal(A);
    } finally {
      spy.restore();
    }
    expect(spy.calls).to.have.length(0);
    expect(customElements.get(tag)).to.equal(A);
  });

  it('another class on a taken tag warns once and never throws', () => {
    const tag = uniqueTag('other');
    class A extends LitElement {}
    class B extends LitElement {}
    class C extends LitElement {}
    const spy = spyWarn();
    try {
      define(tag, A);
      expect(define(tag, B)).to.equal(undefined);
      expect(define(tag, C)).to.equal(undefined);
    } finally {
      spy.restore();
    }
    expect(spy.calls).to.have.length(1);
    expect(String(spy.calls[0]![0])).to.contain(tag);
    expect(customElements.get(tag)).to.equal(A);
  });

  it('defineElements registers every element under another prefix', async () => {
    await import('../define/cc-provider.js');
    const tags = defineElements({ prefix: 'acme' });
    expect(tags.provider).to.equal('acme-provider');
    const Acme = customElements.get('acme-provider')!;
    expect(typeof Acme).to.equal('function');
    expect(new Acme()).to.be.instanceOf(CcProvider);
    expect(tagOf(CcProvider)).to.equal('cc-provider');
    // Twice is fine too.
    expect(defineElements({ prefix: 'acme' }).provider).to.equal('acme-provider');
  });

  it('defineElements into a scoped registry, where the browser has them', async function () {
    if (!supportsScopedRegistries()) this.skip();
    const registry = new CustomElementRegistry();
    const tags = defineAll({ provider: CcProvider }, { prefix: 'scoped', registry });
    expect(tags.provider).to.equal('scoped-provider');
    expect(customElements.get('scoped-provider')).to.equal(undefined);
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({
      mode: 'open',
      customElementRegistry: registry,
    } as ShadowRootInit);
    const el = document.createElement('scoped-provider', {
      customElementRegistry: registry,
    } as ElementCreationOptions);
    root.append(el);
    expect(el).to.be.instanceOf(CcProvider);
    expect(tagOf(CcProvider, el)).to.equal('scoped-provider');
    host.remove();
  });
});

describe('an element defined before its provider', () => {
  it("receives the provider's settings once the provider is defined", async () => {
    class LateChild extends CcElement {}
    const providerTag = uniqueTag('late-provider');
    const childTag = uniqueTag('late-child');
    const provider = document.createElement(providerTag);
    provider.setAttribute('locale', 'zh-Hant');
    provider.setAttribute('time-zone', 'Asia/Taipei');
    const child = document.createElement(childTag) as LateChild;
    provider.append(child);
    document.body.append(provider);
    try {
      define(childTag, LateChild);
      await (child as CcElement).updateComplete;
      expect(child.resolvedLocale).to.not.equal('zh-Hant');
      define(providerTag, CcProvider);
      await (provider as CcProvider).updateComplete;
      await child.updateComplete;
      expect(child.resolvedLocale).to.equal('zh-Hant');
      expect(child.resolvedTimeZone).to.equal('Asia/Taipei');
    } finally {
      provider.remove();
    }
  });
});
