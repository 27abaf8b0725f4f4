/**
 * The browser half of the suite: the reference server serving the demo portal (as `npm start`
 * does, in-process on a free port) and headless Chromium driven by playwright-core. Hooks that a
 * page installs before any of its own scripts run record script execution, CSP violations and
 * injected elements, so a test can assert that none happened.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type TestServer } from '../../../packages/server/test/helpers/server.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const portalDir = `${repo}packages/demo`;

/** The server with the portal at / ; the widget bundle is built first when it is missing. */
export async function startPortalServer(): Promise<TestServer> {
  if (!existsSync(`${portalDir}/dist/cc-widgets.js`)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const built = spawnSync(npm, ['run', 'build', '-w', '@cc-kit/widgets'], {
      cwd: repo,
      stdio: 'inherit',
      timeout: 300_000,
    });
    if (built.status !== 0) throw new Error('could not build the widget bundle the portal loads');
  }
  return startServer({ static: { portalDir }, rateLimit: 1_000_000 });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/** What the page-level hooks saw. */
export interface Sightings {
  /** Calls of the trap function and of alert/confirm/prompt/print. */
  executions: string[];
  /** securitypolicyviolation events: "<directive> <blocked URI>". */
  violations: string[];
  /** Elements added anywhere (shadow roots included) that text should never produce. */
  injected: string[];
}

/**
 * Runs in the page before its own scripts (playwright init scripts are not subject to the page's
 * CSP). `__ccXss(id)` is the trap every hostile payload calls; dialogs are traps too. Every shadow
 * root the page attaches is observed, as is the document.
 */
function pageHooks(): void {
  const w = window as unknown as Record<string, unknown>;
  const seen: Sightings = { executions: [], violations: [], injected: [] };
  w.__ccSightings = seen;
  // Elements are looked at once the test arms the hooks (the page's own markup comes before).
  let armed = false;
  w.__ccArm = () => {
    armed = true;
  };
  const trap = (what: string) => (arg?: unknown) => {
    seen.executions.push(`${what}(${String(arg)})`);
  };
  w.__ccXss = trap('__ccXss');
  for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = trap(name);
  const record = (event: SecurityPolicyViolationEvent) =>
    seen.violations.push(
      `${event.effectiveDirective} ${event.blockedURI || '(inline)'} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
    );
  document.addEventListener('securitypolicyviolation', record, true);
  const DANGEROUS = new Set([
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'OBJECT',
    'EMBED',
    'BASE',
    'META',
    'LINK',
    'IMG',
    'IMAGE',
    'VIDEO',
    'AUDIO',
    'MATH',
    'MARQUEE',
    'BODY',
    'STYLE',
    'XSS',
  ]);
  const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
  const check = (node: Node) => {
    if (!armed || !(node instanceof Element)) return;
    for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) {
      const why: string[] = [];
      if (DANGEROUS.has(el.tagName.toUpperCase())) why.push('tag');
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) why.push(`handler ${name}`);
        if (
          URL_ATTRS.includes(name) &&
          /^\s*(javascript|data|vbscript):/i.test(
            Array.from(attr.value)
              .filter((c) => c.charCodeAt(0) > 32)
              .join(''),
          )
        ) {
          why.push(`url ${name}`);
        }
      }
      if (why.length) seen.injected.push(`<${el.tagName.toLowerCase()}> ${why.join(', ')}`);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (armed && r.type === 'attributes' && r.target instanceof Element) {
        const name = (r.attributeName ?? '').toLowerCase();
        if (name.startsWith('on'))
          seen.injected.push(`<${r.target.tagName.toLowerCase()}> ${name}`);
      }
      r.addedNodes.forEach(check);
    }
  });
  const options = { childList: true, subtree: true, attributes: true };
  const start = () => observer.observe(document, options);
  start();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    observer.observe(root, options);
    return root;
  };
}

export async function installHooks(page: Page): Promise<void> {
  // tsx keeps function names with an `__name` helper that the page does not have: give it one.
  await page.addInitScript({
    content: `globalThis.__name = (f) => f;\n(${pageHooks.toString()})();`,
  });
}

export async function sightings(page: Page): Promise<Sightings> {
  return page.evaluate(() => (window as unknown as { __ccSightings: Sightings }).__ccSightings);
}
