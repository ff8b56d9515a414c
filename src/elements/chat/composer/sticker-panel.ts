/**
 * The sticker panel: the kit's sticker set as a grid of buttons (arrow keys move, Enter sends, Escape
 * closes). Picking one fires `tim-sticker` with the face message's payload (`index` and `data`).
 */
import { LitElement, css, html, svg } from '../../shared/first-screen.js';
import type { Sticker, StickerKey } from '../stickers.js';
import { gridKey } from './grid-keys.js';

export class TimChatStickerPanel extends LitElement {
  static override styles = css`
:host{display:block;inline-size:min(20rem,calc(100vw - 2rem));padding:var(--tim-space-2);background:var(--tim-color-surface-raised);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-m);box-shadow:var(--tim-shadow-raised)}
.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:var(--tim-space-1)}
button{all:unset;box-sizing:border-box;display:grid;place-items:center;aspect-ratio:1;border-radius:var(--tim-radius-m);cursor:pointer}
button:hover{background:var(--tim-color-hover)}
button:focus-visible{outline:2px solid var(--tim-color-focus);outline-offset:-2px}
svg{inline-size:3.5rem;block-size:3.5rem}
`;

  // No decorators here: lit's decorator modules would become a chunk of their own in the initial bundle.
  static override properties = { label: {}, names: { attribute: false }, stickers: { state: true } };
  /** The panel's accessible name. */
  label = 'Stickers';
  /** Each sticker's accessible name. */
  names: Partial<Record<StickerKey, string>> = {};
  private stickers: readonly Sticker[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // The set is the history's lazy chunk too (imported, not bundled twice). The composer has loaded it before
    // opening the panel (and said so if it could not).
    import('../stickers.js')
      .then((m) => (this.stickers = m.STICKERS))
      .then(() => this.updateComplete)
      .then(() => this.renderRoot.querySelector('button')?.focus(), () => undefined);
  }

  protected override render() {
    return html`<div class="grid" role="group" aria-label=${this.label} @keydown=${this.#onKey}>
      ${this.stickers.map(
        (s, index) =>
          html`<button aria-label=${this.names[s.key] ?? s.key} title=${this.names[s.key] ?? s.key} @click=${() => this.#pick(index)}>
            <svg viewBox="0 0 64 64" aria-hidden="true">${svg`${s.draw}`}</svg>
          </button>`,
      )}
    </div>`;
  }

  #pick(index: number): void {
    this.dispatchEvent(new CustomEvent('tim-sticker', { detail: { index, data: this.stickers[index]!.key } }));
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.dispatchEvent(new Event('tim-close'));
      return;
    }
    const buttons = [...this.renderRoot.querySelectorAll('button')];
    gridKey(e, buttons);
  };
}

customElements.get('tim-chat-sticker-panel') || customElements.define('tim-chat-sticker-panel', TimChatStickerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat-sticker-panel': TimChatStickerPanel;
  }
}
