// The reference server for a benchmark, in its own process: argv[2] is a JSON of BuildAppOptions
// (dbFile, seed...). Prints `listening <url>` when ready; stops on SIGTERM.
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildApp, type BuildAppOptions } from '@cc-kit/server';

// SQL tracing for EXPLAIN QUERY PLAN: while the parent has named a phase (IPC), every statement
// the server runs is recorded once per phase with its plan, explained with the same parameters.
type Plan = { sql: string; plan: string[] };
let phase: string | undefined;
const plans = new Map<string, Map<string, Plan>>();
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (this: Database.Statement, ...args: unknown[]) {
    if (phase !== undefined) {
      const seen = plans.get(phase) ?? new Map<string, Plan>();
      plans.set(phase, seen);
      const sql = this.source;
      if (
        !seen.has(sql) &&
        !/^\s*(EXPLAIN|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql)
      ) {
        const current = phase;
        phase = undefined;
        try {
          const rows = this.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as {
            detail: string;
          }[];
          seen.set(sql, { sql, plan: rows.map((r) => r.detail) });
        } catch (error) {
          seen.set(sql, { sql, plan: [`(not explained: ${(error as Error).message})`] });
        } finally {
          phase = current;
        }
      }
    }
    return original.apply(this, args);
  };
}
process.on('message', (message: { phase?: string; get?: string }) => {
  if ('phase' in message) phase = message.phase;
  if (message.get !== undefined)
    process.send?.({ plans: [...(plans.get(message.get)?.values() ?? [])] });
});

const repo = fileURLToPath(new URL('../../', import.meta.url));
const options = JSON.parse(process.argv[2] ?? '{}') as BuildAppOptions & { portal?: boolean };
const { portal, ...rest } = options;
const built = await buildApp({
  demo: true,
  logLevel: 'silent',
  rateLimit: 1_000_000,
  ...rest,
  ...(portal
    ? {
        static: {
          referenceHtml: `${repo}docs/api-reference.html`,
          portalDir: `${repo}packages/demo`,
        },
      }
    : {}),
});
await built.app.listen({ port: 0, host: '127.0.0.1' });
const address = built.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const sqlite = (built.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
console.log(`listening http://127.0.0.1:${port} sqlite ${sqlite}`);
process.on('SIGTERM', () => void built.close().then(() => process.exit(0)));
process.on('disconnect', () => void built.close().then(() => process.exit(0)));
