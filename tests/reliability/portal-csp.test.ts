/**
 * The demo portal under a strict Content Security Policy, sent by the server itself: no
 * 'unsafe-inline', no 'unsafe-eval', Trusted Types required (only Lit's policy), framing only by
 * the same origin. Every role's page in every locale loads in Chromium, its widgets render, and the
 * page reports no securitypolicyviolation. A control proves the policy is in force and the listener
 * hears it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../packages/server/test/helpers/server.js';
import { FULL } from './support/scale.js';
import { installHooks, launchChromium, sightings, startPortalServer } from './support/browser.js';

const ROLES = [
  'agent',
  'supervisor',
  'complaint_supervisor',
  'qa_specialist',
  'operations_manager',
];
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'];
/** Full: every role in every locale; quick: every role once, the locales taking turns. */
const PAGES = FULL
  ? ROLES.flatMap((role) => LOCALES.map((locale) => [role, locale] as const))
  : ROLES.map((role, i) => [role, LOCALES[i % LOCALES.length]!] as const);

let server: TestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo portal under a strict CSP', () => {
  test('the server sends the policy and the clickjacking headers with the portal', async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'self'",
      "require-trusted-types-for 'script'",
      "object-src 'none'",
      "base-uri 'none'",
    ]) {
      assert.ok(csp.includes(directive), `the portal's CSP has ${directive}: ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
    await page.arrayBuffer();
    const docs = await fetch(`${server.url}/docs`);
    await docs.arrayBuffer();
    if (docs.headers.get('content-type')?.startsWith('text/html')) {
      assert.match(docs.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal(docs.headers.get('x-frame-options'), 'SAMEORIGIN');
    }
  });

  test(`${PAGES.length} role pages (roles x locales): 0 violations`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await installHooks(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const started = Date.now();
      let pages = 0;
      let widgets = 0;
      for (const [role, locale] of PAGES) {
        {
          await page.goto(`${server.url}/?role=${role}&locale=${locale}`);
          await page.locator('#signed-in').filter({ hasText: /\S/ }).waitFor();
          // Each widget has drawn its shadow root; the signed-in line is the portal's own fetch.
          await page.waitForFunction(
            () => {
              const cards = document.querySelectorAll('#widgets .widget-card:not(.coming) > *');
              return (
                cards.length > 0 &&
                Array.from(cards).every((el) => (el.shadowRoot?.childElementCount ?? 0) > 0)
              );
            },
            undefined,
            { timeout: 90_000 },
          );
          // Live event streams keep the network busy: a moment for the last requests instead.
          await page.waitForTimeout(300);
          const seen = await sightings(page);
          assert.deepEqual(seen.violations, [], `${role} ${locale}: CSP violations`);
          assert.deepEqual(seen.executions, [], `${role} ${locale}: dialogs or traps`);
          widgets += await page.locator('#widgets .widget-card:not(.coming)').count();
          pages += 1;
          t.diagnostic(`${role} ${locale}: ${Date.now() - started} ms`);
        }
      }
      assert.deepEqual(errors, [], 'page errors');
      t.diagnostic(`${pages} pages, ${widgets} widgets rendered, 0 violations`);

      // Control: an inline script and a string to a script sink are refused and reported.
      await page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.__ccXss("control")';
        } catch {
          // Trusted Types refuse the assignment itself.
        }
        document.head.append(script);
      });
      await page.waitForFunction(
        () =>
          (window as unknown as { __ccSightings: { violations: string[] } }).__ccSightings
            .violations.length > 0,
        undefined,
        { timeout: 5000 },
      );
      const control = await sightings(page);
      assert.deepEqual(control.executions, [], 'the control script did not run');
      assert.ok(control.violations.length > 0, 'the control was reported');
    } finally {
      await context.close();
    }
  });
});
