/** The server's notion of now; tests replace it to move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** An RFC 3339 UTC timestamp with milliseconds, which also sorts as text. */
export function iso(date: Date): string {
  return date.toISOString();
}
