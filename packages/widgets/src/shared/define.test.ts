import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
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
