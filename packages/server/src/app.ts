/**
 * Builds the server: database, migrations, areas, seed, Fastify with the spec-driven routes.
 * `buildApp()` is what main.ts runs and what tests (and the SDK's tests) start on 127.0.0.1:0.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSpecValidator, type SpecValidator } from '@cc-kit/spec/validator';
import { openDatabase, type Db } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { Area, AreaServices, ServerConfig, Services } from './core/area.js';
import { systemClock, type Clock } from './core/clock.js';
import { CorsPolicy } from './core/cors.js';
import { EventBus } from './core/events.js';
import { addAccessLog, loggerOptions } from './core/logging.js';
import { CursorCodec } from './core/pagination.js';
import { HttpProblem } from './core/problems.js';
import { RateLimiter } from './core/rate-limit.js';
import { OperationRegistry, sendProblem } from './core/registry.js';
import { requestIdFrom } from './core/request-id.js';
import { SqliteEventStore } from './core/sqlite-event-store.js';
import { inTransaction } from './core/tx.js';
import { withSeededIds } from './core/ids.js';
import { mulberry32 } from './seed/random.js';
import { addStaticRoutes, type StaticOptions } from './static.js';

export const BODY_LIMIT = 1024 * 1024;

export interface BuildAppOptions {
  /** SQLite file, or ':memory:'. Default: `<dataDir>/cc.sqlite`. */
  dbFile?: string;
  /** Start from an in-memory copy of this serialized database (`db.serialize()`), e.g. a seeded one. */
  dbSnapshot?: Buffer;
  /** Directory of the database file (default ./data). */
  dataDir?: string;
  /** HS256 secret; required unless `demo` (then a random one is made). */
  jwtSecret?: string;
  demo?: boolean;
  corsOrigins?: string[];
  /** Requests per minute per token (default 600). */
  rateLimit?: number;
  /** Seed number of the demo data; `false` seeds nothing. Default 1. */
  seed?: number | false;
  logLevel?: string;
  clock?: Clock;
  tokenTtlSeconds?: number;
  sseHeartbeatMs?: number;
  sseMaxConnectionsPerToken?: number;
  eventRetentionMs?: number;
  /**
   * Time a client has to send a whole request, headers and body, in ms (default 30 s): a client
   * that trickles its request cannot hold a connection for longer. Answers (event streams
   * included) are not limited by it.
   */
  requestTimeoutMs?: number;
  /** Time a client has to send the request headers, in ms (default 10 s, at most the above). */
  headersTimeoutMs?: number;
  /** Use these areas instead of discovering src/areas/* (tests). */
  areas?: Area[];
  /** Extra things to serve: the API reference, the demo portal. */
  static?: StaticOptions;
}

export interface BuiltApp {
  app: FastifyInstance;
  db: Db;
  services: Services;
  registry: OperationRegistry;
  config: ServerConfig;
  close(): Promise<void>;
}

let sharedSpec: SpecValidator | undefined;

/** The spec validator, compiled once per process (it is immutable). */
export function specValidator(): SpecValidator {
  sharedSpec ??= createSpecValidator();
  return sharedSpec;
}

const AREAS_DIR = fileURLToPath(new URL('./areas/', import.meta.url));

/**
 * Every area under src/areas/<name>/index.ts, in their `order`. `only` (or the CC_AREAS
 * environment variable, comma-separated folder names) limits them, e.g. to run the server
 * without an area still in progress.
 */
export async function discoverAreas(
  dir = AREAS_DIR,
  only: string[] | undefined = process.env.CC_AREAS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
): Promise<Area[]> {
  const areas: Area[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (only?.length && !only.includes(entry.name)) continue;
    const file = join(dir, entry.name, 'index.ts');
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as { default?: Area };
    if (!module.default?.setup) throw new Error(`${file} must default-export defineArea({...})`);
    areas.push(module.default);
  }
  return sortAreas(areas);
}

function sortAreas(areas: Area[]): Area[] {
  const names = new Set<string>();
  for (const area of areas) {
    if (names.has(area.name)) throw new Error(`Two areas are named ${area.name}`);
    names.add(area.name);
  }
  return [...areas].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

export async function buildApp(options: BuildAppOptions = {}): Promise<BuiltApp> {
  const demo = options.demo ?? false;
  const jwtSecret = options.jwtSecret ?? (demo ? randomBytes(32).toString('base64url') : '');
  if (!jwtSecret) throw new Error('A JWT secret is required unless the server runs in demo mode');
  const config: ServerConfig = {
    jwtSecret,
    demo,
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? 600,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 8 * 3600,
    sseHeartbeatMs: options.sseHeartbeatMs ?? 15_000,
    sseMaxConnectionsPerToken: options.sseMaxConnectionsPerToken ?? 5,
    eventRetentionMs: Math.max(options.eventRetentionMs ?? 30 * 60_000, 0),
    seed: options.seed === false ? 0 : (options.seed ?? 1),
  };
  const clock = options.clock ?? systemClock;
  const dbFile = options.dbFile ?? join(options.dataDir ?? './data', 'cc.sqlite');
  const db = openDatabase(options.dbSnapshot ?? dbFile);
  migrate(db);

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info'),
    requestTimeout,
    http: {
      headersTimeout,
      // Node checks those deadlines on this interval (30 s by default): a slow client is cut off
      // within half its deadline after it passes.
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 2))),
    },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });

  const events = new EventBus(new SqliteEventStore(db), clock);
  const provided: Partial<AreaServices> = {};
  const services: Services = {
    db,
    config,
    clock,
    events,
    cursors: new CursorCodec(jwtSecret),
    spec: specValidator(),
    log: app.log,
    areas: provided,
    tx: (fn) => inTransaction(db, events, fn),
    need(name) {
      const service = provided[name];
      if (!service) throw new Error(`The area providing "${String(name)}" is not set up`);
      return service as NonNullable<(typeof provided)[typeof name]>;
    },
  };
  const limiter = new RateLimiter(config.rateLimit);
  const registry = new OperationRegistry(services, limiter);
  const cors = new CorsPolicy(config.corsOrigins);
  const closers: (() => void | Promise<void>)[] = [];

  // Every request: its ID, CORS headers, and preflight answers.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.headers(cors.responseHeaders(request.headers));
    done();
  });
  app.route({
    method: 'OPTIONS',
    url: '/*',
    handler: (request, reply) => {
      reply.headers(cors.preflightHeaders(request.headers));
      void reply.status(204).send();
    },
  });

  // Bodies are read raw; the registry parses and validates them against the spec, after auth.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setNotFoundHandler((request, reply) => {
    sendProblem(request, reply, new HttpProblem('not-found', 'There is no such resource.'));
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    let mapped: unknown = error;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      mapped = new HttpProblem(
        'payload-too-large',
        `Request bodies are limited to ${BODY_LIMIT} bytes.`,
      );
    } else if (status === 415) {
      mapped = new HttpProblem('unsupported-media-type', 'The body has an unsupported media type.');
    } else if (status >= 400 && status < 500) {
      mapped = new HttpProblem('validation', 'The request could not be read.', {
        errors: [{ path: '/body', message: 'could not be read', code: error.code ?? 'request' }],
      });
    }
    sendProblem(request, reply, mapped);
  });
  addAccessLog(app);

  const areas = options.areas ? sortAreas(options.areas) : await discoverAreas();
  for (const area of areas) {
    area.setup({
      services,
      defineOperation: (id, handler, opts) => registry.define(id, handler, opts),
      provide: (name, service) => {
        if (provided[name]) throw new Error(`"${String(name)}" is provided twice`);
        provided[name] = service;
      },
      onClose: (fn) => closers.push(fn),
    });
  }
  registry.mount(app);
  addStaticRoutes(app, options.static ?? {});

  if (options.seed !== false) seedIfEmpty(services, areas, config.seed);

  app.addHook('preClose', async () => {
    for (const fn of closers) await fn();
  });
  app.addHook('onClose', (_instance, done) => {
    db.close();
    done();
  });

  await app.ready();
  return {
    app,
    db,
    services,
    registry,
    config,
    close: () => app.close(),
  };
}

/**
 * Seeds the demo data on a database that has none yet, every area in order, in one transaction;
 * then the large volumes (`seedBulk`), which commit in batches of their own.
 */
function seedIfEmpty(services: Services, areas: Area[], seed: number): void {
  const { db } = services;
  const done = db.prepare(`SELECT value FROM server_meta WHERE key = 'seed'`).get();
  if (done) return;
  services.tx(() => {
    for (const area of areas) {
      const random = mulberry32(seed * 1000 + area.order);
      withSeededIds(mulberry32(seed * 7919 + area.order), () => area.seed?.(services, random));
    }
    db.prepare(`INSERT INTO server_meta (key, value) VALUES ('seed', ?)`).run(String(seed));
  });
  for (const area of areas) {
    if (!area.seedBulk) continue;
    const random = mulberry32(seed * 1000 + area.order + 500);
    withSeededIds(mulberry32(seed * 7919 + area.order + 500), () =>
      area.seedBulk?.(services, random),
    );
  }
  // The seed's own events are not news: streams start after them.
  db.prepare('DELETE FROM events').run();
}
