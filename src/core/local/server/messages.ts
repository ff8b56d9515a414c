/**
 * Server side of messaging: what the service does inside one transaction when a message is sent,
 * imported, recalled, edited, read or deleted. Each function validates first and writes after, so a
 * refusal aborts a transaction that has written nothing.
 */
import { AT_ALL, type ConversationID, type MessageType, type UserID, type UserProfile } from '../../types.js';
import { ChatError, ChatErrorCode as E } from '../../errors.js';
import { parseConversationID } from '../../validation.js';
import {
  c2cKey,
  conversationIDOf,
  groupKey,
  newConversation,
  newID,
  newMessageRecord,
  nextSeq,
  prefix,
  tick,
  type ConversationRecord,
  type StoredMessage,
  type Tx,
  type WriteTx,
} from '../database.js';
import type { Change } from '../change.js';

/** Rejects the operation with a service code. */
export function refuse(code: number, message: string): never {
  throw new ChatError(code, message);
}

/** The users a conversation key reaches: both peers, or every current member of the group. */
export async function audience(tx: Tx, key: string): Promise<UserID[]> {
  if (key.startsWith('c2c:')) return [...new Set(key.slice(4).split('|'))];
  return (await tx.objectStore('members').getAll(prefix(key.slice(6)))).map((m) => m.userID);
}

/** The owner's record of a conversation, or a new one when the target exists; else 2500. */
export async function ownConversation(tx: Tx, me: UserID, conversationID: ConversationID): Promise<ConversationRecord> {
  const existing = await tx.objectStore('conversations').get([me, conversationID]);
  if (existing) return existing;
  const target = parseConversationID(conversationID);
  const valid =
    target?.type === 'C2C'
      ? await tx.objectStore('users').get(target.targetID)
      : target?.type === 'GROUP' && (await tx.objectStore('members').get([target.targetID, me]));
  return valid ? newConversation(me, conversationID) : refuse(E.CONVERSATION_NOT_FOUND, `No conversation ${conversationID}`);
}

/** A message `me` may see (participant, not deleted or cleared for them); else 20026. */
export async function visible(tx: Tx, me: UserID, ID: string): Promise<StoredMessage> {
  const rec = await tx.objectStore('messages').get(ID);
  if (
    rec &&
    !rec.deletedFor.includes(me) &&
    (rec.key.startsWith('group:') ? await tx.objectStore('members').get([rec.to, me]) : rec.from === me || rec.to === me)
  ) {
    const conv = await tx.objectStore('conversations').get([me, conversationIDOf(rec, me)]);
    if (rec.seq > (conv?.clearedSeq ?? 0)) return rec;
  }
  return refuse(E.MESSAGE_NOT_FOUND, `No message ${ID}`);
}

/** Checks that the sender may send `rec`, stamps the sender snapshot, and returns every recipient
 *  (the sender included: their other instances and their conversation record). */
export async function admit(tx: WriteTx, rec: StoredMessage, nowSeconds: number): Promise<UserID[]> {
  const sender = await tx.objectStore('users').get(rec.from);
  rec.nick = sender?.nick ?? '';
  rec.avatar = sender?.avatar ?? '';
  if (rec.key.startsWith('c2c:')) {
    if (!(await tx.objectStore('users').get(rec.to))) refuse(E.INVALID_USER_ID, `No user ${rec.to}`);
    if (await tx.objectStore('blocks').get([rec.to, rec.from])) refuse(E.IN_PEER_BLACKLIST, 'The peer blocked you');
    return audience(tx, rec.key);
  }
  const group = await tx.objectStore('groups').get(rec.to);
  if (!group) refuse(E.GROUP_NOT_FOUND, `No group ${rec.to}`);
  const self = await tx.objectStore('members').get([rec.to, rec.from]);
  if (!self) refuse(E.GROUP_NO_PERMISSION, 'Not a member of the group');
  if (self.muteUntil > nowSeconds || (group.muteAllMembers && self.role === 'Member')) refuse(E.GROUP_MUTED, 'Muted in the group');
  if (group.type === 'AVChatRoom' && rec.atUserList.includes(AT_ALL)) refuse(E.INVALID_PARAMETER, 'No @all in an AVChatRoom');
  rec.nameCard = self.nameCard;
  return audience(tx, rec.key);
}

/** One more unread message for the owner of `conv`, with its @-mention (1 @me, 2 @all, 3 both). */
function countUnread(conv: ConversationRecord, rec: StoredMessage): void {
  conv.unread++;
  const atType = (rec.atUserList.includes(conv.owner) ? 1 : 0) | (rec.atUserList.includes(AT_ALL) ? 2 : 0);
  if (atType) conv.at.push({ messageID: rec.ID, atType: atType as 1 | 2 | 3 });
}

/** Writes `rec` with the next sequence and fans it out to every recipient's conversation record. */
export async function commit(tx: WriteTx, rec: StoredMessage, recipients: UserID[], ms: number, counts = true, last = true): Promise<void> {
  rec.seq = await nextSeq(tx, rec.key);
  rec.time = Math.floor(ms / 1000);
  rec.ms = rec.chg = ms;
  rec.v = 1;
  await tx.objectStore('messages').put(rec);
  const convs = tx.objectStore('conversations');
  await Promise.all(
    recipients.map(async (owner) => {
      const id = conversationIDOf(rec, owner);
      const conv = (await convs.get([owner, id])) ?? newConversation(owner, id);
      conv.hidden = false;
      if (last) {
        conv.last = rec.ID;
        conv.activity = ms;
      }
      if (owner !== rec.from && counts) countUnread(conv, rec);
      await convs.put(conv);
    }),
  );
}

/** A message for `bulkImport`: trusted, not validated beyond shape. */
export interface ImportedMessage {
  from: UserID;
  /** Peer userID (C2C) or groupID (GROUP). */
  to: string;
  conversationType?: 'C2C' | 'GROUP';
  /** Default 'TIMTextElem'. */
  type?: MessageType;
  /** Media URLs as `local:<uuid>` of a blob passed to `bulkImport`. */
  payload: unknown;
  /** Seconds; default now. Raised if needed so time never decreases along the sequence. */
  time?: number;
  ID?: string;
  cloudCustomData?: string;
  atUserList?: UserID[];
  needReadReceipt?: boolean;
  isRevoked?: boolean;
  revoker?: StoredMessage['revoker'];
  isModified?: boolean;
}

/**
 * The bulk path: many messages in this one transaction, one fan-out per conversation. Requests are
 * queued without awaiting each (the transaction keeps their order), which is what makes 100,000 fast.
 */
export async function importMessages(tx: WriteTx, items: readonly ImportedMessage[], now: number, read: boolean): Promise<string[]> {
  const senders = new Map<UserID, UserProfile | undefined>();
  const ids: string[] = [];
  const byKey = new Map<string, StoredMessage[]>();
  for (const item of items) {
    const group = item.conversationType === 'GROUP';
    const key = group ? groupKey(item.to) : c2cKey(item.from, item.to);
    if (!senders.has(item.from)) senders.set(item.from, await tx.objectStore('users').get(item.from));
    const rec = Object.assign(newMessageRecord(item.ID ?? newID(), key, item.from, item.to, item.type ?? 'TIMTextElem', item.payload), {
      time: item.time ?? Math.floor(now / 1000),
      atUserList: item.atUserList ?? [],
      cloudCustomData: item.cloudCustomData ?? '',
      needReadReceipt: item.needReadReceipt ?? false,
      isRevoked: item.isRevoked ?? false,
      isModified: item.isModified ?? false,
    });
    if (item.revoker) rec.revoker = item.revoker;
    byKey.get(key)?.push(rec) ?? byKey.set(key, [rec]);
    ids.push(rec.ID);
  }
  const meta = tx.objectStore('meta');
  let clock = ((await meta.get('clock')) as number | undefined) ?? 0;
  const messages = tx.objectStore('messages').raw;
  const convs = tx.objectStore('conversations');
  for (const [key, recs] of byKey) {
    recs.sort((a, b) => a.time - b.time);
    let seq = (await tx.objectStore('counters').get(key)) ?? 0;
    const previous = seq ? await tx.objectStore('messages').index('conv').get([key, seq]) : undefined;
    let ms = (previous?.time ?? 0) * 1000;
    for (const rec of recs) {
      const sender = senders.get(rec.from);
      rec.nick = sender?.nick ?? '';
      rec.avatar = sender?.avatar ?? '';
      ms = Math.max(rec.time * 1000, ms + 1);
      rec.time = Math.floor(ms / 1000);
      rec.seq = ++seq;
      rec.ms = ms;
      delete rec.chg;
      messages.put(rec);
    }
    clock = Math.max(clock, ms);
    await tx.objectStore('counters').put(seq, key);
    const last = recs[recs.length - 1]!;
    for (const owner of await audience(tx, key)) {
      const id = conversationIDOf(last, owner);
      const conv = (await convs.get([owner, id])) ?? newConversation(owner, id);
      Object.assign(conv, { hidden: false, last: last.ID, activity: ms });
      if (read) Object.assign(conv, { readSeq: seq, unread: 0, at: [] });
      else
        for (const rec of recs) if (rec.from !== owner && rec.type !== 'TIMGroupTipElem') countUnread(conv, rec);
      await convs.put(conv);
    }
  }
  await meta.put(clock, 'clock');
  return ids;
}

/** Recall for everyone: the sender within the window, or a group owner/admin at any time. */
export async function revoke(tx: WriteTx, me: UserID, ID: string, now: number, windowSeconds: number): Promise<[StoredMessage, Change]> {
  const rec = await visible(tx, me, ID);
  if (rec.isRevoked) return [rec, { to: [] }];
  const group = rec.key.startsWith('group:');
  if (rec.from === me) {
    if (now / 1000 - rec.time > windowSeconds)
      refuse(group ? E.GROUP_REVOKE_TIME_LIMIT : E.REVOKE_TIME_LIMIT, 'Past the recall window');
  } else {
    const role = group ? (await tx.objectStore('members').get([rec.to, me]))?.role : undefined;
    if (role !== 'Owner' && role !== 'Admin') refuse(group ? E.GROUP_NO_PERMISSION : E.MSG_REVOKE_FAIL, 'Not your message');
  }
  const user = await tx.objectStore('users').get(me);
  rec.isRevoked = true;
  rec.revoker = { userID: me, nick: user?.nick ?? '', avatar: user?.avatar ?? '' };
  rec.v++;
  rec.chg = await tick(tx, now);
  await tx.objectStore('messages').put(rec);
  return [rec, { to: await audience(tx, rec.key), ids: [ID], lists: ['conversations'] }];
}

/** Edits an own text/custom message. `basis` is the version the editor saw: a newer one is a conflict (2480). */
export async function modify(
  tx: WriteTx,
  me: UserID,
  ID: string,
  basis: number | undefined,
  patch: { payload?: object; cloudCustomData?: string },
  now: number,
): Promise<[StoredMessage, Change]> {
  const rec = await visible(tx, me, ID);
  if (rec.from !== me || rec.isRevoked || (patch.payload && rec.type !== 'TIMTextElem' && rec.type !== 'TIMCustomElem'))
    refuse(E.INVALID_MESSAGE, 'Only your own text or custom messages can be edited');
  if (basis !== undefined && basis !== rec.v) throw new ChatError(E.MSG_MODIFY_CONFLICT, 'Modified meanwhile', { record: rec });
  if (patch.payload) rec.payload = { ...(rec.payload as object), ...patch.payload };
  if (patch.cloudCustomData !== undefined) rec.cloudCustomData = patch.cloudCustomData;
  rec.isModified = true;
  rec.v++;
  rec.chg = await tick(tx, now);
  await tx.objectStore('messages').put(rec);
  return [rec, { to: await audience(tx, rec.key), ids: [ID], lists: ['conversations'] }];
}

/** Everything up to the last sequence is read: unread 0, manual mark and @ info cleared. */
export async function markRead(tx: WriteTx, me: UserID, conversationID: ConversationID): Promise<Change> {
  const conv = await ownConversation(tx, me, conversationID);
  const upto = (await tx.objectStore('counters').get(conv.key)) ?? 0;
  const after = conv.readSeq;
  Object.assign(conv, { readSeq: Math.max(after, upto), unread: 0, marked: false, at: [] });
  await tx.objectStore('conversations').put(conv);
  return {
    to: after < upto ? await audience(tx, conv.key) : [me],
    read: { key: conv.key, reader: me, after, upto },
    lists: ['conversations'],
  };
}

/** The newest message of `conv` the owner still sees, after deletions. */
async function lastVisible(tx: WriteTx, conv: ConversationRecord): Promise<string> {
  let cursor = await tx.objectStore('messages').index('conv').openCursor(IDBKeyRange.bound([conv.key, conv.clearedSeq + 1], [conv.key, Infinity]), 'prev');
  while (cursor && cursor.value.deletedFor.includes(conv.owner)) cursor = await cursor.continue();
  return cursor?.value.ID ?? '';
}

/** Delete for me: the messages stay for everyone else. */
export async function deleteForMe(tx: WriteTx, me: UserID, ids: string[]): Promise<Change> {
  const recs = await Promise.all(ids.map((id) => visible(tx, me, id)));
  const conversationID = conversationIDOf(recs[0]!, me);
  if (recs.some((r) => r.key !== recs[0]!.key)) refuse(E.INVALID_PARAMETER, 'Messages of different conversations');
  for (const rec of recs) {
    rec.deletedFor.push(me);
    await tx.objectStore('messages').put(rec);
  }
  const conv = await ownConversation(tx, me, conversationID);
  if (ids.includes(conv.last)) {
    conv.last = await lastVisible(tx, conv);
    await tx.objectStore('conversations').put(conv);
  }
  return { to: [me], deleted: { conversationID, ids }, lists: ['conversations'] };
}

/** Clears the owner's history (and with `hide`, removes the conversation from their list). */
export async function clearConversation(tx: WriteTx, me: UserID, conversationID: ConversationID, history: boolean, hide: boolean): Promise<Change> {
  const conv = await ownConversation(tx, me, conversationID);
  const seq = (await tx.objectStore('counters').get(conv.key)) ?? 0;
  Object.assign(conv, { unread: 0, at: [], marked: false, readSeq: Math.max(conv.readSeq, seq) });
  if (history) Object.assign(conv, { clearedSeq: seq, last: '' });
  if (hide) Object.assign(conv, { hidden: true, pinned: false, draft: '' });
  await tx.objectStore('conversations').put(conv);
  return { to: [me], lists: ['conversations'], ...(history ? { deleted: { conversationID, ids: 'all' as const } } : {}) };
}

/** Pin, draft, remind type, manual unread mark: the owner's own view of a conversation. */
export async function patchConversation(
  tx: WriteTx,
  me: UserID,
  conversationID: ConversationID,
  patch: Partial<Pick<ConversationRecord, 'pinned' | 'draft' | 'remind' | 'marked'>>,
): Promise<Change> {
  const conv = await ownConversation(tx, me, conversationID);
  await tx.objectStore('conversations').put({ ...conv, ...patch, hidden: conv.hidden && !patch.pinned && !patch.draft });
  return { to: [me], lists: ['conversations'] };
}
