/**
 * The composer's chunk cannot be fetched (offline as the chat opened). This file's page blocks it before
 * anything asks for it: a page remembers a failed module fetch, so it stays failed for the page's life.
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { cleanupKits, mountKit, until } from '../helpers/kit.js';
import type { TimChat } from '../../src/index.js';

afterEach(cleanupKits);
before(() => executeServerCommand('block-requests', 'composer/composer'));

describe('<tim-chat> without its composer chunk', () => {
  it('shows the history and says in the composer’s place that it could not load', async () => {
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`);
    const root = kit.el.shadowRoot!;
    await until(() => root.querySelectorAll('[data-id]').length > 5, 'the history');
    const said = await until(() => root.querySelector<HTMLElement>('[part="composer-unavailable"]'), 'the notice');
    expect(said.getAttribute('role')).to.equal('alert');
    expect(said.textContent).to.equal('The message box could not be loaded. Check your connection, then reload the page.');
    expect(customElements.get('tim-chat-composer'), 'never loaded').to.equal(undefined);
  });
});
