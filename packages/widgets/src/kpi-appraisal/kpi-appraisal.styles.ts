import { css } from 'lit';

export const styles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-3);
    margin-block-end: var(--_cc-space-3);
  }
  label {
    display: inline-flex;
    flex-direction: column;
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  select,
  input {
    min-height: var(--_cc-control-height);
    font: inherit;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    padding: 0 var(--_cc-space-2);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: var(--_cc-font-weight-strong);
    padding-block-end: var(--_cc-space-2);
  }
  th,
  td {
    padding: var(--_cc-space-2);
    text-align: start;
    vertical-align: top;
    border-block-end: var(--cc-kpi-appraisal-row-border, 1px solid var(--_cc-color-border));
  }
  thead th {
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .spark {
    max-width: 8rem;
  }
  .hist {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_cc-font-size-sm);
  }
  .hist span {
    color: var(--_cc-color-text-muted);
  }
  .summary {
    font-weight: var(--_cc-font-weight-strong);
  }
  @media (max-width: 40rem) {
    thead {
      display: none;
    }
    tr,
    th,
    td {
      display: block;
    }
  }
`;
