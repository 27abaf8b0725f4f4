/** X-Request-Id: echo a well-formed incoming one, otherwise make a new one. */
import { randomBytes } from 'node:crypto';

const WELL_FORMED = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && WELL_FORMED.test(value)) return value;
  return `req_${randomBytes(12).toString('base64url')}`;
}
