/**
 * Derived values every element shows the same way: display names and avatars. One rule each, here, so a
 * rename shows everywhere at once.
 */
import { parseConversationID, type Conversation, type GroupID, type UserID } from '../core/index.js';
import type { StoreState } from './state.js';

/** A user's name for the logged-in user: friend remark > nick > userID (Tencent's rule). */
export function userShowName(state: StoreState, userID: UserID): string {
  return state.friends.value.get(userID)?.remark || state.profiles.get(userID)?.nick || userID;
}

/** A member's name inside a group: friend remark > group name card > nick > userID. */
export function memberShowName(state: StoreState, groupID: GroupID, userID: UserID, nickAtSend = ''): string {
  const card = state.members.get(groupID)?.members.find((m) => m.userID === userID)?.nameCard;
  return state.friends.value.get(userID)?.remark || card || state.profiles.get(userID)?.nick || nickAtSend || userID;
}

export function userAvatar(state: StoreState, userID: UserID): string {
  return state.profiles.get(userID)?.avatar ?? '';
}

/** C2C: remark > nick > userID; group: name > groupID. */
export function conversationShowName(state: StoreState, conversation: Pick<Conversation, 'conversationID' | 'remark' | 'groupProfile' | 'userProfile'>): string {
  const target = parseConversationID(conversation.conversationID);
  if (target?.type === 'GROUP') {
    return state.groups.get(target.targetID)?.name || conversation.groupProfile?.name || target.targetID;
  }
  if (target?.type === 'C2C') {
    return (
      state.friends.value.get(target.targetID)?.remark ||
      conversation.remark ||
      state.profiles.get(target.targetID)?.nick ||
      conversation.userProfile?.nick ||
      target.targetID
    );
  }
  return conversation.conversationID;
}

export function conversationAvatar(state: StoreState, conversation: Pick<Conversation, 'conversationID' | 'groupProfile' | 'userProfile'>): string {
  const target = parseConversationID(conversation.conversationID);
  if (target?.type === 'GROUP') return state.groups.get(target.targetID)?.avatar || conversation.groupProfile?.avatar || '';
  if (target?.type === 'C2C') return state.profiles.get(target.targetID)?.avatar || conversation.userProfile?.avatar || '';
  return '';
}

/** The relationship of the logged-in user to another user. */
export type Relationship = 'self' | 'friend' | 'blocked' | 'pending' | 'stranger';

export function relationshipOf(state: StoreState, userID: UserID): Relationship {
  if (userID === state.session.userID) return 'self';
  if (state.blacklist.value.includes(userID)) return 'blocked';
  if (state.friends.value.has(userID)) return 'friend';
  if (state.applications.value.some((a) => a.userID === userID && a.type === 'Pendency_Type_SendOut')) return 'pending';
  return 'stranger';
}
