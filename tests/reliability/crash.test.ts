/**
 * Crash safety: the server runs as a child process on a database file; writers stream complaint
 * filings at it and note every one the server acknowledged (201). In the middle of the stream the
 * server is killed with SIGKILL — no shutdown, no flush. Then: PRAGMA integrity_check is `ok`,
 * every acknowledged complaint is in the file, and the restarted server answers each of them and
 * takes new writes. Repeated for several kill / restart cycles in the full run.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  TEST_SECRET,
  startServer,
  type TestServer,
} from '../../packages/server/test/helpers/server.js';
import { seededRandom } from './support/fault-proxy.js';
import { scale, SEED } from './support/scale.js';

const CYCLES = scale(1, 3);
const WRITERS = 4;
/** Acknowledged writes per cycle before the kill (then a random moment more). */
const ACKS_PER_CYCLE = scale(30, 200);
const MAIN = fileURLToPath(new URL('../../packages/server/src/main.ts', import.meta.url));

let seeded: TestServer;
let dir: string;
const children = new Set<ChildProcess>();

before(async () => {
  seeded = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'cc-kit-crash-'));
  writeFileSync(join(dir, 'cc.sqlite'), seeded.built.db.serialize());
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await seeded?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts `src/main.ts` on the data directory and resolves with its URL once it listens. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: '0',
      HOST: '127.0.0.1',
      CC_DATA_DIR: dir,
      CC_JWT_SECRET: TEST_SECRET,
      CC_DEMO: '',
      CC_RATE_LIMIT: '1000000',
      CC_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', read);
        child.stdout!.resume();
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening: ${output}`));
    });
  });
}

describe('crash safety', () => {
  test(`kill -9 during a stream of writes, ${CYCLES} cycle(s): every acknowledged write kept`, async (t) => {
    const token = seeded.tokenFor('agent');
    const category = (
      seeded.built.db
        .prepare(
          `SELECT c.id FROM complaint_categories c
            WHERE c.active = 1 AND c.parent_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM complaint_categories k WHERE k.parent_id = c.id)
              AND c.custom_fields_json NOT LIKE '%"required":true%'
            ORDER BY c.id LIMIT 1`,
        )
        .get() as { id: string }
    ).id;
    const random = seededRandom(SEED);
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let lost = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { child, url } = await startChild();
      let killed = false;
      const file = async (writer: number) => {
        for (let n = 0; !killed; n++) {
          const key = `crash-${cycle}-${writer}-${n}`;
          sent++;
          try {
            const response = await fetch(`${url}/v1/complaints`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify({
                customer: { name: `Crash ${cycle}-${writer}-${n}` },
                channel: 'phone',
                categoryId: category,
                severity: 'medium',
                description: `${key}: filed while the server may be killed.`,
              }),
            });
            if (response.status === 201) {
              const body = (await response.json()) as { id: string };
              acknowledged.set(body.id, key);
            } else lost++;
          } catch {
            lost++; // the answer never came: not acknowledged, so nothing is promised
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => file(w));
      // Kill in the middle of the stream: once this cycle has some acknowledged writes, after a
      // further random 0–300 ms (at most 30 s in all).
      const before = acknowledged.size;
      const deadline = Date.now() + 30_000;
      while (acknowledged.size - before < ACKS_PER_CYCLE && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      killed = true;
      await exited;
      await Promise.all(writers);

      const db = new Database(join(dir, 'cc.sqlite'));
      const integrity = db.pragma('integrity_check', { simple: true });
      const present = db.prepare('SELECT 1 FROM tickets WHERE id = ?');
      const missing = [...acknowledged.keys()].filter((id) => !present.get(id));
      db.close();
      t.diagnostic(
        `cycle ${cycle + 1}: acknowledged so far ${acknowledged.size}, missing ${missing.length}, integrity ${String(integrity)}`,
      );
      assert.equal(integrity, 'ok');
      assert.deepEqual(missing, [], 'every acknowledged write survived the kill');
    }

    // Restarted: every acknowledged complaint is served, exactly once, and writes go on.
    const { child, url } = await startChild();
    try {
      const headers = { authorization: `Bearer ${token}` };
      for (const [id, key] of acknowledged) {
        const response = await fetch(`${url}/v1/tickets/${id}`, { headers });
        assert.equal(response.status, 200, `acknowledged ${id} is served after the restart`);
        const ticket = (await response.json()) as { description: string };
        assert.ok(ticket.description.startsWith(`${key}:`));
      }
      const db = new Database(join(dir, 'cc.sqlite'), { readonly: true });
      const duplicates = db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT description FROM tickets WHERE description LIKE 'crash-%'
            GROUP BY description HAVING count(*) > 1)`,
        )
        .get() as { n: number };
      db.close();
      assert.equal(duplicates.n, 0);
      const again = await fetch(`${url}/v1/me`, { headers });
      assert.equal(again.status, 200);
    } finally {
      child.kill('SIGKILL');
    }
    t.diagnostic(
      `${CYCLES} kill -9 cycle(s): ${sent} writes sent, ${acknowledged.size} acknowledged and all present after restart, ${lost} unanswered or refused (not acknowledged)`,
    );
  });
});
