/**
 * LocalCore: the whole chat service inside the browser.
 *
 * The "server" is IndexedDB (see `database.ts` and `server/`): every operation is one transaction. The
 * client half is `Client` (session, what this instance has seen and sent, events) and this class, the
 * contract. The startup bundle holds what the first screen needs (login, lists, history pages, live
 * delivery, presence) and everything the contract makes synchronous: `createMessage` (validation, the
 * echo, its durable copy in the outbox), `findMessage`, `discardMessage`. The rest waits for a user
 * action or a rarer event and loads on first use from `ops/`: `compose` (sending, typing), `changes`
 * (read marks, recalls, edits, deletions, conversation settings, profiles), `groups`,
 * `relationships`, `search` and `extras` (bulk import, the echo bot, fault injection). The contract
 * methods served wholly by those modules are not written out here: the tables below name them, and
 * the class gets one method per name.
 *
 * After a commit an instance posts a small notification frame on a BroadcastChannel and handles the same
 * frame itself; every instance then re-reads what changed and emits contract events for its own user.
 */
import type { ChatCore, ChatCoreCapabilities, ChatCoreEventMap, ChatCoreEventName, Unsubscribe } from '../contract.js';
import type {
  Conversation,
  ConversationID,
  CreateMessageOptions,
  Friend,
  FriendApplication,
  GroupID,
  GroupProfile,
  MergerPayload,
  Message,
  MessageDraft,
  MessagePage,
  MessageType,
  NetState,
  SendMessageOptions,
  UserID,
  UserProfile,
  UserStatus,
} from '../types.js';
import { ChatError, ChatErrorCode as E, toChatError } from '../errors.js';
import { isValidUserID, Limits, utf8Bytes } from '../validation.js';
import type { FaultSettings } from '../faults.js';
import { newID, newProfile, read, write, type Database } from './database.js';
import { ALL_LISTS, Client, loadChanges, loadExtras, loadGroups, loadRelationships, loadSearch, loadCompose, REVOKE_WINDOW_SECONDS } from './client.js';
import type { LocalFaults } from './faults.js';
import { localUrl } from './media.js';
import { loadApplications, loadBlacklist, loadConversations, loadFriends, loadJoinedGroups } from './projection.js';
import * as messages from './server/messages.js';
import { refuse } from './server/messages.js';
import type { ImportedMessage } from './server/import.js';

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
export type { ImportedMessage } from './server/import.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp'];
const HEARTBEAT_MS = 10_000;
/** Larger merged-forward bodies are "uploaded" and fetched with `downloadMergerMessage`. */
const MERGER_INLINE_BYTES = 8 * 1024;

/** Contract method `K` as an `ops/` module exports it: the client and the logged-in user, then the
 *  method's own arguments. */
type Op<K extends keyof ChatCore> = ChatCore[K] extends (...args: infer A) => infer R ? (c: Client, me: UserID, ...args: A) => R : never;

/**
 * The contract methods whose code waits for a user action or a rarer event, by the `ops/` module that
 * loads with the first of them. Each module exports a function of the same name (typed against the
 * contract by `delegate` below), and `LocalCore` gets a method that runs it inside `Client.op`.
 */
const CHANGES = [
  'markConversationRead',
  'deleteConversation',
  'pinConversation',
  'setConversationDraft',
  'setMessageRemindType',
  'markConversationUnread',
  'clearHistory',
  'revokeMessage',
  'modifyMessage',
  'deleteMessages',
  'downloadMergerMessage',
  'getGroupMessageReadMembers',
  'updateMyProfile',
] as const;
const COMPOSE = ['setTyping'] as const;
const SEARCH = ['searchMessages', 'searchContacts', 'getMessage', 'getMessageListHopping'] as const;
const RELATIONSHIPS = ['addFriend', 'deleteFriend', 'updateFriendRemark', 'acceptFriendApplication', 'refuseFriendApplication', 'addToBlacklist', 'removeFromBlacklist'] as const;
const GROUPS = [
  'createGroup',
  'updateGroupProfile',
  'getGroupMemberList',
  'getGroupMembers',
  'addGroupMembers',
  'removeGroupMembers',
  'setGroupMemberRole',
  'setGroupMemberMuteTime',
  'setGroupMemberNameCard',
  'quitGroup',
  'dismissGroup',
  'changeGroupOwner',
] as const;
type Delegated = (typeof CHANGES | typeof COMPOSE | typeof SEARCH | typeof RELATIONSHIPS | typeof GROUPS)[number];
/** The delegated methods that only read: like every read of this core, they answer while disconnected.
 *  The others need the network. */
const OFFLINE = new Set<Delegated>(['searchContacts', 'getMessage', 'getMessageListHopping', 'getGroupMemberList', 'getGroupMembers']);

// The delegated methods are added to the class in its static block below; this gives them their types
// (and the contract's documentation).
export interface LocalCore extends Pick<ChatCore, Delegated> {}

export class LocalCore implements ChatCore {
  readonly kind = 'local';
  readonly capabilities: ChatCoreCapabilities = Object.freeze({
    mediaMessages: true,
    messageSearch: true,
    readReceipts: true,
    groupReadReceipts: true,
    modifyMessage: true,
    revokeWindowSeconds: REVOKE_WINDOW_SECONDS,
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

  readonly #c: Client;

  constructor(db: Database, options: LocalCoreOptions = {}) {
    this.#c = new Client(db, options);
    this.faults = this.#c.faults;
  }

  static {
    /** Adds a method per name that runs the loaded module's export of that name after the session,
     *  fault and network checks. Type-checked: the module must export each name as `Op<name>`. */
    const delegate = <K extends Delegated>(load: () => Promise<{ [N in K]: Op<N> }>, names: readonly K[]) => {
      for (const name of names)
        Object.defineProperty(LocalCore.prototype, name, {
          configurable: true,
          writable: true,
          value(this: LocalCore, ...args: unknown[]) {
            const c = this.#c;
            return c.op(name, async (me) => ((await load())[name] as (...all: unknown[]) => unknown)(c, me, ...args), !OFFLINE.has(name));
          },
        });
    };
    delegate(loadChanges, CHANGES);
    delegate(loadCompose, COMPOSE);
    delegate(loadSearch, SEARCH);
    delegate(loadRelationships, RELATIONSHIPS);
    delegate(loadGroups, GROUPS);
  }

  // ───────────────────────────── events ─────────────────────────────

  on<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): Unsubscribe {
    return this.#c.emitter.on(type, handler);
  }
  off<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): void {
    this.#c.emitter.off(type, handler);
  }
  /** Number of subscribed handlers (tests check that elements unsubscribe). */
  get listenerCount(): number {
    return this.#c.emitter.listenerCount;
  }

  // ───────────────────────────── session ─────────────────────────────

  async login({ userID }: { userID: UserID; userSig?: string }): Promise<void> {
    const c = this.#c;
    if (c.destroyed) refuse(E.USER_NOT_LOGGED_IN, 'Destroyed');
    if (!isValidUserID(userID)) refuse(E.INVALID_USER_ID, `Invalid user ID ${String(userID)}`);
    if (c.session === 'in' && c.me === userID) return;
    if (c.session !== 'out') await this.logout();
    c.session = 'logging';
    try {
      await c.faults.before('login');
      if (c.net !== 'connected') refuse(E.NETWORK_ERROR, 'Network unavailable');
      c.profile = await write(c.db, async (tx) => {
        const profile = (await tx.objectStore('users').get(userID)) ?? newProfile(userID);
        await tx.objectStore('users').put(profile);
        return profile;
      });
      c.me = userID;
      c.total = -1;
      await c.conversations(read(c.db), userID);
    } catch (error) {
      c.session = 'out';
      c.me = '';
      throw toChatError(error);
    }
    c.session = 'in';
    c.post({ k: 'login', iid: c.iid, user: userID });
    c.post({ k: 'who' });
    c.beat();
    c.heartbeat = setInterval(() => (c.beat(), c.sweep()), HEARTBEAT_MS);
    c.emitter.emit('ready', { userID });
    c.background(c.touch(...ALL_LISTS));
  }

  async logout(): Promise<void> {
    if (this.#c.session === 'out') return;
    await Promise.allSettled(this.#c.outgoing.values());
    this.#c.end('logout');
  }

  getLoginUser(): UserID {
    return this.#c.me;
  }
  isReady(): boolean {
    return this.#c.session === 'in';
  }
  getNetState(): NetState {
    return this.#c.net;
  }
  getServerTime(): number {
    return this.#c.secondsNow();
  }

  async destroy(): Promise<void> {
    const c = this.#c;
    if (c.destroyed) return;
    await this.logout();
    c.destroyed = true;
    c.channel.close();
    c.db.close();
    c.media.revokeAll();
  }

  // ───────────────────────────── conversations ─────────────────────────────

  getConversationList(): Promise<Conversation[]> {
    return this.#c.op('getConversationList', (me) => this.#c.conversations(read(this.#c.db), me), false);
  }

  getConversation(conversationID: ConversationID): Promise<Conversation> {
    const c = this.#c;
    return c.op(
      'getConversation',
      async (me) => {
        c.target(conversationID);
        const tx = read(c.db);
        const [conversation] = await loadConversations(tx, me, c.media, await messages.ownConversation(tx, me, conversationID));
        return conversation!;
      },
      false,
    );
  }

  getTotalUnreadCount(): number {
    return Math.max(this.#c.total, 0);
  }

  // ───────────────────────────── history ─────────────────────────────

  getMessageList({ conversationID, nextReqMessageID, count = 15 }: { conversationID: ConversationID; nextReqMessageID?: string; count?: number }): Promise<MessagePage> {
    const c = this.#c;
    return c.op(
      'getMessageList',
      async (me) => {
        c.target(conversationID);
        const tx = read(c.db);
        const conv = await messages.readable(tx, me, conversationID);
        const anchor = nextReqMessageID ? await messages.visible(tx, me, nextReqMessageID) : undefined;
        if (anchor && anchor.key !== conv.key) refuse(E.MESSAGE_NOT_FOUND, 'Anchor of another conversation');
        const range = IDBKeyRange.bound([conv.key, conv.clearedSeq + 1], [conv.key, anchor?.seq ?? Infinity], false, !!anchor);
        const [recs, isCompleted] = await messages.walk(tx, me, range, 'prev', count);
        const messageList = await c.project(me, recs, tx);
        // The newest page also shows this user's unsent and failed echoes, so they survive a reload. The
        // code that shows them loads with the sending code (there by then, unless the page was reloaded).
        if (!anchor) {
          const pending = (await tx.objectStore('outbox').index('owner').getAll(me)).filter((e) => e.message.conversationID === conversationID);
          if (pending.length) messageList.push(...(await (await loadCompose()).pendingEchoes(c, pending)));
        }
        return { messageList, nextReqMessageID: isCompleted ? '' : (recs[0]?.ID ?? ''), isCompleted };
      },
      false,
    );
  }

  findMessage(messageID: string): Message | null {
    return this.#c.known.get(messageID) ?? null;
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
          const m = this.#c.known.get(id);
          if (!m || m.status !== 'success') return refuse(E.MESSAGE_NOT_FOUND, `No message ${id}`);
          const { ID, from, nick, avatar, time, cloudCustomData, type, payload } = m;
          return { ID, from, nick, avatar, time, cloudCustomData, messageBody: [{ type, payload: this.#c.media.unresolve(payload) }] };
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
    const c = this.#c;
    const me = c.user();
    const { type: conversationType, targetID } = c.target(conversationID);
    const stored = {
      ID: newID(),
      conversationID,
      conversationType,
      from: me,
      to: targetID,
      flow: 'out',
      time: c.secondsNow(),
      sequence: 0,
      status: 'unSend',
      isPeerRead: false,
      isRead: true,
      isRevoked: false,
      isDeleted: false,
      isModified: false,
      nick: c.profile?.nick ?? '',
      avatar: c.profile?.avatar ?? '',
      nameCard: '',
      atUserList: [],
      cloudCustomData: '',
      needReadReceipt: false,
      ...extra,
      type,
      payload,
    } as Message;
    if (utf8Bytes(stored.cloudCustomData) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
    for (const [uuid, blob] of uploads) if (blob instanceof Blob) c.media.add(uuid, blob);
    const echo = { ...stored, payload: c.media.resolve(payload) } as Message;
    c.known.set(echo.ID, echo);
    this.#save(echo.ID, async () => {
      const image = uploads[0]?.[1];
      // An image drafted without its size (the kit's composer measures it) is measured by the send
      // code, fetched below anyway; without it, it stays 0×0 like an image the browser cannot decode.
      if (type === 'TIMImageElem' && image instanceof Blob && !(payload as { imageInfoArray: Array<{ width: number }> }).imageInfoArray[0]!.width)
        await loadCompose().then((compose) => compose.measureImage(image, [stored, echo]), () => {});
      await write(c.db, async (tx) => {
        for (const [uuid, blob] of uploads) await tx.objectStore('blobs').put(blob, uuid);
        await tx.objectStore('outbox').put({ ID: stored.ID, owner: me, message: stored });
      });
      return stored;
    });
    // Fetch the send path while the echo becomes durable: `sendMessage` follows at once.
    loadCompose().catch(() => {});
    return echo;
  }

  createMessage({ conversationID, draft, cloudCustomData = '', needReadReceipt = false }: CreateMessageOptions): Message {
    this.#c.user();
    this.#c.target(conversationID);
    const uploads: Array<[string, unknown]> = [];
    const payload = this.#payload(draft, uploads);
    const atUserList = draft.type === 'TIMTextElem' && Array.isArray(draft.atUserList) ? draft.atUserList.map(String) : [];
    return this.#echo(conversationID, draft.type, payload, uploads, { cloudCustomData: String(cloudCustomData), needReadReceipt: !!needReadReceipt, atUserList });
  }

  createForwardMessage({ conversationID, messageID }: { conversationID: ConversationID; messageID: string }): Message {
    this.#c.user();
    const source = this.#c.known.get(messageID);
    if (!source || source.status !== 'success' || source.isRevoked) refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID}`);
    if (source.type === 'TIMGroupTipElem' || source.type === 'TIMGroupSystemNoticeElem') refuse(E.INVALID_MESSAGE, 'Cannot forward a notice');
    return this.#echo(conversationID, source.type, this.#c.media.unresolve(source.payload), []);
  }

  async sendMessage(messageID: string, options: SendMessageOptions = {}): Promise<Message> {
    this.#c.user();
    const echo = this.#c.known.get(messageID);
    if (echo?.status !== 'unSend' || !this.#c.outgoing.has(messageID)) refuse(E.INVALID_MESSAGE, 'Not an unsent message');
    return this.#send(messageID, options, 'sendMessage');
  }

  async resendMessage(messageID: string): Promise<Message> {
    (await loadCompose()).prepareResend(this.#c, messageID);
    return this.#send(messageID, {}, 'resendMessage');
  }

  /** Echoes whose durable copy could not be written (storage full), with what writes it: a resend tries again. */
  readonly #unsaved = new Map<string, () => Promise<Message>>();

  /** Writes an echo's durable copy (`outgoing` holds the promise), remembering how when it fails. */
  #save(ID: string, run: () => Promise<Message>): void {
    const saving = run();
    this.#c.outgoing.set(ID, saving);
    saving.catch(() => this.#unsaved.set(ID, run));
  }

  /** Sends a durable echo (`ops/send.ts`); on any failure the echo, in memory and in the outbox, turns
   *  'fail' with the error, unless the message was committed meanwhile (a lost ack). */
  async #send(ID: string, options: SendMessageOptions, method: string): Promise<Message> {
    const c = this.#c;
    let stored: Message | undefined;
    const again = this.#unsaved.get(ID);
    this.#unsaved.delete(ID);
    if (again) this.#save(ID, again);
    try {
      stored = await c.outgoing.get(ID)!;
      const durable = stored;
      const compose = await loadCompose();
      return await c.op(method, (me) => compose.send(c, me, durable, options), true, compose.uploadProgress(c, durable));
    } catch (error) {
      const { code, message } = toChatError(error);
      const failed = { ...(c.known.get(ID) ?? stored!), status: 'fail', error: { code, message } } as Message;
      c.known.set(ID, failed);
      if (stored) {
        const entry = { ID, owner: stored.from, message: { ...stored, status: 'fail', error: { code, message } } as Message };
        await write(c.db, async (tx) => {
          if (!(await tx.objectStore('messages').get(ID))) await tx.objectStore('outbox').put(entry);
        }).catch(() => {});
      }
      c.emitter.emit('messageUpdated', { messages: [failed] });
      throw new ChatError(code, message, { message: failed });
    }
  }

  discardMessage(messageID: string): void {
    this.#unsaved.delete(messageID);
    this.#c.discard(messageID);
  }

  // ───────────────────────────── profiles ─────────────────────────────

  getMyProfile(): Promise<UserProfile> {
    return this.#c.op('getMyProfile', async (me) => (await read(this.#c.db).objectStore('users').get(me))!, false);
  }

  getUserProfiles(userIDs: UserID[]): Promise<UserProfile[]> {
    return this.#c.op(
      'getUserProfiles',
      async () => {
        const tx = read(this.#c.db);
        const profiles = await Promise.all([...new Set(userIDs)].filter(isValidUserID).map((id) => tx.objectStore('users').get(id)));
        return profiles.filter((p): p is UserProfile => !!p);
      },
      false,
    );
  }

  getUserStatus(userIDs: UserID[]): Promise<UserStatus[]> {
    return this.#c.op('getUserStatus', async () => userIDs.map((userID) => ({ userID, online: this.#c.online(userID) })), false);
  }

  // ───────────────────────────── relationships ─────────────────────────────

  getFriendList(): Promise<Friend[]> {
    return this.#c.op('getFriendList', (me) => loadFriends(read(this.#c.db), me), false);
  }
  getFriendApplicationList(): Promise<FriendApplication[]> {
    return this.#c.op('getFriendApplicationList', (me) => loadApplications(read(this.#c.db), me), false);
  }
  getBlacklist(): Promise<UserID[]> {
    return this.#c.op('getBlacklist', (me) => loadBlacklist(read(this.#c.db), me), false);
  }

  // ───────────────────────────── groups ─────────────────────────────

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#c.op('getJoinedGroupList', (me) => loadJoinedGroups(read(this.#c.db), me), false);
  }
  getGroupProfile(groupID: GroupID): Promise<GroupProfile> {
    return this.#c.op('getGroupProfile', (me) => this.#c.groupProfile(me, groupID), false);
  }

  // ───────────────────────────── LocalCore only ─────────────────────────────

  /** Every registered user (works before login: the demo's login screen lists them). */
  async listUsers(): Promise<UserProfile[]> {
    return read(this.#c.db).objectStore('users').getAll();
  }

  /**
   * Inserts many messages in one transaction (benchmarks, tests, seeds): sequences, times and every
   * participant's conversation state come out as if each had been sent, without per-message events.
   * Instances refresh their lists and rebuild their search index. Resolves with the IDs, in input order.
   */
  async bulkImport(items: readonly ImportedMessage[], options: BulkImportOptions = {}): Promise<string[]> {
    return (await loadExtras()).bulkImport(this.#c, items, options);
  }
}
