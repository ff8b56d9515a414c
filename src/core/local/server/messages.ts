/**
 * Server side of reading: who sees which conversation and message, and history pages. Writes load on
 * first use: sending in `send.ts`, imports in `import.ts`, read marks, recalls, edits, deletions and
 * conversation settings in `changes.ts`. Each function validates first and writes after, so a refusal
 * aborts a transaction that has written nothing.
 */
import type { ConversationID, UserID } from '../../types.js';
import { ChatError, ChatErrorCode as E } from '../../errors.js';
import { parseConversationID } from '../../validation.js';
import { conversationIDOf, newConversation, type ConversationRecord, type StoredMessage, type Tx } from '../database.js';

/** Rejects the operation with a service code. */
export function refuse(code: number, message: string): never {
  throw new ChatError(code, message);
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
