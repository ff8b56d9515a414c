/**
 * The store's state: normalised, immutable slices. A slice is replaced (new identity) only when its content
 * changed, so an element that selects a slice re-renders only when that slice changed.
 */
import type {
  ChatError,
  Conversation,
  ConversationID,
  Friend,
  FriendApplication,
  GroupID,
  GroupMember,
  GroupProfile,
  KickedOutReason,
  Message,
  NetState,
  UserID,
  UserProfile,
} from '../core/index.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A value loaded from the core, with its loading state. */
export interface Loadable<T> {
  readonly status: LoadStatus;
  readonly value: T;
  readonly error?: ChatError;
}

export type SessionStatus = 'loggedOut' | 'loggingIn' | 'ready' | 'kickedOut';

export interface SessionState {
  readonly status: SessionStatus;
  /** The logged-in user ('' when logged out). While kicked out: the user who was logged in. */
  readonly userID: UserID;
  readonly kickReason?: KickedOutReason;
  /** The last login failure. */
  readonly error?: ChatError;
}

/**
 * The loaded part of one conversation's history: a contiguous run of messages, sorted by
 * `compareMessages`, unique by ID.
 */
export interface MessageWindow {
  readonly conversationID: ConversationID;
  readonly messages: readonly Message[];
  readonly status: LoadStatus;
  readonly error?: ChatError;
  /** Older messages exist before the first one. */
  readonly hasOlder: boolean;
  /** Cursor for the next older page ('' when unknown or none). */
  readonly olderCursor: string;
  readonly loadingOlder: boolean;
  /** The window does not reach the newest message (opened around an older message). */
  readonly hasNewer: boolean;
  readonly loadingNewer: boolean;
  /** The message newer pages follow when it is not the window's last one: the end of the part loaded,
   *  when a message sent from an older part was added after a gap (its newest page could not be fetched). */
  readonly newerFrom?: string;
}

export interface GroupMembersState {
  readonly members: readonly GroupMember[];
  /** Next page offset; 0 when all are loaded. */
  readonly offset: number;
  readonly status: LoadStatus;
  readonly error?: ChatError;
}

export interface StoreState {
  readonly session: SessionState;
  readonly net: NetState;
  /** Pinned first, then last activity (the core's order). */
  readonly conversations: Loadable<readonly Conversation[]>;
  /** Unread across conversations, muted ones excluded. */
  readonly totalUnread: number;
  readonly windows: ReadonlyMap<ConversationID, MessageWindow>;
  /** Every profile the store has seen: self, friends, peers, group members. */
  readonly profiles: ReadonlyMap<UserID, UserProfile>;
  readonly friends: Loadable<ReadonlyMap<UserID, Friend>>;
  readonly blacklist: Loadable<readonly UserID[]>;
  readonly applications: Loadable<readonly FriendApplication[]>;
  readonly groups: ReadonlyMap<GroupID, GroupProfile>;
  readonly joinedGroups: Loadable<readonly GroupID[]>;
  readonly members: ReadonlyMap<GroupID, GroupMembersState>;
  /** Who is typing, per conversation. */
  readonly typing: ReadonlyMap<ConversationID, readonly UserID[]>;
  /** Online state of users the store was asked to watch. */
  readonly presence: ReadonlyMap<UserID, boolean>;
  /** Upload progress 0..1 of messages being sent. */
  readonly progress: ReadonlyMap<string, number>;
}

// One shared empty map: `new Map()` per slice would make every reset look like a change.
const EMPTY_MAP: ReadonlyMap<never, never> = new Map<never, never>();

export function initialState(): StoreState {
  return {
    session: { status: 'loggedOut', userID: '' },
    net: 'connected',
    conversations: { status: 'idle', value: [] },
    totalUnread: 0,
    windows: EMPTY_MAP,
    profiles: EMPTY_MAP,
    friends: { status: 'idle', value: EMPTY_MAP },
    blacklist: { status: 'idle', value: [] },
    applications: { status: 'idle', value: [] },
    groups: EMPTY_MAP,
    joinedGroups: { status: 'idle', value: [] },
    members: EMPTY_MAP,
    typing: EMPTY_MAP,
    presence: EMPTY_MAP,
    progress: EMPTY_MAP,
  };
}

/** A copy of `map` with `key` set (or deleted when `value` is undefined). */
export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): ReadonlyMap<K, V> {
  if (value === undefined ? !map.has(key) : map.get(key) === value) return map;
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
}
