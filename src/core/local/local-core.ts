/**
 * LocalCore: the whole chat service inside the browser.
 *
 * The "server" is IndexedDB (see `database.ts` and `server/`): every operation is one transaction. This
 * class is the client half: session, validation, the outbox, projection for the logged-in user, and the
 * events. After a commit it posts a small notification frame on a BroadcastChannel and handles the same
 * frame itself; every instance then re-reads what changed and emits contract events for its own user.
 */
import type { ChatCore, ChatCoreCapabilities, ChatCoreEventMap, ChatCoreEventName, Unsubscribe } from '../contract.js';
import {
  type AddFriendResult,
  type Conversation,
  type ConversationID,
  type CreateGroupOptions,
  type CreateMessageOptions,
  type Friend,
  type FriendApplication,
  type GroupID,
  type GroupMember,
  type GroupMemberPage,
  type GroupProfile,
  type GroupProfilePatch,
  type GroupRole,
  type KickedOutReason,
  type MergerPayload,
  type Message,
  type MessageDraft,
  type MessageHopPage,
  type MessagePage,
  type MessageRemindType,
  type MessageType,
  type NetState,
  type ProfilePatch,
  type SearchMessagesParams,
  type SearchMessagesResult,
  type SendMessageOptions,
  type TextPayload,
  type CustomPayload,
  type UserID,
  type UserProfile,
  type UserStatus,
} from '../types.js';
import { ChatError, ChatErrorCode as E, toChatError } from '../errors.js';
import { isValidGroupID, isValidUserID, Limits, parseConversationID, utf8Bytes } from '../validation.js';
import { CoreEmitter } from '../emitter.js';
import type { FaultSettings } from '../faults.js';
import {
  keyOf,
  newID,
  newMessageRecord,
  newProfile,
  prefix,
  read,
  tick,
  write,
  type Database,
  type StoredMessage,
  type Tx,
  type WriteTx,
} from './database.js';
import { concerns, type Change, type Frame, type ListKind } from './change.js';
import { FrameChannel } from './channel.js';
import { LocalFaults, sleep } from './faults.js';
import { imageSize, localUrl, MediaUrls } from './media.js';
import {
  loadApplications,
  loadBlacklist,
  loadConversations,
  loadFriends,
  loadJoinedGroups,
  loadMedia,
  projectGroup,
  projectMembers,
  projectMessages,
  receiptOf,
} from './projection.js';
import type { SearchIndex } from './search-index.js';
import * as messages from './server/messages.js';
import { refuse } from './server/messages.js';

/** Group administration, friendship changes and search are loaded on first use: most sessions only chat. */
const loadGroups = () => import('./server/groups.js');
const loadRelationships = () => import('./server/relationships.js');
type Relationships = Awaited<ReturnType<typeof loadRelationships>>;
type Groups = Awaited<ReturnType<typeof loadGroups>>;

export interface LocalCoreOptions {
  /** IndexedDB database (and BroadcastChannel) name. Instances on the same name share one service. */
  dbName?: string;
  /** 'demo' fills a new database with users, groups and two weeks of history (loaded on demand). */
  seed?: 'demo' | 'empty';
  faults?: Partial<FaultSettings>;
  /** 'kick' (default): a login of the same user elsewhere kicks this instance out. */
  multiInstance?: 'kick' | 'allow';
  /** The service clock in ms (default `Date.now`). Tests move it to cross the recall window. */
  now?: () => number;
}

/** Options of `bulkImport`. */
export interface BulkImportOptions {
  /** Mark everything read for every participant (default: unread for recipients). */
  read?: boolean;
  /** Media the payloads reference as `local:<uuid>`. */
  blobs?: Record<string, Blob>;
}
export type { ImportedMessage } from './server/messages.js';

const KICK_CODES: Record<KickedOutReason, number> = {
  multipleDevice: E.KICKED_OUT_MULT_DEVICE,
  multipleAccount: E.KICKED_OUT_MULT_ACCOUNT,
  userSigExpired: E.KICKED_OUT_USERSIG_EXPIRED,
  REST_API_Kick: E.KICKED_OUT_REST_API,
};
const ALL_LISTS: ListKind[] = ['conversations', 'friends', 'applications', 'blacklist', 'groups'];
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp'];
const MEDIA_TYPES: MessageType[] = ['TIMImageElem', 'TIMFileElem', 'TIMSoundElem', 'TIMVideoFileElem'];
/** List events are coalesced to one per frame. */
const COALESCE_MS = 16;
const HEARTBEAT_MS = 10_000;
/** An instance unheard of for this long is offline. */
const PRESENCE_TTL_MS = 25_000;
const TYPING_TTL_MS = 10_000;
/** Larger merged-forward bodies are "uploaded" and fetched with `downloadMergerMessage`. */
const MERGER_INLINE_BYTES = 8 * 1024;
/** Messages per transaction in `bulkImport`. */
const IMPORT_SLICE = 5000;
/** Read receipts refresh at most this many of the newest messages in the read range. */
const RECEIPT_WINDOW = 200;

type Session = 'out' | 'logging' | 'in';

export class LocalCore implements ChatCore {
  readonly kind = 'local';
  readonly capabilities: ChatCoreCapabilities = Object.freeze({
    mediaMessages: true,
    messageSearch: true,
    readReceipts: true,
    groupReadReceipts: true,
    modifyMessage: true,
    revokeWindowSeconds: 120,
    typingIndicator: true,
    userStatus: true,
    groups: true,
    friends: true,
    maxMessageBytes: Limits.TEXT_BYTES,
    maxImageBytes: Limits.IMAGE_BYTES,
    maxFileBytes: Limits.FILE_BYTES,
    maxVideoBytes: Limits.VIDEO_BYTES,
    imageTypes: IMAGE_TYPES,
  });
  /** Fault injection, settable at runtime. */
  readonly faults: LocalFaults;

  #db: Database;
  #channel: FrameChannel;
  #emitter = new CoreEmitter();
  #media = new MediaUrls();
  #now: () => number;
  #multiInstance: 'kick' | 'allow';
  /** This instance, in presence and login frames. */
  #iid = newID('i-');

  #session: Session = 'out';
  /** Code every method rejects with while not logged in: 2024, or the last kick's code. */
  #closedCode: number = E.USER_NOT_LOGGED_IN;
  #me: UserID = '';
  #profile: UserProfile | null = null;
  #net: NetState = 'connected';
  #offlineSince = 0;
  #destroyed = false;

  /** Messages this instance handed out (findMessage). */
  #known = new Map<string, Message>();
  /** Version of each message this instance has seen: the dedupe of every delivery. */
  #seen = new Map<string, number>();
  /** Local echoes in stored form, resolved once durable in the outbox. */
  #outgoing = new Map<string, Promise<Message>>();
  #search: Promise<SearchIndex> | null = null;
  #total = -1;
  #dirty = new Set<ListKind>();
  #flushing: Promise<void> | null = null;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  /** instance ID → [userID, last heard ms]. */
  #presence = new Map<string, [UserID, number]>();
  #typing = new Map<UserID, ReturnType<typeof setTimeout>>();

  constructor(db: Database, options: LocalCoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#multiInstance = options.multiInstance ?? 'kick';
    this.faults = new LocalFaults(
      {
        disconnect: () => this.#disconnect(),
        reconnect: () => this.#reconnect(),
        kick: (reason) => this.#end(reason),
      },
      options.faults,
    );
    this.#channel = new FrameChannel(
      `tim-elements:${db.name}`,
      (frame) => this.#background(this.#receive(frame)),
      () => this.faults.settings,
      () => this.#net === 'connected',
    );
  }

  // ───────────────────────────── events ─────────────────────────────

  on<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): Unsubscribe {
    return this.#emitter.on(type, handler);
  }
  off<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): void {
    this.#emitter.off(type, handler);
  }
  /** Number of subscribed handlers (tests check that elements unsubscribe). */
  get listenerCount(): number {
    return this.#emitter.listenerCount;
  }

  /** Emits only while `me` is still the logged-in user (work may finish after a logout). */
  #emit<K extends ChatCoreEventName>(me: UserID, type: K, payload: ChatCoreEventMap[K]): void {
    if (me === this.#me) this.#emitter.emit(type, payload);
  }

  // ───────────────────────────── plumbing ─────────────────────────────

  #user(): UserID {
    if (this.#session === 'in') return this.#me;
    throw new ChatError(this.#session === 'logging' ? E.LOGGING_IN : this.#closedCode, 'Not logged in');
  }

  /** Every method: session, injected latency and failures, then the network (for service calls). */
  async #op<T>(method: string, work: (me: UserID) => Promise<T>, remote = true): Promise<T> {
    this.#user();
    await this.faults.before(method);
    const me = this.#user();
    if (remote && this.#net !== 'connected') refuse(E.NETWORK_ERROR, 'Network unavailable');
    return work(me);
  }

  #secondsNow(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** Commits `work`, then tells every instance (this one included) what changed. */
  async #commit<T>(work: (tx: WriteTx) => Promise<[T, Change]>): Promise<T> {
    const [result, change] = await write(this.#db, work);
    this.#publish(change);
    return result;
  }

  #publish(change: Change): void {
    if (change.to !== '*' && !change.to.length) return;
    this.#channel.post({ k: 'change', ...change });
    this.#background(this.#onChange(change, true));
  }

  /** Work nobody awaits (deliveries, list refreshes): a failure becomes an `error` event, unless the
   *  instance was destroyed meanwhile (its database is closed). */
  #background(work: Promise<unknown>): void {
    work.catch((error) => this.#destroyed || this.#emitter.emit('error', toChatError(error)));
  }

  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
  }

  /** Validates a conversation ID's form (2500) and, for C2C, the peer's ID (20003). */
  #target(conversationID: unknown): { type: 'C2C' | 'GROUP'; targetID: string } {
    const target = typeof conversationID === 'string' ? parseConversationID(conversationID) : null;
    if (!target || target.type === '@TIM#SYSTEM' || (target.type === 'GROUP' && !isValidGroupID(target.targetID)))
      refuse(E.CONVERSATION_NOT_FOUND, `No conversation ${String(conversationID)}`);
    if (target.type === 'C2C' && !isValidUserID(target.targetID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${target.targetID}`);
    return target;
  }

  async #project(me: UserID, recs: StoredMessage[], tx: Tx = read(this.#db)): Promise<Message[]> {
    const list = await projectMessages(tx, me, recs, this.#media);
    for (const [i, message] of list.entries()) {
      this.#known.set(message.ID, message);
      if (!this.#seen.has(message.ID)) this.#seen.set(message.ID, recs[i]!.v);
    }
    return list;
  }

  // ───────────────────────────── incoming ─────────────────────────────

  async #receive(frame: Frame): Promise<void> {
    const me = this.#me;
    if (this.#session !== 'in') return;
    switch (frame.k) {
      case 'change':
        return this.#onChange(frame, false);
      case 'login':
        if (frame.user === me && this.#multiInstance === 'kick') this.#end('multipleAccount');
        return;
      case 'who':
        return this.#beat();
      case 'presence':
        return this.#heard(frame.iid, frame.user);
      case 'typing':
        if (frame.to === me) this.#typingOf(me, frame.from, frame.typing);
        return;
      case 'online':
        if (frame.to.includes(me) && !this.#seen.has(frame.rec.ID)) {
          this.#seen.set(frame.rec.ID, 1);
          this.#emit(me, 'messageReceived', { messages: await projectMessages(read(this.#db), me, [frame.rec], this.#media) });
        }
    }
  }

  async #onChange(change: Change, local: boolean): Promise<void> {
    const me = this.#me;
    if (!me || !concerns(change, me)) return;
    if (change.ids?.length) await this.#deliver(me, change.ids);
    if (change.read && change.read.reader !== me) await this.#receipts(me, change.read);
    if (change.deleted) {
      const { conversationID, ids } = change.deleted;
      const index = await this.#search;
      if (ids === 'all') index?.removeConversation(keyOf(conversationID, me), Infinity);
      else for (const id of ids) index?.remove(id);
      if (!local) this.#emit(me, 'messageDeleted', { conversationID, messageIDs: ids });
    }
    if (change.group) await this.#groupChanged(me, change.group);
    if (change.profiles?.length) {
      const tx = read(this.#db);
      const profiles = await Promise.all(change.profiles.map((id) => tx.objectStore('users').get(id)));
      this.#emit(me, 'profileUpdated', { profiles: profiles.filter((p): p is UserProfile => !!p) });
    }
    if (change.reindex) this.#search = null;
    if (change.lists) this.#background(this.#touch(...change.lists));
  }

  /**
   * Re-reads messages and emits what is new to this instance: unseen → messageReceived; seen at an
   * older version → messageRevoked / messageModified. Duplicate or reordered frames find nothing new.
   */
  async #deliver(me: UserID, ids: string[]): Promise<void> {
    const tx = read(this.#db);
    const recs: StoredMessage[] = [];
    for (const id of ids) {
      const rec = await tx.objectStore('messages').get(id);
      if (!rec || rec.deletedFor.includes(me)) continue;
      const mine = rec.key.startsWith('group:') ? await tx.objectStore('members').get([rec.to, me]) : rec.from === me || rec.to === me;
      const conv = mine && (await tx.objectStore('conversations').get([me, rec.key.startsWith('group:') ? `GROUP${rec.to}` : `C2C${rec.from === me ? rec.to : rec.from}`]));
      if (mine && rec.seq > (conv ? conv.clearedSeq : 0)) recs.push(rec);
    }
    recs.sort((a, b) => a.ms - b.ms);
    const list = await projectMessages(tx, me, recs, this.#media);
    if (me !== this.#me) return;
    const index = this.#search && (await this.#search);
    const received: Message[] = [];
    const modified: Message[] = [];
    const revoked: ChatCoreEventMap['messageRevoked']['messages'] = [];
    for (const [i, message] of list.entries()) {
      const rec = recs[i]!;
      const seen = this.#seen.get(rec.ID);
      index?.put(rec);
      if (seen !== undefined && seen >= rec.v) continue;
      this.#seen.set(rec.ID, rec.v);
      this.#known.set(rec.ID, message);
      if (seen === undefined) received.push(message);
      else if (rec.isRevoked) revoked.push({ ID: rec.ID, conversationID: message.conversationID, ...(message.revoker ? { revoker: message.revoker } : {}) });
      else modified.push(message);
    }
    if (received.length) this.#emit(me, 'messageReceived', { messages: received });
    // Changes this instance made itself were marked seen before they were published: no self-events.
    if (revoked.length) this.#emit(me, 'messageRevoked', { messages: revoked });
    if (modified.length) this.#emit(me, 'messageModified', { messages: modified });
  }

  /** Someone read a conversation: my messages in the range change isPeerRead / receipt counts. */
  async #receipts(me: UserID, { key, after, upto }: NonNullable<Change['read']>): Promise<void> {
    const tx = read(this.#db);
    const range = IDBKeyRange.bound([key, after + 1], [key, upto]);
    const mine = (await tx.objectStore('messages').index('conv').getAll(range))
      .filter((m) => m.from === me && !m.deletedFor.includes(me) && (key.startsWith('c2c:') || m.needReadReceipt))
      .slice(-RECEIPT_WINDOW);
    if (mine.length) this.#emit(me, 'messageUpdated', { messages: await this.#project(me, mine, tx) });
  }

  async #groupChanged(me: UserID, { groupID, changed, removed }: NonNullable<Change['group']>): Promise<void> {
    const tx = read(this.#db);
    const group = await tx.objectStore('groups').get(groupID);
    if (group) this.#emit(me, 'groupProfileUpdated', { groups: [await projectGroup(tx, me, group)] });
    const records = await Promise.all(changed.map((id) => tx.objectStore('members').get([groupID, id])));
    const members = await projectMembers(tx, records.filter((m) => !!m));
    this.#emit(me, 'groupMemberUpdated', { groupID, members, removedUserIDs: removed });
  }

  /** Marks list snapshots stale; they are re-read and emitted together once per frame. */
  #touch(...kinds: ListKind[]): Promise<void> {
    for (const kind of kinds) this.#dirty.add(kind);
    return (this.#flushing ??= (async () => {
      try {
        await sleep(COALESCE_MS);
        while (this.#dirty.size && this.#me) {
          const me = this.#me;
          const kinds = [...this.#dirty];
          this.#dirty.clear();
          const tx = read(this.#db);
          for (const kind of kinds) {
            if (kind === 'conversations') {
              const before = this.#total;
              const conversationList = await this.#conversations(tx, me);
              this.#emit(me, 'conversationListUpdated', { conversationList });
              if (this.#total !== before) this.#emit(me, 'totalUnreadCountUpdated', { count: this.#total });
            } else if (kind === 'friends') this.#emit(me, 'friendListUpdated', { friendList: await loadFriends(tx, me) });
            else if (kind === 'applications') this.#emit(me, 'friendApplicationListUpdated', { applicationList: await loadApplications(tx, me) });
            else if (kind === 'blacklist') this.#emit(me, 'blacklistUpdated', { userIDList: await loadBlacklist(tx, me) });
            else this.#emit(me, 'groupListUpdated', { groupList: await loadJoinedGroups(tx, me) });
          }
        }
      } finally {
        this.#flushing = null;
      }
    })());
  }

  async #conversations(tx: Tx, me: UserID): Promise<Conversation[]> {
    const list = await loadConversations(tx, me, this.#media);
    if (me === this.#me)
      this.#total = list.reduce((sum, c) => sum + (c.messageRemindType === 'AcceptAndNotify' ? c.unreadCount : 0), 0);
    return list;
  }

  // ───────────────────────────── presence & typing ─────────────────────────────

  #beat(): void {
    this.#channel.post({ k: 'presence', iid: this.#iid, user: this.#me });
  }

  #online(userID: UserID): boolean {
    if (userID === this.#me) return true;
    const fresh = this.#now() - PRESENCE_TTL_MS;
    for (const [user, heard] of this.#presence.values()) if (user === userID && heard > fresh) return true;
    return false;
  }

  /** A heartbeat (or goodbye, `userID` '') from instance `iid`; emits when a user's status flips. */
  #heard(iid: string, userID: UserID): void {
    const previous = this.#presence.get(iid)?.[0];
    const users = [previous, userID].filter((u): u is UserID => !!u);
    const before = users.map((u) => this.#online(u));
    if (userID) this.#presence.set(iid, [userID, this.#now()]);
    else this.#presence.delete(iid);
    const statuses = users.map((u) => ({ userID: u, online: this.#online(u) })).filter((s, i) => s.online !== before[i]);
    if (statuses.length) this.#emit(this.#me, 'userStatusUpdated', { statuses });
  }

  /** Forgets instances unheard of for too long. */
  #sweep(): void {
    const stale = this.#now() - PRESENCE_TTL_MS;
    for (const [iid, [, heard]] of this.#presence) if (heard <= stale) this.#heard(iid, '');
  }

  #typingOf(me: UserID, from: UserID, typing: boolean): void {
    clearTimeout(this.#typing.get(from));
    this.#typing.delete(from);
    // Typing never sticks: without a fresh "typing" it clears after the TTL.
    if (typing) this.#typing.set(from, setTimeout(() => this.#typingOf(me, from, false), TYPING_TTL_MS));
    this.#emit(me, 'typingStatus', { conversationID: `C2C${from}`, userID: from, typing });
  }

  // ───────────────────────────── session ─────────────────────────────

  async login({ userID }: { userID: UserID; userSig?: string }): Promise<void> {
    if (this.#destroyed) refuse(E.USER_NOT_LOGGED_IN, 'Destroyed');
    if (!isValidUserID(userID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${String(userID)}`);
    if (this.#session === 'in' && this.#me === userID) return;
    if (this.#session !== 'out') await this.logout();
    this.#session = 'logging';
    try {
      await this.faults.before('login');
      if (this.#net !== 'connected') refuse(E.NETWORK_ERROR, 'Network unavailable');
      this.#profile = await write(this.#db, async (tx) => {
        const profile = (await tx.objectStore('users').get(userID)) ?? newProfile(userID);
        await tx.objectStore('users').put(profile);
        // Echoes left unsent by an earlier life of the page failed: show them with Retry.
        for (const entry of await tx.objectStore('outbox').index('owner').getAll(userID))
          if (entry.message.status === 'unSend' && !this.#outgoing.has(entry.ID)) {
            entry.message = { ...entry.message, status: 'fail', error: { code: E.NETWORK_ERROR, message: 'Not sent before the page closed' } };
            await tx.objectStore('outbox').put(entry);
          }
        return profile;
      });
      this.#me = userID;
      this.#total = -1;
      await this.#conversations(read(this.#db), userID);
    } catch (error) {
      this.#session = 'out';
      this.#me = '';
      throw toChatError(error);
    }
    this.#session = 'in';
    this.#channel.post({ k: 'login', iid: this.#iid, user: userID });
    this.#channel.post({ k: 'who' });
    this.#beat();
    this.#heartbeat = setInterval(() => (this.#beat(), this.#sweep()), HEARTBEAT_MS);
    this.#emitter.emit('ready', { userID });
    this.#background(this.#touch(...ALL_LISTS));
  }

  async logout(): Promise<void> {
    if (this.#session === 'out') return;
    await Promise.allSettled(this.#outgoing.values());
    this.#end('logout');
  }

  /** Logged out or kicked: forget the session, tell the other instances this one is gone. */
  #end(reason: KickedOutReason | 'logout'): void {
    if (this.#session !== 'in') return;
    this.#channel.post({ k: 'presence', iid: this.#iid, user: '' });
    clearInterval(this.#heartbeat);
    for (const timer of [...this.#timers, ...this.#typing.values()]) clearTimeout(timer);
    for (const collection of [this.#timers, this.#typing, this.#known, this.#seen, this.#outgoing, this.#presence, this.#dirty]) collection.clear();
    this.#search = null;
    this.#session = 'out';
    this.#closedCode = reason === 'logout' ? E.USER_NOT_LOGGED_IN : KICK_CODES[reason];
    this.#me = '';
    this.#profile = null;
    this.#total = -1;
    if (reason !== 'logout') this.#emitter.emit('kickedOut', { reason });
    this.#emitter.emit('notReady', { reason });
  }

  getLoginUser(): UserID {
    return this.#me;
  }
  isReady(): boolean {
    return this.#session === 'in';
  }
  getNetState(): NetState {
    return this.#net;
  }
  getServerTime(): number {
    return this.#secondsNow();
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    await this.logout();
    this.#destroyed = true;
    this.#channel.close();
    this.#db.close();
    this.#media.revokeAll();
  }

  #setNet(state: NetState): void {
    this.#net = state;
    this.#emitter.emit('netStateChange', { state });
  }

  #disconnect(): void {
    if (this.#net === 'disconnected') return;
    this.#offlineSince = this.#now();
    this.#setNet('disconnected');
  }

  /** Back online, then catch up: everything committed while away (with a margin for frames that were in
   *  flight) is delivered once; the seen-version dedupe drops what also arrives live meanwhile. */
  async #reconnect(): Promise<void> {
    if (this.#net !== 'disconnected') return;
    this.#setNet('connecting');
    this.#setNet('connected');
    const me = this.#me;
    if (!me) return;
    const since = IDBKeyRange.lowerBound(this.#offlineSince - 5000);
    const ids = await read(this.#db).objectStore('messages').index('chg').getAllKeys(since);
    for (let i = this.faults.settings.deliverTwice ? 2 : 1; i > 0; i--) await this.#deliver(me, ids);
    await this.#touch(...ALL_LISTS);
  }

  // ───────────────────────────── conversations ─────────────────────────────

  getConversationList(): Promise<Conversation[]> {
    return this.#op('getConversationList', (me) => this.#conversations(read(this.#db), me), false);
  }

  getConversation(conversationID: ConversationID): Promise<Conversation> {
    return this.#op(
      'getConversation',
      async (me) => {
        this.#target(conversationID);
        const tx = read(this.#db);
        const [conversation] = await loadConversations(tx, me, this.#media, await messages.ownConversation(tx, me, conversationID));
        return conversation!;
      },
      false,
    );
  }

  /** A change to the user's own view of a conversation; resolves once the snapshot is re-read. */
  #conversationOp(method: string, conversationID: ConversationID, work: (tx: WriteTx, me: UserID) => Promise<Change>): Promise<void> {
    return this.#op(method, async (me) => {
      this.#target(conversationID);
      this.#publish(await write(this.#db, (tx) => work(tx, me)));
      await this.#touch('conversations');
    });
  }

  deleteConversation(conversationID: ConversationID, options: { clearHistory?: boolean } = {}): Promise<void> {
    return this.#conversationOp('deleteConversation', conversationID, (tx, me) =>
      messages.clearConversation(tx, me, conversationID, options.clearHistory !== false, true),
    );
  }
  pinConversation(conversationID: ConversationID, isPinned: boolean): Promise<void> {
    return this.#conversationOp('pinConversation', conversationID, (tx, me) => messages.patchConversation(tx, me, conversationID, { pinned: !!isPinned }));
  }
  setConversationDraft(conversationID: ConversationID, draftText: string): Promise<void> {
    return this.#conversationOp('setConversationDraft', conversationID, (tx, me) => {
      if (typeof draftText !== 'string' || utf8Bytes(draftText) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Draft too long');
      return messages.patchConversation(tx, me, conversationID, { draft: draftText });
    });
  }
  setMessageRemindType(conversationID: ConversationID, type: MessageRemindType): Promise<void> {
    return this.#conversationOp('setMessageRemindType', conversationID, (tx, me) => {
      if (!['AcceptAndNotify', 'AcceptNotNotify', 'Discard'].includes(type)) refuse(E.INVALID_PARAMETER, 'Invalid remind type');
      return messages.patchConversation(tx, me, conversationID, { remind: type });
    });
  }
  markConversationRead(conversationID: ConversationID): Promise<void> {
    return this.#conversationOp('markConversationRead', conversationID, (tx, me) => messages.markRead(tx, me, conversationID));
  }
  markConversationUnread(conversationID: ConversationID, unread: boolean): Promise<void> {
    return this.#conversationOp('markConversationUnread', conversationID, (tx, me) => messages.patchConversation(tx, me, conversationID, { marked: !!unread }));
  }
  clearHistory(conversationID: ConversationID): Promise<void> {
    return this.#conversationOp('clearHistory', conversationID, (tx, me) => messages.clearConversation(tx, me, conversationID, true, false));
  }
  getTotalUnreadCount(): number {
    return Math.max(this.#total, 0);
  }

  // ───────────────────────────── history ─────────────────────────────

  /** The user's record of a conversation they may read (group history needs membership: 10007). */
  async #readable(tx: Tx, me: UserID, conversationID: ConversationID) {
    const target = this.#target(conversationID);
    const conv = await messages.ownConversation(tx, me, conversationID);
    if (target.type === 'GROUP' && !(await tx.objectStore('members').get([target.targetID, me]))) refuse(E.GROUP_NO_PERMISSION, 'Not a member of the group');
    return conv;
  }

  /** Up to `count` visible messages from `range`, walking `direction`, plus whether that was all. */
  async #walk(tx: Tx, me: UserID, range: IDBKeyRange, direction: 'prev' | 'next', count: number): Promise<[StoredMessage[], boolean]> {
    const found: StoredMessage[] = [];
    let cursor = await tx.objectStore('messages').index('conv').openCursor(range, direction);
    while (cursor && found.length <= count) {
      if (!cursor.value.deletedFor.includes(me)) found.push(cursor.value);
      cursor = await cursor.continue();
    }
    const more = found.length > count;
    found.length = Math.min(found.length, count);
    return [direction === 'prev' ? found.reverse() : found, !more];
  }

  getMessageList({ conversationID, nextReqMessageID, count = 15 }: { conversationID: ConversationID; nextReqMessageID?: string; count?: number }): Promise<MessagePage> {
    return this.#op(
      'getMessageList',
      async (me) => {
        const tx = read(this.#db);
        const conv = await this.#readable(tx, me, conversationID);
        const anchor = nextReqMessageID ? await messages.visible(tx, me, nextReqMessageID) : undefined;
        if (anchor && anchor.key !== conv.key) refuse(E.MESSAGE_NOT_FOUND, 'Anchor of another conversation');
        const range = IDBKeyRange.bound([conv.key, conv.clearedSeq + 1], [conv.key, anchor?.seq ?? Infinity], false, !!anchor);
        const [recs, isCompleted] = await this.#walk(tx, me, range, 'prev', Math.max(1, Math.min(count, 100)));
        const messageList = await this.#project(me, recs, tx);
        // The newest page also shows this user's unsent and failed echoes, so they survive a reload.
        if (!anchor) {
          const pending = (await tx.objectStore('outbox').index('owner').getAll(me)).filter((e) => e.message.conversationID === conversationID);
          await loadMedia(tx, this.#media, pending.map((e) => e.message.payload));
          for (const { ID, message } of pending) {
            const echo = this.#known.get(ID) ?? ({ ...message, payload: this.#media.resolve(message.payload) } as Message);
            this.#known.set(ID, echo);
            if (!this.#outgoing.has(ID)) this.#outgoing.set(ID, Promise.resolve(message));
            messageList.push(echo);
          }
        }
        return { messageList, nextReqMessageID: isCompleted ? '' : (recs[0]?.ID ?? ''), isCompleted };
      },
      false,
    );
  }

  getMessageListHopping({ conversationID, messageID, direction, count = 15 }: { conversationID: ConversationID; messageID: string; direction: 'older' | 'newer'; count?: number }): Promise<MessageHopPage> {
    return this.#op(
      'getMessageListHopping',
      async (me) => {
        const tx = read(this.#db);
        const conv = await this.#readable(tx, me, conversationID);
        const anchor = await messages.visible(tx, me, messageID);
        if (anchor.key !== conv.key) refuse(E.MESSAGE_NOT_FOUND, 'Anchor of another conversation');
        const older = direction === 'older';
        const range = older
          ? IDBKeyRange.bound([conv.key, conv.clearedSeq + 1], [conv.key, anchor.seq], false, true)
          : IDBKeyRange.bound([conv.key, anchor.seq], [conv.key, Infinity], true);
        const [recs, isCompleted] = await this.#walk(tx, me, range, older ? 'prev' : 'next', Math.max(1, Math.min(count, 100)));
        return { messageList: await this.#project(me, recs, tx), isCompleted };
      },
      false,
    );
  }

  findMessage(messageID: string): Message | null {
    return this.#known.get(messageID) ?? null;
  }

  getMessage(conversationID: ConversationID, messageID: string): Promise<Message> {
    return this.#op(
      'getMessage',
      async (me) => {
        const tx = read(this.#db);
        const rec = await messages.visible(tx, me, messageID);
        if (keyOf(conversationID, me) !== rec.key) refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID} in ${conversationID}`);
        return (await this.#project(me, [rec], tx))[0]!;
      },
      false,
    );
  }

  // ───────────────────────────── sending ─────────────────────────────

  /** The stored payload of a draft (media as `local:` URLs) and the uploads it needs. Throws on limits. */
  #payload(draft: MessageDraft, uploads: Array<[string, unknown]>): unknown {
    const upload = (file: unknown, max: number, code: number): [string, Blob] => {
      if (!(file instanceof Blob)) return refuse(E.INVALID_MESSAGE, 'A file is required');
      if (file.size > max) refuse(code, 'File too large');
      const uuid = newID('m-');
      uploads.push([uuid, file]);
      return [uuid, file];
    };
    const text = (...parts: unknown[]) => {
      if (parts.some((p) => typeof p !== 'string')) refuse(E.INVALID_MESSAGE, 'Text expected');
      if (utf8Bytes(parts.join('')) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Message body too large');
    };
    switch (draft.type) {
      case 'TIMTextElem':
        text(draft.payload.text);
        return { text: draft.payload.text };
      case 'TIMImageElem': {
        const { width = 0, height = 0 } = draft.payload;
        const [uuid, file] = upload(draft.payload.file, Limits.IMAGE_BYTES, E.IMAGE_TOO_LARGE);
        if (!IMAGE_TYPES.includes(file.type)) refuse(E.IMAGE_TYPE_UNSUPPORTED, `Not an image type: ${file.type}`);
        // The thumbnail entry shares the original blob: the browser scales it.
        const info = (type: 0 | 1 | 2) => ({ type, url: localUrl(uuid), width, height, size: file.size });
        const fileName = draft.payload.fileName ?? (file instanceof File ? file.name : '');
        return { uuid, imageFormat: file.type.slice(6).toUpperCase(), imageInfoArray: [info(0), info(1), info(2)], ...(fileName ? { fileName: String(fileName) } : {}) };
      }
      case 'TIMFileElem': {
        text(draft.payload.fileName);
        const [uuid, file] = upload(draft.payload.file, Limits.FILE_BYTES, E.FILE_TOO_LARGE);
        return { uuid, fileName: draft.payload.fileName, fileSize: file.size, fileUrl: localUrl(uuid) };
      }
      case 'TIMSoundElem': {
        const [uuid, file] = upload(draft.payload.file, Limits.SOUND_BYTES, E.SOUND_TOO_LARGE);
        return { uuid, url: localUrl(uuid), second: Number(draft.payload.second) || 0, size: file.size };
      }
      case 'TIMVideoFileElem': {
        const [uuid, file] = upload(draft.payload.file, Limits.VIDEO_BYTES, E.VIDEO_TOO_LARGE);
        return {
          videoUUID: uuid,
          videoUrl: localUrl(uuid),
          videoSecond: Number(draft.payload.second) || 0,
          videoSize: file.size,
          videoFormat: file.type.split('/')[1] ?? '',
          thumbUrl: '',
          thumbWidth: 0,
          thumbHeight: 0,
        };
      }
      case 'TIMFaceElem':
        text(draft.payload.data);
        return { index: Number(draft.payload.index) || 0, data: draft.payload.data };
      case 'TIMLocationElem': {
        const { description, longitude, latitude } = draft.payload;
        text(description);
        return { description, longitude: Number(longitude) || 0, latitude: Number(latitude) || 0 };
      }
      case 'TIMCustomElem': {
        const { data = '', description = '', extension = '' } = draft.payload;
        text(data, description, extension);
        return { data, description, extension };
      }
      case 'TIMRelayElem': {
        const { messageIDs, title, abstractList, compatibleText } = draft.payload;
        text(title, compatibleText, ...abstractList);
        if (!messageIDs?.length) refuse(E.INVALID_MESSAGE, 'Nothing to forward');
        const messageList = messageIDs.map((id) => {
          const m = this.#known.get(id);
          if (!m || m.status !== 'success') return refuse(E.MESSAGE_NOT_FOUND, `No message ${id}`);
          const { ID, from, nick, avatar, time, cloudCustomData, type, payload } = m;
          return { ID, from, nick, avatar, time, cloudCustomData, messageBody: [{ type, payload: this.#media.unresolve(payload) }] };
        });
        const merger: MergerPayload = { title, abstractList: [...abstractList], compatibleText, messageList };
        if (utf8Bytes(JSON.stringify(messageList)) <= MERGER_INLINE_BYTES) return merger;
        const downloadKey = newID('merger-');
        uploads.push([downloadKey, messageList]);
        return { ...merger, messageList: [], downloadKey };
      }
      default:
        return refuse(E.INVALID_MESSAGE, `Unsupported message type ${String((draft as { type: unknown }).type)}`);
    }
  }

  /** Builds the echo and starts making it durable in the outbox (uploads included). */
  #echo(conversationID: ConversationID, type: MessageType, payload: unknown, uploads: Array<[string, unknown]>, extra: Partial<Message> = {}): Message {
    const me = this.#user();
    const { type: conversationType, targetID } = this.#target(conversationID);
    const stored = {
      ID: newID(),
      conversationID,
      conversationType,
      from: me,
      to: targetID,
      flow: 'out',
      time: this.#secondsNow(),
      sequence: 0,
      status: 'unSend',
      isPeerRead: false,
      isRead: true,
      isRevoked: false,
      isDeleted: false,
      isModified: false,
      nick: this.#profile?.nick ?? '',
      avatar: this.#profile?.avatar ?? '',
      nameCard: '',
      atUserList: [],
      cloudCustomData: '',
      needReadReceipt: false,
      ...extra,
      type,
      payload,
    } as Message;
    if (utf8Bytes(stored.cloudCustomData) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
    for (const [uuid, blob] of uploads) if (blob instanceof Blob) this.#media.add(uuid, blob);
    const echo = { ...stored, payload: this.#media.resolve(payload) } as Message;
    this.#known.set(echo.ID, echo);
    this.#outgoing.set(
      echo.ID,
      (async () => {
        const image = uploads[0]?.[1];
        if (type === 'TIMImageElem' && image instanceof Blob && !(payload as { imageInfoArray: Array<{ width: number }> }).imageInfoArray[0]!.width) {
          const size = await imageSize(image);
          for (const target of [stored, echo]) for (const info of (target.payload as { imageInfoArray: object[] }).imageInfoArray) Object.assign(info, size);
        }
        await write(this.#db, async (tx) => {
          for (const [uuid, blob] of uploads) await tx.objectStore('blobs').put(blob, uuid);
          await tx.objectStore('outbox').put({ ID: stored.ID, owner: me, message: stored });
        });
        return stored;
      })(),
    );
    this.#outgoing.get(echo.ID)!.catch(() => {});
    return echo;
  }

  createMessage({ conversationID, draft, cloudCustomData = '', needReadReceipt = false }: CreateMessageOptions): Message {
    this.#user();
    this.#target(conversationID);
    const uploads: Array<[string, unknown]> = [];
    const payload = this.#payload(draft, uploads);
    const atUserList = draft.type === 'TIMTextElem' && Array.isArray(draft.atUserList) ? draft.atUserList.map(String) : [];
    return this.#echo(conversationID, draft.type, payload, uploads, { cloudCustomData: String(cloudCustomData), needReadReceipt: !!needReadReceipt, atUserList });
  }

  createForwardMessage({ conversationID, messageID }: { conversationID: ConversationID; messageID: string }): Message {
    this.#user();
    const source = this.#known.get(messageID);
    if (!source || source.status !== 'success' || source.isRevoked) refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (source.type === 'TIMGroupTipElem' || source.type === 'TIMGroupSystemNoticeElem') refuse(E.INVALID_MESSAGE, 'Cannot forward a notice');
    return this.#echo(conversationID, source.type, this.#media.unresolve(source.payload), []);
  }

  async sendMessage(messageID: string, options: SendMessageOptions = {}): Promise<Message> {
    this.#user();
    const echo = this.#known.get(messageID);
    if (echo?.status !== 'unSend' || !this.#outgoing.has(messageID)) refuse(E.INVALID_MESSAGE, 'Not an unsent message of this instance');
    return this.#send(messageID, options, 'sendMessage');
  }

  async resendMessage(messageID: string): Promise<Message> {
    this.#user();
    const echo = this.#known.get(messageID);
    if (echo?.status !== 'fail' || !this.#outgoing.has(messageID)) refuse(E.INVALID_MESSAGE, 'Only a failed message can be resent');
    const unsent = { ...echo, status: 'unSend' } as Message;
    delete unsent.error;
    this.#known.set(messageID, unsent);
    return this.#send(messageID, {}, 'resendMessage');
  }

  /** Commits an outgoing message once (the ID makes a resend after a lost ack a no-op). */
  async #send(ID: string, options: SendMessageOptions, method: string): Promise<Message> {
    let committed = false;
    let stored: Message | undefined;
    try {
      stored = await this.#outgoing.get(ID)!;
      const { conversationID, type, payload, atUserList, cloudCustomData, needReadReceipt } = stored;
      return await this.#op(method, async (me) => {
        const rec = newMessageRecord(ID, keyOf(conversationID, me), me, this.#target(conversationID).targetID, type, payload);
        Object.assign(rec, { atUserList, cloudCustomData, needReadReceipt });
        if (MEDIA_TYPES.includes(type))
          for (const progress of [0.25, 0.5, 0.75, 1]) {
            this.#emitter.emit('messageProgress', { messageID: ID, progress });
            await sleep(10);
          }
        this.#user(); // still logged in after the "upload"
        const now = this.#now();
        if (options.onlineUserOnly) return this.#sendOnline(me, rec, now);
        const [final, recipients] = await write(this.#db, async (tx): Promise<[StoredMessage, UserID[]]> => {
          await tx.objectStore('outbox').delete(ID);
          const existing = await tx.objectStore('messages').get(ID);
          if (existing) return [existing, []];
          const recipients = await messages.admit(tx, rec, Math.floor(now / 1000));
          await messages.commit(tx, rec, recipients, await tick(tx, now), !options.excludedFromUnreadCount, !options.excludedFromLastMessage);
          return [rec, recipients];
        });
        committed = true;
        this.#seen.set(ID, final.v);
        this.#publish({ to: recipients, ids: [ID], lists: ['conversations'] });
        if (this.faults.dropsAck()) refuse(E.NETWORK_TIMEOUT, 'The acknowledgement was lost');
        this.#outgoing.delete(ID);
        const [message] = await this.#project(me, [final]);
        this.#emit(me, 'messageUpdated', { messages: [message!] });
        if (recipients.length) this.#background(this.#maybeEcho(me, final));
        return message!;
      });
    } catch (error) {
      const { code, message } = toChatError(error);
      const failed = { ...(this.#known.get(ID) ?? stored!), status: 'fail', error: { code, message } } as Message;
      this.#known.set(ID, failed);
      if (!committed && stored) {
        const owner = stored.from;
        await write(this.#db, (tx) => tx.objectStore('outbox').put({ ID, owner, message: { ...stored!, status: 'fail', error: { code, message } } })).catch(() => {});
      }
      this.#emitter.emit('messageUpdated', { messages: [failed] });
      throw new ChatError(code, message, { message: failed });
    }
  }

  /** `onlineUserOnly`: checked like a send, never stored, carried by the frame itself. */
  async #sendOnline(me: UserID, rec: StoredMessage, now: number): Promise<Message> {
    const recipients = await write(this.#db, async (tx) => {
      await tx.objectStore('outbox').delete(rec.ID);
      return messages.admit(tx, rec, Math.floor(now / 1000));
    });
    rec.time = Math.floor(now / 1000);
    this.#outgoing.delete(rec.ID);
    this.#seen.set(rec.ID, 1);
    this.#channel.post({ k: 'online', to: recipients, rec });
    const [message] = await this.#project(me, [rec]);
    this.#emit(me, 'messageUpdated', { messages: [message!] });
    return message!;
  }

  /** The seeded bot (profile `customFields.bot`) types, then replies to C2C text, quoting it. */
  async #maybeEcho(me: UserID, rec: StoredMessage): Promise<void> {
    if (!rec.key.startsWith('c2c:') || rec.type !== 'TIMTextElem' || rec.to === me) return;
    const bot = await read(this.#db).objectStore('users').get(rec.to);
    if (!bot?.customFields?.bot) return;
    const typing = (on: boolean) => {
      this.#channel.post({ k: 'typing', to: me, from: bot.userID, typing: on });
      this.#typingOf(me, bot.userID, on);
    };
    this.#later(250, () => typing(true));
    this.#later(900, async () => {
      typing(false);
      const { text } = rec.payload as TextPayload;
      const reply = newMessageRecord(newID('echo-'), rec.key, bot.userID, me, 'TIMTextElem', { text });
      reply.cloudCustomData = JSON.stringify({
        messageReply: { messageID: rec.ID, messageAbstract: [...text].slice(0, 100).join(''), messageSender: rec.nick || me, messageType: 1, version: 1 },
      });
      try {
        const recipients = await write(this.#db, async (tx) => {
          const recipients = await messages.admit(tx, reply, this.#secondsNow());
          await messages.commit(tx, reply, recipients, await tick(tx, this.#now()));
          return recipients;
        });
        this.#publish({ to: recipients, ids: [reply.ID], lists: ['conversations'] });
      } catch {
        /* the user blocked the bot meanwhile */
      }
    });
  }

  discardMessage(messageID: string): void {
    const echo = this.#known.get(messageID);
    if (!echo || echo.status === 'success') return;
    this.#known.delete(messageID);
    this.#outgoing.delete(messageID);
    void write(this.#db, (tx) => tx.objectStore('outbox').delete(messageID)).catch(() => {});
  }

  /** Re-projects a record this instance changed itself and remembers its version (no self-event). */
  async #changedHere(me: UserID, rec: StoredMessage): Promise<Message> {
    this.#seen.set(rec.ID, rec.v);
    const [message] = await projectMessages(read(this.#db), me, [rec], this.#media);
    this.#known.set(rec.ID, message!);
    (await this.#search)?.put(rec);
    return message!;
  }

  revokeMessage(messageID: string): Promise<void> {
    return this.#op('revokeMessage', async (me) => {
      const [rec, change] = await write(this.#db, (tx) => messages.revoke(tx, me, messageID, this.#now(), this.capabilities.revokeWindowSeconds));
      await this.#changedHere(me, rec);
      this.#publish(change);
    });
  }

  modifyMessage(messageID: string, patch: { payload?: TextPayload | CustomPayload; cloudCustomData?: string }): Promise<Message> {
    return this.#op('modifyMessage', async (me) => {
      const known = this.#known.get(messageID);
      let payload: object | undefined;
      if (patch.payload) {
        const p = patch.payload as Partial<TextPayload & CustomPayload>;
        payload = known?.type === 'TIMCustomElem' ? { data: p.data ?? '', description: p.description ?? '', extension: p.extension ?? '' } : { text: p.text };
        const values = Object.values(payload);
        if (values.some((v) => typeof v !== 'string')) refuse(E.INVALID_MESSAGE, 'Invalid payload');
        if (utf8Bytes(values.join('')) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Message body too large');
      }
      if (patch.cloudCustomData !== undefined && utf8Bytes(String(patch.cloudCustomData)) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
      const clean = { ...(payload ? { payload } : {}), ...(patch.cloudCustomData !== undefined ? { cloudCustomData: String(patch.cloudCustomData) } : {}) };
      try {
        const [rec, change] = await write(this.#db, (tx) => messages.modify(tx, me, messageID, this.#seen.get(messageID), clean, this.#now()));
        const message = await this.#changedHere(me, rec);
        this.#publish(change);
        return message;
      } catch (error) {
        const record = (error as ChatError).data?.record as StoredMessage | undefined;
        if (!record) throw error;
        throw new ChatError(E.MSG_MODIFY_CONFLICT, 'The message was modified meanwhile', { message: await this.#changedHere(me, record) });
      }
    });
  }

  deleteMessages(messageIDs: string[]): Promise<void> {
    return this.#op('deleteMessages', async (me) => {
      const committed = messageIDs.filter((id) => this.#known.get(id)?.status !== 'unSend' && this.#known.get(id)?.status !== 'fail');
      for (const id of messageIDs) if (!committed.includes(id)) this.discardMessage(id);
      if (!committed.length) return;
      this.#publish(await write(this.#db, (tx) => messages.deleteForMe(tx, me, committed)));
      for (const id of committed) this.#known.delete(id);
      const index = await this.#search;
      for (const id of committed) index?.remove(id);
    });
  }

  downloadMergerMessage(messageID: string): Promise<MergerPayload['messageList']> {
    return this.#op('downloadMergerMessage', async (me) => {
      const tx = read(this.#db);
      const known = this.#known.get(messageID);
      const message = known ?? (await this.#project(me, [await messages.visible(tx, me, messageID)], tx))[0]!;
      if (message.type !== 'TIMRelayElem') refuse(E.INVALID_MESSAGE, 'Not a merged message');
      const { messageList, downloadKey } = message.payload as MergerPayload;
      if (!downloadKey) return messageList;
      const body = ((await tx.objectStore('blobs').get(downloadKey)) ?? []) as MergerPayload['messageList'];
      await loadMedia(tx, this.#media, [body]);
      return this.#media.resolve(body);
    });
  }

  setTyping(conversationID: ConversationID, typing: boolean): Promise<void> {
    return this.#op('setTyping', async (me) => {
      const { type, targetID } = this.#target(conversationID);
      if (type === 'C2C' && targetID !== me) this.#channel.post({ k: 'typing', to: targetID, from: me, typing: !!typing });
    });
  }

  getGroupMessageReadMembers(messageID: string): Promise<{ read: UserID[]; unread: UserID[] }> {
    return this.#op('getGroupMessageReadMembers', async (me) => {
      const tx = read(this.#db);
      const rec = await messages.visible(tx, me, messageID);
      if (!rec.key.startsWith('group:') || rec.from !== me || !rec.needReadReceipt) refuse(E.INVALID_MESSAGE, 'Not an own group message with receipts');
      return receiptOf(tx, rec);
    });
  }

  // ───────────────────────────── search ─────────────────────────────

  /**
   * Pages over the matching messages, newest first (`count` messages a page, `cursor` is an offset). Each
   * page is grouped per conversation in order of its newest hit; `messageCount` is the conversation's
   * hits over the whole result, and `messageList` always holds the page's hits (globally too: LocalCore
   * returns the messages where Tencent would return only counts). Empty keywords match everything, so
   * type or sender filters alone work. The index is built on first use, then kept current.
   */
  searchMessages(params: SearchMessagesParams): Promise<SearchMessagesResult> {
    return this.#op('searchMessages', async (me) => {
      if (params.conversationID) this.#target(params.conversationID);
      const search = await import('./search-index.js');
      const index = await (this.#search ??= search.buildIndex(this.#db, me));
      const key = params.conversationID && keyOf(params.conversationID, me);
      const { page, counts, totalCount, cursor } = search.searchPage(index, params, key, this.#secondsNow());
      const tx = read(this.#db);
      const recs = await Promise.all(page.map((hit) => tx.objectStore('messages').get(hit.ID)));
      const groups = new Map<ConversationID, SearchMessagesResult['resultList'][number]>();
      for (const message of await this.#project(me, recs.filter((r): r is StoredMessage => !!r), tx)) {
        let group = groups.get(message.conversationID);
        if (!group) groups.set(message.conversationID, (group = { conversationID: message.conversationID, messageCount: counts.get(keyOf(message.conversationID, me)) ?? 0, messageList: [] }));
        group.messageList.push(message);
      }
      return { resultList: [...groups.values()], totalCount, cursor };
    });
  }

  searchContacts(keyword: string): Promise<{ users: UserProfile[]; groups: GroupProfile[] }> {
    return this.#op(
      'searchContacts',
      async (me) => {
        const word = String(keyword).normalize('NFKC').toLowerCase().trim();
        const users: UserProfile[] = [];
        if (!word) return { users, groups: [] };
        const tx = read(this.#db);
        const matches = (...texts: string[]) => texts.some((t) => t.normalize('NFKC').toLowerCase().includes(word));
        const remarks = new Map((await tx.objectStore('friends').getAll(prefix(me))).map((f) => [f.userID, f.remark]));
        const peers = (await tx.objectStore('conversations').getAll(prefix(me))).filter((c) => c.key.startsWith('c2c:')).map((c) => c.conversationID.slice(3));
        for (const userID of new Set([...remarks.keys(), ...peers, word])) {
          const profile = await tx.objectStore('users').get(userID);
          if (profile && (userID === word || matches(userID, profile.nick, remarks.get(userID) ?? ''))) users.push(profile);
        }
        const joined = await loadJoinedGroups(tx, me);
        return { users, groups: joined.filter((g) => matches(g.groupID, g.name)) };
      },
      false,
    );
  }

  // ───────────────────────────── profiles ─────────────────────────────

  getMyProfile(): Promise<UserProfile> {
    return this.#op('getMyProfile', async (me) => (await read(this.#db).objectStore('users').get(me))!, false);
  }

  getUserProfiles(userIDs: UserID[]): Promise<UserProfile[]> {
    return this.#op(
      'getUserProfiles',
      async () => {
        const tx = read(this.#db);
        const profiles = await Promise.all([...new Set(userIDs)].filter(isValidUserID).map((id) => tx.objectStore('users').get(id)));
        return profiles.filter((p): p is UserProfile => !!p);
      },
      false,
    );
  }

  updateMyProfile(patch: ProfilePatch): Promise<UserProfile> {
    return this.#op('updateMyProfile', async (me) => {
      const limits: Record<string, number> = { nick: Limits.NICK_BYTES, avatar: Limits.AVATAR_URL_BYTES, selfSignature: Limits.SIGNATURE_BYTES, location: Limits.LOCATION_BYTES };
      const choices: Record<string, string[]> = {
        gender: ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'],
        allowType: ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'],
      };
      const clean: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch ?? {})) {
        if (value === undefined) continue;
        const ok =
          key in limits ? typeof value === 'string' && utf8Bytes(value) <= limits[key]! : key in choices ? choices[key]!.includes(value as string) : key === 'birthday' && Number.isInteger(value);
        if (!ok) refuse(E.INVALID_PARAMETER, `Invalid profile field ${key}`);
        clean[key] = value;
      }
      const profile = await this.#commit(async (tx) => {
        const next = { ...(await tx.objectStore('users').get(me))!, ...clean };
        await tx.objectStore('users').put(next);
        return [next, { to: '*', profiles: [me], lists: ['conversations', 'friends'] }];
      });
      this.#profile = profile;
      return profile;
    });
  }

  getUserStatus(userIDs: UserID[]): Promise<UserStatus[]> {
    return this.#op('getUserStatus', async () => userIDs.map((userID) => ({ userID, online: this.#online(userID) })), false);
  }

  // ───────────────────────────── relationships ─────────────────────────────

  /** A friendship change: one commit with the relationships module loaded. */
  #friendOp<T>(method: string, work: (relationships: Relationships, tx: WriteTx, me: UserID) => Promise<[T, Change]>): Promise<T> {
    return this.#op(method, async (me) => {
      const relationships = await loadRelationships();
      return this.#commit((tx) => work(relationships, tx, me));
    });
  }

  getFriendList(): Promise<Friend[]> {
    return this.#op('getFriendList', (me) => loadFriends(read(this.#db), me), false);
  }

  addFriend(params: { userID: UserID; wording?: string; remark?: string }): Promise<AddFriendResult> {
    return this.#op('addFriend', async (me) => {
      if (!isValidUserID(params?.userID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
      if (utf8Bytes(params.wording ?? '') > Limits.FRIEND_WORDING_BYTES || utf8Bytes(params.remark ?? '') > Limits.FRIEND_REMARK_BYTES)
        refuse(E.INVALID_PARAMETER, 'Wording or remark too long');
      const relationships = await loadRelationships();
      return this.#commit((tx) => relationships.addFriend(tx, me, params, this.#secondsNow()));
    });
  }

  deleteFriend(userIDs: UserID[]): Promise<{ successUserIDList: UserID[]; failureUserIDList: Array<{ userID: UserID; code: number }> }> {
    return this.#friendOp('deleteFriend', async (relationships, tx, me) => {
      const [successUserIDList, failureUserIDList, change] = await relationships.deleteFriends(tx, me, userIDs);
      return [{ successUserIDList, failureUserIDList }, change];
    });
  }

  updateFriendRemark(userID: UserID, remark: string): Promise<void> {
    return this.#op('updateFriendRemark', async (me) => {
      if (typeof remark !== 'string' || utf8Bytes(remark) > Limits.FRIEND_REMARK_BYTES) refuse(E.INVALID_PARAMETER, 'Remark too long');
      const relationships = await loadRelationships();
      return this.#commit(async (tx) => [undefined, await relationships.setRemark(tx, me, userID, remark)]);
    });
  }

  getFriendApplicationList(): Promise<FriendApplication[]> {
    return this.#op('getFriendApplicationList', (me) => loadApplications(read(this.#db), me), false);
  }

  acceptFriendApplication({ userID, remark = '' }: { userID: UserID; remark?: string }): Promise<void> {
    return this.#friendOp('acceptFriendApplication', async (relationships, tx, me) => [
      undefined,
      await relationships.answerApplication(tx, me, userID, true, String(remark), this.#secondsNow()),
    ]);
  }

  refuseFriendApplication(userID: UserID): Promise<void> {
    return this.#friendOp('refuseFriendApplication', async (relationships, tx, me) => [undefined, await relationships.answerApplication(tx, me, userID, false, '', 0)]);
  }

  getBlacklist(): Promise<UserID[]> {
    return this.#op('getBlacklist', (me) => loadBlacklist(read(this.#db), me), false);
  }

  #block(method: string, userIDs: UserID[], blocked: boolean): Promise<void> {
    return this.#op(method, async (me) => {
      if (!Array.isArray(userIDs) || !userIDs.every(isValidUserID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
      const relationships = await loadRelationships();
      return this.#commit(async (tx) => [undefined, await relationships.setBlocked(tx, me, userIDs, blocked)]);
    });
  }
  addToBlacklist(userIDs: UserID[]): Promise<void> {
    return this.#block('addToBlacklist', userIDs, true);
  }
  removeFromBlacklist(userIDs: UserID[]): Promise<void> {
    return this.#block('removeFromBlacklist', userIDs, false);
  }

  // ───────────────────────────── groups ─────────────────────────────

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#op('getJoinedGroupList', (me) => loadJoinedGroups(read(this.#db), me), false);
  }

  async #groupProfile(me: UserID, groupID: GroupID): Promise<GroupProfile> {
    const tx = read(this.#db);
    const group = await tx.objectStore('groups').get(groupID);
    return group ? projectGroup(tx, me, group) : refuse(E.GROUP_NOT_FOUND, `No group ${groupID}`);
  }

  getGroupProfile(groupID: GroupID): Promise<GroupProfile> {
    return this.#op('getGroupProfile', (me) => this.#groupProfile(me, groupID), false);
  }

  createGroup(options: CreateGroupOptions): Promise<GroupProfile> {
    return this.#op('createGroup', async (me) => {
      const groups = await loadGroups();
      return this.#groupProfile(me, await this.#commit((tx) => groups.createGroup(tx, me, options, this.#now())));
    });
  }

  /** A group operation: one commit, then the change goes out. */
  #groupOp(method: string, work: (groups: Groups, tx: WriteTx, me: UserID, now: number) => Promise<Change>): Promise<void> {
    return this.#op(method, async (me) => {
      const groups = await loadGroups();
      return this.#commit(async (tx) => [undefined, await work(groups, tx, me, this.#now())]);
    });
  }

  async updateGroupProfile(groupID: GroupID, patch: GroupProfilePatch): Promise<GroupProfile> {
    await this.#groupOp('updateGroupProfile', (groups, tx, me, now) => groups.updateGroup(tx, me, groupID, patch, now));
    return this.#groupProfile(this.#me, groupID);
  }

  /** Members of a group the user belongs to (10010 / 10007 otherwise). */
  async #members(me: UserID, groupID: GroupID, tx: Tx) {
    if (!(await tx.objectStore('groups').get(groupID))) refuse(E.GROUP_NOT_FOUND, `No group ${groupID}`);
    if (!(await tx.objectStore('members').get([groupID, me]))) refuse(E.GROUP_NO_PERMISSION, 'Not a member of the group');
    const rank: Record<GroupRole, number> = { Owner: 0, Admin: 1, Member: 2 };
    return (await tx.objectStore('members').getAll(prefix(groupID))).sort(
      (a, b) => rank[a.role] - rank[b.role] || a.joinTime - b.joinTime || (a.userID < b.userID ? -1 : 1),
    );
  }

  getGroupMemberList(groupID: GroupID, { offset = 0, count = 100 }: { offset?: number; count?: number } = {}): Promise<GroupMemberPage> {
    return this.#op(
      'getGroupMemberList',
      async (me) => {
        const tx = read(this.#db);
        const all = await this.#members(me, groupID, tx);
        const end = offset + Math.max(1, Math.min(count, 100));
        return { memberList: await projectMembers(tx, all.slice(offset, end)), offset: end < all.length ? end : 0 };
      },
      false,
    );
  }

  getGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<GroupMember[]> {
    return this.#op(
      'getGroupMembers',
      async (me) => {
        const tx = read(this.#db);
        const all = await this.#members(me, groupID, tx);
        return projectMembers(tx, all.filter((m) => userIDs.includes(m.userID)));
      },
      false,
    );
  }

  addGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void> {
    return this.#groupOp('addGroupMembers', (groups, tx, me, now) => groups.addMembers(tx, me, groupID, userIDs, now));
  }
  removeGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void> {
    return this.#groupOp('removeGroupMembers', (groups, tx, me, now) => groups.removeMembers(tx, me, groupID, userIDs, now));
  }
  setGroupMemberRole(groupID: GroupID, userID: UserID, role: Exclude<GroupRole, 'Owner'>): Promise<void> {
    return this.#groupOp('setGroupMemberRole', (groups, tx, me, now) => groups.setRole(tx, me, groupID, userID, role, now));
  }
  setGroupMemberMuteTime(groupID: GroupID, userID: UserID, seconds: number): Promise<void> {
    return this.#groupOp('setGroupMemberMuteTime', (groups, tx, me, now) => groups.setMute(tx, me, groupID, userID, seconds, now));
  }
  setGroupMemberNameCard(groupID: GroupID, userID: UserID, nameCard: string): Promise<void> {
    return this.#groupOp('setGroupMemberNameCard', (groups, tx, me) => groups.setNameCard(tx, me, groupID, userID, nameCard));
  }
  quitGroup(groupID: GroupID): Promise<void> {
    return this.#groupOp('quitGroup', (groups, tx, me, now) => groups.removeMembers(tx, me, groupID, [me], now, true));
  }
  dismissGroup(groupID: GroupID): Promise<void> {
    return this.#groupOp('dismissGroup', (groups, tx, me) => groups.dismiss(tx, me, groupID));
  }
  changeGroupOwner(groupID: GroupID, newOwnerID: UserID): Promise<void> {
    return this.#groupOp('changeGroupOwner', (groups, tx, me, now) => groups.changeOwner(tx, me, groupID, newOwnerID, now));
  }

  // ───────────────────────────── LocalCore only ─────────────────────────────

  /** Every registered user (works before login: the demo's login screen lists them). */
  async listUsers(): Promise<UserProfile[]> {
    return read(this.#db).objectStore('users').getAll();
  }

  /**
   * Inserts many messages in one transaction (benchmarks, tests, seeds): sequences, times and every
   * participant's conversation state come out as if each had been sent, without per-message events.
   * Instances refresh their lists and rebuild their search index. Resolves with the IDs, in input order.
   */
  async bulkImport(items: readonly messages.ImportedMessage[], options: BulkImportOptions = {}): Promise<string[]> {
    const ids: string[] = [];
    // Chromium's IndexedDB slows down superlinearly inside one huge transaction: commit in slices.
    for (let at = 0; at < items.length || at === 0; at += IMPORT_SLICE)
      ids.push(
        ...(await write(this.#db, async (tx) => {
          if (!at) for (const [uuid, blob] of Object.entries(options.blobs ?? {})) await tx.objectStore('blobs').put(blob, uuid);
          return messages.importMessages(tx, items.slice(at, at + IMPORT_SLICE), this.#now(), !!options.read);
        })),
      );
    this.#publish({ to: '*', reindex: true, lists: ['conversations'] });
    return ids;
  }
}
