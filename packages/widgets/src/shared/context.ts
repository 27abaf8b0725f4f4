/**
 * The contexts `<cc-provider>` supplies (the community context protocol, via @lit/context).
 *
 * Keys come from `Symbol.for(...)`, so two copies of the kit on one page (two bundles, or two
 * versions) still find each other's provider.
 */
import { createContext } from '@lit/context';
import type { CcClient } from './client.js';
import type { TranslationStore } from './i18n/registry.js';
import type { Locale } from './i18n/types.js';

export type Theme = 'light' | 'dark' | 'auto';
export type Density = 'comfortable' | 'compact';

export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
export const DENSITIES: readonly Density[] = ['comfortable', 'compact'];

export const clientContext = createContext<CcClient | undefined>(Symbol.for('cc-kit.client'));
/** The provider's locale when it has one set (else children resolve their own). */
export const localeContext = createContext<Locale | undefined>(Symbol.for('cc-kit.locale'));
/** IANA time zone for dates and times (e.g. `Asia/Shanghai`); undefined: the browser's. */
export const timeZoneContext = createContext<string | undefined>(Symbol.for('cc-kit.time-zone'));
export const themeContext = createContext<Theme | undefined>(Symbol.for('cc-kit.theme'));
export const densityContext = createContext<Density | undefined>(Symbol.for('cc-kit.density'));
/** A scoped translation registry; undefined: the page's shared one. */
export const translationsContext = createContext<TranslationStore | undefined>(
  Symbol.for('cc-kit.translations'),
);

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function isDensity(value: unknown): value is Density {
  return typeof value === 'string' && (DENSITIES as readonly string[]).includes(value);
}
