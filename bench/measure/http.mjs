// Requests per second on the list endpoint with autocannon on 127.0.0.1 (a few seconds each),
// beside a bare Fastify route reading the same table from the same database, alternated.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApi } from '../lib/api.mjs';
import { benchDb } from '../lib/largedb.mjs';
import { BENCH, REPO } from '../lib/paths.mjs';
import { median } from '../lib/stats.mjs';

export const title = 'List endpoint throughput (autocannon) vs a bare Fastify route';

async function startBare(dbFile) {
  const child = spawn(process.execPath, [join(BENCH, 'lib/bare.mjs'), dbFile], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/listening (\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  child.stdout.resume();
  return { url, close: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

const cannon = (url, headers, duration) =>
  autocannon({ url, headers, connections: 10, duration, pipelining: 1 }).then((r) => ({
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  }));

export async function run(ctx) {
  const { quick, log } = ctx;
  const db = await benchDb(ctx);
  // The bare route needs a file: in the quick subset the server seeds its default demo data into
  // bench/.cache/quick.sqlite on first use.
  let dbFile = db.options.dbFile;
  if (dbFile === ':memory:') dbFile = join(BENCH, '.cache', 'quick.sqlite');
  const api = await startApi({ dbFile });
  const bare = await startBare(dbFile);
  try {
    const token = await api.token('operations_manager');
    const listUrl = `${api.url}/v1/tickets?state=open&state=pending&sort=slaDueAt&limit=50`;
    const headers = { authorization: `Bearer ${token}` };
    const duration = quick ? 2 : 4;
    const rounds = quick ? 1 : 3;
    await cannon(listUrl, headers, 1); // warm-up
    await cannon(`${bare.url}/tickets`, {}, 1);
    const s = { api: [], bare: [] };
    const lat = { api: [], bare: [] };
    let errors = 0;
    for (let i = 0; i < rounds; i++) {
      const a = await cannon(listUrl, headers, duration);
      const b = await cannon(`${bare.url}/tickets`, {}, duration);
      s.api.push(a.rps);
      s.bare.push(b.rps);
      lat.api.push(a.p99);
      lat.bare.push(b.p99);
      errors += a.errors + b.errors;
      log(
        `  round ${i + 1}/${rounds}: API ${a.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s`,
      );
    }
    const r = median(s.api) / median(s.bare);
    return {
      metrics: [
        {
          name: 'GET /v1/tickets (page of 50, open + pending by SLA due)',
          unit: 'req/s',
          samples: s.api,
        },
        { name: 'bare Fastify route, same table and page', unit: 'req/s', samples: s.bare },
        { name: 'GET /v1/tickets p99 latency', unit: 'ms', samples: lat.api },
        { name: 'bare route p99 latency', unit: 'ms', samples: lat.bare },
      ],
      goals: [
        {
          label: 'list endpoint vs bare Fastify route',
          value: `${r.toFixed(2)}x`,
          target: '≥ 0.7x',
          ok: r >= 0.7,
        },
      ],
      notes: [
        `${db.options.dbFile === ':memory:' ? 'Quick subset: a small seeded database file.' : db.label}. 10 connections, ${duration} s per round, ${rounds} rounds alternating; ${errors} errors or non-2xx answers.`,
        'The API answer carries auth, rate limiting, request validation, the reach rules, SLA facts and a keyset cursor; the bare route is one prepared SELECT serialized by Fastify.',
      ],
    };
  } finally {
    await bare.close();
    await api.close();
  }
}
