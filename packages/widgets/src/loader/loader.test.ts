import { expect, waitUntil } from '@open-wc/testing';
import { createClient } from '@cc-kit/sdk';

/**
 * The built loader (npm test builds the kit before the browser tests), exactly as a host page
 * gets it: `dist/cc-loader.js`, which imports `dist/define/cc-<tag>.js` when a tag appears. The
 * tests share one page and one loader, so they run in order.
 */
const DIST = '/packages/widgets/dist';

type Loader = NonNullable<Window['ccLoader']>;
type Lit = HTMLElement & { updateComplete: Promise<unknown>; hasUpdated: boolean };

let loader: Loader;
let apiUrl: string;

/** The element chunks this page has downloaded so far, by tag. */
const chunksLoaded = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(`${DIST}/define/`))
    .map((path) => path.slice(`${DIST}/define/`.length).replace(/\.js$/, ''));

const visibility = (el: Element) => getComputedStyle(el).visibility;

async function signedInProvider(): Promise<HTMLElement> {
  // Typed as the source's CcProvider; at run time it is the built one the loader defines.
  const provider = document.createElement('cc-provider');
  provider.setAttribute('base-url', apiUrl);
  const anonymous = createClient({ baseUrl: apiUrl });
  provider.getToken = async () => (await anonymous.demo.token({ role: 'supervisor' })).token;
  return provider;
}

before(async () => {
  const built = await fetch(`${DIST}/cc-loader.js`, { method: 'HEAD' });
  if (!built.ok) throw new Error('build the kit first: npm run build -w @cc-kit/widgets');
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  await import(/* @vite-ignore */ `${DIST}/cc-loader.js`);
  loader = window.ccLoader!;
});

describe('cc-loader.js', () => {
  it('offers whenDefined, load and ready, and downloads no element before its tag appears', () => {
    expect(Object.keys(loader).sort()).to.deep.equal(['load', 'ready', 'whenDefined']);
    expect(chunksLoaded()).to.deep.equal([]);
    expect(customElements.get('cc-provider')).to.equal(undefined);
    expect(customElements.get('cc-ticket-queue')).to.equal(undefined);
  });

  it("imports an element's chunk the first time its tag appears, and only that one", async () => {
    const section = document.createElement('section');
    section.className = 'cc-cloak';
    const provider = await signedInProvider();
    provider.append(Object.assign(document.createElement('p'), { textContent: 'Desk' }));
    section.append(provider);
    document.body.append(section);
    // Cloaked while the provider is not defined yet: no flash of unstyled content.
    expect(visibility(section)).to.equal('hidden');

    const Provider = await loader.whenDefined('cc-provider');
    expect(Provider).to.equal(customElements.get('cc-provider'));
    expect(provider).to.be.instanceOf(Provider);
    expect(chunksLoaded()).to.deep.equal(['cc-provider']);

    // The cc-cloak class goes once the element is defined and has rendered.
    await waitUntil(() => !section.classList.contains('cc-cloak'), 'still cloaked', {
      timeout: 2500,
    });
    expect(visibility(section)).to.equal('visible');
    expect((provider as Lit).hasUpdated).to.equal(true);
    section.remove();
  });

  it('leaves elements inside shadow roots to load(root) / ready(root), which load and render them', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const provider = await signedInProvider();
    const queue = document.createElement('cc-ticket-queue');
    queue.classList.add('cc-cloak');
    provider.append(queue);
    shadow.append(provider);
    document.body.append(host);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The document's observer does not see into shadow roots.
    expect(chunksLoaded()).to.deep.equal(['cc-provider']);
    expect(customElements.get('cc-ticket-queue')).to.equal(undefined);

    await loader.ready(shadow);
    expect(chunksLoaded()).to.deep.equal(['cc-provider', 'cc-ticket-queue']);
    expect(queue).to.be.instanceOf(customElements.get('cc-ticket-queue')!);
    expect((queue as Lit).hasUpdated, 'rendered once').to.equal(true);
    expect(queue.shadowRoot).to.not.equal(null);
    await waitUntil(() => !queue.classList.contains('cc-cloak'), 'still cloaked', {
      timeout: 2500,
    });
    host.remove();
  });

  it('whenDefined loads a chunk once, and waits for tags that are not the kit’s', async () => {
    const first = loader.whenDefined('cc-ticket-queue');
    expect(loader.whenDefined('cc-ticket-queue')).to.equal(first);
    expect(await first).to.equal(customElements.get('cc-ticket-queue'));
    expect(chunksLoaded().filter((tag) => tag === 'cc-ticket-queue')).to.have.length(1);

    const tag = `x-host-${Math.random().toString(36).slice(2, 7)}`;
    let resolved: CustomElementConstructor | undefined;
    void loader.whenDefined(tag).then((ctor) => (resolved = ctor));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved, 'not defined yet').to.equal(undefined);
    const Own = class extends HTMLElement {};
    customElements.define(tag, Own);
    await waitUntil(() => resolved === Own, 'whenDefined did not resolve');
    expect(chunksLoaded()).to.deep.equal(['cc-provider', 'cc-ticket-queue']);
  });

  it('uncloaks a part of the page without kit elements at once', async () => {
    const aside = document.createElement('aside');
    aside.className = 'cc-cloak';
    document.body.append(aside);
    // Uncloaking an element calls ready() on it, which must not start uncloaking it again (each
    // round sets its own time limit: counted here, while ready() runs up to its first wait).
    let limits = 0;
    const setTimer = window.setTimeout;
    window.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      limits++;
      return setTimer(...args);
    }) as typeof setTimeout;
    let ready: Promise<void>;
    try {
      ready = loader.ready(aside);
    } finally {
      window.setTimeout = setTimer;
    }
    expect(limits).to.equal(1);
    await ready;
    await waitUntil(() => !aside.classList.contains('cc-cloak'), 'still cloaked', {
      timeout: 500,
    });
    aside.remove();
  });
});
