/**
 * Keyset pagination with opaque, signed cursors.
 *
 * A cursor carries the sort-key values of the last row of a page and a hash of the filters and sort
 * it was issued for, signed with an HMAC of the server secret. A tampered cursor, or one used with
 * other filters or another sort, is refused with 400 naming `/query/cursor`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { problem } from './problems.js';

export type KeyValue = string | number | null;

export const DEFAULT_LIMIT = 50;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Canonical JSON: object keys sorted, so equal filters hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export class CursorCodec {
  constructor(private readonly secret: string) {}

  private scopeHash(scope: unknown): string {
    return createHash('sha256').update(canonicalJson(scope)).digest('base64url').slice(0, 16);
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', `cursor:${this.secret}`).update(data).digest().subarray(0, 18);
  }

  /** `scope` is everything the page depends on but the position: filters, sort, caller. */
  encode(keys: KeyValue[], scope: unknown): string {
    const data = Buffer.from(JSON.stringify({ k: keys, s: this.scopeHash(scope) })).toString(
      'base64url',
    );
    return `${data}.${this.mac(data).toString('base64url')}`;
  }

  /** The key values of a cursor; throws 400 `/query/cursor` when it is not one we issued for `scope`. */
  decode(cursor: string, scope: unknown): KeyValue[] {
    const bad = (message: string) =>
      problem.validation([{ path: '/query/cursor', message, code: 'cursor' }]);
    const [data, mac, ...rest] = cursor.split('.');
    if (!data || !mac || rest.length) throw bad('is not a cursor this server issued');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(data);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw bad('is not a cursor this server issued');
    }
    let parsed: { k?: unknown; s?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as typeof parsed;
    } catch {
      throw bad('is not a cursor this server issued');
    }
    if (parsed.s !== this.scopeHash(scope)) {
      throw bad('was issued for other filters or another sort');
    }
    if (!Array.isArray(parsed.k)) throw bad('is not a cursor this server issued');
    return parsed.k as KeyValue[];
  }
}

export interface KeysetColumn {
  /** SQL expression of the sort key; never NULL (use COALESCE). */
  expr: string;
  desc: boolean;
}

/**
 * The WHERE fragment selecting rows strictly after `values` in the order of `columns`:
 * (c1 > v1) OR (c1 = v1 AND c2 > v2) OR …, with `<` for descending columns.
 */
export function keysetAfter(
  columns: readonly KeysetColumn[],
  values: readonly KeyValue[],
): { sql: string; params: KeyValue[] } {
  if (values.length !== columns.length) {
    throw problem.validation([
      { path: '/query/cursor', message: 'does not fit this list', code: 'cursor' },
    ]);
  }
  const ors: string[] = [];
  const params: KeyValue[] = [];
  for (let i = 0; i < columns.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${columns[j]!.expr} = ?`);
      params.push(values[j]!);
    }
    ands.push(`${columns[i]!.expr} ${columns[i]!.desc ? '<' : '>'} ?`);
    params.push(values[i]!);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return { sql: `(${ors.join(' OR ')})`, params };
}

export function orderBy(columns: readonly KeysetColumn[]): string {
  return columns.map((c) => `${c.expr} ${c.desc ? 'DESC' : 'ASC'}`).join(', ');
}

/** An item with the values of its sort keys (for the next page's cursor). */
export interface Keyed<T> {
  item: T;
  key: KeyValue[];
}

/**
 * Runs a keyset-paginated query: `select(after, limit)` returns rows strictly after the sort keys
 * `after` (null: from the start), in order, with their keys. One row more than `limit` is fetched
 * to know whether there is a next page.
 */
export function paginate<T>(options: {
  codec: CursorCodec;
  cursor: string | undefined;
  limit: number | undefined;
  /** Everything the list depends on but the position: filters, sort, the caller's reach. */
  scope: unknown;
  select: (after: KeyValue[] | null, limit: number) => Keyed<T>[];
}): Page<T> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const after = options.cursor ? options.codec.decode(options.cursor, options.scope) : null;
  const rows = options.select(after, limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map((row) => row.item),
    nextCursor: more && last ? options.codec.encode(last.key, options.scope) : null,
  };
}
