import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { TimElement } from '../shared/tim-element.js';
import { buttonStyles } from '../../styles/shared.js';

/** The last state said for each store (by one of its status lines). */
const spoken = new WeakMap<object, string>();

/**
 * The connection and session line: nothing while all is well; "Network unavailable" while offline,
 * "Connecting…" while reconnecting; "You logged in somewhere else" or "Your session expired" with a
 * "Log in again" button after a kick-out; "You are logged out" after logout. Every kit element shows it
 * above its content; hosts may place it anywhere too.
 *
 * @tagname tim-status
 * @summary Offline, connecting, kicked-out and expired-session states, with a way forward.
 * @csspart banner - The status line.
 * @csspart action - The "Log in again" button.
 * @event {TimErrorEvent} tim-error - Logging in again failed.
 */
export class TimStatus extends TimElement {
  static override styles = [
    TimElement.styles,
    buttonStyles,
    css`
      .banner {
        display: flex;
        align-items: center;
        gap: var(--tim-space-2);
        padding: var(--tim-space-2) var(--tim-space-3);
        font-size: var(--tim-font-size-s);
        background: var(--tim-color-surface);
        color: var(--tim-color-text-muted);
        border-block-end: 1px solid var(--tim-color-border);
      }
      .banner.alert {
        color: var(--tim-color-warning);
      }
      .text {
        flex: 1;
      }
      .action {
        color: var(--tim-color-accent);
        font-weight: 600;
      }
    `,
  ];

  #session = this.select((s) => s.session);
  #net = this.select((s) => s.net);
  @state() private busy = false;

  /** What this line says in its live region (see `render`). */
  #said = '';

  protected override render() {
    const session = this.#session.value;
    const net = this.#net.value;
    const t = this.t.common;
    const store = this.store;
    if (!store) return html`<div part="banner" class="banner" role="status">${t.noProvider}</div>`;
    const kicked = session?.status === 'kickedOut' && t.kicked[session.kickReason ?? 'multipleAccount'];
    const line = kicked || (session?.status === 'loggedOut' ? t.loggedOut : net === 'disconnected' ? t.offline : net === 'connecting' ? t.connecting : '');
    // Said by a live region that is always there (one inserted with its words is not said by most screen
    // readers), and once per page: of the lines of a store (the list's, the chat's…), the first to draw a new
    // state says it, the others stay silent. A kick-out is said by its banner, an alert (said when inserted),
    // in the line that says it: the other lines show the same banner, without the role.
    if (spoken.get(store) !== line) {
      spoken.set(store, line);
      this.#said = line;
    } else if (this.#said !== line) {
      this.#said = '';
    }
    return html`${kicked
        ? html`<div part="banner" class="banner alert" role=${this.#said ? 'alert' : nothing}>
            <span class="text">${kicked}</span>
            <button part="action" class="action" ?disabled=${this.busy} @click=${this.relogin}>${t.loginAgain}</button>
          </div>`
        : line
          ? html`<div part="banner" class="banner ${line === t.offline ? 'alert' : ''}">${line}</div>`
          : nothing}
      <div class="visually-hidden" role="status">${kicked ? '' : this.#said}</div>`;
  }

  private relogin = async () => {
    const store = this.store;
    const userID = this.#session.value?.userID;
    if (!store || !userID) return;
    this.busy = true;
    try {
      await store.login(userID);
    } catch (error) {
      this.reportError(error, 'login');
    } finally {
      this.busy = false;
    }
  };
}
