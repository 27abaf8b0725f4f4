import { css } from 'lit';

export const styles = css`
  :host {
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--cc-ticket-filters-gap, var(--_cc-space-3));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-1);
    font-size: var(--_cc-font-size-sm);
  }
  .search-row {
    display: flex;
    gap: var(--_cc-space-2);
  }
  select,
  input {
    font: inherit;
    min-height: var(--_cc-control-height);
    padding: 0 var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    box-sizing: border-box;
  }
`;
