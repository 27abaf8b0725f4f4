// The request pipeline against a scripted fetch: retries only where safe, backoff and
// Retry-After, aborts, timeouts, 401 handling, error classes, hooks, validation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ApiError,
  CcError,
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  createClient,
  responseMeta,
  type ClientOptions,
} from '../src/index.js';
import { assertNoSecret, json, page, problem, recordingFetch, type Responder } from './helpers.js';

const SECRET = 'SECRET-TOKEN-8f2c1d';
const fast = { attempts: 4, baseDelay: 1, maxDelay: 5 };

function client(respond: Responder, options: Partial<ClientOptions> = {}) {
  const { fetch, requests } = recordingFetch(respond);
  const api = createClient({
    baseUrl: 'http://api.test',
    token: SECRET,
    fetch,
    retry: fast,
    ...options,
  });
  return { api, requests };
}

/** Answers with each of `answers` in turn (then repeats the last one). */
const sequence =
  (...answers: (() => Response | Promise<Response>)[]): Responder =>
  (_request, index) =>
    answers[Math.min(index, answers.length - 1)]!();

const teamsPage = () => json(page());
const boom =
  (status = 503) =>
  () =>
    problem(status, '/problems/unavailable');

async function rejects<T extends Error>(
  promise: Promise<unknown>,
  Class: new (...a: never[]) => T,
) {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof Class, `expected ${Class.name}, got ${String(error)}`);
  assertNoSecret(error, SECRET);
  return error as T;
}

describe('retries happen only where they are safe', () => {
  test('GET is retried on 5xx, 408 and network errors until it succeeds', async () => {
    const { api, requests } = client(
      sequence(
        boom(500),
        () => problem(408, '/problems/timeout'),
        () => {
          throw new TypeError('fetch failed');
        },
        teamsPage,
      ),
    );
    assert.deepEqual(await api.teams.list(), page());
    assert.equal(requests.length, 4);
    assert.ok(requests.every((r) => r.headers['idempotency-key'] === undefined));
  });

  test('a POST with an Idempotency-Key is retried with the same key; each call has its own', async () => {
    const { api, requests } = client(
      sequence(boom(502), boom(500), () => json({}, 201)),
      {
        validate: false,
      },
    );
    await api.tickets.create({ kind: 'general_call', subject: 'Hello' });
    await api.tickets.create({ kind: 'general_call', subject: 'Hello' });
    const keys = requests.map((r) => r.headers['idempotency-key']);
    assert.equal(requests.length, 4);
    assert.equal(keys[0], keys[1]);
    assert.equal(keys[1], keys[2]);
    assert.notEqual(keys[3], keys[0]);
    assert.match(keys[0]!, /^[0-9a-f-]{36}$/);
  });

  test('the caller may give the key (to survive a reload)', async () => {
    const { api, requests } = client(() => json({}, 201), { validate: false });
    await api.complaints.file(
      {
        customer: { name: 'Li Na' },
        channel: 'phone',
        categoryId: 'cat_1',
        severity: 'high',
        description: 'A long enough description',
      },
      { idempotencyKey: 'draft-42' },
    );
    assert.equal(requests[0]!.headers['idempotency-key'], 'draft-42');
  });

  test('a POST without a key (issuing a demo token) is never retried', async () => {
    const { api, requests } = client(boom(500));
    await rejects(api.demo.token({ role: 'agent' }), ApiError);
    assert.equal(requests.length, 1);
  });

  test('PATCH and PUT carry If-Match and are retried', async () => {
    const { api, requests } = client(
      sequence(boom(503), () => json({}, 200)),
      { validate: false },
    );
    await api.tickets.update('tkt_1', { subject: 'x' }, { ifMatch: 7 });
    assert.equal(requests.length, 2);
    assert.deepEqual(
      requests.map((r) => [r.method, r.headers['if-match'], r.headers['content-type']]),
      [
        ['PATCH', '"7"', 'application/merge-patch+json'],
        ['PATCH', '"7"', 'application/merge-patch+json'],
      ],
    );
    await api.kpis.targets.set(
      'aht',
      { value: 300, direction: 'lower_is_better', atRiskMargin: 0.1 },
      { ifMatch: '"3"' },
    );
    assert.equal(requests[2]!.method, 'PUT');
    assert.equal(requests[2]!.headers['if-match'], '"3"');
  });

  test('transitions carry both If-Match and an Idempotency-Key', async () => {
    const { api, requests } = client(
      sequence(boom(500), () => json({}, 200)),
      { validate: false },
    );
    await api.tickets.transition('tkt_1', { transition: 'start' }, { ifMatch: '4' });
    assert.equal(requests.length, 2);
    assert.equal(requests[1]!.headers['if-match'], '"4"');
    assert.equal(requests[0]!.headers['idempotency-key'], requests[1]!.headers['idempotency-key']);
    assert.equal(requests[1]!.url, 'http://api.test/v1/tickets/tkt_1/transitions');
    assert.deepEqual(JSON.parse(requests[1]!.body), { transition: 'start' });
  });

  for (const status of [400, 401, 403, 404, 409, 412, 422, 501]) {
    test(`${status} is not retried`, async () => {
      const { api, requests } = client(() => problem(status, '/problems/x'));
      await rejects(api.teams.list(), ApiError);
      assert.equal(requests.length, 1);
    });
  }

  test('409 idempotency-in-progress is retried: the first request is still running', async () => {
    const { api, requests } = client(
      sequence(
        () => problem(409, '/problems/idempotency-in-progress'),
        () => json({}, 201),
      ),
      { validate: false },
    );
    await api.tickets.create({ kind: 'praise', subject: 'Thanks' });
    assert.equal(requests.length, 2);
  });

  test('after the last attempt the last error is thrown', async () => {
    const { api, requests } = client(boom(503));
    const error = await rejects(api.teams.list(), ApiError);
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(requests.length, 4);
  });

  test('retry: false and per-call retry settings', async () => {
    const { api, requests } = client(boom(503), { retry: false });
    await rejects(api.teams.list(), ApiError);
    assert.equal(requests.length, 1);
    await rejects(api.teams.list(undefined, { retry: { attempts: 2, baseDelay: 1 } }), ApiError);
    assert.equal(requests.length, 3);
  });
});

describe('Retry-After', () => {
  test('is honoured within the limit', async () => {
    const { api, requests } = client(
      sequence(() => problem(429, '/problems/rate-limited', {}, { 'retry-after': '1' }), teamsPage),
    );
    const started = Date.now();
    await api.teams.list();
    const waited = Date.now() - started;
    assert.equal(requests.length, 2);
    assert.ok(waited >= 950, `waited ${waited} ms`);
  });

  test('beyond the limit, RateLimitError at once with retryAfter', async () => {
    const { api, requests } = client(() =>
      problem(429, '/problems/rate-limited', { retryAfterSeconds: 120 }, { 'retry-after': '120' }),
    );
    const started = Date.now();
    const error = await rejects(api.teams.list(), RateLimitError);
    assert.ok(Date.now() - started < 5000, 'did not wait the 120 s');
    assert.equal(error.retryAfter, 120);
    assert.equal(requests.length, 1);
  });

  test('the limit is configurable, and an HTTP date works too', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    const { api, requests } = client(
      () => problem(503, '/problems/unavailable', {}, { 'retry-after': date }),
      {
        retry: { ...fast, maxRetryAfter: 1000 },
      },
    );
    await rejects(api.teams.list(), ApiError);
    assert.equal(requests.length, 1);
  });
});

describe('aborting and timeouts', () => {
  test('aborting during the backoff stops retrying at once', async () => {
    const { api, requests } = client(boom(503), {
      retry: { attempts: 5, baseDelay: 10_000, maxDelay: 10_000 },
    });
    const controller = new AbortController();
    const call = api.teams.list(undefined, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    controller.abort(new Error('user left'));
    await assert.rejects(call, /user left/);
    assert.ok(Date.now() - started < 5000, 'did not wait out the 10 s backoff');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(requests.length, 1);
  });

  test('an aborted signal sends nothing', async () => {
    const { api, requests } = client(teamsPage);
    await assert.rejects(api.teams.list(undefined, { signal: AbortSignal.abort() }), {
      name: 'AbortError',
    });
    assert.equal(requests.length, 0);
  });

  test('aborting a request in flight rejects with the reason', async () => {
    const { api } = client(
      (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    );
    const controller = new AbortController();
    const call = api.teams.list(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await assert.rejects(call, /stop/);
  });

  test('each attempt has a timeout; a timed-out GET is retried, then TimeoutError', async () => {
    const { api, requests } = client(
      (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
      { timeout: 30, retry: { attempts: 2, baseDelay: 1 } },
    );
    const error = await rejects(api.teams.list(), TimeoutError);
    assert.equal(error.timeout, 30);
    assert.equal(requests.length, 2);
  });
});

describe('errors', () => {
  test('statuses map to classes with the problem, requestId and code', async () => {
    const cases: [number, string, new (...a: never[]) => ApiError][] = [
      [401, '/problems/unauthorized', UnauthorizedError],
      [403, '/problems/forbidden', ForbiddenError],
      [404, '/problems/not-found', NotFoundError],
      [409, '/problems/transition-not-allowed', ConflictError],
      [412, '/problems/precondition-failed', ConflictError],
      [400, '/problems/validation', ValidationError],
      [422, '/problems/unprocessable', ValidationError],
      [429, '/problems/rate-limited', RateLimitError],
      [500, '/problems/internal', ApiError],
    ];
    for (const [status, type, Class] of cases) {
      const { api } = client(
        () =>
          problem(status, type, {
            currentVersion: 9,
            errors: [{ path: '/body/subject', message: 'too long', code: 'maxLength' }],
          }),
        { retry: false },
      );
      const error = await rejects(api.teams.list(), Class);
      assert.ok(error instanceof CcError);
      assert.equal(error.status, status);
      assert.equal(error.requestId, 'req_problem');
      assert.equal(error.code, type.split('/').pop());
      assert.equal(error.operationId, 'listTeams');
      assert.equal(error.name, Class.name);
      if (error instanceof ConflictError) {
        assert.equal(error.isStale, status === 412);
        assert.equal(error.currentVersion, 9);
      }
      if (error instanceof ValidationError) assert.equal(error.errors[0]!.path, '/body/subject');
    }
  });

  test('an answer that is not problem+json still becomes an ApiError', async () => {
    const { api } = client(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'x-request-id': 'r9' },
        }),
      { retry: false },
    );
    const error = await rejects(api.teams.list(), ApiError);
    assert.equal(error.code, 'http-502');
    assert.equal(error.requestId, 'r9');
  });

  test('a network failure is a NetworkError that keeps its cause', async () => {
    const cause = new TypeError('fetch failed');
    const { api } = client(() => {
      throw cause;
    });
    const error = await rejects(api.teams.list(), NetworkError);
    assert.equal(error.cause, cause);
    assert.equal(error.retryable, true);
  });
});

describe('auth on 401', () => {
  test('getToken is asked again once and the request sent again with the new token', async () => {
    const reasons: string[] = [];
    const { fetch, requests } = recordingFetch((request) =>
      request.headers.get('authorization') === 'Bearer fresh'
        ? teamsPage()
        : problem(401, '/problems/unauthorized'),
    );
    const api = createClient({
      baseUrl: 'http://api.test',
      fetch,
      getToken: ({ reason }) => (reasons.push(reason), reasons.length === 1 ? 'stale' : 'fresh'),
    });
    await api.teams.list();
    // Even a POST without a key: a 401 means nothing was processed.
    await api.demo.token({ role: 'agent' }, { validate: false });
    assert.deepEqual(reasons, ['initial', 'unauthorized']);
    assert.equal(requests.length, 3);
  });

  test('a second 401 is an UnauthorizedError; the token is in no error', async () => {
    let calls = 0;
    const { fetch, requests } = recordingFetch(() => problem(401, '/problems/unauthorized'));
    const api = createClient({
      baseUrl: 'http://api.test',
      fetch,
      getToken: () => `${SECRET}-${++calls}`,
    });
    await rejects(api.teams.list(), UnauthorizedError);
    assert.equal(requests.length, 2);
    assert.equal(calls, 2);
  });

  test('a static token is not retried', async () => {
    const { api, requests } = client(() => problem(401, '/problems/unauthorized'));
    await rejects(api.me.get(), UnauthorizedError);
    assert.equal(requests.length, 1);
  });
});

describe('requests and answers', () => {
  test('URLs, query encoding and headers', async () => {
    const { api, requests } = client(() => json(page()), {
      baseUrl: 'http://api.test/v1/',
      validate: false,
    });
    await api.tickets.list({ state: ['new', 'open'], q: 'a b&c', limit: 5, teamId: undefined });
    await api.kpis.get({
      scope: 'team',
      scopeId: 'team/1',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      metrics: ['aht', 'asa'],
    });
    await api.tickets.comments.list('tkt/1?x', { limit: 2 });
    assert.deepEqual(
      requests.map((r) => r.url),
      [
        'http://api.test/v1/tickets?state=new&state=open&q=a+b%26c&limit=5',
        'http://api.test/v1/kpis?scope=team&scopeId=team%2F1&from=2026-01-01T00%3A00%3A00Z&to=2026-02-01T00%3A00%3A00Z&metrics=aht%2Casa',
        'http://api.test/v1/tickets/tkt%2F1%3Fx/comments?limit=2',
      ],
    );
    assert.equal(requests[0]!.headers.authorization, `Bearer ${SECRET}`);
    assert.match(requests[0]!.headers['user-agent']!, /^cc-kit-sdk\/0\.1\.0$/);
  });

  test('each attempt is one fetch of a Request carrying the JSON body and the call signal', async () => {
    const seen: { input: unknown; body: string; type: string | null }[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      const request = input as Request;
      seen.push({
        input,
        body: await request.clone().text(),
        type: request.headers.get('content-type'),
      });
      return json({ id: 'a1', state: 'available' }, 201);
    };
    const api = createClient({ baseUrl: 'http://api.test', token: 't', fetch, validate: false });
    await api.agents.recordPresence('a1', { state: 'available' });
    assert.equal(seen.length, 1);
    assert.ok(seen[0]!.input instanceof Request, 'a caller’s fetch receives a Request');
    assert.equal(seen[0]!.body, '{"state":"available"}');
    assert.equal(seen[0]!.type, 'application/json');
    assert.equal((seen[0]!.input as Request).method, 'POST');

    // The Request follows the call's signal while it is in flight.
    const controller = new AbortController();
    let followed: boolean | undefined;
    const watching = createClient({
      baseUrl: 'http://api.test',
      token: 't',
      fetch: async (input) => {
        controller.abort(new Error('left the page'));
        followed = (input as Request).signal.aborted;
        return json(page());
      },
    });
    await watching.teams.list(undefined, { signal: controller.signal }).catch(() => {});
    assert.equal(followed, true);
  });

  test('without a fetch option the global fetch is used, looked up at each call', async () => {
    const original = globalThis.fetch;
    const api = createClient({ baseUrl: 'http://api.test', token: 't', validate: false });
    const urls: string[] = [];
    try {
      // Installed after the client was made (a test double, an instrumented fetch).
      globalThis.fetch = async (input) => {
        urls.push((input as Request).url);
        return json(page());
      };
      await api.teams.list();
      assert.deepEqual(urls, ['http://api.test/v1/teams']);
    } finally {
      globalThis.fetch = original;
    }
  });

  test('a base URL fetch cannot use is a NetworkError with the TypeError as its cause', async () => {
    const api = createClient({
      baseUrl: 'not a url',
      token: 't',
      fetch: () => assert.fail('nothing is sent'),
      retry: false,
    });
    const error = await rejects(api.teams.list(), NetworkError);
    assert.ok(error.cause instanceof TypeError);
  });

  test('userAgent names the application in Node', async () => {
    const { api, requests } = client(teamsPage, { userAgent: 'crm-bridge/2.1' });
    await api.teams.list();
    assert.equal(requests[0]!.headers['user-agent'], 'crm-bridge/2.1 cc-kit-sdk/0.1.0');
  });

  test('responseMeta gives the ETag, request id and replay flag', async () => {
    const { api } = client(() => json({}, 201, { etag: '"3"', 'idempotent-replayed': 'true' }), {
      validate: false,
    });
    const created = await api.tickets.create({ kind: 'praise', subject: 'Thanks' });
    assert.deepEqual(responseMeta(created), {
      status: 201,
      requestId: 'req_test',
      etag: '"3"',
      replayed: true,
    });
    assert.equal(responseMeta({}), undefined);
  });

  test('kpis.export answers text', async () => {
    const csv = '\uFEFFbucketStart,bucketEnd,metric\n';
    const { api, requests } = client(
      () => new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
    );
    const text = await api.kpis.export({
      scope: 'center',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-02T00:00:00Z',
    });
    assert.equal(text, 'bucketStart,bucketEnd,metric\n');
    assert.equal(requests[0]!.headers.accept, 'text/csv');
  });

  test('hooks see each attempt but never the Authorization header', async () => {
    const seen: string[] = [];
    let kept: Headers | undefined;
    const { api } = client(sequence(boom(500), teamsPage), {
      hooks: {
        beforeRequest: ({ headers, attempt, operationId }) => {
          kept = headers;
          seen.push(`before ${operationId} ${attempt} ${headers.has('authorization')}`);
        },
        afterResponse: ({ status, attempt }) => seen.push(`after ${attempt} ${status}`),
        beforeRetry: ({ error, delay }) => seen.push(`retry ${error.code} ${delay >= 0}`),
      },
    });
    await api.teams.list();
    assert.deepEqual(seen, [
      'before listTeams 1 false',
      'after 1 500',
      'retry unavailable true',
      'before listTeams 2 false',
      'after 2 200',
    ]);
    assert.equal(kept!.has('authorization'), false);
  });
});

describe('response validation', () => {
  test('on by default: a wrong body is a ResponseValidationError naming the paths', async () => {
    const { api } = client(() => json({ items: [{ id: 7, name: { en: 'A' } }], nextCursor: 3 }));
    const error = await rejects(api.teams.list(), ResponseValidationError);
    const paths = error.issues.map((i) => i.path);
    assert.ok(paths.includes('/items/0/id'), paths.join());
    assert.ok(paths.includes('/items/0/memberCount'), paths.join());
    assert.ok(paths.includes('/nextCursor'), paths.join());
    assert.match(error.message, /listTeams.*\/items\/0\/id/);
    assert.equal(error.requestId, 'req_test');
    assert.equal(error.retryable, false);
  });

  test('validate: false turns it off (client-wide or per call)', async () => {
    const wrong = { items: 'nope' };
    const { api } = client(() => json(wrong), { validate: false });
    assert.deepEqual(await api.teams.list(), wrong);
    const { api: strict } = client(() => json(wrong));
    assert.deepEqual(await strict.teams.list(undefined, { validate: false }), wrong);
  });

  test('a body that is not JSON', async () => {
    const { api } = client(
      () => new Response('{oops', { headers: { 'content-type': 'application/json' } }),
    );
    const error = await rejects(api.teams.list(), ResponseValidationError);
    assert.equal(error.issues[0]!.code, 'invalid_json');
  });
});

describe('updateWithMerge', () => {
  const ticket = (version: number, tags: string[]) => ({ id: 'tkt_1', version, tags });

  test('re-reads and re-applies after a 412', async () => {
    let stored = ticket(1, ['a']);
    let raced = false;
    const { api, requests } = client(
      async (request) => {
        if (request.method === 'GET') return json(stored);
        if (!raced) {
          raced = true;
          stored = ticket(2, ['a', 'b']); // someone else wrote in between
          return problem(412, '/problems/precondition-failed', { currentVersion: 2 });
        }
        const patch = (await request.json()) as { tags: string[] };
        stored = ticket(stored.version + 1, patch.tags);
        return json(stored);
      },
      { validate: false },
    );
    const result = await api.tickets.updateWithMerge('tkt_1', (current) => ({
      tags: [...current.tags, 'vip'],
    }));
    assert.deepEqual(result, ticket(3, ['a', 'b', 'vip']));
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.headers['if-match'] ?? ''}`),
      ['GET ', 'PATCH "1"', 'GET ', 'PATCH "2"'],
    );
  });

  test('a merge that returns null writes nothing; too many conflicts throw the ConflictError', async () => {
    const { api, requests } = client(
      (request) =>
        request.method === 'GET'
          ? json(ticket(1, []))
          : problem(412, '/problems/precondition-failed'),
      { validate: false },
    );
    assert.deepEqual(await api.tickets.updateWithMerge('tkt_1', () => null), ticket(1, []));
    assert.equal(requests.length, 1);
    const error = await rejects(
      api.tickets.updateWithMerge('tkt_1', () => ({ subject: 'x' }), { attempts: 2 }),
      ConflictError,
    );
    assert.equal(error.isStale, true);
    assert.equal(requests.length, 5);
  });
});
