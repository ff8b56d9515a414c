/**
 * The keyboard's moves between messages live in `<tim-chat>`'s jumps chunk, fetched as the history takes the
 * focus. Keys pressed before that chunk has come still move, in order (their default stopped at once, the moves made
 * when the chunk is there). This file's page has not loaded the chunk before its test (checked).
 */
import { expect, html } from '@open-wc/testing';
import { cleanupKits, makeCore, mountKit, until } from '../helpers/kit.js';
import type { TimChat } from '../../src/index.js';

const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};
const jumpsFetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/chat/jump.'));

describe('<tim-chat> keyboard before its chunk', () => {
  afterEach(cleanupKits);

  /** A chat with bob holding these read text messages, its history drawn. */
  async function chatOf(ids: string[]) {
    const { core, dbName } = await makeCore({ seed: 'empty' });
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    await core.bulkImport(
      ids.map((ID, i) => ({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', time: t0 + 10 * i, ID, payload: { text: ID } })),
      { read: true },
    );
    await core.destroy();
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`, { dbName, seed: 'empty' });
    await until(() => kit.el.shadowRoot!.querySelector(`.scroller:not(.opening) .row[data-id="${ids.at(-1)}"]`), 'the history');
    return kit;
  }

  it('a key pressed as the history takes the focus moves once the chunk is there', async () => {
    const kit = await chatOf(['m1', 'm2', 'm3']);
    const root = kit.el.shadowRoot!;
    const log = root.querySelector<HTMLElement>('.scroller')!;
    expect(jumpsFetched(), 'the jumps chunk not loaded yet').to.equal(false);
    log.focus();
    // In the same task as the focus: the chunk cannot be there yet.
    const key = new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true, cancelable: true });
    expect(log.dispatchEvent(key), 'its default stopped at once').to.equal(false);
    const first = await until(() => (deepActive()?.classList.contains('row') ? deepActive() : null), 'a message focused');
    expect(first!.dataset.id).to.be.oneOf(['m1', 'm2', 'm3']);
    // Later keys move from the focused message.
    const end = new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true, cancelable: true });
    first!.dispatchEvent(end);
    await until(() => deepActive()?.dataset.id === 'm3', 'the last message');
    expect(root.querySelectorAll('.row[tabindex="0"]').length).to.equal(1);
    expect(jumpsFetched(), 'the check above sees the chunk once it is there').to.equal(true);
  });

  it('keys pressed while a move waits are made after it, in order, from where it leaves the focus', async () => {
    const kit = await chatOf(['m1', 'm2', 'm3']);
    const root = kit.el.shadowRoot!;
    const log = root.querySelector<HTMLElement>('.scroller')!;
    log.focus();
    // In one task: an arrow on the history (to a message), then Home, which on the history alone would only scroll.
    for (const key of ['ArrowUp', 'Home']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
      expect(log.dispatchEvent(event), `${key}: its default stopped`).to.equal(false);
    }
    await until(() => deepActive()?.dataset.id === 'm1', 'the first message (Home from the message the arrow focused)');
  });
});
