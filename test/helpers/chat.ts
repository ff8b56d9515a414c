/**
 * Helpers for the tests of <tim-chat> (history, composer, actions): mounting a chat on a seeded LocalCore and
 * waiting until it is open, other users on the same service, and queries into its shadow root.
 */
import './readable-failures.js';
import { nextFrame } from '@open-wc/testing';
import { html } from 'lit';
import type { LocalCore } from '../../src/core/local/index.js';
import type { ConversationID, TimChat } from '../../src/index.js';
import { makeCore, mountKit, until, type Kit } from './kit.js';

export type ChatKit = Kit<TimChat>;

/** Other users' cores opened by `asUser`; `destroyOtherUsers()` (in afterEach) closes them. */
const others: LocalCore[] = [];

/** Mounts `<tim-chat>` on a conversation inside a provider on a fresh seeded LocalCore, and waits until open. */
export async function mountChat(conversationID: string, options: Parameters<typeof mountKit>[1] = {}): Promise<ChatKit> {
  const kit = await mountKit<TimChat>(html`<tim-chat conversation-id=${conversationID}></tim-chat>`, options);
  await opened(kit.el);
  return kit;
}

/** Waits until the chat shows its conversation's history, and its composer has arrived. */
export async function opened(el: TimChat): Promise<void> {
  await until(
    () => {
      const w = el.store?.state.windows.get(el.conversationId as ConversationID);
      const row = el.shadowRoot!.querySelector<HTMLElement>('.scroller:not(.opening) .row[data-id]');
      return w?.status === 'ready' && row && w.messages.some((m) => m.ID === row.dataset.id);
    },
    'the history to open',
    8000,
  );
  // The composer's chunk follows the history (slowly on a loaded machine): the first screen is whole with it.
  const composer = el.shadowRoot!.querySelector('tim-chat-composer');
  if (composer) {
    await customElements.whenDefined('tim-chat-composer');
    await (composer as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  await frames(3);
}

export async function frames(n = 4): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Another user, logged in on the same service (another tab). */
export async function asUser(kit: Kit, user: string): Promise<LocalCore> {
  const { core } = await makeCore({ dbName: kit.dbName, user });
  others.push(core);
  return core;
}

/** Closes the cores `asUser` opened (call in afterEach). */
export async function destroyOtherUsers(): Promise<void> {
  await Promise.all(others.splice(0).map((c) => c.destroy().catch(() => undefined)));
}

export const q = <T extends Element = HTMLElement>(el: TimChat, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const qa = <T extends Element = HTMLElement>(el: TimChat, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const rowOf = (el: TimChat, id: string) => q(el, `.row[data-id="${CSS.escape(id)}"]`);
