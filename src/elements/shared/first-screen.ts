/**
 * Where the UI's lazily loaded modules (the composer and its pickers, the message actions, the rich
 * bodies, the lightbox, the jumps, the stickers, the shared menu and dialog, the conversation row menu and
 * filter, the profile views, the search panel and find bar) take what they share with the first screen:
 * lit, the element base (`TimElement`, `define()`, the shared styles, the source catalog), the first screen's
 * icons (for `all-icons.ts`, where lazy modules take `icon` from: the others' paths load with them), the
 * before-events, and the core's errors and validation rules (through `core/first-screen.ts`). Import these
 * from here in a lazy module, not from their own modules; add a name here when a lazy module needs one.
 *
 * Why a module that only re-exports (do not "clean it up"): esbuild, splitting code for a host app, puts
 * each module into a chunk by the SET of entries that reach it, and every chunk is gzipped on its own.
 * Before this module each lazy chunk imported the few of these it used, so lit, the element base, the
 * icons and the before-events were reached by four different sets of lazy chunks and the first screen
 * loaded them as four files. A lazy module that imports any name from here reaches every module re-exported
 * here (all are side-effect free), so all four have the same set and make one file: 577 B gzip less
 * (`kitGzipBytes` 52,550 -> 51,973; check with `node bench/analyze-kit.mjs --why`), and the errors and
 * validation rules are reached by every UI lazy chunk, which lets them share one file too (see
 * `core/first-screen.ts`). The first screen loads all of these anyway, so a lazy chunk that now reaches
 * more of them downloads nothing more.
 *
 * So a new lazy module imports these from here too, or it splits that file again. Keep the re-exports
 * named: an `export *` (as in `core/index.ts`) does not make an importer reach the other modules, and a
 * bare `import './x.js'` of a side-effect-free module is dropped by the bundler.
 *
 * `<tim-chat>` and `<tim-conversation>` import from here as well: this module must be reached by the first
 * screen too, or the bundler emits it as an empty file of its own that their lazy chunks fetch (20 B gzip
 * and a request). The other first-screen modules import from the modules themselves (the element base
 * must, or it would import itself), and so do the public modules a host may import (`highlight.ts`): a
 * first screen that reaches this module takes in every module re-exported here that a lazy chunk uses.
 * That costs the kit nothing (its first screen uses them all), but `<tim-profile>` or `<tim-search>`
 * alone would carry icons, before-events and rules in their first screen that only their lazy chunk
 * needs (+1.4 KB gzip measured for each); with a single lazy entry each, this module simply joins it.
 */
export { LitElement, css, html, nothing, svg } from 'lit';
export type { CSSResultGroup, PropertyValues, ReactiveController, SVGTemplateResult, TemplateResult } from 'lit';
export { property, query, state } from 'lit/decorators.js';
export { TimBase, TimElement } from './tim-element.js';
export { define } from './define.js';
export { icon, pathIcon, SCREEN_ICON_PATHS } from './icons.js';
export { buttonStyles, stateViewStyles } from '../../styles/shared.js';
export { provideSourceArea } from '../../i18n/locale.js';
export { TimBeforeEvent, allowed } from '../../events/before.js';
export {
  AT_ALL,
  DEFAULT_URL_SCHEMES,
  Limits,
  parseConversationID,
  safeUrl,
  toC2CConversationID,
  toGroupConversationID,
  utf8Bytes,
  ChatErrorCode,
  toChatError,
  unreachable,
} from '../../core/first-screen.js';
