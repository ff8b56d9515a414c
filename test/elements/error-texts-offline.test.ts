/**
 * Error texts while the lazy chunk of most of them cannot be fetched (offline). This file's page blocks
 * that chunk before anything asks for it (a page remembers a failed module fetch, so the tests that load
 * it live in other files: conversation.test.ts, localize.test.ts).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import { cleanupKits, mountKit, until, type Kit } from '../helpers/kit.js';
import { sourceCatalog } from '../../src/i18n/index.js';
import type { TimConversation } from '../../src/index.js';

afterEach(cleanupKits);
before(() => executeServerCommand('block-requests', 'more-errors'));

const root = (el: TimConversation) => el.shadowRoot!;
const row = (el: TimConversation, id: string) => root(el).querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`);
const menuItems = (el: TimConversation) => [...(root(el).querySelector('tim-menu')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

/** The list with bob's conversation, whose pin fails with `code`; pins it from the row's menu. */
async function pinFailing(code: number): Promise<{ kit: Kit<TimConversation>; error: Promise<Event> }> {
  const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty' });
  await kit.core.bulkImport([{ from: 'bob', to: 'alice', payload: { text: 'hi' } }]);
  const bob = await until(() => row(kit.el, 'C2Cbob'), 'bob’s row');
  kit.core.faults.set({ failures: [{ code, rate: 1, methods: ['pinConversation'] }] });
  const error = oneEvent(kit.provider, 'tim-error');
  const rect = bob.getBoundingClientRect();
  bob.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: rect.left + 20, clientY: rect.top + 10 }));
  (await until(() => menuItems(kit.el).find((b) => b.dataset.id === 'pin'), 'the pin item')).click();
  return { kit, error };
}

const alertText = (el: TimConversation) => root(el).querySelector('[part="alert"]')?.textContent?.trim() || undefined;

describe('error texts with their chunk unreachable', () => {
  it('a network error says what it is: its text is in the first screen', async () => {
    const { kit, error } = await pinFailing(2800);
    const e = (await error) as CustomEvent;
    expect(e.detail).to.include({ code: 2800, category: 'network', text: 'Network error. Check your connection.' });
    expect(await until(() => alertText(kit.el), 'the alert')).to.contain('“Pin” did not work. Network error. Check your connection.');
    expect(sourceCatalog.moreErrors, 'not needed, not loaded').to.equal(undefined);
  });

  it('any other error falls back to the generic text with its code', async () => {
    const { kit, error } = await pinFailing(10017);
    const e = (await error) as CustomEvent;
    expect(e.detail).to.include({ code: 10017, category: 'permission', text: 'Something went wrong. (10017)' });
    expect(await until(() => alertText(kit.el), 'the alert')).to.contain('“Pin” did not work. Something went wrong. (10017)');
    expect(sourceCatalog.moreErrors, 'the chunk was blocked').to.equal(undefined);
  });

  it('an element removed while its error text loads still tells the host', async () => {
    const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty' });
    const error = oneEvent(kit.provider, 'tim-error');
    const { ChatError } = await import('../../src/core/index.js');
    (kit.el as unknown as { reportError(e: unknown, scenario: string): void }).reportError(new ChatError(10017, 'muted'), 'sendMessage');
    kit.el.remove(); // e.g. the host navigated away at once
    const e = (await error) as CustomEvent;
    expect(e.detail).to.include({ code: 10017, scenario: 'sendMessage', text: 'Something went wrong. (10017)' });
  });
});
