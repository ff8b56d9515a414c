/**
 * The store's actions that wait for a user action on a secondary screen or menu, or for a rare event:
 * the profile, contact, group, search and conversation-menu screens (lazy chunks themselves), the message
 * actions (forward, recall, edit, delete, read receipts, chat records), the history around a message (a
 * search result or a quote, and that window's paging), and the outbox's second tries (resend, discard,
 * the automatic resend after a reconnect). Loaded on the first call of one of them, so the first screen
 * does not carry them. (What an open chat calls by itself, its composer's loads included, stays in
 * `chat-store.ts`.) `ChatStore` offers them as methods (`LAZY_ACTIONS`), which run them here with the
 * store's internals.
 *
 * @internal Not exported from the package: call them through `ChatStore`.
 */
import { ChatError, ChatErrorCode, classifyError, toChatError } from '../core/first-screen.js';
import type {
  CustomPayload,
  Message,
  TextPayload,
  AddFriendResult,
  ChatCore,
  ConversationID,
  CreateGroupOptions,
  FriendApplication,
  GroupID,
  GroupProfile,
  GroupProfilePatch,
  MessageHopPage,
  ProfilePatch,
  SearchMessagesParams,
  UserID,
  UserProfile,
} from '../core/index.js';
import type {
  emptyWindow,
  mergeMessages,
  Tombstones,
  withLive,
  withoutMessages,
  withRevoked,
  withUpdates,
} from './message-window.js';
import type { MessageWindow, StoreState, withEntry } from './state.js';
import type { ChatStore } from './chat-store.js';

type LoadableKey = 'conversations' | 'friends' | 'blacklist' | 'applications' | 'joinedGroups';

/**
 * What the actions reach of a store besides its public API. The state helpers come through here too: this
 * module imports nothing of the store at run time, so the store's modules stay in one chunk.
 */
export interface StoreInternals {
  readonly emptyWindow: typeof emptyWindow;
  readonly mergeMessages: typeof mergeMessages;
  readonly withLive: typeof withLive;
  readonly withEntry: typeof withEntry;
  readonly withoutMessages: typeof withoutMessages;
  readonly withRevoked: typeof withRevoked;
  readonly withUpdates: typeof withUpdates;
  /** Recalls seen before their message. */
  readonly tombstones: Tombstones;
  /** Automatic resends so far, by message ID (the store forgets a message's count once it is sent). */
  readonly autoRetries: Map<string, number>;
  /** Shows an outgoing message as pending, runs the send, and puts the outcome in place. */
  dispatch(pending: Message, run: () => Promise<Message>): Promise<Message>;
  readonly store: ChatStore;
  readonly core: ChatCore;
  set(patch: Partial<StoreState>): void;
  load<T>(key: LoadableKey, fetch: () => Promise<T>, apply: (value: T) => void): Promise<void>;
  learnProfiles(profiles: readonly UserProfile[], override: boolean): void;
  applyGroups(groups: readonly GroupProfile[]): void;
  applyGroupList(list: readonly GroupProfile[]): void;
  /** Runs one load at a time per key; concurrent callers share the promise. */
  once<T>(key: string, run: () => Promise<T>): Promise<T>;
  updateWindow(conversationID: ConversationID, update: (w: MessageWindow) => MessageWindow): MessageWindow;
}

// ───────────────────────────── conversations ─────────────────────────────

export async function clearHistory(s: StoreInternals, conversationID: ConversationID): Promise<void> {
  await s.core.clearHistory(conversationID);
  s.updateWindow(conversationID, (w) => s.withoutMessages(w, 'all'));
}

export async function deleteConversation(s: StoreInternals, conversationID: ConversationID): Promise<void> {
  await s.core.deleteConversation(conversationID);
  const state = s.store.state;
  s.set({
    conversations: { ...state.conversations, value: state.conversations.value.filter((c) => c.conversationID !== conversationID) },
    windows: s.withEntry(state.windows, conversationID, undefined),
  });
}

// ───────────────────────────── history around a message ─────────────────────────────

export async function openAround(s: StoreInternals, conversationID: ConversationID, messageID: string, count: number): Promise<MessageWindow> {
  const existing = s.store.state.windows.get(conversationID);
  if (existing?.status === 'ready' && existing.messages.some((m) => m.ID === messageID)) return existing;
  return s.once(`around:${conversationID}:${messageID}`, async () => {
    s.updateWindow(conversationID, () => ({ ...(existing ?? s.emptyWindow(conversationID)), status: 'loading', error: undefined }));
    try {
      const anchor = await s.core.getMessage(conversationID, messageID);
      const [older, newer] = await Promise.all([
        s.core.getMessageListHopping({ conversationID, messageID, direction: 'older', count }),
        s.core.getMessageListHopping({ conversationID, messageID, direction: 'newer', count }),
      ]);
      const window = windowAround(s, conversationID, anchor, older, newer);
      // A window that reaches the newest message keeps the outbox's unconfirmed messages.
      const pending = (existing?.messages ?? []).filter((m) => m.flow === 'out' && m.status !== 'success');
      return s.updateWindow(conversationID, () => (window.hasNewer ? window : s.withLive(window, pending)));
    } catch (error) {
      const e = toChatError(error);
      // A history on screen stays there (a quote of a deleted message, a stale search hit): only the jump
      // failed, and the caller reports it. Without one, the window says why it could not open.
      s.updateWindow(conversationID, (w) => (existing?.status === 'ready' ? { ...w, status: 'ready' } : { ...w, status: 'error', error: e }));
      throw e;
    }
  });
}

/** A window opened around one message (jump to message): a page either side of the anchor. */
function windowAround(
  s: StoreInternals,
  conversationID: ConversationID,
  anchor: Message,
  older: MessageHopPage,
  newer: MessageHopPage,
): MessageWindow {
  return {
    ...s.emptyWindow(conversationID),
    messages: s.mergeMessages([], [...older.messageList, anchor, ...newer.messageList], { tombstones: s.tombstones }),
    status: 'ready',
    hasOlder: !older.isCompleted,
    hasNewer: !newer.isCompleted,
  };
}

/** A page of messages older or newer than the window's ends, fetched by hopping from its edge message. */
function withHop(s: StoreInternals, window: MessageWindow, page: MessageHopPage, direction: 'older' | 'newer'): MessageWindow {
  const messages = s.mergeMessages(window.messages, page.messageList, { tombstones: s.tombstones });
  return direction === 'older'
    ? { ...window, messages, loadingOlder: false, hasOlder: !page.isCompleted, olderCursor: '' }
    : { ...window, messages, loadingNewer: false, hasNewer: !page.isCompleted, newerFrom: page.isCompleted ? undefined : (page.messageList.at(-1)?.ID ?? window.newerFrom) };
}

/**
 * Pages a window opened around a message, which has no cursor: loads the page older or newer than its edge
 * confirmed message by hopping from it. Resolves false when there is nothing more that way.
 */
export async function hop(s: StoreInternals, conversationID: ConversationID, direction: 'older' | 'newer', count: number): Promise<boolean> {
  const w = s.store.state.windows.get(conversationID);
  const confirmed = w?.messages.filter((m) => m.status === 'success') ?? [];
  const edge = direction === 'older' ? confirmed[0] : (confirmed.find((m) => m.ID === w!.newerFrom) ?? confirmed.at(-1));
  if (!edge || !(direction === 'older' ? w!.hasOlder : w!.hasNewer)) return false;
  const loading = direction === 'older' ? 'loadingOlder' : 'loadingNewer';
  return s.once(`${direction}:${conversationID}`, async () => {
    s.updateWindow(conversationID, (x) => ({ ...x, [loading]: true }));
    try {
      const page = await s.core.getMessageListHopping({ conversationID, messageID: edge.ID, direction, count });
      s.updateWindow(conversationID, (x) => withHop(s, x, page, direction));
      return true;
    } catch (error) {
      s.updateWindow(conversationID, (x) => ({ ...x, [loading]: false }));
      throw toChatError(error);
    }
  });
}

// ───────────────────────────── the outbox's second tries ─────────────────────────────

/** Messages that failed on the network are resent automatically once, when the network comes back. */
const AUTO_RETRY_LIMIT = 1;

/** Sends a failed message again with the same ID: the service dedupes, so a lost ack never duplicates. */
export function resend(s: StoreInternals, messageID: string): Promise<Message> {
  const message = s.store.findMessage(messageID);
  if (!message) return Promise.reject(new ChatError(ChatErrorCode.MESSAGE_NOT_FOUND, 'Unknown message'));
  const pending = { ...message, status: 'unSend' } as Message;
  delete (pending as { error?: unknown }).error;
  return s.dispatch(pending, () => s.core.resendMessage(messageID));
}

/** Drops an unsent or failed message without sending it. */
export function discard(s: StoreInternals, messageID: string): void {
  const message = s.store.findMessage(messageID);
  s.core.discardMessage(messageID);
  if (message) s.updateWindow(message.conversationID, (w) => s.withoutMessages(w, [messageID]));
}

export function retryAfterReconnect(s: StoreInternals): void {
  for (const w of s.store.state.windows.values()) {
    for (const m of w.messages) {
      if (m.status !== 'fail' || !m.error || classifyError(m.error.code) !== 'network') continue;
      const tries = s.autoRetries.get(m.ID) ?? 0;
      if (tries >= AUTO_RETRY_LIMIT) continue;
      s.autoRetries.set(m.ID, tries + 1);
      resend(s, m.ID).catch(() => undefined);
    }
  }
}

// ───────────────────────────── messages ─────────────────────────────

/** Fetches one message (a quoted one outside the loaded window, say). */
export async function getMessage(s: StoreInternals, conversationID: ConversationID, messageID: string): Promise<Message> {
  return s.store.findMessage(messageID) ?? s.core.getMessage(conversationID, messageID);
}

/** The messages of a merged chat record (a forwarded conversation excerpt). */
export const downloadMergerMessage = (s: StoreInternals, messageID: string) => s.core.downloadMergerMessage(messageID);

/** Who has read a group message, and who has not (its read receipt's detail). */
export const getGroupMessageReadMembers = (s: StoreInternals, messageID: string) => s.core.getGroupMessageReadMembers(messageID);

export const searchMessages = (s: StoreInternals, params: SearchMessagesParams) => s.core.searchMessages(params);

/** Forwards messages one by one to each target conversation. */
export async function forward(s: StoreInternals, messageIDs: readonly string[], targets: readonly ConversationID[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const conversationID of targets) {
    for (const messageID of messageIDs) {
      const echo = s.core.createForwardMessage({ conversationID, messageID });
      sent.push(await s.dispatch(echo, () => s.core.sendMessage(echo.ID)));
    }
  }
  return sent;
}

/** Forwards messages merged into one chat-record message to each target conversation. */
export async function forwardMerged(
  s: StoreInternals,
  messageIDs: readonly string[],
  targets: readonly ConversationID[],
  record: { title: string; abstractList: string[]; compatibleText: string },
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const conversationID of targets) {
    sent.push(await s.store.send(conversationID, { type: 'TIMRelayElem', payload: { messageIDs: [...messageIDs], ...record } }));
  }
  return sent;
}

export async function revoke(s: StoreInternals, messageID: string): Promise<void> {
  await s.core.revokeMessage(messageID);
  const m = s.store.findMessage(messageID);
  // The core sends no event for its own recall: the recaller is the user (an admin recalls others' too).
  const state = s.store.state;
  const me = state.session.userID;
  const profile = state.profiles.get(me);
  const revoker = { userID: me, nick: profile?.nick ?? '', avatar: profile?.avatar ?? '' };
  if (m) s.updateWindow(m.conversationID, (w) => s.withRevoked(w, [{ ID: messageID, revoker }]));
}

/** Edits an own message. On a conflict (2480) the window shows the latest version and this rejects. */
export async function modify(s: StoreInternals, messageID: string, patch: { payload?: TextPayload | CustomPayload; cloudCustomData?: string }): Promise<Message> {
  try {
    const m = await s.core.modifyMessage(messageID, patch);
    s.updateWindow(m.conversationID, (w) => s.withUpdates(w, [m]));
    return m;
  } catch (error) {
    const e = toChatError(error);
    const latest = e.data?.message;
    if (latest) s.updateWindow(latest.conversationID, (w) => s.withUpdates(w, [latest]));
    throw e;
  }
}

export async function deleteMessages(s: StoreInternals, messageIDs: readonly string[]): Promise<void> {
  const byConversation = new Map<ConversationID, string[]>();
  for (const id of messageIDs) {
    const m = s.store.findMessage(id);
    if (!m) continue;
    if (m.status !== 'success') {
      discard(s, id);
      continue;
    }
    byConversation.set(m.conversationID, [...(byConversation.get(m.conversationID) ?? []), id]);
  }
  for (const [conversationID, ids] of byConversation) {
    await s.core.deleteMessages(ids);
    s.updateWindow(conversationID, (w) => s.withoutMessages(w, ids));
  }
}

// ───────────────────────────── people ─────────────────────────────

export async function searchContacts(s: StoreInternals, keyword: string): Promise<{ users: UserProfile[]; groups: GroupProfile[] }> {
  const result = await s.core.searchContacts(keyword);
  s.learnProfiles(result.users, false);
  return result;
}

/** Fetches profiles now (for a profile page), updating the cache. */
export async function loadProfiles(s: StoreInternals, userIDs: UserID[]): Promise<UserProfile[]> {
  const profiles = await s.core.getUserProfiles(userIDs);
  s.learnProfiles(profiles, true);
  return profiles;
}

export async function updateMyProfile(s: StoreInternals, patch: ProfilePatch): Promise<UserProfile> {
  const profile = await s.core.updateMyProfile(patch);
  s.learnProfiles([profile], true);
  return profile;
}

export async function addFriend(s: StoreInternals, params: { userID: UserID; wording?: string; remark?: string }): Promise<AddFriendResult> {
  const result = await s.core.addFriend(params);
  await Promise.allSettled([s.store.loadFriends(), loadApplications(s)]);
  return result;
}

export async function deleteFriend(s: StoreInternals, userID: UserID): Promise<void> {
  const result = await s.core.deleteFriend([userID]);
  const failure = result.failureUserIDList.find((f) => f.userID === userID);
  if (failure) throw new ChatError(failure.code, 'Could not delete the friend');
  await s.store.loadFriends();
}

export async function updateFriendRemark(s: StoreInternals, userID: UserID, remark: string): Promise<void> {
  await s.core.updateFriendRemark(userID, remark);
  await s.store.loadFriends();
}

export function loadApplications(s: StoreInternals): Promise<void> {
  return s.load('applications', () => s.core.getFriendApplicationList(), (value: FriendApplication[]) => s.set({ applications: { status: 'ready', value } }));
}

export async function acceptFriendApplication(s: StoreInternals, userID: UserID, remark?: string): Promise<void> {
  await s.core.acceptFriendApplication({ userID, ...(remark ? { remark } : {}) });
  await Promise.allSettled([loadApplications(s), s.store.loadFriends()]);
}

export async function refuseFriendApplication(s: StoreInternals, userID: UserID): Promise<void> {
  await s.core.refuseFriendApplication(userID);
  await loadApplications(s);
}

export async function block(s: StoreInternals, userID: UserID): Promise<void> {
  await s.core.addToBlacklist([userID]);
  const list = s.store.state.blacklist.value;
  if (!list.includes(userID)) s.set({ blacklist: { status: 'ready', value: [...list, userID] } });
}

export async function unblock(s: StoreInternals, userID: UserID): Promise<void> {
  await s.core.removeFromBlacklist([userID]);
  s.set({ blacklist: { status: 'ready', value: s.store.state.blacklist.value.filter((id) => id !== userID) } });
}

// ───────────────────────────── groups ─────────────────────────────

export async function loadGroup(s: StoreInternals, groupID: GroupID): Promise<GroupProfile> {
  const group = await s.core.getGroupProfile(groupID);
  s.applyGroups([group]);
  return group;
}

export function loadJoinedGroups(s: StoreInternals): Promise<void> {
  return s.load('joinedGroups', () => s.core.getJoinedGroupList(), (list: GroupProfile[]) => s.applyGroupList(list));
}

export async function createGroup(s: StoreInternals, options: CreateGroupOptions): Promise<GroupProfile> {
  const group = await s.core.createGroup(options);
  s.applyGroups([group]);
  return group;
}

export async function updateGroupProfile(s: StoreInternals, groupID: GroupID, patch: GroupProfilePatch): Promise<GroupProfile> {
  const group = await s.core.updateGroupProfile(groupID, patch);
  s.applyGroups([group]);
  return group;
}

/** Runs a change of the member list, then reloads the members and the group (counts, owner). */
async function thenReloadMembers(s: StoreInternals, groupID: GroupID, action: Promise<void>): Promise<void> {
  await action;
  await Promise.allSettled([s.store.loadMembers(groupID, { reset: true }), loadGroup(s, groupID)]);
}

export const addGroupMembers = (s: StoreInternals, groupID: GroupID, userIDs: UserID[]) =>
  thenReloadMembers(s, groupID, s.core.addGroupMembers(groupID, userIDs));
export const removeGroupMembers = (s: StoreInternals, groupID: GroupID, userIDs: UserID[]) =>
  thenReloadMembers(s, groupID, s.core.removeGroupMembers(groupID, userIDs));
export const setGroupMemberRole = (s: StoreInternals, groupID: GroupID, userID: UserID, role: 'Admin' | 'Member') =>
  thenReloadMembers(s, groupID, s.core.setGroupMemberRole(groupID, userID, role));
export const setGroupMemberMuteTime = (s: StoreInternals, groupID: GroupID, userID: UserID, seconds: number) =>
  thenReloadMembers(s, groupID, s.core.setGroupMemberMuteTime(groupID, userID, seconds));
export const setGroupMemberNameCard = (s: StoreInternals, groupID: GroupID, userID: UserID, nameCard: string) =>
  thenReloadMembers(s, groupID, s.core.setGroupMemberNameCard(groupID, userID, nameCard));
export const changeGroupOwner = (s: StoreInternals, groupID: GroupID, newOwnerID: UserID) =>
  thenReloadMembers(s, groupID, s.core.changeGroupOwner(groupID, newOwnerID));

/** After leaving a group: out of the joined list, members forgotten, and no role in it any more. */
function forgetGroup(s: StoreInternals, groupID: GroupID): void {
  const state = s.store.state;
  s.set({
    joinedGroups: { ...state.joinedGroups, value: state.joinedGroups.value.filter((id) => id !== groupID) },
    members: s.withEntry(state.members, groupID, undefined),
  });
  const g = s.store.state.groups.get(groupID);
  if (g) s.applyGroups([{ ...g, selfRole: undefined }]);
}

export async function quitGroup(s: StoreInternals, groupID: GroupID): Promise<void> {
  await s.core.quitGroup(groupID);
  forgetGroup(s, groupID);
}

export async function dismissGroup(s: StoreInternals, groupID: GroupID): Promise<void> {
  await s.core.dismissGroup(groupID);
  forgetGroup(s, groupID);
}
