import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-provider.js';
import '../define/cc-ticket-queue.js';
import '../define/cc-ticket-detail.js';
import '../define/cc-kpi-tiles.js';
import type { ApiEvent, CcClient } from './client.js';
import type { CcTicketDetail } from '../ticket-detail/ticket-detail.js';
import type { CcKpiTiles } from '../kpi-tiles/kpi-tiles.js';
import { apiUrl, clientFor, useServer } from '../test-utils/server.js';

type LiveKpis = Schema<'LiveKpis'>;

before(async function () {
  this.timeout(60_000);
  await useServer();
  await clientFor({ role: 'agent' }).me.get();
});

const isEvents = (input: RequestInfo | URL) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname === '/v1/events';

/**
 * An operations manager's client (they see every ticket and the center's live figures) whose
 * event-stream requests are kept, and whose subscriptions record what reaches each of them.
 */
function observedClient() {
  const signals: AbortSignal[] = [];
  const counting: typeof fetch = (input, init) => {
    if (isEvents(input)) {
      const signal = input instanceof Request ? input.signal : init?.signal;
      if (signal) signals.push(signal);
    }
    return fetch(input, init);
  };
  const anonymous = createClient({ baseUrl: apiUrl() });
  const client: CcClient = createClient({
    baseUrl: apiUrl(),
    fetch: counting,
    getToken: async () => {
      const grant = await anonymous.demo.token({ role: 'operations_manager' });
      return { token: grant.token, expiresAt: grant.expiresAt };
    },
  });
  /** What reached each subscription in force (a widget that resubscribes ends its old one). */
  const subscriptions = new Set<ApiEvent[]>();
  const subscribe = client.events.subscribe;
  client.events.subscribe = (options) => {
    const mine: ApiEvent[] = [];
    subscriptions.add(mine);
    const onEvent = (event: ApiEvent) => {
      mine.push(event);
      options.onEvent(event);
    };
    const end = subscribe({ ...options, onEvent });
    options.signal?.addEventListener('abort', () => subscriptions.delete(mine));
    return () => {
      subscriptions.delete(mine);
      end();
    };
  };
  return {
    client,
    signals,
    received: () => [...subscriptions],
    open: () => signals.filter((s) => !s.aborted).length,
  };
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: stalled`)), ms)),
  ]);

describe('live widgets share one event stream', () => {
  it('eight live widgets in one provider: one connection, every widget updated, requests not starved', async function () {
    this.timeout(120_000);
    const { client, signals, received, open } = observedClient();
    const agent = clientFor({ userId: 'usr_agent_1_01' });
    const ticket = await agent.tickets.create({
      kind: 'general_call',
      subject: `Shared stream ${Math.random().toString(36).slice(2, 8)}`,
      priority: 'normal',
      channel: 'phone',
    });

    const provider = fixtureSync<HTMLElement>(html`
      <cc-provider .client=${client} locale="en" time-zone="Asia/Shanghai">
        <cc-ticket-queue></cc-ticket-queue>
        <cc-ticket-queue></cc-ticket-queue>
        <cc-ticket-queue></cc-ticket-queue>
        <cc-ticket-queue></cc-ticket-queue>
        <cc-ticket-detail ticket-id=${ticket.id}></cc-ticket-detail>
        <cc-ticket-detail ticket-id=${ticket.id}></cc-ticket-detail>
        <cc-kpi-tiles period="live"></cc-kpi-tiles>
        <cc-kpi-tiles period="live"></cc-kpi-tiles>
      </cc-provider>
    `);
    const widgets = [...provider.children] as HTMLElement[];
    const details = widgets.filter((w): w is CcTicketDetail => w.localName === 'cc-ticket-detail');
    const tiles = widgets.filter((w): w is CcKpiTiles => w.localName === 'cc-kpi-tiles');

    // Every widget loads and goes live (eight subscriptions); over one connection.
    await waitUntil(() => received().length === 8, 'not every widget subscribed', {
      timeout: 30_000,
    });
    await waitUntil(
      () =>
        widgets.every((w) => !w.matches(':state(loading)') && !w.matches(':state(error)')) &&
        details.every((d) => d.shadowRoot!.querySelector('h2')) &&
        tiles.every((t) => t.shown && 'live' in t.shown),
      'the widgets did not load',
      { timeout: 30_000 },
    );
    await waitUntil(() => open() === 1, 'not exactly one open stream', { timeout: 5000 });
    // The tiles subscribe once they know the role: one reconnect that widens the stream at most.
    expect(signals.length).to.be.at.most(2);

    // Ordinary requests still get through while the stream is open (six connections per origin).
    const answers = await within(
      Promise.all([
        client.me.get(),
        client.tickets.list({ limit: 5 }),
        client.tickets.get(ticket.id),
        client.kpis.live({ scope: 'center' }),
        client.teams.list(),
        client.tickets.list({ limit: 2 }),
        client.me.get(),
        client.tickets.list({ limit: 1 }),
      ]),
      15_000,
      'eight ordinary requests',
    );
    expect(answers).to.have.length(8);

    // One update through the API reaches every widget: the ticket's subject, and a call waiting.
    const live = received();
    expect(live).to.have.length(8);
    const before = live.map((events) => events.length);
    const subject = `${ticket.subject} (changed)`;
    await agent.tickets.update(ticket.id, { subject }, { ifMatch: ticket.version });
    const me = await agent.me.get();
    const team = await agent.teams.get(me.teamId!);
    await client.calls.ingest({
      calls: [
        {
          externalId: `live-stream-${Math.random().toString(36).slice(2)}`,
          queue: team.queues![0]!,
          direction: 'inbound',
          offeredAt: new Date(Date.now() - 20_000).toISOString(),
        },
      ],
    });
    const updated = (events: ApiEvent[]) =>
      events.some(
        (e) =>
          (e.type === 'ticket.updated' && (e.data as { id: string }).id === ticket.id) ||
          (e.type === 'kpi.live' && (e.data as LiveKpis).scope === 'center'),
      );
    await waitUntil(
      () => live.every((events, i) => updated(events.slice(before[i]))),
      'not every widget received the update',
      { timeout: 15_000 },
    );
    await waitUntil(
      () => details.every((d) => d.shadowRoot!.querySelector('h2')!.textContent!.includes(subject)),
      'a detail does not show the new subject',
      { timeout: 5000 },
    );
    // Each subscription received only its own topics.
    for (const events of live) expect(new Set(events.map((e) => e.topic)).size).to.equal(1);
    expect(open()).to.equal(1);

    provider.remove();
    await waitUntil(() => open() === 0, 'the stream outlived the widgets', { timeout: 5000 });
  });
});
