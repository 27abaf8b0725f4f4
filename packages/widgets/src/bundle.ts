/**
 * Entry of `cc-widgets.js`: the whole kit in one self-registering file for a plain
 * `<script type="module" src="/assets/cc-widgets.js">` on the host's own origin. Registers every
 * element under `cc-` (guarded: a second copy on the page never throws) and exports the API,
 * plus the SDK's `createClient` (already inside the bundle) for the page's own calls.
 */
import './define/all.js';

export * from './index.js';
export { createClient } from '@cc-kit/sdk';
