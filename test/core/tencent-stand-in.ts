/**
 * A scripted stand-in of `@tencentcloud/chat` for tests: no traffic leaves the machine.
 *
 * Design: the "server" is LocalCore on one IndexedDB database per world; each stand-in device (what
 * `TencentCloudChat.create()` returns in one page) is a LocalCore instance on it. The stand-in speaks the
 * SDK's API surface and reproduces its documented behaviour on top (see `reference/tencent-chat-sdk.md`):
 * - events in the `{name, data}` envelope; CONVERSATION_LIST_UPDATED, TOTAL_UNREAD_MESSAGE_COUNT_UPDATED,
 *   FRIEND_LIST_UPDATED and GROUP_LIST_UPDATED coalesced exactly as the SDK does (first at once, then a
 *   trailing emit 1 s after the last trigger), with the data recomputed at emit time;
 * - results as `{code: 0, data}`, rejections as `{code, message, data?}`;
 * - ready gating: before SDK_READY every API but login/logout/on/off… rejects with the current reason as
 *   the code (2024 before login, 3000 while logging in, 3001 after a failed login, 3005 after logout,
 *   3002/3003/3004/3006 after a kick), `create*Message` included (a rejected promise, as the SDK's wrapper);
 * - MESSAGE_RECEIVED never for this device's own sends; C2C read receipts as MESSAGE_READ_BY_PEER, group
 *   ones as MESSAGE_READ_RECEIPT_RECEIVED; no event at all for typing, deletes or group changes (tips are
 *   messages);
 * - pages of at most 15 (`getMessageList`, `getMessageListHopping` by sequence for groups and by whole
 *   seconds for C2C), `addFriend` resolving `{code: 30539}` for a request that needs approval,
 *   `addGroupMember` resolving with `existedUserIDList`, the SDK's payload shapes (no file name on images,
 *   `groupName` in tips, sequences instead of IDs in `lastMessage` and `groupAtInfoList`), global cloud
 *   search returning only a count for a conversation with several hits, 60020 when the add-on is off;
 * - UserSigs verified like the service does (70001 expired, 70003 invalid), when the world has a key.
 * Faults (`FaultControl`) are applied here, at the "network" between the SDK and the service.
 *
 * Everything is typed against the package's declarations (`ChatSDK`, `Message`, `Conversation`…), so a
 * change of the package's types breaks `tsc`.
 */
import type TencentCloudChat from '@tencentcloud/chat';
import type { Conversation as SDKConversation, Friend as SDKFriend, FriendApplication as SDKFriendApplication, Group as SDKGroup, GroupMember as SDKGroupMember, Message as SDKMessage, Profile as SDKProfile } from '@tencentcloud/chat';
import {
  ChatError,
  NO_FAULTS,
  type Conversation,
  type ConversationID,
  type FaultControl,
  type FaultSettings,
  type Friend,
  type FriendApplication,
  type GroupMember,
  type GroupProfile,
  type KickedOutReason,
  type Message,
  type MessageDraft,
  type MessageType,
  type UserProfile,
} from '../../src/core/index.js';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import type { TIMChat, TIMCreateOptions, TIMEventName, TIMModule } from '../../src/core/tencent/sdk.js';
import { decodeUserSig, userSigHmac } from '../../src/core/tencent/debug-usersig.js';
import { EVENT, TYPES } from './tencent-enums.js';

type Loose = Record<string, unknown>;
/** A string typed as one of the SDK's TYPES values (a value the enum does not have fails `tsc`). */
const T = (value: `${TencentCloudChat.TYPES}`): TencentCloudChat.TYPES => value as unknown as TencentCloudChat.TYPES;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** APIs the SDK lets through before SDK_READY (`mr` in `chat/index.js`). */
const UNGATED = new Set(['login', 'logout', 'getLoginUser', 'destroy', 'on', 'off', 'setLogLevel', 'registerPlugin', 'isReady', 'quitGroup', 'joinGroup']);
const THROTTLED = new Set<string>([EVENT.CONVERSATION_LIST_UPDATED, EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, EVENT.FRIEND_LIST_UPDATED, EVENT.GROUP_LIST_UPDATED]);
const KICK_CODES: Record<KickedOutReason, number> = { multipleDevice: 3002, multipleAccount: 3003, userSigExpired: 3004, REST_API_Kick: 3006 };
const MEDIA: MessageType[] = ['TIMImageElem', 'TIMFileElem', 'TIMSoundElem', 'TIMVideoFileElem'];
const SDK_PAGE = 15;

interface Rejection {
  code: number;
  message: string;
  data?: Loose;
}
const reject = (code: number, message: string, data?: Loose): Rejection => ({ code, message, ...(data ? { data } : {}) });

// ───────────────────────────── the SDK's records ─────────────────────────────

/** The SDK's Message class: every declared field, plus the runtime ones the declarations omit. */
class StandInMessage implements SDKMessage {
  ID = '';
  type = T('TIMTextElem');
  payload: unknown = {};
  conversationID = '';
  conversationType = T('C2C');
  to = '';
  from = '';
  flow = 'out';
  time = 0;
  status = 'unSend';
  isRevoked = false;
  priority = T('Normal');
  nick = '';
  avatar = '';
  isPeerRead = false;
  nameCard = '';
  atUserList: string[] = [];
  cloudCustomData = '';
  isDeleted = false;
  isModified = false;
  needReadReceipt = false;
  readReceiptInfo: unknown = {};
  isBroadcastMessage = false;
  isSupportExtension = false;
  revoker = '';
  revokerInfo = { userID: '', nick: '', avatar: '' };
  revokeReason = '';
  sequence = 0;
  hasRiskContent = false;
  // runtime-only
  isRead = false;
  random = Math.floor(Math.random() * 2 ** 32);
  clientTime = Math.floor(Date.now() / 1000);
  clientSequence = Math.floor(Math.random() * 2 ** 31);
  version = 0;
  isResend = false;
}

/** LocalCore payload → the SDK's element content. */
function sdkPayload(type: MessageType, payload: unknown): unknown {
  const p = JSON.parse(JSON.stringify(payload ?? {})) as Loose;
  switch (type) {
    case 'TIMImageElem': {
      // The SDK's image element has no file name.
      const infos = (p['imageInfoArray'] as Loose[] | undefined) ?? [];
      return {
        imageFormat: p['imageFormat'] ?? 255,
        uuid: p['uuid'] ?? '',
        imageInfoArray: infos.map((info, i) => ({ instanceID: i, type: info['type'], sizeType: Number(info['type']) + 1, size: info['size'], width: info['width'], height: info['height'], imageUrl: info['url'], url: info['url'] })),
      };
    }
    case 'TIMFileElem':
      return { downloadFlag: 2, fileUrl: p['fileUrl'], remoteFileUrl: p['fileUrl'], uuid: p['uuid'] ?? '', fileName: p['fileName'], fileSize: p['fileSize'] };
    case 'TIMSoundElem':
      return { downloadFlag: 2, second: p['second'], size: p['size'], url: p['url'], remoteAudioUrl: p['url'], uuid: p['uuid'] ?? '' };
    case 'TIMVideoFileElem':
      return { ...p, remoteVideoUrl: p['videoUrl'], videoDownloadFlag: 2, snapshotUrl: p['thumbUrl'], snapshotWidth: p['thumbWidth'], snapshotHeight: p['thumbHeight'] };
    case 'TIMRelayElem':
      return { ...p, messageList: sdkMergedItems(p['messageList']), version: 1, layersOverLimit: false, downloadKey: p['downloadKey'] ?? '', pbDownloadKey: '' };
    case 'TIMGroupTipElem': {
      // The service names the group's name `groupName` in a tip.
      const fresh = p['newGroupProfile'] as Loose | undefined;
      if (fresh && 'name' in fresh) {
        const { name, ...rest } = fresh;
        p['newGroupProfile'] = { ...rest, groupName: name };
      }
      return { ...p, groupProfile: {} };
    }
    default:
      return p;
  }
}

function sdkMergedItems(list: unknown): unknown[] {
  return ((list as Loose[] | undefined) ?? []).map((item, i) => ({
    ...item,
    messageSequence: i + 1,
    messageRandom: 0,
    messageBody: ((item['messageBody'] as Loose[] | undefined) ?? []).map((body) => ({ type: body['type'], payload: sdkPayload(body['type'] as MessageType, body['payload']) })),
  }));
}

function sdkProfile(p: UserProfile): SDKProfile {
  return {
    userID: p.userID,
    nick: p.nick,
    gender: T(p.gender),
    birthday: p.birthday ?? 0,
    location: p.location ?? '',
    selfSignature: p.selfSignature,
    allowType: T(p.allowType),
    language: 0,
    avatar: p.avatar,
    messageSettings: 0,
    adminForbidType: T('AdminForbid_Type_None'),
    level: 0,
    role: 0,
    lastUpdatedNumber: 0,
    profileCustomField: Object.entries(p.customFields ?? {}).map(([key, value]) => ({ key, value })),
  } satisfies SDKProfile;
}

function sdkGroup(g: Pick<GroupProfile, 'groupID' | 'name' | 'avatar' | 'type' | 'memberCount'> & Partial<GroupProfile>, me: string): SDKGroup {
  return {
    groupID: g.groupID,
    name: g.name,
    avatar: g.avatar,
    type: T(g.type),
    introduction: g.introduction ?? '',
    notification: g.notification ?? '',
    ownerID: g.ownerID ?? '',
    createTime: '',
    infoSequence: 0,
    lastInfoTime: 0,
    selfInfo: { role: g.selfRole ?? '', nameCard: '', joinTime: 0, messageRemindType: '', userID: g.selfRole ? me : '' },
    lastMessage: { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '' },
    nextMessageSeq: 0,
    memberCount: g.memberCount,
    maxMemberCount: g.maxMemberCount ?? 0,
    muteAllMembers: !!g.muteAllMembers,
    joinOption: T('FreeAccess'),
    groupCustomField: [],
    isSupportTopic: false,
  } satisfies SDKGroup;
}

const sdkMember = (m: GroupMember): SDKGroupMember =>
  ({ userID: m.userID, avatar: m.avatar, nick: m.nick, role: m.role, joinTime: m.joinTime, nameCard: m.nameCard, muteUntil: m.muteUntil, memberCustomField: [] }) satisfies SDKGroupMember;

const sdkFriend = (f: Friend): SDKFriend =>
  ({ userID: f.userID, remark: f.remark, groupList: f.groupList, source: 'AddSource_Type_Web', wording: '', profile: sdkProfile(f.profile), friendCustomField: [] }) satisfies SDKFriend;

const sdkApplication = (a: FriendApplication): SDKFriendApplication =>
  ({ userID: a.userID, avatar: a.avatar, nick: a.nick, time: a.time, source: 'AddSource_Type_Web', wording: a.wording, type: T(a.type) }) satisfies SDKFriendApplication;

/** Takes a file the way the SDK does: an `<input type=file>`-like `{files: [File]}` or a File. */
function fileOf(input: unknown): File | Blob {
  const value = input as { files?: ArrayLike<File> } | Blob | undefined;
  if (value instanceof Blob) return value;
  const file = value?.files?.[0];
  if (!file) throw reject(2251, 'Select a file first');
  return file;
}

// ───────────────────────────── faults ─────────────────────────────

class StandInFaults implements FaultControl {
  #settings: FaultSettings = { ...NO_FAULTS };
  constructor(private readonly device: StandInDevice) {}
  get settings(): Readonly<FaultSettings> {
    return this.#settings;
  }
  set(settings: Partial<FaultSettings>): void {
    this.#settings = { ...this.#settings, ...settings };
  }
  reset(): void {
    this.#settings = { ...NO_FAULTS };
  }
  disconnect(): void {
    this.device.disconnect();
  }
  reconnect(): Promise<void> {
    return this.device.reconnect();
  }
  kickOut(reason: KickedOutReason = 'multipleAccount'): void {
    this.device.local.faults.kickOut(reason);
  }
  expireTicket(): void {
    this.device.local.faults.expireTicket();
  }
  /** Latency, then maybe an injected failure for `method` (an SDK method name). */
  async before(method: string): Promise<void> {
    const { latencyMs, failures } = this.#settings;
    const ms = typeof latencyMs === 'number' ? latencyMs : latencyMs[0] + Math.random() * (latencyMs[1] - latencyMs[0]);
    if (ms > 0) await sleep(ms);
    for (const { code, rate, methods } of failures)
      if ((!methods || methods.includes(method)) && Math.random() < rate) throw reject(code, `Injected failure ${code}`);
  }
  dropsAck(): boolean {
    return Math.random() < this.#settings.dropAckAfterCommit;
  }
}

// ───────────────────────────── the world ─────────────────────────────

export interface StandInWorldOptions {
  SDKAppID?: number;
  /** When set, logins verify the UserSig against it (70001 expired, 70003 invalid). */
  secretKey?: string;
  /** The service clock (ms). */
  now?: () => number;
  /** Whether the cloud-search add-on is on (default true; off → 60020). */
  cloudSearch?: boolean;
  /** The SDK's list-event throttle (ms, default 1000 as in the SDK). */
  throttleMs?: number;
}

/** One service (an IndexedDB database) and the devices on it. */
export class StandInWorld {
  readonly dbName = `tim-standin-${crypto.randomUUID()}`;
  readonly devices: StandInDevice[] = [];
  constructor(readonly options: StandInWorldOptions = {}) {}

  /** A device: one page with its own `TencentCloudChat` module and LocalCore client. */
  async device(options: { multiInstance?: 'kick' | 'allow' } = {}): Promise<StandInDevice> {
    const local = await createLocalCore({ dbName: this.dbName, multiInstance: options.multiInstance ?? 'kick', ...(this.options.now ? { now: this.options.now } : {}) });
    const device = new StandInDevice(this, local);
    this.devices.push(device);
    return device;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.devices.map((d) => d.dispose()));
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(this.dbName);
      request.onsuccess = request.onerror = () => resolve();
    });
  }
}

/** One page: the `TencentCloudChat` module (create() returns one instance per SDKAppID) and its faults. */
export class StandInDevice {
  readonly faults: StandInFaults;
  readonly module: TIMModule;
  /** Instances by SDKAppID, as the SDK keeps them. */
  readonly instances = new Map<number, StandInChat>();
  net: 'connected' | 'connecting' | 'disconnected' = 'connected';

  constructor(
    readonly world: StandInWorld,
    readonly local: LocalCore,
  ) {
    this.faults = new StandInFaults(this);
    const create = (options: TIMCreateOptions): TIMChat => {
      const id = Number(options.SDKAppID);
      let chat = this.instances.get(id);
      if (!chat) this.instances.set(id, (chat = new StandInChat(this, id)));
      return chat;
    };
    this.module = { create, EVENT, TYPES, VERSION: '3.6.6-stand-in' } satisfies TIMModule;
  }

  disconnect(): void {
    if (this.net === 'disconnected') return;
    this.net = 'disconnected';
    for (const chat of this.instances.values()) chat.netChanged('disconnected');
    this.local.faults.disconnect();
  }

  async reconnect(): Promise<void> {
    await this.local.faults.reconnect();
  }

  async dispose(): Promise<void> {
    for (const chat of this.instances.values()) await chat.destroy().catch(() => undefined);
    await this.local.destroy();
  }
}

type Handler = (event: { name: string; data: unknown }) => void;

/** The SDK instance. */
export class StandInChat implements TIMChat {
  readonly #device: StandInDevice;
  readonly #local: LocalCore;
  readonly #SDKAppID: number;
  #handlers = new Map<string, Set<Handler>>();
  #ready = false;
  #logging = false;
  #reason = 2024;
  #me = '';
  #plugins: Record<string, unknown> = {};
  logLevel = 0;
  /** The SDK's memory of messages, by ID. */
  #messages = new Map<string, StandInMessage>();
  /** Instances this device created → the ID LocalCore gave them. */
  #created = new WeakMap<StandInMessage, string>();
  #progress = new Map<string, (percent: number) => void>();
  #throttle = new Map<string, { last: number; timer: ReturnType<typeof setTimeout> | undefined }>();
  #snapshots = new Map<string, Promise<void>>();
  #subscribed = new Set<string>();
  #lastTotal = -1;
  #totalCheck: Promise<void> = Promise.resolve();
  #held: Array<[string, unknown]> = [];
  #heldTimer: ReturnType<typeof setTimeout> | undefined;
  #offs: Array<() => void> = [];
  #destroyed = false;

  constructor(device: StandInDevice, SDKAppID: number) {
    this.#device = device;
    this.#local = device.local;
    this.#SDKAppID = SDKAppID;
    this.#bridge();
  }

  // ───────────────────────────── plumbing ─────────────────────────────

  #emit(name: string, data: unknown): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
      try {
        handler({ name, data });
      } catch (error) {
        console.error('stand-in: a handler threw', error);
      }
    }
  }

  /** Delivery events go through the delivery faults (twice, out of order). */
  #deliver(name: string, data: unknown[]): void {
    if (!data.length) return;
    const { deliverTwice, deliverOutOfOrder } = this.#device.faults.settings;
    const frames: Array<[string, unknown]> = [[name, data]];
    if (deliverTwice) frames.push([name, data]);
    if (!deliverOutOfOrder) {
      for (const [n, d] of frames) this.#emit(n, d);
      return;
    }
    this.#held.push(...frames);
    clearTimeout(this.#heldTimer);
    this.#heldTimer = setTimeout(() => {
      const held = this.#held.reverse();
      this.#held = [];
      for (const [n, d] of held) this.#emit(n, d);
    }, 30);
  }

  /** The SDK's coalescing: first trigger at once, then one trailing emit 1 s after the last trigger. */
  #throttled(name: string): void {
    if (!this.#ready) return;
    const now = Date.now();
    const ms = this.#device.world.options.throttleMs ?? 1000;
    const state = this.#throttle.get(name);
    if (!state) {
      this.#throttle.set(name, { last: now, timer: undefined });
      this.#snapshot(name);
    } else if (now - state.last <= ms) {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.last = Date.now();
        this.#snapshot(name);
      }, ms);
    } else {
      state.last = now;
      this.#snapshot(name);
    }
  }

  /** The data is recomputed at emit time (`_getEventData`), never a delta. */
  #snapshot(name: string): void {
    const previous = this.#snapshots.get(name) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (!this.#ready) return;
      const me = this.#me;
      let data: unknown;
      if (name === EVENT.CONVERSATION_LIST_UPDATED) data = await Promise.all((await this.#local.getConversationList()).map((c) => this.#conversation(c)));
      else if (name === EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED) {
        await this.#local.getConversationList(); // recomputes the service's count
        data = this.#local.getTotalUnreadCount();
        // One in-memory number in the SDK: what was emitted is what the next change compares with.
        this.#lastTotal = data as number;
      }
      else if (name === EVENT.FRIEND_LIST_UPDATED) data = (await this.#local.getFriendList()).map(sdkFriend);
      else data = (await this.#local.getJoinedGroupList()).map((g) => sdkGroup(g, me));
      if (this.#ready && me === this.#me) this.#emit(name, data);
    });
    this.#snapshots.set(name, next.catch(() => undefined));
  }

  /** The SDK's `onTotalUnreadCountUpdate`: on a conversation change, compares the total with the last
   *  one it saw and, if it differs, triggers the (throttled, recomputed) event. */
  #totalChanged(): void {
    this.#totalCheck = this.#totalCheck.then(async () => {
      if (!this.#ready) return;
      await this.#local.getConversationList();
      const total = this.#local.getTotalUnreadCount();
      if (total === this.#lastTotal) return;
      this.#lastTotal = total;
      this.#throttled(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED);
    }).catch(() => undefined);
  }

  netChanged(state: 'connected' | 'connecting' | 'disconnected'): void {
    this.#emit(EVENT.NET_STATE_CHANGE, { state });
  }

  /** Translates the service's events (LocalCore's) into the SDK's. */
  #bridge(): void {
    const local = this.#local;
    const on = <K extends Parameters<LocalCore['on']>[0]>(type: K, handler: Parameters<typeof local.on<K>>[1]) => this.#offs.push(local.on(type, handler));
    on('kickedOut', ({ reason }) => {
      if (!this.#ready) return;
      this.#emit(EVENT.KICKED_OUT, { type: reason });
      this.#reason = KICK_CODES[reason];
      this.#resetReady();
    });
    on('netStateChange', ({ state }) => {
      if (state === this.#device.net) return;
      this.#device.net = state;
      this.netChanged(state);
    });
    on('messageReceived', ({ messages }) => this.#deliver(EVENT.MESSAGE_RECEIVED, messages.map((m) => this.#instance(m))));
    on('messageModified', ({ messages }) =>
      this.#deliver(
        EVENT.MESSAGE_MODIFIED,
        messages.map((m) => {
          const known = this.#messages.get(m.ID);
          const instance = this.#instance(m);
          instance.version = (known?.version ?? 0) + 1;
          return instance;
        }),
      ),
    );
    on('messageRevoked', ({ messages }) =>
      this.#deliver(
        EVENT.MESSAGE_REVOKED,
        messages.map(({ ID, conversationID, revoker }) => {
          const instance = this.#messages.get(ID) ?? Object.assign(new StandInMessage(), { ID, conversationID, conversationType: T(conversationID.startsWith('GROUP') ? 'GROUP' : 'C2C') });
          this.#messages.set(ID, instance);
          return Object.assign(instance, { isRevoked: true, ...(revoker ? { revoker: revoker.userID, revokerInfo: { ...revoker } } : {}) });
        }),
      ),
    );
    on('messageUpdated', ({ messages }) => {
      // Only read receipts reach the SDK as events; a send's outcome is its promise.
      const peerRead: StandInMessage[] = [];
      const receipts: Loose[] = [];
      for (const m of messages) {
        if (m.status !== 'success' || m.from !== this.#me) continue;
        const known = this.#messages.get(m.ID);
        const before = { isPeerRead: known?.isPeerRead ?? false, receipt: JSON.stringify(known?.readReceiptInfo ?? {}) };
        const instance = this.#instance(m);
        if (m.conversationType === 'C2C' && m.isPeerRead && !before.isPeerRead) peerRead.push(instance);
        if (m.conversationType === 'GROUP' && m.readReceiptInfo && JSON.stringify(m.readReceiptInfo) !== before.receipt)
          receipts.push({ groupID: m.to, messageID: m.ID, readCount: m.readReceiptInfo.readCount, unreadCount: m.readReceiptInfo.unreadCount });
      }
      this.#deliver(EVENT.MESSAGE_READ_BY_PEER, peerRead);
      this.#deliver(EVENT.MESSAGE_READ_RECEIPT_RECEIVED, receipts);
    });
    on('messageProgress', ({ messageID, progress }) => this.#progress.get(messageID)?.(progress));
    on('conversationListUpdated', () => {
      this.#throttled(EVENT.CONVERSATION_LIST_UPDATED);
      this.#totalChanged();
    });
    on('totalUnreadCountUpdated', () => this.#totalChanged());
    on('friendListUpdated', () => this.#throttled(EVENT.FRIEND_LIST_UPDATED));
    on('groupListUpdated', () => this.#throttled(EVENT.GROUP_LIST_UPDATED));
    on('profileUpdated', ({ profiles }) => this.#ready && this.#emit(EVENT.PROFILE_UPDATED, profiles.map(sdkProfile)));
    on('friendApplicationListUpdated', ({ applicationList }) =>
      this.#ready && this.#emit(EVENT.FRIEND_APPLICATION_LIST_UPDATED, { friendApplicationList: applicationList.map(sdkApplication), unreadCount: applicationList.filter((a) => a.type === 'Pendency_Type_ComeIn').length }),
    );
    on('blacklistUpdated', ({ userIDList }) => this.#ready && this.#emit(EVENT.BLACKLIST_UPDATED, [...userIDList]));
    on('userStatusUpdated', ({ statuses }) => {
      const subscribed = statuses.filter((s) => this.#subscribed.has(s.userID));
      if (this.#ready && subscribed.length) this.#emit(EVENT.USER_STATUS_UPDATED, subscribed.map((s) => ({ userID: s.userID, statusType: s.online ? 1 : 2, customStatus: '' })));
    });
    on('error', (error) => this.#emit(EVENT.ERROR, { code: error.code, message: error.message }));
  }

  #resetReady(): void {
    const wasReady = this.#ready;
    this.#ready = false;
    this.#me = '';
    this.#messages.clear();
    this.#subscribed.clear();
    for (const state of this.#throttle.values()) clearTimeout(state.timer);
    this.#throttle.clear();
    this.#lastTotal = -1;
    if (wasReady) this.#emit(EVENT.SDK_NOT_READY, {});
  }

  #notReady(method: string): Rejection {
    return reject(this.#reason, `SDK is not ready (${this.#reason}) | ${method} | SDK is not ready`);
  }

  /** An API call: ready gate, network faults, the work, then `{code: 0, data}` or `{code, message, data?}`. */
  async #api<T>(method: string, work: () => Promise<T>): Promise<{ code: number; data: T }> {
    if (!this.#ready && !UNGATED.has(method)) throw this.#notReady(method);
    await this.#device.faults.before(method);
    if (!this.#ready && !UNGATED.has(method)) throw this.#notReady(method);
    try {
      return { code: 0, data: ((await work()) ?? {}) as T };
    } catch (error) {
      throw this.#rejection(error);
    }
  }

  #rejection(error: unknown): Rejection {
    if (error instanceof ChatError) {
      const failed = error.data?.message as Message | undefined;
      return reject(error.code, error.message, failed ? { message: this.#instance(failed) } : undefined);
    }
    if (error && typeof error === 'object' && typeof (error as Rejection).code === 'number') return error as Rejection;
    return reject(2903, error instanceof Error ? error.message : String(error));
  }

  /** The device's instance for a service message, updated in place (the SDK keeps one object per ID). */
  #instance(m: Message): StandInMessage {
    const instance = this.#messages.get(m.ID) ?? new StandInMessage();
    Object.assign(instance, {
      ID: m.ID,
      type: T(m.type),
      payload: sdkPayload(m.type, m.payload),
      conversationID: m.conversationID,
      conversationType: T(m.conversationType),
      to: m.to,
      from: m.from,
      flow: m.flow,
      time: m.time,
      status: m.status,
      isRevoked: m.isRevoked,
      nick: m.nick,
      avatar: m.avatar,
      isPeerRead: m.isPeerRead,
      nameCard: m.nameCard,
      atUserList: [...m.atUserList],
      cloudCustomData: m.cloudCustomData,
      isDeleted: m.isDeleted,
      isModified: m.isModified,
      needReadReceipt: m.needReadReceipt,
      readReceiptInfo: m.readReceiptInfo ? { ...m.readReceiptInfo } : {},
      revoker: m.revoker?.userID ?? '',
      revokerInfo: m.revoker ? { ...m.revoker } : { userID: '', nick: '', avatar: '' },
      sequence: m.sequence,
      isRead: m.isRead,
    });
    this.#messages.set(m.ID, instance);
    return instance;
  }

  async #sequenceOf(conversationID: ConversationID, messageID: string | undefined): Promise<number> {
    if (!messageID) return 0;
    const known = this.#messages.get(messageID);
    if (known?.sequence) return known.sequence;
    return (await this.#local.getMessage(conversationID, messageID).catch(() => null))?.sequence ?? 0;
  }

  /** The SDK's conversation: `lastMessage` and `groupAtInfoList` by sequence, not by ID. */
  async #conversation(c: Conversation): Promise<SDKConversation> {
    const last = c.lastMessage;
    const atInfo = await Promise.all(
      c.groupAtInfoList.map(async (info) => ({
        from: '',
        groupID: c.conversationID.slice(5),
        topicID: undefined,
        messageSequence: await this.#sequenceOf(c.conversationID, info.messageID),
        atTypeArray: [info.atType],
        __random: 0,
        __sequence: 0,
      })),
    );
    return {
      conversationID: c.conversationID,
      type: T(c.type),
      unreadCount: c.unreadCount,
      lastMessage: last
        ? {
            lastTime: last.lastTime,
            lastSequence: last.lastSequence,
            fromAccount: last.fromAccount,
            messageForShow: last.messageForShow,
            payload: sdkPayload(last.type, last.payload),
            type: last.type,
            isRevoked: last.isRevoked,
            cloudCustomData: '',
            onlineOnlyFlag: false,
            nick: last.nick,
            nameCard: '',
            version: 0,
            isPeerRead: last.isPeerRead,
            revoker: null,
          }
        : { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '', payload: null, type: '', isRevoked: false, cloudCustomData: '', onlineOnlyFlag: false, nick: '', nameCard: '', version: 0, isPeerRead: false, revoker: null },
      groupProfile: c.groupProfile ? sdkGroup(c.groupProfile, this.#me) : (undefined as unknown as SDKGroup),
      userProfile: c.userProfile ? sdkProfile(c.userProfile) : (undefined as unknown as SDKProfile),
      groupAtInfoList: atInfo,
      remark: c.remark,
      isPinned: c.isPinned,
      messageRemindType: T(c.messageRemindType),
      markList: c.isMarkedUnread ? [TYPES.CONV_MARK_TYPE_UNREAD] : [],
      customData: '',
      conversationGroupList: [],
      draftText: c.draftText,
    } satisfies SDKConversation;
  }

  // ───────────────────────────── lifecycle ─────────────────────────────

  async login(options: { userID: string; userSig: string }): Promise<unknown> {
    const { userID, userSig } = options ?? ({} as { userID: string; userSig: string });
    if (this.#ready) return { code: 0, data: { actionStatus: 'OK', errorCode: 0, repeatLogin: true } };
    if (this.#logging) throw reject(2025, 'Logging in');
    if (!userID) throw reject(2002, 'userID is required');
    if (!userSig) throw reject(2003, 'userSig is required');
    this.#logging = true;
    this.#reason = 3000;
    try {
      await this.#device.faults.before('login');
      if (this.#device.net === 'disconnected') throw reject(2800, 'Network unavailable');
      await this.#verify(userID, userSig);
      await this.#local.login({ userID }).catch((error) => {
        throw this.#rejection(error);
      });
    } catch (error) {
      this.#reason = 3001;
      throw error;
    } finally {
      this.#logging = false;
    }
    this.#me = userID;
    this.#ready = true;
    // The SDK turns ready once its ready list completes, a moment after the login request.
    setTimeout(() => this.#ready && this.#me === userID && this.#emit(EVENT.SDK_READY, {}), 0);
    return { code: 0, data: { actionStatus: 'OK', errorCode: 0 } };
  }

  /** What the service checks: the ticket's identity, signature and expiry. */
  async #verify(userID: string, userSig: string): Promise<void> {
    const { secretKey } = this.#device.world.options;
    if (!secretKey) return;
    let doc;
    try {
      doc = await decodeUserSig(userSig);
    } catch {
      throw reject(70003, 'Invalid UserSig: cannot decode');
    }
    const hmac = await userSigHmac(secretKey, this.#SDKAppID, userID, doc['TLS.time'], doc['TLS.expire']);
    if (doc['TLS.identifier'] !== userID || doc['TLS.sdkappid'] !== this.#SDKAppID || doc['TLS.sig'] !== hmac) throw reject(70003, 'Invalid UserSig');
    const now = Math.floor((this.#device.world.options.now?.() ?? Date.now()) / 1000);
    if (doc['TLS.time'] + doc['TLS.expire'] < now) throw reject(70001, 'UserSig expired');
  }

  async logout(): Promise<void> {
    if (!this.#ready && !this.#me) return;
    this.#reason = 3005;
    this.#resetReady();
    await this.#local.logout();
  }

  getLoginUser(): string {
    return this.#me;
  }
  getServerTime(): number {
    return this.#local.getServerTime();
  }
  isReady(): boolean {
    return this.#ready;
  }
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    await this.logout();
    this.#destroyed = true;
    for (const off of this.#offs) off();
    this.#handlers.clear();
    this.#device.instances.delete(this.#SDKAppID);
  }
  on(eventName: string, handler: Function): void {
    let set = this.#handlers.get(eventName);
    if (!set) this.#handlers.set(eventName, (set = new Set()));
    set.add(handler as Handler);
  }
  off(eventName: string, handler: Function): void {
    this.#handlers.get(eventName)?.delete(handler as Handler);
  }
  registerPlugin(options: Object): void {
    Object.assign(this.#plugins, options);
  }
  setLogLevel(level: number): void {
    this.logLevel = level;
  }

  // ───────────────────────────── messages ─────────────────────────────

  /** create*: sync; before ready the SDK's wrapper answers with a rejected promise instead. */
  #create(method: string, options: { to: string; conversationType: unknown; cloudCustomData?: string; needReadReceipt?: boolean; onProgress?: Function }, draft: () => MessageDraft): SDKMessage {
    if (!this.#ready) return Promise.reject(this.#notReady(method)) as unknown as SDKMessage;
    const conversationID = `${options.conversationType === 'GROUP' ? 'GROUP' : 'C2C'}${options.to}` as ConversationID;
    let echo: Message;
    try {
      echo = this.#local.createMessage({ conversationID, draft: draft(), cloudCustomData: options.cloudCustomData ?? '', needReadReceipt: !!options.needReadReceipt });
    } catch (error) {
      throw this.#rejection(error);
    }
    const instance = this.#instance(echo);
    this.#created.set(instance, echo.ID);
    if (typeof options.onProgress === 'function') this.#progress.set(echo.ID, options.onProgress as (p: number) => void);
    return instance;
  }

  createTextMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createTextMessage', options, () => ({ type: 'TIMTextElem', payload: { text: String(options.payload?.text ?? '') } }));
  }
  createTextAtMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createTextAtMessage', options, () => ({ type: 'TIMTextElem', payload: { text: String(options.payload?.text ?? '') }, atUserList: [...(options.payload?.atUserList ?? [])] }));
  }
  createImageMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createImageMessage', options, () => ({ type: 'TIMImageElem', payload: { file: fileOf(options.payload?.file) } }));
  }
  createAudioMessage(options: TencentMessageOptions): SDKMessage {
    const file = options.payload?.file as (Blob & { duration?: number }) | undefined;
    return this.#create('createAudioMessage', options, () => ({ type: 'TIMSoundElem', payload: { file: fileOf(file), second: Math.floor((Number(file?.duration) || 0) / 1000) } }));
  }
  createVideoMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createVideoMessage', options, () => {
      const file = fileOf(options.payload?.file) as File & { duration?: number };
      return { type: 'TIMVideoFileElem', payload: { file, second: Number(file.duration) || 0 } };
    });
  }
  createCustomMessage(options: TencentMessageOptions): SDKMessage {
    const p = options.payload ?? {};
    return this.#create('createCustomMessage', options, () => ({ type: 'TIMCustomElem', payload: { data: String(p.data ?? ''), description: String(p.description ?? ''), extension: String(p.extension ?? '') } }));
  }
  createFaceMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createFaceMessage', options, () => ({ type: 'TIMFaceElem', payload: { index: Number(options.payload?.index) || 0, data: String(options.payload?.data ?? '') } }));
  }
  createFileMessage(options: TencentMessageOptions): SDKMessage {
    return this.#create('createFileMessage', options, () => {
      const file = fileOf(options.payload?.file);
      return { type: 'TIMFileElem', payload: { file, fileName: file instanceof File ? file.name : 'file' } };
    });
  }
  createLocationMessage(options: TencentMessageOptions): SDKMessage {
    const p = options.payload ?? {};
    return this.#create('createLocationMessage', options, () => ({ type: 'TIMLocationElem', payload: { description: String(p.description ?? ''), longitude: Number(p.longitude), latitude: Number(p.latitude) } }));
  }
  createMergerMessage(options: TencentMessageOptions): SDKMessage {
    const p = options.payload ?? {};
    return this.#create('createMergerMessage', options, () => ({
      type: 'TIMRelayElem',
      payload: { messageIDs: ((p.messageList ?? []) as SDKMessage[]).map((m) => m.ID), title: String(p.title ?? ''), abstractList: [...(p.abstractList ?? [])], compatibleText: String(p.compatibleText ?? '') },
    }));
  }
  createForwardMessage(options: TencentMessageOptions): SDKMessage {
    if (!this.#ready) return Promise.reject(this.#notReady('createForwardMessage')) as unknown as SDKMessage;
    const source = options.payload as SDKMessage;
    const conversationID = `${options.conversationType === 'GROUP' ? 'GROUP' : 'C2C'}${options.to}` as ConversationID;
    let echo: Message;
    try {
      echo = this.#local.createForwardMessage({ conversationID, messageID: source.ID });
    } catch (error) {
      throw this.#rejection(error);
    }
    const instance = this.#instance(echo);
    this.#created.set(instance, echo.ID);
    return instance;
  }

  async downloadMergerMessage(message: unknown): Promise<unknown> {
    const m = message as StandInMessage;
    return this.#api('downloadMergerMessage', async () => {
      const items = await this.#local.downloadMergerMessage(m.ID);
      return Object.assign(m, { payload: { ...(m.payload as Loose), messageList: sdkMergedItems(items) } });
    });
  }

  async sendMessage(message: SDKMessage, options?: { onlineUserOnly?: boolean; messageControlInfo?: { excludedFromUnreadCount?: boolean; excludedFromLastMessage?: boolean } }): Promise<unknown> {
    const instance = message as StandInMessage;
    const localID = this.#created.get(instance);
    try {
      return await this.#api('sendMessage', async () => {
        if (!localID) throw reject(2105, 'Not a message of this instance');
        if (MEDIA.includes(instance.type as unknown as MessageType) && !this.#plugins['tim-upload-plugin']) throw reject(2040, 'No upload plugin registered (COS_UNDETECTED)');
        if (instance.ID !== localID) return this.#sendAgain(instance, localID);
        const sent = await this.#local.sendMessage(localID, {
          onlineUserOnly: !!options?.onlineUserOnly,
          excludedFromUnreadCount: !!options?.messageControlInfo?.excludedFromUnreadCount,
          excludedFromLastMessage: !!options?.messageControlInfo?.excludedFromLastMessage,
        });
        this.#instance(sent);
        if (this.#device.faults.dropsAck()) throw reject(2801, 'Request timed out (the service committed it)');
        return { message: instance };
      });
    } catch (error) {
      instance.status = 'fail';
      throw { ...(error as Rejection), data: { message: instance } };
    }
  }

  /** A message the caller re-created with an earlier identity (ID and random): the service dedupes it. */
  async #sendAgain(instance: StandInMessage, localID: string): Promise<{ message: StandInMessage }> {
    const ID = instance.ID;
    await this.#local.getMessageList({ conversationID: instance.conversationID as ConversationID });
    const known = this.#local.findMessage(ID);
    this.#local.discardMessage(localID);
    this.#messages.delete(localID);
    this.#messages.set(ID, instance);
    this.#created.set(instance, ID);
    if (known?.status === 'success') return { message: Object.assign(this.#instance(known), {}) };
    if (known?.status === 'fail') return { message: this.#instance(await this.#local.resendMessage(ID)) };
    throw reject(2100, 'The stand-in cannot send a new message under an identity its service never saw');
  }

  async resendMessage(message: SDKMessage): Promise<unknown> {
    const instance = message as StandInMessage;
    try {
      return await this.#api('resendMessage', async () => {
        const localID = this.#created.get(instance) ?? instance.ID;
        instance.isResend = true;
        instance.status = 'unSend';
        const known = this.#local.findMessage(localID);
        // The same instance and random again: a copy the service already committed is not sent twice.
        const sent = known?.status === 'success' ? known : await this.#local.resendMessage(localID);
        this.#instance(sent);
        if (this.#device.faults.dropsAck()) throw reject(2801, 'Request timed out (the service committed it)');
        return { message: instance };
      });
    } catch (error) {
      instance.status = 'fail';
      throw { ...(error as Rejection), data: { message: instance } };
    }
  }

  revokeMessage(message: SDKMessage): Promise<unknown> {
    return this.#api('revokeMessage', async () => {
      await this.#local.revokeMessage(message.ID);
      const fresh = this.#local.findMessage(message.ID);
      if (fresh) this.#instance(fresh);
      return { message };
    });
  }

  deleteMessage(messageList: SDKMessage[]): Promise<unknown> {
    return this.#api('deleteMessage', async () => {
      await this.#local.deleteMessages(messageList.map((m) => m.ID));
      for (const m of messageList) m.isDeleted = true;
      return { messageList };
    });
  }

  modifyMessage(message: SDKMessage): Promise<unknown> {
    const instance = message as StandInMessage;
    return this.#api('modifyMessage', async () => {
      const p = (instance.payload ?? {}) as Loose;
      const payload = instance.type === 'TIMCustomElem' ? { data: String(p['data'] ?? ''), description: String(p['description'] ?? ''), extension: String(p['extension'] ?? '') } : { text: String(p['text'] ?? '') };
      try {
        const modified = await this.#local.modifyMessage(instance.ID, { payload, cloudCustomData: instance.cloudCustomData });
        const known = instance.version;
        this.#instance(modified);
        instance.version = known + 1;
        return { message: instance };
      } catch (error) {
        if (error instanceof ChatError && error.code === 2480 && error.data?.message) {
          const latest = this.#instance(error.data.message);
          latest.version += 1;
          throw reject(2480, error.message, { message: latest });
        }
        throw error;
      }
    });
  }

  searchCloudMessages(options: { keywordList?: string[]; keywordListMatchType?: 'or' | 'and'; senderUserIDList?: string[]; messageTypeList?: string[]; conversationID?: string; timePosition?: number; timePeriod?: number; count?: number; cursor?: string }): Promise<unknown> {
    return this.#api('searchCloudMessages', async () => {
      if (this.#device.world.options.cloudSearch === false) throw reject(60020, 'SearchUnable: the cloud search add-on is not enabled');
      if (!options.keywordList?.length && !options.senderUserIDList?.length && !options.messageTypeList?.length) throw reject(2903, 'Params validate failed.');
      const params = {
        keywordList: options.keywordList ?? [],
        ...(options.keywordListMatchType ? { keywordListMatchType: options.keywordListMatchType } : {}),
        ...(options.senderUserIDList ? { senderUserIDList: options.senderUserIDList } : {}),
        ...(options.messageTypeList ? { messageTypeList: options.messageTypeList as MessageType[] } : {}),
        ...(options.timePosition ? { timePosition: options.timePosition } : {}),
        ...(options.timePeriod ? { timePeriod: options.timePeriod } : {}),
      };
      if (options.conversationID) {
        const page = await this.#local.searchMessages({ ...params, conversationID: options.conversationID as ConversationID, ...(options.count ? { count: options.count } : {}), ...(options.cursor ? { cursor: options.cursor } : {}) });
        return {
          searchResultList: page.resultList.map((r) => ({ conversationID: r.conversationID, messageCount: r.messageList.length, messageList: r.messageList.map((m) => this.#instance(m)) })),
          cursor: page.cursor,
          totalCount: page.totalCount,
        };
      }
      // Global: a page of conversations; a conversation with several hits comes with its count only.
      const hits: Message[] = [];
      let cursor = '';
      do {
        const page = await this.#local.searchMessages({ ...params, count: 100, ...(cursor ? { cursor } : {}) });
        hits.push(...page.resultList.flatMap((r) => r.messageList));
        cursor = page.cursor;
      } while (cursor);
      const groups = new Map<string, Message[]>();
      for (const m of hits) groups.set(m.conversationID, [...(groups.get(m.conversationID) ?? []), m]);
      const all = [...groups.entries()];
      const offset = Number(options.cursor) || 0;
      const size = Math.max(1, Number(options.count) || 10);
      const slice = all.slice(offset, offset + size);
      return {
        searchResultList: slice.map(([conversationID, list]) => ({ conversationID, messageCount: list.length, messageList: list.length > 1 ? [] : list.map((m) => this.#instance(m)) })),
        cursor: offset + size < all.length ? String(offset + size) : '',
        totalCount: hits.length,
      };
    });
  }

  getMessageList(options: { conversationID: string; nextReqMessageID?: string; count?: number }): Promise<unknown> {
    return this.#api('getMessageList', async () => {
      let count = Number(options.count);
      if (!count || count > SDK_PAGE) count = SDK_PAGE; // the SDK's clamp
      const page = await this.#local.getMessageList({ conversationID: options.conversationID as ConversationID, count, ...(options.nextReqMessageID ? { nextReqMessageID: options.nextReqMessageID } : {}) });
      // The SDK only holds the unsent messages this page created; the service never saw them.
      const created = (m: Message) => m.status === 'success' || (this.#messages.has(m.ID) && this.#created.has(this.#messages.get(m.ID)!));
      return { messageList: page.messageList.filter(created).map((m) => this.#instance(m)), nextReqMessageID: page.nextReqMessageID, isCompleted: page.isCompleted };
    });
  }

  getMessageListHopping(options: { conversationID: string; sequence?: number; time?: number; direction?: number; count?: number }): Promise<unknown> {
    return this.#api('getMessageListHopping', async () => {
      let count = Number(options.count);
      if (!count || count > SDK_PAGE) count = SDK_PAGE;
      const conversationID = options.conversationID as ConversationID;
      const all: Message[] = [];
      let next = '';
      for (;;) {
        const page = await this.#local.getMessageList({ conversationID, count: 100, ...(next ? { nextReqMessageID: next } : {}) });
        all.unshift(...page.messageList.filter((m) => m.status === 'success'));
        if (page.isCompleted) break;
        next = page.nextReqMessageID;
      }
      // Groups hop by sequence; C2C by time, in whole seconds (anchor included).
      const key = (m: Message) => (conversationID.startsWith('GROUP') ? m.sequence : m.time);
      const at = Number(conversationID.startsWith('GROUP') ? options.sequence : options.time) || 0;
      const newer = options.direction === 1;
      const side = all.filter((m) => (newer ? key(m) >= at : key(m) <= at));
      const list = newer ? side.slice(0, count) : side.slice(-count);
      return { messageList: list.map((m) => this.#instance(m)), isCompleted: side.length <= count };
    });
  }

  setMessageRead(options: { conversationID: string }): Promise<unknown> {
    return this.#api('setMessageRead', () => this.#local.markConversationRead(options.conversationID as ConversationID));
  }

  /** The service counted group receipts when the conversation was marked read: nothing more to do. */
  sendMessageReadReceipt(messageList: SDKMessage[]): Promise<unknown> {
    return this.#api('sendMessageReadReceipt', async () => ({ messageList }));
  }

  getGroupMessageReadMemberList(options: { message: SDKMessage; cursor: string; filter: number; count: number }): Promise<unknown> {
    return this.#api('getGroupMessageReadMemberList', async () => {
      const { read, unread } = await this.#local.getGroupMessageReadMembers(options.message.ID);
      const list = options.filter === 1 ? unread : read;
      const offset = Number(options.cursor) || 0;
      const size = Math.max(1, Math.min(Number(options.count) || 100, 100));
      const done = offset + size >= list.length;
      return { isCompleted: done, cursor: done ? '' : String(offset + size), messageID: options.message.ID, [options.filter === 1 ? 'unreadUserIDList' : 'readUserIDList']: list.slice(offset, offset + size) };
    });
  }

  findMessage(messageID: string): SDKMessage | null {
    if (!this.#ready) return Promise.reject(this.#notReady('findMessage')) as unknown as SDKMessage;
    return this.#messages.get(messageID) ?? null;
  }

  // ───────────────────────────── conversations ─────────────────────────────

  getConversationList(): Promise<unknown> {
    return this.#api('getConversationList', async () => ({
      conversationList: await Promise.all((await this.#local.getConversationList()).map((c) => this.#conversation(c))),
      isSyncCompleted: true,
    }));
  }
  getConversationProfile(conversationID: string): Promise<unknown> {
    return this.#api('getConversationProfile', async () => ({ conversation: await this.#conversation(await this.#local.getConversation(conversationID as ConversationID)) }));
  }
  deleteConversation(options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean }): Promise<unknown> {
    return this.#api('deleteConversation', async () => {
      const list = typeof options === 'string' ? [options] : options.conversationIDList;
      const clearHistory = typeof options === 'string' ? true : options.clearHistoryMessage !== false;
      for (const id of list) await this.#local.deleteConversation(id as ConversationID, { clearHistory });
      return { conversationIDList: list };
    });
  }
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<unknown> {
    return this.#api('setConversationDraft', () => this.#local.setConversationDraft(options.conversationID as ConversationID, options.draftText));
  }
  clearHistoryMessage(conversationID: string): Promise<unknown> {
    return this.#api('clearHistoryMessage', () => this.#local.clearHistory(conversationID as ConversationID));
  }
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<unknown> {
    return this.#api('pinConversation', async () => {
      await this.#local.pinConversation(options.conversationID as ConversationID, options.isPinned);
      return { conversationID: options.conversationID };
    });
  }
  setMessageRemindType(options: { groupID?: string; userIDList?: string[]; messageRemindType: unknown }): Promise<unknown> {
    return this.#api('setMessageRemindType', async () => {
      const ids = options.groupID ? [`GROUP${options.groupID}`] : (options.userIDList ?? []).map((u) => `C2C${u}`);
      for (const id of ids) await this.#local.setMessageRemindType(id as ConversationID, options.messageRemindType as Conversation['messageRemindType']);
    });
  }
  getTotalUnreadMessageCount(): number {
    if (!this.#ready) return Promise.reject(this.#notReady('getTotalUnreadMessageCount')) as unknown as number;
    return this.#local.getTotalUnreadCount();
  }
  markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }): Promise<unknown> {
    return this.#api('markConversation', async () => {
      if (options.markType !== TYPES.CONV_MARK_TYPE_UNREAD) throw reject(2903, 'The stand-in only keeps the unread mark');
      for (const id of options.conversationIDList) await this.#local.markConversationUnread(id as ConversationID, options.enableMark);
      return { successConversationIDList: options.conversationIDList, failureConversationIDList: [] };
    });
  }

  // ───────────────────────────── profiles & relationships ─────────────────────────────

  getMyProfile(): Promise<unknown> {
    return this.#api('getMyProfile', async () => sdkProfile(await this.#local.getMyProfile()));
  }
  getUserProfile(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('getUserProfile', async () => (await this.#local.getUserProfiles(options.userIDList)).map(sdkProfile));
  }
  updateMyProfile(options: Record<string, unknown>): Promise<unknown> {
    return this.#api('updateMyProfile', async () => sdkProfile(await this.#local.updateMyProfile(options as Parameters<LocalCore['updateMyProfile']>[0])));
  }
  getBlacklist(): Promise<unknown> {
    return this.#api('getBlacklist', () => this.#local.getBlacklist());
  }
  addToBlacklist(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('addToBlacklist', async () => {
      await this.#local.addToBlacklist(options.userIDList);
      return options.userIDList;
    });
  }
  removeFromBlacklist(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('removeFromBlacklist', async () => {
      await this.#local.removeFromBlacklist(options.userIDList);
      return options.userIDList;
    });
  }
  getUserStatus(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('getUserStatus', async () => ({
      successUserList: (await this.#local.getUserStatus(options.userIDList)).map((s) => ({ userID: s.userID, statusType: s.online ? 1 : 2, customStatus: '' })),
      failureUserList: [],
    }));
  }
  subscribeUserStatus(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('subscribeUserStatus', async () => {
      for (const id of options.userIDList) this.#subscribed.add(id);
      return { failureUserList: [] };
    });
  }
  getFriendList(): Promise<unknown> {
    return this.#api('getFriendList', async () => (await this.#local.getFriendList()).map(sdkFriend));
  }
  addFriend(options: { to: string; source: string; wording?: string; remark?: string }): Promise<unknown> {
    return this.#api('addFriend', async () => {
      const { result } = await this.#local.addFriend({ userID: options.to, ...(options.wording ? { wording: options.wording } : {}), ...(options.remark ? { remark: options.remark } : {}) });
      // A request that needs the peer's approval RESOLVES with code 30539 (relationship-module.js).
      return result === 'pending' ? { userID: options.to, code: 30539, message: 'Waiting for the peer to accept' } : { userID: options.to, code: 0 };
    });
  }
  deleteFriend(options: { userIDList: string[] }): Promise<unknown> {
    return this.#api('deleteFriend', async () => {
      const { successUserIDList, failureUserIDList } = await this.#local.deleteFriend(options.userIDList);
      return { successUserIDList: successUserIDList.map((userID) => ({ userID })), failureUserIDList: failureUserIDList.map((f) => ({ ...f, message: 'Not a friend' })) };
    });
  }
  updateFriend(options: { userID: string; remark?: string }): Promise<unknown> {
    return this.#api('updateFriend', () => this.#local.updateFriendRemark(options.userID, options.remark ?? ''));
  }
  getFriendApplicationList(): Promise<unknown> {
    return this.#api('getFriendApplicationList', async () => {
      const list = await this.#local.getFriendApplicationList();
      return { friendApplicationList: list.map(sdkApplication), unreadCount: list.filter((a) => a.type === 'Pendency_Type_ComeIn').length };
    });
  }
  acceptFriendApplication(options: { userID: string; remark?: string }): Promise<unknown> {
    return this.#api('acceptFriendApplication', () => this.#local.acceptFriendApplication({ userID: options.userID, ...(options.remark ? { remark: options.remark } : {}) }));
  }
  refuseFriendApplication(options: { userID: string }): Promise<unknown> {
    return this.#api('refuseFriendApplication', () => this.#local.refuseFriendApplication(options.userID));
  }

  // ───────────────────────────── groups ─────────────────────────────

  getGroupList(): Promise<unknown> {
    return this.#api('getGroupList', async () => ({ groupList: (await this.#local.getJoinedGroupList()).map((g) => sdkGroup(g, this.#me)) }));
  }
  getGroupProfile(options: { groupID: string }): Promise<unknown> {
    return this.#api('getGroupProfile', async () => ({ group: sdkGroup(await this.#local.getGroupProfile(options.groupID), this.#me) }));
  }
  createGroup(options: { name: string; type: unknown; groupID?: string; introduction?: string; avatar?: string; memberList?: Array<{ userID: string } | string> }): Promise<unknown> {
    return this.#api('createGroup', async () => {
      const group = await this.#local.createGroup({
        name: options.name,
        type: options.type as GroupProfile['type'],
        ...(options.groupID ? { groupID: options.groupID } : {}),
        ...(options.introduction ? { introduction: options.introduction } : {}),
        ...(options.avatar ? { avatar: options.avatar } : {}),
        ...(options.memberList?.length ? { memberList: options.memberList.map((m) => (typeof m === 'string' ? m : m.userID)) } : {}),
      });
      return { group: sdkGroup(group, this.#me), overLimitUserIDList: [] };
    });
  }
  dismissGroup(groupID: string): Promise<unknown> {
    return this.#api('dismissGroup', async () => {
      await this.#local.dismissGroup(groupID);
      return { groupID };
    });
  }
  updateGroupProfile(options: { groupID: string } & Record<string, unknown>): Promise<unknown> {
    return this.#api('updateGroupProfile', async () => {
      const { groupID, ...patch } = options;
      return { group: sdkGroup(await this.#local.updateGroupProfile(groupID, patch), this.#me) };
    });
  }
  quitGroup(groupID: string): Promise<unknown> {
    return this.#api('quitGroup', async () => {
      await this.#local.quitGroup(groupID);
      return { groupID };
    });
  }
  changeGroupOwner(options: { groupID: string; newOwnerID: string }): Promise<unknown> {
    return this.#api('changeGroupOwner', async () => {
      await this.#local.changeGroupOwner(options.groupID, options.newOwnerID);
      return { groupID: options.groupID };
    });
  }
  getGroupMemberList(options: { groupID: string; count?: number; offset?: number | string }): Promise<unknown> {
    return this.#api('getGroupMemberList', async () => {
      const count = Math.min(Number(options.count) || 15, 100);
      const page = await this.#local.getGroupMemberList(options.groupID, { offset: Number(options.offset) || 0, count });
      return { memberList: page.memberList.map(sdkMember), offset: page.offset };
    });
  }
  getGroupMemberProfile(options: { groupID: string; userIDList: string[] }): Promise<unknown> {
    return this.#api('getGroupMemberProfile', async () => ({ memberList: (await this.#local.getGroupMembers(options.groupID, options.userIDList)).map(sdkMember) }));
  }
  addGroupMember(options: { groupID: string; userIDList: string[] }): Promise<unknown> {
    return this.#api('addGroupMember', async () => {
      // The SDK resolves with per-user lists: those already in the group are "existed", not an error.
      const existed = (await this.#local.getGroupMembers(options.groupID, options.userIDList)).map((m) => m.userID);
      const fresh = options.userIDList.filter((id) => !existed.includes(id));
      if (fresh.length) await this.#local.addGroupMembers(options.groupID, fresh);
      return { successUserIDList: fresh, failureUserIDList: [], existedUserIDList: existed, group: sdkGroup(await this.#local.getGroupProfile(options.groupID), this.#me) };
    });
  }
  deleteGroupMember(options: { groupID: string; userIDList: string[] }): Promise<unknown> {
    return this.#api('deleteGroupMember', async () => {
      await this.#local.removeGroupMembers(options.groupID, options.userIDList);
      return { userIDList: options.userIDList };
    });
  }
  setGroupMemberMuteTime(options: { groupID: string; userID: string; muteTime: number }): Promise<unknown> {
    return this.#api('setGroupMemberMuteTime', () => this.#local.setGroupMemberMuteTime(options.groupID, options.userID, options.muteTime));
  }
  setGroupMemberRole(options: { groupID: string; userID: string; role: unknown }): Promise<unknown> {
    return this.#api('setGroupMemberRole', () => this.#local.setGroupMemberRole(options.groupID, options.userID, options.role as 'Admin' | 'Member'));
  }
  setGroupMemberNameCard(options: { groupID: string; nameCard: string; userID?: string }): Promise<unknown> {
    return this.#api('setGroupMemberNameCard', () => this.#local.setGroupMemberNameCard(options.groupID, options.userID ?? this.#me, options.nameCard));
  }
}

/** The `MESSAGE_OPTIONS` the stand-in reads (the declared type has `payload: any`). */
type TencentMessageOptions = {
  to: string;
  conversationType: TencentCloudChat.TYPES;
  payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  cloudCustomData?: string;
  needReadReceipt?: boolean;
  onProgress?: Function;
};

/** A placeholder upload plugin: the stand-in only checks that one is registered. */
export class StandInUploadPlugin {}

/** Event names, for tests that listen on the SDK directly. */
export const STAND_IN_EVENTS: Record<string, TIMEventName> = EVENT;
export { THROTTLED };
