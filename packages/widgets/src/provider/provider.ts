import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { CcClient } from '../shared/client.js';
import {
  clientContext,
  densityContext,
  localeContext,
  themeContext,
  timeZoneContext,
  translationsContext,
} from '../shared/context.js';
import { CcElement } from '../shared/element.js';
import { describeError } from '../shared/errors.js';
import { CcAuthErrorEvent, type CcErrorEvent } from '../shared/events.js';
import { normalizeLocale } from '../shared/i18n/locale.js';
import type { TranslationStore } from '../shared/i18n/registry.js';
import { createSdkClient, type GetToken } from './create-client.js';

/**
 * Supplies every kit element inside it with the API client, locale, time zone, theme, density
 * and (optionally) a scoped translation registry. Place it around the part of the page that holds
 * widgets; it renders nothing of its own (`display: contents`). Providers nest: an inner one
 * overrides only what it sets.
 *
 * Give it either a ready `.client` (from `createClient()` of `@cc-kit/sdk`), or `base-url` and a
 * `.getToken` function; tokens never travel as attributes.
 *
 * @summary Configuration for the widgets inside it: client, locale, time zone, theme, density.
 * @slot - The page content holding kit elements.
 * @fires cc-auth-error - `getToken()` rejected, or the API refused the token: sign the user in again.
 * @cssprop --cc-color-accent - Any `--cc-*` token set here applies to every widget inside.
 */
export class CcProvider extends CcElement {
  static override styles = [
    ...(CcElement.styles as []),
    css`
      /* No box of its own: host content inside keeps the page's color and type (the tokens
         give every kit host the theme's; widgets inside take theirs on their own hosts). */
      :host,
      :host([theme]) {
        display: contents;
        color: inherit;
        color-scheme: inherit;
        font: inherit;
      }
    `,
  ];

  protected static override reflectLang = false;

  /** Base URL of the call-center API (with `.getToken`), e.g. `https://cc.example.com`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /**
   * Returns a bearer token for the API: `({ reason, signal }) => Promise<string | { token,
   * expiresAt }>`. Called lazily and again when the token expires; a rejection fires
   * `cc-auth-error`.
   */
  @property({ attribute: false }) getToken?: GetToken;

  /** A registry from `new TranslationRegistry()` to scope string overrides to this subtree. */
  @property({ attribute: false }) translations?: TranslationStore;

  private createdClient?: CcClient;
  private createdFrom?: { baseUrl: string; getToken: GetToken };

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext });
  private readonly timeZoneProvider = new ContextProvider(this, { context: timeZoneContext });
  private readonly themeProvider = new ContextProvider(this, { context: themeContext });
  private readonly densityProvider = new ContextProvider(this, { context: densityContext });
  private readonly translationsProvider = new ContextProvider(this, {
    context: translationsContext,
  });

  constructor() {
    super();
    // A 401 that reached an element means the token was refused even after a refresh.
    this.addEventListener('cc-error', (event: CcErrorEvent) => {
      if (event.status === 401 || describeError(event.error).kind === 'unauthorized') {
        this.emit(new CcAuthErrorEvent(event.error));
      }
    });
  }

  /** The client the provider hands out: its own, the one it built, or an outer provider's. */
  override get resolvedClient(): CcClient | undefined {
    return this.client ?? this.builtClient() ?? this.providedClient;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.provide();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.provide();
  }

  private provide(): void {
    this.set(this.clientProvider, this.resolvedClient);
    this.set(this.localeProvider, normalizeLocale(this.locale) ?? this.providedLocale);
    this.set(this.timeZoneProvider, this.timeZone || this.providedTimeZone);
    this.set(this.themeProvider, this.resolvedTheme);
    this.set(this.densityProvider, this.resolvedDensity);
    this.set(this.translationsProvider, this.translations ?? this.providedTranslations);
  }

  private set<T>(provider: ContextProvider<{ __context__: T }>, value: T): void {
    if (provider.value !== value) provider.setValue(value);
  }

  private builtClient(): CcClient | undefined {
    const { baseUrl, getToken } = this;
    if (!baseUrl || !getToken) return undefined;
    if (this.createdFrom?.baseUrl !== baseUrl || this.createdFrom.getToken !== getToken) {
      this.createdFrom = { baseUrl, getToken };
      this.createdClient = createSdkClient(baseUrl, async (request) => {
        try {
          return await getToken(request);
        } catch (error) {
          this.emit(new CcAuthErrorEvent(error));
          throw error;
        }
      });
    }
    return this.createdClient;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
