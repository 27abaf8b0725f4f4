/** The shared catalog section: strings every element uses. English inline, Chinese as packs. */
import { en } from './en.js';
import { defineCatalog } from './types.js';

export const sharedCatalog = defineCatalog('shared', en, {
  'zh-Hans': () => import('./zh-Hans.js'),
  'zh-Hant': () => import('./zh-Hant.js'),
});
export type SharedCatalog = typeof sharedCatalog;
