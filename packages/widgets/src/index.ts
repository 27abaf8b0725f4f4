/**
 * @cc-kit/widgets: Lit web components for call-center pages.
 *
 * Importing this module registers nothing. Register with the define files
 * (`import '@cc-kit/widgets/define/cc-provider.js'`), with `defineElements({ prefix, registry })`,
 * or load the self-registering `cc-widgets.js` bundle.
 * @packageDocumentation
 */
export { CcProvider } from './provider/provider.js';
export { elements, defineElements, type ElementName } from './elements.js';
export * from './shared/index.js';
