/**
 * Exact fractions on BigInt, so that scores are computed without binary floating-point error and
 * rounded once, at the end. Internal to the package.
 */

/** n / d with d > 0. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Ratio = { n: 0n, d: 1n };

/**
 * n / d, left unreduced: every result is rounded once from the exact value, whatever its form,
 * and the numbers stay small enough for BigInt at a scorecard's size.
 */
export function ratio(n: bigint, d: bigint = 1n): Ratio {
  return { n, d };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a finite number as written in decimal (its shortest round-trip form), so
 * a weight of 0.1 is exactly 1/10, as a person means it.
 */
export function fromNumber(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  // Every finite number's String() matches (digits, an optional fraction, an optional exponent).
  const [, sign, int, frac = '', exp = '0'] = DECIMAL.exec(String(value))!;
  const digits = BigInt(`${sign}${int}${frac}`);
  const scale = Number(exp) - frac.length;
  return scale >= 0 ? ratio(digits * 10n ** BigInt(scale)) : ratio(digits, 10n ** BigInt(-scale));
}

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

/** a / b for b > 0 (every divisor here is a sum of positive weights). */
export function div(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d, a.d * b.n);
}

export function isZero(a: Ratio): boolean {
  return a.n === 0n;
}

/** Rounds to `decimals` places, half away from zero, and returns the nearest number. */
export function roundHalfAwayFromZero(a: Ratio, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  const scaled = (abs * scale * 2n + a.d) / (a.d * 2n);
  const result = Number(scaled) / Number(scale);
  return negative && result !== 0 ? -result : result;
}
