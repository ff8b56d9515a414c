/**
 * The search features' one lazy chunk: the body of `<tim-search>` and `<tim-chat>`'s find bar. One chunk
 * rather than two, because each lazy entry splits the kit's shared initial modules into more chunks
 * (measured: two entries cost the initial bundle 0.4 KB gzip more than this one).
 */
export { TimSearchPanel } from './panel.js';
export { openFindBar } from '../chat/find-bar.js';
