/**
 * Server side of reading: who sees which conversation and message, history pages, and marking read.
 * Sending is in `send.ts`, imports in `import.ts`, recalls, edits and deletions in `changes.ts`. Each
 * function validates first and writes after, so a refusal aborts a transaction that has written nothing.
 */
import type { ConversationID, UserID } from '../../types.js';
import { ChatError, ChatErrorCode as E } from '../../errors.js';
import { parseConversationID } from '../../validation.js';
import { conversationIDOf, newConversation, prefix, type ConversationRecord, type StoredMessage, type Tx, type WriteTx } from '../database.js';
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

/** Whether `me` may see `rec`: a participant, and it is not deleted or cleared for them. */
export async function canSee(tx: Tx, me: UserID, rec: StoredMessage | undefined): Promise<boolean> {
  if (!rec || rec.deletedFor.includes(me)) return false;
  if (!(rec.key.startsWith('group:') ? await tx.objectStore('members').get([rec.to, me]) : rec.from === me || rec.to === me)) return false;
  const conv = await tx.objectStore('conversations').get([me, conversationIDOf(rec, me)]);
  return rec.seq > (conv?.clearedSeq ?? 0);
}

/** A message `me` may see; else 20026. */
export async function visible(tx: Tx, me: UserID, ID: string): Promise<StoredMessage> {
  const rec = await tx.objectStore('messages').get(ID);
  return (await canSee(tx, me, rec)) ? rec! : refuse(E.MESSAGE_NOT_FOUND, `No message ${ID}`);
}

/** The owner's record of a conversation they may read (group history needs membership: 10007). */
export async function readable(tx: Tx, me: UserID, conversationID: ConversationID): Promise<ConversationRecord> {
  const conv = await ownConversation(tx, me, conversationID);
  if (conv.key.startsWith('group:') && !(await tx.objectStore('members').get([conv.key.slice(6), me]))) refuse(E.GROUP_NO_PERMISSION, 'Not a group member');
  return conv;
}

/** Up to `count` (1 to 100) messages `me` sees in `range`, walking `direction`, in time order, and
 *  whether that was all. */
export async function walk(tx: Tx, me: UserID, range: IDBKeyRange, direction: 'prev' | 'next', count: number): Promise<[StoredMessage[], boolean]> {
  const found: StoredMessage[] = [];
  count = Math.max(1, Math.min(count, 100));
  let cursor = await tx.objectStore('messages').index('conv').openCursor(range, direction);
  while (cursor && found.length <= count) {
    if (!cursor.value.deletedFor.includes(me)) found.push(cursor.value);
    cursor = await cursor.continue();
  }
  const more = found.length > count;
  found.length = Math.min(found.length, count);
  return [direction === 'prev' ? found.reverse() : found, !more];
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

