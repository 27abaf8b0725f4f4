import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: var(--cc-complaint-resolution-gap, var(--_cc-space-4));
    /* Its own surface, so text keeps its contrast on any page (dark theme). */
    background: var(--cc-complaint-resolution-background, var(--_cc-color-surface));
  }
  h3,
  h4,
  p,
  dl,
  dd {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_cc-space-1) var(--_cc-space-4);
  }
  dt {
    color: var(--_cc-color-text-muted);
  }
  h3 {
    font-size: var(--_cc-font-size-md);
  }
  h4 {
    font-size: var(--_cc-font-size-sm);
  }
  section,
  form,
  fieldset {
    display: grid;
    gap: var(--_cc-space-2);
    justify-items: start;
  }
  fieldset {
    margin: 0;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
  }
  .value {
    font-weight: var(--_cc-font-weight-strong);
  }
  .text {
    white-space: pre-wrap;
  }
  .meta {
    color: var(--_cc-color-text-muted);
    font-size: var(--_cc-font-size-sm);
  }
  .choice {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: center;
  }
  textarea {
    font: inherit;
    min-width: 16rem;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
  }
  [aria-invalid='true'] {
    border-color: var(--_cc-color-danger);
  }
  .error,
  .closed {
    padding-inline-start: var(--_cc-space-2);
    border-inline-start: 4px solid var(--_cc-color-danger);
  }
  .closed {
    border-color: var(--_cc-color-border);
  }
`;
