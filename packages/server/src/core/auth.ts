/**
 * Bearer tokens: HS256 JWTs signed and checked with node:crypto. Only `alg: HS256` is accepted;
 * the signature is compared in constant time; expired or malformed tokens are refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '@cc-kit/domain';
import { HttpProblem } from './problems.js';

export interface TokenClaims {
  sub: string;
  role: Role;
  teamId: string | null;
  name: string;
  iat: number;
  exp: number;
}

/** The authenticated caller, as handlers see it. */
export interface Caller {
  userId: string;
  role: Role;
  teamId: string | null;
  name: string;
  /** A stable hash of the token, for per-token limits. Never the token itself. */
  tokenKey: string;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function sign(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signToken(
  secret: string,
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  options: { now?: Date; ttlSeconds?: number } = {},
): { token: string; expiresAt: Date } {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const exp = iat + (options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ ...claims, iat, exp }));
  const signature = sign(secret, `${header}.${payload}`).toString('base64url');
  return { token: `${header}.${payload}.${signature}`, expiresAt: new Date(exp * 1000) };
}

function invalid(description: string): HttpProblem {
  return new HttpProblem('unauthorized', description, {
    headers: {
      // Header values must be visible ASCII.
      'WWW-Authenticate': `Bearer realm="cc-kit", error="invalid_token", error_description="${description.replace(/[^\x20-\x7e]|"/g, "'")}"`,
    },
  });
}

export function missingToken(): HttpProblem {
  return new HttpProblem('unauthorized', 'This operation needs a bearer token.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="cc-kit"' },
  });
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeJson(segment: string): Record<string, unknown> | null {
  if (!SEGMENT.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Verifies a token and returns its claims; throws a 401 problem otherwise. */
export function verifyToken(secret: string, token: string, now: Date = new Date()): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('The token is malformed.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!header) throw invalid('The token is malformed.');
  if (header.alg !== 'HS256') throw invalid('The token is not signed with HS256.');
  if (header.typ !== undefined && header.typ !== 'JWT') throw invalid('The token is not a JWT.');
  if (!SEGMENT.test(signaturePart)) throw invalid('The token signature is malformed.');
  const expected = sign(secret, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('The token signature is not valid.');
  }
  const payload = decodeJson(payloadPart);
  if (!payload) throw invalid('The token is malformed.');
  const { sub, role, teamId, name, iat, exp } = payload;
  if (
    typeof sub !== 'string' ||
    !isRole(role) ||
    (teamId !== null && teamId !== undefined && typeof teamId !== 'string') ||
    typeof exp !== 'number' ||
    typeof iat !== 'number'
  ) {
    throw invalid('The token lacks required claims.');
  }
  if (exp * 1000 <= now.getTime()) throw invalid('The token has expired.');
  return {
    sub,
    role,
    teamId: (teamId as string | null | undefined) ?? null,
    name: typeof name === 'string' ? name : '',
    iat,
    exp,
  };
}

/** Reads `Authorization: Bearer <token>`; null when the header is absent. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  if (!match) throw invalid('The Authorization header is not a bearer token.');
  return match[1]!;
}

export { invalid as invalidToken };
