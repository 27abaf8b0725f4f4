/**
 * Shared styles every element adopts after `tokens`: focus ring, visually hidden text, buttons,
 * and the loading / empty / error presentation of the status template.
 */
import { css } from 'lit';

export const focusRing = css`
  :focus-visible {
    outline: 2px solid var(--_cc-color-focus-ring);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 2px solid Highlight;
    }
  }
`;

/** `.cc-visually-hidden`: read by screen readers, not shown. */
export const visuallyHidden = css`
  .cc-visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

export const buttons = css`
  .cc-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_cc-space-2);
    min-height: var(--_cc-control-height);
    padding: 0 var(--_cc-space-4);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    font: inherit;
    font-weight: var(--_cc-font-weight-strong);
    cursor: pointer;
  }
  .cc-button:hover {
    background: var(--_cc-color-surface-raised);
  }
  .cc-button[data-variant='primary'] {
    background: var(--_cc-color-accent);
    border-color: var(--_cc-color-accent);
    color: var(--_cc-color-accent-text);
  }
  .cc-button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;

export const statusStyles = css`
  .cc-status {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-4);
    color: var(--_cc-color-text-muted);
  }
  .cc-status[data-status='error'] {
    border-inline-start: 3px solid var(--_cc-color-danger);
    background: var(--_cc-color-surface-raised);
    color: var(--_cc-color-text);
  }
  .cc-status__title {
    margin: 0;
    font-weight: var(--_cc-font-weight-strong);
  }
  .cc-status__message,
  .cc-status__reference {
    margin: 0;
  }
  .cc-status__reference {
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  .cc-spinner {
    width: 1.25em;
    height: 1.25em;
    border: 2px solid var(--_cc-color-border);
    border-top-color: var(--_cc-color-accent);
    border-radius: 50%;
    animation: cc-spin 0.8s linear infinite;
  }
  .cc-refreshing {
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  @keyframes cc-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cc-spinner {
      animation: none;
      border-top-color: var(--_cc-color-border);
    }
  }
`;

/** Everything above, in the order elements should adopt it (after `tokens`). */
export const sharedStyles = [focusRing, visuallyHidden, buttons, statusStyles];
