// docs/sdk.md shows only code that compiles: each of its TypeScript examples must appear in
// test/types/examples.ts, which `tsc -b` checks against the generated types.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Code without imports, comments' spacing, line breaks or the trailing commas they bring. */
const normalize = (code: string) =>
  code
    .replace(/^\s*import\s[\s\S]*?\sfrom\s+'[^']+';?[ \t]*$/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/,\s*([)\]}])/g, '$1')
    .replace(/([([{])\s+/g, '$1')
    .replace(/\s+([)\]}])/g, '$1')
    .trim();

test('every TypeScript example of docs/sdk.md is type-checked', () => {
  const guide = read('../../../docs/sdk.md');
  const examples = normalize(read('./types/examples.ts'));
  const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 15, `only ${blocks.length} examples found`);
  for (const block of blocks) {
    const code = normalize(block);
    assert.ok(
      examples.includes(code),
      `this example of docs/sdk.md is not in test/types/examples.ts:\n${block}`,
    );
  }
});
