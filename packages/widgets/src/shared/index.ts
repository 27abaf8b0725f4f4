/** The platform every element is built on (re-exported from the package root). */
export { CcElement, type CcState } from './element.js';
export type { CcClient } from './client.js';
export * from './context.js';
export { define, defineAll, tagOf, registryOf, supportsScopedRegistries } from './define.js';
export type { DefineElementsOptions } from './define.js';
export { CcEvent, CcErrorEvent, CcAuthErrorEvent, type CcErrorDetail } from './events.js';
export {
  describeError,
  errorMessageKey,
  NoClientError,
  type ErrorInfo,
  type ErrorKind,
} from './errors.js';
export {
  DataController,
  type DataOptions,
  type DataRenderers,
  type DataStatus,
} from './data-controller.js';
export { LiveController, type LiveOptions } from './live-controller.js';
export { Announcer } from './announcer.js';
export { tokens, TOKEN_NAMES } from './theme.js';
export { focusRing, visuallyHidden, buttons, statusStyles, sharedStyles } from './styles.js';
export { loadingTemplate, emptyTemplate, errorTemplate, errorText } from './status.js';
export * from './i18n/index.js';
