/**
 * The image viewer of the history: a native modal dialog (focus kept inside, the page behind inert), closed
 * by Escape, the close button or a click beside the picture; focus goes back to the image that opened it.
 * A lazy chunk: loaded the first time a reader opens an image.
 */
import { css, html, property, query, TimBase, define, buttonStyles } from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';

/**
 * @tagname tim-chat-lightbox
 * @summary A full-size image viewer (internal to `<tim-chat>`).
 * @csspart dialog - The viewer.
 * @csspart image - The picture.
 * @event close - The viewer closed.
 */
export class TimChatLightbox extends TimBase {
  static override styles = [
    TimBase.styles,
    buttonStyles,
    css`
      dialog {
        border: 0;
        padding: 0;
        background: transparent;
        max-width: 100vw;
        max-height: 100vh;
        width: 100vw;
        height: 100vh;
        display: grid;
        place-items: center;
        overflow: hidden;
      }
      dialog:not([open]) {
        display: none;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.85);
      }
      img {
        max-width: calc(100vw - 2rem);
        max-height: calc(100vh - 5rem);
        object-fit: contain;
        border-radius: var(--tim-radius-s);
      }
      .close {
        position: fixed;
        inset-block-start: var(--tim-space-3);
        inset-inline-end: var(--tim-space-3);
        color: #fff;
        background: rgb(0 0 0 / 0.5);
      }
      .close:hover:not(:disabled) {
        color: #fff;
        background: rgb(255 255 255 / 0.2);
      }
    `,
  ];

  /** The picture's URL (already checked by the chat). */
  @property() src = '';
  /** Its text alternative. */
  @property() alt = '';
  /** Accessible name of the viewer. */
  @property() label = '';
  /** Label of the close button. */
  @property() closeLabel = 'Close';
  @query('dialog') private dialog!: HTMLDialogElement;
  #opener: HTMLElement | null = null;

  /** Opens the viewer; focus returns to `opener` when it closes. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.#opener = opener;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  /** Closes the viewer. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  protected override render() {
    return html`<dialog part="dialog" aria-label=${this.label} @close=${this.#onClose} @click=${this.#onClick}>
      <img part="image" src=${this.src} alt=${this.alt} referrerpolicy="no-referrer" />
      <button class="icon-button close" aria-label=${this.closeLabel} @click=${() => this.close()}>${icon('close')}</button>
    </dialog>`;
  }

  #onClick(e: MouseEvent): void {
    // A click on the backdrop area (the dialog itself, not the picture) closes.
    if (e.target === this.dialog) this.close();
  }

  #onClose(): void {
    this.#opener?.focus();
    this.#opener = null;
    this.dispatchEvent(new Event('close'));
  }
}

define('tim-chat-lightbox', TimChatLightbox);

/** Shows a picture in the viewer of a chat's shadow root (added there the first time); focus returns to `opener`. */
export function openLightbox(root: DocumentFragment | HTMLElement, picture: Pick<TimChatLightbox, 'src' | 'alt' | 'label' | 'closeLabel'>, opener: HTMLElement): Promise<void> {
  const box = root.querySelector('tim-chat-lightbox') ?? root.appendChild(document.createElement('tim-chat-lightbox'));
  return Object.assign(box, picture).show(opener);
}

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat-lightbox': TimChatLightbox;
  }
}
