/**
 * The loading / empty / error presentation every data-reading element shares, so they all look,
 * read and behave the same (same words, same retry button, same roles for assistive technology).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CcElement } from './element.js';
import { describeError, errorMessageKey, type ErrorInfo } from './errors.js';
import { CcErrorEvent } from './events.js';

export function loadingTemplate(host: CcElement): TemplateResult {
  return html`<div class="cc-status" data-status="loading" part="status" role="status">
    <span class="cc-spinner" aria-hidden="true"></span><span>${host.t('loading')}</span>
  </div>`;
}

export function emptyTemplate(host: CcElement, message?: string): TemplateResult {
  return html`<div class="cc-status" data-status="empty" part="status empty">
    <p class="cc-status__message">${message ?? host.t('empty')}</p>
  </div>`;
}

/**
 * A call that failed: described, told to the host page (`cc-error` from `host`), and returned
 * for the element to show (`errorText(host, info)`, `errorTemplate(host, info)`).
 */
export function reportError(host: CcElement, error: unknown): ErrorInfo {
  const info = describeError(error);
  host.emit(new CcErrorEvent(info));
  return info;
}

/** The message for an error, localized; rate limits say how long to wait. */
export function errorText(host: CcElement, info: ErrorInfo): string {
  if (info.kind === 'rate_limited') {
    return host.t('error.rateLimited', { seconds: Math.ceil(info.retryAfter ?? 0) });
  }
  return host.t(errorMessageKey(info.kind));
}

export function errorTemplate(
  host: CcElement,
  info: ErrorInfo,
  retry?: () => void,
): TemplateResult {
  const canRetry = retry && info.kind !== 'no_client' && info.kind !== 'forbidden';
  return html`<div class="cc-status" data-status="error" part="status error" role="alert">
    <p class="cc-status__title">${host.t('error.title')}</p>
    <p class="cc-status__message">${errorText(host, info)}</p>
    ${
      info.requestId
        ? html`<p class="cc-status__reference">
            ${host.t('error.reference', { id: info.requestId })}
          </p>`
        : nothing
    }
    ${
      canRetry
        ? html`<button class="cc-button" part="retry-button" type="button" @click=${retry}>
            ${host.t('retry')}
          </button>`
        : nothing
    }
  </div>`;
}

export function refreshingTemplate(host: CcElement): TemplateResult {
  return html`<div class="cc-refreshing" part="refreshing" role="status">
    ${host.t('refreshing')}
  </div>`;
}
