/**
 * Token bucket per token (or per client address for public operations), in memory.
 * `limit` requests per minute, bursts of about a sixth of that.
 */

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** When refused: seconds until one request is allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly burst: number;
  private readonly perMs: number;
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(limitPerMinute: number) {
    this.limit = Math.max(1, Math.floor(limitPerMinute));
    this.burst = Math.max(1, Math.ceil(this.limit / 6));
    this.perMs = this.limit / 60_000;
  }

  take(key: string, now = Date.now()): RateLimitResult {
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, updated: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updated) * this.perMs);
      bucket.updated = now;
    }
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const missing = this.burst - bucket.tokens;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, Math.floor(bucket.tokens)),
      resetSeconds: Math.ceil(missing / this.perMs / 1000),
      retryAfterSeconds: allowed
        ? 0
        : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  /** Forgets buckets that have been full for a while, so memory does not grow without bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const fullAfter = (this.burst / this.perMs) | 0;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updated > fullAfter + 60_000) this.buckets.delete(key);
    }
  }
}
