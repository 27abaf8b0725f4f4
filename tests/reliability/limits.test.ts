/**
 * Limits: the rate limit answers 429 with Retry-After and the SDK waits that long and succeeds;
 * bodies over 1 MiB are refused (with or without a Content-Length) and write nothing; event streams
 * past the per-token cap are refused; and slow clients — trickling headers or a body — are cut off
 * at the server's deadlines while everybody else is answered promptly.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@cc-kit/sdk';
import { BODY_LIMIT, specValidator } from '../../packages/server/src/app.js';
import { startServer, type TestServer } from '../../packages/server/test/helpers/server.js';
import { scale, tableCounts } from './support/scale.js';

let server: TestServer;
before(async () => {
  server = await startServer({
    rateLimit: 60, // a burst of 10, then one a second
    sseMaxConnectionsPerToken: 3,
    requestTimeoutMs: 2_000,
    headersTimeoutMs: 1_000,
  });
});
after(() => server?.close());

describe('rate limit', () => {
  test('429 with Retry-After, and the SDK waits for it and succeeds', async (t) => {
    const token = server.tokenFor('supervisor');
    // Raw: the burst, then 429 problem+json with Retry-After and RateLimit-* headers.
    let limited: Response | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const response = await fetch(`${server.url}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    assert.ok(limited, 'the burst ran out');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, 'Retry-After in whole seconds');
    assert.ok(limited.headers.get('ratelimit-limit'));
    const body = await limited.json();
    assert.deepEqual(
      specValidator().validateResponse('getMe', 429, limited.headers.get('content-type'), body),
      [],
    );

    // Through the SDK: every call succeeds; the waits are the server's Retry-After.
    const waits: number[] = [];
    const client = createClient({
      baseUrl: server.url,
      token: server.tokenFor('agent'),
      retry: { attempts: 10, maxRetryAfter: 5_000 },
      hooks: {
        beforeRetry: ({ error, delay }) => {
          if (error.code === 'rate-limited') waits.push(delay);
        },
      },
    });
    const calls = scale(12, 24);
    const started = Date.now();
    for (let i = 0; i < calls; i++) assert.equal((await client.me.get()).role, 'agent');
    const ms = Date.now() - started;
    t.diagnostic(
      `${calls} SDK calls at 60/min (burst 10): ${waits.length} answered 429 first, waits ${waits.join(', ')} ms, all succeeded in ${ms} ms`,
    );
    assert.ok(waits.length > 0, 'the SDK met the limit');
    assert.ok(
      waits.every((w) => w >= 1000),
      'the SDK waited Retry-After (whole seconds) each time',
    );
    assert.ok(ms >= 1000 * (calls - 10) * 0.9, 'the calls were spread as the limit asks');
  });
});

describe('request bodies', () => {
  const complaint = (description: string) =>
    JSON.stringify({
      customer: { name: '李娜' },
      channel: 'phone',
      categoryId: 'cat_billing_dispute',
      severity: 'low',
      description,
    });

  test('bodies over 1 MiB are refused with 413, with or without Content-Length, nothing written', async () => {
    const token = server.tokenFor('operations_manager');
    const rows = tableCounts(server.built.db);
    const big = complaint('长'.repeat(BODY_LIMIT / 3 + 10));
    assert.ok(Buffer.byteLength(big) > BODY_LIMIT);
    const declared = await fetch(`${server.url}/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'too-big-1',
      },
      body: big,
    });
    assert.equal(declared.status, 413);
    assert.equal(((await declared.json()) as { type: string }).type, '/problems/payload-too-large');

    // Chunked: no Content-Length, the server counts while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/v1/complaints`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': 'too-big-2',
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      // The server may answer and close before the whole body is written.
      req.on('error', (error) => setTimeout(() => reject(error), 1000));
      const payload = Buffer.from(big);
      for (let offset = 0; offset < payload.length; offset += 64 * 1024)
        req.write(payload.subarray(offset, offset + 64 * 1024));
      req.end();
    });
    assert.equal(chunked, 413);
    assert.deepEqual(tableCounts(server.built.db), rows);
  });
});

describe('event streams', () => {
  test('streams past the per-token cap are refused with 429; other tokens are not affected', async () => {
    const token = server.tokenFor('complaint_supervisor');
    const open: AbortController[] = [];
    const stream = async (bearer: string) => {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/v1/events?topics=tickets`, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (response.status === 200) open.push(controller);
      else await response.arrayBuffer();
      return response;
    };
    try {
      for (let i = 0; i < 3; i++) assert.equal((await stream(token)).status, 200);
      const refused = await stream(token);
      assert.equal(refused.status, 429);
      assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(
        (await stream(server.tokenFor('survey_supervisor'))).status,
        200,
        'another token',
      );

      // The streams outlive the request deadline (2 s): it covers reading requests only.
      await new Promise((r) => setTimeout(r, 2_600));
      open.shift()!.abort();
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await stream(token)).status, 200, 'a closed stream frees its place');
    } finally {
      for (const controller of open) controller.abort();
    }
  });
});

describe('slow clients', () => {
  test('trickled headers or bodies are cut off at the deadlines; others are served meanwhile', async (t) => {
    const port = Number(new URL(server.url).port);
    const SLOW = scale(50, 200);
    const closedAfter: number[] = [];
    const sockets: Socket[] = [];
    const started = Date.now();
    for (let i = 0; i < SLOW; i++) {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.on('error', () => {});
      socket.on('close', () => closedAfter.push(Date.now() - started));
      socket.setNoDelay(true);
      if (i % 2 === 0) {
        // Headers, one byte at a time.
        socket.write('GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      } else {
        // Headers at once, then a body that never completes.
        socket.write(
          'POST /v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
            'Content-Length: 1000\r\nIdempotency-Key: slow\r\n\r\n{',
        );
      }
    }
    const trickle = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed) socket.write('a');
    }, 200);
    try {
      // Meanwhile, ordinary requests are answered promptly.
      const token = server.tokenFor('qa_specialist');
      const latencies: number[] = [];
      for (let i = 0; i < 8; i++) {
        const t0 = Date.now();
        const response = await fetch(`${server.url}/v1/departments`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        assert.equal(response.status, 200);
        latencies.push(Date.now() - t0);
      }
      // The slow ones are cut off: headers after 1 s, whole requests after 2 s (checked every 0.5 s).
      const deadline = Date.now() + 10_000;
      while (closedAfter.length < SLOW && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      const slowest = Math.max(...closedAfter);
      t.diagnostic(
        `${SLOW} slow clients: all cut off within ${slowest} ms (header deadline 1 s, request deadline 2 s); ` +
          `ordinary requests meanwhile took at most ${Math.max(...latencies)} ms`,
      );
      assert.equal(closedAfter.length, SLOW, 'every slow client was cut off');
      assert.ok(slowest < 5_000, 'within the deadlines and a check interval or two');
    } finally {
      clearInterval(trickle);
      for (const socket of sockets) socket.destroy();
    }
  });
});
