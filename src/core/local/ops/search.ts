/**
 * LocalCore's searches, loaded on first use with the message index (`search-index.ts`), and the history
 * around a message found or quoted (the message, then pages older and newer).
 */
import type { ConversationID, GroupProfile, Message, MessageHopPage, SearchMessagesParams, SearchMessagesResult, UserID, UserProfile } from '../../types.js';
import { ChatErrorCode as E } from '../../errors.js';
import { keyOf, prefix, read, type StoredMessage } from '../database.js';
import type { Client } from '../client.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { loadJoinedGroups } from '../projection.js';
import { buildIndex, searchPage } from '../search-index.js';
import { readable, refuse, visible, walk } from '../server/messages.js';

/**
 * Pages over the matching messages, newest first (`count` messages a page, `cursor` is an offset). Each
 * page is grouped per conversation in order of its newest hit; `messageCount` is the conversation's
 * hits over the whole result, and `messageList` always holds the page's hits (globally too: LocalCore
 * returns the messages where Tencent would return only counts). Empty keywords match everything, so
 * type or sender filters alone work. The index is built on first use, then kept current.
 */
export async function searchMessages(c: Client, me: UserID, params: SearchMessagesParams): Promise<SearchMessagesResult> {
  if (params.conversationID) c.target(params.conversationID);
  const index = await (c.search ??= buildIndex(c.db, me));
  const key = params.conversationID && keyOf(params.conversationID, me);
  const { page, counts, totalCount, cursor } = searchPage(index, params, key, c.secondsNow());
  const tx = read(c.db);
  const recs = await Promise.all(page.map((hit) => tx.objectStore('messages').get(hit.ID)));
  const groups = new Map<ConversationID, SearchMessagesResult['resultList'][number]>();
  for (const message of await c.project(me, recs.filter((r): r is StoredMessage => !!r), tx)) {
    let group = groups.get(message.conversationID);
    if (!group) groups.set(message.conversationID, (group = { conversationID: message.conversationID, messageCount: counts.get(keyOf(message.conversationID, me)) ?? 0, messageList: [] }));
    group.messageList.push(message);
  }
  return { resultList: [...groups.values()], totalCount, cursor };
}

/** Friends, conversation peers and joined groups whose ID, nick, remark or name contains `keyword`. */
export async function searchContacts(c: Client, me: UserID, keyword: string): Promise<{ users: UserProfile[]; groups: GroupProfile[] }> {
  const word = String(keyword).normalize('NFKC').toLowerCase().trim();
  const users: UserProfile[] = [];
  if (!word) return { users, groups: [] };
  const tx = read(c.db);
  const matches = (...texts: string[]) => texts.some((t) => t.normalize('NFKC').toLowerCase().includes(word));
  const remarks = new Map((await tx.objectStore('friends').getAll(prefix(me))).map((f) => [f.userID, f.remark]));
  const peers = (await tx.objectStore('conversations').getAll(prefix(me))).filter((conv) => conv.key.startsWith('c2c:')).map((conv) => conv.conversationID.slice(3));
  // All requests queued at once: awaiting each in turn costs a round trip apiece (60 ms for 200 peers).
  const candidates = [...new Set([...remarks.keys(), ...peers, word])];
  const profiles = await Promise.all(candidates.map((userID) => tx.objectStore('users').get(userID)));
  for (const profile of profiles)
    if (profile && (profile.userID === word || matches(profile.userID, profile.nick, remarks.get(profile.userID) ?? ''))) users.push(profile);
  const joined = await loadJoinedGroups(tx, me);
  return { users, groups: joined.filter((g) => matches(g.groupID, g.name)) };
}

/** One message `me` sees, by conversation and ID (20026 otherwise). */
export async function getMessage(c: Client, me: UserID, conversationID: ConversationID, messageID: string): Promise<Message> {
  const tx = read(c.db);
  const rec = await visible(tx, me, messageID);
  if (keyOf(conversationID, me) !== rec.key) refuse(E.MESSAGE_NOT_FOUND, `No message ${messageID} in ${conversationID}`);
  return (await c.project(me, [rec], tx))[0]!;
}

/** Messages strictly older or newer than an anchor message, for a window opened around it. */
export async function getMessageListHopping(
  c: Client,
  me: UserID,
  { conversationID, messageID, direction, count = 15 }: { conversationID: ConversationID; messageID: string; direction: 'older' | 'newer'; count?: number },
): Promise<MessageHopPage> {
  c.target(conversationID);
  const tx = read(c.db);
  const conv = await readable(tx, me, conversationID);
  const anchor = await visible(tx, me, messageID);
  if (anchor.key !== conv.key) refuse(E.MESSAGE_NOT_FOUND, 'Anchor of another conversation');
  const older = direction === 'older';
  const range = older
    ? IDBKeyRange.bound([conv.key, conv.clearedSeq + 1], [conv.key, anchor.seq], false, true)
    : IDBKeyRange.bound([conv.key, anchor.seq], [conv.key, Infinity], true);
  const [recs, isCompleted] = await walk(tx, me, range, older ? 'prev' : 'next', count);
  return { messageList: await c.project(me, recs, tx), isCompleted };
}
