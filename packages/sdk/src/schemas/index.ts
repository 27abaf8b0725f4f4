/**
 * @cc-kit/sdk/schemas: the zod/mini schema of every response body of the contract, generated
 * from openapi.yaml. Each export is a function that builds its schema on first call:
 *
 * ```ts
 * import { Ticket } from '@cc-kit/sdk/schemas';
 * const result = Ticket().safeParse(data);
 * ```
 *
 * The client loads these by itself when validation is on; import them to validate data that
 * reached you another way (a message from another window, a cache).
 * @packageDocumentation
 */
export * from './generated.js';
export { validateResponse } from './validate.js';
