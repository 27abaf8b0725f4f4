/** ETags are a resource's version in quotes; If-Match takes `"7"` or `W/"7"`. */
import { problem } from './problems.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names, or null when it names none (`*` is not supported). */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined) return null;
  for (const part of header.split(',')) {
    const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(part);
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * Checks an optimistic-concurrency update: `changes` is what `UPDATE ... WHERE id = ? AND version = ?`
 * reported. Throws 412 (with the current version) or 404 when the row is gone.
 */
export function assertUpdated(
  changes: number,
  sent: number | null,
  currentVersion: () => number | undefined,
  what: string,
): void {
  if (changes === 1) return;
  const current = currentVersion();
  if (current === undefined) throw problem.notFound(what);
  throw problem.preconditionFailed(sent, current);
}
