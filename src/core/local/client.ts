/**
 * The state and plumbing of one LocalCore instance: its session, what it has seen and sent, and how it
 * turns committed changes (its own and other instances') into contract events.
 *
 * `LocalCore` is the public face. What the first screen needs (login, lists, history, live delivery,
 * presence) is here and in `local-core.ts`; what waits for a user action or a rarer event (sending,
 * read marks, edits, settings, groups, friendships, search, tools) is in `ops/*.ts`, loaded on first
 * use. Those modules are functions of a `Client`, which is why its members are public: it is internal
 * to `core/local` and never exported from the package.
 */
import type { ChatCoreEventMap, ChatCoreEventName } from '../contract.js';
import type { Conversation, GroupID, GroupProfile, KickedOutReason, Message, NetState, UserID, UserProfile } from '../types.js';
// Through first-screen.ts: every lazy op reaches this module, so the bundler puts first-screen.ts in the
// errors and validation's chunk instead of an empty file of its own (see there).
import { ChatError, ChatErrorCode as E, toChatError, unreachable } from '../first-screen.js';
import { isValidGroupID, isValidUserID, parseConversationID } from '../validation.js';
import { CoreEmitter } from '../emitter.js';
import { newID, read, write, type Database, type StoredMessage, type Tx } from './database.js';
import { concerns, type Change, type Frame, type ListKind } from './change.js';
import { LocalFaults, sleep } from './faults.js';
import { MediaUrls } from './media.js';
import { loadApplications, loadBlacklist, loadConversations, loadFriends, loadJoinedGroups, projectGroup, projectMessages } from './projection.js';
import type { SearchIndex } from './search-index.js';
import { canSee, refuse } from './server/messages.js';
import type { LocalCoreOptions } from './local-core.js';

/** Operations loaded on first use. Each loads once, and callers waiting on the same load resume in
 *  call order. Code that cannot be fetched (offline after the page loaded) fails the operation with
 *  CHUNK_UNREACHABLE (its text: reload the page; a page keeps a failed module fetch), and the next call
 *  tries again (a browser that does fetch again then succeeds). */
function lazy<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((cause) => {
      loading = undefined;
      return unreachable(cause);
    }));
}
export const loadCompose = lazy(() => import('./ops/compose.js'));
export const loadChanges = lazy(() => import('./ops/changes.js'));
export const loadGroups = lazy(() => import('./ops/groups.js'));
export const loadRelationships = lazy(() => import('./ops/relationships.js'));
export const loadSearch = lazy(() => import('./ops/search.js'));
export const loadExtras = lazy(() => import('./ops/extras.js'));

export const ALL_LISTS: ListKind[] = ['conversations', 'friends', 'applications', 'blacklist', 'groups'];
/** Seconds after sending during which the sender may recall (Tencent's default). */
export const REVOKE_WINDOW_SECONDS = 120;
/** List events are coalesced to one per frame. */
const COALESCE_MS = 16;
/** An instance unheard of for this long is offline. */
const PRESENCE_TTL_MS = 25_000;
const KICK_CODES: Record<KickedOutReason, number> = {
  multipleDevice: E.KICKED_OUT_MULT_DEVICE,
  multipleAccount: E.KICKED_OUT_MULT_ACCOUNT,
  userSigExpired: E.KICKED_OUT_USERSIG_EXPIRED,
  REST_API_Kick: E.KICKED_OUT_REST_API,
};

export class Client {
  readonly emitter = new CoreEmitter();
  readonly media = new MediaUrls();
  readonly faults: LocalFaults;
  /** To every other instance of the database (a BroadcastChannel never delivers to its own sender):
   *  `post` sends. */
  readonly channel: BroadcastChannel;
  readonly now: () => number;
  readonly multiInstance: 'kick' | 'allow';
  /** This instance, in presence and login frames. */
  readonly iid = newID('i-');

  session: 'out' | 'logging' | 'in' = 'out';
  /** Code every method rejects with while not logged in: 2024, or the last kick's code. */
  closedCode: number = E.USER_NOT_LOGGED_IN;
  me: UserID = '';
  profile: UserProfile | null = null;
  net: NetState = 'connected';
  offlineSince = 0;
  destroyed = false;

  /** Messages this instance handed out (findMessage). */
  readonly known = new Map<string, Message>();
  /** Version of each message this instance has seen: the dedupe of every delivery. */
  readonly seen = new Map<string, number>();
  /** Local echoes in stored form, resolved once durable in the outbox. */
  readonly outgoing = new Map<string, Promise<Message>>();
  /** The search index, built by the first search, then kept current by every delivery. */
  search: Promise<SearchIndex> | null = null;
  total = -1;
  readonly #dirty = new Set<ListKind>();
  #flushing: Promise<void> | null = null;
  /** Timers that end with the session (the echo bot's). */
  readonly timers = new Set<ReturnType<typeof setTimeout>>();
  heartbeat: ReturnType<typeof setInterval> | undefined;
  /** instance ID → [userID, last heard ms]. */
  readonly #presence = new Map<string, [UserID, number]>();
  /** Who is typing to this user, and the timer that clears it (see `ops/compose.ts`). */
  readonly typing = new Map<UserID, ReturnType<typeof setTimeout>>();

  constructor(
    readonly db: Database,
    options: LocalCoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.multiInstance = options.multiInstance ?? 'kick';
    this.faults = new LocalFaults(this, options.faults);
    this.channel = new BroadcastChannel(`tim-elements:${db.name}`);
    this.channel.onmessage = ({ data }: MessageEvent<Frame>) => {
      const { deliverOutOfOrder, deliverTwice } = this.faults.settings;
      // The delivery faults (frames twice, or held and reordered) load with the extras, only once set.
      if (deliverOutOfOrder || deliverTwice) this.background(loadExtras().then((extras) => extras.deliverFaulty(this, data)));
      else this.hear(data);
    };
  }

  post(frame: Frame): void {
    this.channel.postMessage(frame);
  }

  /** A frame from another instance; none arrives while disconnected. */
  hear(frame: Frame): void {
    if (this.net === 'connected') this.background(this.#receive(frame));
  }

  /** Emits only while `me` is still the logged-in user (work may finish after a logout). */
  emit<K extends ChatCoreEventName>(me: UserID, type: K, payload: ChatCoreEventMap[K]): void {
    if (me === this.me) this.emitter.emit(type, payload);
  }

  user(): UserID {
    if (this.session === 'in') return this.me;
    throw new ChatError(this.session === 'logging' ? E.LOGGING_IN : this.closedCode, 'Not logged in');
  }

  /** Every method: session, injected latency and failures, then the network (for service calls). */
  async op<T>(method: string, work: (me: UserID) => Promise<T>, remote = true, upload?: (progress: number) => void): Promise<T> {
    this.user();
    await this.faults.before(method, upload);
    const me = this.user();
    if (remote && this.net !== 'connected') refuse(E.NETWORK_ERROR, 'Network unavailable');
    return work(me);
  }

  secondsNow(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Work nobody awaits (deliveries, list refreshes): a failure becomes an `error` event, unless the
   *  instance was destroyed meanwhile (its database is closed). */
  background(work: Promise<unknown>): void {
    work.catch((error) => this.destroyed || this.emitter.emit('error', toChatError(error)));
  }

  /** Validates a conversation ID's form (2500) and, for C2C, the peer's ID (20003). */
  target(conversationID: unknown): { type: 'C2C' | 'GROUP'; targetID: string } {
    const target = typeof conversationID === 'string' ? parseConversationID(conversationID) : null;
    if (!target || target.type === '@TIM#SYSTEM' || (target.type === 'GROUP' && !isValidGroupID(target.targetID)))
      refuse(E.CONVERSATION_NOT_FOUND, `No conversation ${String(conversationID)}`);
    if (target.type === 'C2C' && !isValidUserID(target.targetID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${target.targetID}`);
    return target;
  }

  /** Messages as `me` sees them, remembered as handed out (and as seen, at their version). */
  async project(me: UserID, recs: StoredMessage[], tx: Tx = read(this.db)): Promise<Message[]> {
    const list = await projectMessages(tx, me, recs, this.media);
    for (const [i, message] of list.entries()) {
      this.known.set(message.ID, message);
      if (!this.seen.has(message.ID)) this.seen.set(message.ID, recs[i]!.v);
    }
    return list;
  }

  /** A group's profile as `me` sees it; 10010 when there is none. */
  async groupProfile(me: UserID, groupID: GroupID): Promise<GroupProfile> {
    const tx = read(this.db);
    const group = await tx.objectStore('groups').get(groupID);
    return group ? projectGroup(tx, me, group) : refuse(E.GROUP_NOT_FOUND, `No group ${groupID}`);
  }

  /** Drops an unsent or failed echo. */
  discard(messageID: string): void {
    const echo = this.known.get(messageID);
    if (!echo || echo.status === 'success') return;
    this.known.delete(messageID);
    this.outgoing.delete(messageID);
    void write(this.db, (tx) => tx.objectStore('outbox').delete(messageID)).catch(() => {});
  }

  // ───────────────────────────── incoming ─────────────────────────────

  async #receive(frame: Frame): Promise<void> {
    const me = this.me;
    if (this.session !== 'in') return;
    switch (frame.k) {
      case 'change':
        return this.onChange(frame, false);
      case 'login':
        if (frame.user === me && this.multiInstance === 'kick') this.end('multipleAccount');
        return;
      case 'who':
        return this.beat();
      case 'presence':
        return this.#heard(frame.iid, frame.user);
      case 'typing':
        if (frame.to === me) (await loadCompose()).typingOf(this, me, frame.from, frame.typing);
        return;
      case 'online':
        if (frame.to.includes(me)) (await loadCompose()).receiveOnline(this, me, frame.rec);
    }
  }

  /** A committed change (`local`: this instance's own, see `publish.ts`), as its user sees it. */
  async onChange(change: Change, local: boolean): Promise<void> {
    const me = this.me;
    if (!me || !concerns(change, me)) return;
    if (change.reindex) this.search = null;
    try {
      if (change.ids?.length) await this.deliver(me, change.ids);
      // The rest (receipts, deletions, group changes, profiles) follows a user action or a rarer event.
      if (change.read || change.deleted || change.group || change.profiles) await (await loadChanges()).changed(this, me, change, local);
    } finally {
      // The lists are re-read even when a step failed (say, its code could not be fetched).
      if (change.lists) this.background(this.touch(...change.lists));
    }
  }

  /**
   * Re-reads messages and emits what is new to this instance: unseen → messageReceived; seen at an
   * older version → messageRevoked / messageModified. Duplicate or reordered frames find nothing new.
   */
  async deliver(me: UserID, ids: string[]): Promise<void> {
    // Deliveries read in parallel but tell in the order they began (the frames' order): one that takes longer
    // (media to project) never lets a later message overtake it in `messageReceived`.
    const previous = this.#delivered;
    let told!: () => void;
    this.#delivered = new Promise<void>((resolve) => (told = resolve));
    try {
      const [recs, list] = await this.arrived(me, ids);
      await previous;
      if (me !== this.me) return;
      await this.#tell(me, recs, list);
    } finally {
      told();
    }
  }

  /** The last delivery begun, settled once it has told what it had to. */
  #delivered: Promise<void> = Promise.resolve();

  /** The messages `ids` that `me` may see, oldest first: as stored, and as `me` sees them. */
  async arrived(me: UserID, ids: string[]): Promise<[StoredMessage[], Message[]]> {
    const tx = read(this.db);
    const recs: StoredMessage[] = [];
    for (const id of ids) {
      const rec = await tx.objectStore('messages').get(id);
      if (await canSee(tx, me, rec)) recs.push(rec!);
    }
    recs.sort((a, b) => a.ms - b.ms);
    return [recs, await projectMessages(tx, me, recs, this.media)];
  }

  async #tell(me: UserID, recs: StoredMessage[], list: Message[]): Promise<void> {
    const index = this.search && (await this.search);
    const received: Message[] = [];
    const modified: Message[] = [];
    const revoked: ChatCoreEventMap['messageRevoked']['messages'] = [];
    for (const [i, message] of list.entries()) {
      const rec = recs[i]!;
      const seen = this.seen.get(rec.ID);
      index?.put(rec);
      if (seen !== undefined && seen >= rec.v) continue;
      this.seen.set(rec.ID, rec.v);
      this.known.set(rec.ID, message);
      if (seen === undefined) received.push(message);
      else if (rec.isRevoked) revoked.push({ ID: rec.ID, conversationID: message.conversationID, ...(message.revoker ? { revoker: message.revoker } : {}) });
      else modified.push(message);
    }
    if (received.length) this.emit(me, 'messageReceived', { messages: received });
    // Changes this instance made itself were marked seen before they were published: no self-events.
    if (revoked.length) this.emit(me, 'messageRevoked', { messages: revoked });
    if (modified.length) this.emit(me, 'messageModified', { messages: modified });
  }

  /** Marks list snapshots stale; they are re-read and emitted together once per frame. */
  touch(...kinds: ListKind[]): Promise<void> {
    for (const kind of kinds) this.#dirty.add(kind);
    return (this.#flushing ??= (async () => {
      try {
        await sleep(COALESCE_MS);
        while (this.#dirty.size && this.me) {
          const me = this.me;
          const kinds = [...this.#dirty];
          this.#dirty.clear();
          const tx = read(this.db);
          for (const kind of kinds) {
            if (kind === 'conversations') {
              const before = this.total;
              const conversationList = await this.conversations(tx, me);
              this.emit(me, 'conversationListUpdated', { conversationList });
              if (this.total !== before) this.emit(me, 'totalUnreadCountUpdated', { count: this.total });
            } else if (kind === 'friends') this.emit(me, 'friendListUpdated', { friendList: await loadFriends(tx, me) });
            else if (kind === 'applications') this.emit(me, 'friendApplicationListUpdated', { applicationList: await loadApplications(tx, me) });
            else if (kind === 'blacklist') this.emit(me, 'blacklistUpdated', { userIDList: await loadBlacklist(tx, me) });
            else this.emit(me, 'groupListUpdated', { groupList: await loadJoinedGroups(tx, me) });
          }
        }
      } finally {
        this.#flushing = null;
      }
    })());
  }

  /** The conversation list; also recounts the total unread. */
  async conversations(tx: Tx, me: UserID): Promise<Conversation[]> {
    const list = await loadConversations(tx, me, this.media);
    if (me === this.me) this.total = list.reduce((sum, c) => sum + (c.messageRemindType === 'AcceptAndNotify' ? c.unreadCount : 0), 0);
    return list;
  }

  // ───────────────────────────── presence ─────────────────────────────

  beat(): void {
    this.post({ k: 'presence', iid: this.iid, user: this.me });
  }

  online(userID: UserID): boolean {
    if (userID === this.me) return true;
    const fresh = this.now() - PRESENCE_TTL_MS;
    for (const [user, heard] of this.#presence.values()) if (user === userID && heard > fresh) return true;
    return false;
  }

  /** A heartbeat (or goodbye, `userID` '') from instance `iid`; emits when a user's status flips. */
  #heard(iid: string, userID: UserID): void {
    const previous = this.#presence.get(iid)?.[0];
    const users = [previous, userID].filter((u): u is UserID => !!u);
    const before = users.map((u) => this.online(u));
    if (userID) this.#presence.set(iid, [userID, this.now()]);
    else this.#presence.delete(iid);
    const statuses = users.map((u) => ({ userID: u, online: this.online(u) })).filter((s, i) => s.online !== before[i]);
    if (statuses.length) this.emit(this.me, 'userStatusUpdated', { statuses });
  }

  /** Forgets instances unheard of for too long. */
  sweep(): void {
    const stale = this.now() - PRESENCE_TTL_MS;
    for (const [iid, [, heard]] of this.#presence) if (heard <= stale) this.#heard(iid, '');
  }

  // ───────────────────────────── session ─────────────────────────────

  /** Logged out or kicked: forget the session, tell the other instances this one is gone. */
  end(reason: KickedOutReason | 'logout'): void {
    if (this.session !== 'in') return;
    this.post({ k: 'presence', iid: this.iid, user: '' });
    clearInterval(this.heartbeat);
    for (const timer of [...this.timers, ...this.typing.values()]) clearTimeout(timer);
    for (const collection of [this.timers, this.typing, this.known, this.seen, this.outgoing, this.#presence, this.#dirty]) collection.clear();
    this.search = null;
    this.session = 'out';
    this.closedCode = reason === 'logout' ? E.USER_NOT_LOGGED_IN : KICK_CODES[reason];
    this.me = '';
    this.profile = null;
    this.total = -1;
    if (reason !== 'logout') this.emitter.emit('kickedOut', { reason });
    this.emitter.emit('notReady', { reason });
  }

  setNet(state: NetState): void {
    this.net = state;
    this.emitter.emit('netStateChange', { state });
  }
}
