import { expect, fixtureSync, html as testHtml, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { Announcer } from './announcer.js';
import { CcElement } from './element.js';
import { probe } from '../test-utils/probe.js';
import { expectAccessible } from '../test-utils/axe.js';

const DELAY = 150;

/** An element that renders its announcer's region, as the README says every element does. */
class AnnouncingProbe extends CcElement {
  announcer = new Announcer(this, DELAY);
  protected override render() {
    return html`<p>Queue</p>
      ${this.announcer.render()}`;
  }
}

const mount = async () => {
  const root = fixtureSync(testHtml`<div><i class="here"></i></div>`);
  const el = probe<AnnouncingProbe>({}, AnnouncingProbe);
  root.querySelector('.here')!.replaceWith(el);
  await el.updateComplete;
  return el;
};

const region = (el: AnnouncingProbe) => el.shadowRoot!.querySelector<HTMLElement>('[aria-live]')!;
const spoken = (el: AnnouncingProbe) => region(el).textContent!.trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every text the region took, in order (what a screen reader would have read). */
function recordSpeech(el: AnnouncingProbe): string[] {
  const said: string[] = [];
  new MutationObserver(() => said.push(region(el).textContent!)).observe(region(el), {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return said;
}

describe('Announcer', () => {
  it('renders one polite, atomic region before it speaks, hidden from sight only', async () => {
    const el = await mount();
    const live = region(el);
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('aria-atomic')).to.equal('true');
    expect(live.getAttribute('role')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[aria-live]').length).to.equal(1);
    expect(spoken(el)).to.equal('');
    // Visually hidden, but not display:none / visibility:hidden (that would silence it).
    const style = getComputedStyle(live);
    expect(style.display).to.not.equal('none');
    expect(style.visibility).to.not.equal('hidden');
    expect(live.getBoundingClientRect().width).to.be.at.most(1);
    await expectAccessible(el);
  });

  it('batches a burst into one announcement, without repeats', async () => {
    const el = await mount();
    const said = recordSpeech(el);
    el.announcer.announce('Ticket #12 breached its SLA.');
    el.announcer.announce('Ticket #15 breached its SLA.');
    el.announcer.announce('Ticket #12 breached its SLA.');
    el.announcer.announce('');
    await el.updateComplete;
    expect(spoken(el), 'nothing is said before the batch closes').to.equal('');
    await waitUntil(() => spoken(el) !== '', 'nothing was announced', { timeout: 2000 });
    await sleep(DELAY * 2);
    expect(spoken(el)).to.equal('Ticket #12 breached its SLA. Ticket #15 breached its SLA.');
    expect(said.filter((text) => text.trim()).length, 'one announcement').to.equal(1);
    expect(el.announcer.current).to.equal(spoken(el));
  });

  it('says the same words again when they are announced again', async () => {
    const el = await mount();
    el.announcer.announce('3 tickets waiting.');
    await waitUntil(() => spoken(el) === '3 tickets waiting.', 'first announcement', {
      timeout: 2000,
    });
    const before = region(el).textContent;
    el.announcer.announce('3 tickets waiting.');
    await waitUntil(() => region(el).textContent !== before, 'not repeated', { timeout: 2000 });
    expect(spoken(el).replace(/\u00a0/g, '')).to.equal('3 tickets waiting.');
  });

  it('drops what is pending when the element leaves the page', async () => {
    const el = await mount();
    el.announcer.announce('Ticket #20 breached its SLA.');
    const parent = el.parentElement!;
    el.remove();
    await sleep(DELAY * 2);
    parent.append(el);
    await el.updateComplete;
    expect(spoken(el)).to.equal('');
    expect(el.announcer.current).to.equal('');
  });
});
