/**
 * Where lazily loaded modules outside the core (the store's lazy actions, and through
 * `elements/shared/first-screen.ts` the UI's lazy modules) take the errors and the validation rules,
 * which the first screen always loads. Import them from here in such a module, not from `errors.ts` or
 * `validation.ts`.
 *
 * Why a module that only re-exports (do not "clean it up"): esbuild, splitting code for a host app, puts
 * each module into a chunk by the SET of entries that reach it, and every chunk is gzipped on its own.
 * LocalCore's lazy ops reach both modules; the UI's lazy chunks and the store's actions reached one or the
 * other, so the first screen loaded `errors` and `validation` as two small files. A module that imports any
 * name from here reaches both (they are side-effect free), so they share one set and one file: 135 B gzip
 * less (`kitGzipBytes` 51,973 -> 51,838; check with `node bench/analyze-kit.mjs --why`).
 *
 * This module itself must have that same set, or the bundler emits it as an empty file of its own that the
 * lazy chunks fetch (20 B gzip and a request each time): LocalCore's `client.ts`, which all of LocalCore's
 * lazy ops reach, imports its errors from here for that reason; the rest of the core imports `errors.ts`
 * and `validation.ts` directly, and the core never imports the UI's `first-screen.ts`. Keep the
 * re-exports named: an `export *` (as in `core/index.ts`) does not make an importer reach the other modules.
 */
export { ChatError, ChatErrorCode, classifyError, toChatError, unreachable } from './errors.js';
export {
  AT_ALL,
  DEFAULT_URL_SCHEMES,
  Limits,
  parseConversationID,
  safeUrl,
  toC2CConversationID,
  toGroupConversationID,
  utf8Bytes,
} from './validation.js';
