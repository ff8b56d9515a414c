import type { ConversationID, GroupID, GroupProfilePatch, ProfilePatch, UserID } from '../core/index.js';
import type { TimBeforeEvent } from './before.js';

/**
 * The veto hooks of `<tim-profile>` (the seed's ProfileLifeCycle: shouldAddFriend, shouldDeleteFriend,
 * shouldAddToBlockList, and the same for every other action of the element). Each is a cancelable
 * `TimBeforeEvent` fired when the user confirmed the action and before the store is asked to do it:
 * `preventDefault()` vetoes it (the element then leaves everything as it was).
 */
export interface TimProfileBeforeDetails {
  /** `wording` (the verification message) and `remark` are writable: the element sends what the host leaves there. */
  'tim-before-add-friend': { userID: UserID; wording: string; remark: string };
  'tim-before-delete-friend': { userID: UserID };
  'tim-before-update-remark': { userID: UserID; remark: string };
  'tim-before-block': { userID: UserID };
  'tim-before-unblock': { userID: UserID };
  /** `muted: true` = receive without notifications (`AcceptNotNotify`). */
  'tim-before-mute': { conversationID: ConversationID; muted: boolean };
  'tim-before-pin': { conversationID: ConversationID; pinned: boolean };
  'tim-before-clear-history': { conversationID: ConversationID };
  /** `remark` is writable. */
  'tim-before-accept-friend': { userID: UserID; remark: string };
  'tim-before-refuse-friend': { userID: UserID };
  /** The fields the user changed (only those). */
  'tim-before-update-profile': { patch: ProfilePatch };
  /** The fields of the group the user changed (only those). */
  'tim-before-update-group': { groupID: GroupID; patch: GroupProfilePatch };
  'tim-before-set-admin': { groupID: GroupID; userID: UserID; admin: boolean };
  /** `seconds = 0` unmutes. */
  'tim-before-mute-member': { groupID: GroupID; userID: UserID; seconds: number };
  'tim-before-remove-member': { groupID: GroupID; userID: UserID };
  'tim-before-invite': { groupID: GroupID; userIDs: UserID[] };
  'tim-before-set-name-card': { groupID: GroupID; userID: UserID; nameCard: string };
  'tim-before-transfer-owner': { groupID: GroupID; userID: UserID };
  'tim-before-leave-group': { groupID: GroupID };
  'tim-before-dismiss-group': { groupID: GroupID };
}

export type TimProfileBeforeType = keyof TimProfileBeforeDetails;

/** Every `tim-before-*` event `<tim-profile>` fires, by name. */
export type TimProfileBeforeEventMap = { [K in TimProfileBeforeType]: TimBeforeEvent<TimProfileBeforeDetails[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends TimProfileBeforeEventMap {}
}
