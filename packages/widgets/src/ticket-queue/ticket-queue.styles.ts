import { css } from 'lit';

export const styles = css`
  :host {
    /* The queue paints its own surface, so its text keeps its contrast on any page (dark theme). */
    background: var(--cc-ticket-queue-background, var(--_cc-color-surface));
    --_tq-row-height: var(--_cc-control-height);
    --_tq-at-risk: var(--cc-ticket-queue-at-risk-color, var(--_cc-color-warning));
    --_tq-breached: var(--cc-ticket-queue-breached-color, var(--_cc-color-danger));
  }
  /* One block size whether loading, empty, failed or showing rows: the page never shifts when data
     arrives. The rows take what the filter bar and the count leave. */
  .queue {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-3);
    block-size: var(
      --cc-ticket-queue-block-size,
      calc(var(--cc-ticket-queue-height, 28rem) + 15rem)
    );
  }
  .queue > * {
    flex: none;
  }
  .toolbar-slot[hidden] {
    display: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-1) var(--_cc-space-3);
    min-block-size: var(--_cc-control-height);
  }
  .queue > .status-slot,
  .queue > .grid {
    flex: 1 1 auto;
    min-block-size: 0;
  }
  input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  .total,
  .more,
  .stale,
  .new-tickets {
    margin: 0;
    font-size: var(--_cc-font-size-sm);
    color: var(--_cc-color-text-muted);
  }
  .new-tickets {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
    color: var(--_cc-color-text);
  }
  .grid {
    display: flex;
    flex-direction: column;
    overflow-x: auto;
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
  }
  .row {
    display: flex;
    align-items: stretch;
    width: 100%;
    min-height: var(--_tq-row-height);
    border-bottom: 1px solid var(--_cc-color-border);
    box-sizing: border-box;
  }
  .head .row {
    background: var(--_cc-color-surface-raised);
    font-weight: var(--_cc-font-weight-strong);
    font-size: var(--_cc-font-size-sm);
  }
  .head,
  .scroller {
    min-width: var(--cc-ticket-queue-min-width, 64rem);
  }
  .scroller {
    flex: 1 1 auto;
    min-block-size: var(--_tq-row-height);
    overflow-y: auto;
    /* Header and rows keep the same width whether or not a scrollbar shows. */
    scrollbar-gutter: stable;
  }
  .head {
    flex: none;
    scrollbar-gutter: stable;
    overflow: hidden;
  }
  .body .row {
    /* A fixed height: which rows are in view is arithmetic on the scroll position. */
    height: var(--cc-ticket-queue-row-height, 3.25rem);
    overflow: hidden;
  }
  .body .row:hover {
    background: var(--_cc-color-surface-raised);
  }
  .row[aria-selected='true'] {
    background: var(--_cc-color-surface-raised);
    box-shadow: inset 3px 0 0 var(--_cc-color-accent);
  }
  .row[data-result='failed'] {
    box-shadow: inset 3px 0 0 var(--_cc-color-danger);
  }
  .cell {
    display: flex;
    align-items: center;
    flex: 0 0 8rem;
    padding: var(--_cc-space-1) var(--_cc-space-2);
    box-sizing: border-box;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .cell:focus-visible {
    outline-offset: -2px;
  }
  .cell.select {
    flex: 0 0 2.5rem;
    justify-content: center;
  }
  .cell[data-col='number'] {
    flex-basis: 6rem;
  }
  .cell[data-col='subject'] {
    flex: 1 0 16rem;
  }
  .cell[data-col='sla'] {
    flex-basis: 13rem;
  }
  .cell[data-col='customer'],
  .cell[data-col='assignee'],
  .cell[data-col='team'],
  .cell[data-col='department'] {
    flex-basis: 9rem;
  }
  .cell[data-col='priority'],
  .cell[data-col='state'] {
    flex-basis: 7.5rem;
  }
  .subject {
    line-height: var(--_cc-line-height-tight);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .sort,
  .link {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: var(--_cc-space-1);
    align-items: center;
  }
  .link {
    color: var(--_cc-color-accent);
    text-decoration: underline;
  }
  .arrow {
    font-size: 0.8em;
  }
  .priority[data-priority='urgent'],
  .priority[data-priority='high'] {
    font-weight: var(--_cc-font-weight-strong);
  }
  .sla {
    display: inline-flex;
    gap: var(--_cc-space-1);
    align-items: center;
    padding: 0 var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius-sm);
    font-size: var(--_cc-font-size-sm);
  }
  .sla[data-sla='ok'] {
    border-inline-start-color: var(--_cc-color-success);
  }
  .sla[data-sla='at_risk'] {
    border-color: var(--_tq-at-risk);
  }
  .sla[data-sla='breached'] {
    border-color: var(--_tq-breached);
    font-weight: var(--_cc-font-weight-strong);
  }
  .sla[data-sla='paused'] {
    border-style: dashed;
    color: var(--_cc-color-text-muted);
  }
  .detail {
    margin-top: var(--_cc-space-4);
  }
  @media (forced-colors: active) {
    .row[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
    .sla {
      border-color: CanvasText;
    }
  }
`;
