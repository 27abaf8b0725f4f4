/**
 * Types of the kit's message catalogs.
 *
 * A catalog is a flat, const object of keys to messages. A message is a string, or a function of
 * typed parameters that returns a string (plural and word order live in the function, so each
 * language writes its own sentence). English is the source; every other locale is typed against
 * it with {@link Catalog}, so a missing or extra key fails the type check.
 */

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
 * prefix their keys with the element's name, e.g. `ticketQueue.title`).
 */
export interface CatalogSection<T extends Record<string, Message>> {
  readonly id: string;
  readonly en: T;
  readonly 'zh-Hans': Catalog<T>;
  readonly 'zh-Hant': Catalog<T>;
}

/** Declares a catalog section; the type parameter makes the Chinese catalogs match English. */
export function defineCatalog<T extends Record<string, Message>>(
  id: string,
  messages: { en: T; 'zh-Hans': Catalog<T>; 'zh-Hant': Catalog<T> },
): CatalogSection<T> {
  return { id, ...messages };
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
