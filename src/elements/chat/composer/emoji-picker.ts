/**
 * The emoji picker (its own lazy chunk, loaded when first opened): a search field and the emoji in
 * groups. Typing filters by keyword in English, Chinese or Korean; Down moves into the grid, arrows move
 * in it, Enter or a click inserts (the picker stays open for more), Escape closes. Fires `tim-emoji`
 * (`detail`: the emoji) and `tim-close`.
 */
import { LitElement, css, html, nothing } from '../../shared/first-screen.js';
import { searchEmojis, type EmojiGroup } from './emoji-data.js';
import { gridKey } from './grid-keys.js';

export interface EmojiPickerStrings {
  emojiSearch: string;
  noEmoji: string;
  emoji: string;
  categories: Record<EmojiGroup, string>;
}

export class TimChatEmojiPicker extends LitElement {
  static override styles = css`
:host{display:flex;flex-direction:column;gap:var(--tim-space-2);inline-size:min(21rem,calc(100vw - 2rem));block-size:min(20rem,60vh);padding:var(--tim-space-2);background:var(--tim-color-surface-raised);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-m);box-shadow:var(--tim-shadow-raised);box-sizing:border-box}
input{font:inherit;color:var(--tim-color-text);background:var(--tim-color-surface);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-round);padding:var(--tim-space-1) var(--tim-space-3)}
input:focus-visible{outline:2px solid var(--tim-color-focus);outline-offset:-1px}
.scroll{flex:1;overflow-y:auto;min-block-size:0}
h3{margin:var(--tim-space-2) var(--tim-space-1) var(--tim-space-1);font-size:var(--tim-font-size-xs);font-weight:600;color:var(--tim-color-text-muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(2.25rem,1fr))}
button{all:unset;box-sizing:border-box;display:grid;place-items:center;block-size:2.25rem;font-size:1.4rem;line-height:1;border-radius:var(--tim-radius-s);cursor:pointer;font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif}
button:hover{background:var(--tim-color-hover)}
button:focus-visible{outline:2px solid var(--tim-color-focus);outline-offset:-2px}
.none{padding:var(--tim-space-4);text-align:center;color:var(--tim-color-text-muted);font-size:var(--tim-font-size-s)}
`;

  // No decorators or directives here: their modules would become chunks of their own in the initial bundle.
  static override properties = { strings: { attribute: false }, locale: {}, query: { state: true } };
  /** The picker's strings (the composer's area). */
  strings!: EmojiPickerStrings;
  /** The locale: each emoji is named in it (English, Chinese or Korean). */
  locale = 'en';
  private query = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  protected override render() {
    const t = this.strings;
    const found = searchEmojis(this.query);
    const lang = this.locale.startsWith('zh') ? 'zh' : this.locale.startsWith('ko') ? 'ko' : 'en';
    const groups = new Map<EmojiGroup, typeof found>();
    for (const e of found) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
    return html`<input
        type="search"
        aria-label=${t.emojiSearch}
        placeholder=${t.emojiSearch}
        .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        @keydown=${this.#onSearchKey}
      />
      <div class="scroll" role="group" aria-label=${t.emoji} @keydown=${this.#onGridKey}>
        ${found.length === 0 ? html`<div class="none" role="status">${t.noEmoji}</div>` : nothing}
        ${[...groups].map(
          ([group, list]) =>
            html`<h3 id=${group}>${t.categories[group]}</h3>
              <div class="grid" role="group" aria-labelledby=${group}>
                ${list.map((e) => {
                  const name = e.names[lang];
                  return html`<button aria-label=${name} title=${name} @click=${() => this.#pick(e.char)}>${e.char}</button>`;
                })}
              </div>`,
        )}
      </div>`;
  }

  #pick(char: string): void {
    this.dispatchEvent(new CustomEvent('tim-emoji', { detail: char }));
  }

  #close(e: KeyboardEvent): void {
    e.preventDefault();
    e.stopPropagation();
    this.dispatchEvent(new Event('tim-close'));
  }

  #onSearchKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (e.key === 'Escape') return this.#close(e);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.grid button')?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const first = searchEmojis(this.query)[0];
      if (first) this.#pick(first.char);
    }
  };

  #onGridKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return this.#close(e);
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.grid button')];
    if (e.key === 'ArrowUp' && buttons.indexOf(e.composedPath()[0] as HTMLElement) >= 0) {
      const from = (e.composedPath()[0] as HTMLElement).getBoundingClientRect().top;
      if (!buttons.some((b) => b.getBoundingClientRect().top < from - 4)) {
        e.preventDefault();
        this.renderRoot.querySelector('input')?.focus();
        return;
      }
    }
    gridKey(e, buttons);
  };
}

customElements.get('tim-chat-emoji-picker') || customElements.define('tim-chat-emoji-picker', TimChatEmojiPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat-emoji-picker': TimChatEmojiPicker;
  }
}
