/**
 * What travels between LocalCore instances over the BroadcastChannel. Frames are notifications, never
 * data: a receiver re-reads the records from IndexedDB (the commit happened before the post), so a late,
 * repeated or reordered frame can only ever show the current state.
 */
import type { ConversationID, GroupID, UserID } from '../types.js';
import type { StoredMessage } from './database.js';

/** The list snapshots a change makes stale. */
export type ListKind = 'conversations' | 'friends' | 'applications' | 'blacklist' | 'groups';

/** The result of one committed service operation, for every instance of the users it concerns. */
export interface Change {
  /** Users whose instances react; '*' is everyone. */
  to: UserID[] | '*';
  /** Messages created or changed (revoked, modified): receivers re-read them. */
  ids?: string[];
  /** `reader` read conversation `key` in (after, upto]: senders refresh isPeerRead / receipt counts. */
  read?: { key: string; reader: UserID; after: number; upto: number };
  /** Messages removed for the `to` user (delete for me, clear history, delete conversation). */
  deleted?: { conversationID: ConversationID; ids: string[] | 'all' };
  group?: { groupID: GroupID; changed: UserID[]; removed: UserID[] };
  profiles?: UserID[];
  lists?: ListKind[];
  /** Many messages arrived at once (bulk import): rebuild rather than update the search index. */
  reindex?: boolean;
}

export type Frame =
  | ({ k: 'change' } & Change)
  | { k: 'typing'; to: UserID; from: UserID; typing: boolean }
  /** An `onlineUserOnly` message: never stored, so the frame carries it. */
  | { k: 'online'; to: UserID[]; rec: StoredMessage }
  /** Heartbeat of an instance; `user` '' when it logged out or closed. */
  | { k: 'presence'; iid: string; user: UserID }
  /** "Who is online?": every logged-in instance answers with a heartbeat. */
  | { k: 'who' }
  | { k: 'login'; iid: string; user: UserID };

/** True when `change` concerns `userID`. */
export const concerns = (change: Change, userID: UserID): boolean => change.to === '*' || change.to.includes(userID);
