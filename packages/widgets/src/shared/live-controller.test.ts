import { expect, fixtureSync, html as testHtml, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { createClient } from '@cc-kit/sdk';
import type { ApiEvent, CcClient, EventTopic } from './client.js';
import { CcElement } from './element.js';
import { LiveController } from './live-controller.js';
import { probe } from '../test-utils/probe.js';
import { expectAccessible } from '../test-utils/axe.js';

/** A widget-like element following the `tickets` topic on the real reference server. */
class LiveProbe extends CcElement {
  static topics: EventTopic[] = ['tickets'];
  received: ApiEvent[] = [];
  live = new LiveController(this, {
    topics: () => (this.constructor as typeof LiveProbe).topics,
    onEvent: (event) => void this.received.push(event),
    staleAfter: 1,
  });
  protected override render() {
    return html`<p class="note">${this.live.stale ? this.t('live.stale') : this.t('live.on')}</p>`;
  }
}

let apiUrl: string;

before(async () => {
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
});

const isEvents = (input: RequestInfo | URL) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname === '/v1/events';

/**
 * The event stream of the real server, behind a switch: `cut()` breaks the open streams as a
 * dropped network does and refuses new ones until `restore()`. Every stream request's signal is
 * kept, to see the subscription abort.
 */
function faultyNetwork() {
  let down = false;
  const open = new Set<TransformStreamDefaultController<Uint8Array>>();
  const signals: AbortSignal[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    if (!isEvents(input)) return fetch(input, init);
    const signal = input instanceof Request ? input.signal : init?.signal;
    if (signal) signals.push(signal);
    if (down) throw new TypeError('Failed to fetch');
    const response = await fetch(input, init);
    let controller!: TransformStreamDefaultController<Uint8Array>;
    const relay = new TransformStream<Uint8Array, Uint8Array>({
      start: (c) => void (controller = c),
    });
    open.add(controller);
    void response
      .body!.pipeTo(relay.writable)
      .catch(() => undefined)
      .finally(() => open.delete(controller));
    return new Response(relay.readable, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return {
    fetch: wrapped,
    signals,
    cut() {
      down = true;
      for (const controller of open) controller.error(new TypeError('network connection lost'));
      open.clear();
    },
    restore() {
      down = false;
    },
  };
}

/** A client of its own per test (one token each: the server caps streams per token). */
function agentClient(fetchImpl?: typeof fetch): CcClient {
  const anonymous = createClient({ baseUrl: apiUrl });
  return createClient({
    baseUrl: apiUrl,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    getToken: async () => {
      const grant = await anonymous.demo.token({ userId: 'usr_agent_1_01' });
      return { token: grant.token, expiresAt: grant.expiresAt };
    },
  });
}

const idOf = (event: ApiEvent) => (event.data as { id?: string }).id;

const mount = (client: CcClient, Probe: typeof LiveProbe = LiveProbe) => {
  const root = fixtureSync(testHtml`<div><i class="here"></i></div>`);
  const el = probe<LiveProbe>({ props: { client } }, Probe);
  root.querySelector('.here')!.replaceWith(el);
  return el;
};

/** A second widget-like element, following another topic. */
class EquipmentProbe extends LiveProbe {
  static override topics: EventTopic[] = ['equipment'];
}

describe('LiveController against the reference server', () => {
  it('controllers on one client share one stream, each with its own topics', async function () {
    this.timeout(60_000);
    const network = faultyNetwork();
    const client = agentClient(network.fetch);
    const tickets = [mount(client), mount(client), mount(client)];
    const equipment = mount(client, EquipmentProbe);
    const all = [...tickets, equipment];
    // The file's first stream waits for the server's first answers and the schemas: a hang limit.
    await waitUntil(() => all.every((el) => el.live.open), 'not all open', { timeout: 30_000 });
    const open = () => network.signals.filter((s) => !s.aborted).length;
    await waitUntil(() => open() === 1, 'not one stream', { timeout: 4000 });

    const ticket = await client.tickets.create({
      kind: 'general_call',
      subject: `Shared ${Date.now().toString(36)}`,
      priority: 'normal',
      channel: 'phone',
    });
    await waitUntil(
      () => tickets.every((el) => el.received.some((e) => idOf(e) === ticket.id)),
      'a ticket widget missed the event',
      { timeout: 8000 },
    );
    expect(equipment.received.filter((e) => e.topic === 'tickets')).to.deep.equal([]);

    // A widget that leaves takes nothing from the others; the last one closes the stream.
    tickets[0]!.remove();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(open()).to.equal(1);
    expect(tickets[1]!.live.open).to.equal(true);
    for (const el of all.slice(1)) el.remove();
    await waitUntil(() => open() === 0, 'the stream outlived its widgets', { timeout: 4000 });
  });

  it('connects and receives an event made through the API', async () => {
    const client = agentClient();
    const el = mount(client);
    await waitUntil(() => el.live.open, 'the stream did not open', { timeout: 8000 });
    expect(el.live.stale).to.equal(false);
    const subject = `Live check ${Date.now().toString(36)}`;
    const ticket = await client.tickets.create({
      kind: 'general_call',
      subject,
      priority: 'normal',
      channel: 'phone',
    });
    await waitUntil(
      () => el.received.some((e) => e.type === 'ticket.created' && idOf(e) === ticket.id),
      'ticket.created did not arrive',
      { timeout: 8000 },
    );
    const event = el.received.find((e) => idOf(e) === ticket.id)!;
    expect(event.topic).to.equal('tickets');
    expect((event.data as { subject?: string }).subject).to.equal(subject);
    expect(el.live.lastSeen).to.be.greaterThan(0);
    expect(el.matches(':state(stale)')).to.equal(false);
  });

  it('marks itself stale when the stream stops, and recovers when it comes back', async function () {
    this.timeout(40_000);
    const network = faultyNetwork();
    const el = mount(agentClient(network.fetch));
    await waitUntil(() => el.live.open, 'the stream did not open', { timeout: 8000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.equal('Live');

    network.cut();
    await waitUntil(() => el.live.stale, 'not stale after the stream stopped', { timeout: 8000 });
    await el.updateComplete;
    expect(el.live.open).to.equal(false);
    expect(el.matches(':state(stale)')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain(
      'Live updates interrupted',
    );
    await expectAccessible(el);

    network.restore();
    // The SDK reconnects with a jittered backoff (a few seconds at most after a short outage).
    await waitUntil(() => el.live.open && !el.live.stale, 'did not recover', { timeout: 30_000 });
    await el.updateComplete;
    expect(el.matches(':state(stale)')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.equal('Live');
  });

  it('aborts the subscription when the element leaves the page', async () => {
    const network = faultyNetwork();
    const el = mount(agentClient(network.fetch));
    await waitUntil(() => el.live.open, 'the stream did not open', { timeout: 8000 });
    const requests = network.signals.length;
    expect(requests).to.be.greaterThan(0);
    expect(network.signals.at(-1)!.aborted).to.equal(false);

    el.remove();
    // The client keeps its stream a second longer, for a widget that comes straight back.
    await waitUntil(() => network.signals.at(-1)!.aborted, 'the stream was not aborted', {
      timeout: 4000,
    });
    expect(el.live.open).to.equal(false);
    // Nothing reconnects behind the element's back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(network.signals.length).to.equal(requests);
  });
});
