/**
 * Locale packs: English is in the code every page loads; each other locale's strings are a module
 * loaded the first time an element renders in that locale (`<name>.i18n.zh-Hans.ts` per section;
 * in `cc-widgets.js` one sibling file per locale, `cc-widgets.zh-Hans.js`).
 *
 * Every catalog section registers itself here when its module runs. `loadLocale(locale)` loads
 * that locale's strings of every section defined so far, so an element that awaits it before its
 * first render never shows English first. A pack that fails to load leaves English in place (with
 * a console warning) and is tried again the next time an element switches to that locale.
 */
import type { Catalog, CatalogSection, Locale, Message } from './types.js';

/** Loads one section's strings in one locale (a dynamic import of its pack module). */
export type CatalogLoader<T extends Record<string, Message>> = () => Promise<{
  default: Catalog<T>;
}>;

type AnySection = CatalogSection<Record<string, Message>>;

const sections = new Set<AnySection>();
const pending = new Map<string, Promise<void>>();
const failed = new Set<Locale>();

/** Called by defineCatalog: the section takes part in every later loadLocale(). */
export function registerSection(section: AnySection): void {
  sections.add(section);
}

/** Whether `section` has `locale`'s own strings in memory (English always has). */
export function hasLocale(section: AnySection, locale: Locale): boolean {
  return locale === 'en' || section.catalogs[locale] !== undefined || !section.loaders[locale];
}

function loadSection(section: AnySection, locale: Locale): Promise<void> {
  const id = `${section.id}\u0000${locale}`;
  let promise = pending.get(id);
  if (!promise) {
    const load = section.loaders[locale]!;
    promise = load().then(
      (module) => {
        section.catalogs[locale] = module.default;
      },
      (error: unknown) => {
        pending.delete(id);
        throw error;
      },
    );
    pending.set(id, promise);
  }
  return promise;
}

/**
 * Loads `locale`'s strings for every section defined so far. Returns undefined when they are all
 * in memory already (render now), else a promise that settles when they are in, or when loading
 * failed (it never rejects: English stays in place and a warning is logged). After a failure,
 * nothing is requested again until a call passes `retry` (an element switching locale does).
 */
export function loadLocale(locale: Locale, retry = true): Promise<void> | undefined {
  const missing = [...sections].filter((section) => !hasLocale(section, locale));
  if (!missing.length || (failed.has(locale) && !retry)) return undefined;
  return Promise.all(missing.map((section) => loadSection(section, locale))).then(
    () => {
      failed.delete(locale);
    },
    (error: unknown) => {
      failed.add(locale);
      console.warn(`cc-kit: the ${locale} strings could not be loaded; showing English.`, error);
    },
  );
}

/** Every section defined so far (tests and tools). */
export function definedSections(): readonly AnySection[] {
  return [...sections];
}
