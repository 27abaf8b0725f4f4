/** Tokens the server must refuse: expired, forged, of another secret, unsigned, malformed. */
import { createHmac } from 'node:crypto';
import { signToken } from '@cc-kit/server';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface Subject {
  id: string;
  name: string;
  team_id: string | null;
  role: string;
}

/** Each entry: a name and an `Authorization` header value that must get 401. */
export function refusedAuthorizations(
  secret: string,
  user: Subject,
  now: Date,
): [string, string][] {
  const claims = { sub: user.id, role: user.role, teamId: user.team_id, name: user.name };
  const good = signToken(secret, claims as never, { now, ttlSeconds: 3600 }).token;
  const [header, payload] = good.split('.') as [string, string, string];
  const iat = Math.floor(now.getTime() / 1000);
  const expired = signToken(secret, claims as never, {
    now: new Date(now.getTime() - 2 * 3600_000),
    ttlSeconds: 3600,
  }).token;
  const otherSecret = signToken('another-secret-another-secret-0123456789', claims as never, {
    now,
    ttlSeconds: 3600,
  }).token;
  // The payload raised to operations_manager for a year, keeping the original signature.
  const elevated = b64url({ ...claims, role: 'operations_manager', iat, exp: iat + 366 * 86_400 });
  const forged = `${header}.${elevated}.${good.split('.')[2]}`;
  const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
  const noneSigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${good.split('.')[2]}`;
  // HS256 with the secret right but the header claiming another algorithm.
  const hs512Header = b64url({ alg: 'HS512', typ: 'JWT' });
  const hs512 = `${hs512Header}.${payload}.${createHmac('sha512', secret)
    .update(`${hs512Header}.${payload}`)
    .digest('base64url')}`;
  return [
    ['expired', `Bearer ${expired}`],
    ['signed with another secret', `Bearer ${otherSecret}`],
    ['forged payload', `Bearer ${forged}`],
    ['alg none, no signature', `Bearer ${none}`],
    ['alg none, old signature', `Bearer ${noneSigned}`],
    ['alg HS512', `Bearer ${hs512}`],
    ['truncated', `Bearer ${good.slice(0, -5)}`],
    ['not a JWT', 'Bearer not-a-token'],
    ['two parts', `Bearer ${header}.${payload}`],
    ['empty bearer', 'Bearer '],
    ['basic scheme', `Basic ${Buffer.from('agent:secret').toString('base64')}`],
    ['lower-case scheme, garbage', 'bearer xxx.yyy.zzz'],
  ];
}
