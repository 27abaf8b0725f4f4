/** Cursor pagination as async iteration. */
import type { Page } from './types.js';

/**
 * The items of a list across all its pages, fetched one page at a time as they are consumed.
 * `for await (const ticket of client.tickets.iterate({ state: ['open'] })) …`
 */
export class Paginator<T> implements AsyncIterable<T> {
  #fetchPage: (cursor: string | undefined) => Promise<Page<T>>;

  constructor(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
    this.#fetchPage = fetchPage;
  }

  /** The pages, each as the API answered it. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
    do {
      const page = await this.#fetchPage(cursor);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /**
   * At most `limit` items, reading only the pages needed. The limit is required: a list may be
   * long, and loading all of it should be a decision, not an accident.
   */
  async toArray(options: { limit: number }): Promise<T[]> {
    const limit = options?.limit;
    if (typeof limit !== 'number' || !(limit >= 0)) {
      throw new TypeError('toArray() needs { limit }: the most items to load');
    }
    const items: T[] = [];
    if (limit === 0) return items;
    for await (const item of this) {
      if (items.push(item) >= limit) break;
    }
    return items;
  }
}
