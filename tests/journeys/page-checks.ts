/**
 * Checks run inside the page, written as source text: Playwright sends them to the browser as is
 * (functions compiled by tsx carry helpers the page does not have).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { repo } from './harness.js';

export interface Seen {
  widget: string;
  lang: string | null;
  theme: string | null;
  texts: string[];
  clipped: string[];
}

/** Every element of the page's widgets: its visible texts and the labels or buttons that clip. */
const SCAN = `(() => {
  const result = [];
  const clipSelector = 'label, button, legend, th, [role="columnheader"], dt, h2, h3, summary, [part="label"]';
  for (const host of document.querySelectorAll('#widgets [data-widget] > *')) {
    const texts = [];
    const clipped = [];
    const stack = [host];
    while (stack.length) {
      const node = stack.pop();
      if (node.nodeType === 3) {
        const parent = node.parentElement;
        const text = node.textContent.trim();
        if (text && parent && !['STYLE', 'SCRIPT'].includes(parent.tagName) && parent.getClientRects().length) texts.push(text);
        continue;
      }
      if (node.nodeType !== 1 && node.nodeType !== 11) continue;
      if (node.nodeType === 1) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = node.getAttribute(name);
          if (value && value.trim()) texts.push(value.trim());
        }
        if (node.matches(clipSelector) && node.clientWidth > 0 && node.getClientRects().length &&
            (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 2 && getComputedStyle(node).overflowY !== 'visible')) {
          clipped.push(node.tagName.toLowerCase() + ': ' + node.textContent.trim().slice(0, 60) + ' (' + node.scrollWidth + ' > ' + node.clientWidth + ')');
        }
        if (node.shadowRoot) stack.push(node.shadowRoot);
      }
      for (const child of node.childNodes) stack.push(child);
    }
    result.push({ widget: host.tagName.toLowerCase(), lang: host.getAttribute('lang'), theme: host.getAttribute('theme'), texts, clipped });
  }
  return result;
})()`;

export function scanWidgets(page: Page): Promise<Seen[]> {
  return page.evaluate(SCAN) as Promise<Seen[]>;
}

/** The kit's English strings (shared catalog and every element's section), for "no English left". */
export async function englishStrings(): Promise<Set<string>> {
  const src = join(repo, 'packages/widgets/src');
  const files = [join(src, 'shared/i18n/en.ts')];
  for (const dir of readdirSync(src, { withFileTypes: true })) {
    const file = join(src, dir.name, `${dir.name}.i18n.ts`);
    if (dir.isDirectory() && existsSync(file)) files.push(file);
  }
  const strings = new Set<string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as {
      en?: Record<string, unknown>;
      messages?: { en: Record<string, unknown> };
    };
    const catalog = mod.messages?.en ?? mod.en ?? {};
    for (const value of Object.values(catalog)) {
      // Words, not codes: "SLA", "AHT" or "80/20" read the same in every language.
      if (typeof value === 'string' && /[a-z]{2,}/.test(value)) strings.add(value.trim());
    }
  }
  return strings;
}

/**
 * Polls an expression in the page until it is true. (Playwright's waitForFunction evaluates with
 * `eval` in the page, which the portal's strict CSP forbids.)
 */
export async function until(page: Page, expression: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`still false after ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Section = { en: Record<string, unknown> };

/**
 * A string of an element's catalog in a locale, so journeys find buttons by the words staff see:
 * `await text('equipment-checklist', 'zh-Hans', 'equipmentChecklist.start')`.
 */
export async function text(
  element: string,
  locale: 'en' | 'zh-Hans' | 'zh-Hant',
  key: string,
  params: Record<string, string | number> = {},
): Promise<string> {
  const file = element === 'shared' ? 'shared/i18n' : `${element}/${element}.i18n.ts`;
  const src = join(repo, 'packages/widgets/src');
  let value: unknown;
  if (element === 'shared') {
    const mod = (await import(pathToFileURL(join(src, `shared/i18n/${locale}.ts`)).href)) as Record<
      string,
      Record<string, unknown>
    >;
    value = Object.values(mod).find((v) => v && typeof v === 'object' && key in v)?.[key];
  } else {
    // A locale other than English is its own pack file (<element>.i18n.zh-Hans.ts); the English
    // section is the fallback, as in the kit.
    const pack = join(src, `${element}/${element}.i18n.${locale}.ts`);
    if (locale !== 'en' && existsSync(pack)) {
      const mod = (await import(pathToFileURL(pack).href)) as { default: Record<string, unknown> };
      value = mod.default[key];
    }
    const mod = (await import(pathToFileURL(join(src, file)).href)) as { messages: Section };
    value ??= mod.messages.en[key];
  }
  if (typeof value === 'function') return (value as (p: typeof params) => string)(params);
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${element} (${locale})`);
  return value;
}
