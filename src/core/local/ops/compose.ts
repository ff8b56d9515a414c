/**
 * Composing and sending, loaded with the first of them: the commit of an outgoing message, resends,
 * online-only messages, typing indicators (both ways), and the echoes in the outbox as history shows
 * them (after a reload, the first history page that has one loads this module). Typing, or creating an
 * echo, starts fetching this module, so it is there by the time the echo is durable. The echo itself, its
 * copy in the outbox and marking it failed when anything here goes wrong stay in the startup bundle.
 */
import type { ConversationID, Message, SendMessageOptions, UserID } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import { keyOf, read, write, type OutboxRecord, type StoredMessage } from '../database.js';
import { loadExtras, type Client } from '../client.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { publish } from '../publish.js';
import { sleep } from '../faults.js';
import { loadMedia, projectMessages } from '../projection.js';
import { refuse } from '../server/messages.js';
import { admit, commit, newMessageRecord, tick } from '../server/send.js';

const MEDIA_TYPES = ['TIMImageElem', 'TIMFileElem', 'TIMSoundElem', 'TIMVideoFileElem'];
const TYPING_TTL_MS = 10_000;

/** Fills in the pixel size of an image drafted without it, in each of `messages` (its echo and stored
 *  copy); 0×0 when the browser cannot decode it. */
export async function measureImage(image: Blob, messages: Message[]): Promise<void> {
  let size = { width: 0, height: 0 };
  try {
    const bitmap = await createImageBitmap(image);
    size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
  } catch {
    /* not an image the browser decodes */
  }
  for (const message of messages) for (const info of (message.payload as { imageInfoArray: object[] }).imageInfoArray) Object.assign(info, size);
}

/** This user's echoes of one conversation in the outbox, as its newest history page shows them. An
 *  unsent one this instance is not sending was left by an earlier life of the page: it failed (Retry). */
export async function pendingEchoes(c: Client, pending: OutboxRecord[]): Promise<Message[]> {
  await loadMedia(read(c.db), c.media, pending.map((e) => e.message.payload));
  return pending.map(({ ID, message }) => {
    if (!c.outgoing.has(ID)) {
      if (message.status === 'unSend') message = { ...message, status: 'fail', error: { code: E.NETWORK_ERROR, message: 'Not sent before the page closed' } };
      c.outgoing.set(ID, Promise.resolve(message));
    }
    const echo = c.known.get(ID) ?? ({ ...message, payload: c.media.resolve(message.payload) } as Message);
    c.known.set(ID, echo);
    return echo;
  });
}

/** A failed echo becomes unsent again, to be sent once more under the same ID. */
export function prepareResend(c: Client, messageID: string): void {
  c.user();
  const echo = c.known.get(messageID);
  if (echo?.status !== 'fail' || !c.outgoing.has(messageID)) refuse(E.INVALID_MESSAGE, 'Not a failed message');
  const unsent = { ...echo, status: 'unSend' } as Message;
  delete unsent.error;
  c.known.set(messageID, unsent);
}

/** What hears a media message's upload progress (`messageProgress` for its ID); nothing for other types. */
export function uploadProgress(c: Client, { ID, type }: Message): ((progress: number) => void) | undefined {
  return MEDIA_TYPES.includes(type) ? (progress) => c.emitter.emit('messageProgress', { messageID: ID, progress }) : undefined;
}

/** Commits `stored` (the durable echo) once: its ID makes a resend after a lost ack a no-op. */
export async function send(c: Client, me: UserID, stored: Message, options: SendMessageOptions): Promise<Message> {
  const { ID, conversationID, type, payload, atUserList, cloudCustomData, needReadReceipt } = stored;
  const rec = newMessageRecord(ID, keyOf(conversationID, me), me, c.target(conversationID).targetID, type, payload);
  Object.assign(rec, { atUserList, cloudCustomData, needReadReceipt });
  // The "upload". On a slow network (the latency fault) its progress has moved across the delay already.
  if (MEDIA_TYPES.includes(type))
    for (const progress of c.faults.settings.latencyMs ? [1] : [0.25, 0.5, 0.75, 1]) {
      uploadProgress(c, stored)?.(progress);
      await sleep(10);
    }
  c.user(); // still logged in after the "upload"
  const now = c.now();
  if (options.onlineUserOnly) return sendOnline(c, me, rec, now);
  const [final, recipients] = await write(c.db, async (tx): Promise<[StoredMessage, UserID[]]> => {
    await tx.objectStore('outbox').delete(ID);
    const existing = await tx.objectStore('messages').get(ID);
    if (existing) return [existing, []];
    const recipients = await admit(tx, rec, Math.floor(now / 1000));
    await commit(tx, rec, recipients, await tick(tx, now), !options.excludedFromUnreadCount, !options.excludedFromLastMessage);
    return [rec, recipients];
  });
  c.seen.set(ID, final.v);
  publish(c, { to: recipients, ids: [ID], lists: ['conversations'] });
  if (Math.random() < c.faults.settings.dropAckAfterCommit) refuse(E.NETWORK_TIMEOUT, 'The acknowledgement was lost');
  c.outgoing.delete(ID);
  const [message] = await c.project(me, [final]);
  c.emit(me, 'messageUpdated', { messages: [message!] });
  if (recipients.length) c.background(maybeEcho(c, me, final));
  return message!;
}

/** `onlineUserOnly`: checked like a send, never stored, carried by the frame itself. */
async function sendOnline(c: Client, me: UserID, rec: StoredMessage, now: number): Promise<Message> {
  const recipients = await write(c.db, async (tx) => {
    await tx.objectStore('outbox').delete(rec.ID);
    return admit(tx, rec, Math.floor(now / 1000));
  });
  rec.time = Math.floor(now / 1000);
  c.outgoing.delete(rec.ID);
  c.seen.set(rec.ID, 1);
  c.post({ k: 'online', to: recipients, rec });
  const [message] = await c.project(me, [rec]);
  c.emit(me, 'messageUpdated', { messages: [message!] });
  return message!;
}

/** An `onlineUserOnly` message another instance sent: delivered once, never stored. */
export async function receiveOnline(c: Client, me: UserID, rec: StoredMessage): Promise<void> {
  if (c.seen.has(rec.ID)) return;
  c.seen.set(rec.ID, 1);
  c.emit(me, 'messageReceived', { messages: await projectMessages(read(c.db), me, [rec], c.media) });
}

/** C2C text to a seeded bot (profile `customFields.bot`) gets an echo (the bot loads with the extras). */
async function maybeEcho(c: Client, me: UserID, rec: StoredMessage): Promise<void> {
  if (!rec.key.startsWith('c2c:') || rec.type !== 'TIMTextElem' || rec.to === me) return;
  const bot = await read(c.db).objectStore('users').get(rec.to);
  if (bot?.customFields?.bot) await (await loadExtras()).echo(c, me, rec, bot.userID);
}

/** C2C typing indicator: online only, never stored. */
export async function setTyping(c: Client, me: UserID, conversationID: ConversationID, typing: boolean): Promise<void> {
  const { type, targetID } = c.target(conversationID);
  if (type === 'C2C' && targetID !== me) c.post({ k: 'typing', to: targetID, from: me, typing: !!typing });
}

/** `from` is typing to `me` or stopped. Typing never sticks: without a fresh "typing" it clears after
 *  the TTL. */
export function typingOf(c: Client, me: UserID, from: UserID, typing: boolean): void {
  clearTimeout(c.typing.get(from));
  c.typing.delete(from);
  if (typing) c.typing.set(from, setTimeout(() => typingOf(c, me, from, false), TYPING_TTL_MS));
  c.emit(me, 'typingStatus', { conversationID: `C2C${from}`, userID: from, typing });
}
