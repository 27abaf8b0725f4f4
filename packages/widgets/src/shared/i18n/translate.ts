/** Looks a key up for one locale: host override, the locale's catalog, then English. */
import type { TranslationStore } from './registry.js';
import type { CatalogSection, Locale, Message, MessageArgs } from './types.js';

function render(message: Message | undefined, params: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (typeof message === 'function') {
    try {
      return (message as (p: unknown) => string)(params ?? {});
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The text of `key` in `locale`. Order: the host's override for the locale, the locale's catalog
 * (once its pack has loaded: packs.ts),
 * the host's English override, the English catalog. A Chinese locale never falls back to the
 * other Chinese script; the last resort is the key itself (a visible bug, never a blank).
 */
export function translate<T extends Record<string, Message>, K extends keyof T & string>(
  section: CatalogSection<T>,
  locale: Locale,
  store: TranslationStore | undefined,
  key: K,
  ...args: MessageArgs<T, K>
): string {
  const params = args[0];
  const own = (locale === 'en' ? section.en : (section.catalogs[locale] ?? {})) as Record<
    string,
    Message | undefined
  >;
  return (
    render(store?.get(locale, key), params) ??
    render(own[key], params) ??
    (locale === 'en' ? undefined : render(store?.get('en', key), params)) ??
    render((section.en as Record<string, Message | undefined>)[key], params) ??
    key
  );
}

/** A `t()` bound to one section, locale and store. */
export type Translate<T extends Record<string, Message>> = <K extends keyof T & string>(
  key: K,
  ...args: MessageArgs<T, K>
) => string;

export function translator<T extends Record<string, Message>>(
  section: CatalogSection<T>,
  locale: Locale,
  store?: TranslationStore,
): Translate<T> {
  return (key, ...args) => translate(section, locale, store, key, ...args);
}
