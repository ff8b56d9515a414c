import type en from './en/index.js';

/** The shape every locale's catalog has (English is the source). Strings, or functions for parameters. */
export type Catalog = typeof en;
