/**
 * Host overrides of the kit's strings: `registerTranslations(locale, { key: 'text' })`.
 *
 * There is no page-wide locale singleton. Overrides live in a `TranslationRegistry`: the default
 * one is shared by every copy of the kit on the page (it is stored on `globalThis` under
 * `Symbol.for('cc-kit.translations')`), and a `<cc-provider>` can be given its own registry
 * (`.translations`) so overrides apply only to the elements inside it.
 */
import type { Locale, Message } from './types.js';

type Listener = () => void;

/** What two copies of the kit agree on; keep it small and stable. */
export interface TranslationStore {
  readonly version: 1;
  get(locale: Locale, key: string): Message | undefined;
  register(locale: Locale, messages: Readonly<Record<string, Message>>): void;
  subscribe(listener: Listener): () => void;
}

export class TranslationRegistry implements TranslationStore {
  readonly version = 1 as const;
  private readonly byLocale = new Map<Locale, Map<string, Message>>();
  private readonly listeners = new Set<Listener>();

  get(locale: Locale, key: string): Message | undefined {
    return this.byLocale.get(locale)?.get(key);
  }

  register(locale: Locale, messages: Readonly<Record<string, Message>>): void {
    let map = this.byLocale.get(locale);
    if (!map) this.byLocale.set(locale, (map = new Map()));
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value === 'string' || typeof value === 'function') map.set(key, value);
    }
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const GLOBAL_KEY = Symbol.for('cc-kit.translations');

/** The page's default registry, shared by every copy of the kit. */
export function globalTranslations(): TranslationStore {
  const holder = globalThis as unknown as Record<symbol, TranslationStore | undefined>;
  const existing = holder[GLOBAL_KEY];
  if (existing && existing.version === 1) return existing;
  const created = new TranslationRegistry();
  holder[GLOBAL_KEY] = created;
  return created;
}

/**
 * Overrides some of the kit's strings for one locale (every element sees them, or only those
 * under the provider whose registry is passed). Keys are the catalog keys (`retry`,
 * `ticketQueue.title`, ...); a function receives the same parameters as the original.
 */
export function registerTranslations(
  locale: Locale,
  messages: Readonly<Record<string, Message>>,
  registry: TranslationStore = globalTranslations(),
): void {
  registry.register(locale, messages);
}
