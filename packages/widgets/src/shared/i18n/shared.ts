/** The shared catalog section: strings every element uses. */
import { en } from './en.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';
import { defineCatalog } from './types.js';

export const sharedCatalog = defineCatalog('shared', { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant });
export type SharedCatalog = typeof sharedCatalog;
