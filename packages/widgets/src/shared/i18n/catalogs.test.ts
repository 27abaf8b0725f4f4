/**
 * Every catalog section of the kit (elements.ts imports every element, so every section is
 * defined): each locale pack complete, and none of them inline. Apart from i18n.test.ts, which
 * element tests import for expectCompleteCatalog, so they do not load every element.
 */
import { expect } from '@open-wc/testing';
import { elements } from '../../elements.js';
import { expectCompleteCatalog } from './i18n.test.js';
import { definedSections } from './packs.js';

describe("the kit's catalog sections", () => {
  it('every section of every element has every key in every locale pack', async () => {
    // Sections the tests define themselves are named test-*.
    const sections = definedSections().filter((section) => !section.id.startsWith('test'));
    const ids = sections.map((section) => section.id);
    // Every element's section is defined once elements.ts is imported (it imports them all).
    expect(ids).to.include.members(['shared', 'ticket-queue', 'ticket-detail', 'kpi-tiles']);
    expect(ids.length).to.be.greaterThan(Object.keys(elements).length - 1);
    for (const section of sections) await expectCompleteCatalog(section);
  });

  it('every section keeps its Chinese strings out of the code every page loads', () => {
    // The inline form (defineCatalog(id, { en, 'zh-Hans', 'zh-Hant' })) still type-checks, but
    // puts every locale in cc-widgets.js: the kit's own sections use packs.
    for (const section of definedSections().filter((s) => !s.id.startsWith('test'))) {
      for (const locale of ['zh-Hans', 'zh-Hant'] as const)
        expect(section.loaders[locale], `${section.id} ${locale} pack`).to.be.a('function');
    }
  });
});
