export type { Catalog } from './catalog.js';
export * from './locale.js';
export * from './format.js';
