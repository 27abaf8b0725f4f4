// A bare Fastify route reading the same tickets table (the same page: open and pending tickets by
// SLA due, 50), the floor the reference server's list endpoint is compared with. argv[2]: the DB.
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(process.argv[2], { readonly: process.argv[2] !== ':memory:' });
const page = db.prepare(
  `SELECT * FROM tickets WHERE state IN ('open', 'pending') ORDER BY sla_due_at, number LIMIT 50`,
);
const app = Fastify({ logger: false });
app.get('/tickets', async () => ({ items: page.all() }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening http://127.0.0.1:${app.server.address().port} sqlite -`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
