import { css, html, nothing, property, query, state, TimBase, buttonStyles, define } from './first-screen.js';
import { icon, type IconName } from './all-icons.js';

export interface MenuItem {
  /** Returned in `tim-menu-select`. */
  id: string;
  label: string;
  icon?: IconName;
  /** Shown in the danger colour (delete, block…). */
  danger?: boolean;
  disabled?: boolean;
}

/** `tim-menu-select`: an item was chosen. Stays inside the element that owns the menu (not composed). */
export class TimMenuSelectEvent extends Event {
  readonly id: string;
  constructor(id: string) {
    super('tim-menu-select', { bubbles: true, composed: false });
    this.id = id;
  }
}

/**
 * A menu of actions (context menus, overflow menus) in the top layer: opens at a point or below an anchor,
 * clamped to the viewport. Arrow keys, Home, End and typeahead move; Enter or Space chooses; Escape, Tab or
 * a press outside closes. Focus goes back to where it was.
 *
 * The popover is `manual`, with this light dismissal of its own: an `auto` popover is dismissed by the
 * release of a press outside it, and on Linux and macOS a context menu opens on the right button's press,
 * so the release of that same press closed the menu it had just opened (whenever it opened without
 * waiting, that is from the second time on).
 *
 * @tagname tim-menu
 * @summary A keyboard-operable action menu (internal building block).
 * @csspart menu - The menu surface.
 * @csspart item - Each action.
 * @event {TimMenuSelectEvent} tim-menu-select - An item was chosen (not composed: for the owning element).
 * @event close - The menu closed.
 */
export class TimMenu extends TimBase {
  static override styles = [
    TimBase.styles,
    buttonStyles,
    css`
      :host {
        display: contents;
      }
      [popover] {
        margin: 0;
        padding: var(--tim-space-1);
        min-width: 11rem;
        max-width: min(20rem, 100vw - 1rem);
        border: 1px solid var(--tim-color-border);
        border-radius: var(--tim-radius-m);
        background: var(--tim-color-surface-raised);
        color: var(--tim-color-text);
        box-shadow: var(--tim-shadow-raised);
        font: inherit;
        position: fixed;
        inset: auto;
      }
      [role='menuitem'] {
        display: flex;
        align-items: center;
        gap: var(--tim-space-2);
        width: 100%;
        padding: var(--tim-space-2) var(--tim-space-3);
        border-radius: var(--tim-radius-s);
        text-align: start;
        font-size: var(--tim-font-size-m);
      }
      [role='menuitem']:hover:not(:disabled),
      [role='menuitem']:focus-visible {
        background: var(--tim-color-hover);
      }
      /* The shared focus ring, drawn inside the item (the hover tint alone is too faint to follow with the keyboard). */
      [role='menuitem']:focus-visible {
        outline-offset: -2px;
      }
      [role='menuitem'] svg {
        width: 1.1em;
        height: 1.1em;
        color: var(--tim-color-text-muted);
        flex: none;
      }
      .danger,
      .danger svg {
        color: var(--tim-color-danger);
      }
    `,
  ];

  /** The actions. */
  @property({ attribute: false }) items: readonly MenuItem[] = [];
  /** Accessible name of the menu. */
  @property() label = '';
  @state() private open = false;
  @query('[popover]') private surface!: HTMLElement;
  #returnFocus: HTMLElement | null = null;
  #position = { x: 0, y: 0 };

  /** Opens the menu with its top-start corner at a point (a context menu). */
  showAt(x: number, y: number, returnFocus: HTMLElement | null = null): void {
    this.#position = { x, y };
    this.#show(returnFocus);
  }

  /** Opens the menu below an element (an overflow button); focus returns to `returnFocus` (default the anchor). */
  showFor(anchor: HTMLElement, returnFocus: HTMLElement | null = anchor): void {
    const r = anchor.getBoundingClientRect();
    const rtl = getComputedStyle(anchor).direction === 'rtl';
    this.#position = { x: rtl ? r.left : r.right, y: r.bottom + 4 };
    this.#show(returnFocus, !rtl);
  }

  close(): void {
    if (!this.open) return;
    this.surface.hidePopover();
    // At once, not at the (later) toggle event: a press that closes this menu may open the next one.
    this.#closed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pointerdown', this.#onPressOutside, true);
  }

  /** A press anywhere outside the menu closes it (before the press acts, as menus do). */
  #onPressOutside = (e: Event) => {
    if (!e.composedPath().includes(this.surface)) this.close();
  };

  #alignEnd = false;

  async #show(returnFocus: HTMLElement | null, alignEnd = false) {
    this.#returnFocus = returnFocus ?? (this.#deepActive() as HTMLElement | null);
    this.#alignEnd = alignEnd;
    this.open = true;
    await this.updateComplete;
    const p = this.surface;
    p.showPopover();
    addEventListener('pointerdown', this.#onPressOutside, true);
    const { width, height } = p.getBoundingClientRect();
    let x = this.#alignEnd ? this.#position.x - width : this.#position.x;
    let y = this.#position.y;
    x = Math.max(8, Math.min(x, innerWidth - width - 8));
    if (y + height > innerHeight - 8) y = Math.max(8, y - height);
    p.style.left = `${x}px`;
    p.style.top = `${y}px`;
    this.#items()[0]?.focus();
  }

  protected override render() {
    if (!this.open) return nothing;
    return html`<div
      popover="manual"
      part="menu"
      role="menu"
      aria-label=${this.label || nothing}
      @toggle=${this.#onToggle}
      @keydown=${this.#onKey}
    >
      ${this.items.map(
        (item) => html`<button
          part="item"
          role="menuitem"
          class=${item.danger ? 'danger' : ''}
          ?disabled=${item.disabled}
          tabindex="-1"
          data-id=${item.id}
          @click=${() => this.#choose(item)}
        >
          ${item.icon ? icon(item.icon) : nothing}<span>${item.label}</span>
        </button>`,
      )}
    </div>`;
  }

  #items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
  }

  #choose(item: MenuItem) {
    if (item.disabled) return;
    // The choice first: owners act on it when the menu says it closed.
    this.dispatchEvent(new TimMenuSelectEvent(item.id));
    this.close();
  }

  /** Hidden by someone else than `close()` (the browser). A late toggle event of a surface `close()` already
   *  hid (and the render replaced) must not close the menu opened since. */
  #onToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'closed' && this.open && e.target === this.surface && !this.surface.matches(':popover-open')) this.#closed();
  };

  #closed(): void {
    removeEventListener('pointerdown', this.#onPressOutside, true);
    this.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
    this.dispatchEvent(new Event('close'));
  }

  #onKey = (e: KeyboardEvent) => {
    const items = this.#items();
    const current = items.indexOf(this.#deepActive() as HTMLButtonElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Tab':
        this.close();
        return;
      case 'Escape':
        // Closing the menu is all this Escape does (not also cancelling a quote in the chat around it).
        e.stopPropagation();
        this.close();
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLocaleLowerCase();
          const order = [...items.slice(current + 1), ...items.slice(0, current + 1)];
          order.find((b) => b.textContent?.trim().toLocaleLowerCase().startsWith(k))?.focus();
          break;
        }
        return;
    }
    e.preventDefault();
  };

  #deepActive(): Element | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }
}

define('tim-menu', TimMenu);

declare global {
  interface HTMLElementTagNameMap {
    'tim-menu': TimMenu;
  }
}
