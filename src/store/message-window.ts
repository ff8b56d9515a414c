/**
 * Pure reducers over a conversation's message window. Every way a message reaches the store (history
 * page, live delivery, echo of an own send, update, revoke, delete) goes through `mergeMessages`, which is
 * idempotent, keyed by ID, and never moves a message's state backwards, so duplicate, late and
 * out-of-order events converge to the same window.
 */
import { compareMessages, type ConversationID, type Message, type MessagePage } from '../core/index.js';
import type { MessageWindow } from './state.js';

export type Revoker = Message['revoker'];
/** Recalls seen before the message itself (reliability F14). */
export type Tombstones = ReadonlyMap<string, Revoker | null>;

export function emptyWindow(conversationID: ConversationID): MessageWindow {
  return {
    conversationID,
    messages: [],
    status: 'idle',
    hasOlder: true,
    olderCursor: '',
    loadingOlder: false,
    hasNewer: false,
    loadingNewer: false,
  };
}

/**
 * The newer of two versions of one message. State only moves forward: a confirmed message never becomes
 * pending again, a recall or a peer read is never undone, a deleted message stays deleted.
 */
export function newerVersion(current: Message | undefined, incoming: Message): Message {
  if (!current || current === incoming) return incoming;
  let next = incoming;
  if (current.status === 'success' && incoming.status !== 'success') {
    next = { ...next, status: 'success', time: current.time, sequence: current.sequence } as Message;
    delete (next as { error?: unknown }).error;
  }
  if (current.isRevoked && !next.isRevoked) next = { ...next, isRevoked: true, revoker: current.revoker } as Message;
  if (current.isPeerRead && !next.isPeerRead) next = { ...next, isPeerRead: true } as Message;
  if (current.isRead && !next.isRead) next = { ...next, isRead: true } as Message;
  if (current.isModified && !next.isModified) next = { ...next, isModified: true, payload: current.payload } as Message;
  return sameValue(current, next) ? current : next;
}

/** Applies a pending recall to a message that arrived after it. */
function applyTombstone(message: Message, tombstones: Tombstones | undefined): Message {
  if (!tombstones || message.isRevoked || !tombstones.has(message.ID)) return message;
  const revoker = tombstones.get(message.ID) ?? undefined;
  return { ...message, isRevoked: true, ...(revoker ? { revoker } : {}) } as Message;
}

/** How `mergeMessages` takes the incoming messages: only those the list holds, and recalls seen before them. */
type MergeOptions = { onlyKnown?: boolean; tombstones?: Tombstones };

/**
 * Inserts or replaces by ID. With `onlyKnown`, messages not already in the list are ignored (updates for
 * messages outside the loaded window). Returns `list` itself when nothing changed.
 */
export function mergeMessages(
  list: readonly Message[],
  incoming: readonly Message[],
  options: MergeOptions = {},
): readonly Message[] {
  if (incoming.length === 0) return list;
  const byID = new Map<string, Message>();
  for (const m of list) byID.set(m.ID, m);
  let changed = false;
  for (const raw of incoming) {
    const current = byID.get(raw.ID);
    if (!current && options.onlyKnown) continue;
    if (raw.isDeleted) {
      changed = byID.delete(raw.ID) || changed;
      continue;
    }
    const next = newerVersion(current, applyTombstone(raw, options.tombstones));
    if (next !== current) {
      byID.set(raw.ID, next);
      changed = true;
    }
  }
  if (!changed) return list;
  return [...byID.values()].sort(compareMessages);
}

/** A page of history merged into the window. */
export function withPage(window: MessageWindow, page: MessagePage, kind: 'newest' | 'older', tombstones?: Tombstones): MessageWindow {
  // 'newest' starts the window again from the live end; only unconfirmed local echoes carry over.
  const base = kind === 'newest' ? keepPending(window.messages) : window.messages;
  return {
    ...window,
    messages: mergeMessages(base, page.messageList, { tombstones }),
    status: 'ready',
    error: undefined,
    loadingOlder: false,
    hasOlder: !page.isCompleted,
    olderCursor: page.nextReqMessageID,
    ...(kind === 'newest' ? { hasNewer: false, loadingNewer: false, newerFrom: undefined } : {}),
  };
}

/** Local echoes not yet confirmed survive a reload of the newest page. */
function keepPending(messages: readonly Message[]): readonly Message[] {
  return messages.filter((m) => m.flow === 'out' && m.status !== 'success');
}

/** Live messages: added only when the window reaches the newest message. */
export function withLive(window: MessageWindow, messages: readonly Message[], tombstones?: Tombstones): MessageWindow {
  return withMerged(window, messages, { onlyKnown: window.hasNewer, tombstones });
}

/** New versions of messages the window already holds. */
export function withUpdates(window: MessageWindow, messages: readonly Message[]): MessageWindow {
  return withMerged(window, messages, { onlyKnown: true });
}

/** Recalls of messages the window holds: each is a tombstone applied to the window's own messages, the
 *  way a page or a live message meets a recall seen before it. */
export function withRevoked(window: MessageWindow, revoked: ReadonlyArray<{ ID: string; revoker?: Revoker }>): MessageWindow {
  return withMerged(window, window.messages, { tombstones: new Map(revoked.map((r) => [r.ID, r.revoker ?? null])) });
}

/** The window with `incoming` merged in; the same window when nothing changed. */
function withMerged(window: MessageWindow, incoming: readonly Message[], options: MergeOptions): MessageWindow {
  const next = mergeMessages(window.messages, incoming, options);
  return next === window.messages ? window : { ...window, messages: next };
}

export function withoutMessages(window: MessageWindow, messageIDs: readonly string[] | 'all'): MessageWindow {
  if (messageIDs === 'all') {
    return window.messages.length === 0 ? window : { ...window, messages: [], hasOlder: false, olderCursor: '' };
  }
  const drop = new Set(messageIDs);
  const messages = window.messages.filter((m) => !drop.has(m.ID));
  return messages.length === window.messages.length ? window : { ...window, messages };
}

/**
 * Whether two versions of a message, a conversation or a profile hold the same value, so an unchanged one keeps
 * its identity (and does not re-render). They are plain data, built the same way each time: the JSON is the value.
 */
export function sameValue<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
