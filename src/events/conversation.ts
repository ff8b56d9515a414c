import type { Conversation, ConversationID } from '../core/index.js';
import { TimBeforeEvent } from './before.js';

/** The conversation list's built-in actions. */
export type ConversationActionName = 'pin' | 'unpin' | 'mute' | 'unmute' | 'markRead' | 'markUnread' | 'clearHistory' | 'delete';

export interface ConversationActionDetail {
  /** Which action the user chose. */
  action: ConversationActionName;
  conversationID: ConversationID;
  /** The conversation as the list showed it (a snapshot: do not mutate). */
  conversation: Conversation;
}

/**
 * `tim-before-conversation-action`: the user chose a built-in action of the conversation list (pin, mute,
 * mark read/unread, clear history, delete). Cancelable: `preventDefault()` vetoes it, or lets the host
 * take it over (its own confirmation, a server call, an undo toast). Fired before the delete and clear
 * confirmations, so a host that takes over replaces those too.
 */
export class TimBeforeConversationActionEvent extends TimBeforeEvent<ConversationActionDetail> {
  static readonly eventName = 'tim-before-conversation-action';
  constructor(detail: ConversationActionDetail) {
    super(TimBeforeConversationActionEvent.eventName, detail);
  }
}

/** A host's own action for conversation menus (`<tim-conversation>.actions`). */
export interface ConversationActionDescriptor {
  /** Returned in `tim-conversation-action`. Must not clash with the built-in names. */
  id: string;
  /** The menu label, in the host's language (rendered as text). */
  label: string;
  /** Shown in the danger colour. */
  danger?: boolean;
  /** Offer the action only for conversations where this returns true (default: all). */
  when?: (conversation: Conversation) => boolean;
}

export interface ConversationCustomActionDetail {
  /** The descriptor's `id`. */
  action: string;
  conversationID: ConversationID;
  conversation: Conversation;
}

/** `tim-conversation-action`: the user chose one of the host's own actions on a conversation. */
export class TimConversationActionEvent extends Event {
  static readonly eventName = 'tim-conversation-action';
  readonly detail: ConversationCustomActionDetail;
  constructor(detail: ConversationCustomActionDetail) {
    super(TimConversationActionEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tim-before-conversation-action': TimBeforeConversationActionEvent;
    'tim-conversation-action': TimConversationActionEvent;
  }
}
