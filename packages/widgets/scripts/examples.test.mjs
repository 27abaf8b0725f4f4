// Builds every example under examples/ and opens it in headless Chromium against the reference
// server: the page must sign in through <cc-provider> and show the user's name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { EXAMPLES, buildExample, serveExample, startApi } from './examples.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe('framework examples', { skip: !existsSync(executablePath) && 'no Chromium' }, () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
  });
  after(async () => browser?.close());

  for (const name of EXAMPLES) {
    test(`${name} builds and signs in through <cc-provider>`, { timeout: 120_000 }, async () => {
      await buildExample(name);
      // Plain HTML runs under the strict CSP + Trusted Types policy of docs/embedding.md.
      const csp = name === 'plain-html' ? { api: '' } : undefined;
      const site = await serveExample(name, 0, csp);
      const api = await startApi([site.url.replace(/\/$/, '')]);
      if (csp) csp.api = api.url;
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy|Trusted Type/i.test(message.text()))
          errors.push(message.text());
      });
      try {
        await page.goto(`${site.url}?api=${encodeURIComponent(api.url)}`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
        const who = await page.textContent('#who');
        assert.ok(who && who !== '…' && who !== 'Signed out', `signed in as "${who}"`);
        assert.equal(await page.evaluate(() => !!customElements.get('cc-provider')), true);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await api.close();
        await site.close();
      }
    });
  }
});
