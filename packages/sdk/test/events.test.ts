// Live events against the real server: delivery, reconnect with Last-Event-ID, the token
// refreshed on reconnect, resync, validation, final errors and unsubscribing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ResponseValidationError,
  UnauthorizedError,
  createClient,
  type ApiEvent,
  type Client,
  type SubscribeOptions,
  type TokenReason,
} from '../src/index.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
let writer: Client;

before(async () => {
  server = await startServer({ sseHeartbeatMs: 200 });
  writer = server.clientFor('agent');
});
after(() => server.close());

/** Subscribes and collects; `next()` waits for the next event that matches. */
function follow(client: Client, options: Partial<SubscribeOptions> = {}) {
  const events: ApiEvent[] = [];
  const errors: unknown[] = [];
  let opens = 0;
  let waiter: (() => void) | undefined;
  const stop = client.events.subscribe({
    topics: ['tickets'],
    reconnect: { baseDelay: 20, maxDelay: 50 },
    ...options,
    onEvent: (event) => {
      events.push(event);
      waiter?.();
    },
    onError: (error) => {
      errors.push(error);
      waiter?.();
    },
    onOpen: () => {
      opens++;
      waiter?.();
    },
  });
  const until = async (check: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise<void>((resolve) => {
        waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
  };
  return { events, errors, stop, until, opens: () => opens };
}

const subjects = (events: ApiEvent[]) =>
  events
    .filter((e) => e.type === 'ticket.created')
    .map((e) => (e.data as { subject: string }).subject);

/** A fetch whose event stream can be cut (as a network drop would) from the test. */
function cuttable() {
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const response = await globalThis.fetch(request);
    if (!response.body || !request.url.includes('/v1/events')) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => void streams.push(controller),
      pull: async (controller) => {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: () => reader.cancel(),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  }) as typeof globalThis.fetch;
  const cut = () => streams.at(-1)!.error(new TypeError('network connection lost'));
  return { fetch, requests, cut };
}

describe('events.subscribe', () => {
  test('delivers events as they happen, validated', async () => {
    const reader = follow(server.clientFor('agent'));
    await reader.until(() => reader.opens() === 1);
    const me = await writer.me.get();
    await writer.tickets.create({
      kind: 'general_call',
      subject: 'Live 1',
      assigneeId: me.user.id,
    });
    await reader.until(() => subjects(reader.events).includes('Live 1'));
    const event = reader.events.find((e) => e.type === 'ticket.created')!;
    assert.equal(event.topic, 'tickets');
    assert.match(event.id, /^\d+$/);
    reader.stop();
    assert.deepEqual(reader.errors, []);
  });

  test('after a dropped connection it reconnects with Last-Event-ID and misses nothing', async () => {
    const { fetch, requests, cut } = cuttable();
    const reader = follow(server.clientFor('agent', { fetch }));
    await reader.until(() => reader.opens() === 1);
    await writer.tickets.create({ kind: 'general_call', subject: 'Before the drop' });
    await reader.until(() => subjects(reader.events).includes('Before the drop'));
    const lastSeen = reader.events.at(-1)!.id;

    cut();
    // Written while the client is away: must arrive after the reconnect, once each.
    await writer.tickets.create({ kind: 'general_call', subject: 'During the drop 1' });
    await writer.tickets.create({ kind: 'general_call', subject: 'During the drop 2' });
    await reader.until(() => subjects(reader.events).includes('During the drop 2'));
    reader.stop();

    const streamRequests = requests.filter((r) => r.url.includes('/v1/events'));
    assert.equal(streamRequests.length, 2);
    assert.equal(streamRequests[1]!.headers.get('last-event-id'), lastSeen);
    assert.deepEqual(subjects(reader.events), [
      'Before the drop',
      'During the drop 1',
      'During the drop 2',
    ]);
    assert.equal(
      new Set(reader.events.map((e) => e.id)).size,
      reader.events.length,
      'no event twice',
    );
    assert.ok(
      reader.errors.some(
        (e) => String(e).includes('network connection lost') || e instanceof Error,
      ),
    );
  });

  test('the token is refreshed on reconnect when it expired', async () => {
    const { fetch, cut } = cuttable();
    const reasons: TokenReason[] = [];
    const client = createClient({
      baseUrl: server.url,
      fetch,
      tokenSkew: 0,
      getToken: ({ reason }) => {
        reasons.push(reason);
        // The first token "expires" right after the stream opened.
        return {
          token: server.tokenFor('agent'),
          expiresAt: Date.now() + (reasons.length === 1 ? 300 : 3600_000),
        };
      },
    });
    const reader = follow(client);
    await reader.until(() => reader.opens() === 1);
    await new Promise((r) => setTimeout(r, 400));
    cut();
    await reader.until(() => reader.opens() === 2);
    reader.stop();
    assert.deepEqual(reasons, ['initial', 'expired']);
  });

  test('a resume point the server no longer knows gives a resync event', async () => {
    const reader = follow(server.clientFor('agent'), { lastEventId: '999999999' });
    await reader.until(() => reader.events.some((e) => e.type === 'resync'));
    reader.stop();
    const resync = reader.events.find((e) => e.type === 'resync')!;
    assert.ok((resync.data as { reason: string }).reason);
  });

  test('an event that breaks the contract is reported and skipped; the stream goes on', async () => {
    const corrupting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init);
      if (!response.body || !String((input as Request).url ?? input).includes('/v1/events'))
        return response;
      let first = true;
      const body = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(
          new TransformStream<string, string>({
            transform(chunk, controller) {
              // Corrupt the first ticket event: its number becomes a string.
              if (first && chunk.includes('"number":')) {
                first = false;
                chunk = chunk.replace(/"number":(\d+)/, '"number":"$1"');
              }
              controller.enqueue(chunk);
            },
          }),
        )
        .pipeThrough(new TextEncoderStream());
      return new Response(body, { status: response.status, headers: response.headers });
    }) as typeof globalThis.fetch;
    const reader = follow(server.clientFor('agent', { fetch: corrupting }));
    await reader.until(() => reader.opens() === 1);
    await writer.tickets.create({ kind: 'general_call', subject: 'Corrupted' });
    await writer.tickets.create({ kind: 'general_call', subject: 'Intact' });
    await reader.until(() => subjects(reader.events).includes('Intact'));
    reader.stop();
    assert.deepEqual(subjects(reader.events), ['Intact']);
    const error = reader.errors.find(
      (e) => e instanceof ResponseValidationError,
    ) as ResponseValidationError;
    assert.ok(error, 'the invalid event was reported');
    assert.ok(error.issues.some((i) => i.path === '/data/number' || i.path === '/data'));
  });

  test('a refused token ends the subscription after one refresh', async () => {
    let calls = 0;
    const requests: string[] = [];
    const client = createClient({
      baseUrl: server.url,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push(String((input as Request).url));
        return globalThis.fetch(input, init);
      }) as typeof globalThis.fetch,
      getToken: () => (calls++, { token: 'not.a.token', expiresAt: null }),
    });
    const reader = follow(client);
    await reader.until(() => reader.errors.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(reader.errors[0] instanceof UnauthorizedError);
    assert.equal(requests.length, 2, 'one retry with a fresh token, then no reconnects');
    assert.equal(calls, 2);
    reader.stop();
  });

  test('unsubscribing (the function or the signal) closes the stream', async () => {
    const { fetch, requests } = cuttable();
    const controller = new AbortController();
    const reader = follow(server.clientFor('agent', { fetch }), { signal: controller.signal });
    await reader.until(() => reader.opens() === 1);
    controller.abort();
    await writer.tickets.create({ kind: 'general_call', subject: 'After the end' });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(subjects(reader.events), []);
    assert.equal(requests.length, 1);
    assert.deepEqual(reader.errors, []);
  });

  test('a silent connection is replaced after the idle timeout', async () => {
    const stalled = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init);
      // Headers arrive, then nothing ever again (a proxy that swallowed the stream).
      return new Response(new ReadableStream(), {
        status: response.status,
        headers: response.headers,
      });
    }) as typeof globalThis.fetch;
    const reader = follow(server.clientFor('agent', { fetch: stalled }), { idleTimeout: 150 });
    await reader.until(() => reader.opens() >= 2);
    reader.stop();
    assert.ok(reader.errors.some((e) => (e as Error).name === 'TimeoutError'));
  });
});
