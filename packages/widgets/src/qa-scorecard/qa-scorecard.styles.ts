import { css } from 'lit';

export const styles = css`
  :host {
    background: var(--cc-qa-scorecard-background, var(--_cc-color-surface));
    --_qa-failed: var(--cc-qa-scorecard-failed-color, var(--_cc-color-danger));
  }
  h2,
  h3 {
    margin: var(--_cc-space-3) 0 var(--_cc-space-2);
  }
  p {
    margin: var(--_cc-space-1) 0;
  }
  .list,
  nav,
  .actions,
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
    padding: 0;
    list-style: none;
    align-items: center;
  }
  .total strong {
    font-size: var(--_cc-font-size-lg);
  }
  .link {
    border: 0;
    background: none;
    color: var(--_cc-color-accent);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
    padding: var(--_cc-space-1);
  }
  section {
    border-top: 1px solid var(--_cc-color-border);
    padding-block: var(--_cc-space-2);
  }
  .crit {
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    margin: 0 0 var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
  }
  .crit[aria-invalid='true'] {
    border-color: var(--_qa-failed);
  }
  .legend,
  legend {
    font-weight: var(--_cc-font-weight-strong);
  }
  .choices label {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    min-height: var(--_cc-control-height);
    padding-inline-end: var(--_cc-space-2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-1);
    margin-top: var(--_cc-space-2);
  }
  .row {
    flex-direction: row;
    align-items: center;
  }
  textarea,
  input[type='number'] {
    font: inherit;
    color: inherit;
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    padding: var(--_cc-space-1) var(--_cc-space-2);
  }
  .help,
  .meta,
  .sub,
  .line {
    color: var(--_cc-color-text-muted);
  }
  .tag {
    font-size: var(--_cc-font-size-sm);
    border: 1px solid currentColor;
    border-radius: var(--_cc-radius);
    padding: 0 var(--_cc-space-1);
  }
  .failed,
  .error {
    color: var(--_qa-failed);
    font-weight: var(--_cc-font-weight-strong);
  }
  .comment {
    white-space: pre-wrap;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid var(--_cc-color-border);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    text-align: start;
    vertical-align: top;
  }
  .note {
    padding: var(--_cc-space-2);
    background: var(--_cc-color-surface-raised);
  }
`;
