// Generates the benchmark database at argv[2] through the server's own seed (CC_SEED_TICKETS and
// CC_SEED_CALLS from the environment), then checkpoints the WAL so the file stands alone.
import { buildApp } from '@cc-kit/server';

const dbFile = process.argv[2];
if (!dbFile) throw new Error('usage: generate-db.ts <file>');
const t0 = performance.now();
const built = await buildApp({ dbFile, demo: true, logLevel: 'silent', seed: 1 });
const counts = built.db
  .prepare(
    'SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM calls) AS calls',
  )
  .get();
built.db.pragma('wal_checkpoint(TRUNCATE)');
await built.close();
console.log(
  `  generated ${JSON.stringify(counts)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
