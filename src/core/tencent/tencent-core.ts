/**
 * TencentCore: the ChatCore contract over the official web SDK `@tencentcloud/chat`.
 *
 * What the adapter adds to the SDK (see `reference/tencent-chat-sdk.md`):
 * - `login()` resolves on SDK_READY, asking the UserSig provider again once when the ticket expired
 *   (70001, or a `userSigExpired` kick before this login), never in a loop.
 * - Plain copies out, SDK instances in: a `Map<ID, TIMMessage>` lets every method take an ID.
 * - Events the SDK does not have: `messageUpdated` (from send promises and read receipts), typing (the
 *   TUIKit `user_typing_status` custom message, sent online-only and filtered out of lists), group
 *   profile and member changes (from group tips), and `capabilitiesChanged`.
 * - Dedupe of every delivery by ID (and by version for edits), tombstones for recalls that arrive first.
 * - Pages of at most 15 from the SDK, looped to honour a larger `count`.
 * - A durable outbox (IndexedDB) so an unsent message survives a reload as failed.
 */
import type { ChatCore, ChatCoreCapabilities, ChatCoreEventMap, ChatCoreEventName, Unsubscribe } from '../contract.js';
import {
  type AddFriendResult,
  type Conversation,
  type ConversationID,
  type CreateGroupOptions,
  type CreateMessageOptions,
  type CustomPayload,
  type Friend,
  type FriendApplication,
  type GroupID,
  type GroupMember,
  type GroupMemberPage,
  type GroupProfile,
  type GroupProfilePatch,
  type GroupRole,
  type GroupTipPayload,
  type KickedOutReason,
  type MergerPayload,
  type Message,
  type MessageDraft,
  type MessageHopPage,
  type MessagePage,
  type MessageRemindType,
  type NetState,
  type ProfilePatch,
  type SearchMessagesParams,
  type SearchMessagesResult,
  type SendMessageOptions,
  type TextPayload,
  type UserID,
  type UserProfile,
  type UserStatus,
} from '../types.js';
import { ChatError, ChatErrorCode as E, isChatError } from '../errors.js';
import { compareMessages } from '../order.js';
import { Limits, parseConversationID, utf8Bytes } from '../validation.js';
import { CoreEmitter } from '../emitter.js';
import {
  attachFileName,
  toApplication,
  toConversation,
  toFriend,
  toGroup,
  toMember,
  toMergedItems,
  toMessage,
  toProfile,
  typingData,
  typingStatusOf,
  TYPING_CLOUD_CUSTOM_DATA,
  type ConversationContext,
} from './mapping.js';
import { Outbox, type OutboxEntry } from './outbox.js';
import type {
  TIMChat,
  TIMConversation,
  TIMEvent,
  TIMEventName,
  TIMFriend,
  TIMFriendApplication,
  TIMGroup,
  TIMGroupMember,
  TIMMessage,
  TIMMessageRuntime,
  TIMModule,
  TIMProfile,
} from './sdk.js';

/** Events the adapter adds to the contract's. */
export interface TencentCoreEventMap extends ChatCoreEventMap {
  /** A capability changed at run time (the cloud-search add-on turned out to be off: 60020). */
  capabilitiesChanged: { capabilities: ChatCoreCapabilities };
}

export interface TencentCoreOptions {
  /** Your app's SDKAppID (Chat console). */
  SDKAppID: number;
  /**
   * Returns a UserSig for `userID`, from YOUR server (never compute it in a shipped app: that needs the
   * secret key). Asked at login when no `userSig` is passed, and once more when the ticket expired.
   */
  getUserSig: (userID: UserID) => Promise<string>;
  /** SDK log level 0 (all) … 4 (none); default 1 (release). */
  logLevel?: 0 | 1 | 2 | 3 | 4;
  /** `tim-upload-plugin` (the class). Without it media messages are off (`capabilities.mediaMessages`). */
  uploadPlugin?: unknown;
  /** Loads the SDK module; default `import('@tencentcloud/chat')` (the full build, every module in). */
  sdk?: () => Promise<TIMModule | { default: TIMModule }>;
  /** Extra `create()` options (e.g. `modules` when loading the core-only `index.es.js`). */
  createOptions?: Record<string, unknown>;
  /** IndexedDB database of the durable outbox; `false` keeps unsent messages in memory only. */
  outboxDB?: string | false;
  /** Give up a login that does not reach SDK_READY in time (ms, default 30 s): rejects 2801. */
  loginTimeoutMs?: number;
}

type Session = 'out' | 'logging' | 'in';
type Handler = (event: TIMEvent) => void;

const KICK_CODES: Record<KickedOutReason, number> = {
  multipleDevice: E.KICKED_OUT_MULT_DEVICE,
  multipleAccount: E.KICKED_OUT_MULT_ACCOUNT,
  userSigExpired: E.KICKED_OUT_USERSIG_EXPIRED,
  REST_API_Kick: E.KICKED_OUT_REST_API,
};
/** Login failures that mean "this ticket expired": ask the provider once more. */
const EXPIRED_CODES = [70001, 6206, 20002, 3004];
const LOGIN_FAILED = 3001;
const LOGGED_OUT = 3005;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp'];
const MEDIA = ['TIMImageElem', 'TIMFileElem', 'TIMSoundElem', 'TIMVideoFileElem'];
/** Most messages the SDK returns per page (`getMessageList`, `getMessageListHopping`). */
export const SDK_PAGE = 15;
const TYPING_TTL_MS = 10_000;
/** Cap of the messages fetched to fill one conversation of a global search result. */
const SEARCH_FILL_MAX = 100;
/** How far `getMessage` pages back through history looking for an unknown message. */
const LOOKUP_PAGES = 10;

/** Tencent's own rule for existing IDs, minus whitespace: printable ASCII without space, ≤ 32 bytes. */
export const isTencentUserID = (id: unknown): id is UserID => typeof id === 'string' && /^[\x21-\x7e]{1,32}$/.test(id);
const isTencentGroupID = (id: string): boolean => /^[\x21-\x7e]{1,48}$/.test(id);

const refuse = (code: number, message: string): never => {
  throw new ChatError(code, message);
};

/** The SDK rejects with `{code, message, data?}`; 3005 (logged out) and 3001 (login failed) are the
 *  contract's 2024: "not logged in". */
function toError(error: unknown, fallback: number = E.INVALID_PARAMETER): ChatError {
  if (error instanceof ChatError) return error;
  if (isChatError(error)) {
    const code = error.code === LOGGED_OUT || error.code === LOGIN_FAILED ? E.USER_NOT_LOGGED_IN : error.code;
    return new ChatError(code, String(error.message ?? ''), error.data as ChatError['data']);
  }
  return new ChatError(fallback, error instanceof Error ? error.message : String(error));
}

/** A File the SDK reads as `payload.file.files[0]`, with the runtime fields it reads for audio/video. */
function fileInput(blob: Blob, name: string, extra: Record<string, unknown> = {}): { files: File[] } {
  const file = blob instanceof File && !name ? blob : new File([blob], name || (blob instanceof File ? blob.name : 'file'), { type: blob.type });
  Object.assign(file, extra);
  return { files: [file] };
}

export class TencentCore implements ChatCore {
  readonly kind = 'tencent';
  #capabilities: ChatCoreCapabilities;
  #TIM: TIMModule;
  #chat: TIMChat;
  #options: TencentCoreOptions;
  #emitter = new CoreEmitter();
  #handlers: Array<[TIMEventName, Handler]> = [];
  #outbox: Outbox | null;

  #session: Session = 'out';
  #closedCode: number = E.USER_NOT_LOGGED_IN;
  #me: UserID = '';
  #net: NetState = 'connected';
  #destroyed = false;
  #pendingLogin: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  /** UserSig per user, forgotten when it expires. */
  #sigs = new Map<UserID, string>();
  #kickReason: KickedOutReason | null = null;

  /** SDK instances by ID: every method takes an ID and passes the SDK its own object. */
  #messages = new Map<string, TIMMessage>();
  /** (conversation, sequence[, time]) → ID, to name the SDK's lastMessage and @-info by ID. */
  #positions = new Map<string, string>();
  /** IDs delivered (or loaded, or sent) this login: messageReceived at most once per ID. */
  #seen = new Set<string>();
  /** Last version key of each message (payload + cloudCustomData + version): messageModified dedupe. */
  #versions = new Map<string, string>();
  /** Recalls that arrived before their message, and recalls already reported. */
  #tombstones = new Map<string, { userID: UserID; nick: string; avatar: string } | null>();
  #revokedReported = new Set<string>();
  /** Send failures by ID (the SDK keeps no error on the message). */
  #failures = new Map<string, { code: number; message: string }>();
  /** Local echoes not yet confirmed (this session, plus failed leftovers of earlier ones). */
  #pending = new Map<string, OutboxEntry>();
  /** IDs whose entry is in the durable outbox. */
  #durable = new Set<string>();
  #inflight = new Set<Promise<unknown>>();
  #objectURLs = new Set<string>();
  #typing = new Map<UserID, ReturnType<typeof setTimeout>>();
  #subscribedStatus = new Set<UserID>();
  #total = 0;

  constructor(TIM: TIMModule, chat: TIMChat, options: TencentCoreOptions) {
    this.#TIM = TIM;
    this.#chat = chat;
    this.#options = options;
    this.#outbox = options.outboxDB === false ? null : new Outbox(options.outboxDB ?? 'tim-elements-tencent-outbox');
    this.#capabilities = Object.freeze({
      mediaMessages: !!options.uploadPlugin,
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
    chat.setLogLevel(options.logLevel ?? 1);
    if (options.uploadPlugin) chat.registerPlugin({ 'tim-upload-plugin': options.uploadPlugin });
    const E2 = TIM.EVENT;
    // Handlers are registered before login, as the SDK requires.
    this.#listen(E2.SDK_READY, () => this.#onReady());
    this.#listen(E2.SDK_NOT_READY, () => this.#onNotReady());
    this.#listen(E2.KICKED_OUT, (e) => this.#onKicked((e.data as { type?: KickedOutReason })?.type ?? 'multipleAccount'));
    this.#listen(E2.NET_STATE_CHANGE, (e) => this.#onNet((e.data as { state?: NetState })?.state));
    this.#listen(E2.MESSAGE_RECEIVED, (e) => this.#onReceived(e.data as TIMMessage[]));
    this.#listen(E2.MESSAGE_MODIFIED, (e) => this.#onModified(e.data as TIMMessage[]));
    this.#listen(E2.MESSAGE_REVOKED, (e) => this.#onRevoked(e.data as TIMMessage[]));
    this.#listen(E2.MESSAGE_READ_BY_PEER, (e) => this.#onPeerRead(e.data as TIMMessage[]));
    this.#listen(E2.MESSAGE_READ_RECEIPT_RECEIVED, (e) => this.#onReceipts(e.data as Array<Record<string, unknown>>));
    this.#listen(E2.CONVERSATION_LIST_UPDATED, (e) => this.#onConversations(e.data as TIMConversation[]));
    this.#listen(E2.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (e) => this.#onTotal(e.data as number));
    this.#listen(E2.PROFILE_UPDATED, (e) => this.#emit('profileUpdated', { profiles: (e.data as TIMProfile[]).map((p) => toProfile(p)) }));
    this.#listen(E2.FRIEND_LIST_UPDATED, (e) => this.#emit('friendListUpdated', { friendList: (e.data as TIMFriend[]).map(toFriend) }));
    this.#listen(E2.FRIEND_APPLICATION_LIST_UPDATED, (e) =>
      this.#emit('friendApplicationListUpdated', {
        applicationList: ((e.data as { friendApplicationList?: TIMFriendApplication[] })?.friendApplicationList ?? []).map(toApplication),
      }),
    );
    this.#listen(E2.BLACKLIST_UPDATED, (e) => this.#emit('blacklistUpdated', { userIDList: [...(e.data as string[])] }));
    this.#listen(E2.GROUP_LIST_UPDATED, (e) => this.#emit('groupListUpdated', { groupList: (e.data as TIMGroup[]).map(toGroup) }));
    this.#listen(E2.USER_STATUS_UPDATED, (e) =>
      this.#emit('userStatusUpdated', {
        statuses: (e.data as Array<{ userID: string; statusType: number }>).map((s) => ({ userID: s.userID, online: s.statusType === 1 })),
      }),
    );
    this.#listen(E2.ERROR, (e) => {
      const { code, message } = (e.data ?? {}) as { code?: number; message?: string };
      this.#emitter.emit('error', new ChatError(Number(code) || 0, String(message ?? '')));
    });
  }

  // ───────────────────────────── events ─────────────────────────────

  get capabilities(): ChatCoreCapabilities {
    return this.#capabilities;
  }

  on<K extends keyof TencentCoreEventMap>(type: K, handler: (payload: TencentCoreEventMap[K]) => void): Unsubscribe {
    return this.#emitter.on(type as ChatCoreEventName, handler as never);
  }
  off<K extends keyof TencentCoreEventMap>(type: K, handler: (payload: TencentCoreEventMap[K]) => void): void {
    this.#emitter.off(type as ChatCoreEventName, handler as never);
  }
  /** Number of subscribed handlers (tests check that elements unsubscribe). */
  get listenerCount(): number {
    return this.#emitter.listenerCount;
  }

  #emit<K extends keyof TencentCoreEventMap>(type: K, payload: TencentCoreEventMap[K]): void {
    this.#emitter.emit(type as ChatCoreEventName, payload as never);
  }

  #listen(name: TIMEventName, handler: Handler): void {
    const wrapped: Handler = (event) => {
      if (this.#destroyed) return;
      try {
        handler(event);
      } catch (error) {
        this.#emitter.emit('error', toError(error, 2903));
      }
    };
    this.#handlers.push([name, wrapped]);
    this.#chat.on(name, wrapped);
  }

  /** Work nobody awaits: a failure becomes an `error` event. */
  #background(work: Promise<unknown>): void {
    work.catch((error) => this.#destroyed || this.#emitter.emit('error', toError(error, 2903)));
  }

  // ───────────────────────────── plumbing ─────────────────────────────

  /** Throws the current not-ready code unless logged in. */
  #ready(): UserID {
    if (this.#session === 'in') return this.#me;
    throw new ChatError(this.#session === 'logging' ? E.LOGGING_IN : this.#closedCode, 'Not logged in');
  }

  /** One SDK call: readiness, then `{code: 0, data}` unwrapped, rejections as ChatError. */
  async #call<T>(work: (chat: TIMChat) => Promise<unknown>): Promise<T> {
    this.#ready();
    let result: unknown;
    try {
      result = await work(this.#chat);
    } catch (error) {
      throw toError(error);
    }
    return ((result as { data?: unknown } | undefined)?.data ?? {}) as T;
  }

  /** Validates a conversation ID: 2500 for a malformed or system one, 20003 for a bad C2C peer. */
  #target(conversationID: unknown): { type: 'C2C' | 'GROUP'; targetID: string } {
    const target = typeof conversationID === 'string' ? parseConversationID(conversationID) : null;
    if (!target || target.type === '@TIM#SYSTEM' || (target.type === 'GROUP' && !isTencentGroupID(target.targetID)))
      return refuse(E.CONVERSATION_NOT_FOUND, `No conversation ${String(conversationID)}`);
    if (target.type === 'C2C' && !isTencentUserID(target.targetID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${target.targetID}`);
    return target;
  }

  #positionKey(conversationID: string, sequence: number, time?: number): string {
    return time === undefined ? `${conversationID}|${sequence}` : `${conversationID}|${sequence}|${time}`;
  }

  /** Keeps the SDK instance (the newest version of it) and indexes its position. */
  #keep(m: TIMMessage): TIMMessage {
    const known = this.#messages.get(m.ID);
    if (known && known !== m) {
      const older = ((m as TIMMessageRuntime).version ?? 0) < ((known as TIMMessageRuntime).version ?? 0);
      if (known.isRevoked && !m.isRevoked) Object.assign(m, { isRevoked: true, revokerInfo: known.revokerInfo, revoker: known.revoker });
      if (older) return known;
    }
    const tomb = this.#tombstones.get(m.ID);
    if (tomb !== undefined && !m.isRevoked) Object.assign(m, { isRevoked: true, ...(tomb ? { revokerInfo: tomb, revoker: tomb.userID } : {}) });
    this.#messages.set(m.ID, m);
    if (m.status === 'success' && m.sequence) {
      this.#positions.set(this.#positionKey(m.conversationID, m.sequence), m.ID);
      this.#positions.set(this.#positionKey(m.conversationID, m.sequence, m.time), m.ID);
    }
    return m;
  }

  #plain(m: TIMMessage): Message {
    return toMessage(m, this.#failures.get(m.ID));
  }

  #context: ConversationContext = {
    unreadMark: 0,
    messageIDAt: (conversationID, sequence, time) => (sequence ? this.#positions.get(this.#positionKey(conversationID, sequence, time)) : undefined),
  };

  #conversation(c: TIMConversation): Conversation {
    this.#context.unreadMark = Number(this.#TIM.TYPES.CONV_MARK_TYPE_UNREAD) || 2;
    return toConversation(c, this.#context);
  }

  #owner(userID: UserID = this.#me): string {
    return `${this.#options.SDKAppID}:${userID}`;
  }

  // ───────────────────────────── SDK events ─────────────────────────────

  #onReady(): void {
    if (this.#session !== 'logging' || !this.#pendingLogin) return;
    this.#pendingLogin.resolve();
  }

  #onNotReady(): void {
    if (this.#session === 'out') return;
    const reason = this.#kickReason ?? 'logout';
    this.#end(reason);
  }

  #onKicked(reason: KickedOutReason): void {
    this.#kickReason = KICK_CODES[reason] ? reason : 'multipleAccount';
    // The expired ticket is useless now: the next login asks the provider for a fresh one.
    if (reason === 'userSigExpired') this.#sigs.delete(this.#me);
    if (this.#session === 'logging') this.#pendingLogin?.reject(new ChatError(KICK_CODES[this.#kickReason], `Kicked out: ${reason}`));
    else if (this.#session === 'in') this.#end(this.#kickReason);
  }

  #onNet(state: NetState | undefined): void {
    if (!state || state === this.#net) return;
    this.#net = state;
    this.#emit('netStateChange', { state });
  }

  #onReceived(list: TIMMessage[]): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    const fresh: Message[] = [];
    for (const m of list) {
      const typing = typingStatusOf(m.type, m.payload);
      if (typing !== null) {
        if (m.flow === 'in' && m.conversationType === 'C2C') this.#typingOf(m.from, typing);
        continue;
      }
      if (m.conversationType === '@TIM#SYSTEM') continue;
      const kept = this.#keep(m);
      if (this.#seen.has(m.ID)) continue;
      this.#seen.add(m.ID);
      this.#versions.set(m.ID, this.#versionKey(kept));
      fresh.push(this.#plain(kept));
      if (kept.type === 'TIMGroupTipElem') this.#background(this.#groupTip(kept));
    }
    if (fresh.length) this.#emit('messageReceived', { messages: fresh });
  }

  #versionKey(m: TIMMessage): string {
    return `${(m as TIMMessageRuntime).version ?? 0}|${JSON.stringify(m.payload)}|${m.cloudCustomData}`;
  }

  #onModified(list: TIMMessage[]): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    const modified: Message[] = [];
    for (const m of list) {
      const key = this.#versionKey(m);
      if (this.#versions.get(m.ID) === key) continue;
      this.#versions.set(m.ID, key);
      this.#seen.add(m.ID);
      modified.push(this.#plain(this.#keep(m)));
    }
    if (modified.length) this.#emit('messageModified', { messages: modified });
  }

  #onRevoked(list: TIMMessage[]): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    const revoked: ChatCoreEventMap['messageRevoked']['messages'] = [];
    for (const m of list) {
      const info = (m.revokerInfo ?? null) as { userID?: string; nick?: string; avatar?: string } | null;
      const userID = info?.userID || (typeof m.revoker === 'string' ? m.revoker : '');
      const revoker = userID ? { userID, nick: info?.nick ?? '', avatar: info?.avatar ?? '' } : null;
      const known = this.#messages.get(m.ID);
      if (known) {
        Object.assign(known, { isRevoked: true, ...(revoker ? { revokerInfo: revoker, revoker: revoker.userID } : {}) });
      } else this.#tombstones.set(m.ID, revoker);
      if (known !== m) this.#keep(Object.assign(m, { isRevoked: true }));
      if (this.#revokedReported.has(m.ID)) continue;
      this.#revokedReported.add(m.ID);
      revoked.push({ ID: m.ID, conversationID: m.conversationID as ConversationID, ...(revoker ? { revoker } : {}) });
    }
    if (revoked.length) this.#emit('messageRevoked', { messages: revoked });
  }

  #onPeerRead(list: TIMMessage[]): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    const updated = list.map((m) => {
      const known = this.#messages.get(m.ID);
      if (known && known !== m) known.isPeerRead = true;
      return this.#plain(known ?? this.#keep(m));
    });
    if (updated.length) this.#emit('messageUpdated', { messages: updated });
  }

  #onReceipts(list: Array<Record<string, unknown>>): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    const updated: Message[] = [];
    for (const receipt of list) {
      const m = this.#messages.get(String(receipt['messageID']));
      if (!m) continue;
      if (receipt['readCount'] !== undefined)
        m.readReceiptInfo = { readCount: Number(receipt['readCount']) || 0, unreadCount: Number(receipt['unreadCount']) || 0 };
      if (receipt['isPeerRead']) m.isPeerRead = true;
      updated.push(this.#plain(m));
    }
    if (updated.length) this.#emit('messageUpdated', { messages: updated });
  }

  #onConversations(list: TIMConversation[]): void {
    if (this.#session !== 'in' || !Array.isArray(list)) return;
    // A snapshot (the SDK throttles and recomputes it): the whole list, never a delta.
    this.#emit('conversationListUpdated', { conversationList: list.filter((c) => c.type !== '@TIM#SYSTEM').map((c) => this.#conversation(c)) });
  }

  #onTotal(count: number): void {
    if (this.#session !== 'in') return;
    this.#total = Number(count) || 0;
    this.#emit('totalUnreadCountUpdated', { count: this.#total });
  }

  #typingOf(from: UserID, typing: boolean): void {
    clearTimeout(this.#typing.get(from));
    this.#typing.delete(from);
    if (typing) this.#typing.set(from, setTimeout(() => this.#typingOf(from, false), TYPING_TTL_MS));
    this.#emit('typingStatus', { conversationID: `C2C${from}`, userID: from, typing });
  }

  /** Group tips → groupProfileUpdated / groupMemberUpdated (the SDK has no such events). */
  async #groupTip(m: TIMMessage): Promise<void> {
    const me = this.#me;
    const groupID = m.conversationID.slice(5);
    const tip = toMessage(m).payload as GroupTipPayload;
    const removed = tip.operationType === 2 || tip.operationType === 3 ? tip.userIDList : [];
    const changed = new Set<UserID>(removed.length ? [] : [...tip.userIDList, ...(tip.memberList ?? []).map((x) => x.userID)]);
    if (tip.newGroupProfile?.ownerID) changed.add(tip.newGroupProfile.ownerID).add(tip.operatorID);
    const gone = removed.includes(me);
    if (!gone && (tip.operationType === 6 || [...changed].includes(me))) {
      const { group } = await this.#call<{ group: TIMGroup }>((chat) => chat.getGroupProfile({ groupID }));
      if (me === this.#me) this.#emit('groupProfileUpdated', { groups: [toGroup(group)] });
    }
    if (!removed.length && !changed.size) return;
    let members: GroupMember[] = [];
    if (changed.size && !gone) {
      const { memberList } = await this.#call<{ memberList: TIMGroupMember[] }>((chat) => chat.getGroupMemberProfile({ groupID, userIDList: [...changed] }));
      members = (memberList ?? []).map(toMember);
    }
    if (me === this.#me) this.#emit('groupMemberUpdated', { groupID, members, removedUserIDs: [...removed] });
  }

  // ───────────────────────────── session ─────────────────────────────

  async #sig(userID: UserID, fresh: boolean): Promise<string> {
    const cached = this.#sigs.get(userID);
    if (cached && !fresh) return cached;
    const sig = await this.#options.getUserSig(userID);
    if (typeof sig !== 'string' || !sig) refuse(70003, 'The UserSig provider returned nothing');
    this.#sigs.set(userID, sig);
    return sig;
  }

  async #loginOnce(userID: UserID, userSig: string): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => (this.#pendingLogin = { resolve, reject }));
    ready.catch(() => undefined);
    const timeout = setTimeout(() => this.#pendingLogin?.reject(new ChatError(E.NETWORK_TIMEOUT, 'Login timed out')), this.#options.loginTimeoutMs ?? 30_000);
    try {
      const result = (await this.#chat.login({ userID, userSig })) as { data?: { repeatLogin?: boolean } } | undefined;
      if (result?.data?.repeatLogin && this.#chat.isReady()) this.#pendingLogin?.resolve();
      await ready;
    } catch (error) {
      throw toError(error);
    } finally {
      clearTimeout(timeout);
      this.#pendingLogin = null;
    }
  }

  async login({ userID, userSig }: { userID: UserID; userSig?: string }): Promise<void> {
    if (this.#destroyed) refuse(E.USER_NOT_LOGGED_IN, 'Destroyed');
    if (!isTencentUserID(userID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${String(userID)}`);
    if (this.#session === 'in' && this.#me === userID) return;
    if (this.#session === 'logging') refuse(E.REPEAT_LOGIN, 'A login is in progress');
    // The SDK answers a login while logged in with "repeatLogin" for the OLD user: log out first.
    if (this.#session === 'in' || this.#chat.getLoginUser()) await this.logout().catch(() => undefined);
    this.#session = 'logging';
    this.#kickReason = null;
    try {
      if (userSig) this.#sigs.set(userID, userSig);
      try {
        await this.#loginOnce(userID, await this.#sig(userID, false));
      } catch (error) {
        // An expired ticket: ask the provider once more, never in a loop.
        if (!EXPIRED_CODES.includes(toError(error).code)) throw error;
        this.#sigs.delete(userID);
        await this.#loginOnce(userID, await this.#sig(userID, true));
      }
    } catch (error) {
      this.#session = 'out';
      this.#me = '';
      const failure = toError(error);
      if (this.#kickReason) this.#closedCode = KICK_CODES[this.#kickReason];
      await this.#chat.logout().catch(() => undefined);
      throw failure;
    }
    this.#me = userID;
    this.#closedCode = E.USER_NOT_LOGGED_IN;
    this.#session = 'in';
    this.#net = 'connected';
    const total = this.#chat.getTotalUnreadMessageCount();
    this.#total = typeof total === 'number' ? total : 0;
    await this.#loadOutbox(userID);
    this.#emit('ready', { userID });
  }

  /** Leftovers of earlier page lives: unsent ones failed, shown with Retry. */
  async #loadOutbox(userID: UserID): Promise<void> {
    if (!this.#outbox) return;
    for (const entry of await this.#outbox.load(this.#owner(userID))) {
      if (this.#pending.has(entry.ID)) continue;
      this.#durable.add(entry.ID);
      if (entry.message.status === 'unSend') {
        entry.message = { ...entry.message, status: 'fail', error: { code: E.NETWORK_ERROR, message: 'Not sent before the page closed' } };
        void this.#outbox.put(entry);
      }
      // Blob URLs die with the page that made them: make new ones for media echoes.
      entry.message = { ...entry.message, payload: this.#echoPayload(entry.draft, entry.message.payload) } as Message;
      this.#pending.set(entry.ID, entry);
    }
  }

  #echoPayload(draft: MessageDraft, payload: unknown): unknown {
    if (!MEDIA.includes(draft.type)) return payload;
    const file = (draft.payload as { file?: Blob }).file;
    if (!(file instanceof Blob)) return payload;
    const url = URL.createObjectURL(file);
    this.#objectURLs.add(url);
    const p = { ...(payload as Record<string, unknown>) };
    if (draft.type === 'TIMImageElem') p['imageInfoArray'] = ((p['imageInfoArray'] as Array<Record<string, unknown>>) ?? []).map((i) => ({ ...i, url }));
    else if (draft.type === 'TIMFileElem') p['fileUrl'] = url;
    else if (draft.type === 'TIMSoundElem') p['url'] = url;
    else p['videoUrl'] = url;
    return p;
  }

  async logout(): Promise<void> {
    if (this.#session === 'out') return;
    const wasIn = this.#session === 'in';
    this.#session = 'out';
    // A login still waiting for SDK_READY ends here rather than at its timeout.
    this.#pendingLogin?.reject(new ChatError(E.USER_NOT_LOGGED_IN, 'Logged out during login'));
    try {
      await this.#chat.logout();
    } catch {
      /* logged out locally whatever the network says */
    }
    if (wasIn) this.#end('logout', true);
    else this.#reset();
  }

  /** Logged out or kicked: forget the session. */
  #end(reason: KickedOutReason | 'logout', force = false): void {
    if (this.#session !== 'in' && !force) return;
    this.#reset();
    this.#closedCode = reason === 'logout' ? E.USER_NOT_LOGGED_IN : KICK_CODES[reason];
    if (reason !== 'logout') this.#emit('kickedOut', { reason });
    this.#emit('notReady', { reason });
  }

  #reset(): void {
    this.#session = 'out';
    this.#me = '';
    for (const timer of this.#typing.values()) clearTimeout(timer);
    for (const collection of [this.#typing, this.#messages, this.#positions, this.#durable, this.#seen, this.#versions, this.#tombstones, this.#revokedReported, this.#failures, this.#pending, this.#subscribedStatus])
      collection.clear();
    this.#total = 0;
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
    const time = Number(this.#chat.getServerTime());
    return Number.isFinite(time) && time > 0 ? Math.floor(time) : Math.floor(Date.now() / 1000);
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    await this.logout();
    await Promise.allSettled([...this.#inflight]);
    this.#destroyed = true;
    for (const [name, handler] of this.#handlers) this.#chat.off(name, handler);
    await this.#chat.destroy().catch(() => undefined);
    await this.#outbox?.close();
    for (const url of this.#objectURLs) URL.revokeObjectURL(url);
    this.#objectURLs.clear();
  }

  // ───────────────────────────── conversations ─────────────────────────────

  async getConversationList(): Promise<Conversation[]> {
    const { conversationList } = await this.#call<{ conversationList: TIMConversation[] }>((chat) => chat.getConversationList());
    const list = (conversationList ?? []).filter((c) => c.type !== '@TIM#SYSTEM');
    // @-mentions are rare and matter: name them by ID (a bounded number of look-ups).
    await this.#resolve(list.filter((c) => c.groupAtInfoList?.length).slice(0, 10), false);
    return list.map((c) => this.#conversation(c));
  }

  async getConversation(conversationID: ConversationID): Promise<Conversation> {
    this.#ready();
    this.#target(conversationID);
    const { conversation } = await this.#call<{ conversation: TIMConversation }>((chat) => chat.getConversationProfile(conversationID));
    await this.#resolve([conversation], true);
    return this.#conversation(conversation);
  }

  /**
   * The SDK names a conversation's last message and its @-mentions by sequence (and time, for C2C); the
   * contract by ID. Positions the adapter has not seen are looked up with one hop each (which returns
   * the message at that position first).
   */
  async #resolve(conversations: TIMConversation[], lastMessage: boolean): Promise<void> {
    const wanted: Array<{ conversationID: string; sequence: number; time?: number }> = [];
    for (const c of conversations) {
      if (!c) continue;
      const group = c.type === 'GROUP';
      const last = (c.lastMessage ?? null) as { lastSequence?: number; lastTime?: number; type?: string } | null;
      if (lastMessage && last?.type && last.lastSequence) wanted.push({ conversationID: c.conversationID, sequence: last.lastSequence, ...(group ? {} : { time: last.lastTime ?? 0 }) });
      for (const info of (c.groupAtInfoList ?? []) as Array<{ messageSequence?: number }>) if (info.messageSequence) wanted.push({ conversationID: c.conversationID, sequence: info.messageSequence });
    }
    const missing = wanted.filter((w) => !this.#positions.has(this.#positionKey(w.conversationID, w.sequence, w.time)));
    await Promise.all(
      missing.map(async ({ conversationID, sequence, time }) => {
        const options: Parameters<TIMChat['getMessageListHopping']>[0] & { count: number } = {
          conversationID,
          direction: 1,
          count: time === undefined ? 1 : SDK_PAGE,
          ...(time === undefined ? { sequence } : { time }),
        };
        const page = await this.#call<{ messageList?: TIMMessage[] }>((chat) => chat.getMessageListHopping(options)).catch(() => ({ messageList: [] as TIMMessage[] }));
        for (const m of page.messageList ?? []) if (m.status === 'success' && typingStatusOf(m.type, m.payload) === null) this.#keep(m);
      }),
    );
  }

  async deleteConversation(conversationID: ConversationID, options: { clearHistory?: boolean } = {}): Promise<void> {
    this.#ready();
    this.#target(conversationID);
    await this.#call((chat) => chat.deleteConversation({ conversationIDList: [conversationID], clearHistoryMessage: options.clearHistory !== false }));
  }

  async pinConversation(conversationID: ConversationID, isPinned: boolean): Promise<void> {
    this.#ready();
    this.#target(conversationID);
    await this.#call((chat) => chat.pinConversation({ conversationID, isPinned: !!isPinned }));
  }

  async setConversationDraft(conversationID: ConversationID, draftText: string): Promise<void> {
    this.#ready();
    this.#target(conversationID);
    if (typeof draftText !== 'string' || utf8Bytes(draftText) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Draft too long');
    await this.#call((chat) => chat.setConversationDraft({ conversationID, draftText }));
  }

  async setMessageRemindType(conversationID: ConversationID, type: MessageRemindType): Promise<void> {
    this.#ready();
    const target = this.#target(conversationID);
    if (!['AcceptAndNotify', 'AcceptNotNotify', 'Discard'].includes(type)) refuse(E.INVALID_PARAMETER, 'Invalid remind type');
    const messageRemindType = type as Parameters<TIMChat['setMessageRemindType']>[0]['messageRemindType'];
    await this.#call((chat) =>
      chat.setMessageRemindType(target.type === 'GROUP' ? { groupID: target.targetID, messageRemindType } : { userIDList: [target.targetID], messageRemindType }),
    );
  }

  async markConversationRead(conversationID: ConversationID): Promise<void> {
    const me = this.#ready();
    const target = this.#target(conversationID);
    await this.#call((chat) => chat.setMessageRead({ conversationID }));
    // Group receipts are sent per message (the SDK does not send them on setMessageRead).
    const receipts = [...this.#messages.values()].filter((m) => m.conversationID === conversationID && m.from !== me && m.needReadReceipt && m.status === 'success');
    if (target.type === 'GROUP' && receipts.length) await this.#call((chat) => chat.sendMessageReadReceipt(receipts)).catch(() => undefined);
    for (const m of this.#messages.values()) if (m.conversationID === conversationID && m.flow === 'in') (m as TIMMessageRuntime).isRead = true;
    await this.#mark(conversationID, false);
  }

  async markConversationUnread(conversationID: ConversationID, unread: boolean): Promise<void> {
    this.#ready();
    this.#target(conversationID);
    await this.#mark(conversationID, !!unread, true);
  }

  /** Sets or clears the "unread" mark (only calls the service when it changes, unless `always`). */
  async #mark(conversationID: ConversationID, enableMark: boolean, always = false): Promise<void> {
    const markType = Number(this.#TIM.TYPES.CONV_MARK_TYPE_UNREAD) || 2;
    if (!always) {
      const { conversation } = await this.#call<{ conversation: TIMConversation }>((chat) => chat.getConversationProfile(conversationID));
      if ((conversation?.markList ?? []).includes(markType) === enableMark) return;
    }
    await this.#call((chat) => chat.markConversation({ conversationIDList: [conversationID], markType, enableMark }));
  }

  async clearHistory(conversationID: ConversationID): Promise<void> {
    this.#ready();
    this.#target(conversationID);
    await this.#call((chat) => chat.clearHistoryMessage(conversationID));
    for (const [ID, m] of this.#messages) if (m.conversationID === conversationID && m.status === 'success') this.#messages.delete(ID);
  }

  getTotalUnreadCount(): number {
    if (this.#session !== 'in') return 0;
    const total = this.#chat.getTotalUnreadMessageCount();
    return typeof total === 'number' ? total : this.#total;
  }

  // ───────────────────────────── history ─────────────────────────────

  /** Registers loaded messages: kept, seen (no later messageReceived), typing filtered out. */
  #loaded(list: TIMMessage[]): Message[] {
    const out: Message[] = [];
    for (const m of list ?? []) {
      if (typingStatusOf(m.type, m.payload) !== null || m.isDeleted || m.conversationType === '@TIM#SYSTEM') continue;
      const kept = this.#keep(m);
      this.#seen.add(kept.ID);
      if (!this.#versions.has(kept.ID)) this.#versions.set(kept.ID, this.#versionKey(kept));
      out.push(this.#plain(kept));
    }
    return out;
  }

  async getMessageList({ conversationID, nextReqMessageID, count = SDK_PAGE }: { conversationID: ConversationID; nextReqMessageID?: string; count?: number }): Promise<MessagePage> {
    this.#ready();
    this.#target(conversationID);
    const want = Math.max(1, Math.min(Number(count) || SDK_PAGE, 100));
    const messageList: Message[] = [];
    let next = nextReqMessageID ?? '';
    let isCompleted = false;
    // The SDK returns at most 15 a page: loop to honour a larger count.
    while (messageList.length < want) {
      const options: Parameters<TIMChat['getMessageList']>[0] & { count: number } = {
        conversationID,
        count: Math.min(SDK_PAGE, want - messageList.length),
        ...(next ? { nextReqMessageID: next } : {}),
      };
      const page = await this.#call<{ messageList: TIMMessage[]; nextReqMessageID: string; isCompleted: boolean }>((chat) => chat.getMessageList(options));
      messageList.unshift(...this.#loaded(page.messageList));
      isCompleted = !!page.isCompleted;
      if (isCompleted || !page.nextReqMessageID || page.nextReqMessageID === next) {
        isCompleted = true;
        next = '';
        break;
      }
      next = page.nextReqMessageID;
    }
    // The newest page also shows this user's unsent and failed echoes, so they survive a reload.
    if (!nextReqMessageID) {
      const shown = new Set(messageList.map((m) => m.ID));
      for (const entry of [...this.#pending.values()])
        if (entry.message.conversationID === conversationID && shown.has(entry.ID) && this.#messages.get(entry.ID)?.status === 'success') {
          // The service has it (its acknowledgement was lost): the leftover is done.
          this.#pending.delete(entry.ID);
          if (this.#durable.delete(entry.ID)) void this.#outbox?.delete(entry.ID);
        } else if (entry.message.conversationID === conversationID && !shown.has(entry.ID)) {
          const live = this.#messages.get(entry.ID);
          messageList.push(live ? this.#plain(live) : entry.message);
        }
    }
    return { messageList, nextReqMessageID: isCompleted ? '' : next, isCompleted };
  }

  async getMessageListHopping({ conversationID, messageID, direction, count = SDK_PAGE }: { conversationID: ConversationID; messageID: string; direction: 'older' | 'newer'; count?: number }): Promise<MessageHopPage> {
    this.#ready();
    const target = this.#target(conversationID);
    const anchorMessage = this.#messages.get(messageID) ?? (await this.#lookup(conversationID, messageID));
    const anchor = this.#plain(anchorMessage);
    if (anchor.conversationID !== conversationID) refuse(E.MESSAGE_NOT_FOUND, 'Anchor of another conversation');
    const want = Math.max(1, Math.min(Number(count) || SDK_PAGE, 100));
    if (direction === 'older') {
      // Paging back from the anchor is the SDK's own getMessageList cursor (it handles C2C time ties).
      const page = await this.getMessageList({ conversationID, nextReqMessageID: messageID, count: want });
      return { messageList: page.messageList, isCompleted: page.isCompleted };
    }
    // Newer: hop by sequence (groups) or time (C2C), keep what is strictly after the anchor, repeat.
    const found = new Map<string, Message>();
    let from = anchor;
    for (let round = 0; found.size < want && round < 50; round++) {
      const options: Parameters<TIMChat['getMessageListHopping']>[0] & { count: number } = {
        conversationID,
        direction: 1,
        count: SDK_PAGE,
        ...(target.type === 'GROUP' ? { sequence: from.sequence } : { time: from.time }),
      };
      const page = await this.#call<{ messageList: TIMMessage[]; isCompleted?: boolean }>((chat) => chat.getMessageListHopping(options));
      const list = this.#loaded(page.messageList ?? []).filter((m) => compareMessages(m, anchor) > 0);
      let progressed = false;
      for (const m of list)
        if (!found.has(m.ID)) {
          found.set(m.ID, m);
          progressed = true;
        }
      const done = page.isCompleted ?? (page.messageList ?? []).length < SDK_PAGE;
      if (done) {
        const sorted = [...found.values()].sort(compareMessages);
        return { messageList: sorted.slice(0, want), isCompleted: sorted.length <= want };
      }
      const newest = [...found.values()].sort(compareMessages).at(-1);
      if (!progressed || !newest || (target.type === 'C2C' && newest.time === from.time)) {
        // C2C hops by whole seconds: a burst within one second cannot be paged by time. Walk back
        // from the newest message instead (the SDK's ID cursor is exact).
        return this.#newerByWalking(conversationID, anchor, want);
      }
      from = newest;
    }
    const sorted = [...found.values()].sort(compareMessages);
    return { messageList: sorted.slice(0, want), isCompleted: false };
  }

  async #newerByWalking(conversationID: ConversationID, anchor: Message, want: number): Promise<MessageHopPage> {
    const after: Message[] = [];
    let next = '';
    for (;;) {
      const page = await this.getMessageList({ conversationID, count: 100, ...(next ? { nextReqMessageID: next } : {}) });
      const list = page.messageList.filter((m) => m.status === 'success');
      const at = list.findIndex((m) => m.ID === anchor.ID);
      after.unshift(...(at >= 0 ? list.slice(at + 1) : list.filter((m) => compareMessages(m, anchor) > 0)));
      if (at >= 0 || page.isCompleted) break;
      next = page.nextReqMessageID;
    }
    return { messageList: after.slice(0, want), isCompleted: after.length <= want };
  }

  findMessage(messageID: string): Message | null {
    const m = this.#messages.get(messageID);
    if (m) return this.#plain(m);
    return this.#pending.get(messageID)?.message ?? null;
  }

  /** A message the adapter does not hold: the SDK's memory, then a bounded walk back through history. */
  async #lookup(conversationID: ConversationID, messageID: string): Promise<TIMMessage> {
    const local = this.#chat.findMessage(messageID);
    if (local && typeof (local as { then?: unknown }).then !== 'function' && local.conversationID === conversationID && !local.isDeleted) return this.#keep(local);
    let next = '';
    for (let page = 0; page < LOOKUP_PAGES; page++) {
      const result = await this.getMessageList({ conversationID, count: SDK_PAGE * 2, ...(next ? { nextReqMessageID: next } : {}) });
      const hit = this.#messages.get(messageID);
      if (hit && hit.conversationID === conversationID && !hit.isDeleted) return hit;
      if (result.isCompleted) break;
      next = result.nextReqMessageID;
    }
    return refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID} in ${conversationID}`);
  }

  async getMessage(conversationID: ConversationID, messageID: string): Promise<Message> {
    this.#ready();
    this.#target(conversationID);
    const known = this.#messages.get(messageID);
    if (known) {
      if (known.conversationID !== conversationID || known.isDeleted) refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID} in ${conversationID}`);
      return this.#plain(await this.#refresh(known));
    }
    return this.#plain(await this.#lookup(conversationID, messageID));
  }

  /** The service's current copy of a message the adapter holds (recalled or edited meanwhile): one hop
   *  from its own position, which includes it. Falls back to the held copy. */
  async #refresh(m: TIMMessage): Promise<TIMMessage> {
    if (m.status !== 'success' || !m.sequence) return m;
    const group = m.conversationType === 'GROUP';
    const options: Parameters<TIMChat['getMessageListHopping']>[0] & { count: number } = {
      conversationID: m.conversationID,
      direction: 1,
      count: SDK_PAGE,
      ...(group ? { sequence: m.sequence } : { time: m.time }),
    };
    try {
      const page = await this.#call<{ messageList?: TIMMessage[] }>((chat) => chat.getMessageListHopping(options));
      const fresh = (page.messageList ?? []).find((x) => x.ID === m.ID);
      return fresh ? this.#keep(fresh) : m;
    } catch {
      return m;
    }
  }

  // ───────────────────────────── sending ─────────────────────────────

  /** Checks a draft against the limits (the same codes LocalCore uses), before the SDK sees it. */
  #validate(draft: MessageDraft): void {
    const text = (...parts: unknown[]) => {
      if (parts.some((p) => typeof p !== 'string')) refuse(E.INVALID_MESSAGE, 'Text expected');
      if (utf8Bytes(parts.join('')) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Message body too large');
    };
    const file = (blob: unknown, max: number, code: number): Blob => {
      if (!(blob instanceof Blob)) return refuse(E.INVALID_MESSAGE, 'A file is required');
      if (blob.size > max) refuse(code, 'File too large');
      return blob;
    };
    if (MEDIA.includes(draft?.type) && !this.#options.uploadPlugin) refuse(E.COS_UNDETECTED, 'Media messages need the upload plugin (tim-upload-plugin)');
    switch (draft?.type) {
      case 'TIMTextElem':
        return text(draft.payload?.text);
      case 'TIMImageElem': {
        const blob = file(draft.payload?.file, Limits.IMAGE_BYTES, E.IMAGE_TOO_LARGE);
        if (!IMAGE_TYPES.includes(blob.type)) refuse(E.IMAGE_TYPE_UNSUPPORTED, `Not an image type: ${blob.type}`);
        return;
      }
      case 'TIMFileElem':
        text(draft.payload?.fileName);
        file(draft.payload?.file, Limits.FILE_BYTES, E.FILE_TOO_LARGE);
        return;
      case 'TIMSoundElem':
        file(draft.payload?.file, Limits.SOUND_BYTES, E.SOUND_TOO_LARGE);
        return;
      case 'TIMVideoFileElem':
        file(draft.payload?.file, Limits.VIDEO_BYTES, E.VIDEO_TOO_LARGE);
        return;
      case 'TIMFaceElem':
        return text(draft.payload?.data);
      case 'TIMLocationElem':
        return text(draft.payload?.description);
      case 'TIMCustomElem':
        return text(draft.payload?.data ?? '', draft.payload?.description ?? '', draft.payload?.extension ?? '');
      case 'TIMRelayElem':
        text(draft.payload?.title, draft.payload?.compatibleText, ...(draft.payload?.abstractList ?? []));
        if (!draft.payload?.messageIDs?.length) refuse(E.INVALID_MESSAGE, 'Nothing to forward');
        return;
      default:
        return refuse(E.INVALID_MESSAGE, `Unsupported message type ${String((draft as { type?: unknown })?.type)}`);
    }
  }

  /** Builds the SDK message for a draft (sync, as the SDK's create calls are). */
  #create(conversationID: ConversationID, draft: MessageDraft, cloudCustomData: string, needReadReceipt: boolean): TIMMessage {
    const { type, targetID } = this.#target(conversationID);
    let ID = '';
    const base = {
      to: targetID,
      conversationType: type as Parameters<TIMChat['createTextMessage']>[0]['conversationType'],
      cloudCustomData,
      needReadReceipt,
      onProgress: (progress: number) => ID && this.#emit('messageProgress', { messageID: ID, progress: Math.max(0, Math.min(1, Number(progress) || 0)) }),
    };
    const chat = this.#chat;
    let m: TIMMessage;
    switch (draft.type) {
      case 'TIMTextElem':
        m = draft.atUserList?.length
          ? chat.createTextAtMessage({ ...base, payload: { text: draft.payload.text, atUserList: draft.atUserList.map(String) } })
          : chat.createTextMessage({ ...base, payload: { text: draft.payload.text } });
        break;
      case 'TIMImageElem': {
        const name = draft.payload.fileName ?? (draft.payload.file instanceof File ? draft.payload.file.name : 'image');
        m = chat.createImageMessage({ ...base, cloudCustomData: attachFileName(cloudCustomData, draft.payload.fileName ?? (draft.payload.file instanceof File ? draft.payload.file.name : undefined)), payload: { file: fileInput(draft.payload.file, name) } });
        break;
      }
      case 'TIMFileElem':
        m = chat.createFileMessage({ ...base, payload: { file: fileInput(draft.payload.file, draft.payload.fileName) } });
        break;
      case 'TIMSoundElem': {
        const input = fileInput(draft.payload.file, 'voice', { duration: Math.round((Number(draft.payload.second) || 0) * 1000), fileSize: draft.payload.file.size });
        m = chat.createAudioMessage({ ...base, payload: { file: Object.assign(input.files[0]!, { tempFilePath: '' }) } });
        break;
      }
      case 'TIMVideoFileElem':
        m = chat.createVideoMessage({ ...base, payload: { file: fileInput(draft.payload.file, draft.payload.fileName ?? 'video.mp4', { duration: Number(draft.payload.second) || 0 }) } });
        break;
      case 'TIMFaceElem':
        m = chat.createFaceMessage({ ...base, payload: { index: Number(draft.payload.index) || 0, data: draft.payload.data } });
        break;
      case 'TIMLocationElem':
        m = chat.createLocationMessage({ ...base, payload: { ...draft.payload } });
        break;
      case 'TIMCustomElem':
        m = chat.createCustomMessage({ ...base, payload: { data: draft.payload.data ?? '', description: draft.payload.description ?? '', extension: draft.payload.extension ?? '' } });
        break;
      case 'TIMRelayElem': {
        const messageList = draft.payload.messageIDs.map((id) => {
          const source = this.#messages.get(id);
          if (!source || source.status !== 'success') return refuse(E.MESSAGE_NOT_FOUND, `No message ${id}`);
          return source;
        });
        const { title, abstractList, compatibleText } = draft.payload;
        m = chat.createMergerMessage({ ...base, payload: { messageList, title, abstractList: [...abstractList], compatibleText } });
        break;
      }
      default:
        return refuse(E.INVALID_MESSAGE, 'Unsupported message type');
    }
    // Not ready, the SDK's wrapper answers every API (create* included) with a rejected promise.
    if (!m || typeof (m as unknown as { then?: unknown }).then === 'function') {
      (m as unknown as Promise<unknown>)?.catch?.(() => undefined);
      this.#ready();
      return refuse(E.INVALID_MESSAGE, 'The SDK did not create the message');
    }
    ID = m.ID;
    return m;
  }

  createMessage({ conversationID, draft, cloudCustomData = '', needReadReceipt = false }: CreateMessageOptions): Message {
    this.#ready();
    this.#target(conversationID);
    this.#validate(draft);
    if (utf8Bytes(String(cloudCustomData)) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
    const m = this.#keep(this.#create(conversationID, draft, String(cloudCustomData), !!needReadReceipt));
    this.#seen.add(m.ID);
    const echo = this.#plain(m);
    this.#remember(m, echo, draft, String(cloudCustomData), !!needReadReceipt);
    return echo;
  }

  createForwardMessage({ conversationID, messageID }: { conversationID: ConversationID; messageID: string }): Message {
    this.#ready();
    const { type, targetID } = this.#target(conversationID);
    const source = this.#messages.get(messageID);
    if (!source || source.status !== 'success' || source.isRevoked) return refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (source.type === 'TIMGroupTipElem' || source.type === 'TIMGroupSystemNoticeElem') refuse(E.INVALID_MESSAGE, 'Cannot forward a notice');
    const m = this.#chat.createForwardMessage({ to: targetID, conversationType: type as Parameters<TIMChat['createForwardMessage']>[0]['conversationType'], payload: source });
    if (!m || typeof (m as unknown as { then?: unknown }).then === 'function') {
      (m as unknown as Promise<unknown>)?.catch?.(() => undefined);
      this.#ready();
      return refuse(E.INVALID_MESSAGE, 'The SDK did not create the message');
    }
    this.#keep(m);
    this.#seen.add(m.ID);
    const echo = this.#plain(m);
    const plainSource = this.#plain(source);
    this.#remember(m, echo, { type: 'TIMCustomElem', payload: { data: '', description: '', extension: '' } }, plainSource.cloudCustomData, false, true);
    return echo;
  }

  /** The echo in the durable outbox (forwards are kept in memory only: their source lives in the SDK). */
  #remember(m: TIMMessage, echo: Message, draft: MessageDraft, cloudCustomData: string, needReadReceipt: boolean, memoryOnly = false): void {
    const runtime = m as TIMMessageRuntime;
    const entry: OutboxEntry = {
      ID: m.ID,
      owner: this.#owner(),
      message: echo,
      draft,
      cloudCustomData,
      needReadReceipt,
      ...(runtime.random !== undefined ? { random: runtime.random } : {}),
      ...(runtime.clientTime !== undefined ? { clientTime: runtime.clientTime } : {}),
      ...(runtime.clientSequence !== undefined ? { clientSequence: runtime.clientSequence } : {}),
    };
    this.#pending.set(m.ID, entry);
    if (!memoryOnly && this.#outbox) {
      // Blobs are stored as they are (IndexedDB keeps them); the echo's blob: URLs are remade on reload.
      this.#durable.add(m.ID);
      this.#track(this.#outbox.put(entry));
    }
  }

  #track(work: Promise<unknown>): void {
    this.#inflight.add(work);
    void work.finally(() => this.#inflight.delete(work)).catch(() => undefined);
  }

  async sendMessage(messageID: string, options: SendMessageOptions = {}): Promise<Message> {
    this.#ready();
    const m = this.#messages.get(messageID);
    if (!m || m.status !== 'unSend' || !this.#pending.has(messageID)) refuse(E.INVALID_MESSAGE, 'Not an unsent message of this instance');
    const sdkOptions = {
      ...(options.onlineUserOnly ? { onlineUserOnly: true } : {}),
      ...(options.excludedFromUnreadCount || options.excludedFromLastMessage
        ? { messageControlInfo: { excludedFromUnreadCount: !!options.excludedFromUnreadCount, excludedFromLastMessage: !!options.excludedFromLastMessage } }
        : {}),
    };
    return this.#send(m!, (chat) => chat.sendMessage(m!, sdkOptions));
  }

  async resendMessage(messageID: string): Promise<Message> {
    this.#ready();
    let m = this.#messages.get(messageID);
    const failed = m ? m.status === 'fail' || this.#failures.has(messageID) : this.#pending.get(messageID)?.message.status === 'fail';
    if (!failed) refuse(E.INVALID_MESSAGE, 'Only a failed message can be resent');
    if (m) {
      this.#failures.delete(messageID);
      return this.#send(m, (chat) => chat.resendMessage(m!));
    }
    // A leftover of an earlier page life: the SDK never saw it. Re-create it with the same identity
    // (ID, random, client time), so the service can dedupe it if the first attempt had arrived.
    const entry = this.#pending.get(messageID)!;
    m = this.#create(entry.message.conversationID, entry.draft, entry.cloudCustomData, entry.needReadReceipt);
    Object.assign(m, {
      ID: entry.ID,
      ...(entry.random !== undefined ? { random: entry.random } : {}),
      ...(entry.clientTime !== undefined ? { clientTime: entry.clientTime } : {}),
      ...(entry.clientSequence !== undefined ? { clientSequence: entry.clientSequence } : {}),
    });
    this.#keep(m);
    this.#failures.delete(messageID);
    return this.#send(m, (chat) => chat.sendMessage(m!));
  }

  /** Sends once: resolves with the confirmed copy or rejects with the failed one; `messageUpdated` either way. */
  #send(m: TIMMessage, work: (chat: TIMChat) => Promise<unknown>): Promise<Message> {
    const ID = m.ID;
    const run = (async () => {
      try {
        const { message } = await this.#call<{ message?: TIMMessage }>(work);
        const sent = message && message.ID === ID ? message : m;
        if (sent.status !== 'success') sent.status = 'success';
        this.#keep(sent);
        this.#failures.delete(ID);
        this.#pending.delete(ID);
        if (this.#durable.delete(ID)) void this.#outbox?.delete(ID);
        const plain = this.#plain(sent);
        this.#emit('messageUpdated', { messages: [plain] });
        return plain;
      } catch (raw) {
        const error = toError(raw);
        const latest = (isChatError(raw) && (raw.data?.message as TIMMessage | undefined)) || m;
        if (latest !== m && latest.ID === ID) this.#keep(latest);
        const instance = this.#messages.get(ID) ?? m;
        instance.status = 'fail';
        this.#failures.set(ID, { code: error.code, message: error.message });
        const failed = this.#plain(instance);
        const entry = this.#pending.get(ID);
        if (entry) {
          entry.message = failed;
          if (this.#durable.has(ID)) void this.#outbox?.put(entry);
        }
        this.#emit('messageUpdated', { messages: [failed] });
        throw new ChatError(error.code, error.message, { message: failed });
      }
    })();
    this.#track(run);
    return run;
  }

  discardMessage(messageID: string): void {
    const m = this.#messages.get(messageID);
    if (m?.status === 'success') return;
    this.#messages.delete(messageID);
    this.#failures.delete(messageID);
    this.#pending.delete(messageID);
    void this.#outbox?.delete(messageID);
  }

  async revokeMessage(messageID: string): Promise<void> {
    this.#ready();
    const m = this.#messages.get(messageID);
    if (!m || m.status !== 'success') refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    await this.#call((chat) => chat.revokeMessage(m!));
    m!.isRevoked = true;
    if (!m!.revokerInfo?.userID) Object.assign(m!, { revokerInfo: { userID: this.#me, nick: '', avatar: '' }, revoker: this.#me });
    this.#revokedReported.add(messageID);
  }

  async modifyMessage(messageID: string, patch: { payload?: TextPayload | CustomPayload; cloudCustomData?: string }): Promise<Message> {
    const me = this.#ready();
    const m = this.#messages.get(messageID);
    if (!m || m.status !== 'success') return refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (m.from !== me || m.isRevoked || (patch.payload && m.type !== 'TIMTextElem' && m.type !== 'TIMCustomElem'))
      refuse(E.INVALID_MESSAGE, 'Only own text and custom messages can be modified');
    let payload: Record<string, string> | undefined;
    if (patch.payload) {
      const p = patch.payload as Partial<TextPayload & CustomPayload>;
      payload = m.type === 'TIMCustomElem' ? { data: p.data ?? '', description: p.description ?? '', extension: p.extension ?? '' } : { text: p.text as string };
      const values = Object.values(payload);
      if (values.some((v) => typeof v !== 'string')) refuse(E.INVALID_MESSAGE, 'Invalid payload');
      if (utf8Bytes(values.join('')) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Message body too large');
    }
    if (patch.cloudCustomData !== undefined && utf8Bytes(String(patch.cloudCustomData)) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
    // The SDK modifies by mutating the instance, then sending it: undo on failure.
    const before = { payload: m.payload as unknown, cloudCustomData: m.cloudCustomData };
    if (payload) m.payload = { ...(m.payload as object), ...payload };
    if (patch.cloudCustomData !== undefined) m.cloudCustomData = String(patch.cloudCustomData);
    try {
      const { message } = await this.#call<{ message?: TIMMessage }>((chat) => chat.modifyMessage(m));
      const latest = this.#keep(message && message.ID === messageID ? message : m);
      if (!message) latest.isModified = true;
      this.#versions.set(messageID, this.#versionKey(latest));
      return this.#plain(latest);
    } catch (raw) {
      const error = toError(raw);
      const latest = isChatError(raw) ? (raw.data?.message as TIMMessage | undefined) : undefined;
      // On a conflict the SDK hands back the latest version (possibly this very instance, updated).
      if (!(error.code === E.MSG_MODIFY_CONFLICT && latest)) Object.assign(m, before);
      if (error.code === E.MSG_MODIFY_CONFLICT && latest) {
        const kept = this.#keep(latest);
        this.#versions.set(messageID, this.#versionKey(kept));
        throw new ChatError(error.code, error.message, { message: this.#plain(kept) });
      }
      throw new ChatError(error.code, error.message);
    }
  }

  async deleteMessages(messageIDs: string[]): Promise<void> {
    this.#ready();
    const committed: TIMMessage[] = [];
    for (const id of messageIDs) {
      const m = this.#messages.get(id);
      if (m?.status === 'success') committed.push(m);
      else this.discardMessage(id);
    }
    if (!committed.length) return;
    await this.#call((chat) => chat.deleteMessage(committed));
    for (const m of committed) {
      m.isDeleted = true;
      this.#messages.delete(m.ID);
    }
  }

  async downloadMergerMessage(messageID: string): Promise<MergerPayload['messageList']> {
    this.#ready();
    const m = this.#messages.get(messageID);
    if (!m) return refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (m.type !== 'TIMRelayElem') refuse(E.INVALID_MESSAGE, 'Not a merged message');
    const payload = (m.payload ?? {}) as { downloadKey?: string; messageList?: unknown };
    if (!payload.downloadKey) return toMergedItems(payload.messageList);
    const data = await this.#call<{ payload?: { messageList?: unknown }; messageList?: unknown }>((chat) =>
      chat.downloadMergerMessage(m as unknown as Parameters<TIMChat['downloadMergerMessage']>[0]),
    );
    return toMergedItems(data.payload?.messageList ?? data.messageList ?? []);
  }

  async setTyping(conversationID: ConversationID, typing: boolean): Promise<void> {
    const me = this.#ready();
    const { type, targetID } = this.#target(conversationID);
    if (type !== 'C2C' || targetID === me) return;
    // TUIKit's convention: a custom message sent online-only, never stored, never counted.
    const m = this.#chat.createCustomMessage({
      to: targetID,
      conversationType: 'C2C' as Parameters<TIMChat['createCustomMessage']>[0]['conversationType'],
      payload: { data: typingData(!!typing), description: '', extension: '' },
      cloudCustomData: TYPING_CLOUD_CUSTOM_DATA,
    });
    if (!m || typeof (m as unknown as { then?: unknown }).then === 'function') {
      (m as unknown as Promise<unknown>)?.catch?.(() => undefined);
      this.#ready();
      return;
    }
    await this.#call((chat) =>
      chat.sendMessage(m, { onlineUserOnly: true, messageControlInfo: { excludedFromUnreadCount: true, excludedFromLastMessage: true } }),
    );
  }

  async getGroupMessageReadMembers(messageID: string): Promise<{ read: UserID[]; unread: UserID[] }> {
    const me = this.#ready();
    const m = this.#messages.get(messageID);
    if (!m) return refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (m.conversationType !== 'GROUP' || m.from !== me || !m.needReadReceipt) refuse(E.INVALID_MESSAGE, 'Not an own group message with receipts');
    const list = async (filter: 0 | 1): Promise<UserID[]> => {
      const out: UserID[] = [];
      let cursor = '';
      for (let round = 0; round < 100; round++) {
        const page = await this.#call<{ isCompleted?: boolean; cursor?: string; readUserIDList?: string[]; unreadUserIDList?: string[] }>((chat) =>
          chat.getGroupMessageReadMemberList({ message: m, filter, cursor, count: 100 }),
        );
        out.push(...((filter === 0 ? page.readUserIDList : page.unreadUserIDList) ?? []));
        if (page.isCompleted !== false || !page.cursor || page.cursor === cursor) break;
        cursor = page.cursor;
      }
      return out;
    };
    return { read: await list(0), unread: await list(1) };
  }

  // ───────────────────────────── search ─────────────────────────────

  #searchOff(): void {
    if (!this.#capabilities.messageSearch) return;
    this.#capabilities = Object.freeze({ ...this.#capabilities, messageSearch: false });
    this.#emit('capabilitiesChanged', { capabilities: this.#capabilities });
  }

  async #search(options: Parameters<TIMChat['searchCloudMessages']>[0]): Promise<{
    searchResultList: Array<{ conversationID: string; messageCount: number; messageList: TIMMessage[] }>;
    cursor: string;
    totalCount: number;
  }> {
    try {
      return await this.#call((chat) => chat.searchCloudMessages(options));
    } catch (error) {
      if ((error as ChatError).code === E.SEARCH_UNAVAILABLE) this.#searchOff();
      throw error;
    }
  }

  /**
   * Cloud search. Globally the service returns only a count for a conversation with several hits; the
   * adapter then searches inside that conversation (up to 100 hits) so every result has its messages.
   * After a 60020 (the cloud-search add-on is off) `capabilities.messageSearch` is false and a
   * `capabilitiesChanged` event tells the UI to fall back to contacts and groups.
   */
  async searchMessages(params: SearchMessagesParams): Promise<SearchMessagesResult> {
    this.#ready();
    if (params?.conversationID) this.#target(params.conversationID);
    const keywordList = (params?.keywordList ?? []).map(String).filter((k) => k !== '');
    if (keywordList.length > 5) refuse(E.INVALID_PARAMETER, 'At most 5 keywords');
    if (!keywordList.length && !params.senderUserIDList?.length && !params.messageTypeList?.length) return { resultList: [], totalCount: 0, cursor: '' };
    const base = {
      ...(keywordList.length ? { keywordList, keywordListMatchType: params.keywordListMatchType ?? 'or' } : {}),
      ...(params.senderUserIDList?.length ? { senderUserIDList: [...params.senderUserIDList] } : {}),
      ...(params.messageTypeList?.length ? { messageTypeList: [...params.messageTypeList] } : {}),
      ...(params.timePosition ? { timePosition: params.timePosition } : {}),
      ...(params.timePeriod ? { timePeriod: params.timePeriod } : {}),
    } as const;
    const result = await this.#search({
      ...base,
      ...(params.conversationID ? { conversationID: params.conversationID } : {}),
      ...(params.count ? { count: params.count } : {}),
      ...(params.cursor ? { cursor: params.cursor } : {}),
    });
    const resultList: SearchMessagesResult['resultList'] = [];
    for (const group of result.searchResultList ?? []) {
      let list = group.messageList ?? [];
      if (!params.conversationID && group.messageCount > list.length) {
        list = [];
        let cursor = '';
        while (list.length < Math.min(group.messageCount, SEARCH_FILL_MAX)) {
          const page = await this.#search({ ...base, conversationID: group.conversationID, count: SEARCH_FILL_MAX, ...(cursor ? { cursor } : {}) });
          list.push(...(page.searchResultList?.[0]?.messageList ?? []));
          if (!page.cursor || page.cursor === cursor) break;
          cursor = page.cursor;
        }
      }
      const messageList = list.filter((m) => typingStatusOf(m.type, m.payload) === null).map((m) => this.#plain(this.#keep(m)));
      resultList.push({ conversationID: group.conversationID as ConversationID, messageCount: group.messageCount, messageList });
    }
    return { resultList, totalCount: Number(result.totalCount) || 0, cursor: result.cursor ?? '' };
  }

  async searchContacts(keyword: string): Promise<{ users: UserProfile[]; groups: GroupProfile[] }> {
    this.#ready();
    const word = String(keyword ?? '').normalize('NFKC').toLowerCase().trim();
    if (!word) return { users: [], groups: [] };
    const matches = (...texts: string[]) => texts.some((t) => t.normalize('NFKC').toLowerCase().includes(word));
    const [friends, conversations, groups] = await Promise.all([
      this.getFriendList().catch(() => [] as Friend[]),
      this.getConversationList().catch(() => [] as Conversation[]),
      this.getJoinedGroupList().catch(() => [] as GroupProfile[]),
    ]);
    const users = new Map<UserID, UserProfile>();
    for (const f of friends) if (matches(f.userID, f.profile.nick, f.remark)) users.set(f.userID, f.profile);
    for (const c of conversations) if (c.userProfile && !users.has(c.userProfile.userID) && matches(c.userProfile.userID, c.userProfile.nick, c.remark)) users.set(c.userProfile.userID, c.userProfile);
    // An exact user ID finds that user even with no friendship or conversation.
    if (!users.has(word) && isTencentUserID(word)) for (const p of await this.getUserProfiles([word]).catch(() => [])) users.set(p.userID, p);
    return { users: [...users.values()], groups: groups.filter((g) => matches(g.groupID, g.name)) };
  }

  // ───────────────────────────── profiles ─────────────────────────────

  async getMyProfile(): Promise<UserProfile> {
    const me = this.#ready();
    return toProfile(await this.#call<TIMProfile>((chat) => chat.getMyProfile()), me);
  }

  async getUserProfiles(userIDs: UserID[]): Promise<UserProfile[]> {
    this.#ready();
    const ids = [...new Set(userIDs)].filter(isTencentUserID);
    if (!ids.length) return [];
    const list = await this.#call<TIMProfile[]>((chat) => chat.getUserProfile({ userIDList: ids }));
    return (Array.isArray(list) ? list : []).filter((p) => p?.userID).map((p) => toProfile(p));
  }

  async updateMyProfile(patch: ProfilePatch): Promise<UserProfile> {
    const me = this.#ready();
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
    const updated = await this.#call<TIMProfile>((chat) => chat.updateMyProfile(clean as Parameters<TIMChat['updateMyProfile']>[0]));
    return updated?.userID ? toProfile(updated, me) : this.getMyProfile();
  }

  async getUserStatus(userIDs: UserID[]): Promise<UserStatus[]> {
    const me = this.#ready();
    const ids = [...new Set(userIDs)].filter(isTencentUserID);
    const online = new Map<UserID, boolean>();
    if (ids.length) {
      const data = await this.#call<{ successUserList?: Array<{ userID: string; statusType: number }> }>((chat) => chat.getUserStatus({ userIDList: ids }));
      for (const s of data.successUserList ?? []) online.set(s.userID, s.statusType === 1);
      // Updates come only for subscribed users (friends may be subscribed by the console setting).
      const fresh = ids.filter((id) => id !== me && !this.#subscribedStatus.has(id));
      if (fresh.length) {
        for (const id of fresh) this.#subscribedStatus.add(id);
        this.#background(this.#call((chat) => chat.subscribeUserStatus({ userIDList: fresh })).catch(() => undefined));
      }
    }
    return userIDs.map((userID) => ({ userID, online: userID === me || (online.get(userID) ?? false) }));
  }

  // ───────────────────────────── relationships ─────────────────────────────

  async getFriendList(): Promise<Friend[]> {
    const list = await this.#call<TIMFriend[]>((chat) => chat.getFriendList());
    return (Array.isArray(list) ? list : []).map(toFriend);
  }

  async addFriend(params: { userID: UserID; wording?: string; remark?: string }): Promise<AddFriendResult> {
    this.#ready();
    if (!isTencentUserID(params?.userID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
    if (utf8Bytes(params.wording ?? '') > Limits.FRIEND_WORDING_BYTES || utf8Bytes(params.remark ?? '') > Limits.FRIEND_REMARK_BYTES)
      refuse(E.INVALID_PARAMETER, 'Wording or remark too long');
    const data = await this.#call<{ userID?: string; code?: number }>((chat) =>
      chat.addFriend({
        to: params.userID,
        source: 'AddSource_Type_Web',
        ...(params.wording ? { wording: params.wording } : {}),
        ...(params.remark ? { remark: params.remark } : {}),
        type: 'Add_Type_Both' as Parameters<TIMChat['addFriend']>[0]['type'],
      }),
    );
    // 30539 resolves: the peer must approve. Anything else that resolves means "now friends".
    return { userID: params.userID, result: data.code === E.FRIEND_PENDING ? 'pending' : 'added' };
  }

  async deleteFriend(userIDs: UserID[]): Promise<{ successUserIDList: UserID[]; failureUserIDList: Array<{ userID: UserID; code: number }> }> {
    this.#ready();
    const data = await this.#call<{ successUserIDList?: Array<{ userID: string } | string>; failureUserIDList?: Array<{ userID: string; code: number }> }>((chat) =>
      chat.deleteFriend({ userIDList: [...userIDs], type: 'Delete_Type_Both' as Parameters<TIMChat['deleteFriend']>[0]['type'] }),
    );
    return {
      successUserIDList: (data.successUserIDList ?? []).map((s) => (typeof s === 'string' ? s : s.userID)),
      failureUserIDList: (data.failureUserIDList ?? []).map((f) => ({ userID: f.userID, code: Number(f.code) })),
    };
  }

  async updateFriendRemark(userID: UserID, remark: string): Promise<void> {
    this.#ready();
    if (typeof remark !== 'string' || utf8Bytes(remark) > Limits.FRIEND_REMARK_BYTES) refuse(E.INVALID_PARAMETER, 'Remark too long');
    await this.#call((chat) => chat.updateFriend({ userID, remark }));
  }

  async getFriendApplicationList(): Promise<FriendApplication[]> {
    const data = await this.#call<{ friendApplicationList?: TIMFriendApplication[] }>((chat) => chat.getFriendApplicationList());
    return (data.friendApplicationList ?? []).map(toApplication);
  }

  async acceptFriendApplication({ userID, remark = '' }: { userID: UserID; remark?: string }): Promise<void> {
    this.#ready();
    await this.#call((chat) =>
      chat.acceptFriendApplication({ userID, remark: String(remark), type: 'Response_Action_AgreeAndAdd' as Parameters<TIMChat['acceptFriendApplication']>[0]['type'] }),
    );
  }

  async refuseFriendApplication(userID: UserID): Promise<void> {
    await this.#call((chat) => chat.refuseFriendApplication({ userID }));
  }

  async getBlacklist(): Promise<UserID[]> {
    const list = await this.#call<string[]>((chat) => chat.getBlacklist());
    return Array.isArray(list) ? [...list] : [];
  }

  async addToBlacklist(userIDs: UserID[]): Promise<void> {
    this.#ready();
    if (!Array.isArray(userIDs) || !userIDs.every(isTencentUserID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
    await this.#call((chat) => chat.addToBlacklist({ userIDList: [...userIDs] }));
  }

  async removeFromBlacklist(userIDs: UserID[]): Promise<void> {
    this.#ready();
    if (!Array.isArray(userIDs) || !userIDs.every(isTencentUserID)) refuse(E.INVALID_USER_ID, 'Invalid user ID');
    await this.#call((chat) => chat.removeFromBlacklist({ userIDList: [...userIDs] }));
  }

  // ───────────────────────────── groups ─────────────────────────────

  async getJoinedGroupList(): Promise<GroupProfile[]> {
    const data = await this.#call<{ groupList?: TIMGroup[] }>((chat) => chat.getGroupList());
    return (data.groupList ?? []).map(toGroup);
  }

  async getGroupProfile(groupID: GroupID): Promise<GroupProfile> {
    this.#ready();
    const { group } = await this.#call<{ group: TIMGroup }>((chat) => chat.getGroupProfile({ groupID }));
    return toGroup(group);
  }

  async createGroup(options: CreateGroupOptions): Promise<GroupProfile> {
    this.#ready();
    if (typeof options?.name !== 'string' || !options.name || utf8Bytes(options.name) > Limits.GROUP_NAME_BYTES) refuse(E.INVALID_PARAMETER, 'Invalid group name');
    if (options.groupID !== undefined && !isTencentGroupID(options.groupID)) refuse(E.INVALID_PARAMETER, 'Invalid group ID');
    const { group } = await this.#call<{ group: TIMGroup }>((chat) =>
      chat.createGroup({
        name: options.name,
        type: options.type as Parameters<TIMChat['createGroup']>[0]['type'],
        ...(options.groupID ? { groupID: options.groupID } : {}),
        ...(options.introduction ? { introduction: options.introduction } : {}),
        ...(options.avatar ? { avatar: options.avatar } : {}),
        ...(options.memberList?.length ? { memberList: options.memberList.map((userID) => ({ userID })) } : {}),
      }),
    );
    return this.getGroupProfile(group?.groupID ?? options.groupID ?? '');
  }

  async updateGroupProfile(groupID: GroupID, patch: GroupProfilePatch): Promise<GroupProfile> {
    this.#ready();
    const limits: Record<string, number> = { name: Limits.GROUP_NAME_BYTES, introduction: Limits.GROUP_INTRO_BYTES, notification: Limits.GROUP_NOTICE_BYTES, avatar: Limits.AVATAR_URL_BYTES };
    const clean: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch ?? {})) {
      if (value === undefined) continue;
      const ok = key === 'muteAllMembers' ? typeof value === 'boolean' : key in limits && typeof value === 'string' && utf8Bytes(value) <= limits[key]!;
      if (!ok) refuse(E.INVALID_PARAMETER, `Invalid group field ${key}`);
      clean[key] = value;
    }
    await this.#call((chat) => chat.updateGroupProfile({ groupID, ...clean }));
    return this.getGroupProfile(groupID);
  }

  async getGroupMemberList(groupID: GroupID, { offset = 0, count = 100 }: { offset?: number; count?: number } = {}): Promise<GroupMemberPage> {
    this.#ready();
    const size = Math.max(1, Math.min(Number(count) || 100, 100));
    const data = await this.#call<{ memberList?: TIMGroupMember[]; offset?: number }>((chat) => chat.getGroupMemberList({ groupID, count: size, offset }));
    const memberList = (data.memberList ?? []).map(toMember);
    const next = Number(data.offset) || 0;
    return { memberList, offset: memberList.length < size || next <= offset ? 0 : next };
  }

  async getGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<GroupMember[]> {
    this.#ready();
    const data = await this.#call<{ memberList?: TIMGroupMember[] }>((chat) => chat.getGroupMemberProfile({ groupID, userIDList: [...userIDs] }));
    return (data.memberList ?? []).map(toMember);
  }

  async addGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void> {
    this.#ready();
    const data = await this.#call<{ successUserIDList?: string[]; failureUserIDList?: Array<string | { userID: string; code?: number }>; existedUserIDList?: string[] }>((chat) =>
      chat.addGroupMember({ groupID, userIDList: [...userIDs] }),
    );
    // The SDK resolves with per-user lists; the contract rejects when nobody was added.
    if (!(data.successUserIDList ?? []).length) {
      if ((data.existedUserIDList ?? []).length) refuse(E.ALREADY_GROUP_MEMBER, 'Already a member');
      const failure = (data.failureUserIDList ?? [])[0];
      if (failure) refuse(typeof failure === 'object' && failure.code ? failure.code : E.INVALID_USER_ID, 'Could not add the member');
    }
  }

  async removeGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void> {
    this.#ready();
    await this.#call((chat) => chat.deleteGroupMember({ groupID, userIDList: [...userIDs] }));
  }

  async setGroupMemberRole(groupID: GroupID, userID: UserID, role: Exclude<GroupRole, 'Owner'>): Promise<void> {
    this.#ready();
    if (role !== 'Admin' && role !== 'Member') refuse(E.INVALID_PARAMETER, 'Invalid role');
    await this.#call((chat) => chat.setGroupMemberRole({ groupID, userID, role: role as Parameters<TIMChat['setGroupMemberRole']>[0]['role'] }));
  }

  async setGroupMemberMuteTime(groupID: GroupID, userID: UserID, seconds: number): Promise<void> {
    this.#ready();
    await this.#call((chat) => chat.setGroupMemberMuteTime({ groupID, userID, muteTime: Math.max(0, Math.floor(Number(seconds) || 0)) }));
  }

  async setGroupMemberNameCard(groupID: GroupID, userID: UserID, nameCard: string): Promise<void> {
    this.#ready();
    if (typeof nameCard !== 'string' || utf8Bytes(nameCard) > Limits.NAME_CARD_BYTES) refuse(E.INVALID_PARAMETER, 'Name card too long');
    await this.#call((chat) => chat.setGroupMemberNameCard({ groupID, userID, nameCard }));
  }

  async quitGroup(groupID: GroupID): Promise<void> {
    const me = this.#ready();
    await this.#call((chat) => chat.quitGroup(groupID));
    // The quitter gets no tip of its own departure.
    this.#emit('groupMemberUpdated', { groupID, members: [], removedUserIDs: [me] });
  }

  async dismissGroup(groupID: GroupID): Promise<void> {
    await this.#call((chat) => chat.dismissGroup(groupID));
  }

  async changeGroupOwner(groupID: GroupID, newOwnerID: UserID): Promise<void> {
    this.#ready();
    await this.#call((chat) => chat.changeGroupOwner({ groupID, newOwnerID }));
  }
}
