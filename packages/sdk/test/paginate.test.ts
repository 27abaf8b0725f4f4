import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Paginator } from '../src/core/paginate.js';

const source = (total: number, size: number) => {
  const cursors: (string | undefined)[] = [];
  const paginator = new Paginator<number>(async (cursor) => {
    cursors.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size < total ? String(start + size) : null;
    return { items, nextCursor: next };
  });
  return { paginator, cursors };
};

describe('Paginator', () => {
  test('iterates items across pages, passing each nextCursor back', async () => {
    const { paginator, cursors } = source(7, 3);
    const seen: number[] = [];
    for await (const n of paginator) seen.push(n);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(cursors, [undefined, '3', '6']);
  });

  test('pages() yields each page', async () => {
    const { paginator } = source(5, 2);
    const sizes: number[] = [];
    for await (const p of paginator.pages()) sizes.push(p.items.length);
    assert.deepEqual(sizes, [2, 2, 1]);
  });

  test('toArray requires a limit and reads only the pages it needs', async () => {
    const { paginator, cursors } = source(100, 10);
    await assert.rejects(
      // @ts-expect-error: the limit is required
      () => paginator.toArray(),
      TypeError,
    );
    await assert.rejects(() => paginator.toArray({} as { limit: number }), /limit/);
    assert.deepEqual(await paginator.toArray({ limit: 12 }), [...Array(12).keys()]);
    assert.deepEqual(cursors, [undefined, '10']);
    assert.deepEqual(await paginator.toArray({ limit: 0 }), []);
    assert.equal((await source(3, 2).paginator.toArray({ limit: 50 })).length, 3);
  });

  test('an empty list', async () => {
    assert.deepEqual(await source(0, 5).paginator.toArray({ limit: 10 }), []);
  });
});
