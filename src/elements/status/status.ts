import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { TimElement } from '../shared/tim-element.js';
import { buttonStyles } from '../../styles/shared.js';

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

  protected override render() {
    const session = this.#session.value;
    const net = this.#net.value;
    const t = this.t.common;
    if (!this.store) return html`<div part="banner" class="banner" role="status">${t.noProvider}</div>`;
    if (session?.status === 'kickedOut') {
      return html`<div part="banner" class="banner alert" role="alert">
        <span class="text">${t.kicked[session.kickReason ?? 'multipleAccount']}</span>
        <button part="action" class="action" ?disabled=${this.busy} @click=${this.relogin}>${t.loginAgain}</button>
      </div>`;
    }
    if (session?.status === 'loggedOut') return html`<div part="banner" class="banner" role="status">${t.loggedOut}</div>`;
    if (net === 'disconnected') return html`<div part="banner" class="banner alert" role="status">${t.offline}</div>`;
    if (net === 'connecting') return html`<div part="banner" class="banner" role="status">${t.connecting}</div>`;
    return nothing;
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
