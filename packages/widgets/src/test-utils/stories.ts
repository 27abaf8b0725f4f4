/**
 * What every element's stories share: the reference server's address and a signed-in client per
 * demo user. Start a server for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another.
 */
import { createClient } from '@cc-kit/sdk';
import type { CcClient } from '../shared/client.js';

export type StoryRole =
  'agent' | 'supervisor' | 'complaint_supervisor' | 'qa_specialist' | 'operations_manager';

/** A demo user: a role (its first seeded user) or one user by ID. */
export type StoryUser = StoryRole | { role: StoryRole } | { userId: string };

const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env;

/** The reference server stories read from. */
export const apiUrl = env?.STORYBOOK_CC_API_URL ?? 'http://localhost:8080';

const clients = new Map<string, CcClient>();

/**
 * A client signed in as a demo user with the server's demo tokens, one attempt per request.
 * `fetchImpl` wraps the transport (a loading or failing story); such a client is shared between
 * renders only under an explicit `key`.
 */
export function clientFor(user: StoryUser, fetchImpl?: typeof fetch, key?: string): CcClient {
  const who = typeof user === 'string' ? { role: user } : user;
  const cacheKey = key ?? (fetchImpl ? undefined : JSON.stringify(who));
  let client = cacheKey === undefined ? undefined : clients.get(cacheKey);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      retry: { attempts: 1 },
      getToken: async () => {
        const grant = await anonymous.demo.token(who);
        return { token: grant.token, expiresAt: grant.expiresAt };
      },
    });
    if (cacheKey !== undefined) clients.set(cacheKey, client);
  }
  return client;
}

/** A transport that never answers: the element stays in its loading state. */
export const neverAnswers: typeof fetch = () => new Promise<Response>(() => undefined);

/**
 * A transport that answers 503 with a problem (the element's error state): every request, or only
 * those whose URL contains `pathPart`, the others going to the server.
 */
export function unavailable(pathPart?: string): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (pathPart !== undefined && !url.includes(pathPart)) return fetch(input, init);
    return new Response(
      JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }),
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  };
}
