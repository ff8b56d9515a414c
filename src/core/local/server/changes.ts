/**
 * Server side of changes to what exists: recalling, editing and deleting messages, and a user's own
 * state of a conversation (pin, draft, remind type, unread mark, clear, delete). Loaded on first use.
 */
import type { ConversationID, UserID } from '../../types.js';
import { ChatError, ChatErrorCode as E } from '../../errors.js';
import { conversationIDOf, type ConversationRecord, type StoredMessage, type WriteTx } from '../database.js';
import type { Change } from '../change.js';
import { ownConversation, refuse, visible } from './messages.js';
import { audience, tick } from './send.js';

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
