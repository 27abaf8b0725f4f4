/**
 * Registers every kit element under the `cc-` prefix in the page's registry, from the table in
 * `elements.ts`. `<cc-provider>` comes first there: elements already in the page when this runs
 * upgrade after their provider, so their context requests find it.
 */
import { defineElements } from '../elements.js';

defineElements();
