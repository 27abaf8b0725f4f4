import { fileURLToPath } from 'node:url';

/** bench/ */
export const BENCH = fileURLToPath(new URL('../', import.meta.url));
/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
