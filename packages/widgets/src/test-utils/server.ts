/**
 * Browser tests against the reference server the test runner started: where it is, and a
 * signed-in client per demo user (the server's demo tokens, as the portal signs in).
 */
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import type { CcClient } from '../shared/client.js';

let url: string | undefined;
const clients = new Map<string, CcClient>();

/** Asks the test runner where the reference server is; call it in `before()`. */
export async function useServer(): Promise<string> {
  ({ apiUrl: url } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  return url;
}

/** The reference server's address (after `useServer()`). */
export function apiUrl(): string {
  if (url === undefined) throw new Error('call useServer() in before() first');
  return url;
}

/** A client for a demo user (a user ID, `{ userId }` or `{ role }`), one per user per test file. */
export function clientFor(who: string | { role: Schema<'Role'> } | { userId: string }): CcClient {
  const user = typeof who === 'string' ? { userId: who } : who;
  const key = JSON.stringify(user);
  let client = clients.get(key);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl() });
    client = createClient({
      baseUrl: apiUrl(),
      getToken: async () => {
        const grant = await anonymous.demo.token(user);
        return { token: grant.token, expiresAt: grant.expiresAt };
      },
    });
    clients.set(key, client);
  }
  return client;
}
