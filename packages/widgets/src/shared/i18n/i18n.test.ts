import { expect, fixtureSync, html } from '@open-wc/testing';
import { place, probe } from '../../test-utils/probe.js';
import '../../define/cc-provider.js';
import { en } from './en.js';
import { Formatter } from './format.js';
import { normalizeLocale, resolveLocale } from './locale.js';
import { registerTranslations, TranslationRegistry } from './registry.js';
import { sharedCatalog } from './shared.js';
import { translate } from './translate.js';
import { loadLocale } from './packs.js';
import { defineCatalog, LOCALES, type CatalogSection, type Locale, type Message } from './types.js';

/** A section's strings in `locale`, loading its pack first (the catalog of that locale). */
export async function catalogOf<T extends Record<string, Message>>(
  section: CatalogSection<T>,
  locale: Locale,
): Promise<Record<string, Message>> {
  if (locale === 'en') return section.en;
  const loader = section.loaders[locale];
  const catalog = loader ? (await loader()).default : section.catalogs[locale];
  expect(catalog, `${section.id}/${locale} catalog`).to.be.an('object');
  return catalog as Record<string, Message>;
}

/** Every locale of a section (each pack loaded) has exactly the English keys, same kind of message. */
export async function expectCompleteCatalog<T extends Record<string, Message>>(
  section: CatalogSection<T>,
): Promise<void> {
  const keys = Object.keys(section.en).sort();
  for (const locale of LOCALES) {
    const catalog = await catalogOf(section, locale);
    expect(Object.keys(catalog).sort(), `${section.id}/${locale} keys`).to.deep.equal(keys);
    for (const key of keys) {
      const message = catalog[key];
      expect(typeof message, `${section.id}/${locale}/${key}`).to.equal(typeof section.en[key]);
      if (typeof message === 'string' && key !== 'duration.separator')
        expect(message.trim(), `${locale}/${key}`).not.to.equal('');
    }
  }
}

const sample = (value: Message): string =>
  typeof value === 'string'
    ? value
    : String(
        value({
          n: '1',
          time: 't',
          value: 'v',
          id: 'i',
          level: 1,
          seconds: 1,
          percent: 'p',
          count: 1,
        } as never),
      );

describe('message catalogs', () => {
  it('every locale has every shared key', async () => {
    await expectCompleteCatalog(sharedCatalog);
  });

  it('a key missing in a pack fails the completeness check', async () => {
    const broken = defineCatalog('test-broken', { a: 'A', b: 'B' } as const, {
      'zh-Hans': () => Promise.resolve({ default: { a: '甲', b: '乙' } }),
      'zh-Hant': () => Promise.resolve({ default: { a: '甲' } as never }),
    });
    let failure: unknown;
    try {
      await expectCompleteCatalog(broken);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('test-broken/zh-Hant keys');
  });

  it('the Chinese catalogs are in their own script', async () => {
    // A few characters that differ between the scripts: none may leak into the other catalog.
    const hansOnly = /[单诉务级时态据议话访签队间关闭设备质检]/;
    const hantOnly = /[單訴務級時態據議話訪簽隊間關閉設備質檢]/;
    for (const [key, value] of Object.entries(await catalogOf(sharedCatalog, 'zh-Hans'))) {
      const text = sample(value);
      expect(hantOnly.test(text), `zh-Hans ${key}: ${text}`).to.equal(false);
    }
    for (const [key, value] of Object.entries(await catalogOf(sharedCatalog, 'zh-Hant'))) {
      const text = sample(value);
      expect(hansOnly.test(text), `zh-Hant ${key}: ${text}`).to.equal(false);
    }
  });

  it('uses the glossary terms', async () => {
    const hans = await catalogOf(sharedCatalog, 'zh-Hans');
    const hant = await catalogOf(sharedCatalog, 'zh-Hant');
    expect(hans['ticket.kind.complaint']).to.equal('投诉');
    expect(hant['ticket.kind.complaint']).to.equal('投訴');
    expect(hant['kpi.metric.service_level']).to.equal('服務水準');
    expect(hans['noData']).to.equal('暂无数据');
    expect(hant['noData']).to.equal('尚無資料');
  });
});

describe('locale resolution', () => {
  it('maps Chinese regions to scripts', () => {
    expect(normalizeLocale('zh-TW')).to.equal('zh-Hant');
    expect(normalizeLocale('zh-HK')).to.equal('zh-Hant');
    expect(normalizeLocale('zh-MO')).to.equal('zh-Hant');
    expect(normalizeLocale('zh-Hant-HK')).to.equal('zh-Hant');
    expect(normalizeLocale('zh-CN')).to.equal('zh-Hans');
    expect(normalizeLocale('zh-SG')).to.equal('zh-Hans');
    expect(normalizeLocale('zh')).to.equal('zh-Hans');
    expect(normalizeLocale('en-GB')).to.equal('en');
    expect(normalizeLocale('fr')).to.equal(undefined);
  });

  it('takes the first candidate the kit speaks, then the browser, then English', () => {
    expect(resolveLocale([undefined, 'fr', 'zh-TW'], ['en-US']).locale).to.equal('zh-Hant');
    expect(resolveLocale([undefined], ['de', 'zh-CN']).locale).to.equal('zh-Hans');
    expect(resolveLocale([], ['de']).locale).to.equal('en');
  });

  it('element > provider > lang > navigator', async () => {
    const root = fixtureSync(
      html`<div lang="zh-HK">
        <i class="lang"></i>
        <cc-provider locale="zh-Hans"><i class="provider"></i><i class="own"></i></cc-provider>
      </div>`,
    );
    expect((await place(root, '.lang', probe())).resolvedLocale).to.equal('zh-Hant');
    expect((await place(root, '.provider', probe())).resolvedLocale).to.equal('zh-Hans');
    const own = probe({ attrs: { locale: 'en' } });
    expect((await place(root, '.own', own)).resolvedLocale).to.equal('en');
  });

  it('walks up through shadow roots to find lang', async () => {
    const host = fixtureSync(html`<section lang="zh-TW"><div></div></section>`);
    const shadow = host.firstElementChild!.attachShadow({ mode: 'open' });
    const el = probe();
    shadow.append(el);
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('zh-Hant');
  });
});

describe('translation and fallback', () => {
  const section = defineCatalog('test-fallback', {
    en: { hello: 'Hello', count: (p: { n: number }) => `${p.n} items` },
    'zh-Hans': { hello: '你好', count: (p: { n: number }) => `${p.n} 项` },
    // Simulates a catalog that lost a key at run time (types forbid it at compile time).
    'zh-Hant': { count: (p: { n: number }) => `${p.n} 項` } as never,
  });

  it('falls back to English, never to the other Chinese script', () => {
    expect(translate(section, 'zh-Hant', undefined, 'hello')).to.equal('Hello');
    expect(translate(section, 'zh-Hans', undefined, 'hello')).to.equal('你好');
    expect(translate(section, 'zh-Hant', undefined, 'count', { n: 3 })).to.equal('3 項');
  });

  it('applies host overrides, scoped or global', () => {
    const scoped = new TranslationRegistry();
    scoped.register('zh-Hans', { hello: '您好' });
    expect(translate(section, 'zh-Hans', scoped, 'hello')).to.equal('您好');
    expect(translate(section, 'zh-Hans', new TranslationRegistry(), 'hello')).to.equal('你好');
    scoped.register('en', { hello: 'Hi' });
    expect(translate(section, 'zh-Hant', scoped, 'hello')).to.equal('Hi');
  });

  it('re-renders elements when the page registers translations', async () => {
    const root = fixtureSync(html`<div><i class="here"></i></div>`);
    const el = await place(root, '.here', probe({ attrs: { locale: 'en' } }));
    registerTranslations('en', { loading: 'Fetching…' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Fetching…');
    registerTranslations('en', { loading: en.loading });
  });
});

describe('formatting', () => {
  before(() => Promise.all([loadLocale('zh-Hans'), loadLocale('zh-Hant')]));

  it('formats durations in each locale', () => {
    expect(new Formatter('en', 'en').duration(200)).to.equal('3 min 20 s');
    expect(new Formatter('zh-Hans', 'zh-Hans-CN').duration(200)).to.equal('3 分 20 秒');
    expect(new Formatter('zh-Hant', 'zh-Hant-TW').duration(3900)).to.equal('1 小時 5 分');
    expect(new Formatter('en', 'en').duration(0)).to.equal('0 s');
  });

  it('formats numbers, percentages, dates in the time zone, and relative times', () => {
    const en = new Formatter('en', 'en-US', 'Asia/Shanghai');
    expect(en.number(12345.6)).to.equal('12,345.6');
    expect(en.percent(0.8)).to.equal('80%');
    expect(en.date('2026-01-01T16:30:00Z', 'time')).to.match(/12:30\s?AM/);
    expect(en.relative(Date.now() - 3 * 60_000)).to.equal('3 minutes ago');
    const zh = new Formatter('zh-Hans', 'zh-Hans-CN', 'Asia/Shanghai');
    expect(zh.relative(Date.now() - 86_400_000)).to.equal('昨天');
    expect(zh.date('2026-01-01T16:30:00Z', 'date')).to.contain('2026年1月2日');
  });
});
