import { css } from 'lit';

export const styles = css`
  :host {
    background: var(--cc-equipment-overview-background, var(--_cc-color-surface));
    --_eo-overdue: var(--cc-equipment-overview-overdue-color, var(--_cc-color-danger));
  }
  h3 {
    margin: var(--_cc-space-4) 0 var(--_cc-space-2);
    font-size: var(--_cc-font-size-md);
  }
  .scroll {
    overflow: auto;
  }
  .tall {
    max-height: 24rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--cc-equipment-overview-background, var(--_cc-color-surface));
  }
  th,
  td {
    text-align: start;
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border-bottom: 1px solid var(--_cc-color-border);
    white-space: nowrap;
  }
  [data-overdue],
  [data-result='fail'],
  [data-result='missing'] {
    color: var(--_eo-overdue);
    font-weight: var(--_cc-font-weight-strong);
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    min-height: var(--_cc-control-height);
    margin-inline-start: var(--_cc-space-2);
  }
  .history {
    padding-inline-start: var(--_cc-space-5);
  }
  .link {
    font: inherit;
    color: var(--_cc-color-accent);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
`;
