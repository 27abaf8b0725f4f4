/**
 * The request pipeline every operation goes through: request IDs, CORS, rate limits, body
 * parsing and validation against the spec, cursors, and errors that never leak internals.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defineArea } from '../src/core/area.js';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer({ corsOrigins: ['https://crm.example.com'] });
});
after(() => server.close());

const countTickets = () =>
  (server.built.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

describe('request IDs', () => {
  test('a well-formed X-Request-Id is echoed, in the header and in problems', async () => {
    const response = await server.api('getTicket', {
      token: 'agent',
      path: { ticketId: 'tkt_nope' },
      headers: { 'X-Request-Id': 'crm-42.a_b' },
    });
    assert.equal(response.headers.get('x-request-id'), 'crm-42.a_b');
    assert.equal(response.body.requestId, 'crm-42.a_b');
  });

  test('a malformed one is replaced by a new one', async () => {
    const response = await server.api('getMe', {
      token: 'agent',
      headers: { 'X-Request-Id': 'bad id with spaces' },
    });
    const id = response.headers.get('x-request-id')!;
    assert.notEqual(id, 'bad id with spaces');
    assert.match(id, /^[A-Za-z0-9._-]{1,128}$/);
  });
});

describe('CORS', () => {
  test('a preflight from an allowed origin is answered', async () => {
    const response = await fetch(`${server.url}/v1/tickets`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://crm.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'Authorization',
      'Idempotency-Key',
      'If-Match',
      'Last-Event-ID',
      'X-Request-Id',
    ]) {
      assert.ok(allowed.includes(h), `${h} not allowed`);
    }
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
  });

  test('answers to an allowed origin expose the headers clients read', async () => {
    const response = await server.api('getMe', {
      token: 'agent',
      headers: { Origin: 'https://crm.example.com' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    for (const h of [
      'ETag',
      'X-Request-Id',
      'Retry-After',
      'Idempotent-Replayed',
      'RateLimit-Remaining',
      'Location',
    ]) {
      assert.ok(exposed.includes(h), `${h} not exposed`);
    }
  });

  test('another origin gets no CORS headers', async () => {
    const response = await server.api('getMe', {
      token: 'agent',
      headers: { Origin: 'https://evil.example.net' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.url}/v1/tickets`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example.net', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });

  test('the server’s own origin is allowed', async () => {
    const response = await server.api('getMe', { token: 'agent', headers: { Origin: server.url } });
    assert.equal(response.headers.get('access-control-allow-origin'), server.url);
  });
});

describe('rate limits', () => {
  test('every answer carries RateLimit headers', async () => {
    const response = await server.api('getMe', { token: 'agent' });
    assert.ok(Number(response.headers.get('ratelimit-limit')) > 0);
    assert.ok(response.headers.get('ratelimit-remaining') !== null);
    assert.ok(response.headers.get('ratelimit-reset') !== null);
  });

  test('beyond the budget: 429 with Retry-After, per token', async () => {
    const limited = await startServer({ rateLimit: 60, seed: false });
    try {
      // Burst of 60 / 6 = 10, then refused.
      const token = 'x.y.z';
      const statuses: number[] = [];
      let refused;
      for (let i = 0; i < 12; i++) {
        const response = await limited.api('listDemoUsers', {
          headers: { authorization: `Bearer ${token}` },
        });
        statuses.push(response.status);
        if (response.status === 429) refused = response;
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
      assert.ok(refused, `never refused: ${statuses.join(',')}`);
      assertProblem(refused, 429, 'rate-limited');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal(refused.body.retryAfterSeconds, Number(refused.headers.get('retry-after')));
      assert.equal(refused.headers.get('ratelimit-remaining'), '0');
      // Another token has its own budget.
      const other = await limited.api('listDemoUsers', {
        headers: { authorization: 'Bearer other' },
      });
      assert.equal(other.status, 200);
    } finally {
      await limited.close();
    }
  });
});

describe('input validation: bad input is 4xx problem+json and writes nothing', () => {
  const create = (options: Parameters<TestServer['api']>[1]) =>
    server.api('createTicket', {
      token: 'agent',
      headers: { 'Idempotency-Key': idempotencyKey() },
      ...options,
    });

  test('malformed JSON is 400 naming /body', async () => {
    const before = countTickets();
    const response = await create({ rawBody: '{"kind": "general_call", "subject": ' });
    assertProblem(response, 400, 'validation', ['/body']);
    assert.equal(countTickets(), before);
  });

  test('a body that is not JSON is 415', async () => {
    const before = countTickets();
    const response = await create({
      rawBody: 'kind=general_call&subject=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    assertProblem(response, 415, 'unsupported-media-type');
    assert.equal(countTickets(), before);
  });

  test('merge-patch+json where the operation does not take it is 415', async () => {
    const response = await create({
      body: { kind: 'general_call', subject: 'x' },
      contentType: 'application/merge-patch+json',
    });
    assertProblem(response, 415, 'unsupported-media-type');
  });

  test('a body over 1 MiB is 413', async () => {
    const before = countTickets();
    const response = await create({
      rawBody: JSON.stringify({
        kind: 'general_call',
        subject: 'x',
        description: 'x'.repeat(2 * 1024 * 1024),
      }),
    });
    assertProblem(response, 413, 'payload-too-large');
    assert.equal(countTickets(), before);
  });

  test('an unknown field is 400 naming it', async () => {
    const response = await create({ body: { kind: 'general_call', subject: 'x', colour: 'red' } });
    assertProblem(response, 400, 'validation', ['/body/colour']);
    assert.equal(response.body.errors[0].code, 'additionalProperties');
  });

  test('a bad enum and a missing field are both named', async () => {
    const before = countTickets();
    const response = await create({ body: { kind: 'general_call', priority: 'asap' } });
    assertProblem(response, 400, 'validation', ['/body/priority', '/body/subject']);
    assert.equal(countTickets(), before);
  });

  test('a nested field is named by its full pointer', async () => {
    const response = await create({
      body: { kind: 'general_call', subject: 'x', customer: { phone: 'call me maybe' } },
    });
    assertProblem(response, 400, 'validation', ['/body/customer/phone']);
    assert.equal(response.body.errors[0].code, 'pattern');
  });

  test('a missing body is 400', async () => {
    const response = await create({});
    assertProblem(response, 400, 'validation', ['/body']);
  });

  test('a missing Idempotency-Key is 400 naming the header', async () => {
    const response = await server.api('createTicket', {
      token: 'agent',
      body: { kind: 'general_call', subject: 'x' },
    });
    assertProblem(response, 400, 'validation', ['/header/idempotency-key']);
  });

  test('query parameters are coerced to their types and checked', async () => {
    const ok = await server.api('listTickets', {
      token: 'operations_manager',
      query: { limit: '3' },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.items.length, 3);
    assertProblem(
      await server.api('listTickets', { token: 'operations_manager', query: { limit: 'many' } }),
      400,
      'validation',
      ['/query/limit'],
    );
    assertProblem(
      await server.api('listTickets', { token: 'operations_manager', query: { limit: 201 } }),
      400,
      'validation',
      ['/query/limit'],
    );
    assertProblem(
      await server.api('listTickets', { token: 'operations_manager', query: { limit: [1, 2] } }),
      400,
      'validation',
      ['/query/limit'],
    );
  });

  test('several bad parameters are reported together', async () => {
    const response = await server.api('listTickets', {
      token: 'operations_manager',
      query: { limit: 0, state: ['new', 'lost'], sort: 'colour' },
    });
    assertProblem(response, 400, 'validation', ['/query/limit', '/query/sort', '/query/state/1']);
  });

  test('a path parameter that breaks its pattern is 400', async () => {
    const response = await server.api('listTicketComments', {
      token: 'operations_manager',
      path: { ticketId: 'no spaces allowed' },
    });
    assertProblem(response, 400, 'validation', ['/path/ticketId']);
  });

  test('repeated query parameters are an OR within the filter', async () => {
    const response = await server.api('listTickets', {
      token: 'operations_manager',
      query: { state: ['new', 'closed'], limit: 200 },
    });
    assert.equal(response.status, 200);
    const states = new Set(response.body.items.map((t: { state: string }) => t.state));
    assert.deepEqual([...states].sort(), ['closed', 'new']);
  });
});

describe('cursors', () => {
  test('a tampered cursor is 400 naming /query/cursor', async () => {
    const first = await server.api('listTickets', {
      token: 'operations_manager',
      query: { limit: 2 },
    });
    const cursor: string = first.body.nextCursor;
    assert.ok(cursor);
    const [data, mac] = cursor.split('.');
    const decoded = JSON.parse(Buffer.from(data!, 'base64url').toString());
    decoded.k[1] = 1;
    const tampered = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${mac}`;
    for (const bad of [tampered, 'garbage', `${data}.AAAA`]) {
      assertProblem(
        await server.api('listTickets', {
          token: 'operations_manager',
          query: { limit: 2, cursor: bad },
        }),
        400,
        'validation',
        ['/query/cursor'],
      );
    }
  });

  test('a cursor used with other filters or another sort is 400', async () => {
    const first = await server.api('listTickets', {
      token: 'operations_manager',
      query: { limit: 2 },
    });
    const cursor = first.body.nextCursor;
    assertProblem(
      await server.api('listTickets', {
        token: 'operations_manager',
        query: { limit: 2, cursor, state: 'new' },
      }),
      400,
      'validation',
      ['/query/cursor'],
    );
    assertProblem(
      await server.api('listTickets', {
        token: 'operations_manager',
        query: { limit: 2, cursor, sort: 'number' },
      }),
      400,
      'validation',
      ['/query/cursor'],
    );
  });

  test('a cursor of another list is refused', async () => {
    const teams = await server.api('listTeams', { token: 'agent', query: { limit: 1 } });
    assertProblem(
      await server.api('listDepartments', {
        token: 'agent',
        query: { cursor: teams.body.nextCursor },
      }),
      400,
      'validation',
      ['/query/cursor'],
    );
  });
});

describe('errors', () => {
  test('an unexpected error is 500 /problems/internal with the request ID and no internals', async () => {
    const broken = await startServer({
      seed: false,
      areas: [
        defineArea({
          name: 'broken',
          order: 1,
          setup({ defineOperation }) {
            defineOperation('listDemoUsers', () => {
              throw new Error('secret internals /etc/passwd at line 42');
            });
          },
        }),
      ],
    });
    try {
      const response = await broken.api('listDemoUsers', { unchecked: true });
      assert.equal(response.status, 500);
      assert.equal(response.body.type, '/problems/internal');
      assert.equal(response.body.requestId, response.headers.get('x-request-id'));
      assert.ok(!response.text.includes('secret'));
      assert.ok(!response.text.includes('at '));
    } finally {
      await broken.close();
    }
  });

  test('the registry refuses an operation that is not in the spec, or defined twice', async () => {
    await assert.rejects(
      startServer({
        seed: false,
        areas: [
          defineArea({
            name: 'typo',
            order: 1,
            setup({ defineOperation }) {
              defineOperation('getTicketz' as 'getTicket', () => ({ status: 200 }));
            },
          }),
        ],
      }),
      /not an operation of the spec/,
    );
  });

  test('the contract and problem documentation are served', async () => {
    const spec = await fetch(`${server.url}/openapi.yaml`);
    assert.equal(spec.status, 200);
    assert.match(await spec.text(), /^openapi: 3\.1/);
    const problemDoc = await fetch(`${server.url}/problems/validation`, { redirect: 'manual' });
    assert.equal(problemDoc.status, 302);
    const unknown = await fetch(`${server.url}/problems/nope`);
    assert.equal(unknown.status, 404);
  });
});
