/**
 * `<tim-chat>`'s jumps, a lazy chunk loaded with the first of them or the first time the reader leaves the
 * bottom of the history: to a message (`message-id`, `scrollToMessage()`, a quote, a hit of the find bar),
 * which is then highlighted for a moment, and the pill that shows away from the bottom ("N new messages"
 * with the count of @-mentions among them, or just the way to the latest), which jumps to the first new
 * message or to the latest. The chat decides when the pill shows and keeps the unseen messages and the tab
 * stop (it hands over how to move it); the pill, the highlight and their styles live here.
 */
import { css, html, nothing, provideSourceArea, AT_ALL } from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type { ConversationID } from '../../core/types.js';
import jumpStrings from '../../i18n/en/jumps.js';
import type { Catalog } from '../../i18n/index.js';
import type { TimChat } from './chat.js';

const HIGHLIGHT_MS = 3000;

/** The pill, and the flash of the message jumped to. */
export const jumpStyles = css`
.jump{position:absolute;inset-block-end:var(--tim-space-3);inset-inline-end:var(--tim-space-4);display:flex;align-items:center;gap:var(--tim-space-2);min-block-size:2.5rem;min-inline-size:2.5rem;justify-content:center;padding:0 var(--tim-space-3);border-radius:var(--tim-radius-round);background:var(--tim-color-surface-raised);border:1px solid var(--tim-color-border);box-shadow:var(--tim-shadow-raised);font-size:var(--tim-font-size-s);font-weight:600}
.jump svg{inline-size:1.2rem;block-size:1.2rem}
.mentions{color:var(--tim-color-on-badge);background:var(--tim-color-badge);border-radius:var(--tim-radius-round);padding:0 var(--tim-space-2)}
.highlight .bubble,.highlight .tip{box-shadow:0 0 0 3px var(--tim-color-highlight);animation:tim-flash 1s ease-out 2}
@keyframes tim-flash{50%{box-shadow:0 0 0 6px var(--tim-color-highlight)}}
@media (prefers-reduced-motion:reduce){.highlight .bubble,.highlight .tip{animation:none}}
`;

/** What the chat hands over besides itself. */
export interface JumpHost {
  /** The chat's strings (in its locale). */
  strings(): Catalog;
  /** Makes the message the history's tab stop (without moving the focus). */
  focus(messageID: string): void;
  /** Reports an error (`tim-error`). */
  report(error: unknown, scenario: string): unknown;
}

/** Attaches the jumps to a chat (once): their styles in the chat's shadow root; the chat renders again
 *  (for the pill it may be waiting for). */
export function attachJumps(chat: TimChat, host: JumpHost): Jumps {
  // The English strings travel with this chunk, not in the initial bundle.
  provideSourceArea('jumps', jumpStrings);
  const root = chat.renderRoot as ShadowRoot;
  if (jumpStyles.styleSheet && !root.adoptedStyleSheets.includes(jumpStyles.styleSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, jumpStyles.styleSheet];
  }
  chat.requestUpdate();
  return new Jumps(chat, host);
}

/** @internal The jumps of one `<tim-chat>` (see the module comment). */
export class Jumps {
  /** The message last jumped to, highlighted for a while ('' when none). */
  highlighted = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly chat: TimChat,
    readonly host: JumpHost,
  ) {}

  /** `TimChat.scrollToMessage()`: opens the history around the message and highlights it. */
  async toMessage(messageID: string): Promise<boolean> {
    const chat = this.chat;
    const store = chat.store;
    const id = chat.conversationId as ConversationID;
    if (!store || !id || !messageID) return false;
    try {
      await store.openAround(id, messageID);
    } catch (error) {
      this.host.report(error, 'scrollToMessage');
      return false;
    }
    if (id !== chat.conversationId) return false;
    this.#highlight(messageID);
    this.host.focus(messageID);
    chat.requestUpdate();
    await chat.updateComplete;
    chat.list.scrollToKey(messageID, 'center');
    return true;
  }

  /** The pill: "N new messages" (and how many of them mention the user) or just the way to the latest. */
  pill() {
    const chat = this.chat;
    const t = this.host.strings().jumps;
    const unseen = chat.unseen.length;
    const me = chat.store?.state.session.userID ?? '';
    const mentions = chat.unseen.filter((m) => m.atUserList.includes(AT_ALL) || m.atUserList.includes(me)).length;
    return html`<button class="jump" part="new-messages" aria-label=${unseen ? t.newMessages(unseen) : t.latest} @click=${() => void this.down()}>
      ${unseen ? html`<span>${t.newMessages(unseen)}</span>` : nothing}
      ${mentions ? html`<span class="mentions" title=${t.mentions(mentions)}>@ ${mentions}</span>` : nothing}
      ${icon('chevronDown')}
    </button>`;
  }

  /** The pill's jump: to the first new message when it is loaded, else to the latest (reloading the live end). */
  async down(): Promise<void> {
    const chat = this.chat;
    const first = chat.unseen[0];
    if (first && chat.list.scrollToKey(first.ID, 'start')) {
      this.host.focus(first.ID);
      return;
    }
    const id = chat.conversationId as ConversationID;
    if (chat.store?.state.windows.get(id)?.hasNewer) {
      try {
        await chat.store.openConversation(id, { reload: true });
      } catch (error) {
        this.host.report(error, 'openConversation');
        return;
      }
      await chat.updateComplete;
    }
    chat.unseen = [];
    chat.list.scrollToBottom();
  }

  #highlight(messageID: string): void {
    clearTimeout(this.#timer);
    this.highlighted = messageID;
    this.#timer = setTimeout(() => {
      this.highlighted = '';
      // Not on a chat taken out of the page (an update would open its conversation again).
      if (this.chat.isConnected) this.chat.requestUpdate();
    }, HIGHLIGHT_MS);
  }
}
