/**
 * Small tools for core tests: event recording, polling for eventual outcomes, and message shortcuts.
 * Nothing here knows which core it drives.
 */
import { expect } from '@open-wc/testing';
import type { ChatCore, ChatCoreEventMap, ChatCoreEventName, ConversationID, Message, MessageDraft } from '../../src/core/index.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `check` until it stops throwing, for outcomes that arrive asynchronously (other instances). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await sleep(10);
    }
  }
}

const EVENTS: ChatCoreEventName[] = [
  'ready',
  'notReady',
  'kickedOut',
  'netStateChange',
  'messageReceived',
  'messageUpdated',
  'messageProgress',
  'messageModified',
  'messageRevoked',
  'messageDeleted',
  'conversationListUpdated',
  'totalUnreadCountUpdated',
  'profileUpdated',
  'friendListUpdated',
  'friendApplicationListUpdated',
  'blacklistUpdated',
  'groupListUpdated',
  'groupProfileUpdated',
  'groupMemberUpdated',
  'typingStatus',
  'userStatusUpdated',
  'error',
];

/** Records every event a core emits, in order. */
export class Recorder {
  readonly log: Array<{ type: ChatCoreEventName; payload: unknown }> = [];
  #stops: Array<() => void>;

  constructor(core: ChatCore) {
    this.#stops = EVENTS.map((type) => core.on(type, (payload) => this.log.push({ type, payload })));
  }
  of<K extends ChatCoreEventName>(type: K): Array<ChatCoreEventMap[K]> {
    return this.log.filter((e) => e.type === type).map((e) => e.payload as ChatCoreEventMap[K]);
  }
  last<K extends ChatCoreEventName>(type: K): ChatCoreEventMap[K] | undefined {
    return this.of(type).at(-1);
  }
  /** Every message delivered through `type` (messageReceived / messageUpdated / messageModified). */
  messages(type: 'messageReceived' | 'messageUpdated' | 'messageModified'): Message[] {
    return this.of(type).flatMap((e) => e.messages);
  }
  clear(): void {
    this.log.length = 0;
  }
  stop(): void {
    for (const stop of this.#stops) stop();
  }
}

/** Asserts a rejection with a service code; returns the error. */
export async function rejects(promise: Promise<unknown>, code: number): Promise<{ code: number; data?: { message?: Message } }> {
  try {
    await promise;
  } catch (error) {
    expect((error as { code?: unknown }).code, String(error)).to.equal(code);
    return error as { code: number; data?: { message?: Message } };
  }
  throw new Error(`Expected a rejection with ${code}, but it resolved`);
}

/** Asserts a synchronous throw with a service code. */
export function throwsCode(run: () => unknown, code: number): void {
  try {
    run();
  } catch (error) {
    expect((error as { code?: unknown }).code, String(error)).to.equal(code);
    return;
  }
  throw new Error(`Expected a throw with ${code}`);
}

export const textDraft = (text: string, atUserList?: string[]): MessageDraft => ({
  type: 'TIMTextElem',
  payload: { text },
  ...(atUserList ? { atUserList } : {}),
});

/** create + send. */
export function send(core: ChatCore, conversationID: ConversationID, draft: MessageDraft | string, extra: { needReadReceipt?: boolean; cloudCustomData?: string } = {}): Promise<Message> {
  const message = core.createMessage({ conversationID, draft: typeof draft === 'string' ? textDraft(draft) : draft, ...extra });
  return core.sendMessage(message.ID);
}

/** Every message of a conversation, oldest first, by paging back. */
export async function history(core: ChatCore, conversationID: ConversationID, count = 15): Promise<Message[]> {
  const all: Message[] = [];
  let next = '';
  for (;;) {
    const page = await core.getMessageList({ conversationID, count, ...(next ? { nextReqMessageID: next } : {}) });
    all.unshift(...page.messageList);
    if (page.isCompleted) return all;
    next = page.nextReqMessageID;
  }
}

/** Whether the page has fetched a module of LocalCore's code loaded on first use (`ops/<name>`). */
export const fetchedOps = (name: string): boolean =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/core/local/ops/${name}.`));

export const textOf = (m: Message): string => (m.type === 'TIMTextElem' ? m.payload.text : '');

/** A 3×2 red PNG. */
export function pngBlob(): Blob {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGP4z8AAQQxwFgBB0gX7h/C5SAAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new Blob([bytes], { type: 'image/png' });
}

/** Deletes an IndexedDB database, waiting until it is gone. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
  });
}
