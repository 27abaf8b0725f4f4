// Types of examples.mjs for the TypeScript suites that build and serve the examples.
export interface Served {
  url: string;
  close: () => Promise<void>;
}
export const EXAMPLES: readonly string[];
export function buildExample(name: string): Promise<void>;
export function serveExample(name: string, port?: number, csp?: { api: string }): Promise<Served>;
export function startApi(origins: string[]): Promise<Served>;
