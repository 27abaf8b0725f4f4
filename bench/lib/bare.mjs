// A bare Fastify route reading the same tickets table (the same page: open and pending tickets by
// SLA due, 50), the floor the reference server's list endpoint is compared with. argv[2]: the DB.
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(process.argv[2], { readonly: process.argv[2] !== ':memory:' });
// The same order as the API (paused tickets last, ties by number descending), read the way the
// server's indexes serve it: one index range per state, merged.
const KEY = `COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z')`;
const page = db.prepare(
  `SELECT *, ${KEY} AS sort_key FROM tickets WHERE state = 'open'
   UNION ALL SELECT *, ${KEY} AS sort_key FROM tickets WHERE state = 'pending'
   ORDER BY sort_key, number DESC LIMIT 50`,
);
const app = Fastify({ logger: false });
app.get('/tickets', async () => ({ items: page.all() }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening http://127.0.0.1:${app.server.address().port} sqlite -`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
