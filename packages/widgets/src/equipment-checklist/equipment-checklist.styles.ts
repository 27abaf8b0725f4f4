import { css } from 'lit';

export const styles = css`
  :host {
    background: var(--cc-equipment-checklist-background, var(--_cc-color-surface));
    --_eq-fail: var(--cc-equipment-checklist-fail-color, var(--_cc-color-danger));
    --_eq-pass: var(--cc-equipment-checklist-pass-color, var(--_cc-color-success));
    padding: var(--_cc-space-3);
  }
  .title,
  h3 {
    margin: 0 0 var(--_cc-space-2);
    font-size: var(--_cc-font-size-lg);
  }
  h3 {
    font-size: var(--_cc-font-size-md);
  }
  [role='tablist'] {
    display: flex;
    gap: var(--_cc-space-1);
    border-bottom: 1px solid var(--_cc-color-border);
    margin-bottom: var(--_cc-space-3);
  }
  [role='tab'] {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    padding: var(--_cc-space-2) var(--_cc-space-3);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_cc-color-accent);
    font-weight: var(--_cc-font-weight-strong);
  }
  .bar,
  .progress,
  .seat-head,
  .results,
  .conflict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-3);
  }
  .bar {
    margin-bottom: var(--_cc-space-3);
  }
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius-sm);
    margin-inline-start: var(--_cc-space-2);
    min-height: var(--_cc-control-height);
  }
  textarea {
    display: block;
    width: 100%;
    margin: var(--_cc-space-1) 0 0;
  }
  progress {
    flex: 1 1 12rem;
    accent-color: var(--_cc-color-accent);
  }
  .save,
  .covers,
  .serial,
  .fix {
    color: var(--_cc-color-text-muted);
    font-size: var(--_cc-font-size-sm);
  }
  section {
    margin: var(--_cc-space-4) 0;
  }
  .item {
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    margin: 0 0 var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
  }
  legend {
    font-weight: var(--_cc-font-weight-strong);
    padding: 0 var(--_cc-space-1);
  }
  .covers {
    display: block;
  }
  .opt {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    min-height: var(--_cc-control-height);
    cursor: pointer;
  }
  .opt input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_cc-color-accent);
  }
  .error,
  .problems,
  [data-result='fail'],
  [data-result='missing'] {
    color: var(--_eq-fail);
  }
  .findings {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_cc-space-3);
  }
  .findings li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1) var(--_cc-space-3);
    padding: var(--_cc-space-2) 0;
    border-bottom: 1px solid var(--_cc-color-border);
  }
  .findings [data-fixed] .fix {
    color: var(--_eq-pass);
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
  .conflict {
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-inline-start: 3px solid var(--_cc-color-warning);
    background: var(--_cc-color-surface-raised);
  }
`;
