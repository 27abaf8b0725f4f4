import { css } from 'lit';

export const styles = css`
  :host {
    margin-block-start: var(--_cc-space-3);
    padding: var(--_cc-space-3);
    background: var(--cc-kpi-staffing-background, var(--_cc-color-surface-raised));
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-lg);
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: var(--_cc-font-weight-strong);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: var(--_cc-space-3);
    margin: var(--_cc-space-2) 0;
  }
  dt {
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  dd {
    margin: 0;
    font-size: var(--_cc-font-size-lg);
    font-weight: var(--_cc-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .note {
    display: block;
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  .gap {
    font-weight: var(--_cc-font-weight-strong);
  }
`;
