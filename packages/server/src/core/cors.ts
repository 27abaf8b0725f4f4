/**
 * CORS for the embedding pages: an allow-list of origins (CC_CORS_ORIGINS) plus the server's own.
 * Tokens travel in the Authorization header, never in cookies, so credentials are not allowed.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'Last-Event-ID',
  'X-Request-Id',
];
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'X-Request-Id',
  'Retry-After',
  'Idempotent-Replayed',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Location',
  'WWW-Authenticate',
];
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function normalize(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

export class CorsPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: readonly string[]) {
    this.allowed = new Set(origins.filter(Boolean).map(normalize));
  }

  /** The allowed origin of this request, or null (no Origin, or not allowed). */
  allowedOrigin(headers: IncomingHttpHeaders): string | null {
    const origin = headers.origin;
    if (typeof origin !== 'string' || origin === '' || origin === 'null') return null;
    const normalized = normalize(origin);
    if (this.allowed.has('*') || this.allowed.has(normalized)) return origin;
    // The server's own origin (a page it serves itself).
    const host = headers.host;
    if (
      host &&
      (normalized === `http://${host}`.toLowerCase() ||
        normalized === `https://${host}`.toLowerCase())
    ) {
      return origin;
    }
    return null;
  }

  /** Headers for an ordinary (non-preflight) response. */
  responseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const origin = this.allowedOrigin(headers);
    if (!origin) return headers.origin ? { Vary: 'Origin' } : {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
      Vary: 'Origin',
    };
  }

  /** Headers for a preflight answer; without CORS headers when the origin is not allowed. */
  preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const origin = this.allowedOrigin(headers);
    if (!origin) return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': CORS_METHODS.join(', '),
      'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }
}
