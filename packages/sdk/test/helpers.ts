/** Test helpers: fake answers, a recording fetch, and checks that a token never leaks. */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Responder = (request: Request, index: number) => Response | Promise<Response>;

/** A fetch that records each request and answers with `respond`. */
export function recordingFetch(respond: Responder) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
    });
    return respond(request, requests.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_test', ...headers },
  });

export const problem = (
  status: number,
  type: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  new Response(
    JSON.stringify({
      type,
      title: `Problem ${status}`,
      status,
      requestId: 'req_problem',
      ...extra,
    }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

export const page = (items: unknown[] = [], nextCursor: string | null = null) => ({
  items,
  nextCursor,
});

/** Asserts that `secret` appears nowhere in the error: message, stack, properties, causes. */
export function assertNoSecret(value: unknown, secret: string) {
  const seen = inspect(value, { depth: Infinity, showHidden: true, getters: true });
  assert.ok(!seen.includes(secret), `the secret leaked: ${seen.slice(0, 500)}`);
  if (value instanceof Error) {
    assert.ok(!String(value.stack).includes(secret));
    assert.ok(!JSON.stringify(value).includes(secret));
  }
}

/** A JWT-shaped token (not signed: the SDK never verifies) expiring at `exp` (seconds). */
export function fakeJwt(exp: number, sub = 'u1'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, exp })}.c2lnbmF0dXJl`;
}
