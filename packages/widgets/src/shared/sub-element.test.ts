import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define, supportsScopedRegistries, tagOf } from './define.js';
import { createSubElement, subElementTag } from './sub-element.js';

const unique = () => Math.random().toString(36).slice(2, 8);

describe('createSubElement', () => {
  it('registers the sub-element beside a prefixed host tag and creates it', async () => {
    const prefix = `acme${unique()}`;
    class Host extends LitElement {}
    class Sub extends LitElement {}
    define(`${prefix}-demo-host`, Host);
    const host = document.createElement(`${prefix}-demo-host`);
    let loads = 0;
    const el = await createSubElement<Sub>(host, 'demo-host', 'demo-sub', async () => {
      loads += 1;
      return Sub;
    });
    expect(loads).to.equal(1);
    expect(el).to.be.instanceOf(Sub);
    expect(el!.localName).to.equal(`${prefix}-demo-sub`);
    expect(tagOf(Sub)).to.equal(`${prefix}-demo-sub`);
    // A second one reuses the registered tag.
    const again = await createSubElement<Sub>(host, 'demo-host', 'demo-sub', async () => Sub);
    expect(again!.localName).to.equal(`${prefix}-demo-sub`);
    expect(again).to.not.equal(el);
  });

  it('uses the tag the registry already gives the class', async () => {
    const id = unique();
    class Host extends LitElement {}
    class Sub extends LitElement {}
    define(`cc-own${id}-host`, Host);
    define(`x-chosen${id}-sub`, Sub);
    const host = document.createElement(`cc-own${id}-host`);
    const el = await createSubElement(host, 'host', 'sub', async () => Sub);
    expect(el!.localName).to.equal(`x-chosen${id}-sub`);
  });

  it('appends to a host tag that does not end with its own name', () => {
    const host = document.createElement('div');
    expect(subElementTag(host, 'ticket-queue', 'ticket-detail')).to.equal('div-ticket-detail');
    const queue = document.createElement('acme-ticket-queue');
    expect(subElementTag(queue, 'ticket-queue', 'ticket-detail')).to.equal('acme-ticket-detail');
  });

  it('resolves undefined when another class holds the tag', async () => {
    const prefix = `taken${unique()}`;
    class Other extends LitElement {}
    class Sub extends LitElement {}
    customElements.define(`${prefix}-demo-sub`, Other);
    const host = document.createElement(`${prefix}-demo-host`);
    const original = console.warn;
    console.warn = () => {};
    try {
      expect(await createSubElement(host, 'demo-host', 'demo-sub', async () => Sub)).to.equal(
        undefined,
      );
    } finally {
      console.warn = original;
    }
  });

  it('creates the sub-element in the host’s scoped registry, under its prefix', async function () {
    if (!supportsScopedRegistries()) this.skip();
    const prefix = `scoped${unique()}`;
    class Host extends LitElement {}
    class Sub extends LitElement {}
    const registry = new CustomElementRegistry();
    define(`${prefix}-demo-host`, Host, registry);
    const holder = document.createElement('div');
    document.body.append(holder);
    const root = holder.attachShadow({
      mode: 'open',
      customElementRegistry: registry,
    } as ShadowRootInit);
    const host = document.createElement(`${prefix}-demo-host`, {
      customElementRegistry: registry,
    } as ElementCreationOptions);
    root.append(host);
    expect(host).to.be.instanceOf(Host);
    const el = await createSubElement<Sub>(host, 'demo-host', 'demo-sub', async () => Sub);
    expect(el!.localName).to.equal(`${prefix}-demo-sub`);
    expect(el).to.be.instanceOf(Sub);
    expect(customElements.get(`${prefix}-demo-sub`)).to.equal(undefined);
    expect(registry.get(`${prefix}-demo-sub`)).to.equal(Sub);
    holder.remove();
  });
});
