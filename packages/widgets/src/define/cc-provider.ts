/** Registers <cc-provider> (guarded: never throws if the tag is taken). */
import { CcProvider } from '../provider/provider.js';
import { define } from '../shared/define.js';

define('cc-provider', CcProvider);

export { CcProvider };

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
}
