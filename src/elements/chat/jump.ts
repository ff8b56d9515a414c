/**
 * `<tim-chat>`'s jumps, a lazy chunk loaded with the first of them: to a message (`message-id`,
 * `scrollToMessage()`, a quote, a hit of the find bar), which is then highlighted for a moment, and the
 * "N new messages" pill's jump to the first new message or to the latest. The chat keeps the tab stop (it
 * hands over how to move it) and the unseen messages; the highlight and its styles live here.
 */
import { css } from 'lit';
import type { ConversationID } from '../../core/types.js';
import type { TimChat } from './chat.js';

const HIGHLIGHT_MS = 3000;

/** The flash of the message jumped to. */
export const jumpStyles = css`
.highlight .bubble,.highlight .tip{box-shadow:0 0 0 3px var(--tim-color-highlight);animation:tim-flash 1s ease-out 2}
@keyframes tim-flash{50%{box-shadow:0 0 0 6px var(--tim-color-highlight)}}
@media (prefers-reduced-motion:reduce){.highlight .bubble,.highlight .tip{animation:none}}
`;

/** What the chat hands over besides itself. */
export interface JumpHost {
  /** Makes the message the history's tab stop (without moving the focus). */
  focus(messageID: string): void;
  /** Reports an error (`tim-error`). */
  report(error: unknown, scenario: string): unknown;
}

/** Attaches the jumps to a chat (once): their styles in the chat's shadow root. */
export function attachJumps(chat: TimChat, host: JumpHost): Jumps {
  const root = chat.renderRoot as ShadowRoot;
  if (jumpStyles.styleSheet && !root.adoptedStyleSheets.includes(jumpStyles.styleSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, jumpStyles.styleSheet];
  }
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

  /** The pill: to the first new message when it is loaded, else to the latest (reloading the live end). */
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
