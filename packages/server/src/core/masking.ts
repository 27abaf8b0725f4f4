/**
 * Personal data (`x-pii` in the spec: a customer's name, phone and e-mail) masked for roles that
 * do not need it. Applied in ONE place — to every JSON answer and every event on its way out —
 * so no handler has to remember it.
 */
import { canSeePersonalData, maskEmail, maskName, maskPhone, type Role } from '@cc-kit/domain';

type Json = unknown;

/** Masks one customer object; leaves anything else as it is. */
export function maskCustomer(value: Json): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const customer = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...customer };
  if (typeof customer.name === 'string') out.name = maskName(customer.name);
  if (typeof customer.phone === 'string') out.phone = maskPhone(customer.phone);
  if (typeof customer.email === 'string') out.email = maskEmail(customer.email);
  out.masked = true;
  return out;
}

/** Fields, anywhere in an answer, whose value is a customer. */
const CUSTOMER_KEYS = new Set(['customer']);

/** Activity `changes[]` entries whose field is personal data: their from/to are masked too. */
function maskChange(change: Record<string, unknown>): Record<string, unknown> {
  const field = change.field;
  if (typeof field !== 'string') return change;
  if (field === 'customer') {
    return { ...change, from: maskCustomer(change.from), to: maskCustomer(change.to) };
  }
  const masker =
    field === 'customer.name' || field === 'customer/name'
      ? maskName
      : field === 'customer.phone' || field === 'customer/phone'
        ? maskPhone
        : field === 'customer.email' || field === 'customer/email'
          ? maskEmail
          : null;
  if (!masker) return change;
  const m = (v: unknown) => (typeof v === 'string' ? masker(v) : v);
  return { ...change, from: m(change.from), to: m(change.to) };
}

function walk(value: Json, inChanges: boolean): Json {
  if (Array.isArray(value)) return value.map((v) => walk(v, inChanges));
  if (!value || typeof value !== 'object') return value;
  const source = inChanges ? maskChange(value as Record<string, unknown>) : value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(source as Record<string, unknown>)) {
    if (CUSTOMER_KEYS.has(key) && inner && typeof inner === 'object')
      out[key] = maskCustomer(inner);
    else if (key === 'customerPhone' && typeof inner === 'string') out[key] = maskPhone(inner);
    else out[key] = walk(inner, key === 'changes');
  }
  return out;
}

/** The value as `role` may see it: unchanged for roles that see personal data, masked otherwise. */
export function maskForRole<T>(value: T, role: Role | null): T {
  if (role !== null && canSeePersonalData(role)) return value;
  return walk(value, false) as T;
}
