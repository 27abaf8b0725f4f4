// Builds every example under examples/ and opens it in headless Chromium against the reference
// server (one for all of them): the page must sign in through <cc-provider> and show the user's name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { EXAMPLES, buildExample, serveExample, startApi } from './examples.mjs';

/**
 * The Angular example also embeds <cc-ticket-queue>: it loads the supervisor's tickets, and
 * opening one reaches the component through its `(cc-ticket-select)` binding.
 */
async function ticketQueueOpens(page) {
  const number = page.locator('cc-ticket-queue .body [data-col=number] button').first();
  await number.waitFor({ timeout: 20_000 });
  await number.click();
  await page.waitForFunction(() => document.querySelector('#selected')?.textContent?.trim(), null, {
    timeout: 5_000,
  });
  const id = await page.textContent('#selected');
  assert.match(id ?? '', /\S/, 'the selected ticket id reached the Angular component');
  const shown = await page.evaluate(
    () => document.querySelector('cc-ticket-queue')?.shadowRoot?.querySelector('.detail') !== null,
  );
  assert.equal(shown, true, 'the queue opened its detail panel');
}

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe('framework examples', { skip: !existsSync(executablePath) && 'no Chromium' }, () => {
  let browser;
  let api;
  const sites = new Map();
  // Plain HTML runs under the strict CSP + Trusted Types policy of docs/embedding.md.
  const csp = { api: '' };

  // One reference server for every example (seeding it is the slow part), allowing each site.
  before(
    async () => {
      browser = await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      });
      for (const name of EXAMPLES) {
        sites.set(name, await serveExample(name, 0, name === 'plain-html' ? csp : undefined));
      }
      api = await startApi([...sites.values()].map((site) => site.url.replace(/\/$/, '')));
      csp.api = api.url;
    },
    { timeout: 120_000 },
  );
  after(async () => {
    await browser?.close();
    await api?.close();
    await Promise.all([...sites.values()].map((site) => site.close()));
  });

  for (const name of EXAMPLES) {
    test(`${name} builds and signs in through <cc-provider>`, { timeout: 120_000 }, async () => {
      await buildExample(name);
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy|Trusted Type/i.test(message.text()))
          errors.push(message.text());
      });
      try {
        await page.goto(`${sites.get(name).url}?api=${encodeURIComponent(api.url)}`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
        const who = await page.textContent('#who');
        assert.ok(who && who !== '…' && who !== 'Signed out', `signed in as "${who}"`);
        assert.equal(await page.evaluate(() => !!customElements.get('cc-provider')), true);
        if (name === 'angular') await ticketQueueOpens(page);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
