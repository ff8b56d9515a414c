import type { ConversationID, GroupID, UserID } from '../core/index.js';

/**
 * Where a user asked to go. Small and URL-serialisable, so a host can turn it into a route.
 * The elements never route themselves.
 */
export type TimNavigateIntent =
  | { to: 'chat'; conversationID: ConversationID; messageID?: string }
  | { to: 'profile'; userID: UserID }
  | { to: 'group'; groupID: GroupID }
  | { to: 'search'; conversationID?: ConversationID }
  | { to: 'conversations' }
  | { to: 'back' };

/**
 * `tim-navigate`: the user asked to open something. Cancelable: `preventDefault()` tells the emitting
 * element the host will not navigate (it then keeps its own state).
 */
export class TimNavigateEvent extends Event {
  static readonly eventName = 'tim-navigate';
  readonly detail: TimNavigateIntent;
  constructor(detail: TimNavigateIntent) {
    super(TimNavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tim-navigate': TimNavigateEvent;
  }
}
