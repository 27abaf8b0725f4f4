import { css } from 'lit';

/** Tiles, badges, change and sparkline: shared by the tiles, the appraisal and the staffing panel. */
export const kpiStyles = css`
  :host {
    background: var(--_cc-color-surface);
  }
  .badge {
    display: inline-flex;
    gap: var(--_cc-space-1);
    font-weight: var(--_cc-font-weight-strong);
  }
  .badge[data-status='met'],
  [data-status='met'] > .value,
  .gap[data-status='met'] {
    color: var(--_cc-color-success);
  }
  .badge[data-status='at_risk'],
  [data-status='at_risk'] > .value {
    color: var(--_cc-color-warning);
  }
  .badge[data-status='missed'],
  [data-status='missed'] > .value,
  .gap[data-status='missed'] {
    color: var(--_cc-color-danger);
  }
  .change {
    margin: 0;
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  .change[data-good='true'] > span {
    color: var(--_cc-color-success);
  }
  .change[data-good='false'] > span {
    color: var(--_cc-color-danger);
  }
  .spark {
    display: block;
    width: 100%;
    height: 1.5rem;
    fill: none;
    stroke: var(--cc-kpi-tiles-spark-color, var(--_cc-color-accent));
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .spark path {
    vector-effect: non-scaling-stroke;
  }
  @media (forced-colors: active) {
    .spark {
      stroke: CanvasText;
    }
  }
`;

export const styles = [
  kpiStyles,
  css`
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
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
      font-size: var(--_cc-font-size-md);
      color: var(--_cc-color-text);
      background: var(--_cc-color-surface);
      border: 1px solid var(--_cc-color-border);
      border-radius: var(--_cc-radius);
      padding: 0 var(--_cc-space-2);
    }
    .range {
      align-self: center;
      color: var(--_cc-color-text-muted);
    }
    .actions {
      display: flex;
      gap: var(--_cc-space-2);
      margin-inline-start: auto;
    }
    .cc-button[aria-pressed='true'] {
      border-color: var(--_cc-color-accent);
      box-shadow: inset 0 -3px 0 var(--_cc-color-accent);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--cc-kpi-tiles-min-width, 12rem)), 1fr)
      );
      gap: var(--cc-kpi-tiles-gap, var(--_cc-space-3));
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: var(--_cc-space-1);
      padding: var(--_cc-space-3);
      background: var(--cc-kpi-tiles-tile-background, var(--_cc-color-surface-raised));
      border: 1px solid var(--_cc-color-border);
      border-radius: var(--_cc-radius-lg);
      border-block-start-width: 4px;
    }
    .tile[data-status='met'] {
      border-block-start-color: var(--_cc-color-success);
    }
    .tile[data-status='at_risk'] {
      border-block-start-color: var(--_cc-color-warning);
    }
    .tile[data-status='missed'] {
      border-block-start-color: var(--_cc-color-danger);
    }
    .tile > p {
      margin: 0;
    }
    .name {
      all: unset;
      cursor: pointer;
      font-weight: var(--_cc-font-weight-strong);
      color: var(--_cc-color-text);
    }
    .name:hover {
      text-decoration: underline;
    }
    .name:focus-visible {
      outline: 2px solid var(--_cc-color-focus-ring);
      outline-offset: 2px;
    }
    .value {
      font-size: var(--_cc-font-size-xl);
      font-weight: var(--_cc-font-weight-strong);
      line-height: var(--_cc-line-height-tight);
      font-variant-numeric: tabular-nums;
    }
    .target {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space-2);
      font-size: var(--_cc-font-size-sm);
      color: var(--_cc-color-text-muted);
    }
    details {
      font-size: var(--_cc-font-size-sm);
      color: var(--_cc-color-text-muted);
    }
    summary {
      cursor: pointer;
      color: var(--_cc-color-accent);
    }
    details p,
    dl {
      margin: var(--_cc-space-1) 0 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 var(--_cc-space-2);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .stale {
      margin: 0 0 var(--_cc-space-3);
      padding: var(--_cc-space-2) var(--_cc-space-3);
      border-inline-start: 3px solid var(--_cc-color-warning);
      background: var(--_cc-color-surface-raised);
    }
    :host([density='compact']) .value {
      font-size: var(--_cc-font-size-lg);
    }
  `,
];
