import type { ConversationID, Message } from '../core/index.js';
import type { TimBeforeEvent } from './before.js';

/**
 * The message actions of `<tim-chat>`: a cancelable `tim-before-*` event before each destructive or sending
 * action (`preventDefault()` vetoes it, and nothing happens), and `tim-message-action` when the user picks
 * an action the host added through `messageActions`.
 */

/** `tim-before-recall`: the user recalls a message (for everyone). */
export interface TimBeforeRecallDetail {
  readonly message: Message;
}

/** `tim-before-delete-message`: the user confirmed deleting messages for themselves. */
export interface TimBeforeDeleteMessageDetail {
  readonly messages: readonly Message[];
}

/** `tim-before-forward`: the user forwards messages to the conversations they picked. */
export interface TimBeforeForwardDetail {
  /** In the order of the conversation. */
  readonly messages: readonly Message[];
  readonly conversationIDs: readonly ConversationID[];
  /** One chat-record message per conversation (merged forward) rather than one message each. */
  readonly merged: boolean;
}

/** `tim-before-resend`: the user sends a failed message again. */
export interface TimBeforeResendDetail {
  readonly message: Message;
}

/** `tim-message-action`: the user picked one of the host's `messageActions` for a message. */
export class TimMessageActionEvent extends Event {
  readonly detail: { readonly action: string; readonly message: Message };
  constructor(action: string, message: Message) {
    super('tim-message-action', { bubbles: true, composed: true });
    this.detail = { action, message };
  }
}

export interface TimMessageEventMap {
  'tim-before-recall': TimBeforeEvent<TimBeforeRecallDetail>;
  'tim-before-delete-message': TimBeforeEvent<TimBeforeDeleteMessageDetail>;
  'tim-before-forward': TimBeforeEvent<TimBeforeForwardDetail>;
  'tim-before-resend': TimBeforeEvent<TimBeforeResendDetail>;
  'tim-message-action': TimMessageActionEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends TimMessageEventMap {}
}
