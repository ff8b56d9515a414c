// GENERATED from custom-elements.json by scripts/generate-from-manifest.mjs. Do not edit.
/**
 * JSX types for using the tags directly in React, e.g. `<tim-chat conversation-id="C2Calice" />`: attributes,
 * and for React 19 (which sets known properties and listens to `on<event-name>` on custom elements) the
 * writable properties (`core={core}`) and events (`ontim-navigate={(e) => …}`, typed with the event class).
 * Import once: `import 'tim-elements/react/jsx';`. The wrappers in `tim-elements/react` work with any React.
 */
import type * as React from 'react';
import type { TimBeforeConversationActionEvent, TimBeforeEvent, TimConversationActionEvent, TimErrorEvent, TimMessageActionEvent, TimNavigateEvent, TimSessionEvent } from '../events/index.js';
import type { TimAvatar } from '../elements/shared/avatar.js';
import type { TimChat } from '../elements/chat/chat.js';
import type { TimConversation } from '../elements/conversation/conversation.js';
import type { TimProfile } from '../elements/profile/profile.js';
import type { TimProvider } from '../elements/provider/provider.js';
import type { TimSearch } from '../elements/search/search.js';
import type { TimStatus } from '../elements/status/status.js';
import type { TimUnreadCount } from '../elements/unread-count/unread-count.js';

type ElementProps<E, A> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> & Partial<A> & { class?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** A user or group avatar with a safe fallback. */
      "tim-avatar": ElementProps<TimAvatar, { "src"?: string; "name"?: string; "seed"?: string; "presence"?: 'online' | 'offline' | ''; "label"?: string } & Pick<TimAvatar, "src" | "name" | "seed" | "presence" | "label">>;
      /** A conversation's header and message history. */
      "tim-chat": ElementProps<TimChat, { "conversation-id"?: string; "message-id"?: string; "no-back"?: boolean; "inline-search"?: boolean; "map-url"?: string; "ontim-navigate"?: (event: TimNavigateEvent) => void; "ontim-error"?: (event: TimErrorEvent) => void; "ontim-before-recall"?: (event: TimBeforeEvent) => void; "ontim-before-delete-message"?: (event: TimBeforeEvent) => void; "ontim-before-forward"?: (event: TimBeforeEvent) => void; "ontim-before-resend"?: (event: TimBeforeEvent) => void; "ontim-message-action"?: (event: TimMessageActionEvent) => void; "ontim-before-send"?: (event: TimBeforeEvent) => void; "ontim-before-edit"?: (event: TimBeforeEvent) => void } & Pick<TimChat, "conversationId" | "messageId" | "noBack" | "inlineSearch" | "mapUrl" | "messageActions">>;
      /** The conversation list: live, virtualized, keyboard-operable, with per-conversation actions. */
      "tim-conversation": ElementProps<TimConversation, { "active-conversation-id"?: string; "filter"?: boolean; "label"?: string; "ontim-navigate"?: (event: TimNavigateEvent) => void; "ontim-before-conversation-action"?: (event: TimBeforeConversationActionEvent) => void; "ontim-conversation-action"?: (event: TimConversationActionEvent) => void; "ontim-error"?: (event: TimErrorEvent) => void } & Pick<TimConversation, "activeConversationId" | "filter" | "label" | "filterBy" | "sortBy" | "actions">>;
      /** A user's or group's profile, the own profile editor, friend requests, block list and friends. */
      "tim-profile": ElementProps<TimProfile, { "user-id"?: string; "group-id"?: string; "self"?: boolean; "mode"?: string; "sections"?: string; "no-back"?: boolean; "ontim-navigate"?: (event: TimNavigateEvent) => void; "ontim-error"?: (event: TimErrorEvent) => void; "ontim-before-add-friend"?: (event: TimBeforeEvent) => void; "ontim-before-delete-friend"?: (event: TimBeforeEvent) => void; "ontim-before-update-remark"?: (event: TimBeforeEvent) => void; "ontim-before-block"?: (event: TimBeforeEvent) => void; "ontim-before-unblock"?: (event: TimBeforeEvent) => void; "ontim-before-mute"?: (event: TimBeforeEvent) => void; "ontim-before-pin"?: (event: TimBeforeEvent) => void; "ontim-before-clear-history"?: (event: TimBeforeEvent) => void; "ontim-before-accept-friend"?: (event: TimBeforeEvent) => void; "ontim-before-refuse-friend"?: (event: TimBeforeEvent) => void; "ontim-before-update-profile"?: (event: TimBeforeEvent) => void; "ontim-before-update-group"?: (event: TimBeforeEvent) => void; "ontim-before-set-admin"?: (event: TimBeforeEvent) => void; "ontim-before-mute-member"?: (event: TimBeforeEvent) => void; "ontim-before-remove-member"?: (event: TimBeforeEvent) => void; "ontim-before-invite"?: (event: TimBeforeEvent) => void; "ontim-before-set-name-card"?: (event: TimBeforeEvent) => void; "ontim-before-transfer-owner"?: (event: TimBeforeEvent) => void; "ontim-before-leave-group"?: (event: TimBeforeEvent) => void; "ontim-before-dismiss-group"?: (event: TimBeforeEvent) => void } & Pick<TimProfile, "userId" | "groupId" | "self" | "mode" | "sections" | "noBack">>;
      /** The context provider: core, store, locale and theme for the elements inside it. */
      "tim-provider": ElementProps<TimProvider, { "locale"?: string; "theme"?: 'light' | 'dark' | 'auto'; "ontim-session"?: (event: TimSessionEvent) => void; "ontim-error"?: (event: TimErrorEvent) => void } & Pick<TimProvider, "core" | "locale" | "theme" | "messageRenderers" | "urlSchemes">>;
      /** Global or in-conversation search of contacts, groups and messages. */
      "tim-search": ElementProps<TimSearch, { "conversation-id"?: string; "keyword"?: string; "no-back"?: boolean; "ontim-navigate"?: (event: TimNavigateEvent) => void; "ontim-error"?: (event: TimErrorEvent) => void } & Pick<TimSearch, "conversationId" | "keyword" | "noBack">>;
      /** Offline, connecting, kicked-out and expired-session states, with a way forward. */
      "tim-status": ElementProps<TimStatus, { "ontim-error"?: (event: TimErrorEvent) => void }>;
      /** Total unread badge (for tab bars and navigation). */
      "tim-unread-count": ElementProps<TimUnreadCount, { "max"?: number; "show-zero"?: boolean } & Pick<TimUnreadCount, "max" | "showZero">>;
    }
  }
}

export {};
