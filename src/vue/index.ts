// GENERATED from custom-elements.json by scripts/generate-from-manifest.mjs. Do not edit.
/**
 * Vue GlobalComponents types for the tags: props (attributes and properties) and events, checked by
 * vue-tsc in templates (`:conversation-id` and `conversationId` alike, `@tim-navigate` gets a TimNavigateEvent).
 * Import once: `import 'tim-elements/vue';`. Tell Vue the tags are custom elements:
 * `compilerOptions: { isCustomElement: (tag) => tag.startsWith('tim-') }`, and bind objects as properties
 * (`:core.prop="core"`).
 */
import type { DefineComponent } from 'vue';
import type { TimBeforeConversationActionEvent, TimBeforeEvent, TimConversationActionEvent, TimErrorEvent, TimMessageActionEvent, TimNavigateEvent, TimSessionEvent } from '../events/index.js';
import type { TimChat } from '../elements/chat/chat.js';
import type { TimConversation } from '../elements/conversation/conversation.js';
import type { TimProvider } from '../elements/provider/provider.js';

declare module 'vue' {
  interface GlobalComponents {
    /** A user or group avatar with a safe fallback. */
    "tim-avatar": DefineComponent<{ "src"?: string; "name"?: string; "seed"?: string; "presence"?: 'online' | 'offline' | ''; "label"?: string }>;
    /** A conversation's header and message history. */
    "tim-chat": DefineComponent<{ "conversationId"?: string; "messageId"?: string; "noBack"?: boolean; "inlineSearch"?: boolean; "mapUrl"?: string; "messageActions"?: TimChat["messageActions"]; "onTimNavigate"?: (event: TimNavigateEvent) => void; "onTimError"?: (event: TimErrorEvent) => void; "onTimBeforeRecall"?: (event: TimBeforeEvent) => void; "onTimBeforeDeleteMessage"?: (event: TimBeforeEvent) => void; "onTimBeforeForward"?: (event: TimBeforeEvent) => void; "onTimBeforeResend"?: (event: TimBeforeEvent) => void; "onTimMessageAction"?: (event: TimMessageActionEvent) => void; "onTimBeforeSend"?: (event: TimBeforeEvent) => void; "onTimBeforeEdit"?: (event: TimBeforeEvent) => void }>;
    /** The conversation list: live, virtualized, keyboard-operable, with per-conversation actions. */
    "tim-conversation": DefineComponent<{ "activeConversationId"?: string; "filter"?: boolean; "label"?: string; "filterBy"?: TimConversation["filterBy"]; "sortBy"?: TimConversation["sortBy"]; "actions"?: TimConversation["actions"]; "onTimNavigate"?: (event: TimNavigateEvent) => void; "onTimBeforeConversationAction"?: (event: TimBeforeConversationActionEvent) => void; "onTimConversationAction"?: (event: TimConversationActionEvent) => void; "onTimError"?: (event: TimErrorEvent) => void }>;
    /** A user's or group's profile, the own profile editor, friend requests, block list and friends. */
    "tim-profile": DefineComponent<{ "userId"?: string; "groupId"?: string; "self"?: boolean; "mode"?: string; "sections"?: string; "noBack"?: boolean; "onTimNavigate"?: (event: TimNavigateEvent) => void; "onTimError"?: (event: TimErrorEvent) => void; "onTimBeforeAddFriend"?: (event: TimBeforeEvent) => void; "onTimBeforeDeleteFriend"?: (event: TimBeforeEvent) => void; "onTimBeforeUpdateRemark"?: (event: TimBeforeEvent) => void; "onTimBeforeBlock"?: (event: TimBeforeEvent) => void; "onTimBeforeUnblock"?: (event: TimBeforeEvent) => void; "onTimBeforeMute"?: (event: TimBeforeEvent) => void; "onTimBeforePin"?: (event: TimBeforeEvent) => void; "onTimBeforeClearHistory"?: (event: TimBeforeEvent) => void; "onTimBeforeAcceptFriend"?: (event: TimBeforeEvent) => void; "onTimBeforeRefuseFriend"?: (event: TimBeforeEvent) => void; "onTimBeforeUpdateProfile"?: (event: TimBeforeEvent) => void; "onTimBeforeUpdateGroup"?: (event: TimBeforeEvent) => void; "onTimBeforeSetAdmin"?: (event: TimBeforeEvent) => void; "onTimBeforeMuteMember"?: (event: TimBeforeEvent) => void; "onTimBeforeRemoveMember"?: (event: TimBeforeEvent) => void; "onTimBeforeInvite"?: (event: TimBeforeEvent) => void; "onTimBeforeSetNameCard"?: (event: TimBeforeEvent) => void; "onTimBeforeTransferOwner"?: (event: TimBeforeEvent) => void; "onTimBeforeLeaveGroup"?: (event: TimBeforeEvent) => void; "onTimBeforeDismissGroup"?: (event: TimBeforeEvent) => void }>;
    /** The context provider: core, store, locale and theme for the elements inside it. */
    "tim-provider": DefineComponent<{ "locale"?: string; "theme"?: 'light' | 'dark' | 'auto'; "core"?: TimProvider["core"]; "messageRenderers"?: TimProvider["messageRenderers"]; "urlSchemes"?: TimProvider["urlSchemes"]; "onTimSession"?: (event: TimSessionEvent) => void; "onTimError"?: (event: TimErrorEvent) => void }>;
    /** Global or in-conversation search of contacts, groups and messages. */
    "tim-search": DefineComponent<{ "conversationId"?: string; "keyword"?: string; "noBack"?: boolean; "onTimNavigate"?: (event: TimNavigateEvent) => void; "onTimError"?: (event: TimErrorEvent) => void }>;
    /** Offline, connecting, kicked-out and expired-session states, with a way forward. */
    "tim-status": DefineComponent<{ "onTimError"?: (event: TimErrorEvent) => void }>;
    /** Total unread badge (for tab bars and navigation). */
    "tim-unread-count": DefineComponent<{ "max"?: number; "showZero"?: boolean }>;
  }
}

export {};
