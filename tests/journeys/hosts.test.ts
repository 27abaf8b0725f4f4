/**
 * Journey 1 in the framework hosts of examples/ (issue 13): the React 19 and Angular examples,
 * built with packages/widgets/scripts/examples.mjs and served on a free port each, talk to the
 * reference server in demo mode on a port of its own (cross-origin, as a real host does). The same
 * steps as in the portal (journey-1.ts); each person signs in through the host's `?role=`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  buildExample,
  serveExample,
  startApi,
  type Served,
} from '../../packages/widgets/scripts/examples.mjs';
import { launch, repo, type Desk } from './harness.js';
import { journey1 } from './journey-1.js';

const HOSTS = { react19: 'React 19', angular: 'Angular' } as const;
type Host = keyof typeof HOSTS;
const SHOT = { react19: 'agent-queue', angular: 'supervisor-new-ticket' } as const;

/** axe-core over the whole page, shadow roots included: one line per violation. */
const AXE = `axe
  .run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  })
  .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`;

let browser: Browser;
let api: Served;
const sites = new Map<Host, Served>();

/** A person at the host's page: its own browser context, signed in as `role`, in English. */
async function openHost(site: Served, role: 'agent' | 'complaint_supervisor'): Promise<Desk> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${site.url}?${new URLSearchParams({ api: api.url, role, locale: 'en' })}`);
  // The host marks itself ready once the provider has signed in and it shows who.
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  return { context, page, errors };
}

describe('journey 1 in the framework hosts of examples/', { timeout: 900_000 }, () => {
  before(async () => {
    for (const host of Object.keys(HOSTS) as Host[]) sites.set(host, await serveExample(host));
    const origins = [...sites.values()].map((site) => site.url.replace(/\/$/, ''));
    // Seeding the server, building the hosts (the Angular one installs itself the first time)
    // and starting Chromium, side by side.
    [api, browser] = await Promise.all([
      startApi(origins),
      launch(),
      Promise.all(Object.keys(HOSTS).map((host) => buildExample(host))),
    ]);
  });
  after(async () => {
    await browser?.close();
    await api?.close();
    await Promise.all([...sites.values()].map((site) => site.close()));
  });

  for (const [host, name] of Object.entries(HOSTS) as [Host, string][]) {
    test(`the ${name} host's desks pass axe (WCAG 2.2 A and AA), widgets included`, async () => {
      for (const role of ['agent', 'complaint_supervisor'] as const) {
        const desk = await openHost(sites.get(host)!, role);
        await desk.page.locator('cc-ticket-queue [role="row"][data-id]').first().waitFor();
        await desk.page.addScriptTag({ path: join(repo, 'node_modules/axe-core/axe.min.js') });
        const violations = (await desk.page.evaluate(AXE)) as string[];
        assert.deepEqual(violations, [], `${role}'s desk`);
        assert.deepEqual(desk.errors, []);
        await desk.context.close();
      }
    });

    test(`1. in the ${name} host: an agent files a complaint; the complaint supervisor routes and escalates it (en)`, async () => {
      const site = sites.get(host)!;
      await journey1({
        api: api.url,
        open: (role) => openHost(site, role),
        // One page of each host for the docs: the agent's in React, the supervisor's in Angular.
        shots: (step) => (step === SHOT[host] ? `journey-1-${host}-${step}` : undefined),
        wholePage: true,
      });
    });
  }
});
