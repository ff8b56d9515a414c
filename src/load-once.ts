/**
 * A lazy chunk's loader: `load` runs on the first call and every caller shares its promise. A load that
 * fails is forgotten, so the next call tries again (the page may have been offline). Chromium keeps a failed
 * module fetch failed for the page's life, so there that second try fails at once too; callers say so.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
