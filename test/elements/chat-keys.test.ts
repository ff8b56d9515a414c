/**
 * The keyboard's moves between messages live in `<tim-chat>`'s jumps chunk, fetched as the history takes the
 * focus. A key pressed before that chunk has come still moves (its default stopped at once, the move made
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

  it('a key pressed as the history takes the focus moves once the chunk is there', async () => {
    const { core, dbName } = await makeCore({ seed: 'empty' });
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    await core.bulkImport(
      [
        { from: 'bob', to: 'alice', time: t0, ID: 'm1', payload: { text: 'one' } },
        { from: 'alice', to: 'bob', time: t0 + 10, ID: 'm2', payload: { text: 'two' } },
        { from: 'bob', to: 'alice', time: t0 + 20, ID: 'm3', payload: { text: 'three' } },
      ],
      { read: true },
    );
    await core.destroy();
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`, { dbName, seed: 'empty' });
    const root = kit.el.shadowRoot!;
    const log = await until(() => root.querySelector<HTMLElement>('.scroller:not(.opening)'), 'the history');
    await until(() => root.querySelector('.row[data-id="m3"]'), 'the messages');
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
});
