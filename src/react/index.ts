// GENERATED from custom-elements.json by scripts/generate-from-manifest.mjs. Do not edit.
/**
 * React wrappers for every tim-elements element (@lit/react): properties are props, events are
 * `on…` props, e.g. `<TimChat conversationId="C2Calice" onTimNavigate={(e) => route(e.detail)} />`. Objects such
 * as `core` are set as properties (`<TimProvider core={core}>`). Importing this module registers the tags.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { TimBeforeConversationActionEvent, TimBeforeEvent, TimConversationActionEvent, TimErrorEvent, TimMessageActionEvent, TimNavigateEvent, TimSessionEvent } from '../events/index.js';
import { TimAvatar as TimAvatarElement } from '../elements/shared/avatar.js';
import '../elements/shared/avatar.js';
import { TimChat as TimChatElement } from '../elements/chat/chat.js';
import '../elements/chat/define.js';
import { TimConversation as TimConversationElement } from '../elements/conversation/conversation.js';
import '../elements/conversation/define.js';
import { TimProfile as TimProfileElement } from '../elements/profile/profile.js';
import '../elements/profile/define.js';
import { TimProvider as TimProviderElement } from '../elements/provider/provider.js';
import '../elements/provider/define.js';
import { TimSearch as TimSearchElement } from '../elements/search/search.js';
import '../elements/search/define.js';
import { TimStatus as TimStatusElement } from '../elements/status/status.js';
import '../elements/status/define.js';
import { TimUnreadCount as TimUnreadCountElement } from '../elements/unread-count/unread-count.js';
import '../elements/unread-count/define.js';

/** A user or group avatar with a safe fallback. */
export const TimAvatar = createComponent({
  tagName: "tim-avatar",
  elementClass: TimAvatarElement,
  react: React,
  events: {
  },
});

/** A conversation's header and message history. */
export const TimChat = createComponent({
  tagName: "tim-chat",
  elementClass: TimChatElement,
  react: React,
  events: {
    /** The user asked for a profile, a group, search, or to go back. */
    onTimNavigate: "tim-navigate" as EventName<TimNavigateEvent>,
    /** Loading, resending or jumping to a message failed, or a message action did, or a part of the chat's code could not be loaded (code 2806: offline; the chat says so too). */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
    /** Before a message is recalled for everyone (`detail.message`); cancelable. */
    onTimBeforeRecall: "tim-before-recall" as EventName<TimBeforeEvent>,
    /** Before messages are deleted for the user, once confirmed (`detail.messages`); cancelable. */
    onTimBeforeDeleteMessage: "tim-before-delete-message" as EventName<TimBeforeEvent>,
    /** Before messages are forwarded (`detail.messages`, `detail.conversationIDs`, `detail.merged`); cancelable. */
    onTimBeforeForward: "tim-before-forward" as EventName<TimBeforeEvent>,
    /** Before a failed message is sent again (`detail.message`); cancelable. */
    onTimBeforeResend: "tim-before-resend" as EventName<TimBeforeEvent>,
    /** The user picked one of `messageActions` (`detail.action`, `detail.message`). */
    onTimMessageAction: "tim-message-action" as EventName<TimMessageActionEvent>,
    /** Before each message the user sends (text, sticker, each attachment): `preventDefault()` vetoes it (the text stays in the input); `detail.draft` and `detail.cloudCustomData` are writable (see `TimBeforeSendDetail`). */
    onTimBeforeSend: "tim-before-send" as EventName<TimBeforeEvent>,
    /** Before an edited message is saved for everyone; `detail.text` is writable. */
    onTimBeforeEdit: "tim-before-edit" as EventName<TimBeforeEvent>,
  },
});

/** The conversation list: live, virtualized, keyboard-operable, with per-conversation actions. */
export const TimConversation = createComponent({
  tagName: "tim-conversation",
  elementClass: TimConversationElement,
  react: React,
  events: {
    /** A conversation was chosen (`{ to: 'chat', conversationID }`), the open one was deleted (`{ to: 'conversations' }`), or the empty state's button was used (`{ to: 'search' }`). */
    onTimNavigate: "tim-navigate" as EventName<TimNavigateEvent>,
    /** Before a built-in action runs (and before its confirmation). Cancelable: veto it, or take it over. */
    onTimBeforeConversationAction: "tim-before-conversation-action" as EventName<TimBeforeConversationActionEvent>,
    /** One of the host's own `actions` was chosen. */
    onTimConversationAction: "tim-conversation-action" as EventName<TimConversationActionEvent>,
    /** An action failed, or the code of the row menu or the filter box could not be loaded (code 2806: offline); the list also says so. */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
  },
});

/** A user's or group's profile, the own profile editor, friend requests, block list and friends. */
export const TimProfile = createComponent({
  tagName: "tim-profile",
  elementClass: TimProfileElement,
  react: React,
  events: {
    /** The user asked to go back (`{to:'back'}`, the back button), to open a chat (`{to:'chat', conversationID}`), a profile (`{to:'profile', userID}`) or, after leaving or dismissing a group, the conversation list. */
    onTimNavigate: "tim-navigate" as EventName<TimNavigateEvent>,
    /** An action failed (with the service's code and a localised text), or the views' code could not be loaded (code 2806: offline; shown in place with Retry). */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
    /** Before sending a friend request; `detail.wording` and `detail.remark` are writable. */
    onTimBeforeAddFriend: "tim-before-add-friend" as EventName<TimBeforeEvent>,
    /** Before deleting a friend (after the user confirmed). */
    onTimBeforeDeleteFriend: "tim-before-delete-friend" as EventName<TimBeforeEvent>,
    /** Before saving a friend's remark. */
    onTimBeforeUpdateRemark: "tim-before-update-remark" as EventName<TimBeforeEvent>,
    /** Before adding a user to the block list (after the user confirmed). */
    onTimBeforeBlock: "tim-before-block" as EventName<TimBeforeEvent>,
    /** Before removing a user from the block list. */
    onTimBeforeUnblock: "tim-before-unblock" as EventName<TimBeforeEvent>,
    /** Before muting or unmuting a conversation's notifications. */
    onTimBeforeMute: "tim-before-mute" as EventName<TimBeforeEvent>,
    /** Before pinning or unpinning a conversation. */
    onTimBeforePin: "tim-before-pin" as EventName<TimBeforeEvent>,
    /** Before clearing a conversation's history (after the user confirmed). */
    onTimBeforeClearHistory: "tim-before-clear-history" as EventName<TimBeforeEvent>,
    /** Before accepting a friend request; `detail.remark` is writable. */
    onTimBeforeAcceptFriend: "tim-before-accept-friend" as EventName<TimBeforeEvent>,
    /** Before declining a friend request. */
    onTimBeforeRefuseFriend: "tim-before-refuse-friend" as EventName<TimBeforeEvent>,
    /** Before saving the own profile (`detail.patch`: the changed fields). */
    onTimBeforeUpdateProfile: "tim-before-update-profile" as EventName<TimBeforeEvent>,
    /** Before saving a group's name, introduction or notice. */
    onTimBeforeUpdateGroup: "tim-before-update-group" as EventName<TimBeforeEvent>,
    /** Before making a member an admin or a member again. */
    onTimBeforeSetAdmin: "tim-before-set-admin" as EventName<TimBeforeEvent>,
    /** Before muting (`seconds` > 0) or unmuting (0) a member. */
    onTimBeforeMuteMember: "tim-before-mute-member" as EventName<TimBeforeEvent>,
    /** Before removing a member (after the user confirmed). */
    onTimBeforeRemoveMember: "tim-before-remove-member" as EventName<TimBeforeEvent>,
    /** Before adding members to a group. */
    onTimBeforeInvite: "tim-before-invite" as EventName<TimBeforeEvent>,
    /** Before saving the own name card in a group. */
    onTimBeforeSetNameCard: "tim-before-set-name-card" as EventName<TimBeforeEvent>,
    /** Before making another member the owner (after the user confirmed). */
    onTimBeforeTransferOwner: "tim-before-transfer-owner" as EventName<TimBeforeEvent>,
    /** Before leaving a group (after the user confirmed). */
    onTimBeforeLeaveGroup: "tim-before-leave-group" as EventName<TimBeforeEvent>,
    /** Before dismissing a group (after the user confirmed). */
    onTimBeforeDismissGroup: "tim-before-dismiss-group" as EventName<TimBeforeEvent>,
  },
});

/** The context provider: core, store, locale and theme for the elements inside it. */
export const TimProvider = createComponent({
  tagName: "tim-provider",
  elementClass: TimProviderElement,
  react: React,
  events: {
    /** The login state changed (logged in, logged out, kicked out, ticket expired). */
    onTimSession: "tim-session" as EventName<TimSessionEvent>,
    /** The words of the UI language could not be fetched (scenario `locale`, code 2806): the elements stay in English. */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
  },
});

/** Global or in-conversation search of contacts, groups and messages. */
export const TimSearch = createComponent({
  tagName: "tim-search",
  elementClass: TimSearchElement,
  react: React,
  events: {
    /** The user opened a result (`chat` with `messageID`, `profile`, `group`) or went back. */
    onTimNavigate: "tim-navigate" as EventName<TimNavigateEvent>,
    /** A search failed (scenario `searchContacts` or `searchMessages`), or the body's code could not be loaded (`openSearch`, code 2806: offline; shown in place with Retry). */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
  },
});

/** Offline, connecting, kicked-out and expired-session states, with a way forward. */
export const TimStatus = createComponent({
  tagName: "tim-status",
  elementClass: TimStatusElement,
  react: React,
  events: {
    /** Logging in again failed. */
    onTimError: "tim-error" as EventName<TimErrorEvent>,
  },
});

/** Total unread badge (for tab bars and navigation). */
export const TimUnreadCount = createComponent({
  tagName: "tim-unread-count",
  elementClass: TimUnreadCountElement,
  react: React,
  events: {
  },
});
