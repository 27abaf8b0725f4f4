import { expect, fixtureSync, html as testHtml } from '@open-wc/testing';
import { css, html } from 'lit';
import { CcElement } from './element.js';
import { TOKEN_NAMES } from './theme.js';
import { place, probe } from '../test-utils/probe.js';

class ThemedProbe extends CcElement {
  static override styles = [
    ...(CcElement.styles as []),
    css`
      .box {
        background: var(--cc-themed-probe-background, var(--_cc-color-surface));
        color: var(--_cc-color-text);
        padding: var(--_cc-space-4);
      }
    `,
  ];
  protected override render() {
    return html`<div class="box" part="box">x</div>`;
  }
}

const boxOf = async (el: Element) => {
  await (el as CcElement).updateComplete;
  return getComputedStyle(el.shadowRoot!.querySelector('.box')!);
};

describe('theme tokens', () => {
  const themed = (attrs: Record<string, string> = {}) => probe({ attrs }, ThemedProbe);

  it('applies light defaults, dark with theme=dark, and compact spacing', async () => {
    const root = fixtureSync(
      testHtml`<div><i class="a"></i><i class="b"></i><i class="c"></i></div>`,
    );
    const light = await place(root, '.a', themed());
    expect((await boxOf(light)).backgroundColor).to.equal('rgb(255, 255, 255)');
    const dark = await place(root, '.b', themed({ theme: 'dark' }));
    expect((await boxOf(dark)).backgroundColor).to.equal('rgb(21, 25, 30)');
    const comfortablePadding = parseFloat((await boxOf(light)).paddingTop);
    const compact = await place(root, '.c', themed({ density: 'compact' }));
    expect(parseFloat((await boxOf(compact)).paddingTop)).to.be.below(comfortablePadding);
  });

  it('follows the provider theme and a host token set on any ancestor', async () => {
    await import('../define/cc-provider.js');
    const page = fixtureSync<HTMLElement>(testHtml`<div class="host-page">
      <cc-provider theme="dark"><i class="here"></i></cc-provider>
    </div>`);
    const el = await place(page, '.here', themed());
    expect((await boxOf(el)).backgroundColor).to.equal('rgb(21, 25, 30)');
    page.style.setProperty('--cc-color-surface', 'rgb(1, 2, 3)');
    page.style.setProperty('--cc-color-text', 'rgb(250, 0, 0)');
    const box = await boxOf(el);
    expect(box.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(box.color).to.equal('rgb(250, 0, 0)');
    page.style.setProperty('--cc-themed-probe-background', 'rgb(9, 9, 9)');
    expect((await boxOf(el)).backgroundColor).to.equal('rgb(9, 9, 9)');
  });

  it('documents every public token', () => {
    expect(TOKEN_NAMES).to.include('--cc-color-accent');
    expect(TOKEN_NAMES).to.include('--cc-color-focus-ring');
    expect(TOKEN_NAMES).to.include('--cc-space-4');
  });
});
