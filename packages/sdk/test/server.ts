/**
 * The real reference server, in-process on 127.0.0.1:<free port> with an in-memory database and
 * the deterministic demo seed, plus SDK clients signed in as any role.
 */
import assert from 'node:assert/strict';
import type { Role } from '@cc-kit/domain';
import { buildApp, signToken, type BuildAppOptions, type BuiltApp } from '@cc-kit/server';
import { createClient, type Client, type ClientOptions } from '../src/index.js';

export const JWT_SECRET = 'sdk-test-secret-sdk-test-secret-0123456789';

export interface User {
  id: string;
  name: string;
  team_id: string | null;
}

export interface TestServer {
  url: string;
  built: BuiltApp;
  /** Whether the server implements an operation yet (the others answer 501). */
  implements(operationId: string): boolean;
  userFor(role: Role, team?: string): User;
  tokenFor(role: Role, options?: { user?: User; ttlSeconds?: number; now?: Date }): string;
  /** A client signed in as the first seeded user of `role`. */
  clientFor(role: Role, options?: Partial<ClientOptions>): Client;
  close(): Promise<void>;
}

export async function startServer(options: Partial<BuildAppOptions> = {}): Promise<TestServer> {
  const built = await buildApp({
    dbFile: ':memory:',
    jwtSecret: JWT_SECRET,
    demo: true,
    logLevel: 'silent',
    rateLimit: 1_000_000,
    ...options,
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  assert.ok(address && typeof address === 'object');
  const url = `http://127.0.0.1:${address.port}`;
  const implemented = new Set(built.registry.implemented());

  const userFor = (role: Role, team?: string): User => {
    const row = built.db
      .prepare(
        `SELECT id, name, team_id FROM users WHERE role = ? AND active = 1 ${team ? 'AND team_id = ?' : ''}
         ORDER BY employee_number LIMIT 1`,
      )
      .get(...(team ? [role, team] : [role])) as User | undefined;
    assert.ok(row, `no seeded ${role}`);
    return row;
  };

  const tokenFor: TestServer['tokenFor'] = (role, opts = {}) => {
    const user = opts.user ?? userFor(role);
    return signToken(
      built.config.jwtSecret,
      { sub: user.id, role, teamId: user.team_id, name: user.name },
      { now: opts.now ?? built.services.clock(), ttlSeconds: opts.ttlSeconds ?? 3600 },
    ).token;
  };

  return {
    url,
    built,
    implements: (operationId) => implemented.has(operationId),
    userFor,
    tokenFor,
    clientFor: (role, opts = {}) =>
      createClient({ baseUrl: url, token: tokenFor(role), retry: { baseDelay: 5 }, ...opts }),
    close: () => built.close(),
  };
}
