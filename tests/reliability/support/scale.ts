/**
 * How big each loop of the suite is. `npm test` runs the quick sizes; `npm run test:reliability`
 * (tests/reliability/run.mjs --full) sets CC_RELIABILITY=full for the sizes the guarantees are
 * stated with in docs/security.md.
 */
export const FULL = process.env.CC_RELIABILITY === 'full';

/** `quick` inside `npm test`, `full` in `npm run test:reliability`. */
export function scale<T>(quick: T, full: T): T {
  return FULL ? full : quick;
}

/** The seed every random choice of the suite derives from (CC_RELIABILITY_SEED to vary it). */
export const SEED = Number(process.env.CC_RELIABILITY_SEED ?? 20261127);

/** Runs `work` for each item with at most `limit` at a time. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Rows per table of a database: "nothing written" means these are equal before and after. */
export function tableCounts(db: {
  prepare(sql: string): { all(): unknown[]; get(): unknown };
}): Record<string, number> {
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(
    tables.map((name) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}
