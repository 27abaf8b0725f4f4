/**
 * A fault-injecting HTTP proxy (node:http) that sits between a client and the real server on
 * 127.0.0.1. For a configurable share of requests it does one of:
 *
 *   drop          swallows the request: nothing reaches the server, the connection is held for
 *                 `holdMs` (the client's timeout fires first if it is shorter) and then closed
 *   delay         forwards the request after a pause and answers normally
 *   reset-before  closes the connection at once, before the server saw the request
 *   reset-after   forwards the request, waits for the server's whole answer (the write is
 *                 committed) and closes the connection without sending a byte of it
 *   error-5xx     answers 500, 502 or 503 itself, without forwarding
 *   error-after   forwards the request (the write is committed) and answers 502 instead
 *   rate-limited  answers 429 with `Retry-After` itself, without forwarding
 *
 * Which request gets which fault is decided from a seeded PRNG in arrival order, so a run is
 * reproducible from its seed (the order requests arrive in is the only non-determinism).
 *
 * A test may also hold chosen requests that get no fault (`pause`): before forwarding them (the
 * request is in flight) and after the server's whole answer arrived (the write is committed, the
 * client does not know yet). An `observe` callback sees each request arrive, the server's answer
 * reach the proxy and the answer leave for the client, with times, so a test can tell where a
 * client was when it stopped.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_KINDS = [
  'drop',
  'delay',
  'reset-before',
  'reset-after',
  'error-5xx',
  'error-after',
  'rate-limited',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One step of one request through the proxy (`observe`). */
export interface ProxyEvent {
  /** Numbers the requests in arrival order, from 1. */
  request: number;
  /**
   * `received`: the whole request reached the proxy; `answered`: the server's answer reached the
   * proxy (the server has done the work); `delivered`: the answer was handed to the client's socket
   * in full; `closed`: the client's connection closed before that.
   */
  phase: 'received' | 'answered' | 'delivered' | 'closed';
  method: string;
  url: string;
  /** The request's body. */
  body: Buffer;
  fault: FaultKind | null;
  /** The server's status (`answered`). */
  status?: number;
  /** Date.now() when it happened. */
  at: number;
}

export interface FaultProxyOptions {
  /** Where to forward: `http://127.0.0.1:<port>`. */
  target: string;
  /** Share of eligible requests that get a fault, 0..1. */
  share: number;
  /** Seed of the PRNG that picks which request gets which fault. */
  seed: number;
  /** Relative weights of the fault kinds (default: all equal). A kind with weight 0 never happens. */
  weights?: Partial<Record<FaultKind, number>>;
  /** `delay`: pause before forwarding, a random time in [min, max] ms. Default [20, 200]. */
  delayMs?: [number, number];
  /** `drop`: how long the connection is held before it is closed. Default 1500 ms. */
  holdMs?: number;
  /** `rate-limited`: the `Retry-After` value in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Which requests may get a fault (default: every request). */
  eligible?: (method: string, url: string) => boolean;
  /**
   * Holds of a request that gets no fault, in ms: `before` forwarding it, `after` the server's
   * whole answer reached the proxy (then it is sent on in one piece).
   */
  pause?: (method: string, url: string, body: Buffer) => { before?: number; after?: number } | void;
  /** Called at each step of each request (see ProxyEvent). */
  observe?: (event: ProxyEvent) => void;
}

export interface FaultProxyStats {
  requests: number;
  forwarded: number;
  faults: Record<FaultKind, number>;
}

export interface FaultProxy {
  url: string;
  stats: FaultProxyStats;
  /** Changes the share of faulted requests from now on (0 turns faults off). */
  setShare(share: number): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function forwardHeaders(headers: IncomingHttpHeaders, host: string): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) out[name] = value;
  }
  out.host = host;
  return out;
}

function passHeaders(answer: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  return headers;
}

function problem(response: ServerResponse, status: number, headers: Record<string, string> = {}) {
  const body = JSON.stringify({
    type: status === 429 ? '/problems/rate-limited' : '/problems/unavailable',
    title: status === 429 ? 'Too many requests.' : 'Injected fault.',
    status,
    requestId: 'req_fault_proxy',
  });
  response.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': 'req_fault_proxy',
    ...headers,
  });
  response.end(body);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seededRandom(options.seed);
  let share = options.share;
  const weights = FAULT_KINDS.map((kind) => [kind, options.weights?.[kind] ?? 1] as const).filter(
    ([, w]) => w > 0,
  );
  const totalWeight = weights.reduce((sum, [, w]) => sum + w, 0);
  const [delayMin, delayMax] = options.delayMs ?? [20, 200];
  const holdMs = options.holdMs ?? 1500;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const stats: FaultProxyStats = {
    requests: 0,
    forwarded: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  /** Picks this request's fault (or none), always drawing the same number of values. */
  const pick = (): { kind: FaultKind | null; delay: number } => {
    const faulted = random() < share;
    const which = random() * totalWeight;
    const delay = delayMin + Math.floor(random() * (delayMax - delayMin + 1));
    if (!faulted) return { kind: null, delay };
    let rest = which;
    for (const [kind, weight] of weights) {
      rest -= weight;
      if (rest < 0) return { kind, delay };
    }
    return { kind: weights[weights.length - 1]![0], delay };
  };

  /** Tells `observe` about one step of a request. */
  type Note = (phase: ProxyEvent['phase'], status?: number) => void;
  const silent: Note = () => undefined;

  /** Sends the request on to the server; `done` gets its status, headers and whole body. */
  const forward = (
    request: IncomingMessage,
    body: Buffer,
    done: (error: Error | null, upstream?: IncomingMessage, payload?: Buffer) => void,
    note: Note = silent,
  ) => {
    stats.forwarded++;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: forwardHeaders(request.headers, target.host),
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          note('answered', answer.statusCode);
          done(null, answer, Buffer.concat(chunks));
        });
        answer.on('error', (error) => done(error));
      },
    );
    upstream.on('error', (error) => done(error));
    upstream.end(body);
  };

  /** Streams an answer straight through (event streams and ordinary answers alike). */
  const pipeThrough = (
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
    note: Note = silent,
  ) => {
    stats.forwarded++;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: forwardHeaders(request.headers, target.host),
        agent,
      },
      (answer) => {
        note('answered', answer.statusCode);
        response.writeHead(answer.statusCode ?? 502, passHeaders(answer));
        answer.pipe(response);
        response.on('close', () => answer.destroy());
      },
    );
    upstream.on('error', () => response.destroy());
    upstream.end(body);
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      stats.requests++;
      const body = Buffer.concat(chunks);
      const eligible = options.eligible?.(request.method ?? 'GET', request.url ?? '/') ?? true;
      const { kind, delay } = eligible ? pick() : { kind: null, delay: 0 };
      if (kind) stats.faults[kind]++;
      const number = stats.requests;
      const { observe } = options;
      const note: Note = observe
        ? (phase, status) =>
            observe({
              request: number,
              phase,
              method: request.method ?? 'GET',
              url: request.url ?? '/',
              body,
              fault: kind,
              ...(status === undefined ? {} : { status }),
              at: Date.now(),
            })
        : silent;
      note('received');
      if (observe) {
        response.on('finish', () => note('delivered'));
        response.on('close', () => {
          if (!response.writableFinished) note('closed');
        });
      }
      const pause = kind
        ? undefined
        : options.pause?.(request.method ?? 'GET', request.url ?? '/', body);
      switch (kind) {
        case null:
          if (!pause) return pipeThrough(request, response, body, note);
          return later(pause.before ?? 0, () =>
            forward(
              request,
              body,
              (error, answer, payload) => {
                if (error || !answer) return response.destroy();
                later(pause.after ?? 0, () => {
                  response.writeHead(answer.statusCode ?? 502, passHeaders(answer));
                  response.end(payload);
                });
              },
              note,
            ),
          );
        case 'delay':
          return later(delay, () => pipeThrough(request, response, body, note));
        case 'drop':
          return later(holdMs, () => request.socket.destroy());
        case 'reset-before':
          return request.socket.destroy();
        case 'reset-after':
          return forward(request, body, () => request.socket.destroy(), note);
        case 'error-5xx':
          return problem(response, [500, 502, 503][delay % 3]!);
        case 'error-after':
          return forward(request, body, () => problem(response, 502), note);
        case 'rate-limited':
          return problem(response, 429, { 'retry-after': String(retryAfter) });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setShare(value) {
      share = value;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
