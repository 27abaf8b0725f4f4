import { css } from 'lit';

export const styles = css`
  :host {
    background: var(--cc-complaint-form-background, var(--_cc-color-surface));
  }
  form,
  .done {
    display: grid;
    gap: var(--cc-complaint-form-gap, var(--_cc-space-3));
    padding: var(--_cc-space-4);
  }
  h2 {
    margin: 0;
    font-size: var(--_cc-font-size-lg);
  }
  fieldset {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--cc-complaint-form-columns, 14rem), 1fr));
    gap: var(--cc-complaint-form-gap, var(--_cc-space-3));
    margin: 0;
    padding: var(--_cc-space-3);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }
  legend {
    padding: 0 var(--_cc-space-1);
    font-weight: var(--_cc-font-weight-strong);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-1);
  }
  .field:has(textarea) {
    grid-column: 1 / -1;
  }
  label {
    font-weight: var(--_cc-font-weight-strong);
  }
  input,
  select,
  textarea {
    min-height: var(--_cc-control-height);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface);
    color: inherit;
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_cc-color-danger);
  }
  [readonly],
  :disabled {
    background: var(--_cc-color-surface-raised);
  }
  .hint,
  .error {
    margin: 0;
    font-size: var(--_cc-font-size-sm);
  }
  .hint {
    color: var(--_cc-color-text-muted);
  }
  .error {
    color: var(--_cc-color-danger);
  }
  .error:empty {
    display: none;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-2);
    margin: var(--_cc-space-4) var(--_cc-space-4) 0;
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-inline-start: 3px solid var(--_cc-color-info);
    background: var(--_cc-color-surface-raised);
  }
  .routing {
    padding: var(--_cc-space-3);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
  }
  .routing p {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_cc-space-1) var(--_cc-space-3);
    margin: 0;
  }
  dt {
    color: var(--_cc-color-text-muted);
  }
  dd {
    margin: 0;
  }
  .number {
    margin: 0;
    font-size: var(--_cc-font-size-xl);
    font-weight: var(--_cc-font-weight-strong);
  }
  .actions {
    display: flex;
    gap: var(--_cc-space-2);
  }
`;
