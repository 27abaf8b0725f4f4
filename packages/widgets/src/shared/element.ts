/**
 * `CcElement`: the base class of every kit element.
 *
 * - Reads the nearest `<cc-provider>`'s client, locale, time zone, theme, density and translation
 *   registry through @lit/context; an element outside any provider uses its own properties.
 * - Resolves its locale per element: `locale` property, then the provider, then the nearest `lang`
 *   attribute (walking out of shadow roots), then `navigator.languages`, then English.
 * - Reflects the resolved `theme` / `density` to host attributes (for `:host([theme=dark])`) and
 *   the resolved language to `lang` (so screen readers pick the right voice), unless the page set
 *   them on the element itself.
 * - Exposes `:state(...)` custom states through ElementInternals, `t()` / `msg()` for text,
 *   `fmt` for numbers and dates, and `emit()` for typed events.
 */
import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CcClient } from './client.js';
import {
  clientContext,
  densityContext,
  isDensity,
  isTheme,
  localeContext,
  themeContext,
  timeZoneContext,
  translationsContext,
  type Density,
  type Theme,
} from './context.js';
import { tagOf } from './define.js';
import { formatterFor, type Formatter } from './i18n/format.js';
import { nearestLang, resolveLocale } from './i18n/locale.js';
import { loadLocale } from './i18n/packs.js';
import { globalTranslations, type TranslationStore } from './i18n/registry.js';
import { sharedCatalog } from './i18n/shared.js';
import { translate, translator, type Translate } from './i18n/translate.js';
import type { CatalogSection, Locale, Message, MessageArgs } from './i18n/types.js';
import type { SharedMessages } from './i18n/en.js';
import { sharedStyles } from './styles.js';
import { tokens } from './theme.js';

/** The custom states the kit uses everywhere; elements may add their own. */
export type CcState = 'loading' | 'empty' | 'error' | 'refreshing' | 'stale' | (string & {});

export class CcElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, ...sharedStyles];

  /** Whether the resolved language is set as the host's `lang` (not for wrappers of host content). */
  protected static reflectLang = true;

  /** API client; overrides the provider's. Needed when the element is outside any provider. */
  @property({ attribute: false }) client?: CcClient;

  /** `en`, `zh-Hans` or `zh-Hant` (any BCP 47 tag is mapped); overrides provider and `lang`. */
  @property() locale?: string;

  /** IANA time zone for dates and times; overrides the provider's. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** `light`, `dark` or `auto`; overrides the provider's. Default `light`. */
  @property() theme?: Theme;

  /** `comfortable` or `compact`; overrides the provider's. Default `comfortable`. */
  @property() density?: Density;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected providedClient?: CcClient;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected providedLocale?: Locale;

  @consume({ context: timeZoneContext, subscribe: true })
  @state()
  protected providedTimeZone?: string;

  @consume({ context: themeContext, subscribe: true })
  @state()
  protected providedTheme?: Theme;

  @consume({ context: densityContext, subscribe: true })
  @state()
  protected providedDensity?: Density;

  @consume({ context: translationsContext, subscribe: true })
  @state()
  protected providedTranslations?: TranslationStore;

  /** ElementInternals: custom states, and ARIA defaults subclasses may set. */
  protected readonly internals: ElementInternals;

  private writing = false;
  private written: Record<'lang' | 'theme' | 'density', string | undefined> = {
    lang: undefined,
    theme: undefined,
    density: undefined,
  };
  private resolved: { locale: Locale; tag: string } = { locale: 'en', tag: 'en' };
  private renderedLocale?: Locale;
  private unsubscribeTranslations?: () => void;
  private subscribedStore?: TranslationStore;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  // ---- resolved configuration ------------------------------------------------------------------

  /** The client in use: own property, else the provider's. */
  get resolvedClient(): CcClient | undefined {
    return this.client ?? this.providedClient;
  }

  /** The kit locale this element renders in. */
  get resolvedLocale(): Locale {
    return this.resolved.locale;
  }

  /** The BCP 47 tag given to Intl (e.g. `zh-Hant-TW`). */
  get localeTag(): string {
    return this.resolved.tag;
  }

  get resolvedTimeZone(): string | undefined {
    return this.timeZone || this.providedTimeZone || undefined;
  }

  get resolvedTheme(): Theme {
    const own = this.ownAttribute('theme');
    return [this.theme, own, this.providedTheme].find(isTheme) ?? 'light';
  }

  get resolvedDensity(): Density {
    const own = this.ownAttribute('density');
    return [this.density, own, this.providedDensity].find(isDensity) ?? 'comfortable';
  }

  /**
   * What a sub-element this element creates (detail panel, staffing, overview) takes from it: the
   * settings resolved here, so it follows this element even when no provider surrounds them.
   */
  protected get subElementSettings() {
    return {
      client: this.resolvedClient,
      locale: this.resolvedLocale,
      timeZone: this.resolvedTimeZone,
      theme: this.resolvedTheme,
      density: this.resolvedDensity,
    };
  }

  /** The translation registry in use: the provider's, else the page's shared one. */
  get translationStore(): TranslationStore {
    return this.providedTranslations ?? globalTranslations();
  }

  /** Formatting in this element's locale and time zone. */
  get fmt(): Formatter {
    return formatterFor(
      this.resolved.locale,
      this.resolved.tag,
      this.resolvedTimeZone,
      this.translationStore,
    );
  }

  // ---- text --------------------------------------------------------------------------------------

  /** A shared-catalog string in this element's locale. */
  t<K extends keyof SharedMessages & string>(
    key: K,
    ...args: MessageArgs<SharedMessages, K>
  ): string {
    return translate(sharedCatalog, this.resolved.locale, this.translationStore, key, ...args);
  }

  /** A translator for the element's own catalog section, bound to the current locale. */
  msg<T extends Record<string, Message>>(section: CatalogSection<T>): Translate<T> {
    return translator(section, this.resolved.locale, this.translationStore);
  }

  // ---- states, events, tags ------------------------------------------------------------------

  /** Turns a custom state on or off: styleable as `:host(:state(loading))`. */
  setState(name: CcState, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers with the older `--name` syntax only: states are a styling aid, never required.
    }
  }

  /** Marks the element busy for assistive technology (`aria-busy`) while it loads. */
  setBusy(busy: boolean): void {
    const value = busy ? 'true' : null;
    if (this.internals.ariaBusy !== value) this.internals.ariaBusy = value;
  }

  hasState(name: CcState): boolean {
    return this.internals.states?.has(name) ?? false;
  }

  /** Dispatches a kit event; returns false when a listener called preventDefault(). */
  emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * The tag another kit element is registered under in this element's registry (respects
   * `defineElements({ prefix, registry })`). Never hard-code another element's tag.
   */
  tagOf(ctor: CustomElementConstructor): string | undefined {
    return tagOf(ctor, this);
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveConfiguration();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeTranslations?.();
    this.unsubscribeTranslations = undefined;
    this.subscribedStore = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (this.writing) return;
    super.attributeChangedCallback(name, old, value);
  }

  /**
   * Holds each render until the strings of the locale it will render in are loaded (packs.ts), so
   * a page that starts in Chinese never shows English first and a locale switch keeps the old
   * text until the new one is in. Nothing waits when the strings are already in memory.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.whenStringsLoaded();
  }

  private whenStringsLoaded(tried?: Locale): void | Promise<unknown> {
    this.resolveConfiguration();
    const locale = this.resolved.locale;
    // A pack that failed is tried again on a switch to its locale, never on every render.
    const wait = loadLocale(locale, locale !== tried && locale !== this.renderedLocale);
    return wait ? wait.then(() => this.whenStringsLoaded(locale)) : super.scheduleUpdate();
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    this.renderedLocale = this.resolved.locale;
    super.update(changed);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.resolveConfiguration();
  }

  private resolveConfiguration(): void {
    this.resolved = resolveLocale([this.locale, this.providedLocale, this.langCandidate()]);
    if ((this.constructor as typeof CcElement).reflectLang) this.reflect('lang', this.resolved.tag);
    this.reflect('theme', this.resolvedTheme);
    this.reflect('density', this.resolvedDensity);
    const store = this.translationStore;
    if (store !== this.subscribedStore && this.isConnected) {
      this.unsubscribeTranslations?.();
      this.subscribedStore = store;
      this.unsubscribeTranslations = store.subscribe(() => this.requestUpdate());
    }
  }

  /** The element's own `lang` if the page set it, else the nearest ancestor's. */
  private langCandidate(): string | undefined {
    const own = this.ownAttribute('lang');
    if (own) return own;
    const parent = this.parentNode ?? null;
    if (!parent) return undefined;
    return parent instanceof Element
      ? nearestLang(parent)
      : parent instanceof ShadowRoot
        ? nearestLang(parent.host)
        : undefined;
  }

  /** An attribute the page set (not one this element reflected itself). */
  private ownAttribute(name: 'lang' | 'theme' | 'density'): string | undefined {
    const value = this.getAttribute(name);
    return value !== null && value !== this.written[name] ? value : undefined;
  }

  private reflect(name: 'lang' | 'theme' | 'density', value: string): void {
    if (name === 'lang' && this.ownAttribute('lang') !== undefined) return;
    if (this.getAttribute(name) === value) return;
    this.writing = true;
    try {
      this.setAttribute(name, value);
      this.written[name] = value;
    } finally {
      this.writing = false;
    }
  }
}
