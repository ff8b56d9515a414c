/**
 * The ChatCore contract: the only thing in the kit that talks to a chat service.
 *
 * Two adapters implement it: LocalCore (the whole service in the browser) and TencentCore (over
 * `@tencentcloud/chat`). One conformance suite (`test/core/contract.ts`) runs against both. The store is
 * its only caller; elements never see a core.
 *
 * Rules every implementation honours:
 * - Methods reject with `ChatError` using the service's numeric codes. Bad input is refused and nothing is
 *   stored. Before login every method but `login` rejects with 2024 (USER_NOT_LOGGED_IN); while logging in,
 *   3000; after a kick-out, the kick's code (3002-3006).
 * - Events are emitted asynchronously, never re-entrantly inside a method call.
 * - `messageReceived` is not emitted for messages this instance sent; messages of the same user sent from
 *   another instance (tab, device) are (flow 'out').
 * - Each message ID is delivered at most once through `messageReceived` per login; later changes arrive
 *   through `messageUpdated` / `messageModified` / `messageRevoked`.
 * - List-level events carry full snapshots and may be coalesced (Tencent throttles them to 1 per second):
 *   treat them as the state, never as deltas.
 */
import type {
  AddFriendResult,
  Conversation,
  ConversationID,
  CreateGroupOptions,
  CreateMessageOptions,
  Friend,
  FriendApplication,
  GroupID,
  GroupMember,
  GroupMemberPage,
  GroupProfile,
  GroupProfilePatch,
  GroupRole,
  KickedOutReason,
  MergerPayload,
  Message,
  MessageHopPage,
  MessagePage,
  MessageRemindType,
  NetState,
  ProfilePatch,
  SearchMessagesParams,
  SearchMessagesResult,
  SendMessageOptions,
  TextPayload,
  CustomPayload,
  UserID,
  UserProfile,
  UserStatus,
} from './types.js';
import type { ChatError } from './errors.js';

/** Event payloads. All plain data. */
export interface ChatCoreEventMap {
  /** Login completed; every API may now be called. (→ TIM: SDK_READY) */
  ready: { userID: UserID };
  /** Logged out or kicked out; APIs reject until the next login. (→ TIM: SDK_NOT_READY) */
  notReady: { reason: KickedOutReason | 'logout' };
  /** Another instance took over, or the ticket expired. The UI offers to log in again; it never loops. */
  kickedOut: { reason: KickedOutReason };
  /** (→ TIM: NET_STATE_CHANGE) */
  netStateChange: { state: NetState };
  /** New messages from others, or from the same user on another instance. (→ TIM: MESSAGE_RECEIVED) */
  messageReceived: { messages: Message[] };
  /** A known message changed state: unSend → success | fail, isPeerRead, isRead, read receipt counts. */
  messageUpdated: { messages: Message[] };
  /** Upload progress 0..1 of a media message being sent. */
  messageProgress: { messageID: string; progress: number };
  /** Edited by the sender (or a server callback). (→ TIM: MESSAGE_MODIFIED) */
  messageModified: { messages: Message[] };
  /** Recalled. May arrive before the message itself: keep a tombstone. (→ TIM: MESSAGE_REVOKED) */
  messageRevoked: {
    messages: Array<{ ID: string; conversationID: ConversationID; revoker?: Message['revoker'] }>;
  };
  /** Messages removed for this user (delete for me, clear history, conversation deleted). */
  messageDeleted: { conversationID: ConversationID; messageIDs: string[] | 'all' };
  /** Full conversation list, pinned first then last activity. (→ TIM: CONVERSATION_LIST_UPDATED) */
  conversationListUpdated: { conversationList: Conversation[] };
  /** Excludes muted conversations. (→ TIM: TOTAL_UNREAD_MESSAGE_COUNT_UPDATED) */
  totalUnreadCountUpdated: { count: number };
  /** Profiles of self, friends, or anyone the core learned about. (→ TIM: PROFILE_UPDATED) */
  profileUpdated: { profiles: UserProfile[] };
  /** (→ TIM: FRIEND_LIST_UPDATED) */
  friendListUpdated: { friendList: Friend[] };
  /** (→ TIM: FRIEND_APPLICATION_LIST_UPDATED) */
  friendApplicationListUpdated: { applicationList: FriendApplication[] };
  /** (→ TIM: BLACKLIST_UPDATED) */
  blacklistUpdated: { userIDList: UserID[] };
  /** Joined groups. (→ TIM: GROUP_LIST_UPDATED) */
  groupListUpdated: { groupList: GroupProfile[] };
  /** A group's profile or the user's role in it changed (synthesised from group tips on Tencent). */
  groupProfileUpdated: { groups: GroupProfile[] };
  /** Membership of a group changed (join, quit, kick, role, mute, name card). */
  groupMemberUpdated: { groupID: GroupID; members: GroupMember[]; removedUserIDs: UserID[] };
  /** No SDK event on Tencent: a C2C custom message `user_typing_status` sent online-only. Auto-clears. */
  typingStatus: { conversationID: ConversationID; userID: UserID; typing: boolean };
  /** (→ TIM: USER_STATUS_UPDATED) */
  userStatusUpdated: { statuses: UserStatus[] };
  /** Non-fatal internal error. (→ TIM: ERROR) */
  error: ChatError;
}
export type ChatCoreEventName = keyof ChatCoreEventMap;
export type Unsubscribe = () => void;

/** What a core can do. Elements hide what the core cannot serve. */
export interface ChatCoreCapabilities {
  /** Image, file, sound, video messages (Tencent: needs the upload plugin). */
  mediaMessages: boolean;
  /** `searchMessages` (Tencent: the cloud-search add-on, else 60020). */
  messageSearch: boolean;
  /** C2C read receipts (`isPeerRead`). */
  readReceipts: boolean;
  /** Group read receipts (`readReceiptInfo`, `getGroupMessageReadMembers`). */
  groupReadReceipts: boolean;
  modifyMessage: boolean;
  /** Seconds after sending during which recall is allowed (Tencent default 120). */
  revokeWindowSeconds: number;
  typingIndicator: boolean;
  /** Online presence through `getUserStatus` / `userStatusUpdated`. */
  userStatus: boolean;
  groups: boolean;
  friends: boolean;
  /** Max text body in UTF-8 bytes. */
  maxMessageBytes: number;
  maxImageBytes: number;
  maxFileBytes: number;
  maxVideoBytes: number;
  /** MIME types accepted as images (others are sent as files). */
  imageTypes: readonly string[];
}

export interface ChatCore {
  /** Which adapter this is. */
  readonly kind: 'local' | 'tencent' | (string & {});
  readonly capabilities: ChatCoreCapabilities;

  /** Subscribe to an event. Returns the unsubscribe function. */
  on<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): Unsubscribe;
  off<K extends ChatCoreEventName>(type: K, handler: (payload: ChatCoreEventMap[K]) => void): void;

  // ── session ──────────────────────────────────────────────────────────
  /** Resolves once ready (after `ready` is emitted). LocalCore ignores `userSig`. */
  login(params: { userID: UserID; userSig?: string }): Promise<void>;
  logout(): Promise<void>;
  /** '' when logged out. */
  getLoginUser(): UserID;
  isReady(): boolean;
  getNetState(): NetState;
  /** Server time in seconds. Use it for relative times and the recall window. */
  getServerTime(): number;
  /** Logs out and releases every handle (BroadcastChannel, IndexedDB, sockets). */
  destroy(): Promise<void>;

  // ── conversations ────────────────────────────────────────────────────
  getConversationList(): Promise<Conversation[]>;
  /** A conversation; creates an empty local one for a new valid C2C/GROUP target. */
  getConversation(conversationID: ConversationID): Promise<Conversation>;
  /** Removes the conversation for this user (history too unless `clearHistory: false`). */
  deleteConversation(conversationID: ConversationID, options?: { clearHistory?: boolean }): Promise<void>;
  pinConversation(conversationID: ConversationID, isPinned: boolean): Promise<void>;
  /** '' clears. */
  setConversationDraft(conversationID: ConversationID, draftText: string): Promise<void>;
  setMessageRemindType(conversationID: ConversationID, type: MessageRemindType): Promise<void>;
  /** Marks every message of the conversation read (and clears a manual unread mark). */
  markConversationRead(conversationID: ConversationID): Promise<void>;
  /** Sets or clears the manual "unread" mark. */
  markConversationUnread(conversationID: ConversationID, unread: boolean): Promise<void>;
  /** Deletes every message of the conversation for this user; the conversation stays. */
  clearHistory(conversationID: ConversationID): Promise<void>;
  /** Sync; excludes muted conversations. */
  getTotalUnreadCount(): number;

  // ── messages ─────────────────────────────────────────────────────────
  /** Newest page on the first call, then older pages through `nextReqMessageID`. Tencent pages are ≤15. */
  getMessageList(params: { conversationID: ConversationID; nextReqMessageID?: string; count?: number }): Promise<MessagePage>;
  /** Messages strictly older (`direction: 'older'`) or newer than an anchor message, for jump-to-message. */
  getMessageListHopping(params: {
    conversationID: ConversationID;
    messageID: string;
    direction: 'older' | 'newer';
    count?: number;
  }): Promise<MessageHopPage>;
  /** Sync lookup of a message the core knows (loaded or sent in this session). */
  findMessage(messageID: string): Message | null;
  /** Fetches one message by ID (for quotes and search results). Rejects 20026 when unknown. */
  getMessage(conversationID: ConversationID, messageID: string): Promise<Message>;

  /** SYNC. Builds the local echo (status 'unSend', local time) and remembers it. Emits nothing. Throws
   *  ChatError for bad input (unknown conversation, text over the byte limit, file too large). */
  createMessage(options: CreateMessageOptions): Message;
  /** Builds the echo of a forward of an existing message into another conversation. */
  createForwardMessage(options: { conversationID: ConversationID; messageID: string }): Message;
  /** Sends a message returned by `createMessage()`. Resolves with status 'success' (server time and
   *  sequence filled); rejects ChatError whose `data.message` has status 'fail'. Emits `messageUpdated`. */
  sendMessage(messageID: string, options?: SendMessageOptions): Promise<Message>;
  /** Only for status 'fail'. The SAME ID is reused: the service dedupes, so a lost ack never duplicates. */
  resendMessage(messageID: string): Promise<Message>;
  /** Drops an unsent or failed local echo without sending. */
  discardMessage(messageID: string): void;
  /** Recalls for everyone. Rejects 20016 (C2C) / 10031 (group) past `revokeWindowSeconds`. */
  revokeMessage(messageID: string): Promise<void>;
  /** Edits an own message. Rejects 2480 on a conflict with `data.message` = the latest version. */
  modifyMessage(messageID: string, patch: { payload?: TextPayload | CustomPayload; cloudCustomData?: string }): Promise<Message>;
  /** Delete for me only (same conversation). */
  deleteMessages(messageIDs: string[]): Promise<void>;
  /** The inner messages of a merged-forward message whose body was uploaded. */
  downloadMergerMessage(messageID: string): Promise<MergerPayload['messageList']>;
  /** Typing indicator (C2C). Online only; never stored, never in lists or unread counts. */
  setTyping(conversationID: ConversationID, typing: boolean): Promise<void>;
  /** Group read receipts: who read an own group message and who has not. */
  getGroupMessageReadMembers(messageID: string): Promise<{ read: UserID[]; unread: UserID[] }>;

  // ── search ───────────────────────────────────────────────────────────
  /** Rejects 60020 when the capability is off. */
  searchMessages(params: SearchMessagesParams): Promise<SearchMessagesResult>;
  /** Friends, known users and joined groups whose ID, nick, remark or name contains the keyword
   *  (case-insensitive, NFKC). No server call in either core. */
  searchContacts(keyword: string): Promise<{ users: UserProfile[]; groups: GroupProfile[] }>;

  // ── profile & relationships ──────────────────────────────────────────
  getMyProfile(): Promise<UserProfile>;
  /** Unknown IDs are simply absent. */
  getUserProfiles(userIDs: UserID[]): Promise<UserProfile[]>;
  /** Validates everything first; nothing is half-saved. Emits `profileUpdated`. */
  updateMyProfile(patch: ProfilePatch): Promise<UserProfile>;
  getUserStatus(userIDs: UserID[]): Promise<UserStatus[]>;
  getFriendList(): Promise<Friend[]>;
  /** Resolves 'pending' when the peer must approve. Rejects 30001 already a friend, 30515 in my block list,
   *  30516 the peer refuses all requests, 30525 I am in the peer's block list. */
  addFriend(params: { userID: UserID; wording?: string; remark?: string }): Promise<AddFriendResult>;
  deleteFriend(userIDs: UserID[]): Promise<{ successUserIDList: UserID[]; failureUserIDList: Array<{ userID: UserID; code: number }> }>;
  updateFriendRemark(userID: UserID, remark: string): Promise<void>;
  getFriendApplicationList(): Promise<FriendApplication[]>;
  acceptFriendApplication(params: { userID: UserID; remark?: string }): Promise<void>;
  refuseFriendApplication(userID: UserID): Promise<void>;
  getBlacklist(): Promise<UserID[]>;
  addToBlacklist(userIDs: UserID[]): Promise<void>;
  removeFromBlacklist(userIDs: UserID[]): Promise<void>;

  // ── groups ───────────────────────────────────────────────────────────
  getJoinedGroupList(): Promise<GroupProfile[]>;
  getGroupProfile(groupID: GroupID): Promise<GroupProfile>;
  createGroup(options: CreateGroupOptions): Promise<GroupProfile>;
  /** Owner and admins. */
  updateGroupProfile(groupID: GroupID, patch: GroupProfilePatch): Promise<GroupProfile>;
  /** Paged, at most 100 a page. */
  getGroupMemberList(groupID: GroupID, params?: { offset?: number; count?: number }): Promise<GroupMemberPage>;
  getGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<GroupMember[]>;
  addGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void>;
  /** Owner and admins (admins cannot remove admins or the owner). */
  removeGroupMembers(groupID: GroupID, userIDs: UserID[]): Promise<void>;
  /** Owner only: set or unset admin. */
  setGroupMemberRole(groupID: GroupID, userID: UserID, role: Exclude<GroupRole, 'Owner'>): Promise<void>;
  /** Owner and admins. `seconds = 0` unmutes. */
  setGroupMemberMuteTime(groupID: GroupID, userID: UserID, seconds: number): Promise<void>;
  /** Anyone for themselves; owner and admins for others. */
  setGroupMemberNameCard(groupID: GroupID, userID: UserID, nameCard: string): Promise<void>;
  /** Members only; the owner must transfer or dismiss instead (10007). */
  quitGroup(groupID: GroupID): Promise<void>;
  /** Owner only. */
  dismissGroup(groupID: GroupID): Promise<void>;
  /** Owner only. */
  changeGroupOwner(groupID: GroupID, newOwnerID: UserID): Promise<void>;
}
