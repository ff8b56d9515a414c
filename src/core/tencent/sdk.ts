/**
 * The slice of `@tencentcloud/chat` the adapter uses, typed against the package's own declarations.
 *
 * Everything here is `import type`: nothing of the SDK is bundled by importing this file. The adapter and
 * the scripted SDK stand-in used by the tests are both typed against these aliases, so a rename or a
 * changed enum value in a new release of the package breaks `tsc` instead of the running app.
 */
import type TencentCloudChat from '@tencentcloud/chat';
import type {
  ChatSDK,
  Conversation,
  Friend,
  FriendApplication,
  Group,
  GroupMember,
  Message,
  Profile,
} from '@tencentcloud/chat';

export type { TencentCloudChat };

/** The SDK's classes and records, as the package declares them. */
export type TIMMessage = Message;
export type TIMConversation = Conversation;
export type TIMProfile = Profile;
export type TIMFriend = Friend;
export type TIMFriendApplication = FriendApplication;
export type TIMGroup = Group;
export type TIMGroupMember = GroupMember;

/** Runtime fields of a message that the declarations omit (`chat/index.js` Message constructor). */
export interface TIMMessageRuntime {
  isRead?: boolean;
  random?: number;
  clientTime?: number;
  clientSequence?: number;
  /** Incremented by every modification (MESSAGE_MODIFIED). */
  version?: number;
}

/** Every ChatSDK method the adapter calls. `Pick` fails to compile when the package drops or renames one. */
export type TIMChatMethod =
  | 'login'
  | 'logout'
  | 'getLoginUser'
  | 'getServerTime'
  | 'isReady'
  | 'destroy'
  | 'on'
  | 'off'
  | 'registerPlugin'
  | 'setLogLevel'
  | 'createTextMessage'
  | 'createTextAtMessage'
  | 'createImageMessage'
  | 'createAudioMessage'
  | 'createVideoMessage'
  | 'createCustomMessage'
  | 'createFaceMessage'
  | 'createFileMessage'
  | 'createLocationMessage'
  | 'createMergerMessage'
  | 'downloadMergerMessage'
  | 'createForwardMessage'
  | 'sendMessage'
  | 'revokeMessage'
  | 'resendMessage'
  | 'deleteMessage'
  | 'modifyMessage'
  | 'searchCloudMessages'
  | 'getMessageList'
  | 'getMessageListHopping'
  | 'setMessageRead'
  | 'sendMessageReadReceipt'
  | 'getGroupMessageReadMemberList'
  | 'findMessage'
  | 'getConversationList'
  | 'getConversationProfile'
  | 'deleteConversation'
  | 'setConversationDraft'
  | 'clearHistoryMessage'
  | 'pinConversation'
  | 'setMessageRemindType'
  | 'getTotalUnreadMessageCount'
  | 'markConversation'
  | 'getMyProfile'
  | 'getUserProfile'
  | 'updateMyProfile'
  | 'getBlacklist'
  | 'addToBlacklist'
  | 'removeFromBlacklist'
  | 'getUserStatus'
  | 'subscribeUserStatus'
  | 'getFriendList'
  | 'addFriend'
  | 'deleteFriend'
  | 'updateFriend'
  | 'getFriendApplicationList'
  | 'acceptFriendApplication'
  | 'refuseFriendApplication'
  | 'getGroupList'
  | 'getGroupProfile'
  | 'createGroup'
  | 'dismissGroup'
  | 'updateGroupProfile'
  | 'quitGroup'
  | 'changeGroupOwner'
  | 'getGroupMemberList'
  | 'getGroupMemberProfile'
  | 'addGroupMember'
  | 'deleteGroupMember'
  | 'setGroupMemberMuteTime'
  | 'setGroupMemberRole'
  | 'setGroupMemberNameCard';

/** The SDK instance as the adapter sees it. */
export type TIMChat = Pick<ChatSDK, TIMChatMethod>;

/** `TencentCloudChat.EVENT` with its string values (an enum value change breaks the build). */
export type TIMEventTable = {
  readonly [K in keyof typeof TencentCloudChat.EVENT]: `${(typeof TencentCloudChat.EVENT)[K]}`;
};
/** Every event name string. */
export type TIMEventName = TIMEventTable[keyof TIMEventTable];

/** `TencentCloudChat.TYPES` with its string values; numeric members are plain numbers (the declared mark
 *  types differ from the runtime ones, so they are always read from the loaded module). */
export type TIMTypeTable = {
  readonly [K in keyof typeof TencentCloudChat.TYPES]: (typeof TencentCloudChat.TYPES)[K] extends string
    ? `${(typeof TencentCloudChat.TYPES)[K]}`
    : number;
};

/** `create()` options: the declared ones plus the runtime-only ones the adapter may pass. */
export type TIMCreateOptions = Parameters<typeof TencentCloudChat.create>[0] & {
  /** Optional modules for the core-only `index.es.js` build (`'group-module'`, `'relationship-module'`,
   *  `'cloud-search-module'`…). The default `index.js` build has them built in. */
  modules?: Record<string, unknown>;
};

/** What `import('@tencentcloud/chat')` provides (its default export), or a stand-in of it. */
export interface TIMModule {
  create(options: TIMCreateOptions): TIMChat;
  readonly EVENT: TIMEventTable;
  readonly TYPES: TIMTypeTable;
  readonly VERSION?: string;
}

/** The `{name, data}` envelope every SDK event handler receives. */
export interface TIMEvent<T = unknown> {
  name: TIMEventName;
  data: T;
}

/** Promise results are `{code: 0, data}`; rejections are `{code, message, data?}`. */
export interface TIMResult<T> {
  code: number;
  data: T;
}
export interface TIMRejection {
  code: number;
  message: string;
  data?: { message?: TIMMessage } & Record<string, unknown>;
}
