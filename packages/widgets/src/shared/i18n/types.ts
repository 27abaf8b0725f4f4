/**
 * Types of the kit's message catalogs.
 *
 * A catalog is a flat, const object of keys to messages. A message is a string, or a function of
 * typed parameters that returns a string (plural and word order live in the function, so each
 * language writes its own sentence). English is the source; every other locale is typed against
 * it with {@link Catalog}, so a missing or extra key fails the type check.
 */
import { registerSection, type CatalogLoader } from './packs.js';

/** The locales the kit ships. */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

/** Parameters of a message function: plain values, already formatted where it matters. */
export type MessageParams = Record<string, string | number>;

export type Message = string | ((params: never) => string);

/** The shape another locale must have to translate `T`: same keys, same parameters. */
export type Catalog<T extends Record<string, Message>> = {
  readonly [K in keyof T]: T[K] extends (params: infer P) => string
    ? (params: P) => string
    : string;
};

/** Arguments of `t(key, ...)`: a parameter object only for message functions. */
export type MessageArgs<T extends Record<string, Message>, K extends keyof T> = T[K] extends (
  params: infer P,
) => string
  ? [params: P]
  : [];

/**
 * One catalog section: the shared kit strings, or one element's own strings. `id` names the
 * section in tests and tools; keys are unique across the kit by convention (element sections
 * prefix their keys with the element's name, e.g. `ticketQueue.title`). English is always in
 * memory; another locale's strings are in `catalogs` once its pack has loaded (packs.ts).
 */
export interface CatalogSection<T extends Record<string, Message>> {
  readonly id: string;
  readonly en: T;
  /** The other locales' strings loaded so far (filled by loadLocale()). */
  readonly catalogs: { [L in Locale]?: Catalog<T> };
  /** How each other locale's strings are loaded: a dynamic import of its pack module. */
  readonly loaders: { [L in Locale]?: CatalogLoader<T> };
}

/** Each non-English locale's pack of a section: `() => import('./x.i18n.zh-Hans.js')`. */
export type CatalogPacks<T extends Record<string, Message>> = {
  readonly [L in Exclude<Locale, 'en'>]: CatalogLoader<T>;
};

/**
 * Declares a catalog section: English inline (the fallback every page has) and one pack module
 * per other locale, loaded on first use. The type parameter makes each pack match English.
 *
 * ```ts
 * export const messages = defineCatalog('ticket-queue', en, {
 *   'zh-Hans': () => import('./ticket-queue.i18n.zh-Hans.js'),
 *   'zh-Hant': () => import('./ticket-queue.i18n.zh-Hant.js'),
 * });
 * ```
 *
 * The older form with every locale inline (`defineCatalog(id, { en, 'zh-Hans', 'zh-Hant' })`) is
 * still accepted; it puts every locale in the code every page loads.
 */
export function defineCatalog<T extends Record<string, Message>>(
  id: string,
  en: T,
  packs: CatalogPacks<T>,
): CatalogSection<T>;
export function defineCatalog<T extends Record<string, Message>>(
  id: string,
  messages: { en: T; 'zh-Hans': Catalog<T>; 'zh-Hant': Catalog<T> },
): CatalogSection<T>;
export function defineCatalog<T extends Record<string, Message>>(
  id: string,
  first: T | { en: T; 'zh-Hans': Catalog<T>; 'zh-Hant': Catalog<T> },
  packs?: CatalogPacks<T>,
): CatalogSection<T> {
  const section: CatalogSection<T> = packs
    ? { id, en: first as T, catalogs: {}, loaders: { ...packs } }
    : (() => {
        const all = first as { en: T; 'zh-Hans': Catalog<T>; 'zh-Hant': Catalog<T> };
        return {
          id,
          en: all.en,
          catalogs: { 'zh-Hans': all['zh-Hans'], 'zh-Hant': all['zh-Hant'] },
          loaders: {},
        };
      })();
  registerSection(section as unknown as CatalogSection<Record<string, Message>>);
  return section;
}

/**
 * Prefixes every key of `messages` with `prefix.`, keeping the types: lets a catalog write an
 * enum's labels as one object checked against the enum (`satisfies Record<TicketKind, string>`).
 */
export function prefixed<P extends string, T extends Record<string, Message>>(
  prefix: P,
  messages: T,
): { [K in keyof T & string as `${P}.${K}`]: T[K] } {
  const out: Record<string, Message> = {};
  for (const [key, value] of Object.entries(messages)) out[`${prefix}.${key}`] = value;
  return out as { [K in keyof T & string as `${P}.${K}`]: T[K] };
}
