/**
 * The per-viewer read model: canonical records become contract entities as one logged-in user sees
 * them (conversation IDs from their side, flow, read state, their remarks, their role, this instance's
 * media URLs).
 */
import type {
  Conversation,
  Friend,
  FriendApplication,
  GroupProfile,
  Message,
  MessageContent,
  UserID,
  UserProfile,
} from '../types.js';
import { messageForShow } from '../preview.js';
import { conversationIDOf, prefix, type ConversationRecord, type GroupRecord, type StoredMessage, type Tx } from './database.js';
import type { MediaUrls } from './media.js';

const isGroupKey = (key: string) => key.startsWith('group:');
const peerOf = (key: string, me: UserID) => key.slice(4).split('|').find((id) => id !== me) ?? me;

/** Loads the blobs `payloads` need into this instance's URL cache. */
export async function loadMedia(tx: Tx, media: MediaUrls, payloads: unknown[]): Promise<void> {
  await Promise.all(
    media.missing(payloads).map(async (uuid) => {
      const blob = await tx.objectStore('blobs').get(uuid);
      if (blob instanceof Blob) media.add(uuid, blob);
    }),
  );
}

/** Group read receipt counts of one message: members other than the sender who read up to it. */
export async function receiptOf(tx: Tx, rec: StoredMessage): Promise<{ read: UserID[]; unread: UserID[] }> {
  const read: UserID[] = [];
  const unread: UserID[] = [];
  for (const { userID } of await tx.objectStore('members').getAll(prefix(rec.to))) {
    if (userID === rec.from) continue;
    const conv = await tx.objectStore('conversations').get([userID, `GROUP${rec.to}`]);
    ((conv?.readSeq ?? 0) >= rec.seq ? read : unread).push(userID);
  }
  return { read, unread };
}

/** Messages as `me` sees them, in the order given. */
export async function projectMessages(tx: Tx, me: UserID, recs: StoredMessage[], media: MediaUrls): Promise<Message[]> {
  await loadMedia(tx, media, recs.map((r) => r.payload));
  // Read marks of every conversation on the page, requested at once (a search page spans many).
  const keys = [...new Set(recs.map((r) => r.key))];
  const reads = new Map(
    await Promise.all(
      keys.map(async (key): Promise<[string, [mine: number, peer: number]]> => {
        const group = isGroupKey(key);
        const id = group ? `GROUP${key.slice(6)}` : `C2C${peerOf(key, me)}`;
        const [mine, peer] = await Promise.all([
          tx.objectStore('conversations').get([me, id as `C2C${string}`]),
          group ? undefined : tx.objectStore('conversations').get([peerOf(key, me), `C2C${me}`]),
        ]);
        return [key, [mine?.readSeq ?? 0, peer?.readSeq ?? 0]];
      }),
    ),
  );
  return Promise.all(
    recs.map(async (rec) => {
      const [mine, peer] = reads.get(rec.key)!;
      const out = rec.from === me;
      const group = isGroupKey(rec.key);
      const message = {
        ID: rec.ID,
        conversationID: conversationIDOf(rec, me),
        conversationType: group ? 'GROUP' : 'C2C',
        from: rec.from,
        to: rec.to,
        flow: out ? 'out' : 'in',
        time: rec.time,
        sequence: rec.seq,
        status: 'success',
        isPeerRead: !group && out && rec.seq <= peer,
        isRead: out || rec.seq <= mine,
        isRevoked: rec.isRevoked,
        isDeleted: false,
        isModified: rec.isModified,
        nick: rec.nick,
        avatar: rec.avatar,
        nameCard: rec.nameCard,
        atUserList: [...rec.atUserList],
        cloudCustomData: rec.cloudCustomData,
        needReadReceipt: rec.needReadReceipt,
        type: rec.type,
        payload: media.resolve(rec.payload),
      } as Message;
      if (rec.revoker) message.revoker = { ...rec.revoker };
      if (group && out && rec.needReadReceipt) {
        const { read, unread } = await receiptOf(tx, rec);
        message.readReceiptInfo = { readCount: read.length, unreadCount: unread.length };
      }
      return message;
    }),
  );
}

export async function projectGroup(tx: Tx, me: UserID, group: GroupRecord): Promise<GroupProfile> {
  const { createTime: _created, ...profile } = group;
  const self = await tx.objectStore('members').get([group.groupID, me]);
  const memberCount = await tx.objectStore('members').count(prefix(group.groupID));
  return { ...profile, memberCount, ...(self ? { selfRole: self.role } : {}) };
}

export async function loadJoinedGroups(tx: Tx, me: UserID): Promise<GroupProfile[]> {
  const groups: GroupProfile[] = [];
  for (const { groupID } of await tx.objectStore('members').index('user').getAll(me)) {
    const group = await tx.objectStore('groups').get(groupID);
    if (group) groups.push(await projectGroup(tx, me, group));
  }
  return groups;
}

/** The conversation list: visible records, pinned first, then most recent activity. */
export async function loadConversations(tx: Tx, me: UserID, media: MediaUrls, only?: ConversationRecord): Promise<Conversation[]> {
  const records = only ? [only] : await tx.objectStore('conversations').getAll(prefix(me));
  const list = await Promise.all(
    records
      .filter((c) => only || (!c.hidden && (c.last || c.activity || c.pinned || c.draft)))
      .map(async (c) => {
        const group = isGroupKey(c.key);
        const peer = c.conversationID.slice(3);
        const last = c.last ? await tx.objectStore('messages').get(c.last) : undefined;
        const peerRead = group ? 0 : ((await tx.objectStore('conversations').get([peer, `C2C${me}`]))?.readSeq ?? 0);
        const conversation: Conversation = {
          conversationID: c.conversationID,
          type: group ? 'GROUP' : 'C2C',
          unreadCount: c.unread,
          lastMessage: last
            ? {
                messageID: last.ID,
                type: last.type,
                messageForShow: messageForShow({ ...(last as unknown as MessageContent), isRevoked: last.isRevoked }),
                payload: media.resolve(last.payload),
                fromAccount: last.from,
                nick: last.nick,
                lastTime: last.time,
                lastSequence: last.seq,
                isRevoked: last.isRevoked,
                isPeerRead: !group && last.from === me && last.seq <= peerRead,
                status: 'success',
              }
            : null,
          isPinned: c.pinned,
          messageRemindType: c.remind,
          draftText: c.draft,
          groupAtInfoList: c.at.map((at) => ({ ...at })),
          remark: '',
          isMarkedUnread: c.marked,
        };
        if (group) {
          const record = await tx.objectStore('groups').get(c.conversationID.slice(5));
          if (record) {
            const { groupID, name, avatar, type, memberCount } = await projectGroup(tx, me, record);
            conversation.groupProfile = { groupID, name, avatar, type, memberCount };
          }
        } else {
          const profile = await tx.objectStore('users').get(peer);
          if (profile) conversation.userProfile = profile;
          conversation.remark = (await tx.objectStore('friends').get([me, peer]))?.remark ?? '';
        }
        return [c, conversation] as const;
      }),
  );
  return list
    .sort(([a], [b]) => +b.pinned - +a.pinned || b.activity - a.activity || (a.conversationID < b.conversationID ? -1 : 1))
    .map(([, conversation]) => conversation);
}

export async function loadFriends(tx: Tx, me: UserID): Promise<Friend[]> {
  const friends = await tx.objectStore('friends').getAll(prefix(me));
  const list = await Promise.all(
    friends.map(async ({ userID, remark }) => {
      const profile = await tx.objectStore('users').get(userID);
      return profile && { userID, remark, profile, groupList: [] as string[] };
    }),
  );
  return list.filter((f): f is Friend => !!f);
}

export async function loadApplications(tx: Tx, me: UserID): Promise<FriendApplication[]> {
  const incoming = await tx.objectStore('applications').index('to').getAll(me);
  const outgoing = await tx.objectStore('applications').getAll(prefix(me));
  return Promise.all(
    [...incoming, ...outgoing].map(async (a) => {
      const other = a.from === me ? a.to : a.from;
      const profile: UserProfile | undefined = await tx.objectStore('users').get(other);
      return {
        userID: other,
        nick: profile?.nick ?? '',
        avatar: profile?.avatar ?? '',
        wording: a.wording,
        type: a.from === me ? 'Pendency_Type_SendOut' : 'Pendency_Type_ComeIn',
        time: a.time,
      } as FriendApplication;
    }),
  );
}

export async function loadBlacklist(tx: Tx, me: UserID): Promise<UserID[]> {
  return (await tx.objectStore('blocks').getAll(prefix(me))).map((b) => b.userID);
}
