/**
 * The search features' one lazy chunk: the body of `<tim-search>` and `<tim-chat>`'s find bar. One chunk
 * rather than two, because each lazy entry splits the kit's shared initial modules into more chunks
 * (measured: two entries cost the initial bundle 0.4 KB gzip more than this one).
 */
import { html, define } from '../shared/first-screen.js';
import { TimSearchPanel, attachPanelKit, type PanelKit } from './panel.js';

export { TimSearchPanel };
export { openFindBar } from '../chat/find-bar.js';

/** Registers the panel with what it needs from the initial bundle (called by `<tim-search>` when it has
 *  loaded this chunk). */
export function definePanel(kit: PanelKit): void {
  attachPanelKit(kit);
  define('tim-search-panel', TimSearchPanel);
}

/** The panel's parts, re-exported so `tim-search::part(x)` reaches them. */
const PARTS = 'header,back-button,scope,field,input,clear-button,filters,filter,notice,count,results,section,section-title,item,name,time,detail,match,more-button,state';

/** `<tim-search>`'s body, with its properties. */
export function renderPanel(conversationId: string, keyword: string | undefined, noBack: boolean) {
  return html`<tim-search-panel exportparts=${PARTS} conversation-id=${conversationId} .keyword=${keyword} ?no-back=${noBack}></tim-search-panel>`;
}
