/**
 * The operations of the spec no area implements yet; they answer 501. A test checks that this
 * list equals the server's, so it shrinks as areas land: remove an operation here when you
 * implement it. Done means empty.
 */
export const PENDING_OPERATIONS: string[] = [];
