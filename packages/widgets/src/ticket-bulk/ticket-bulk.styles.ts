import { css } from 'lit';

export const styles = css`
  :host {
    font-size: var(--_cc-font-size-sm);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-3);
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border: 1px solid var(--_cc-color-accent);
    border-radius: var(--_cc-radius);
    background: var(--cc-ticket-bulk-background, var(--_cc-color-surface-raised));
  }
  label {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-1);
  }
  select,
  textarea {
    font: inherit;
    min-height: var(--_cc-control-height);
    padding: 0 var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
  }
  section,
  .error {
    margin-top: var(--_cc-space-2);
    padding: var(--_cc-space-3);
    border: 1px solid var(--_cc-color-border);
    border-inline-start: 4px solid var(--_cc-color-info);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface-raised);
  }
  .error {
    border-inline-start-color: var(--_cc-color-danger);
  }
  section p {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: center;
    margin: 0 0 var(--_cc-space-2);
  }
  ul {
    margin: 0;
    padding-inline-start: var(--_cc-space-5);
  }
`;
