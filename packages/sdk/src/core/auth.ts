/**
 * The token: fetched lazily, cached until it expires, refreshed one at a time, and refreshed once
 * more when the API answers 401. The token lives only in this closure.
 */

/** Why the SDK asks for a token. */
export type TokenReason = 'initial' | 'expired' | 'unauthorized';

export interface TokenRequest {
  /** `initial` the first time, `expired` when the cached one ran out, `unauthorized` after a 401. */
  reason: TokenReason;
  /** Aborted when no call waits for this token any more. */
  signal: AbortSignal;
}

/**
 * A token as `getToken` returns it: the JWT itself (its `exp` is read, not verified), or the token
 * with its expiry (a Date, an RFC 3339 string or epoch milliseconds; null when it does not expire).
 */
export type TokenResult = string | { token: string; expiresAt?: Date | string | number | null };

export type GetToken = (request: TokenRequest) => TokenResult | Promise<TokenResult>;

export interface Auth {
  /** The token to send now (refreshing it when needed); undefined without any auth configured. */
  get(signal?: AbortSignal): Promise<string | undefined>;
  /** After a 401 with `used`: a fresh token, or undefined when none can be had. */
  renew(used: string | undefined, signal?: AbortSignal): Promise<string | undefined>;
}

/** The `exp` claim of a JWT in ms, or Infinity when there is none (the token is not verified). */
export function jwtExpiry(token: string): number {
  try {
    const payload = token.split('.')[1];
    const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}

export function createAuth(
  staticToken: string | undefined,
  getToken: GetToken | undefined,
  skewMs = 30_000,
): Auth {
  let cached: { token: string; until: number } | undefined;
  let asked = false;
  let pending:
    { promise: Promise<string>; controller: AbortController; waiting: number } | undefined;

  /** Waits for the shared refresh; the refresh is aborted only when every waiter has gone. */
  const join = (signal?: AbortSignal): Promise<string> => {
    const current = pending!;
    current.waiting++;
    return new Promise<string>((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        current.waiting--;
      };
      const onAbort = () => {
        leave();
        if (current.waiting === 0) current.controller.abort(signal!.reason);
        reject(signal!.reason);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (token) => (leave(), resolve(token)),
        (error: unknown) => (leave(), reject(error)),
      );
    });
  };

  const refresh = (reason: TokenReason, signal?: AbortSignal): Promise<string> => {
    if (!pending) {
      const controller = new AbortController();
      asked = true;
      const promise = Promise.resolve()
        .then(() => getToken!({ reason, signal: controller.signal }))
        .then((result) => {
          const token = typeof result === 'string' ? result : result?.token;
          if (typeof token !== 'string' || !token) {
            throw new TypeError('getToken() returned no token');
          }
          const expiresAt = typeof result === 'object' ? result.expiresAt : undefined;
          const until =
            expiresAt === undefined
              ? jwtExpiry(token)
              : expiresAt === null
                ? Infinity
                : new Date(expiresAt).getTime();
          cached = { token, until: until - skewMs };
          return token;
        })
        .finally(() => {
          pending = undefined;
        });
      // A refresh nobody waits for any more must not surface as an unhandled rejection.
      promise.catch(() => {});
      pending = { promise, controller, waiting: 0 };
    }
    return join(signal);
  };

  return {
    async get(signal) {
      if (!getToken) return staticToken;
      if (cached && Date.now() < cached.until) return cached.token;
      if (pending) return join(signal);
      return refresh(asked ? 'expired' : 'initial', signal);
    },
    async renew(used, signal) {
      if (!getToken) return undefined;
      if (pending) return join(signal);
      // Another call already replaced the token that was refused: use the new one.
      if (cached && cached.token !== used) return cached.token;
      cached = undefined;
      return refresh('unauthorized', signal);
    },
  };
}
