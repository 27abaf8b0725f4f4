export * from './types.js';
export * from './registry.js';
export * from './locale.js';
export * from './translate.js';
export * from './format.js';
export { sharedCatalog, type SharedCatalog } from './shared.js';
export type { SharedMessages } from './en.js';
export { loadLocale, type CatalogLoader } from './packs.js';
