/** Locale resolution: BCP 47 tags to the kit's locales, and the per-element lookup order. */
import { LOCALES, type Locale } from './types.js';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Maps a BCP 47 tag to one of the kit's locales, or undefined when the kit has no such language.
 * `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant-*` -> zh-Hant; `zh`, `zh-CN`, `zh-SG`, `zh-Hans-*` -> zh-Hans;
 * `en-*` -> en.
 */
export function normalizeLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const language = parts[0];
  if (language === 'en') return 'en';
  if (language !== 'zh' && language !== 'yue') return undefined;
  if (parts.includes('hant')) return 'zh-Hant';
  if (parts.includes('hans')) return 'zh-Hans';
  if (language === 'yue') return 'zh-Hant';
  const region = parts.slice(1).find((part) => part.length === 2);
  return region && TRADITIONAL_REGIONS.has(region) ? 'zh-Hant' : 'zh-Hans';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The `lang` of the nearest ancestor that has one, walking out of shadow roots. */
export function nearestLang(start: Element): string | undefined {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** The first of `candidates` the kit speaks, else the browser's languages, else English. */
export function resolveLocale(
  candidates: ReadonlyArray<string | null | undefined>,
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): { locale: Locale; tag: string } {
  for (const tag of [...candidates, ...browser]) {
    const locale = normalizeLocale(tag);
    if (locale && tag) return { locale, tag: intlTag(locale, tag) };
  }
  return { locale: 'en', tag: 'en' };
}

/** The tag to give Intl: the caller's own tag when it is specific enough, else a sensible one. */
function intlTag(locale: Locale, tag: string): string {
  if (locale === 'en') return /^en(-[a-z]{2})?$/i.test(tag) ? tag : 'en';
  const region = tag.split(/[-_]/).find((part, i) => i > 0 && /^[a-z]{2}$/i.test(part));
  if (locale === 'zh-Hant') return `zh-Hant-${region?.toUpperCase() ?? 'TW'}`;
  return `zh-Hans-${region && !TRADITIONAL_REGIONS.has(region.toLowerCase()) ? region.toUpperCase() : 'CN'}`;
}
