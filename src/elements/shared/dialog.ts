import { css, html, nothing, property, query, state, TimBase, buttonStyles, define } from './first-screen.js';

export interface ConfirmOptions {
  title: string;
  text?: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Shows the confirm button in the danger colour (delete, block, leave…). */
  danger?: boolean;
}

/**
 * The primary and danger variants of `buttonStyles`' `.button`, for the dialog and the lazy parts that show
 * it (the profile views, the message actions): here, not in `buttonStyles`, so the first screen, which has
 * none of them, does not carry them. Include after `buttonStyles`.
 */
export const strongButtonStyles = css`
  .button.primary {
    background: var(--tim-color-accent);
    border-color: transparent;
    color: var(--tim-color-on-accent);
  }
  .button.primary:hover:not(:disabled) {
    /* Keeps the accent: the plain hover rule of .button is more specific than .button.primary. */
    background: var(--tim-color-accent);
    filter: brightness(1.08);
  }
  .button.danger {
    color: var(--tim-color-danger);
  }
`;

/**
 * A modal dialog on the native `<dialog>` (focus trapped, Escape closes, the page behind is inert), with
 * focus returned to where it was. Holds slotted content, or asks a yes/no question with `confirm()`.
 *
 * @tagname tim-dialog
 * @summary A modal dialog and confirmation prompt (internal building block).
 * @slot - The dialog's content (when not used through `confirm()`).
 * @slot footer - Buttons.
 * @csspart dialog - The dialog surface.
 * @csspart title - The heading.
 * @event close - The dialog closed.
 */
export class TimDialog extends TimBase {
  static override styles = [
    TimBase.styles,
    buttonStyles,
    strongButtonStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        border: 0;
        padding: var(--tim-space-5);
        border-radius: var(--tim-radius-l);
        background: var(--tim-color-surface-raised);
        color: var(--tim-color-text);
        box-shadow: var(--tim-shadow-raised);
        width: min(28rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        font: inherit;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      h2 {
        margin: 0 0 var(--tim-space-2);
        font-size: var(--tim-font-size-l);
      }
      p {
        margin: 0;
        color: var(--tim-color-text-muted);
        /* Korean and Chinese words stay whole; only unbreakable runs (URLs, IDs) may break anywhere. */
        word-break: keep-all;
        overflow-wrap: anywhere;
      }
      .footer {
        display: flex;
        justify-content: flex-end;
        flex-wrap: wrap;
        gap: var(--tim-space-2);
        margin-block-start: var(--tim-space-5);
      }
      .button.danger.primary {
        background: var(--tim-color-danger);
        color: var(--tim-color-on-accent);
      }
    `,
  ];

  /** The dialog's heading (also its accessible name). */
  @property() heading = '';
  @state() private confirmOptions: ConfirmOptions | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;
  #resolve: ((ok: boolean) => void) | undefined;
  #returnFocus: HTMLElement | null = null;
  /** Closes we asked for whose (asynchronous) close event has not arrived yet. */
  #expectedCloses = 0;

  /** Opens the dialog with its slotted content. */
  async show(): Promise<void> {
    this.#returnFocus = this.#deepActive();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  /** Asks a question; resolves true when confirmed, false when cancelled or dismissed. */
  confirm(options: ConfirmOptions): Promise<boolean> {
    this.#resolve?.(false);
    this.confirmOptions = options;
    const answer = new Promise<boolean>((resolve) => (this.#resolve = resolve));
    void this.show();
    return answer;
  }

  protected override render() {
    const c = this.confirmOptions;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onClose}>
      <h2 id="title" part="title">${c?.title ?? this.heading}</h2>
      ${c
        ? html`${c.text ? html`<p>${c.text}</p>` : nothing}
            <div class="footer">
              <button class="button" @click=${() => this.#answer(false)}>${c.cancelLabel}</button>
              <button class="button primary ${c.danger ? 'danger' : ''}" autofocus @click=${() => this.#answer(true)}>${c.confirmLabel}</button>
            </div>`
        : html`<slot></slot>
            <div class="footer"><slot name="footer"></slot></div>`}
    </dialog>`;
  }

  #answer(ok: boolean) {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#expectedCloses++;
    this.dialog.close();
    resolve?.(ok);
  }

  #onClose = () => {
    if (this.#expectedCloses > 0) {
      this.#expectedCloses--;
      // The close of an answered question: if a new question is already being asked, leave it be.
      if (this.#resolve) return;
    } else {
      // Dismissed (Escape): the question's answer is no.
      this.#resolve?.(false);
      this.#resolve = undefined;
    }
    this.confirmOptions = undefined;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
    this.dispatchEvent(new Event('close'));
  };

  #deepActive(): HTMLElement | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active as HTMLElement | null;
  }
}

define('tim-dialog', TimDialog);

declare global {
  interface HTMLElementTagNameMap {
    'tim-dialog': TimDialog;
  }
}
