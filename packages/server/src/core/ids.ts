/** Opaque IDs: a prefix, the time and randomness, so they sort roughly by creation. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** While set, IDs draw from this seeded generator instead of the system's (for the demo seed). */
let seededSource: (() => number) | null = null;

function randomChars(count: number): string {
  let out = '';
  if (seededSource) {
    for (let i = 0; i < count; i++) out += ALPHABET[Math.floor(seededSource() * 32)];
    return out;
  }
  for (const byte of randomBytes(count)) out += ALPHABET[byte & 31];
  return out;
}

export function newId(prefix: string, now: number = Date.now()): string {
  if (seededSource) return `${prefix}_${randomChars(19)}`;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${randomChars(10)}`;
}

/** Runs `fn` with IDs drawn from `random`, so seeded data gets the same IDs every time. */
export function withSeededIds<T>(random: () => number, fn: () => T): T {
  const previous = seededSource;
  seededSource = random;
  try {
    return fn();
  } finally {
    seededSource = previous;
  }
}
