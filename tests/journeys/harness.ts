/**
 * What every journey needs: the portal as `npm start` serves it (scripts/start.mjs with PORT=0, a
 * fresh data directory of its own), and headless Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Screenshots go to docs/screenshots with CC_JOURNEYS_SCREENSHOTS=1 (`run.mjs --screenshots`),
 * otherwise to a temporary folder, so `npm test` leaves the committed ones alone.
 */
export const screenshots = process.env.CC_JOURNEYS_SCREENSHOTS
  ? join(repo, 'docs/screenshots')
  : join(tmpdir(), 'cc-journeys-screenshots');

export type Role =
  'agent' | 'supervisor' | 'complaint_supervisor' | 'qa_specialist' | 'operations_manager';
export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

export interface Portal {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` on a free port with a fresh data directory; resolves once it prints its URL. */
export async function startPortal(env: Record<string, string> = {}): Promise<Portal> {
  // While writing a journey: reuse a portal already started (CC_JOURNEYS_URL=http://127.0.0.1:port).
  const running = process.env.CC_JOURNEYS_URL;
  if (running) return { url: running, output: () => '', stop: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-journeys-'));
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CC_DATA_DIR: dataDir,
      CC_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the portal did not start within 120 s:\n${text}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(text);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the portal exited (${code}) before listening:\n${text}`));
    });
  });
  return {
    url,
    output: () => text,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      // start.mjs forwards the signal to the server and exits with it.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

export interface Desk {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A person at their desk: the portal signed in as `role`, in `locale` and `theme`. */
export async function openDesk(
  browser: Browser,
  portal: Portal,
  role: Role,
  { locale = 'en', theme = 'light' }: { locale?: Locale; theme?: 'light' | 'dark' } = {},
): Promise<Desk> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: locale === 'en' ? 'en-US' : locale === 'zh-Hans' ? 'zh-CN' : 'zh-TW',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${portal.url}/?role=${role}&locale=${locale}&theme=${theme}`);
  await page.locator('#signed-in').filter({ hasText: /\S/ }).waitFor();
  return { context, page, errors };
}

/** A screenshot of one widget (or the page's top), kept small for the docs. */
export async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  if (target) await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
  else await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}
