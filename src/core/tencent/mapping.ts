/**
 * SDK records → contract entities. Every function returns a fresh plain object (structuredClone-safe):
 * the SDK's class instances never leave the adapter.
 */
import type {
  AllowType,
  Conversation,
  ConversationID,
  ConversationLastMessage,
  Friend,
  FriendApplication,
  Gender,
  GroupMember,
  GroupProfile,
  GroupRole,
  GroupTipPayload,
  GroupType,
  MergedMessageItem,
  Message,
  MessageRemindType,
  MessageType,
  UserProfile,
} from '../types.js';
import { messageForShow } from '../preview.js';
import type {
  TIMConversation,
  TIMFriend,
  TIMFriendApplication,
  TIMGroup,
  TIMGroupMember,
  TIMMessage,
  TIMMessageRuntime,
  TIMProfile,
} from './sdk.js';

type Loose = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);

// ───────────────────────────── typing ─────────────────────────────

/** TUIKit's typing convention: a C2C custom message with this business ID, sent online-only. */
export const TYPING_BUSINESS_ID = 'user_typing_status';

/** The custom payload `data` of a typing message (the engine's exact fields). */
export function typingData(typing: boolean): string {
  return JSON.stringify({
    businessID: TYPING_BUSINESS_ID,
    typingStatus: typing ? 1 : 0,
    version: 1,
    userAction: typing ? 14 : 0,
    actionParam: typing ? 'EIMAMSG_InputStatus_Ing' : 'EIMAMSG_InputStatus_End',
  });
}
export const TYPING_CLOUD_CUSTOM_DATA = JSON.stringify({ messageFeature: { needTyping: 1, version: 1 } });

/** `null` when `type`/`payload` is not a typing message, else whether the peer is typing. */
export function typingStatusOf(type: unknown, payload: unknown): boolean | null {
  if (type !== 'TIMCustomElem') return null;
  const data = str((payload as Loose | null)?.['data']);
  if (!data.includes(TYPING_BUSINESS_ID)) return null;
  try {
    const parsed = JSON.parse(data) as Loose;
    if (parsed['businessID'] !== TYPING_BUSINESS_ID) return null;
    return Number(parsed['typingStatus']) === 1;
  } catch {
    return null;
  }
}

// ───────────────────────────── image file names ─────────────────────────────

/**
 * Tencent's image element has no file name, but the kit shows it as the image's alt text. The adapter
 * carries it in `cloudCustomData` under this key, only when `cloudCustomData` is empty or a JSON object
 * (TUIKit's own convention), and removes it again on the way in: the app never sees the key.
 */
const FILE_NAME_KEY = 'timElements';

export function attachFileName(cloudCustomData: string, fileName: string | undefined): string {
  if (!fileName) return cloudCustomData;
  if (!cloudCustomData) return JSON.stringify({ [FILE_NAME_KEY]: { fileName } });
  try {
    const parsed = JSON.parse(cloudCustomData) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return JSON.stringify({ ...(parsed as Loose), [FILE_NAME_KEY]: { fileName } });
  } catch {
    /* not JSON: leave it alone */
  }
  return cloudCustomData;
}

export function detachFileName(cloudCustomData: string): { cloudCustomData: string; fileName?: string } {
  if (!cloudCustomData.includes(`"${FILE_NAME_KEY}"`)) return { cloudCustomData };
  try {
    const parsed = JSON.parse(cloudCustomData) as Loose;
    const carried = parsed[FILE_NAME_KEY] as Loose | undefined;
    if (!carried || typeof carried !== 'object') return { cloudCustomData };
    const { [FILE_NAME_KEY]: _drop, ...rest } = parsed;
    const fileName = str(carried['fileName']);
    return { cloudCustomData: Object.keys(rest).length ? JSON.stringify(rest) : '', ...(fileName ? { fileName } : {}) };
  } catch {
    return { cloudCustomData };
  }
}

// ───────────────────────────── payloads ─────────────────────────────

const MESSAGE_TYPES: readonly MessageType[] = [
  'TIMTextElem',
  'TIMImageElem',
  'TIMFileElem',
  'TIMSoundElem',
  'TIMVideoFileElem',
  'TIMFaceElem',
  'TIMLocationElem',
  'TIMCustomElem',
  'TIMRelayElem',
  'TIMGroupTipElem',
  'TIMGroupSystemNoticeElem',
];
export const isMessageType = (type: unknown): type is MessageType => MESSAGE_TYPES.includes(type as MessageType);

/** A plain copy of an SDK payload in the contract's shape. */
export function toPayload(type: MessageType, raw: unknown, fileName?: string): unknown {
  const p = (raw ?? {}) as Loose;
  switch (type) {
    case 'TIMTextElem':
      return { text: str(p['text']) };
    case 'TIMImageElem': {
      const infos = Array.isArray(p['imageInfoArray']) ? (p['imageInfoArray'] as Loose[]) : [];
      return {
        ...(p['uuid'] ? { uuid: str(p['uuid']) } : {}),
        ...(p['imageFormat'] !== undefined ? { imageFormat: p['imageFormat'] as number | string } : {}),
        imageInfoArray: infos.map((info, i) => ({
          type: ([0, 1, 2].includes(num(info['type'])) ? num(info['type']) : Math.min(i, 2)) as 0 | 1 | 2,
          url: str(info['url'] || info['imageUrl']),
          width: num(info['width']),
          height: num(info['height']),
          size: num(info['size']),
        })),
        ...(fileName ? { fileName } : {}),
      };
    }
    case 'TIMFileElem':
      return {
        fileName: str(p['fileName']),
        fileSize: num(p['fileSize']),
        fileUrl: str(p['fileUrl'] || p['remoteFileUrl']),
        ...(p['uuid'] ? { uuid: str(p['uuid']) } : {}),
      };
    case 'TIMSoundElem':
      return {
        url: str(p['url'] || p['remoteAudioUrl']),
        second: num(p['second']),
        size: num(p['size']),
        ...(p['uuid'] ? { uuid: str(p['uuid']) } : {}),
      };
    case 'TIMVideoFileElem':
      return {
        videoUrl: str(p['videoUrl'] || p['remoteVideoUrl']),
        videoSecond: num(p['videoSecond']),
        videoSize: num(p['videoSize']),
        ...(p['videoFormat'] ? { videoFormat: str(p['videoFormat']) } : {}),
        thumbUrl: str(p['thumbUrl'] || p['snapshotUrl'] || p['remoteSnapshotUrl'] || p['remoteThumbUrl']),
        thumbWidth: num(p['thumbWidth'] || p['snapshotWidth']),
        thumbHeight: num(p['thumbHeight'] || p['snapshotHeight']),
        ...(p['videoUUID'] ? { videoUUID: str(p['videoUUID']) } : {}),
        ...(p['thumbUUID'] ? { thumbUUID: str(p['thumbUUID']) } : {}),
      };
    case 'TIMFaceElem':
      return { index: num(p['index']), data: str(p['data']) };
    case 'TIMLocationElem':
      return { description: str(p['description']), longitude: num(p['longitude']), latitude: num(p['latitude']) };
    case 'TIMCustomElem':
      return { data: str(p['data']), description: str(p['description']), extension: str(p['extension']) };
    case 'TIMRelayElem':
      return {
        title: str(p['title']),
        abstractList: Array.isArray(p['abstractList']) ? (p['abstractList'] as unknown[]).map(str) : [],
        compatibleText: str(p['compatibleText']),
        messageList: toMergedItems(p['messageList']),
        ...(p['downloadKey'] ? { downloadKey: str(p['downloadKey']) } : {}),
      };
    case 'TIMGroupTipElem':
      return toGroupTip(p);
    default:
      return JSON.parse(JSON.stringify(p)) as unknown;
  }
}

/** Inner messages of a merged-forward message. */
export function toMergedItems(raw: unknown): MergedMessageItem[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Loose[]).map((item) => ({
    ID: str(item['ID']),
    from: str(item['from']),
    nick: str(item['nick']),
    avatar: str(item['avatar']),
    time: num(item['time']),
    cloudCustomData: str(item['cloudCustomData']),
    messageBody: (Array.isArray(item['messageBody']) ? (item['messageBody'] as Loose[]) : []).map((body) => {
      const type = (isMessageType(body['type']) ? body['type'] : 'TIMCustomElem') as MessageType;
      return { type, payload: toPayload(type, body['payload']) };
    }),
  }));
}

function toGroupTip(p: Loose): GroupTipPayload {
  const fresh = (p['newGroupProfile'] ?? null) as Loose | null;
  const profile: NonNullable<GroupTipPayload['newGroupProfile']> = {};
  if (fresh) {
    const name = fresh['groupName'] ?? fresh['name'];
    if (name !== undefined) profile.name = str(name);
    const avatar = fresh['avatar'] ?? fresh['faceUrl'] ?? fresh['groupFaceUrl'];
    if (avatar !== undefined) profile.avatar = str(avatar);
    if (fresh['introduction'] !== undefined) profile.introduction = str(fresh['introduction']);
    if (fresh['notification'] !== undefined) profile.notification = str(fresh['notification']);
    if (fresh['ownerID'] !== undefined) profile.ownerID = str(fresh['ownerID']);
    if (fresh['muteAllMembers'] !== undefined) profile.muteAllMembers = fresh['muteAllMembers'] === true || fresh['muteAllMembers'] === 1;
  }
  const members = Array.isArray(p['memberList']) ? (p['memberList'] as Loose[]) : [];
  return {
    operationType: num(p['operationType']),
    operatorID: str(p['operatorID']),
    userIDList: Array.isArray(p['userIDList']) ? (p['userIDList'] as unknown[]).map(str) : [],
    ...(fresh ? { newGroupProfile: profile } : {}),
    ...(members.length
      ? { memberList: members.map((m) => ({ userID: str(m['userID']), ...(m['muteTime'] !== undefined ? { muteTime: num(m['muteTime']) } : {}) })) }
      : {}),
  };
}

// ───────────────────────────── messages ─────────────────────────────

/** A plain contract message from an SDK message. `error` is the adapter's record of a failed send. */
export function toMessage(m: TIMMessage, error?: { code: number; message: string }): Message {
  const runtime = m as TIMMessage & TIMMessageRuntime;
  const type = (isMessageType(m.type) ? m.type : 'TIMCustomElem') as MessageType;
  const { cloudCustomData, fileName } = detachFileName(str(m.cloudCustomData));
  const conversationType = m.conversationType === 'GROUP' ? 'GROUP' : m.conversationType === '@TIM#SYSTEM' ? '@TIM#SYSTEM' : 'C2C';
  const flow = m.flow === 'in' ? 'in' : 'out';
  const revokerInfo = (m.revokerInfo ?? null) as unknown as Loose | null;
  const revokerID = str(revokerInfo?.['userID'] || (typeof m.revoker === 'string' ? m.revoker : ''));
  const receipt = (m.readReceiptInfo ?? null) as Loose | null;
  const status = m.status === 'success' || m.status === 'fail' ? m.status : 'unSend';
  return {
    ID: m.ID,
    conversationID: m.conversationID as ConversationID,
    conversationType,
    from: str(m.from),
    to: str(m.to),
    flow,
    time: num(m.time),
    sequence: status === 'success' ? num(m.sequence) : 0,
    status,
    ...(status === 'fail' && error ? { error: { code: error.code, message: error.message } } : {}),
    isPeerRead: !!m.isPeerRead,
    isRead: runtime.isRead ?? flow === 'out',
    isRevoked: !!m.isRevoked,
    ...(m.isRevoked && revokerID
      ? { revoker: { userID: revokerID, nick: str(revokerInfo?.['nick']), avatar: str(revokerInfo?.['avatar']) } }
      : {}),
    isDeleted: !!m.isDeleted,
    isModified: !!m.isModified,
    nick: str(m.nick),
    avatar: str(m.avatar),
    nameCard: str(m.nameCard),
    atUserList: Array.isArray(m.atUserList) ? m.atUserList.map(str) : [],
    cloudCustomData,
    needReadReceipt: !!m.needReadReceipt,
    ...(m.needReadReceipt && receipt && receipt['readCount'] !== undefined
      ? { readReceiptInfo: { readCount: num(receipt['readCount']), unreadCount: num(receipt['unreadCount']) } }
      : {}),
    type,
    payload: toPayload(type, m.payload, fileName),
  } as Message;
}

// ───────────────────────────── people ─────────────────────────────

const GENDERS: readonly Gender[] = ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'];
const ALLOW_TYPES: readonly AllowType[] = ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'];

export function toProfile(p: TIMProfile | Loose | null | undefined, userID = ''): UserProfile {
  const q = (p ?? {}) as Loose;
  const customFields: Record<string, string | number> = {};
  if (Array.isArray(q['profileCustomField']))
    for (const field of q['profileCustomField'] as Loose[])
      if (field && typeof field['key'] === 'string') customFields[field['key']] = typeof field['value'] === 'number' ? field['value'] : str(field['value']);
  const gender = str(q['gender']) as Gender;
  const allowType = str(q['allowType']) as AllowType;
  return {
    userID: str(q['userID']) || userID,
    nick: str(q['nick']),
    avatar: str(q['avatar']),
    selfSignature: str(q['selfSignature']),
    gender: GENDERS.includes(gender) ? gender : 'Gender_Type_Unknown',
    allowType: ALLOW_TYPES.includes(allowType) ? allowType : 'AllowType_Type_AllowAny',
    ...(num(q['birthday']) ? { birthday: num(q['birthday']) } : {}),
    ...(str(q['location']) ? { location: str(q['location']) } : {}),
    ...(Object.keys(customFields).length ? { customFields } : {}),
  };
}

export function toFriend(f: TIMFriend): Friend {
  return {
    userID: f.userID,
    remark: str(f.remark),
    profile: toProfile(f.profile, f.userID),
    groupList: Array.isArray(f.groupList) ? f.groupList.map(str) : [],
  };
}

export function toApplication(a: TIMFriendApplication): FriendApplication {
  return {
    userID: a.userID,
    nick: str(a.nick),
    avatar: str(a.avatar),
    wording: str(a.wording),
    type: a.type === 'Pendency_Type_SendOut' ? 'Pendency_Type_SendOut' : 'Pendency_Type_ComeIn',
    time: num(a.time),
  };
}

// ───────────────────────────── groups ─────────────────────────────

const GROUP_TYPES: readonly GroupType[] = ['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'];
const ROLES: readonly GroupRole[] = ['Owner', 'Admin', 'Member'];

export function toGroup(g: TIMGroup | Loose): GroupProfile {
  const q = g as unknown as Loose;
  const self = (q['selfInfo'] ?? {}) as Loose;
  const role = str(self['role']) as GroupRole;
  const type = str(q['type']) as GroupType;
  return {
    groupID: str(q['groupID']),
    name: str(q['name']),
    avatar: str(q['avatar']),
    type: GROUP_TYPES.includes(type) ? type : 'Private',
    introduction: str(q['introduction']),
    notification: str(q['notification']),
    ownerID: str(q['ownerID']),
    memberCount: num(q['memberCount'] ?? q['memberNum']),
    maxMemberCount: num(q['maxMemberCount'] ?? q['maxMemberNum']),
    muteAllMembers: !!q['muteAllMembers'],
    ...(ROLES.includes(role) ? { selfRole: role } : {}),
  };
}

export function toMember(m: TIMGroupMember | Loose): GroupMember {
  const q = m as unknown as Loose;
  const role = str(q['role']) as GroupRole;
  return {
    userID: str(q['userID']),
    nick: str(q['nick']),
    avatar: str(q['avatar']),
    nameCard: str(q['nameCard']),
    role: ROLES.includes(role) ? role : 'Member',
    joinTime: num(q['joinTime']),
    muteUntil: num(q['muteUntil']),
  };
}

// ───────────────────────────── conversations ─────────────────────────────

const REMIND: readonly MessageRemindType[] = ['AcceptAndNotify', 'AcceptNotNotify', 'Discard'];

/** Everything a conversation needs from the adapter's own state. */
export interface ConversationContext {
  /** The runtime value of `TYPES.CONV_MARK_TYPE_UNREAD` (read from the loaded module). */
  unreadMark: number;
  /** The ID of the message at this position of the conversation, when the adapter knows it (the SDK's
   *  `lastMessage` and `groupAtInfoList` carry sequences, not IDs). */
  messageIDAt(conversationID: string, sequence: number, time?: number): string | undefined;
}

export function toConversation(c: TIMConversation, ctx: ConversationContext): Conversation {
  const type = c.type === 'GROUP' ? 'GROUP' : c.type === '@TIM#SYSTEM' ? '@TIM#SYSTEM' : 'C2C';
  const last = (c.lastMessage ?? null) as Loose | null;
  let lastMessage: ConversationLastMessage | null = null;
  const lastType = last?.['type'];
  // An empty conversation has a lastMessage with no type; typing messages never count as the last one.
  if (last && isMessageType(lastType) && typingStatusOf(lastType, last['payload']) === null) {
    const lastSequence = num(last['lastSequence']);
    const lastTime = num(last['lastTime']);
    const messageID = ctx.messageIDAt(c.conversationID, lastSequence, type === 'C2C' ? lastTime : undefined);
    const payload = toPayload(lastType, last['payload']);
    const isRevoked = !!last['isRevoked'];
    lastMessage = {
      ...(messageID ? { messageID } : {}),
      type: lastType,
      messageForShow: str(last['messageForShow']) || messageForShow({ type: lastType, payload, isRevoked } as Parameters<typeof messageForShow>[0]),
      payload,
      fromAccount: str(last['fromAccount']),
      nick: str(last['nick']),
      lastTime,
      lastSequence,
      isRevoked,
      isPeerRead: !!last['isPeerRead'],
    };
  }
  const group = (c.groupProfile ?? null) as unknown as Loose | null;
  const groupAtInfoList = (Array.isArray(c.groupAtInfoList) ? (c.groupAtInfoList as Loose[]) : []).map((info) => {
    const types = Array.isArray(info['atTypeArray']) ? (info['atTypeArray'] as number[]) : [num(info['atType'])];
    const atType = (types.includes(3) || (types.includes(1) && types.includes(2)) ? 3 : types.includes(2) ? 2 : 1) as 1 | 2 | 3;
    const messageID = ctx.messageIDAt(c.conversationID, num(info['messageSequence']));
    return { ...(messageID ? { messageID } : {}), atType };
  });
  const remind = str(c.messageRemindType) as MessageRemindType;
  return {
    conversationID: c.conversationID as ConversationID,
    type,
    unreadCount: num(c.unreadCount),
    lastMessage,
    ...(type === 'C2C' && c.userProfile ? { userProfile: toProfile(c.userProfile, c.conversationID.slice(3)) } : {}),
    ...(type === 'GROUP' && group
      ? (() => {
          const g = toGroup(group);
          return { groupProfile: { groupID: g.groupID || c.conversationID.slice(5), name: g.name, avatar: g.avatar, type: g.type, memberCount: g.memberCount } };
        })()
      : {}),
    isPinned: !!c.isPinned,
    messageRemindType: REMIND.includes(remind) ? remind : remind ? 'AcceptNotNotify' : 'AcceptAndNotify',
    draftText: str(c.draftText),
    groupAtInfoList,
    remark: str(c.remark),
    isMarkedUnread: Array.isArray(c.markList) && c.markList.includes(ctx.unreadMark),
  };
}
