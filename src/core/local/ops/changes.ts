/**
 * LocalCore operations that change what exists, loaded on first use: read marks and receipts,
 * recalling, editing and deleting messages, merged-forward bodies, a user's own state of a conversation,
 * and profiles; with the events other instances emit for such changes. Each is called by `LocalCore` inside `Client.op` (session, faults and network checked).
 */
import type { ConversationID, CustomPayload, MergerPayload, Message, MessageRemindType, ProfilePatch, TextPayload, UserID, UserProfile } from '../../types.js';
import { ChatError, ChatErrorCode as E } from '../../errors.js';
import { Limits, utf8Bytes } from '../../validation.js';
import { keyOf, read, write, type StoredMessage, type WriteTx } from '../database.js';
import type { Change } from '../change.js';
import { loadGroups, REVOKE_WINDOW_SECONDS, type Client } from '../client.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { commit, publish } from '../publish.js';
import { loadMedia, projectMessages, receiptOf } from '../projection.js';
import { refuse, visible } from '../server/messages.js';
import * as server from '../server/changes.js';

// ───────────────────────────── conversations ─────────────────────────────

/** A change to the user's own view of a conversation; resolves once the snapshot is re-read. */
async function ownView(c: Client, conversationID: ConversationID, work: (tx: WriteTx) => Promise<Change>): Promise<void> {
  c.target(conversationID);
  publish(c, await write(c.db, work));
  await c.touch('conversations');
}

export const markConversationRead = (c: Client, me: UserID, conversationID: ConversationID) =>
  ownView(c, conversationID, (tx) => server.markRead(tx, me, conversationID));

export const deleteConversation = (c: Client, me: UserID, conversationID: ConversationID, options: { clearHistory?: boolean } = {}) =>
  ownView(c, conversationID, (tx) => server.clearConversation(tx, me, conversationID, options.clearHistory !== false, true));

export const clearHistory = (c: Client, me: UserID, conversationID: ConversationID) =>
  ownView(c, conversationID, (tx) => server.clearConversation(tx, me, conversationID, true, false));

export const pinConversation = (c: Client, me: UserID, conversationID: ConversationID, isPinned: boolean) =>
  ownView(c, conversationID, (tx) => server.patchConversation(tx, me, conversationID, { pinned: !!isPinned }));

export const markConversationUnread = (c: Client, me: UserID, conversationID: ConversationID, unread: boolean) =>
  ownView(c, conversationID, (tx) => server.patchConversation(tx, me, conversationID, { marked: !!unread }));

export const setConversationDraft = (c: Client, me: UserID, conversationID: ConversationID, draftText: string) =>
  ownView(c, conversationID, (tx) => {
    if (typeof draftText !== 'string' || utf8Bytes(draftText) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Draft too long');
    return server.patchConversation(tx, me, conversationID, { draft: draftText });
  });

export const setMessageRemindType = (c: Client, me: UserID, conversationID: ConversationID, type: MessageRemindType) =>
  ownView(c, conversationID, (tx) => {
    if (!['AcceptAndNotify', 'AcceptNotNotify', 'Discard'].includes(type)) refuse(E.INVALID_PARAMETER, 'Invalid remind type');
    return server.patchConversation(tx, me, conversationID, { remind: type });
  });

// ───────────────────────────── messages ─────────────────────────────

/** What a committed change means for `me` besides new or changed messages (which the startup code
 *  delivers): read receipts, deletions, group changes and profiles, in that order. `local`: this
 *  instance made the change itself. */
export async function changed(c: Client, me: UserID, change: Change, local: boolean): Promise<void> {
  if (change.read && change.read.reader !== me) await receipts(c, me, change.read);
  if (change.deleted) await deleted(c, me, change.deleted, local);
  if (change.group) await (await loadGroups()).groupChanged(c, me, change.group);
  if (change.profiles?.length) await profilesChanged(c, me, change.profiles);
}

/** Messages were deleted for `me` (here or on another instance): out of the search index, and an event
 *  for the instances that did not do it. */
async function deleted(c: Client, me: UserID, { conversationID, ids }: NonNullable<Change['deleted']>, local: boolean): Promise<void> {
  const index = await c.search;
  if (ids === 'all') index?.removeConversation(keyOf(conversationID, me), Infinity);
  else for (const id of ids) index?.remove(id);
  if (!local) c.emit(me, 'messageDeleted', { conversationID, messageIDs: ids });
}

/** Someone updated their profile. */
async function profilesChanged(c: Client, me: UserID, userIDs: UserID[]): Promise<void> {
  const tx = read(c.db);
  const profiles = await Promise.all(userIDs.map((id) => tx.objectStore('users').get(id)));
  c.emit(me, 'profileUpdated', { profiles: profiles.filter((p): p is UserProfile => !!p) });
}

/** Read receipts refresh at most this many of the newest messages in the read range. */
const RECEIPT_WINDOW = 200;

/** Someone read a conversation: my messages in the range change isPeerRead / receipt counts. */
async function receipts(c: Client, me: UserID, { key, after, upto }: NonNullable<Change['read']>): Promise<void> {
  const tx = read(c.db);
  const range = IDBKeyRange.bound([key, after + 1], [key, upto]);
  const mine = (await tx.objectStore('messages').index('conv').getAll(range))
    .filter((m) => m.from === me && !m.deletedFor.includes(me) && (key.startsWith('c2c:') || m.needReadReceipt))
    .slice(-RECEIPT_WINDOW);
  if (mine.length) c.emit(me, 'messageUpdated', { messages: await c.project(me, mine, tx) });
}

/** Re-projects a record this instance changed itself and remembers its version (no self-event). */
async function changedHere(c: Client, me: UserID, rec: StoredMessage): Promise<Message> {
  c.seen.set(rec.ID, rec.v);
  const [message] = await projectMessages(read(c.db), me, [rec], c.media);
  c.known.set(rec.ID, message!);
  (await c.search)?.put(rec);
  return message!;
}

export async function revokeMessage(c: Client, me: UserID, messageID: string): Promise<void> {
  const [rec, change] = await write(c.db, (tx) => server.revoke(tx, me, messageID, c.now(), REVOKE_WINDOW_SECONDS));
  await changedHere(c, me, rec);
  publish(c, change);
}

export async function modifyMessage(c: Client, me: UserID, messageID: string, patch: { payload?: TextPayload | CustomPayload; cloudCustomData?: string }): Promise<Message> {
  const known = c.known.get(messageID);
  let payload: object | undefined;
  if (patch.payload) {
    const p = patch.payload as Partial<TextPayload & CustomPayload>;
    payload = known?.type === 'TIMCustomElem' ? { data: p.data ?? '', description: p.description ?? '', extension: p.extension ?? '' } : { text: p.text };
    const values = Object.values(payload);
    if (values.some((v) => typeof v !== 'string')) refuse(E.INVALID_MESSAGE, 'Invalid payload');
    if (utf8Bytes(values.join('')) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'Message body too large');
  }
  if (patch.cloudCustomData !== undefined && utf8Bytes(String(patch.cloudCustomData)) > Limits.TEXT_BYTES) refuse(E.BODY_TOO_LARGE, 'cloudCustomData too large');
  const clean = { ...(payload ? { payload } : {}), ...(patch.cloudCustomData !== undefined ? { cloudCustomData: String(patch.cloudCustomData) } : {}) };
  try {
    const [rec, change] = await write(c.db, (tx) => server.modify(tx, me, messageID, c.seen.get(messageID), clean, c.now()));
    const message = await changedHere(c, me, rec);
    publish(c, change);
    return message;
  } catch (error) {
    const record = (error as ChatError).data?.record as StoredMessage | undefined;
    if (!record) throw error;
    throw new ChatError(E.MSG_MODIFY_CONFLICT, 'Modified meanwhile', { message: await changedHere(c, me, record) });
  }
}

/** Delete for me; unsent and failed echoes are simply discarded. */
export async function deleteMessages(c: Client, me: UserID, messageIDs: string[]): Promise<void> {
  const committed = messageIDs.filter((id) => c.known.get(id)?.status !== 'unSend' && c.known.get(id)?.status !== 'fail');
  for (const id of messageIDs) if (!committed.includes(id)) c.discard(id);
  if (!committed.length) return;
  publish(c, await write(c.db, (tx) => server.deleteForMe(tx, me, committed)));
  for (const id of committed) c.known.delete(id);
  const index = await c.search;
  for (const id of committed) index?.remove(id);
}

export async function downloadMergerMessage(c: Client, me: UserID, messageID: string): Promise<MergerPayload['messageList']> {
  const tx = read(c.db);
  const message = c.known.get(messageID) ?? (await c.project(me, [await visible(tx, me, messageID)], tx))[0]!;
  if (message.type !== 'TIMRelayElem') refuse(E.INVALID_MESSAGE, 'Not a merged message');
  const { messageList, downloadKey } = message.payload as MergerPayload;
  if (!downloadKey) return messageList;
  const body = ((await tx.objectStore('blobs').get(downloadKey)) ?? []) as MergerPayload['messageList'];
  await loadMedia(tx, c.media, [body]);
  return c.media.resolve(body);
}

export async function getGroupMessageReadMembers(c: Client, me: UserID, messageID: string): Promise<{ read: UserID[]; unread: UserID[] }> {
  const tx = read(c.db);
  const rec = await visible(tx, me, messageID);
  if (!rec.key.startsWith('group:') || rec.from !== me || !rec.needReadReceipt) refuse(E.INVALID_MESSAGE, 'Not an own group message with receipts');
  return receiptOf(tx, rec);
}

// ───────────────────────────── profile ─────────────────────────────

const LIMITS: Record<string, number> = { nick: Limits.NICK_BYTES, avatar: Limits.AVATAR_URL_BYTES, selfSignature: Limits.SIGNATURE_BYTES, location: Limits.LOCATION_BYTES };
const CHOICES: Record<string, string[]> = {
  gender: ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'],
  allowType: ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'],
};

/** Every field is checked before anything is saved. */
export async function updateMyProfile(c: Client, me: UserID, patch: ProfilePatch): Promise<UserProfile> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === undefined) continue;
    const ok = key in LIMITS ? typeof value === 'string' && utf8Bytes(value) <= LIMITS[key]! : key in CHOICES ? CHOICES[key]!.includes(value as string) : key === 'birthday' && Number.isInteger(value);
    if (!ok) refuse(E.INVALID_PARAMETER, `Invalid profile field ${key}`);
    clean[key] = value;
  }
  const profile = await commit(c, async (tx) => {
    const next = { ...(await tx.objectStore('users').get(me))!, ...clean };
    await tx.objectStore('users').put(next);
    return [next, { to: '*', profiles: [me], lists: ['conversations', 'friends'] }];
  });
  c.profile = profile;
  return profile;
}
