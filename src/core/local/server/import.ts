/**
 * Server side of `bulkImport` (and the demo seed): many trusted messages in one transaction, stamped and
 * fanned out as if each had been sent.
 */
import type { MessageType, UserID, UserProfile } from '../../types.js';
import { c2cKey, conversationIDOf, groupKey, newConversation, newID, type StoredMessage, type WriteTx } from '../database.js';
import { audience, countUnread, newMessageRecord } from './send.js';

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
