/// <reference types="mocha" />
// The SDK core in Chromium against the real reference server (started by web-test-runner).
import { expect } from '@open-wc/testing';
import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  ResponseValidationError,
  createClient,
  responseMeta,
  type Client,
} from '@cc-kit/sdk';
import { agentsNeeded, formatDuration } from '@cc-kit/sdk/domain';

interface Config {
  apiUrl: string;
  implemented: string[];
}

let config: Config;
let anonymous: Client;

const signedIn = (role: 'operations_manager' | 'agent' | 'supervisor', extra = {}) =>
  createClient({
    baseUrl: config.apiUrl,
    getToken: () => anonymous.demo.token({ role }),
    retry: { baseDelay: 5 },
    ...extra,
  });

/** Counts `new Function` (zod's JIT): the schemas must not use it on host pages with a strict CSP. */
let functionConstructed = 0;
const RealFunction = globalThis.Function;
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args) {
    functionConstructed++;
    return Reflect.construct(target, args) as object;
  },
});

before(async () => {
  config = (await (await fetch('/__cc/config')).json()) as Config;
  anonymous = createClient({ baseUrl: config.apiUrl });
});

describe('@cc-kit/sdk in Chromium', () => {
  it('signs in through getToken and validates answers without new Function', async () => {
    const client = signedIn('supervisor');
    const me = await client.me.get();
    expect(me.role).to.equal('supervisor');
    const agents = await client.agents.iterate({ limit: 5 }).toArray({ limit: 12 });
    expect(agents.length).to.equal(12);
    expect(functionConstructed).to.equal(0);
  });

  it('reads ETags across origins and reports a stale one as a ConflictError', async () => {
    const manager = signedIn('operations_manager');
    const team = (await manager.teams.list()).items[0]!;
    const fresh = await manager.teams.get(team.id);
    expect(responseMeta(fresh)?.etag).to.equal(`"${fresh.version}"`);
    const updated = await manager.teams.update(
      team.id,
      { equipmentCheckCadenceDays: fresh.equipmentCheckCadenceDays + 1 },
      { ifMatch: fresh.version },
    );
    expect(updated.version).to.equal(fresh.version + 1);
    const error = await manager.teams
      .update(team.id, { equipmentCheckCadenceDays: 3 }, { ifMatch: fresh.version })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).isStale).to.equal(true);
    expect((error as ConflictError).currentVersion).to.equal(updated.version);
  });

  it('maps a refused role to ForbiddenError with the request id', async () => {
    const agent = signedIn('agent');
    const error = await agent.routingRules.list().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((error as ForbiddenError).requestId).to.be.a('string');
  });

  it('retries a dropped GET, and a keyed POST once after its answer was lost', async () => {
    let attempts = 0;
    const flaky: typeof fetch = async (input, init) => {
      attempts++;
      const response = await fetch(input, init);
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return response;
    };
    const agent = signedIn('agent', { fetch: flaky });
    const me = await agent.me.get();
    expect(attempts).to.equal(2);
    attempts = 0;
    const keys: (string | null)[] = [];
    const recording: typeof fetch = async (input, init) => {
      // The SDK hands fetch a Request; reading its headers leaves its body unread.
      keys.push((input as Request).headers.get('idempotency-key'));
      return flaky(input, init);
    };
    const writer = signedIn('agent', { fetch: recording });
    const presence = await writer.agents.recordPresence(me.user.id, { state: 'available' });
    expect(presence.state).to.equal('available');
    expect(keys.length).to.equal(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('gives up with a NetworkError, and stops at once when aborted', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const client = createClient({
      baseUrl: config.apiUrl,
      token: 't',
      fetch: down,
      retry: { attempts: 2, baseDelay: 1 },
    });
    const error = await client.teams.list().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);

    const slow = createClient({
      baseUrl: config.apiUrl,
      token: 't',
      fetch: down,
      retry: { attempts: 5, baseDelay: 60_000 },
    });
    const controller = new AbortController();
    const call = slow.teams.list(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('closed')), 20);
    const aborted = await call.catch((e: unknown) => e);
    expect((aborted as Error).message).to.equal('closed');
  });

  it('refreshes a refused token once', async () => {
    const reasons: string[] = [];
    const client = createClient({
      baseUrl: config.apiUrl,
      getToken: async ({ reason }) => {
        reasons.push(reason);
        return reasons.length === 1
          ? { token: 'expired.token.x', expiresAt: null }
          : anonymous.demo.token({ role: 'agent' });
      },
    });
    expect((await client.me.get()).role).to.equal('agent');
    expect(reasons).to.deep.equal(['initial', 'unauthorized']);
  });

  it('catches a corrupted answer', async () => {
    const corrupt: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.json();
      body.items[0].id = 42;
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    };
    const error = await signedIn('agent', { fetch: corrupt })
      .departments.list()
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]!.path).to.equal('/items/0/id');
  });

  it('follows live events over fetch streaming', async function () {
    if (
      !config.implemented.includes('streamEvents') ||
      !config.implemented.includes('createTicket')
    ) {
      this.skip();
    }
    const client = signedIn('agent');
    const me = await client.me.get();
    const subject = `From the browser ${Date.now()}`;
    let stop = () => {};
    const received = await new Promise<string>((resolve, reject) => {
      stop = client.events.subscribe({
        topics: ['tickets'],
        onOpen: () => {
          client.tickets
            .create({ kind: 'general_call', subject, assigneeId: me.user.id })
            .catch(reject);
        },
        onEvent: (event) => {
          const data = event.data as { subject?: string };
          if (event.type === 'ticket.created' && data.subject === subject) resolve(data.subject);
        },
        onError: reject,
      });
    });
    stop();
    expect(received).to.equal(subject);
  });

  it('ships the domain rules and formats durations in every locale', () => {
    const staffing = agentsNeeded({
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    });
    expect(staffing.agents).to.equal(14);
    expect(formatDuration(3720, { locale: 'en' })).to.equal('1 hr, 2 min');
    expect(formatDuration(3720, { locale: 'zh-Hans' })).to.equal('1小时2分钟');
    expect(formatDuration(-90, { locale: 'zh-Hant' })).to.contain('-1');
  });
});
