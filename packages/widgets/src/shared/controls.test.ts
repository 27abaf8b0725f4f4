import { expect, fixtureSync, html as testHtml } from '@open-wc/testing';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { CcElement } from './element.js';
import { localized, optionsOf, selectField } from './controls.js';
import { probe, place } from '../test-utils/probe.js';
import { expectAccessible } from '../test-utils/axe.js';

/** Renders one labelled select and keeps what it was told. */
class SelectProbe extends CcElement {
  @property() value?: string;
  @property({ type: Boolean }) disabled = false;
  picked: string[] = [];
  protected override render() {
    return html`${selectField(
        'Period',
        this.value,
        [
          ['day', 'Today'],
          ['week', 'This week'],
        ],
        (v) => {
          this.picked.push(v);
          this.value = v;
        },
        { name: 'period', class: 'field', disabled: this.disabled, empty: 'Choose' },
      )}
      <select aria-label="Plain">
        ${optionsOf(
          new Map([
            ['a', 'A'],
            ['b', 'B'],
          ]),
          'b',
        )}
      </select>`;
  }
}

const mount = (props: Partial<SelectProbe> = {}) =>
  place(fixtureSync(testHtml`<div><i></i></div>`), 'i', probe<SelectProbe>({ props }, SelectProbe));

describe('shared controls', () => {
  it('localized(): the element language, else English, else the fallback', async () => {
    const el = await place(
      fixtureSync(testHtml`<div><i></i></div>`),
      'i',
      probe({ attrs: { locale: 'zh-Hant' } }),
    );
    expect(localized(el, { en: 'Team', 'zh-Hant': '組別' })).to.equal('組別');
    expect(localized(el, { en: 'Team', 'zh-Hans': '组别' })).to.equal('Team');
    expect(localized(el, 'As is')).to.equal('As is');
    expect(localized(el, undefined, 't-1')).to.equal('t-1');
    expect(localized(el, null)).to.equal('');
    expect(localized(el, {}, 'id')).to.equal('id');
  });

  it('selectField(): a select named by its label, its value selected, change reported', async () => {
    const el = await mount({ value: 'week' });
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=period]')!;
    const label = select.closest('label')!;
    expect(label.className).to.equal('field');
    expect(label.textContent!.trim().startsWith('Period')).to.equal(true);
    expect(select.labels[0]).to.equal(label);
    expect(select.id).to.equal('');
    expect([...select.options].map((o) => [o.value, o.text])).to.deep.equal([
      ['', 'Choose'],
      ['day', 'Today'],
      ['week', 'This week'],
    ]);
    expect(select.value).to.equal('week');
    select.value = 'day';
    select.dispatchEvent(new Event('change'));
    expect(el.picked).to.deep.equal(['day']);
    await el.updateComplete;
    expect(select.value).to.equal('day');
    await expectAccessible(el);
  });

  it('selectField(): the empty option is selected without a value; disabled when asked', async () => {
    const el = await mount({ disabled: true });
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=period]')!;
    expect(select.value).to.equal('');
    expect(select.disabled).to.equal(true);
  });

  it('optionsOf(): options from any list of pairs, the chosen one selected', async () => {
    const el = await mount();
    const plain = el.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label=Plain]')!;
    expect([...plain.options].map((o) => o.value)).to.deep.equal(['a', 'b']);
    expect(plain.value).to.equal('b');
  });
});
