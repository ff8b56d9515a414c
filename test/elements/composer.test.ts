/**
 * <tim-chat>'s composer: writing and sending, on a real seeded LocalCore (the demo world, logged in as
 * alice unless a test says otherwise). Keys go through `sendKeys` (real key events); IME, paste and drop
 * are real DOM events of those kinds.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ConversationID, Message, TimChat } from '../../src/index.js';
import { cleanupKits, mountKit, until, type Kit } from '../helpers/kit.js';

type ChatKit = Kit<TimChat>;

async function mountChat(conversationID: string, options: Parameters<typeof mountKit>[1] = {}): Promise<ChatKit> {
  const kit = await mountKit<TimChat>(html`<tim-chat conversation-id=${conversationID}></tim-chat>`, options);
  await composerOf(kit);
  return kit;
}

function composerOf(kit: ChatKit) {
  return until(() => kit.el.shadowRoot!.querySelector('tim-chat-composer')?.shadowRoot?.querySelector('textarea') && kit.el.shadowRoot!.querySelector('tim-chat-composer')!, 'the composer', 8000);
}

function input(kit: ChatKit): HTMLTextAreaElement {
  return kit.el.shadowRoot!.querySelector('tim-chat-composer')!.shadowRoot!.querySelector('textarea')!;
}

function part(kit: ChatKit, selector: string): HTMLElement | null {
  return kit.el.shadowRoot!.querySelector('tim-chat-composer')!.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** The messages of the conversation as the store holds them. */
function messages(kit: ChatKit): readonly Message[] {
  return kit.store.state.windows.get(kit.el.conversationId as ConversationID)?.messages ?? [];
}

const lastOwn = (kit: ChatKit) => [...messages(kit)].reverse().find((m) => m.flow === 'out');

afterEach(cleanupKits);

describe('composer: writing and sending', () => {
  it('sends the text on Enter and clears the input; Shift+Enter breaks the line', async () => {
    const kit = await mountChat('C2Cbob');
    input(kit).focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second line' });
    expect(input(kit).value).to.equal('Hello\nsecond line');
    await sendKeys({ press: 'Enter' });
    const sent = await until(() => messages(kit).find((m) => m.type === 'TIMTextElem' && m.payload.text === 'Hello\nsecond line' && m.status === 'success'), 'the sent message');
    expect(sent.flow).to.equal('out');
    expect(input(kit).value).to.equal('');
  });
});
