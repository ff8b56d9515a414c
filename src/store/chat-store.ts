/**
 * ChatStore: the one subscriber of a core. It keeps normalised, immutable slices (see `state.ts`), owns the
 * optimistic outbox and the profile cache, and offers the actions elements call. Elements never call the
 * core; they read slices through `StoreController` and call these actions.
 *
 * One store per core; several stores (several providers) on a page are independent.
 */
import {
  parseConversationID,
  toChatError,
  unreachable,
  type ChatCore,
  type ChatCoreEventMap,
  type Conversation,
  type ConversationID,
  type CreateMessageOptions,
  type Friend,
  type GroupID,
  type GroupMember,
  type GroupProfile,
  type Message,
  type MessageDraft,
  type MessageRemindType,
  type SendMessageOptions,
  type Unsubscribe,
  type UserID,
  type UserProfile,
} from '../core/index.js';
import {
  emptyWindow,
  mergeMessages,
  sameValue,
  withLive,
  withPage,
  withRevoked,
  withUpdates,
  withoutMessages,
  type Revoker,
} from './message-window.js';
import { initialState, withEntry, type MessageWindow, type StoreState } from './state.js';
import type { StoreInternals } from './actions.js';
import { loadOnce } from '../load-once.js';

/** How long a typing indicator lives without a refresh (reliability F23). */
const TYPING_TTL_MS = 12_000;
const PAGE_SIZE = 20;

type Actions = typeof import('./actions.js');
type ActionArgs<F> = F extends (s: StoreInternals, ...args: infer A) => unknown ? A : never;
/** What calling an action through the lazy module gives: a promise, even of a synchronous action. */
type ActionResult<F> = F extends (...args: never[]) => infer R ? Promise<Awaited<R>> : never;
/**
 * The lazily loaded actions (see `actions.ts`), once asked for. A load that fails (offline) rejects the action
 * with `CHUNK_UNREACHABLE` (network category; its text: reload the page), and the next action tries again.
 */
const loadActions = loadOnce(() => import('./actions.js').catch(unreachable));

export type StoreListener = (state: StoreState, previous: StoreState) => void;

export interface SendOptions {
  cloudCustomData?: string;
  needReadReceipt?: boolean;
  sendOptions?: SendMessageOptions;
}

/**
 * The actions of `actions.ts` that `ChatStore` offers as they are, as methods of the same name and
 * parameters (added by its static block). They wait for a user action on a secondary screen or menu, or
 * for a rare event, so the module loads on the first call of one; calls made meanwhile run in order once
 * it has. Their documentation is in `actions.ts`.
 */
const LAZY_ACTIONS = [
  // conversations
  'clearHistory',
  'deleteConversation',
  // messages
  'getMessage',
  'downloadMergerMessage',
  'getGroupMessageReadMembers',
  'searchMessages',
  'resend',
  'discard',
  'forward',
  'forwardMerged',
  'revoke',
  'modify',
  'deleteMessages',
  // people
  'searchContacts',
  'loadProfiles',
  'updateMyProfile',
  'addFriend',
  'deleteFriend',
  'updateFriendRemark',
  'loadApplications',
  'acceptFriendApplication',
  'refuseFriendApplication',
  'block',
  'unblock',
  // groups
  'loadGroup',
  'loadJoinedGroups',
  'createGroup',
  'updateGroupProfile',
  'addGroupMembers',
  'removeGroupMembers',
  'setGroupMemberRole',
  'setGroupMemberMuteTime',
  'setGroupMemberNameCard',
  'changeGroupOwner',
  'quitGroup',
  'dismissGroup',
] as const satisfies ReadonlyArray<keyof Actions>;

/** The lazy actions as `ChatStore` methods (assignable, like any method): the parameters after the internals. */
type LazyActions = {
  -readonly [K in keyof Pick<Actions, (typeof LAZY_ACTIONS)[number]>]: (...args: ActionArgs<Actions[K]>) => ActionResult<Actions[K]>;
};

// The class declaration merges with this interface: the static block below defines these methods.
export interface ChatStore extends LazyActions {}

export class ChatStore {
  static {
    for (const name of LAZY_ACTIONS) {
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        writable: true,
        value(this: ChatStore, ...args: unknown[]) {
          return this.#run(name, ...(args as ActionArgs<Actions[typeof name]>));
        },
      });
    }
  }

  readonly core: ChatCore;
  #state: StoreState = initialState();
  #notified: StoreState = this.#state;
  #listeners = new Set<StoreListener>();
  #unsubscribers: Unsubscribe[] = [];
  #notifyQueued = false;
  #tombstones = new Map<string, Revoker | null>();
  #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #autoRetries = new Map<string, number>();
  /** Per conversation, the last send in line: each send waits for the one before (reliability F8). */
  #sendLine = new Map<ConversationID, Promise<unknown>>();
  #profileRequests = new Set<UserID>();
  #profileBatch = new Set<UserID>();
  #groupRequests = new Set<GroupID>();
  #inflight = new Map<string, Promise<unknown>>();
  /** Optimistic conversation patches whose action has not settled: overlaid on every snapshot until it
   *  has, so a snapshot computed before the action committed cannot briefly undo it. */
  #pendingPatches = new Map<ConversationID, Array<Partial<Conversation>>>();
  #internals: StoreInternals | undefined;
  #destroyed = false;

  constructor(core: ChatCore) {
    this.core = core;
    this.#listen();
    if (core.isReady()) this.#onReady(core.getLoginUser());
    this.#set({ net: core.getNetState() });
  }

  /** The current state. Never mutate it: every change makes new slices. */
  get state(): StoreState {
    return this.#state;
  }

  /** Called after a batch of changes (one microtask later). Returns the unsubscribe function. */
  subscribe(listener: StoreListener): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Number of store subscribers (elements), for leak tests. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Stops listening to the core. The host owns the core and destroys it itself. */
  destroy(): void {
    this.#destroyed = true;
    this.#unsubscribers.forEach((off) => off());
    this.#unsubscribers = [];
    this.#typingTimers.forEach((t) => clearTimeout(t));
    this.#typingTimers.clear();
    this.#listeners.clear();
  }

  // ───────────────────────────── session ─────────────────────────────

  /** Logs in (or again, after a kick-out or ticket expiry). */
  async login(userID: UserID, userSig?: string): Promise<void> {
    this.#set({ session: { status: 'loggingIn', userID } });
    try {
      await this.core.login({ userID, ...(userSig ? { userSig } : {}) });
      if (this.core.isReady()) this.#onReady(this.core.getLoginUser());
    } catch (error) {
      const e = toChatError(error);
      this.#set({ session: { status: 'loggedOut', userID: '', error: e } });
      throw e;
    }
  }

  async logout(): Promise<void> {
    await this.core.logout();
    this.#reset({ status: 'loggedOut', userID: '' });
  }

  // ───────────────────────────── conversations ─────────────────────────────

  /** Loads (or reloads) the conversation list. */
  loadConversations(): Promise<void> {
    return this.#load('conversations', () => this.core.getConversationList(), (list) => {
      this.#applyConversations(list);
      this.#set({ totalUnread: this.core.getTotalUnreadCount() });
    });
  }

  /** The conversation from the list, or fetched (creating an empty one for a new valid target). */
  async ensureConversation(conversationID: ConversationID): Promise<Conversation> {
    const known = this.conversation(conversationID);
    if (known) return known;
    const conversation = await this.core.getConversation(conversationID);
    this.#learnFromConversations([conversation]);
    return conversation;
  }

  /** A conversation of the loaded list. */
  conversation(conversationID: ConversationID): Conversation | undefined {
    return this.#state.conversations.value.find((c) => c.conversationID === conversationID);
  }

  pinConversation(conversationID: ConversationID, isPinned: boolean): Promise<void> {
    return this.#patchConversation(conversationID, { isPinned }, () => this.core.pinConversation(conversationID, isPinned));
  }

  setMessageRemindType(conversationID: ConversationID, type: MessageRemindType): Promise<void> {
    return this.#patchConversation(conversationID, { messageRemindType: type }, () =>
      this.core.setMessageRemindType(conversationID, type),
    );
  }

  /** Marks the conversation read when it has anything unread; cheap to call often. */
  markRead(conversationID: ConversationID): Promise<void> {
    const c = this.conversation(conversationID);
    if (c && c.unreadCount === 0 && !c.isMarkedUnread && c.groupAtInfoList.length === 0) return Promise.resolve();
    return this.#once(`read:${conversationID}`, () =>
      this.#patchConversation(conversationID, { unreadCount: 0, isMarkedUnread: false, groupAtInfoList: [] }, () =>
        this.core.markConversationRead(conversationID),
      ),
    );
  }

  markUnread(conversationID: ConversationID, unread: boolean): Promise<void> {
    return this.#patchConversation(conversationID, { isMarkedUnread: unread }, () =>
      this.core.markConversationUnread(conversationID, unread),
    );
  }

  setDraft(conversationID: ConversationID, draftText: string): Promise<void> {
    const c = this.conversation(conversationID);
    if (c && c.draftText === draftText) return Promise.resolve();
    return this.#patchConversation(conversationID, { draftText }, () =>
      this.core.setConversationDraft(conversationID, draftText),
    );
  }

  // ───────────────────────────── history ─────────────────────────────

  /** Opens a conversation at its newest page (reusing a live window that is already loaded). */
  async openConversation(conversationID: ConversationID, options: { reload?: boolean } = {}): Promise<MessageWindow> {
    const existing = this.#state.windows.get(conversationID);
    if (existing && existing.status === 'ready' && !existing.hasNewer && !options.reload) return existing;
    return this.#once(`open:${conversationID}`, async () => {
      const start = this.#state.windows.get(conversationID) ?? emptyWindow(conversationID);
      this.#setWindow({ ...start, status: 'loading', error: undefined });
      try {
        const page = await this.core.getMessageList({ conversationID, count: PAGE_SIZE });
        return this.#updateWindow(conversationID, (w) => withPage(w, page, 'newest', this.#tombstones));
      } catch (error) {
        const e = toChatError(error);
        // A failed reload of a history on screen (after a send from an older part of it, a login again)
        // leaves it as it was, pageable: an 'error' window stops paging and reading (reliability F7).
        this.#updateWindow(conversationID, (w) => (start.messages.length ? { ...w, status: 'ready' } : { ...w, status: 'error', error: e }));
        throw e;
      }
    });
  }

  /**
   * Loads the page before the oldest loaded message (`count` messages, default one page). Resolves false
   * when there is nothing older.
   */
  async loadOlder(conversationID: ConversationID, count = PAGE_SIZE): Promise<boolean> {
    const w = this.#state.windows.get(conversationID);
    if (!w || !w.hasOlder || w.status !== 'ready') return false;
    // A window opened around a message (`openAround`) has no cursor: it pages by hopping from its edge, a lazy action.
    if (!w.olderCursor && w.messages.some((m) => m.status === 'success')) return this.#run('hop', conversationID, 'older', count);
    return this.#once(`older:${conversationID}`, async () => {
      this.#updateWindow(conversationID, (x) => ({ ...x, loadingOlder: true }));
      try {
        const { olderCursor } = this.#state.windows.get(conversationID)!;
        const page = await this.core.getMessageList({ conversationID, count, ...(olderCursor ? { nextReqMessageID: olderCursor } : {}) });
        this.#updateWindow(conversationID, (x) => withPage(x, page, 'older', this.#tombstones));
        return true;
      } catch (error) {
        this.#updateWindow(conversationID, (x) => ({ ...x, loadingOlder: false }));
        throw toChatError(error);
      }
    });
  }

  /** For a window opened around an older message: loads the next newer page. */
  loadNewer(conversationID: ConversationID): Promise<boolean> {
    return this.#run('hop', conversationID, 'newer', PAGE_SIZE);
  }

  /** Opens the history around one message (search results, quotes). Reuses the window when it holds it. */
  openAround(conversationID: ConversationID, messageID: string): Promise<MessageWindow> {
    return this.#run('openAround', conversationID, messageID, PAGE_SIZE);
  }

  /** A message from any loaded window. */
  findMessage(messageID: string): Message | undefined {
    for (const w of this.#state.windows.values()) {
      const m = w.messages.find((x) => x.ID === messageID);
      if (m) return m;
    }
    return this.core.findMessage(messageID) ?? undefined;
  }

  // ───────────────────────────── the outbox ─────────────────────────────

  /**
   * Sends a message optimistically: the local echo shows at once as pending, then becomes sent or failed
   * in place (same ID). Rejects with the ChatError; the failed message stays, with Retry.
   * Bad input (text too long, file too large) rejects before anything is shown.
   */
  async send(conversationID: ConversationID, draft: MessageDraft, options: SendOptions = {}): Promise<Message> {
    const create: CreateMessageOptions = {
      conversationID,
      draft,
      ...(options.cloudCustomData ? { cloudCustomData: options.cloudCustomData } : {}),
      ...(options.needReadReceipt ? { needReadReceipt: true } : {}),
    };
    const echo = this.core.createMessage(create);
    return this.#dispatch(echo, () => this.core.sendMessage(echo.ID, options.sendOptions));
  }

  /** Sends text, with @-mentions in groups. */
  sendText(conversationID: ConversationID, text: string, options: SendOptions & { atUserList?: UserID[] } = {}): Promise<Message> {
    const { atUserList, ...rest } = options;
    return this.send(conversationID, { type: 'TIMTextElem', payload: { text }, ...(atUserList?.length ? { atUserList } : {}) }, rest);
  }

  /** The service's clock in seconds (the recall window is measured with it, not the device's clock). */
  serverTime(): number {
    return this.core.getServerTime();
  }

  /** Typing start/stop. Failures are ignored: typing is best-effort and online-only. */
  setTyping(conversationID: ConversationID, typing: boolean): void {
    if (!this.core.capabilities.typingIndicator || parseConversationID(conversationID)?.type !== 'C2C') return;
    this.core.setTyping(conversationID, typing).catch(() => undefined);
  }

  // ───────────────────────────── people ─────────────────────────────

  /** Makes sure profiles of these users get loaded (batched; unknown IDs are ignored). */
  ensureProfiles(userIDs: Iterable<UserID>): void {
    const idle = this.#profileBatch.size === 0;
    for (const id of userIDs) {
      if (!id || this.#state.profiles.has(id) || this.#profileRequests.has(id)) continue;
      this.#profileRequests.add(id);
      this.#profileBatch.add(id);
    }
    if (!idle || this.#profileBatch.size === 0) return;
    queueMicrotask(() => {
      const ids = [...this.#profileBatch];
      this.#profileBatch.clear();
      const forget = () => ids.forEach((id) => this.#profileRequests.delete(id));
      if (!this.core.isReady()) return forget();
      this.core.getUserProfiles(ids).then((profiles) => this.#learnProfiles(profiles), forget);
    });
  }

  /** Starts following the online state of these users (where the core supports it). */
  async watchPresence(userIDs: UserID[]): Promise<void> {
    if (!this.core.capabilities.userStatus || userIDs.length === 0) return;
    const statuses = await this.core.getUserStatus(userIDs);
    this.#applyPresence(statuses);
  }

  loadFriends(): Promise<void> {
    return this.#load('friends', () => this.core.getFriendList(), (list) => this.#applyFriends(list));
  }

  /** (The composer loads it for a one-to-one chat: it stays in the first screen's code.) */
  loadBlacklist(): Promise<void> {
    return this.#load('blacklist', () => this.core.getBlacklist(), (value) => {
      this.#set({ blacklist: { status: 'ready', value } });
      this.ensureProfiles(value);
    });
  }

  // ───────────────────────────── groups ─────────────────────────────

  /** Makes sure these groups' profiles get loaded. */
  ensureGroups(groupIDs: Iterable<GroupID>): void {
    for (const id of groupIDs) {
      if (!id || this.#state.groups.has(id) || this.#groupRequests.has(id)) continue;
      this.#groupRequests.add(id);
      this.core.getGroupProfile(id).then(
        (g) => this.#applyGroups([g]),
        () => this.#groupRequests.delete(id),
      );
    }
  }

  /** Loads the next page of a group's members (from the start with `reset`). */
  async loadMembers(groupID: GroupID, options: { reset?: boolean; count?: number } = {}): Promise<void> {
    return this.#once(`members:${groupID}`, async () => {
      const current = options.reset ? undefined : this.#state.members.get(groupID);
      if (current && current.status === 'ready' && current.offset === 0) return;
      const base = current ?? { members: [], offset: 0, status: 'idle' as const };
      this.#set({ members: withEntry(this.#state.members, groupID, { ...base, status: 'loading' }) });
      try {
        const page = await this.core.getGroupMemberList(groupID, { offset: base.offset, count: options.count ?? 100 });
        const members = mergeMembers(base.members, page.memberList, []);
        this.#set({ members: withEntry(this.#state.members, groupID, { members, offset: page.offset, status: 'ready' }) });
        // A member list is a snapshot: it only fills gaps.
        this.#learnProfiles(
          page.memberList.map((m) => ({ userID: m.userID, nick: m.nick, avatar: m.avatar }) as UserProfile),
          false,
        );
      } catch (error) {
        const e = toChatError(error);
        this.#set({ members: withEntry(this.#state.members, groupID, { ...base, status: 'error', error: e }) });
        throw e;
      }
    });
  }

  /** Specific members (an @-mention picker, a sender's name card). */
  async loadGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<GroupMember[]> {
    const members = await this.core.getGroupMembers(groupID, userIDs);
    this.#applyMembers(groupID, members, []);
    return members;
  }

  // ───────────────────────────── internals ─────────────────────────────

  /** Runs one of the actions of `actions.ts` (loaded on first use; a load that fails rejects like a
   *  network error, and the next call tries again). */
  #run<K extends keyof Actions>(name: K, ...args: ActionArgs<Actions[K]>): ActionResult<Actions[K]> {
    return loadActions().then((m) =>
      (m[name] as (s: StoreInternals, ...rest: unknown[]) => unknown)(
        (this.#internals ??= {
          store: this,
          core: this.core,
          withEntry,
          withoutMessages,
          withRevoked,
          withUpdates,
          tombstones: this.#tombstones,
          autoRetries: this.#autoRetries,
          emptyWindow,
          mergeMessages,
          withLive,
          dispatch: (pending, run) => this.#dispatch(pending, run),
          set: (patch) => this.#set(patch),
          load: (key, fetch, apply) => this.#load(key, fetch, apply),
          learnProfiles: (profiles, override) => this.#learnProfiles(profiles, override),
          applyGroups: (groups) => this.#applyGroups(groups),
          applyGroupList: (list) => this.#applyGroupList(list),
          once: (key, run) => this.#once(key, run),
          updateWindow: (conversationID, update) => this.#updateWindow(conversationID, update),
        }),
        ...args,
      ),
    ) as ActionResult<Actions[K]>;
  }

  #set(patch: Partial<StoreState>): void {
    const keys = Object.keys(patch) as Array<keyof StoreState>;
    if (this.#destroyed || keys.every((key) => patch[key] === this.#state[key])) return;
    this.#state = { ...this.#state, ...patch };
    if (this.#notifyQueued) return;
    this.#notifyQueued = true;
    queueMicrotask(() => {
      this.#notifyQueued = false;
      const previous = this.#notified;
      this.#notified = this.#state;
      for (const listener of [...this.#listeners]) listener(this.#state, previous);
    });
  }

  /** Loads one Loadable slice: loading → (apply the result) | error. One at a time per slice. */
  #load<K extends 'conversations' | 'friends' | 'blacklist' | 'applications' | 'joinedGroups', T>(
    key: K,
    fetch: () => Promise<T>,
    apply: (value: T) => void,
  ): Promise<void> {
    return this.#once(key, async () => {
      this.#set({ [key]: { ...this.#state[key], status: 'loading', error: undefined } });
      try {
        apply(await fetch());
      } catch (error) {
        const e = toChatError(error);
        this.#set({ [key]: { ...this.#state[key], status: 'error', error: e } });
        throw e;
      }
    });
  }

  /** Runs one load at a time per key; concurrent callers share the promise. */
  #once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const running = this.#inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = run().finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  #setWindow(window: MessageWindow): MessageWindow {
    this.#set({ windows: withEntry(this.#state.windows, window.conversationID, window) });
    return window;
  }

  #updateWindow(conversationID: ConversationID, update: (w: MessageWindow) => MessageWindow): MessageWindow {
    const current = this.#state.windows.get(conversationID) ?? emptyWindow(conversationID);
    const next = update(current);
    if (next !== current) this.#setWindow(next);
    return next;
  }

  /** Shows an outgoing message as pending, runs the send once the conversation's previous send has
   *  settled (so a slow one, an image say, is not overtaken: the peer gets them in the order sent), and
   *  puts the outcome in place. */
  async #dispatch(pending: Message, run: () => Promise<Message>): Promise<Message> {
    const id = pending.conversationID;
    const before = this.#state.windows.get(id);
    this.#updateWindow(id, (w) => withLive({ ...w, hasNewer: false }, [pending]));
    if (before?.hasNewer)
      void this.openConversation(id, { reload: true }).catch(() => {
        // The newest page could not be fetched: the messages between the part on screen and the one sent are
        // still to load, from the end of that part (paging from the message sent would skip them).
        const edge = before.newerFrom ?? before.messages.filter((m) => m.status === 'success').at(-1)?.ID;
        if (edge) this.#updateWindow(id, (w) => ({ ...w, hasNewer: true, newerFrom: edge }));
      });
    const turn = (this.#sendLine.get(id) ?? Promise.resolve()).then(run);
    this.#sendLine.set(id, turn.catch(() => undefined));
    try {
      const sent = await turn;
      this.#updateWindow(id, (w) => withLive(w, [sent], this.#tombstones));
      this.#autoRetries.delete(sent.ID);
      return sent;
    } catch (error) {
      const e = toChatError(error);
      // The core's version of the message when the error carries one, else the echo with the error: failed either way.
      const failed = { ...(e.data?.message ?? { ...pending, error: { code: e.code, message: e.message } }), status: 'fail' } as Message;
      this.#updateWindow(id, (w) => withLive(w, [failed]));
      throw e;
    } finally {
      // Sent or failed, the message (same ID) has no upload in progress any more.
      this.#set({ progress: withEntry(this.#state.progress, pending.ID, undefined) });
    }
  }

  async #patchConversation(conversationID: ConversationID, patch: Partial<Conversation>, run: () => Promise<void>): Promise<void> {
    const pending = this.#pendingPatches.get(conversationID) ?? [];
    pending.push(patch);
    this.#pendingPatches.set(conversationID, pending);
    this.#set({
      conversations: {
        ...this.#state.conversations,
        value: this.#state.conversations.value.map((c) => (c.conversationID === conversationID ? { ...c, ...patch } : c)),
      },
    });
    try {
      await run();
    } catch (error) {
      // The optimistic patch is wrong: go back to what the core says (the list comes back after the patch
      // has left the pending ones, below: it is not laid over it again).
      this.loadConversations().catch(() => undefined);
      throw toChatError(error);
    } finally {
      pending.splice(pending.indexOf(patch), 1);
      if (pending.length === 0) this.#pendingPatches.delete(conversationID);
    }
  }

  #reset(session: StoreState['session']): void {
    this.#tombstones.clear();
    this.#autoRetries.clear();
    this.#profileRequests.clear();
    this.#groupRequests.clear();
    this.#typingTimers.forEach((t) => clearTimeout(t));
    this.#typingTimers.clear();
    this.#set({ ...initialState(), session, net: this.#state.net });
  }

  #onReady(userID: UserID): void {
    if (this.#state.session.status === 'ready' && this.#state.session.userID === userID) return;
    if (this.#state.session.userID !== userID) this.#reset({ status: 'ready', userID });
    else this.#set({ session: { status: 'ready', userID } });
    this.loadConversations().catch(() => undefined);
    this.loadFriends().catch(() => undefined);
    this.core.getMyProfile().then((p) => this.#learnProfiles([p]), () => undefined);
    // Windows loaded before a kick-out may have missed messages: refresh the live ones.
    for (const w of this.#state.windows.values()) {
      if (w.status === 'ready' && !w.hasNewer) void this.openConversation(w.conversationID, { reload: true }).catch(() => undefined);
    }
  }

  #listen(): void {
    const on = <K extends keyof ChatCoreEventMap>(type: K, handler: (p: ChatCoreEventMap[K]) => void) =>
      this.#unsubscribers.push(this.core.on(type, handler));

    on('ready', ({ userID }) => this.#onReady(userID));
    on('notReady', ({ reason }) => {
      if (reason === 'logout') this.#reset({ status: 'loggedOut', userID: '' });
    });
    on('kickedOut', ({ reason }) => {
      this.#set({ session: { status: 'kickedOut', userID: this.#state.session.userID, kickReason: reason } });
    });
    on('netStateChange', ({ state }) => {
      const wasDown = this.#state.net !== 'connected';
      this.#set({ net: state });
      if (state === 'connected' && wasDown) {
        this.#run('retryAfterReconnect').catch(() => undefined);
        this.loadConversations().catch(() => undefined);
      }
    });
    on('messageReceived', ({ messages }) => this.#receive(messages));
    on('messageUpdated', ({ messages }) => this.#updateKnown(messages));
    on('messageModified', ({ messages }) => this.#updateKnown(messages));
    on('messageRevoked', ({ messages }) => {
      for (const r of messages) {
        this.#tombstones.set(r.ID, r.revoker ?? null);
        this.#updateWindow(r.conversationID, (w) => withRevoked(w, [r]));
      }
    });
    on('messageDeleted', ({ conversationID, messageIDs }) =>
      this.#updateWindow(conversationID, (w) => withoutMessages(w, messageIDs)),
    );
    on('messageProgress', ({ messageID, progress }) =>
      this.#set({ progress: withEntry(this.#state.progress, messageID, progress) }),
    );
    on('conversationListUpdated', ({ conversationList }) => this.#applyConversations(conversationList));
    on('totalUnreadCountUpdated', ({ count }) => this.#set({ totalUnread: count }));
    on('profileUpdated', ({ profiles }) => this.#learnProfiles(profiles));
    on('friendListUpdated', ({ friendList }) => this.#applyFriends(friendList));
    on('friendApplicationListUpdated', ({ applicationList }) =>
      this.#set({ applications: { status: 'ready', value: applicationList } }),
    );
    on('blacklistUpdated', ({ userIDList }) => this.#set({ blacklist: { status: 'ready', value: userIDList } }));
    on('groupListUpdated', ({ groupList }) => this.#applyGroupList(groupList));
    on('groupProfileUpdated', ({ groups }) => this.#applyGroups(groups));
    on('groupMemberUpdated', ({ groupID, members, removedUserIDs }) => this.#applyMembers(groupID, members, removedUserIDs));
    on('typingStatus', ({ conversationID, userID, typing }) => this.#applyTyping(conversationID, userID, typing));
    on('userStatusUpdated', ({ statuses }) => this.#applyPresence(statuses));
  }

  #receive(messages: readonly Message[]): void {
    this.#updateWindows(messages, (w, list) => withLive(w, list, this.#tombstones));
    // A message ends its sender's typing.
    for (const m of messages) if (m.flow === 'in') this.#applyTyping(m.conversationID, m.from, false);
  }

  #updateKnown(messages: readonly Message[]): void {
    this.#updateWindows(messages, withUpdates);
  }

  /** Updates each loaded window with the messages of this batch that belong to it, all at once. */
  #updateWindows(messages: readonly Message[], update: (w: MessageWindow, list: readonly Message[]) => MessageWindow): void {
    for (const id of this.#state.windows.keys()) {
      const list = messages.filter((m) => m.conversationID === id);
      if (list.length) this.#updateWindow(id, (w) => update(w, list));
    }
  }

  #applyConversations(incoming: readonly Conversation[]): void {
    const list = this.#pendingPatches.size
      ? incoming.map((c) => this.#pendingPatches.get(c.conversationID)?.reduce<Conversation>((x, p) => ({ ...x, ...p }), c) ?? c)
      : incoming;
    const { status, value } = this.#state.conversations;
    const previous = new Map(value.map((c) => [c.conversationID, c] as const));
    // An unchanged conversation keeps its identity, and an unchanged list its own.
    const next = list.map((c) => {
      const old = previous.get(c.conversationID);
      return old && sameValue(old, c) ? old : c;
    });
    if (status !== 'ready' || next.length !== value.length || next.some((c, i) => c !== value[i])) {
      this.#set({ conversations: { status: 'ready', value: next } });
    }
    this.#learnFromConversations(incoming);
  }

  #learnFromConversations(list: readonly Conversation[]): void {
    const profiles: UserProfile[] = [];
    const missingGroups: GroupID[] = [];
    const missingUsers: UserID[] = [];
    for (const c of list) {
      if (c.userProfile) profiles.push(c.userProfile);
      else if (c.type === 'C2C') missingUsers.push(c.conversationID.slice(3));
      if (c.type === 'GROUP') missingGroups.push(c.conversationID.slice(5));
    }
    // Snapshots may be stale on the real service: they only fill gaps, events and fetches override.
    this.#learnProfiles(profiles, false);
    this.ensureProfiles(missingUsers);
    this.ensureGroups(missingGroups);
  }

  /** Adds profiles to the cache. Events and fetches `override` what it holds; snapshots (false) only fill gaps. */
  #learnProfiles(profiles: readonly UserProfile[], override = true): void {
    let map = this.#state.profiles;
    for (const p of profiles) {
      const old = map.get(p.userID);
      const merged = { ...old, ...p };
      if (old && (!override || sameValue(merged, old))) continue;
      map = withEntry(map, p.userID, merged);
      this.#profileRequests.add(p.userID);
    }
    this.#set({ profiles: map });
  }

  #applyFriends(list: readonly Friend[]): void {
    this.#set({ friends: { status: 'ready', value: new Map(list.map((f) => [f.userID, f] as const)) } });
    this.#learnProfiles(list.map((f) => f.profile));
  }

  #applyGroupList(list: readonly GroupProfile[]): void {
    this.#applyGroups(list);
    this.#set({ joinedGroups: { status: 'ready', value: list.map((g) => g.groupID) } });
  }

  #applyGroups(groups: readonly GroupProfile[]): void {
    let map = this.#state.groups;
    for (const g of groups) {
      map = withEntry(map, g.groupID, g);
      this.#groupRequests.add(g.groupID);
    }
    this.#set({ groups: map });
  }

  #applyMembers(groupID: GroupID, members: readonly GroupMember[], removed: readonly UserID[]): void {
    const current = this.#state.members.get(groupID);
    if (!current) return;
    this.#set({
      members: withEntry(this.#state.members, groupID, { ...current, members: mergeMembers(current.members, members, removed) }),
    });
  }

  #applyTyping(conversationID: ConversationID, userID: UserID, typing: boolean): void {
    const key = `${conversationID}\n${userID}`;
    clearTimeout(this.#typingTimers.get(key));
    this.#typingTimers.delete(key);
    if (typing) this.#typingTimers.set(key, setTimeout(() => this.#applyTyping(conversationID, userID, false), TYPING_TTL_MS));
    const current = this.#state.typing.get(conversationID) ?? [];
    if (typing === current.includes(userID)) return;
    const next = typing ? [...current, userID] : current.filter((id) => id !== userID);
    this.#set({ typing: withEntry(this.#state.typing, conversationID, next.length ? next : undefined) });
  }

  #applyPresence(statuses: ReadonlyArray<{ userID: UserID; online: boolean }>): void {
    let map = this.#state.presence;
    for (const s of statuses) map = withEntry(map, s.userID, s.online);
    this.#set({ presence: map });
  }
}

function mergeMembers(list: readonly GroupMember[], incoming: readonly GroupMember[], removed: readonly UserID[]): GroupMember[] {
  const byID = new Map(list.map((m) => [m.userID, m] as const));
  for (const m of incoming) byID.set(m.userID, m);
  for (const id of removed) byID.delete(id);
  return [...byID.values()];
}
