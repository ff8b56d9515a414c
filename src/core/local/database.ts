/**
 * The IndexedDB "server" of LocalCore: its schema, its records and the one transaction helper.
 *
 * Every tab of an origin opens the same database, so this is the single source of truth. A service
 * operation is ONE readwrite transaction over every store (IndexedDB serialises them), which gives the
 * embedded service what a real server has: atomic commits, one clock, one sequence per conversation.
 * Records are canonical (no viewer); `projection.ts` turns them into contract entities for a user.
 */
import { unreachable } from '../errors.js';
import { openDB, Transaction, type Database as IDBDatabaseOf } from './idb.js';
import type {
  ConversationID,
  GroupAtInfo,
  GroupProfile,
  GroupRole,
  Message,
  MessageRemindType,
  MessageType,
  UserID,
  UserProfile,
} from '../types.js';

/** A message as the service stores it, once, for every viewer. */
export interface StoredMessage {
  ID: string;
  /** Conversation key: `c2c:<a>|<b>` (IDs sorted) or `group:<groupID>`. */
  key: string;
  seq: number;
  /** Seconds, from the service clock. */
  time: number;
  /** Service clock (ms) of the commit: a total order across conversations (search results). */
  ms: number;
  /** Service clock (ms) of the last live change: sent, revoked or modified. Reconnect catch-up reads by
   *  it. Absent on bulk imports (a sparse index: imports are never "missed" events, and skip its cost). */
  chg?: number;
  /** Bumped by every change after the first commit; receivers dedupe on (ID, v). */
  v: number;
  from: UserID;
  /** Peer userID (C2C) or groupID. */
  to: string;
  type: MessageType;
  /** Media URLs are stored as `local:<uuid>` and turned into per-instance `blob:` URLs on projection. */
  payload: unknown;
  nick: string;
  avatar: string;
  nameCard: string;
  atUserList: UserID[];
  cloudCustomData: string;
  needReadReceipt: boolean;
  isRevoked: boolean;
  revoker?: Message['revoker'];
  isModified: boolean;
  /** Users who deleted it for themselves. */
  deletedFor: UserID[];
}

/** One user's state of one conversation. */
export interface ConversationRecord {
  owner: UserID;
  conversationID: ConversationID;
  key: string;
  unread: number;
  /** Messages up to this sequence are read by the owner. */
  readSeq: number;
  /** Messages up to this sequence are cleared for the owner (clear history, delete conversation). */
  clearedSeq: number;
  /** ID of the last message, '' when none. */
  last: string;
  /** Service ms of the last activity: the list order. */
  activity: number;
  pinned: boolean;
  remind: MessageRemindType;
  draft: string;
  marked: boolean;
  at: GroupAtInfo[];
  /** Deleted from the list; a new message brings it back. */
  hidden: boolean;
}

export interface FriendRecord {
  owner: UserID;
  userID: UserID;
  remark: string;
  time: number;
}
export interface BlockRecord {
  owner: UserID;
  userID: UserID;
}
export interface ApplicationRecord {
  from: UserID;
  to: UserID;
  wording: string;
  /** The remark the applicant wants for the peer once accepted. */
  remark: string;
  time: number;
}
export type GroupRecord = Omit<GroupProfile, 'selfRole' | 'memberCount'> & { createTime: number };
export interface MemberRecord {
  groupID: string;
  userID: UserID;
  role: GroupRole;
  nameCard: string;
  joinTime: number;
  muteUntil: number;
}
/** A local echo not yet committed (unSend) or failed: survives a reload. */
export interface OutboxRecord {
  ID: string;
  owner: UserID;
  message: Message;
}

export interface LocalSchema {
  users: { key: string; value: UserProfile };
  friends: { key: [string, string]; value: FriendRecord };
  blocks: { key: [string, string]; value: BlockRecord };
  applications: { key: [string, string]; value: ApplicationRecord; indexes: { to: string } };
  groups: { key: string; value: GroupRecord };
  members: { key: [string, string]; value: MemberRecord; indexes: { user: string } };
  conversations: { key: [string, string]; value: ConversationRecord };
  messages: { key: string; value: StoredMessage; indexes: { conv: [string, number]; chg: number } };
  /** Last sequence per conversation key. */
  counters: { key: string; value: number };
  /** `clock` (service ms), `seed` (applied seed name). */
  meta: { key: string; value: unknown };
  /** Media by uuid (Blob), and uploaded merged-forward bodies. */
  blobs: { key: string; value: unknown };
  outbox: { key: string; value: OutboxRecord; indexes: { owner: string } };
}

export type Database = IDBDatabaseOf<LocalSchema>;
export type StoreName = 'users' | 'friends' | 'blocks' | 'applications' | 'groups' | 'members' | 'conversations' | 'messages' | 'counters' | 'meta' | 'blobs' | 'outbox';
export type Tx = Transaction<LocalSchema, 'readwrite' | 'readonly'>;
export type WriteTx = Transaction<LocalSchema, 'readwrite'>;

const STORES: StoreName[] = ['users', 'friends', 'blocks', 'applications', 'groups', 'members', 'conversations', 'messages', 'counters', 'meta', 'blobs', 'outbox'];

/** Opens the service database; a new one gets its stores from `schema.ts`, fetched only then. */
export function openDatabase(name: string): Promise<Database> {
  return openDB<LocalSchema>(name, 1, async () => (await import('./schema.js').catch(unreachable)).createSchema);
}

/** A readonly transaction over every store: one consistent snapshot. */
export const read = (db: Database): Tx => new Transaction(db.transaction(STORES, 'readonly'));

/**
 * Runs `work` in one readwrite transaction over every store and resolves once it is durable. A throw
 * aborts the transaction, so a refused operation stores nothing. `work` must await only IndexedDB
 * requests: any other await lets the transaction auto-commit.
 */
export async function write<T>(db: Database, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = new Transaction<LocalSchema, 'readwrite'>(db.transaction(STORES, 'readwrite'));
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw error;
  }
}

/** Every key `[first, *]` of a compound-keyed store or index. */
export const prefix = (first: string): IDBKeyRange => IDBKeyRange.bound([first], [first, []]);

export const c2cKey = (a: UserID, b: UserID): string => `c2c:${a < b ? `${a}|${b}` : `${b}|${a}`}`;
export const groupKey = (groupID: string): string => `group:${groupID}`;

/** The conversation a stored message belongs to, as `viewer` sees it. */
export const conversationIDOf = (m: Pick<StoredMessage, 'key' | 'from' | 'to'>, viewer: UserID): ConversationID =>
  m.key.startsWith('group:') ? `GROUP${m.to}` : `C2C${m.from === viewer ? m.to : m.from}`;

/** The key of a conversation `viewer` names by ID. */
export const keyOf = (conversationID: ConversationID, viewer: UserID): string =>
  conversationID.startsWith('GROUP') ? groupKey(conversationID.slice(5)) : c2cKey(viewer, conversationID.slice(3));

export const newConversation = (owner: UserID, conversationID: ConversationID): ConversationRecord => ({
  owner,
  conversationID,
  key: keyOf(conversationID, owner),
  unread: 0,
  readSeq: 0,
  clearedSeq: 0,
  last: '',
  activity: 0,
  pinned: false,
  remind: 'AcceptAndNotify',
  draft: '',
  marked: false,
  at: [],
  hidden: false,
});

/** A first login registers the user with this profile. */
export const newProfile = (userID: UserID): UserProfile => ({
  userID,
  nick: '',
  avatar: '',
  selfSignature: '',
  gender: 'Gender_Type_Unknown',
  allowType: 'AllowType_Type_AllowAny',
  birthday: 0,
  location: '',
  customFields: {},
});

let lastMs = 0;

/** A unique message/upload ID: a time-ordered prefix (readable in devtools; strictly increasing in a page,
 *  so local echoes created in one second keep the order they were written in: the tie-break of
 *  `compareMessages`) and 64 random bits. */
export function newID(prefix = ''): string {
  const [a, b] = crypto.getRandomValues(new Uint32Array(2));
  lastMs = Math.max(Date.now(), lastMs + 1);
  return `${prefix}${lastMs.toString(36)}-${a!.toString(36)}${b!.toString(36)}`;
}
