/**
 * Test harness: the real server on 127.0.0.1:<free port> with an in-memory database and the
 * base seed, a typed client that builds URLs from the spec's path templates and checks EVERY
 * response against the spec, and tokens for any role.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@cc-kit/domain';
import type { OperationId } from '@cc-kit/spec';
import { listOperations, type OperationInfo } from '@cc-kit/spec/load';
import { buildApp, specValidator, type BuildAppOptions, type BuiltApp } from '../../src/app.js';
import { signToken } from '../../src/core/auth.js';
import { PENDING_OPERATIONS } from './pending.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

const operations = new Map<string, OperationInfo>(
  listOperations().map((op) => [op.operationId, op]),
);

export interface ApiOptions {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
  headers?: Record<string, string>;
  /** A JSON body (serialised here) … */
  body?: unknown;
  /** … or a raw one, sent as is. */
  rawBody?: string;
  contentType?: string;
  /** A token, or a role to get the first seeded user of that role a token. */
  token?: string | Role;
  /** Do not check the answer against the spec (only for deliberately undocumented answers). */
  unchecked?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestServer {
  url: string;
  built: BuiltApp;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
  api<T = any>(operationId: OperationId, options?: ApiOptions): Promise<ApiResponse<T>>;
  tokenFor(role: Role, options?: { team?: string; userId?: string; ttlSeconds?: number }): string;
  /** The id of the first seeded user of a role (in a team). */
  userFor(role: Role, team?: string): { id: string; name: string; team_id: string | null };
  close(): Promise<void>;
}

export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export function checkResponse(
  operationId: string,
  status: number,
  headers: Headers,
  body: unknown,
) {
  const issues = specValidator().validateResponse(
    operationId,
    status,
    headers.get('content-type'),
    body,
  );
  assert.deepEqual(
    issues,
    [],
    `${operationId} answered ${status} not as the spec says: ${JSON.stringify(issues)}\n${JSON.stringify(body).slice(0, 1500)}`,
  );
  assert.ok(headers.get('x-request-id'), `${operationId} ${status} without X-Request-Id`);
  if ((headers.get('content-type') ?? '').includes('problem+json')) {
    assert.equal((body as { requestId: string }).requestId, headers.get('x-request-id'));
  }
}

/** A hash of the server's and the domain rules' source: a cached seed is used only with the code that made it. */
let sourceDigest: string | undefined;
function digestOfSource(): string {
  if (sourceDigest) return sourceDigest;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(fileURLToPath(new URL('../../src/', import.meta.url)));
  walk(fileURLToPath(new URL('../../../domain/src/', import.meta.url)));
  sourceDigest = hash.digest('hex').slice(0, 24);
  return sourceDigest;
}

/**
 * Seeding takes a while and every test file starts its own server, so the seeded database is
 * cached in the temp directory, keyed by the source, the seed number, the areas and the hour of the
 * clock; later servers start from an in-memory copy of it (the same data the seed would make).
 */
function seedCacheFile(options: Partial<BuildAppOptions>): string | null {
  if (options.seed === false || options.areas || options.dbFile || options.dbSnapshot) return null;
  if (process.env.CC_TEST_SEED_CACHE === '0') return null;
  const hour = Math.floor((options.clock ?? (() => new Date()))().getTime() / 3_600_000);
  const key = createHash('sha256')
    .update(
      `${digestOfSource()}|${options.seed ?? 1}|${hour}|${process.env.CC_AREAS ?? '*'}|${process.env.CC_SEED_TICKETS ?? ''}|${process.env.CC_SEED_CALLS ?? ''}`,
    )
    .digest('hex')
    .slice(0, 24);
  return join(tmpdir(), `cc-kit-server-seed-${key}.sqlite`);
}

export async function startServer(options: Partial<BuildAppOptions> = {}): Promise<TestServer> {
  const cacheFile = seedCacheFile(options);
  const cached = cacheFile && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const built = await buildApp({
    dbFile: ':memory:',
    jwtSecret: TEST_SECRET,
    demo: true,
    logLevel: 'silent',
    rateLimit: 1_000_000,
    ...(cached ? { dbSnapshot: cached } : {}),
    ...options,
  });
  if (cacheFile && !cached) {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, built.db.serialize());
    renameSync(temporary, cacheFile);
    // Older copies (other source, other hour) are not needed any more.
    for (const name of readdirSync(tmpdir())) {
      if (!name.startsWith('cc-kit-server-seed-')) continue;
      const path = join(tmpdir(), name);
      try {
        if (Date.now() - statSync(path).mtimeMs > 2 * 3_600_000) unlinkSync(path);
      } catch {
        // another test process removed it first
      }
    }
  }
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  assert.ok(address && typeof address === 'object');
  const url = `http://127.0.0.1:${address.port}`;

  const userFor = (role: Role, team?: string) => {
    const row = built.db
      .prepare(
        `SELECT id, name, team_id FROM users WHERE role = ? AND active = 1 ${team ? 'AND team_id = ?' : ''}
          ORDER BY employee_number LIMIT 1`,
      )
      .get(...(team ? [role, team] : [role])) as
      { id: string; name: string; team_id: string | null } | undefined;
    assert.ok(row, `no seeded ${role}${team ? ` in ${team}` : ''}`);
    return row;
  };

  const tokenFor: TestServer['tokenFor'] = (role, opts = {}) => {
    const user = opts.userId
      ? (built.db
          .prepare('SELECT id, name, team_id, role FROM users WHERE id = ?')
          .get(opts.userId) as {
          id: string;
          name: string;
          team_id: string | null;
          role: Role;
        })
      : userFor(role, opts.team);
    return signToken(
      built.config.jwtSecret,
      { sub: user.id, role, teamId: user.team_id, name: user.name },
      { now: built.services.clock(), ttlSeconds: opts.ttlSeconds ?? 400 * 86_400 },
    ).token;
  };

  const tokens = new Map<string, string>();
  const api: TestServer['api'] = async (operationId, opts = {}) => {
    const op = operations.get(operationId);
    assert.ok(op, `no operation ${operationId}`);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(opts.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) search.append(name, String(v));
      else search.append(name, String(value));
    }
    const qs = search.toString();
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) {
      let token = opts.token;
      if (!token.includes('.')) {
        token = tokens.get(token) ?? tokenFor(token as Role);
        tokens.set(opts.token, token);
      }
      headers.authorization = `Bearer ${token}`;
    }
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const send = () =>
      fetch(`${url}${buildPath(op.path, opts.path)}${qs ? `?${qs}` : ''}`, {
        method: op.method.toUpperCase(),
        headers,
        ...(body !== undefined ? { body } : {}),
      });
    // The server runs in this process: a test that blocks the event loop for longer than the
    // keep-alive timeout (seeding several databases) leaves a pooled socket the server closes as
    // the next request goes out. A read may be sent again on a fresh socket; a write never is.
    const response = await send().catch((error: unknown) => {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (op.method === 'get' && code === 'ECONNRESET') return send();
      throw error;
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      parsed = JSON.parse(text);
    }
    const pendingAnswer = response.status === 501 && PENDING_OPERATIONS.includes(operationId);
    if (!opts.unchecked && !pendingAnswer) {
      checkResponse(operationId, response.status, response.headers, parsed);
    }
    return { status: response.status, headers: response.headers, body: parsed as never, text };
  };

  return {
    url,
    built,
    api,
    tokenFor,
    userFor,
    close: () => built.close(),
  };
}

/** Asserts a problem answer: status, type, and (optionally) the error paths. */
export function assertProblem(
  response: ApiResponse,
  status: number,
  type: string,
  paths?: string[],
): void {
  assert.equal(
    response.status,
    status,
    `expected ${status} ${type}, got ${response.status}: ${response.text.slice(0, 800)}`,
  );
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.body.type, `/problems/${type}`);
  if (paths) {
    assert.deepEqual(
      (response.body.errors ?? []).map((e: { path: string }) => e.path).sort(),
      [...paths].sort(),
    );
  }
}

export function idempotencyKey(): string {
  return `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
}
