/**
 * Locale resolution and catalog loading. English ships in the main bundle; Chinese and Korean load on
 * demand (one small chunk each). The locale is per provider, not per page: two providers on one page
 * may speak two languages. (That is why the kit does not use @lit/localize, whose locale is global.)
 */
import en from './en/index.js';
import type { Catalog } from './catalog.js';
import { loadOnce } from '../load-once.js';

export type LocaleCode = 'en' | 'zh' | 'ko';
export const LOCALES: readonly LocaleCode[] = ['en', 'zh', 'ko'];

/** The supported locale for a BCP 47 tag ('zh-Hans-CN' → 'zh', 'ko-KR' → 'ko', anything else → 'en'). */
export function resolveLocale(tag: string | null | undefined): LocaleCode {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'ko' ? primary : 'en';
}

/** The locale an element uses when its provider sets none: the document's `lang`, else the browser's. */
export function ambientLocale(): string {
  return document.documentElement.lang || navigator.language || 'en';
}

// Catalogs are immutable data: caching the loaded ones per page is safe with any number of providers.
const loaded = new Map<LocaleCode, Catalog>([['en', en]]);
const loading = new Map<LocaleCode, Promise<Catalog>>();

/** The catalog if already loaded (English always is). */
export function catalogIfLoaded(locale: LocaleCode): Catalog | undefined {
  return loaded.get(locale);
}

/** Loads a locale's catalog (once per page). */
export function loadCatalog(locale: LocaleCode): Promise<Catalog> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(locale);
  if (!promise) {
    promise = (locale === 'zh' ? import('./zh/index.js') : import('./ko/index.js')).then((m) => {
      loaded.set(locale, m.default);
      return m.default;
    });
    loading.set(locale, promise);
  }
  return promise;
}

export { en as sourceCatalog };

/** Fills in an English area that ships with a lazy chunk (the chunk calls it when it loads). */
export function provideSourceArea<K extends keyof Catalog>(area: K, strings: Catalog[K]): void {
  (en as Catalog)[area] = strings;
}

/**
 * Loads the English `moreErrors` area (once per page): the texts of the errors only a reachable service
 * returns. Other locales' catalogs carry it. A fetch that failed (offline) is forgotten, for the next error
 * to try again.
 */
export const loadMoreErrors = loadOnce(() => import('./en/more-errors.js').then((m) => provideSourceArea('moreErrors', m.default)));
