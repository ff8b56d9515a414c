/**
 * The composer's chunk cannot be fetched (offline as the chat opened), nor the sticker drawings' (the history
 * shows its rich bodies, whose stickers then cannot be drawn). This file's page blocks both before anything
 * asks for them: a page remembers a failed module fetch, so they stay failed for the page's life. (The other
 * lazy chunks that cannot be fetched are in chunk-failures.test.ts.)
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { hostErrors, makeCore, mountKit, until } from '../helpers/kit.js';
import type { TimChat } from '../../src/index.js';

/** The `tim-error`s the host gets in each test. */
const seen = hostErrors();
before(() => Promise.all(['composer/composer', 'chat/stickers.'].map((part) => executeServerCommand('block-requests', part))));

const UNLOADED = 'Part of this page could not be loaded. Check your connection, then reload the page.';

describe('<tim-chat> without its composer chunk', () => {
  it('shows the history and says in the composer’s place that it could not load', async () => {
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`);
    const root = kit.el.shadowRoot!;
    await until(() => root.querySelectorAll('[data-id]').length > 5, 'the history');
    const said = await until(() => root.querySelector<HTMLElement>('[part="composer-unavailable"]'), 'the notice');
    expect(said.getAttribute('role')).to.equal('alert');
    expect(said.textContent).to.equal('The message box could not be loaded. Check your connection, then reload the page.');
    expect(customElements.get('tim-chat-composer'), 'never loaded').to.equal(undefined);
    const e = await until(() => seen.find((d) => d.scenario === 'openComposer'), 'the host told');
    expect(e).to.include({ code: 2806, category: 'network', text: UNLOADED });
  });
});

describe('<tim-chat> without the sticker drawings’ chunk', () => {
  it('a sticker in the history says it cannot be shown; the host is told', async () => {
    const { core, dbName } = await makeCore({ seed: 'empty' });
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    await core.bulkImport(
      [
        { from: 'bob', to: 'alice', time: t0, ID: 'hi', payload: { text: 'hi' } },
        { from: 'bob', to: 'alice', time: t0 + 10, ID: 'face', type: 'TIMFaceElem', payload: { index: 1, data: 'thumbs_up' } },
      ],
      { read: true },
    );
    await core.destroy();
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`, { dbName, seed: 'empty' });
    const body = await until(() => kit.el.shadowRoot!.querySelector('.row[data-id="face"] .unshown'), 'the sticker says so');
    expect(body.textContent).to.equal('This message cannot be shown until the page is reloaded.');
    const e = await until(() => seen.find((d) => d.scenario === 'showMessage'), 'the host told');
    expect(e).to.include({ code: 2806, category: 'network', text: UNLOADED });
  });
});
