// The build's template minifier (minify-templates.mjs): what it does to css`` and html`` text, and,
// in Chromium, that every template of the kit means the same after it (same CSS rules, same DOM).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { transform } from 'esbuild';
import { parseAst } from 'rollup/parseAst';
import { chromium } from 'playwright-core';
import { collapseHtml, minifyCss, minifyTemplates } from './minify-templates.mjs';

const css = (text) => minifyCss([text])[0];
const html = (text) => collapseHtml([text])[0];

describe('css templates', () => {
  test('comments, whitespace and the last semicolon go', () => {
    assert.equal(
      css(`
  /* the card */
  .card {
    display: grid;
    gap: var(--_cc-space-2, 4px);
  }
  .a,
  .b > .c {
    color: red;
  }
`),
      '.card{display:grid;gap:var(--_cc-space-2,4px)}.a,.b>.c{color:red}',
    );
  });

  test('spaces that mean something stay', () => {
    // descendant + pseudo-class, media query "and (", calc operators, !important, a shorthand
    assert.equal(css(':host :focus-visible { a: b }'), ':host :focus-visible{a:b}');
    assert.equal(
      css('@media (min-width: 40rem) and (forced-colors: active) { .x { b: c } }'),
      '@media (min-width:40rem) and (forced-colors:active){.x{b:c}}',
    );
    assert.equal(
      css('.x { width: calc(100% - 2 * var(--a)); border: 1px solid red !important; }'),
      '.x{width:calc(100% - 2 * var(--a));border:1px solid red !important}',
    );
    assert.equal(css('.x::part(y) ::slotted(*) { a: b }'), '.x::part(y) ::slotted(*){a:b}');
  });

  test('strings and escapes are kept as written', () => {
    assert.equal(
      css(`.x[data-v='a  ,  b'] { content: "  /* not a comment */ ; } "; b: '\\2022  ' }`),
      `.x[data-v='a  ,  b']{content:"  /* not a comment */ ; } ";b:'\\2022  '}`,
    );
  });

  test('expressions between parts keep their place and separation', () => {
    assert.deepEqual(minifyCss([':host {\n  ', '\n  --a: 1px;\n}\n']), [':host{', ' --a:1px}']);
    // a fragment ending in a semicolon keeps it: what follows it is not known here
    assert.deepEqual(minifyCss(['\n  --a: 1;\n  --b: 2;\n']), ['--a:1;--b:2;']);
    assert.deepEqual(minifyCss(['font: ', ', ', ', sans-serif;']), ['font:', ',', ',sans-serif;']);
  });
});

describe('html templates', () => {
  test('whitespace runs become one space, never none', () => {
    assert.equal(
      html(`<div class="field">
      <label for="a"
        >Name <span aria-hidden="true"> *</span></label
      >
      <em>a</em> <strong>b</strong>
    </div>`),
      '<div class="field"> <label for="a">Name <span aria-hidden="true"> *</span></label> <em>a</em> <strong>b</strong> </div>',
    );
  });

  test('attribute values, comments and raw text are kept as written', () => {
    const text = `<p title="two  spaces
  and a line" data-x='a  b'>x</p>
  <!--   a   comment   -->
  <textarea>  typed
    text  </textarea>
  <pre>  a
  b</pre>`;
    assert.equal(
      html(text),
      `<p title="two  spaces
  and a line" data-x='a  b'>x</p> <!--   a   comment   --> <textarea>  typed
    text  </textarea> <pre>  a
  b</pre>`,
    );
  });

  test('expressions in attributes and text', () => {
    assert.deepEqual(
      collapseHtml(['<input\n  id=', '\n  class="a ', '  b"\n  .value=', '\n/>\n  ', '\n']),
      ['<input id=', ' class="a ', '  b" .value=', ' /> ', ' '],
    );
    assert.deepEqual(collapseHtml(['<label for=', '\n  >', '</label>']), [
      '<label for=',
      '>',
      '</label>',
    ]);
  });
});

describe('minifyTemplates (a module)', () => {
  test('only css`` and html`` templates change, with a source map', () => {
    const code = [
      'const a = css`\n  .x {\n    color: red;\n  }\n`;',
      'const b = html`<p>\n  ${a}\n</p>`;',
      'const c = `keep\n   me`;',
      'const d = other`keep\n   me`;',
    ].join('\n');
    const out = minifyTemplates(code, parseAst, { id: 'x.js' });
    assert.equal(
      out.code,
      [
        'const a = css`.x{color:red}`;',
        'const b = html`<p> ${a} </p>`;',
        'const c = `keep\n   me`;',
        'const d = other`keep\n   me`;',
      ].join('\n'),
    );
    assert.equal(out.map.sources[0], 'x.js');
    assert.equal(minifyTemplates('const c = `x  y`;', parseAst), null);
  });
});

// ---------------------------------------------------------------------------------------------
// Every css`` and html`` template of the kit's sources, before and after, read by Chromium.

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-utils' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|stories|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** { file, tag, parts } of every css`` / html`` template in the kit's sources. */
async function kitTemplates() {
  const found = [];
  for (const file of sourceFiles(src)) {
    const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'ts' });
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (
        node.type === 'TaggedTemplateExpression' &&
        node.tag.type === 'Identifier' &&
        ['css', 'html'].includes(node.tag.name)
      ) {
        const parts = node.quasi.quasis.map((q) => code.slice(q.start, q.end));
        found.push({ file: relative(src, file), tag: node.tag.name, parts });
      }
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') visit(value);
      }
    };
    visit(parseAst(code));
  }
  return found;
}

/** The text a template's parts make with each expression replaced by `hole` (raw escapes cooked). */
const text = (parts, hole) =>
  parts.map((p) => p.replace(/\\`/g, '`').replace(/\\\$/g, '$')).join(hole);

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe(
  'every template of the kit means the same',
  { skip: !existsSync(executablePath) && 'no Chromium' },
  () => {
    let browser;
    let page;
    let templates;
    before(async () => {
      templates = await kitTemplates();
      browser = await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      });
      page = await browser.newPage();
    });
    after(() => browser?.close());

    test('css: the same rules, as Chromium reads them', async () => {
      const pairs = templates
        .filter((t) => t.tag === 'css')
        .map((t) => ({
          file: t.file,
          before: text(t.parts, ''),
          after: text(minifyCss(t.parts), ''),
        }));
      assert.ok(pairs.length >= 15, `found ${pairs.length} css templates`);
      const differing = await page.evaluate((pairs) => {
        // A fragment (declarations only) is read inside a rule, like where it is interpolated.
        const read = (cssText) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(cssText.includes('{') ? cssText : `:host{${cssText}}`);
          // Chromium keeps a value holding var() as written, whitespace included: spaces after
          // commas and inside parentheses, never meaningful, are left out of the comparison.
          return [...sheet.cssRules]
            .map((r) => r.cssText)
            .join('\n')
            .replace(/\s*,\s*/g, ',')
            .replace(/\(\s+/g, '(')
            .replace(/\s+\)/g, ')');
        };
        return pairs
          .filter((p) => read(p.before) !== read(p.after))
          .map((p) => ({ file: p.file, before: read(p.before), after: read(p.after) }));
      }, pairs);
      assert.deepEqual(differing, []);
    });

    test('html: the same elements, attributes and text (whitespace runs as one space)', async () => {
      const pairs = templates
        .filter((t) => t.tag === 'html')
        .map((t) => ({
          file: t.file,
          before: text(t.parts, 'h0le'),
          after: text(collapseHtml(t.parts), 'h0le'),
        }));
      assert.ok(pairs.length >= 100, `found ${pairs.length} html templates`);
      const differing = await page.evaluate((pairs) => {
        const shape = (markup) => {
          // As lit reads a template: the content of a <template> element.
          const template = new DOMParser()
            .parseFromString(`<template>${markup}</template>`, 'text/html')
            .querySelector('template');
          const walk = (node) => {
            if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\s+/g, ' ');
            if (node.nodeType === Node.COMMENT_NODE) return `<!--${node.data}-->`;
            const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`);
            const kids = node.localName === 'template' ? node.content.childNodes : node.childNodes;
            // Text in raw-text elements compares as written.
            const raw = ['pre', 'textarea', 'script', 'style', 'title'].includes(node.localName);
            const inner = raw ? JSON.stringify(node.textContent) : [...kids].map(walk).join('');
            return `<${node.localName} ${attrs.join(' ')}>${inner}</${node.localName}>`;
          };
          return [...template.content.childNodes].map(walk).join('');
        };
        return pairs
          .filter((p) => shape(p.before) !== shape(p.after))
          .map((p) => ({ file: p.file, before: shape(p.before), after: shape(p.after) }));
      }, pairs);
      assert.deepEqual(differing, []);
    });
  },
);
