import { css } from 'lit';

export const styles = css`
  :host {
    padding: var(--cc-ticket-detail-padding, var(--_cc-space-4));
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    /* Its own surface, so text keeps its contrast on any page (dark theme). */
    background: var(--cc-ticket-detail-background, var(--_cc-color-surface));
    box-shadow: var(--_cc-elevation-1);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_cc-space-3);
  }
  h2 {
    margin: 0;
    font-size: var(--_cc-font-size-lg);
  }
  h3 {
    margin: var(--_cc-space-4) 0 var(--_cc-space-2);
    font-size: var(--_cc-font-size-md);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_cc-space-1) var(--_cc-space-4);
    margin: 0;
  }
  dt,
  .meta {
    color: var(--_cc-color-text-muted);
  }
  dd,
  .meta {
    margin: 0;
  }
  .meta {
    font-size: var(--_cc-font-size-sm);
  }
  .description,
  .body {
    white-space: pre-wrap;
  }
  .body {
    margin: 0 0 var(--_cc-space-2);
  }
  .actions,
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
    align-items: flex-end;
    margin-top: var(--_cc-space-2);
  }
  .comment {
    flex-direction: column;
    align-items: flex-start;
  }
  ol {
    margin: 0;
    padding-inline-start: var(--_cc-space-5);
  }
  select,
  input,
  textarea {
    font: inherit;
    min-height: var(--_cc-control-height);
    padding: 0 var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    box-sizing: border-box;
  }
  textarea {
    padding: var(--_cc-space-2);
    min-width: 16rem;
  }
  input[type='checkbox'] {
    min-height: auto;
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  .check {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: center;
  }
  .conflict,
  .action-error {
    padding: var(--_cc-space-3);
    border: 1px solid var(--_cc-color-border);
    border-inline-start: 4px solid var(--_cc-color-danger);
    border-radius: var(--_cc-radius-sm);
    background: var(--_cc-color-surface-raised);
  }
  .conflict .title {
    margin-top: 0;
    font-weight: var(--_cc-font-weight-strong);
  }
  .sla {
    display: inline-flex;
    gap: var(--_cc-space-1);
    padding: 0 var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius-sm);
  }
  .sla[data-sla='at_risk'] {
    border-color: var(--_cc-color-warning);
  }
  .sla[data-sla='breached'] {
    border-color: var(--_cc-color-danger);
    font-weight: var(--_cc-font-weight-strong);
  }
  .sla[data-sla='paused'] {
    border-style: dashed;
  }
`;
