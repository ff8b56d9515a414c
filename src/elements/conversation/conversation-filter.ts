/**
 * The optional filter box of `<tim-conversation filter>`: a lazy chunk, loaded only by lists that show it.
 */
import { html, nothing, provideSourceArea } from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type { Catalog } from '../../i18n/index.js';
import filterStrings from '../../i18n/en/conversation-filter.js';

// The English filter strings travel with the filter box, not in the initial bundle.
provideSourceArea('conversationFilter', filterStrings);

export interface FilterBoxHost {
  query: string;
  t: Catalog;
  /** The text typed (the list narrows to it). */
  setQuery(query: string): void;
  /** Empties the box and puts the focus in it (its clear button, and the no-match state's). */
  clear(): void;
  /** ArrowDown: into the list, on its first row. */
  enterList(): void;
  /** Enter: open the first match. */
  openFirst(): void;
}

const styles = html`<style>
.filter{position:relative;display:flex;align-items:center;margin:var(--tim-space-2) var(--tim-space-3)}
.filter>svg{position:absolute;inset-inline-start:var(--tim-space-3);width:1rem;height:1rem;color:var(--tim-color-text-muted);pointer-events:none}
.filter input{flex:1;min-width:0;font:inherit;color:inherit;padding:var(--tim-space-2) 2.25rem;border-radius:var(--tim-radius-round);border:1px solid var(--tim-color-border);background:var(--tim-color-surface)}
.filter input::-webkit-search-cancel-button{display:none}
.filter .icon-button{position:absolute;inset-inline-end:var(--tim-space-1);width:1.75rem;height:1.75rem}
</style>`;

export function renderFilterBox(h: FilterBoxHost) {
  const tf = h.t.conversationFilter;
  return html`${styles}<div class="filter">${icon('search')}<input part="filter" type="search" enterkeyhint="search" autocomplete="off" spellcheck="false"
      .value=${h.query} placeholder=${tf.placeholder} aria-label=${tf.label} aria-controls="list"
      @input=${(e: Event) => h.setQuery((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && h.query) h.setQuery('');
        else if (e.key === 'ArrowDown') h.enterList();
        else return void (e.key === 'Enter' && h.openFirst());
        e.preventDefault();
      }}
    />${h.query ? html`<button class="icon-button" aria-label=${tf.clear} @click=${h.clear}>${icon('close')}</button>` : nothing}</div>`;
}

/**
 * What the list's state says when nothing matches the text typed (only the filter box types one), with a way
 * out: the list draws it with its other states (`stateView`).
 */
export function noMatch(h: FilterBoxHost) {
  const tf = h.t.conversationFilter;
  return { kind: 'empty', text: tf.noMatch(h.query.trim()), action: { label: tf.clear, run: h.clear } } as const;
}
