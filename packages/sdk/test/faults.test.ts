// Faults injected between the SDK and the real server by wrapping fetch: drops, delays, 5xx,
// connections reset after the server committed, a stale ETag, aborts, Retry-After, a 401 that
// needs a new token, and a corrupted answer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConflictError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnauthorizedError,
  createClient,
  type Client,
  type TokenRequest,
} from '../src/index.js';
import { assertNoSecret } from './helpers.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(() => server.close());

/** Wraps the real fetch; `fault` decides per attempt what happens instead of (or after) it. */
function faulty(
  fault: (request: Request, attempt: number, real: () => Promise<Response>) => Promise<Response>,
) {
  const seen: { method: string; url: string; key: string | null }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({
      method: request.method,
      url: request.url,
      key: request.headers.get('idempotency-key'),
    });
    return fault(request, seen.length, () => globalThis.fetch(request.clone()));
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const reset = () => {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });
};

function client(
  fetch: typeof globalThis.fetch,
  extra: Parameters<TestServer['clientFor']>[1] = {},
): Client {
  return server.clientFor('agent', {
    fetch,
    retry: { attempts: 4, baseDelay: 5, maxDelay: 20 },
    ...extra,
  });
}

const presenceRows = (agentId: string) =>
  (
    server.built.db
      .prepare('SELECT count(*) AS n FROM agent_presence WHERE agent_id = ?')
      .get(agentId) as { n: number }
  ).n;

describe('retries against the real server', () => {
  test('a GET dropped twice, then answered', async () => {
    const { fetch, seen } = faulty((_r, attempt, real) => (attempt <= 2 ? reset() : real()));
    const me = await client(fetch).me.get();
    assert.equal(me.role, 'agent');
    assert.equal(seen.length, 3);
  });

  test('a GET answered 503, then 500, then for real', async () => {
    const { fetch, seen } = faulty(async (_r, attempt, real) =>
      attempt <= 2 ? new Response('{}', { status: 503 - (attempt - 1) * 3 }) : real(),
    );
    assert.ok((await client(fetch).departments.list()).items.length > 0);
    assert.equal(seen.length, 3);
  });

  test('a slow answer times out, and the retry succeeds', async () => {
    const { fetch, seen } = faulty(async (request, attempt, real) => {
      if (attempt === 1) {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 5000);
          request.signal.addEventListener(
            'abort',
            () => (clearTimeout(timer), reject(request.signal.reason)),
          );
        });
      }
      return real();
    });
    const started = Date.now();
    const teams = await client(fetch, { timeout: 150 }).teams.list();
    assert.ok(teams.items.length > 0);
    assert.equal(seen.length, 2);
    assert.ok(Date.now() - started < 4000, 'did not wait for the hung 5 s answer');
  });

  test('a slow answer on every attempt is a TimeoutError', async () => {
    const { fetch } = faulty(
      (request) =>
        new Promise((_resolve, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    );
    const error = await client(fetch, { timeout: 50, retry: { attempts: 2, baseDelay: 1 } })
      .teams.list()
      .catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
  });

  test('a POST whose answer is lost after the server committed is retried with the same key and written once', async () => {
    const agentUser = server.userFor('agent');
    const before = presenceRows(agentUser.id);
    const { fetch, seen } = faulty(async (_request, attempt, real) => {
      const response = await real(); // the server has committed the write …
      if (attempt === 1) reset(); // … and the connection drops before the answer arrives
      return response;
    });
    const presence = await client(fetch).agents.recordPresence(agentUser.id, { state: 'on_call' });
    assert.equal(presence.state, 'on_call');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.key, seen[1]!.key);
    assert.equal(presenceRows(agentUser.id), before + 1, 'written exactly once');
  });

  test('without the same key the same loss would write twice (the check above is meaningful)', async () => {
    const agentUser = server.userFor('agent');
    const before = presenceRows(agentUser.id);
    const plain = server.clientFor('agent');
    await plain.agents.recordPresence(agentUser.id, { state: 'available' });
    await plain.agents.recordPresence(agentUser.id, { state: 'available' });
    assert.equal(presenceRows(agentUser.id), before + 2);
  });

  test('a 5xx POST is retried with its key; a key the caller gives survives a "reload"', async () => {
    const agentUser = server.userFor('agent');
    const before = presenceRows(agentUser.id);
    const { fetch } = faulty(async (_r, attempt, real) =>
      attempt === 1 ? new Response('', { status: 502 }) : real(),
    );
    const key = `draft-${Date.now()}`;
    const first = await client(fetch).agents.recordPresence(
      agentUser.id,
      { state: 'break' },
      { idempotencyKey: key },
    );
    // The page reloads and sends the same logical write again, with the key it stored.
    const again = await server
      .clientFor('agent')
      .agents.recordPresence(agentUser.id, { state: 'break' }, { idempotencyKey: key });
    assert.deepEqual(again, first);
    assert.equal(presenceRows(agentUser.id), before + 1);
  });

  test('a POST without an Idempotency-Key (demo token) is not retried', async () => {
    const { fetch, seen } = faulty(async () => new Response('', { status: 500 }));
    await assert.rejects(client(fetch).demo.token({ role: 'agent' }));
    assert.equal(seen.length, 1);
  });
});

describe('conflicts, aborts and limits', () => {
  test('a 412 surfaces as a ConflictError and is not retried', async () => {
    const manager = server.clientFor('operations_manager');
    const team = (await manager.teams.list()).items[3]!;
    await manager.teams.update(
      team.id,
      { equipmentCheckCadenceDays: 45 },
      { ifMatch: team.version },
    );
    const { fetch, seen } = faulty((_r, _a, real) => real());
    const error = await server
      .clientFor('operations_manager', { fetch })
      .teams.update(team.id, { equipmentCheckCadenceDays: 50 }, { ifMatch: team.version })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConflictError && error.isStale);
    assert.equal(seen.length, 1);
  });

  test('aborting stops the retries at once', async () => {
    const { fetch, seen } = faulty(async () => new Response('', { status: 503 }));
    const controller = new AbortController();
    const call = client(fetch, {
      retry: { attempts: 10, baseDelay: 60_000, maxDelay: 60_000 },
    }).teams.list(undefined, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('the user closed the panel'));
    await assert.rejects(call, /closed the panel/);
    assert.equal(seen.length, 1);
  });

  test("the server's Retry-After is waited for; beyond the limit RateLimitError", async () => {
    const limited = await startServer({ rateLimit: 60 }); // bursts of 10, then one a second
    try {
      const started = Date.now();
      let retries = 0;
      const api = limited.clientFor('agent', { hooks: { beforeRetry: () => void retries++ } });
      for (let i = 0; i < 12; i++) await api.departments.list();
      assert.ok(retries >= 1, 'the limit was hit');
      assert.ok(Date.now() - started >= 900, 'Retry-After was waited for');
      const impatient = limited.clientFor('agent', { retry: { maxRetryAfter: 0 } });
      let error: unknown;
      for (let i = 0; i < 20 && !error; i++) {
        error = await impatient.departments.list().then(
          () => undefined,
          (e: unknown) => e,
        );
      }
      assert.ok(error instanceof RateLimitError);
      assert.ok(error.retryAfter! >= 1);
    } finally {
      await limited.close();
    }
  });
});

describe('tokens', () => {
  test('an expired token is replaced once after the 401 and the call goes through; never leaked', async () => {
    const user = server.userFor('supervisor');
    const expired = server.tokenFor('supervisor', {
      user,
      now: new Date(Date.now() - 7200_000),
      ttlSeconds: 60,
    });
    const fresh = server.tokenFor('supervisor', { user });
    const reasons: string[] = [];
    const { fetch, seen } = faulty((_r, _a, real) => real());
    const logged: string[] = [];
    const api = createClient({
      baseUrl: server.url,
      fetch,
      // The expired token is handed out without an expiry, so only the 401 reveals it.
      getToken: ({ reason }: TokenRequest) => {
        reasons.push(reason);
        return { token: reasons.length === 1 ? expired : fresh, expiresAt: null };
      },
      hooks: {
        beforeRequest: (info) =>
          void logged.push(JSON.stringify({ ...info, headers: [...info.headers] })),
        afterResponse: (info) => void logged.push(JSON.stringify(info)),
      },
    });
    const results = await Promise.all([api.me.get(), api.me.get(), api.teams.list()]);
    assert.equal(results[0].user.id, user.id);
    assert.deepEqual(reasons, ['initial', 'unauthorized'], 'one refresh for all concurrent calls');
    assert.ok(seen.every((r) => !r.url.includes(expired) && !r.url.includes(fresh)));
    assert.ok(logged.every((line) => !line.includes(expired) && !line.includes(fresh)));
  });

  test('a token refused again after the refresh is an UnauthorizedError without the token in it', async () => {
    const bad = server.tokenFor('agent', { now: new Date(Date.now() - 7200_000), ttlSeconds: 60 });
    let calls = 0;
    const api = createClient({
      baseUrl: server.url,
      getToken: () => (calls++, { token: bad, expiresAt: null }),
    });
    const error = await api.me.get().catch((e: unknown) => e);
    assert.ok(error instanceof UnauthorizedError);
    assert.equal(calls, 2);
    assertNoSecret(error, bad);
    assertNoSecret(error, bad.split('.')[2]!);
  });
});

describe('response validation', () => {
  test('a corrupted answer of the real server is a ResponseValidationError naming the paths', async () => {
    const { fetch } = faulty(async (_r, _a, real) => {
      const response = await real();
      const body = (await response.json()) as { items: Record<string, unknown>[] };
      body.items[0]!.memberCount = 'many';
      delete body.items[1]!.version;
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: response.headers,
      });
    });
    const error = await client(fetch)
      .teams.list()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual(
      error.issues.map((i) => i.path),
      ['/items/0/memberCount', '/items/1/version'],
    );
    assert.ok(error.requestId);
    // With validation off the corrupted body passes through untouched.
    const raw = await client(fetch, { validate: false }).teams.list();
    assert.equal(raw.items[0]!.memberCount, 'many' as unknown as number);
  });
});
