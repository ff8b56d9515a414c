// GENERATED from custom-elements.json by scripts/generate-from-manifest.mjs. Do not edit.
/**
 * JSX types for using the tags directly in React (attributes as strings, `ref` and `key`), e.g.
 * `<tim-chat conversation-id="C2Calice" />`. Import once: `import 'tim-elements/react/jsx';`.
 */
import type * as React from 'react';
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
      "tim-avatar": ElementProps<TimAvatar, { "src"?: string; "name"?: string; "seed"?: string; "presence"?: 'online' | 'offline' | ''; "label"?: string }>;
      /** A conversation's header and message history. */
      "tim-chat": ElementProps<TimChat, { "conversation-id"?: string; "message-id"?: string; "no-back"?: boolean; "inline-search"?: boolean; "map-url"?: string }>;
      /** The conversation list: live, virtualized, keyboard-operable, with per-conversation actions. */
      "tim-conversation": ElementProps<TimConversation, { "active-conversation-id"?: string; "filter"?: boolean; "label"?: string }>;
      /** A user's or group's profile, the own profile editor, friend requests, block list and friends. */
      "tim-profile": ElementProps<TimProfile, { "user-id"?: string; "group-id"?: string; "self"?: boolean; "mode"?: string; "sections"?: string }>;
      /** The context provider: core, store, locale and theme for the elements inside it. */
      "tim-provider": ElementProps<TimProvider, { "locale"?: string; "theme"?: 'light' | 'dark' | 'auto' }>;
      /** Global or in-conversation search of contacts, groups and messages. */
      "tim-search": ElementProps<TimSearch, { "conversation-id"?: string; "keyword"?: string; "no-back"?: boolean }>;
      /** Offline, connecting, kicked-out and expired-session states, with a way forward. */
      "tim-status": ElementProps<TimStatus, {  }>;
      /** Total unread badge (for tab bars and navigation). */
      "tim-unread-count": ElementProps<TimUnreadCount, { "max"?: number; "show-zero"?: boolean }>;
    }
  }
}

export {};
