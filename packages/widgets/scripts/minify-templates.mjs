// The text of the kit's `css` and `html` tagged templates, written smaller at build time
// (rollup.widgets.mjs runs it on src/ after esbuild):
//
//   css`...`   comments removed, whitespace runs collapsed, the spaces around { } ; , > and
//              after : ( and before ) removed, and the last ; of each block
//   html`...`  whitespace runs collapsed to one space (never removed between text or inline
//              elements: it can be significant), the space before a tag's > removed; attribute
//              values, comments and the content of <pre>, <textarea>, <script> and <style>
//              are left as written
//
// Expressions (`${...}`) are never touched: each template's parts are processed together, an
// expression standing for an opaque token between them, so whitespace next to one is kept as one
// space unless a character above makes it meaningless.
import MagicString from 'magic-string';

/** Stands for an expression between two parts of a template while they are processed together. */
const HOLE = '\u0000';

const isSpace = (ch) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';

/** The parts (raw template text between expressions) of a `css` template, minified. */
export function minifyCss(parts) {
  const s = parts.join(HOLE);
  // 1. Tokens: strings and escapes as they are, comments dropped, whitespace runs as one space.
  let out = '';
  for (let i = 0; i < s.length;) {
    const ch = s[i];
    if (ch === '\\') {
      out += s.slice(i, i + 2);
      i += 2;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== ch) j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 2;
      // A comment between two words still separates them.
      if (!out.endsWith(' ')) out += ' ';
    } else if (isSpace(ch)) {
      while (i < s.length && isSpace(s[i])) i++;
      if (!out.endsWith(' ')) out += ' ';
    } else {
      out += ch;
      i++;
    }
  }
  // 2. Spaces that separate nothing, and the last declaration's semicolon.
  let min = '';
  for (let i = 0; i < out.length;) {
    const ch = out[i];
    if (ch === '\\') {
      min += out.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < out.length && out[j] !== ch) j += out[j] === '\\' ? 2 : 1;
      min += out.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ' ') {
      const before = min[min.length - 1];
      const after = out[i + 1];
      const drop =
        before === undefined ||
        after === undefined ||
        '{};,>:('.includes(before) ||
        '{};,>)'.includes(after);
      if (!drop) min += ' ';
      i++;
      continue;
    }
    if (ch === ';') {
      let j = i + 1;
      if (out[j] === ' ') j++;
      if (out[j] === '}' || out[j] === ';') {
        i++;
        continue;
      }
    }
    min += ch;
    i++;
  }
  return min.split(HOLE);
}

/** Elements whose content is kept as written (whitespace is their content). */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title']);

/** The parts of an `html` template, with whitespace runs collapsed (see the top of the file). */
export function collapseHtml(parts) {
  const s = parts.join(HOLE);
  let out = '';
  let i = 0;
  const copyUntil = (end) => {
    const j = s.indexOf(end, i);
    const stop = j < 0 ? s.length : j + end.length;
    out += s.slice(i, stop);
    i = stop;
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      out += s.slice(i, i + 2);
      i += 2;
    } else if (isSpace(ch)) {
      while (i < s.length && isSpace(s[i])) i++;
      out += ' ';
    } else if (s.startsWith('<!--', i)) {
      copyUntil('-->');
    } else if (ch === '<' && (/[a-zA-Z/]/.test(s[i + 1] ?? '') || s[i + 1] === HOLE)) {
      // A tag: collapse whitespace between attributes, keep attribute values as written.
      const name = /^<([a-zA-Z][\w-]*)/.exec(s.slice(i, i + 40))?.[1]?.toLowerCase();
      out += ch;
      i++;
      while (i < s.length && s[i] !== '>') {
        const c = s[i];
        if (c === '"' || c === "'") {
          out += c;
          i++;
          copyUntil(c);
        } else if (isSpace(c)) {
          while (i < s.length && isSpace(s[i])) i++;
          if (s[i] !== '>') out += ' ';
        } else if (c === '\\') {
          out += s.slice(i, i + 2);
          i += 2;
        } else {
          out += c;
          i++;
        }
      }
      if (i < s.length) {
        out += '>';
        i++;
      }
      if (name && RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}`, 'i').exec(s.slice(i));
        const stop = close ? i + close.index : s.length;
        out += s.slice(i, stop);
        i = stop;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out.split(HOLE);
}

const TAGS = { css: minifyCss, html: collapseHtml };

/** Every `css` / `html` tagged template of `code` (JavaScript), minified; null when none changed. */
export function minifyTemplates(code, parse, { id } = {}) {
  if (!/\b(css|html)`/.test(code)) return null;
  const ms = new MagicString(code);
  let changed = false;
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (
      node.type === 'TaggedTemplateExpression' &&
      node.tag.type === 'Identifier' &&
      Object.hasOwn(TAGS, node.tag.name)
    ) {
      const quasis = node.quasi.quasis;
      const before = quasis.map((q) => code.slice(q.start, q.end));
      const after = TAGS[node.tag.name](before);
      if (after.length !== before.length) {
        throw new Error(`${id ?? 'code'}: template at ${node.start} lost its shape`);
      }
      quasis.forEach((q, k) => {
        if (after[k] === before[k]) return;
        changed = true;
        if (after[k] === '') ms.remove(q.start, q.end);
        else ms.overwrite(q.start, q.end, after[k]);
      });
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
    }
  };
  visit(parse(code));
  if (!changed) return null;
  return { code: ms.toString(), map: ms.generateMap({ hires: 'boundary', source: id }) };
}

/**
 * The rollup plugin: runs after esbuild (so it reads JavaScript) on the modules `include` accepts.
 */
export function minifyTemplatesPlugin({ include }) {
  return {
    name: 'cc-minify-templates',
    transform(code, id) {
      if (!include(id)) return null;
      return minifyTemplates(code, (c) => this.parse(c), { id });
    },
  };
}
