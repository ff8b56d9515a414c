import type { ConversationID, MessageDraft } from '../core/index.js';
import type { TimBeforeEvent } from './before.js';

/**
 * `tim-before-send` (the seed's ChatLifeCycle `shouldSend`): fired by `<tim-chat>`'s composer for every
 * message the user is about to send (text, sticker, each attachment), after the kit's own checks and
 * before anything is shown or sent. `preventDefault()` vetoes the message (the text stays in the input);
 * `draft` and `cloudCustomData` are writable: the composer sends what the host leaves there.
 */
export interface TimBeforeSendDetail {
  readonly conversationID: ConversationID;
  /** The message to send (`type` + `payload`, and `atUserList` for text). Writable: replace or edit it. */
  draft: MessageDraft;
  /** Sent with the message (a quote lives here as `messageReply`). Writable. */
  cloudCustomData: string;
}

/**
 * `tim-before-edit`: fired when the user saves an edited message, before it is changed for everyone.
 * `preventDefault()` vetoes the edit (the edit stays open); `text` is writable.
 */
export interface TimBeforeEditDetail {
  readonly conversationID: ConversationID;
  readonly messageID: string;
  text: string;
}

export interface TimSendBeforeEventMap {
  'tim-before-send': TimBeforeEvent<TimBeforeSendDetail>;
  'tim-before-edit': TimBeforeEvent<TimBeforeEditDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends TimSendBeforeEventMap {}
}
