/**
 * `cc-loader.js`: loads each element's code the first time its tag appears in the page.
 *
 * ```html
 * <script type="module" src="/assets/cc-kit/cc-loader.js"></script>
 * <cc-kpi-tiles class="cc-cloak"></cc-kpi-tiles>
 * ```
 *
 * A page that shows only the KPI tiles downloads only their chunk (plus the shared ones). The
 * loader watches the document with a MutationObserver; elements inside shadow roots are found
 * when the host calls `ccLoader.load(root)` (or `whenDefined(tag)`, which also loads).
 * Elements (or containers) with the `cc-cloak` class stay invisible until their elements are
 * defined and have rendered once (at most `CLOAK_TIMEOUT` ms, so content is never hidden for good).
 * The cloak rule is a constructed stylesheet: no inline style, fine under a strict CSP.
 */
import { TAGS } from './tags.js';

const CLOAK = 'cc-cloak';
const CLOAK_TIMEOUT = 3000;

const loading = new Map<string, Promise<CustomElementConstructor>>();
const known = new Set<string>(TAGS);

function chunkUrl(tag: string): string {
  return new URL(`./define/${tag}.js`, import.meta.url).href;
}

/** Loads the element for `tag` (once) and resolves with its class when it is defined. */
export function whenDefined(tag: string): Promise<CustomElementConstructor> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = known.has(tag)
      ? import(/* @vite-ignore */ chunkUrl(tag)).then(() => customElements.whenDefined(tag))
      : customElements.whenDefined(tag);
    loading.set(tag, promise);
  }
  return promise;
}

/** Loads every kit element found under `root` (the document, or a shadow root). */
export function load(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  for (const tag of known) if (root.querySelector(tag)) tags.add(tag);
  uncloak(root);
  return Promise.all([...tags].map(whenDefined)).then(() => undefined);
}

/** Resolves when every kit element currently in `root` is defined and rendered. */
export async function ready(root: ParentNode = document): Promise<void> {
  await load(root);
  const elements = [...known].flatMap((tag) => [...root.querySelectorAll(tag)]);
  await Promise.all(
    elements.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete),
  );
}

function kitTagsIn(el: Element): string[] {
  const tags = known.has(el.localName) ? [el.localName] : [];
  for (const tag of known) if (el.querySelector(tag)) tags.push(tag);
  return tags;
}

/** Removes `cc-cloak` from each cloaked element once the kit elements in it are ready. */
function uncloak(root: ParentNode): void {
  const cloaked = [
    ...(root instanceof Element && root.classList.contains(CLOAK) ? [root] : []),
    ...root.querySelectorAll(`.${CLOAK}`),
  ];
  for (const el of cloaked) {
    // The mark is an empty string: test for its presence (ready() below calls back into here).
    if ((el as HTMLElement).dataset.ccCloakPending !== undefined) continue;
    (el as HTMLElement).dataset.ccCloakPending = '';
    const done = () => {
      el.classList.remove(CLOAK);
      delete (el as HTMLElement).dataset.ccCloakPending;
    };
    const timer = setTimeout(done, CLOAK_TIMEOUT);
    void ready(el)
      .catch(() => undefined)
      .then(() => {
        clearTimeout(timer);
        done();
      });
  }
}

function installCloakStyle(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.${CLOAK} { visibility: hidden !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Old browsers: no cloak, elements simply appear when ready.
  }
}

function start(): void {
  installCloakStyle();
  void load(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const tag of kitTagsIn(node)) void whenDefined(tag);
        if (node.classList.contains(CLOAK) || node.querySelector(`.${CLOAK}`)) uncloak(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}

declare global {
  interface Window {
    ccLoader?: { whenDefined: typeof whenDefined; load: typeof load; ready: typeof ready };
  }
}
if (typeof window !== 'undefined') window.ccLoader ??= { whenDefined, load, ready };
