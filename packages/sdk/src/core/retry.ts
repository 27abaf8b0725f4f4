/** Backoff, Retry-After and abortable sleeping, shared by requests and the event stream. */

/** How calls are retried. Every field is optional; `retry: false` turns retrying off. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 means never retry). */
  attempts?: number;
  /** The backoff's base in ms: attempt n waits a random time in [0, min(maxDelay, base × 2^(n−1))] (default 300). */
  baseDelay?: number;
  /** The backoff's cap in ms (default 10 000). */
  maxDelay?: number;
  /**
   * The longest `Retry-After` (ms) the SDK waits for (default 30 000). A longer one is not waited
   * for: the error (a `RateLimitError` for 429) is thrown at once.
   */
  maxRetryAfter?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export function resolveRetry(
  ...layers: (RetryOptions | number | boolean | undefined)[]
): ResolvedRetry {
  const out: ResolvedRetry = {
    attempts: 3,
    baseDelay: 300,
    maxDelay: 10_000,
    maxRetryAfter: 30_000,
  };
  for (const layer of layers) {
    if (layer === false) out.attempts = 1;
    else if (typeof layer === 'number') out.attempts = layer;
    else if (typeof layer === 'object') Object.assign(out, layer);
  }
  out.attempts = Math.max(1, Math.floor(out.attempts));
  return out;
}

/** Full-jitter exponential backoff for the wait after attempt `attempt` (1-based). */
export function backoff(attempt: number, { baseDelay, maxDelay }: ResolvedRetry): number {
  return Math.random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
}

/** `Retry-After` (seconds, or an HTTP date) in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
