/**
 * `Announcer`: a polite live region for one element. Messages announced within `delay` ms are
 * batched into one announcement, so a burst of updates is read once, not ten times. Render
 * `this.announcer.render()` once in the element's template (the region must exist before it
 * speaks); call `announce(text)` when a value crosses a threshold worth hearing.
 */
import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

export class Announcer implements ReactiveController {
  private text = '';
  private pending: string[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delay = 500,
  ) {
    host.addController(this);
  }

  announce(message: string): void {
    if (!message || this.pending.includes(message)) return;
    this.pending.push(message);
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.delay);
  }

  /** What the region says now (for tests). */
  get current(): string {
    return this.text;
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  render(): TemplateResult {
    return html`<div class="cc-visually-hidden" aria-live="polite" aria-atomic="true">
      ${this.text}
    </div>`;
  }

  private flush(): void {
    this.timer = undefined;
    // Changing the text (even to the same words) is what makes screen readers speak.
    const next = this.pending.join(' ');
    this.pending = [];
    this.text = next === this.text ? `${next}\u00a0` : next;
    this.host.requestUpdate();
  }
}
