// One live-event stream per client against the real server: every subscription of a client shares
// it (counted by the server and by the client's fetch), new topics widen it without missing or
// repeating an event, each subscription receives only its own topics, and the last unsubscribe
// closes it (after a grace period a re-render does not notice).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  ApiEvent,
  Client,
  ClientOptions,
  EventTopic,
  SubscribeOptions,
} from '../src/index.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
let writer: Client;

before(async () => {
  // A cap of 3 streams per token: eight subscriptions on their own streams would be refused.
  server = await startServer({ sseHeartbeatMs: 200, sseMaxConnectionsPerToken: 3 });
  writer = server.clientFor('agent');
});
after(() => server.close());

/** Streams the server holds open now. */
const openStreams = () =>
  (server.built.services.areas as { streams?: { openCount: number } }).streams!.openCount;

const until = async (check: () => boolean, what: string, ms = 8000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An operations manager's client (they see every ticket) whose stream requests are recorded. */
function managerClient(options: Partial<ClientOptions> = {}) {
  const streams: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.includes('/v1/events')) streams.push(request);
    return globalThis.fetch(request);
  }) as typeof globalThis.fetch;
  const client = server.clientFor('operations_manager', { fetch, ...options });
  return { client, streams };
}

/** A subscription that records what reaches it. */
function listen(client: Client, topics: EventTopic[], options: Partial<SubscribeOptions> = {}) {
  const events: ApiEvent[] = [];
  const errors: unknown[] = [];
  let opens = 0;
  const stop = client.events.subscribe({
    topics,
    reconnect: { baseDelay: 20, maxDelay: 50 },
    ...options,
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    onOpen: () => void opens++,
  });
  const subjects = () =>
    events
      .filter((e) => e.type === 'ticket.created')
      .map((e) => (e.data as { subject: string }).subject);
  return { events, errors, stop, subjects, opens: () => opens };
}

const tag = () => Math.random().toString(36).slice(2, 8);
const create = (subject: string) => writer.tickets.create({ kind: 'general_call', subject });

describe('one stream per client', () => {
  test('eight subscriptions hold exactly one connection; each receives only its topics', async () => {
    const { client, streams } = managerClient();
    const topics: EventTopic[][] = [
      ['tickets'],
      ['tickets'],
      ['tickets', 'evaluations'],
      ['evaluations'],
      ['equipment'],
      ['kpis.live'],
      ['tickets', 'kpis.live'],
      ['equipment', 'evaluations'],
    ];
    const listeners = topics.map((t) => listen(client, t));
    await until(() => listeners.every((l) => l.opens() === 1), 'every subscription open');
    assert.equal(streams.length, 1, 'one request to /v1/events');
    assert.equal(openStreams(), 1, 'one stream on the server');
    const query = new URL(streams[0]!.url).searchParams.get('topics')!.split(',');
    assert.deepEqual(query.sort(), ['equipment', 'evaluations', 'kpis.live', 'tickets']);

    const subject = `Shared ${tag()}`;
    await create(subject);
    const ticketed = listeners.filter((_, i) => topics[i]!.includes('tickets'));
    await until(
      () => ticketed.every((l) => l.subjects().includes(subject)),
      'the ticket everywhere',
    );
    // The others stay quiet a moment longer: nothing of another topic reaches them.
    await pause(300);
    listeners.forEach((l, i) => {
      for (const event of l.events) assert.ok(topics[i]!.includes(event.topic), event.type);
      assert.equal(l.subjects().filter((s) => s === subject).length, ticketed.includes(l) ? 1 : 0);
      assert.deepEqual(l.errors, []);
    });
    assert.equal(streams.length, 1);

    for (const l of listeners) l.stop();
    await until(() => openStreams() === 0, 'the stream closed after the last unsubscribe', 5000);
  });

  test('a new topic widens the stream from the last event: nothing missed, nothing twice', async () => {
    const { client, streams } = managerClient();
    const first = listen(client, ['tickets']);
    await until(() => first.opens() === 1, 'open');
    const before = `Before ${tag()}`;
    await create(before);
    await until(() => first.subjects().includes(before), 'the first ticket');
    const resumeFrom = first.events.at(-1)!.id;

    // Tickets written while the stream reconnects with the wider set of topics.
    const second = listen(client, ['evaluations']);
    const during = [`During ${tag()} 1`, `During ${tag()} 2`, `During ${tag()} 3`];
    for (const subject of during) await create(subject);
    await until(() => second.opens() === 1, 'the wider stream open');
    const afterwards = `After ${tag()}`;
    await create(afterwards);
    await until(() => first.subjects().includes(afterwards), 'the last ticket');

    assert.deepEqual(first.subjects(), [before, ...during, afterwards]);
    assert.equal(new Set(first.events.map((e) => e.id)).size, first.events.length, 'no repeats');
    assert.deepEqual(second.subjects(), [], 'tickets do not reach the evaluations subscription');
    assert.equal(streams.length, 2);
    assert.equal(streams[1]!.headers.get('last-event-id'), resumeFrom);
    assert.equal(new URL(streams[1]!.url).searchParams.get('topics'), 'tickets,evaluations');
    assert.equal(openStreams(), 1);
    assert.deepEqual(first.errors, [], 'widening is not a failure');
    first.stop();
    second.stop();
    await until(() => openStreams() === 0, 'closed');
  });

  test('widening before any event arrived keeps the old connection until the wider one is open', async () => {
    const { client, streams } = managerClient();
    const first = listen(client, ['tickets']);
    await until(() => first.opens() === 1, 'open');
    // No event yet, so no resume point: tickets written around the switch must still arrive once.
    const subjects = Array.from({ length: 6 }, (_, i) => `Switch ${tag()} ${i}`);
    const writes = (async () => {
      for (const subject of subjects) await create(subject);
    })();
    await pause(5);
    const second = listen(client, ['equipment']);
    await writes;
    await until(() => first.subjects().length === subjects.length, 'every ticket');
    await pause(700);
    assert.deepEqual(first.subjects(), subjects);
    assert.equal(new Set(first.events.map((e) => e.id)).size, first.events.length, 'no repeats');
    assert.equal(streams.length, 2);
    await until(() => openStreams() === 1, 'the old connection closed');
    first.stop();
    second.stop();
  });

  test('a subscription the server refuses ends alone; the others go on', async () => {
    const { client } = managerClient();
    const first = listen(client, ['tickets']);
    await until(() => first.opens() === 1, 'open');
    const bad = listen(client, ['no.such.topic' as EventTopic]);
    await until(() => bad.errors.length > 0, 'the refusal');
    assert.equal((bad.errors[0] as { status?: number }).status, 400);
    const subject = `Still live ${tag()}`;
    await create(subject);
    await until(() => first.subjects().includes(subject), 'the stream went on');
    assert.deepEqual(first.errors, []);
    first.stop();
    bad.stop();
    await until(() => openStreams() === 0, 'closed');
  });

  test('live KPIs: the first team followed shares the stream; a second team takes its own', async () => {
    const supervisor = server.clientFor('supervisor');
    const me = await supervisor.me.get();
    const team = me.teamId!;
    const { client, streams } = managerClient();
    // A queue, then the team's live KPIs: one stream, reconnected with the team.
    const tickets = listen(client, ['tickets']);
    await until(() => tickets.opens() === 1, 'open');
    const teamKpis = listen(client, ['kpis.live'], { teamId: team });
    await until(() => teamKpis.opens() === 1, 'the team stream open');
    assert.equal(streams.length, 2);
    assert.equal(new URL(streams[1]!.url).searchParams.get('teamId'), team);
    // (The first connection closes once the wider one is open: there was no event to resume from.)
    await until(() => openStreams() === 1, 'one stream');
    // The center's live KPIs cannot ride on a stream filtered to one team.
    const center = listen(client, ['kpis.live']);
    await until(() => center.opens() === 1, 'the center stream open');
    assert.equal(streams.length, 3);
    assert.equal(new URL(streams[2]!.url).searchParams.get('teamId'), null);
    await until(() => openStreams() === 2, 'two streams');

    // A call waits in the team's queue: the team's figures reach the team subscription, the
    // center's the center subscription.
    const { queues } = await supervisor.teams.get(team);
    await supervisor.calls.ingest({
      calls: [
        {
          externalId: `shared-${tag()}`,
          queue: queues![0]!,
          direction: 'inbound',
          offeredAt: new Date(Date.now() - 20_000).toISOString(),
        },
      ],
    });
    const scopes = (l: ReturnType<typeof listen>) =>
      l.events.map(
        (e) => (e.data as { scope: string; scopeId: string | null }).scopeId ?? 'center',
      );
    await until(
      () => scopes(teamKpis).includes(team) && scopes(center).includes('center'),
      'kpi.live',
    );
    assert.ok(scopes(teamKpis).every((s) => s === team));
    assert.ok(scopes(center).every((s) => s === 'center'));
    assert.ok(tickets.events.every((e) => e.topic === 'tickets'));
    for (const l of [center, teamKpis, tickets]) l.stop();
    await until(() => openStreams() === 0, 'closed');
  });

  test('the last unsubscribe closes the stream after the grace period; a quick re-subscribe reuses it', async () => {
    const { client, streams } = managerClient({ events: { linger: 400 } });
    const controller = new AbortController();
    const first = listen(client, ['tickets'], { signal: controller.signal });
    await until(() => first.opens() === 1, 'open');
    controller.abort();
    // A re-render: the same widget subscribes again at once.
    const again = listen(client, ['tickets']);
    await until(() => again.opens() === 1, 'open at once on the open stream', 1000);
    assert.equal(streams.length, 1, 'no reconnect');
    again.stop();
    await pause(150);
    assert.equal(openStreams(), 1, 'still open within the grace period');
    await until(() => openStreams() === 0, 'closed after it', 3000);
    const subject = `Gone ${tag()}`;
    await create(subject);
    await pause(200);
    assert.deepEqual(again.subjects(), []);
    assert.equal(streams.length, 1, 'nothing reconnects');
  });
});
