/**
 * Server side of writing messages, loaded with the first send (or group change, import, recall): new
 * records, the service clock and sequences they are stamped with, whether a sender may send, and the
 * commit that fans a message out to every recipient's conversation record.
 */
import type { MessageType, UserID } from '../../types.js';
import { AT_ALL } from '../../validation.js';
import { ChatErrorCode as E } from '../../errors.js';
import { conversationIDOf, newConversation, prefix, type ConversationRecord, type StoredMessage, type Tx, type WriteTx } from '../database.js';
import { refuse } from './messages.js';

/** A message record before commit (sequence, time and change stamp come from `commit`). */
export const newMessageRecord = (
  ID: string,
  key: string,
  from: UserID,
  to: string,
  type: MessageType,
  payload: unknown,
): StoredMessage => ({
  ID,
  key,
  seq: 0,
  time: 0,
  ms: 0,
  chg: 0,
  v: 1,
  from,
  to,
  type,
  payload,
  nick: '',
  avatar: '',
  nameCard: '',
  atUserList: [],
  cloudCustomData: '',
  needReadReceipt: false,
  isRevoked: false,
  isModified: false,
  deletedFor: [],
});

/**
 * The service's hybrid clock: strictly increasing across every commit of every tab, never behind the
 * wall clock. Times and sequences come from here, never from a sender's raw clock.
 */
export async function tick(tx: WriteTx, now: number): Promise<number> {
  const meta = tx.objectStore('meta');
  const ms = Math.max(now, (((await meta.get('clock')) as number | undefined) ?? 0) + 1);
  await meta.put(ms, 'clock');
  return ms;
}

/** Next sequence of a conversation key. */
export async function nextSeq(tx: WriteTx, key: string): Promise<number> {
  const seq = ((await tx.objectStore('counters').get(key)) ?? 0) + 1;
  await tx.objectStore('counters').put(seq, key);
  return seq;
}


/** The users a conversation key reaches: both peers, or every current member of the group. */
export async function audience(tx: Tx, key: string): Promise<UserID[]> {
  if (key.startsWith('c2c:')) return [...new Set(key.slice(4).split('|'))];
  return (await tx.objectStore('members').getAll(prefix(key.slice(6)))).map((m) => m.userID);
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
export function countUnread(conv: ConversationRecord, rec: StoredMessage): void {
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
