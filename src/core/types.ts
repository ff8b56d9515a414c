/**
 * The entities of the ChatCore contract.
 *
 * Vocabulary is Tencent Cloud Chat's own (`C2C…`/`GROUP…` conversation IDs, `TIM*Elem` element types,
 * `unSend | success | fail` statuses), so the Tencent adapter is mostly a field copy and code written
 * against LocalCore behaves the same on the real service.
 *
 * Every value here is plain data: it survives `structuredClone()` (IndexedDB, BroadcastChannel) and,
 * except for `Blob`s in outgoing drafts, `JSON.stringify()`. No classes, no Dates (times are numbers),
 * no Maps. Everything that came from another user (names, avatars, text, file names, custom data) is
 * UNTRUSTED: render it as text, check URLs with `safeUrl()`.
 */

// ───────────────────────────── identifiers ─────────────────────────────

export type UserID = string;
export type GroupID = string;
export type C2CConversationID = `C2C${string}`;
export type GroupConversationID = `GROUP${string}`;
export type SystemConversationID = '@TIM#SYSTEM';
export type ConversationID = C2CConversationID | GroupConversationID | SystemConversationID;
export type ConversationType = 'C2C' | 'GROUP' | '@TIM#SYSTEM';

// ───────────────────────────── message payloads ─────────────────────────────

export interface TextPayload {
  text: string;
}

export interface ImageInfo {
  /** 0 = original, 1 = large, 2 = thumbnail (Tencent ordering). */
  type: 0 | 1 | 2;
  url: string;
  width: number;
  height: number;
  size: number;
}
export interface ImagePayload {
  uuid?: string;
  imageFormat?: number | string;
  imageInfoArray: ImageInfo[];
  /** The sent file's name, when known (the history's alt text). UNTRUSTED. */
  fileName?: string;
}

export interface FilePayload {
  fileName: string;
  fileSize: number;
  fileUrl: string;
  uuid?: string;
}

export interface SoundPayload {
  url: string;
  /** Duration in seconds. */
  second: number;
  size: number;
  uuid?: string;
}

export interface VideoPayload {
  videoUrl: string;
  videoSecond: number;
  videoSize: number;
  videoFormat?: string;
  thumbUrl: string;
  thumbWidth: number;
  thumbHeight: number;
  /** Upload IDs of the video and its poster (Tencent `videoUUID` / `thumbUUID`). */
  videoUUID?: string;
  thumbUUID?: string;
}

/** A sticker: both ends map `index` and/or `data` to the same picture; the service ships no set. */
export interface FacePayload {
  index: number;
  data: string;
}

export interface LocationPayload {
  description: string;
  longitude: number;
  latitude: number;
}

/** Opaque app data. TUIKit puts JSON with a `businessID` in `data`; treat every field as untrusted text. */
export interface CustomPayload {
  data: string;
  description: string;
  extension: string;
}

/** One message inside a merged-forward ("chat record") message. */
export interface MergedMessageItem {
  ID: string;
  from: UserID;
  nick: string;
  avatar: string;
  /** Seconds since epoch. */
  time: number;
  cloudCustomData: string;
  messageBody: Array<{ type: MessageType; payload: unknown }>;
}

export interface MergerPayload {
  title: string;
  abstractList: string[];
  compatibleText: string;
  /** Present when inline; empty when the body was uploaded and must be fetched with `downloadMergerMessage`. */
  messageList: MergedMessageItem[];
  /** Non-empty: call `downloadMergerMessage()`. */
  downloadKey?: string;
}

/** Group notification (member join/quit/kick/admin/profile change). */
export interface GroupTipPayload {
  /** Tencent GRP_TIP_*: 1 join, 2 quit, 3 kicked, 4 set admin, 5 cancel admin, 6 group profile
   *  updated, 7 member profile updated (mute), 10/11 AV-room ban/unban. */
  operationType: number;
  operatorID: UserID;
  userIDList: UserID[];
  newGroupProfile?: Partial<Pick<GroupProfile, 'name' | 'avatar' | 'introduction' | 'notification' | 'muteAllMembers' | 'ownerID'>>;
  memberList?: Array<{ userID: UserID; muteTime?: number }>;
}

export interface MessagePayloadMap {
  TIMTextElem: TextPayload;
  TIMImageElem: ImagePayload;
  TIMFileElem: FilePayload;
  TIMSoundElem: SoundPayload;
  TIMVideoFileElem: VideoPayload;
  TIMFaceElem: FacePayload;
  TIMLocationElem: LocationPayload;
  TIMCustomElem: CustomPayload;
  TIMRelayElem: MergerPayload;
  TIMGroupTipElem: GroupTipPayload;
  /** Group system notices (join requests, dismissals…): kept opaque. */
  TIMGroupSystemNoticeElem: Record<string, unknown>;
}
export type MessageType = keyof MessagePayloadMap;

// ───────────────────────────── message ─────────────────────────────

/** `unSend` covers both queued and in flight (Tencent has no finer state). */
export type MessageStatus = 'unSend' | 'success' | 'fail';


export interface MessageBase {
  /** Generated client-side at `createMessage()` and stable across resend: the dedupe and idempotency key. */
  ID: string;
  conversationID: ConversationID;
  conversationType: ConversationType;
  /** Sender. */
  from: UserID;
  /** Receiver userID (C2C) or groupID (GROUP). */
  to: string;
  flow: 'in' | 'out';
  /** Seconds since epoch. Server time once `status === 'success'`; local clock before. */
  time: number;
  /** Server-assigned order within a conversation; 0 until sent. */
  sequence: number;
  status: MessageStatus;
  /** Set only when `status === 'fail'`. */
  error?: { code: number; message: string };
  /** Outgoing C2C: the peer has read it. */
  isPeerRead: boolean;
  /** Incoming: the logged-in user has read it. */
  isRead: boolean;
  isRevoked: boolean;
  revoker?: { userID: UserID; nick: string; avatar: string };
  isDeleted: boolean;
  isModified: boolean;
  /** Sender display data at send time. UNTRUSTED. */
  nick: string;
  avatar: string;
  nameCard: string;
  /** Mentions in groups; may contain `AT_ALL`. */
  atUserList: UserID[];
  /** Opaque string synced with the message; quotes/replies live here as JSON (TUIKit convention). */
  cloudCustomData: string;
  /** The sender asked for read receipts (groups; C2C always has them where the capability is on). */
  needReadReceipt: boolean;
  /** Group read receipt counts, when `needReadReceipt`. */
  readReceiptInfo?: { readCount: number; unreadCount: number };
}

/** A type and its payload, as a discriminated union: narrow on `type` to get a typed `payload`. */
export type MessageContent = {
  [K in MessageType]: { type: K; payload: MessagePayloadMap[K] };
}[MessageType];

/** A message. Narrow on `type` to get a typed `payload`. */
export type Message = MessageBase & MessageContent;

/** What `createMessage()` takes. Files are Blob/File: the only non-JSON values in the contract. */
export type MessageDraft =
  | { type: 'TIMTextElem'; payload: TextPayload; atUserList?: UserID[] }
  | { type: 'TIMImageElem'; payload: { file: Blob; fileName?: string; width?: number; height?: number } }
  | { type: 'TIMFileElem'; payload: { file: Blob; fileName: string } }
  | { type: 'TIMSoundElem'; payload: { file: Blob; second: number } }
  | { type: 'TIMVideoFileElem'; payload: { file: Blob; fileName?: string; second?: number } }
  | { type: 'TIMFaceElem'; payload: FacePayload }
  | { type: 'TIMLocationElem'; payload: LocationPayload }
  | { type: 'TIMCustomElem'; payload: CustomPayload }
  | {
      type: 'TIMRelayElem';
      payload: { messageIDs: string[]; title: string; abstractList: string[]; compatibleText: string };
    };

export interface CreateMessageOptions {
  conversationID: ConversationID;
  draft: MessageDraft;
  cloudCustomData?: string;
  /** Ask for read receipts (group messages). */
  needReadReceipt?: boolean;
}

export interface SendMessageOptions {
  /** Deliver only to online recipients and do not store (typing indicators). */
  onlineUserOnly?: boolean;
  /** Do not bump the unread count. */
  excludedFromUnreadCount?: boolean;
  /** Do not become the conversation's last message. */
  excludedFromLastMessage?: boolean;
}

export interface MessagePage {
  /** Oldest → newest. */
  messageList: Message[];
  /** Pass back as `nextReqMessageID` to get the next older page; '' when none. */
  nextReqMessageID: string;
  isCompleted: boolean;
}

/** One page either side of an anchor, for jump-to-message. */
export interface MessageHopPage {
  /** Oldest → newest, not including the anchor. */
  messageList: Message[];
  /** No more messages in that direction. */
  isCompleted: boolean;
}

// ───────────────────────────── conversation ─────────────────────────────

/** Tencent MSG_REMIND_* values. */
export type MessageRemindType = 'AcceptAndNotify' | 'AcceptNotNotify' | 'Discard';

export interface GroupAtInfo {
  messageID?: string;
  /** 1 = @me, 2 = @all, 3 = @all and @me (Tencent CONV_AT_*). */
  atType: 1 | 2 | 3;
}

export interface ConversationLastMessage {
  messageID?: string;
  type: MessageType;
  /** Plain-text preview computed by the core (e.g. "[Image]"). UNTRUSTED. */
  messageForShow: string;
  /** The raw payload, so the UI can localise its own preview. */
  payload?: unknown;
  fromAccount: UserID;
  /** Sender's nick at send time. UNTRUSTED. */
  nick: string;
  /** Seconds. */
  lastTime: number;
  lastSequence: number;
  isRevoked: boolean;
  isPeerRead: boolean;
  status?: MessageStatus;
}

export interface Conversation {
  conversationID: ConversationID;
  type: ConversationType;
  unreadCount: number;
  /** null for an empty conversation. */
  lastMessage: ConversationLastMessage | null;
  /** C2C: peer profile (subset). */
  userProfile?: UserProfile;
  /** GROUP: group profile (subset). */
  groupProfile?: Pick<GroupProfile, 'groupID' | 'name' | 'avatar' | 'type' | 'memberCount'>;
  isPinned: boolean;
  messageRemindType: MessageRemindType;
  draftText: string;
  groupAtInfoList: GroupAtInfo[];
  /** Friend remark, C2C only. */
  remark: string;
  /** Marked unread by the user (Tencent markList CONV_MARK_TYPE_UNREAD). */
  isMarkedUnread: boolean;
}

// ───────────────────────────── people & groups ─────────────────────────────

export type Gender = 'Gender_Type_Unknown' | 'Gender_Type_Female' | 'Gender_Type_Male';
export type AllowType = 'AllowType_Type_AllowAny' | 'AllowType_Type_NeedConfirm' | 'AllowType_Type_DenyAny';

export interface UserProfile {
  userID: UserID;
  /** UNTRUSTED: may contain HTML, bidi overrides, zero-width characters. */
  nick: string;
  /** UNTRUSTED URL: check with `safeUrl()` before use. */
  avatar: string;
  selfSignature: string;
  gender: Gender;
  allowType: AllowType;
  /** YYYYMMDD as a number (Tencent), 0 when unset. */
  birthday?: number;
  location?: string;
  customFields?: Record<string, string | number>;
}
export type ProfilePatch = Partial<
  Pick<UserProfile, 'nick' | 'avatar' | 'selfSignature' | 'gender' | 'allowType' | 'birthday' | 'location'>
>;

export interface Friend {
  userID: UserID;
  remark: string;
  profile: UserProfile;
  groupList: string[];
}

export interface AddFriendResult {
  userID: UserID;
  /** 'added' = now friends; 'pending' = the peer must approve (Tencent resolves with code 30539). */
  result: 'added' | 'pending';
}

export interface FriendApplication {
  userID: UserID;
  nick: string;
  avatar: string;
  /** Verification message. UNTRUSTED. */
  wording: string;
  /** Incoming (they asked me) or outgoing (I asked them). */
  type: 'Pendency_Type_ComeIn' | 'Pendency_Type_SendOut';
  /** Seconds. */
  time: number;
}

/** Tencent GRP_*: Work = 'Private', Public, Meeting = 'ChatRoom', AVChatRoom, Community. */
export type GroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';
export type GroupRole = 'Owner' | 'Admin' | 'Member';

export interface GroupProfile {
  groupID: GroupID;
  name: string;
  avatar: string;
  type: GroupType;
  introduction: string;
  notification: string;
  ownerID: UserID;
  memberCount: number;
  maxMemberCount: number;
  muteAllMembers: boolean;
  /** The logged-in user's role; absent when not a member. */
  selfRole?: GroupRole;
}
export type GroupProfilePatch = Partial<Pick<GroupProfile, 'name' | 'avatar' | 'introduction' | 'notification' | 'muteAllMembers'>>;

export interface GroupMember {
  userID: UserID;
  nick: string;
  avatar: string;
  nameCard: string;
  role: GroupRole;
  /** Seconds. */
  joinTime: number;
  /** Seconds since epoch; greater than now means muted. */
  muteUntil: number;
}
export interface GroupMemberPage {
  memberList: GroupMember[];
  /** Next offset; 0 when done. */
  offset: number;
}

export interface CreateGroupOptions {
  name: string;
  type: GroupType;
  groupID?: GroupID;
  memberList?: UserID[];
  introduction?: string;
  avatar?: string;
}

/** Online presence (Tencent USER_STATUS_*: 1 online, 2 offline, 3 unlogined). */
export interface UserStatus {
  userID: UserID;
  online: boolean;
}

// ───────────────────────────── search ─────────────────────────────

export interface SearchMessagesParams {
  /** 1..5 keywords, matched case-insensitively after NFKC normalisation. */
  keywordList: string[];
  keywordListMatchType?: 'or' | 'and';
  /** Restrict to one conversation. */
  conversationID?: ConversationID;
  senderUserIDList?: UserID[];
  messageTypeList?: MessageType[];
  /** Seconds; with `timePeriod` defines a window ending at `timePosition` (0 = now). */
  timePosition?: number;
  timePeriod?: number;
  /** Page size. */
  count?: number;
  cursor?: string;
}
export interface SearchMessagesResult {
  /** Grouped per conversation. Globally, Tencent returns only counts for conversations with more than one
   *  hit (empty `messageList`): search inside that conversation to list them. */
  resultList: Array<{ conversationID: ConversationID; messageCount: number; messageList: Message[] }>;
  totalCount: number;
  /** '' when there are no more results. */
  cursor: string;
}

// ───────────────────────────── status ─────────────────────────────

export type NetState = 'connected' | 'connecting' | 'disconnected';
export type KickedOutReason = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick';
