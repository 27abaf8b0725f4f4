/** A minimal kit element for platform tests: shows a shared string and a number. */
import { html } from 'lit';
import { CcElement } from '../shared/element.js';

export class CcTestProbe extends CcElement {
  protected override render() {
    return html`<p part="text">${this.t('loading')}</p>
      <p part="number">${this.fmt.number(1234.5)}</p>`;
  }
}

let count = 0;

/**
 * A new element of a fresh subclass of `base` under a unique tag (tests never share a tag), with
 * the given attributes and properties. Put it into the page with `place()`.
 */
export function probe<T extends CcElement = CcTestProbe>(
  init: { attrs?: Record<string, string>; props?: Partial<T> } = {},
  base: CustomElementConstructor = CcTestProbe,
): T {
  const tag = `cc-test-probe-${++count}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends (base as typeof CcTestProbe) {});
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(init.attrs ?? {})) el.setAttribute(name, value);
  Object.assign(el, init.props ?? {});
  return el;
}

/** Replaces the element matching `selector` under `root` (a placeholder) with `el`. */
export async function place<T extends CcElement>(
  root: Element,
  selector: string,
  el: T,
): Promise<T> {
  const placeholder = root.matches(selector) ? root : root.querySelector(selector);
  if (!placeholder) throw new Error(`no placeholder ${selector}`);
  placeholder.replaceWith(el);
  await el.updateComplete;
  return el;
}
