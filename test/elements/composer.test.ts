/**
 * <tim-chat>'s composer: writing and sending, on a real seeded LocalCore (the demo world, logged in as
 * alice unless a test says otherwise). Keys go through `sendKeys` (real key events); IME composition,
 * paste and drop are real DOM events of those kinds. Other users act through a second LocalCore on the
 * same database, as another tab would.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { LocalCore } from '../../src/core/local/index.js';
import { AT_ALL, Limits, type ConversationID, type Message, type TimChat } from '../../src/index.js';
import { parseReply } from '../../src/elements/chat/reply.js';
import { newProfile, openDatabase, type LocalSchema } from '../../src/core/local/database.js';
import { Transaction } from '../../src/core/local/idb.js';
import { cleanupKits, deepText, makeCore, mountKit, mountOnCore, until, type Kit } from '../helpers/kit.js';

type ChatKit = Kit<TimChat>;
const others: LocalCore[] = [];

async function mountChat(conversationID: string, options: Parameters<typeof mountKit>[1] = {}): Promise<ChatKit> {
  const kit = await mountKit<TimChat>(html`<tim-chat conversation-id=${conversationID}></tim-chat>`, options);
  await until(() => kit.store.state.windows.get(conversationID as ConversationID)?.status === 'ready' && kit.el.shadowRoot!.querySelector('.scroller:not(.opening), .state'), 'the history', 8000);
  await until(() => input(kit), 'the composer', 8000);
  return kit;
}

/** Another user on the same "server". */
async function other(kit: ChatKit, user: string): Promise<LocalCore> {
  const { core } = await makeCore({ dbName: kit.dbName, user });
  others.push(core);
  return core;
}

const root = (kit: ChatKit) => kit.el.shadowRoot!.querySelector('tim-chat-composer')?.shadowRoot ?? null;
const input = (kit: ChatKit) => root(kit)?.querySelector('textarea') ?? null;
const $ = <T extends Element = HTMLElement>(kit: ChatKit, selector: string) => root(kit)?.querySelector<T>(selector) ?? null;
const composerText = (kit: ChatKit) => deepText(kit.el.shadowRoot!.querySelector('tim-chat-composer')!);

/** The messages of the conversation as the store holds them. */
const messages = (kit: ChatKit): readonly Message[] => kit.store.state.windows.get(kit.el.conversationId as ConversationID)?.messages ?? [];
const sentText = (kit: ChatKit, text: string) =>
  until(() => messages(kit).find((m) => m.flow === 'out' && m.type === 'TIMTextElem' && m.payload.text === text && m.status === 'success'), `"${text}" sent`);
const ownCount = (kit: ChatKit) => messages(kit).filter((m) => m.flow === 'out').length;

/** Types into the composer through real key events. */
async function type(kit: ChatKit, text: string): Promise<void> {
  input(kit)!.focus();
  await sendKeys({ type: text });
}

/** Sets the input's text as a paste or an IME would (an `input` event), without typing each key. */
function fill(kit: ChatKit, text: string): void {
  const el = input(kit)!;
  el.focus();
  el.value = text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const png = () => {
  // A 1×1 PNG.
  const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  return new File([bytes], 'dot.png', { type: 'image/png' });
};

afterEach(async () => {
  await Promise.all(others.splice(0).map((c) => c.destroy().catch(() => undefined)));
  await cleanupKits();
});

describe('composer: writing and sending', () => {
  it('loads after the history, sends the text on Enter and clears the input; Shift+Enter breaks the line', async () => {
    const kit = await mountChat('C2Cbob');
    expect(kit.el.shadowRoot!.querySelector('.scroller .row[data-id]'), 'history shown first').to.exist;
    expect(input(kit)!.getAttribute('aria-label')).to.equal('Message');
    expect($(kit, '[part=send-button]')!.hasAttribute('disabled'), 'nothing to send yet').to.be.true;
    await type(kit, 'Hello');
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second line' });
    expect(input(kit)!.value).to.equal('Hello\nsecond line');
    const before = input(kit)!.offsetHeight;
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'third' });
    await kit.el.updateComplete;
    expect(input(kit)!.offsetHeight, 'the input grows with its lines').to.be.greaterThan(before);
    await sendKeys({ press: 'Enter' });
    await sentText(kit, 'Hello\nsecond line\nthird');
    expect(input(kit)!.value).to.equal('');
  });

  it('on a touch screen, Enter breaks the line and the Send button sends (an on-screen keyboard has no Shift+Enter)', async () => {
    const kit = await mountChat('C2Cbob');
    expect(input(kit)!.getAttribute('enterkeyhint'), 'a keyboard that sends').to.equal('send');
    // A phone: it cannot hover and its pointer is coarse (the page cannot be made one, so the query answers so).
    const real = window.matchMedia;
    window.matchMedia = (query: string) => (query === '(hover: none) and (pointer: coarse)' ? ({ matches: true, media: query } as MediaQueryList) : real.call(window, query));
    try {
      kit.el.shadowRoot!.querySelector<HTMLElement & { requestUpdate(): void }>('tim-chat-composer')!.requestUpdate();
      await until(() => input(kit)!.getAttribute('enterkeyhint') === 'enter', "the keyboard's Enter key breaks lines");
      const before = ownCount(kit);
      await type(kit, 'first');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'second' });
      expect(input(kit)!.value).to.equal('first\nsecond');
      await pause(100);
      expect(ownCount(kit), 'nothing sent by Enter').to.equal(before);
      $(kit, '[part=send-button]')!.click();
      await sentText(kit, 'first\nsecond');
    } finally {
      window.matchMedia = real;
    }
  });

  it('the Send button, once it sent, gives the focus to the input (it is disabled then, and the focus would fall to the page)', async () => {
    const kit = await mountChat('C2Cbob');
    await type(kit, 'By the button');
    await sendKeys({ press: 'Tab' });
    expect(root(kit)!.activeElement, 'the keyboard reached Send').to.equal($(kit, '[part=send-button]'));
    await sendKeys({ press: 'Enter' });
    await sentText(kit, 'By the button');
    await until(() => root(kit)!.activeElement === input(kit), 'the focus back in the input');
    // Typing goes on where it was: the next message, without a click or Tab.
    await sendKeys({ type: 'next' });
    expect(input(kit)!.value).to.equal('next');
  });

  it('shows the whole placeholder on a narrow screen before anything is typed (a long name wraps; the input is as tall as it)', async () => {
    const { core, dbName } = await makeCore({});
    const kit = await mountOnCore<TimChat>(core, dbName, html`<tim-chat conversation-id="C2Czoe"></tim-chat>`, { width: 480 });
    try {
      const field = await until(() => input(kit), 'the composer', 8000);
      await until(() => field.placeholder.includes('Extremely Long Display Names Society'), "Zoe's whole name in the placeholder", 8000);
      await kit.el.updateComplete;
      await until(() => field.scrollHeight <= field.clientHeight, 'the placeholder not cut off');
      expect(field.clientHeight, 'more than one line').to.be.greaterThan(40);
    } finally {
      await kit.cleanup();
    }
  });

  it('takes the height it held while its module loaded (the history does not move)', async () => {
    const kit = await mountChat('C2Cbob');
    const composer = kit.el.shadowRoot!.querySelector<HTMLElement>('tim-chat-composer')!;
    // An element not defined yet in the composer's place: as the composer was before its chunk came.
    const placeholder = document.createElement('tim-chat-composer-not-defined');
    composer.after(placeholder);
    try {
      expect(composer.offsetHeight).to.be.greaterThan(40);
      expect(placeholder.offsetHeight).to.equal(composer.offsetHeight);
    } finally {
      placeholder.remove();
    }
  });

  it('a host restyles the composer through tim-chat\'s parts', async () => {
    const style = document.createElement('style');
    style.textContent = 'tim-chat::part(composer-input){background-color:rgb(1, 2, 3)} tim-chat::part(send-button){color:rgb(4, 5, 6)}';
    document.head.append(style);
    try {
      const kit = await mountChat('C2Cbob');
      expect(getComputedStyle(input(kit)!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(kit, '[part=send-button]')!).color).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });

  it('never sends while an IME composes: Enter that commits a composition is not a send', async () => {
    const kit = await mountChat('C2Cminji');
    fill(kit, '');
    const el = input(kit)!;
    const count = ownCount(kit);
    // A Korean IME: compositionstart … Enter commits the syllable … compositionend.
    el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    fill(kit, '안녕');
    await sendKeys({ press: 'Enter' });
    // The keydown an IME produces (isComposing, keyCode 229), as a browser fires it.
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, keyCode: 229, bubbles: true, composed: true, cancelable: true }));
    el.dispatchEvent(new CompositionEvent('compositionend', { data: '안녕' }));
    // Safari's Enter right after compositionend still says keyCode 229.
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, composed: true, cancelable: true }));
    await pause(100);
    expect(ownCount(kit), 'nothing sent during the composition').to.equal(count);
    expect(el.value).to.contain('안녕');
    fill(kit, '안녕하세요');
    await sendKeys({ press: 'Enter' });
    await sentText(kit, '안녕하세요');
  });

  it('refuses a text over the byte limit, says by how much, and keeps it; a counter shows near the limit', async () => {
    const kit = await mountChat('C2Cbob');
    const limit = kit.core.capabilities.maxMessageBytes;
    expect(limit).to.equal(Limits.TEXT_BYTES);
    fill(kit, 'a'.repeat(limit - 100));
    await kit.el.updateComplete;
    await until(() => $(kit, '[part=counter]'), 'the counter');
    expect($(kit, '[part=counter]')!.textContent).to.contain('100 bytes left');
    // 3 bytes each in UTF-8: 34 of them cross the limit by 2 bytes though the character count is below it.
    const text = 'a'.repeat(limit - 100) + '中'.repeat(34);
    expect(text.length).to.be.below(limit);
    fill(kit, text);
    const count = ownCount(kit);
    await sendKeys({ press: 'Enter' });
    await until(() => $(kit, '.notice'), 'the refusal');
    expect($(kit, '.notice')!.getAttribute('role')).to.equal('alert');
    expect(composerText(kit)).to.contain('too long by 2 bytes');
    expect(input(kit)!.getAttribute('aria-invalid')).to.equal('true');
    expect(input(kit)!.value, 'nothing lost').to.equal(text);
    await pause(50);
    expect(ownCount(kit), 'nothing sent').to.equal(count);
    // Shortened: it goes.
    fill(kit, text.slice(0, -1));
    await sendKeys({ press: 'Enter' });
    await sentText(kit, text.slice(0, -1));
  });

  it('keyboard only: emoji, stickers, attach, then the input in Tab order; after sending the focus stays in the input', async () => {
    const kit = await mountChat('C2Cbob');
    $(kit, '[aria-label=Emoji]')!.focus();
    const steps = [root(kit)!.activeElement!.getAttribute('aria-label')];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      steps.push(root(kit)?.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(steps).to.deep.equal(['Emoji', 'Stickers', 'Attach a file', 'Message']);
    await sendKeys({ type: 'by keyboard' });
    await sendKeys({ press: 'Tab' });
    expect(root(kit)!.activeElement!.getAttribute('aria-label'), 'then the send button').to.equal('Send');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await sentText(kit, 'by keyboard');
    expect(root(kit)!.activeElement).to.equal(input(kit));
  });

  it('sends a sticker from the panel as a face message, keyboard only', async () => {
    const kit = await mountChat('C2Cbob');
    input(kit)!.focus();
    await sendKeys({ press: 'Shift+Tab' });
    expect(root(kit)!.activeElement?.getAttribute('aria-label')).to.equal('Attach a file');
    await sendKeys({ press: 'Shift+Tab' });
    expect(root(kit)!.activeElement?.getAttribute('aria-label')).to.equal('Stickers');
    await sendKeys({ press: 'Enter' });
    const panel = await until(() => $(kit, 'tim-chat-sticker-panel')?.shadowRoot?.activeElement && $(kit, 'tim-chat-sticker-panel')!, 'the sticker panel');
    expect(panel.shadowRoot!.activeElement!.getAttribute('aria-label')).to.equal('Smile');
    await sendKeys({ press: 'ArrowRight' });
    expect(panel.shadowRoot!.activeElement!.getAttribute('aria-label')).to.equal('Laugh');
    await sendKeys({ press: 'Enter' });
    const face = await until(() => messages(kit).find((m) => m.flow === 'out' && m.type === 'TIMFaceElem' && m.status === 'success'), 'the sticker sent');
    expect(face.payload).to.deep.equal({ index: 1, data: 'laugh' });
    expect($(kit, 'tim-chat-sticker-panel'), 'closed after sending').to.be.null;
  });

  it('inserts emoji from the lazily loaded picker, searched in English, Chinese or Korean; Escape closes it', async () => {
    const kit = await mountChat('C2Cbob');
    expect(customElements.get('tim-chat-emoji-picker'), 'not loaded before it is opened').to.be.undefined;
    await type(kit, 'Hi ');
    $(kit, '[aria-label=Emoji]')!.click();
    const picker = await until(
      () => $(kit, 'tim-chat-emoji-picker')?.shadowRoot?.querySelector('input') && $<HTMLElementTagNameMap['tim-chat-emoji-picker']>(kit, 'tim-chat-emoji-picker')!,
      'the emoji picker',
    );
    const search = picker.shadowRoot!.querySelector('input')!;
    await until(() => picker.shadowRoot!.activeElement === search, 'the search focused');
    await sendKeys({ type: 'pizza' });
    await picker.updateComplete;
    const found = () => [...picker.shadowRoot!.querySelectorAll('.grid button')].map((b) => b.textContent!.trim());
    expect(found()).to.deep.equal(['🍕']);
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await sendKeys({ type: '猫' });
    await picker.updateComplete;
    expect(found()).to.include('🐱');
    expect(picker.shadowRoot!.querySelector('.grid button')!.getAttribute('aria-label'), 'named in the locale').to.equal('cat');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await sendKeys({ type: '하트' });
    await picker.updateComplete;
    expect(found()).to.include('❤️');
    await sendKeys({ press: 'ArrowDown' });
    const first = picker.shadowRoot!.activeElement!.textContent!.trim();
    await sendKeys({ press: 'Enter' });
    expect(input(kit)!.value).to.equal(`Hi ${first}`);
    picker.shadowRoot!.querySelector<HTMLElement>('.grid button')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !$(kit, 'tim-chat-emoji-picker'), 'the picker closed');
    expect(root(kit)!.activeElement, 'focus back in the input').to.equal(input(kit));
    // A press outside closes it too.
    $(kit, '[aria-label=Emoji]')!.click();
    await until(() => $(kit, 'tim-chat-emoji-picker'), 'the picker again');
    kit.el.shadowRoot!.querySelector('.scroller')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await until(() => !$(kit, 'tim-chat-emoji-picker'), 'closed by a press outside');
  });
});

describe('composer: quote and edit', () => {
  it('quotes a message (the sent reply carries it the way the history reads it); Escape cancels a quote', async () => {
    const kit = await mountChat('C2Cbob');
    const quoted = messages(kit).filter((m) => m.flow === 'in' && m.type === 'TIMTextElem').at(-1)!;
    await kit.el.quote(quoted);
    await until(() => $(kit, '[part=quote-preview]'), 'the quote preview');
    expect(composerText(kit)).to.contain('Replying to');
    expect(root(kit)!.activeElement, 'the input is focused').to.equal(input(kit));
    await sendKeys({ press: 'Escape' });
    await until(() => !$(kit, '[part=quote-preview]'), 'the quote cancelled');
    await kit.el.quote(quoted);
    await type(kit, 'Agreed');
    await sendKeys({ press: 'Enter' });
    const reply = await sentText(kit, 'Agreed');
    const ref = parseReply(reply.cloudCustomData)!;
    expect(ref.messageID).to.equal(quoted.ID);
    expect(ref.abstract).to.equal(quoted.type === 'TIMTextElem' ? quoted.payload.text.slice(0, 100) : '');
    expect($(kit, '[part=quote-preview]'), 'the quote is used once').to.be.null;
    // The history shows the quote on the reply.
    await until(() => kit.el.shadowRoot!.querySelector(`.row[data-id="${reply.ID}"] [part=quote]`), 'the quote in the history');
  });

  it('edits an own message: Enter saves it for everyone; Escape cancels and gives back what was being typed', async () => {
    const kit = await mountChat('C2Cbob');
    await type(kit, 'first draft');
    await sendKeys({ press: 'Enter' });
    const mine = await sentText(kit, 'first draft');
    await type(kit, 'half-typed');
    await kit.el.editMessage(mine);
    await until(() => $(kit, '[part=edit-banner]'), 'edit mode');
    expect(input(kit)!.value).to.equal('first draft');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(kit, '[part=edit-banner]'), 'edit cancelled');
    expect(input(kit)!.value, 'the typed text is back').to.equal('half-typed');
    await kit.el.editMessage(mine);
    fill(kit, 'final text');
    await sendKeys({ press: 'Enter' });
    const edited = await until(() => messages(kit).find((m) => m.ID === mine.ID && m.isModified), 'the edit saved');
    expect(edited.type === 'TIMTextElem' && edited.payload.text).to.equal('final text');
    expect(input(kit)!.value).to.equal('half-typed');
    expect(ownCount(kit), 'an edit is not a new message').to.equal(messages(kit).filter((m) => m.flow === 'out').length);
  });

  it('a failed edit says so and stays open; tim-before-edit can veto or change the text', async () => {
    const kit = await mountChat('C2Cbob');
    await type(kit, 'typo teh');
    await sendKeys({ press: 'Enter' });
    const mine = await sentText(kit, 'typo teh');
    await kit.el.editMessage(mine);
    fill(kit, 'typo the');
    kit.core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['modifyMessage'] }] });
    const errors: string[] = [];
    kit.provider.addEventListener('tim-error', (e) => errors.push(e.detail.scenario));
    await sendKeys({ press: 'Enter' });
    await until(() => $(kit, '.notice'), 'the failure');
    expect(composerText(kit)).to.contain('could not be edited');
    expect(errors).to.deep.equal(['modifyMessage']);
    expect($(kit, '[part=edit-banner]'), 'still editing').to.exist;
    expect(input(kit)!.value).to.equal('typo the');
    kit.core.faults.reset();
    const veto = (e: GlobalEventHandlersEventMap['tim-before-edit']) => e.preventDefault();
    kit.provider.addEventListener('tim-before-edit', veto);
    await sendKeys({ press: 'Enter' });
    await pause(50);
    expect(messages(kit).find((m) => m.ID === mine.ID)!.isModified, 'vetoed').to.be.false;
    kit.provider.removeEventListener('tim-before-edit', veto);
    kit.provider.addEventListener('tim-before-edit', (e) => (e.detail.text = e.detail.text + '!'));
    await sendKeys({ press: 'Enter' });
    const edited = await until(() => messages(kit).find((m) => m.ID === mine.ID && m.isModified), 'edited');
    expect(edited.type === 'TIMTextElem' && edited.payload.text).to.equal('typo the!');
  });

  it('re-edit puts a recalled text back after what is typed; focusComposer focuses the input', async () => {
    const kit = await mountChat('C2Cbob');
    await kit.el.reEdit('recalled words');
    expect(input(kit)!.value).to.equal('recalled words');
    fill(kit, 'new');
    await kit.el.reEdit('old');
    expect(input(kit)!.value).to.equal('new old');
    (document.activeElement as HTMLElement | null)?.blur();
    await kit.el.focusComposer();
    await until(() => root(kit)!.activeElement === input(kit), 'the input focused');
  });
});

describe('composer: failures', () => {
  it('a send that fails on the network shows the message failed (Retry in the history) and says so', async () => {
    const kit = await mountChat('C2Cbob');
    kit.core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['sendMessage'] }] });
    const errors: string[] = [];
    kit.provider.addEventListener('tim-error', (e) => errors.push(e.detail.scenario));
    await type(kit, 'will fail');
    await sendKeys({ press: 'Enter' });
    const failed = await until(() => messages(kit).find((m) => m.flow === 'out' && m.type === 'TIMTextElem' && m.payload.text === 'will fail' && m.status === 'fail'), 'the failed message');
    await until(() => $(kit, '.notice'), 'the notice');
    expect(composerText(kit)).to.contain('The message was not sent.');
    expect(errors).to.deep.equal(['sendMessage']);
    await until(() => kit.el.shadowRoot!.querySelector(`.row[data-id="${failed.ID}"] [part=retry-button]`), 'Retry in the history');
    // Typing again clears the notice.
    await type(kit, 'x');
    expect($(kit, '.notice')).to.be.null;
  });

  it('a send refused for a reason whose words load on first use says it with them, once', async () => {
    const kit = await mountChat('C2Cbob');
    kit.core.faults.set({ failures: [{ code: 20007, rate: 1, methods: ['sendMessage'] }] });
    const errors: string[] = [];
    kit.provider.addEventListener('tim-error', (e) => errors.push(e.detail.text));
    await type(kit, 'refused');
    await sendKeys({ press: 'Enter' });
    const notice = await until(() => $(kit, '.notice'), 'the notice');
    expect(notice.textContent).to.contain('The message was not sent. The message was rejected: this user has blocked you.');
    expect(errors).to.deep.equal(['The message was rejected: this user has blocked you.']);
  });
});

describe('composer: mentions', () => {
  it('@ opens the member list, filtered as one types; arrows and Enter pick; the message carries atUserList', async () => {
    const kit = await mountChat('GROUPteam');
    await until(() => kit.store.state.members.get('team')?.status === 'ready', 'members');
    await type(kit, 'Hi @');
    const list = await until(() => $(kit, '[part=mention-list]'), 'the member list');
    expect(list.getAttribute('role')).to.equal('listbox');
    expect(deepText(list), 'the owner is offered @all').to.contain('All');
    await sendKeys({ type: 'ca' });
    await kit.el.updateComplete;
    const names = () => [...root(kit)!.querySelectorAll('[role=option]')].map((o) => deepText(o));
    await until(() => names().length === 1, 'filtered to one');
    expect(names()[0]).to.contain('carol');
    expect(input(kit)!.getAttribute('aria-activedescendant')).to.equal('mention-0');
    await sendKeys({ press: 'Enter' });
    expect($(kit, '[part=mention-list]'), 'closed after picking').to.be.null;
    expect(input(kit)!.value).to.match(/^Hi @\S.* $/);
    await sendKeys({ type: 'and @' });
    await until(() => $(kit, '[part=mention-list]'), 'the list again');
    expect(names()[0]).to.contain('All');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'look' });
    const text = input(kit)!.value;
    await sendKeys({ press: 'Enter' });
    const sent = await sentText(kit, text);
    expect(sent.atUserList).to.have.members(['carol', AT_ALL]);
  });

  it('Escape closes the member list, which stays closed while that @ is typed on; a new @ opens it again', async () => {
    const kit = await mountChat('GROUPteam');
    await until(() => kit.store.state.members.get('team')?.status === 'ready', 'members');
    await type(kit, 'Hi @');
    await until(() => $(kit, '[part=mention-list]'), 'the member list');
    // (Before, the Escape key's own keyup reopened the list at once.)
    await sendKeys({ press: 'Escape' });
    await kit.el.updateComplete;
    await until(() => !$(kit, '[part=mention-list]'), 'closed by Escape');
    await sendKeys({ type: 'ca' });
    await kit.el.shadowRoot!.querySelector<HTMLElementTagNameMap['tim-chat-composer']>('tim-chat-composer')!.updateComplete;
    expect($(kit, '[part=mention-list]'), 'still closed for that @').to.be.null;
    expect(input(kit)!.getAttribute('aria-activedescendant'), 'no active option').to.be.null;
    await sendKeys({ type: ' @' });
    await until(() => $(kit, '[part=mention-list]'), 'open again for a new @');
  });

  it('lists a friend by the user’s own remark, shows beside it the name every member sees, and writes that one', async () => {
    const kit = await mountChat('GROUPteam');
    await until(() => kit.store.state.members.get('team')?.status === 'ready', 'members');
    await until(() => kit.store.state.friends.value.get('bob')?.remark === 'Bob (work)', 'bob is a friend with a remark');
    await type(kit, '@bo');
    const options = () => [...root(kit)!.querySelectorAll('[role=option]')].map((o) => deepText(o));
    const hint = () => root(kit)!.querySelector('[role=option] .option-hint')?.textContent;
    await until(() => options().length === 1, 'bob alone');
    expect(options()[0]).to.contain('Bob (work)');
    // What will be written is shown before it is picked (before, the hint was his user ID, and the label and
    // the text written disagreed without a word).
    expect(hint(), 'the mention as written').to.equal('@Bob · Backend');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'ca' });
    await until(() => options().length === 1 && options()[0]!.includes('Carol'), 'carol alone');
    expect(hint(), 'a member without a remark: the name is what is written, the hint is the user ID').to.equal('carol');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'bo' });
    await until(() => options().length === 1 && options()[0]!.includes('Bob'), 'bob again');
    await sendKeys({ press: 'Enter' });
    expect(input(kit)!.value, 'the remark is private to alice').to.equal('@Bob · Backend '); // his name card in this group
  });

  it('in a big group, finds members past the first page of 100 (the next pages load as one looks)', async () => {
    const { core, dbName } = await makeCore({});
    await core.destroy();
    const db = await openDatabase(dbName);
    const tx = new Transaction<LocalSchema, 'readwrite'>(db.transaction(['users', 'members'], 'readwrite'));
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 180; i++) {
      void tx.objectStore('users').put({ ...newProfile(`m${i}`), nick: `Member ${i}` });
      void tx.objectStore('members').put({ groupID: 'team', userID: `m${i}`, role: 'Member', nameCard: '', joinTime: now + i, muteUntil: 0 });
    }
    await tx.done;
    db.close();
    const kit = await mountChat('GROUPteam', { dbName });
    await until(() => kit.store.state.members.get('team')?.status === 'ready', 'the first page');
    expect(kit.store.state.members.get('team')!.members.length).to.equal(100);
    await type(kit, '@Member 17');
    await until(() => [...root(kit)!.querySelectorAll('[role=option]')].some((o) => deepText(o).includes('Member 179')), 'a member of a later page', 8000);
  });

  it('offers @all to admins, not to plain members', async () => {
    const member = await mountChat('GROUPteam', { user: 'carol' });
    await until(() => member.store.state.members.get('team')?.status === 'ready', 'members');
    await type(member, '@');
    const list = await until(() => $(member, '[part=mention-list]'), 'the member list');
    expect(deepText(list)).not.to.contain('Notify everyone');
    await cleanupKits();
    const admin = await mountChat('GROUPteam', { user: 'bob' });
    await until(() => admin.store.state.members.get('team')?.status === 'ready', 'members');
    await type(admin, '@');
    const adminList = await until(() => $(admin, '[part=mention-list]'), 'the member list');
    expect(deepText(adminList)).to.contain('Notify everyone');
  });
});

describe('composer: attachments', () => {
  it('a pasted image is previewed, then sent with a progress bar while it uploads', async () => {
    const kit = await mountChat('C2Cbob');
    input(kit)!.focus();
    const data = new DataTransfer();
    data.items.add(png());
    input(kit)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    const preview = await until(() => $(kit, '[part=attachments] img'), 'the preview');
    expect(preview.getAttribute('src')).to.match(/^blob:/);
    expect(composerText(kit)).to.contain('dot.png');
    kit.core.faults.set({ latencyMs: 300 });
    await sendKeys({ press: 'Enter' });
    await until(() => $(kit, '[part=upload-progress]'), 'the progress bar');
    const image = await until(() => messages(kit).find((m) => m.flow === 'out' && m.type === 'TIMImageElem' && m.status === 'success'), 'the image sent', 6000);
    expect(image.type === 'TIMImageElem' && image.payload.imageInfoArray[0]!.width).to.equal(1);
    await until(() => !$(kit, '[part=attachments]'), 'the tray emptied');
  });

  it('a file dropped onto the chat is previewed and sent as a file message', async () => {
    const kit = await mountChat('C2Cbob');
    const data = new DataTransfer();
    data.items.add(new File(['hello, world'], 'notes.txt', { type: 'text/plain' }));
    const history = kit.el.shadowRoot!.querySelector('.scroller')!;
    history.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
    await until(() => $(kit, '[part=drop-zone]'), 'the drop hint');
    history.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
    await until(() => $(kit, '[part=attachments]'), 'the tray');
    expect($(kit, '[part=drop-zone]')).to.be.null;
    expect(composerText(kit)).to.contain('notes.txt');
    $(kit, '[part=send-button]')!.click();
    const file = await until(() => messages(kit).find((m) => m.flow === 'out' && m.type === 'TIMFileElem' && m.status === 'success'), 'the file sent');
    expect(file.type === 'TIMFileElem' && file.payload.fileName).to.equal('notes.txt');
  });

  it('F21: a file named .png that is no picture (HTML inside) is sent as a file, not as a broken image', async () => {
    const kit = await mountChat('C2Cbob');
    const data = new DataTransfer();
    data.items.add(new File(['<html><script>window.__xss = 1</script></html>'], 'photo.png', { type: 'image/png' }));
    input(kit)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await until(() => $(kit, '[part=attachments]'), 'the tray');
    $(kit, '[part=send-button]')!.click();
    const sent = await until(() => messages(kit).find((m) => m.status === 'success' && (m.payload as { fileName?: string }).fileName === 'photo.png'), 'sent');
    expect(sent.type).to.equal('TIMFileElem');
    expect(sent.type === 'TIMFileElem' && sent.payload.fileName).to.equal('photo.png');
  });

  it('refuses a file over the core limit before any upload, with a clear error; the text stays', async () => {
    const kit = await mountChat('C2Cbob');
    fill(kit, 'see attached');
    const big = new File([new Uint8Array(kit.core.capabilities.maxImageBytes + 1)], 'huge.png', { type: 'image/png' });
    const empty = new File([], 'empty.txt', { type: 'text/plain' });
    const data = new DataTransfer();
    data.items.add(big);
    data.items.add(empty);
    input(kit)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await until(() => $(kit, '.notice'), 'the refusal');
    expect(composerText(kit)).to.contain('huge.png is too large. The limit is 20 MB.');
    expect(composerText(kit)).to.contain('empty.txt is empty.');
    expect($(kit, '[part=attachments]'), 'nothing queued').to.be.null;
    expect(input(kit)!.value).to.equal('see attached');
    expect(kit.store.state.progress.size).to.equal(0);
  });
});

describe('composer: drafts and typing', () => {
  it('saves the draft as one types (debounced), restores it on coming back, and the seeded draft shows', async () => {
    const kit = await mountChat('C2Cminji');
    await until(() => input(kit)!.value === '다음 주에 봐요 👋', 'the seeded draft');
    kit.el.conversationId = 'C2Cbob';
    await until(() => input(kit)!.value === '', 'a fresh input for bob');
    await type(kit, 'draft for bob');
    expect(kit.store.conversation('C2Cbob')!.draftText, 'not saved on every key').to.equal('');
    await until(() => kit.store.conversation('C2Cbob')!.draftText === 'draft for bob', 'the draft saved');
    await type(kit, '!');
    kit.el.conversationId = 'C2Ccarol';
    await until(() => kit.store.conversation('C2Cbob')!.draftText === 'draft for bob!', 'saved on leaving');
    expect(input(kit)!.value).to.equal('');
    kit.el.conversationId = 'C2Cbob';
    await until(() => input(kit)!.value === 'draft for bob!', 'restored');
    // Sending clears it.
    await sendKeys({ press: 'Enter' });
    await until(() => kit.store.conversation('C2Cbob')!.draftText === '', 'draft cleared by sending');
  });

  it('the conversation list shows the draft as it is saved', async () => {
    const page = await mountKit<HTMLElement>(html`<div style="display:flex;height:600px"><tim-conversation style="width:300px"></tim-conversation><tim-chat conversation-id="C2Cbob" style="flex:1"></tim-chat></div>`);
    const chat = page.el.querySelector('tim-chat')!;
    const list = page.el.querySelector('tim-conversation')!;
    const kit = { ...page, el: chat } as ChatKit;
    await until(() => input(kit), 'the composer', 8000);
    await type(kit, 'unfinished thought');
    await until(() => deepText(list).includes('[Draft] unfinished thought'), 'the draft in the list');
  });

  it('sends typing start while typing (throttled) and stop when idle or emptied; never for an empty input', async () => {
    const kit = await mountChat('C2Cbob');
    const bob = await other(kit, 'bob');
    const events: boolean[] = [];
    bob.on('typingStatus', ({ userID, typing }) => userID === 'alice' && events.push(typing));
    input(kit)!.focus();
    await sendKeys({ type: '   ' });
    await pause(200);
    expect(events, 'spaces are not typing').to.deep.equal([]);
    await sendKeys({ type: 'hello there' });
    await until(() => events.length === 1, 'typing started');
    expect(events, 'one start for many keys').to.deep.equal([true]);
    for (let i = 0; i < 14; i++) await sendKeys({ press: 'Backspace' });
    await until(() => events.length === 2, 'typing stopped');
    expect(events).to.deep.equal([true, false]);
    expect(input(kit)!.value).to.equal('');
  });
});

describe('composer: disabled', () => {
  const reason = (kit: ChatKit) => $(kit, '[part=disabled-reason]')?.textContent?.trim() ?? '';

  it('offline and kicked out: disabled with the reason, the text kept and not sent', async () => {
    const kit = await mountChat('C2Cbob');
    fill(kit, 'keep me');
    kit.core.faults.disconnect();
    await until(() => reason(kit), 'the offline reason');
    expect(reason(kit)).to.contain('You are offline');
    expect(input(kit)!.getAttribute('aria-disabled')).to.equal('true');
    expect(input(kit)!.getAttribute('aria-describedby')).to.contain('reason');
    expect($(kit, '[part=send-button]')!.hasAttribute('disabled')).to.be.true;
    const count = ownCount(kit);
    input(kit)!.focus();
    await sendKeys({ press: 'Enter' });
    expect(ownCount(kit)).to.equal(count);
    expect(input(kit)!.value).to.equal('keep me');
    await kit.core.faults.reconnect();
    await until(() => !reason(kit), 'enabled again');
    kit.core.faults.kickOut('multipleAccount');
    await until(() => reason(kit).includes('logged out here'), 'the kicked reason');
    expect(input(kit)!.value).to.equal('keep me');
  });

  it('blocked peer, muted member, not a member: each says why', async () => {
    const blocked = await mountChat('C2Cspammer');
    await until(() => reason(blocked).includes('You blocked this person'), 'blocked');
    await cleanupKits();

    const muted = await mountChat('GROUPteam', { user: 'dave' });
    await until(() => reason(muted).includes('You are muted in this group until'), 'muted');
    await cleanupKits();

    const leaving = await mountChat('GROUPhiking');
    expect(reason(leaving)).to.equal('');
    fill(leaving, 'bye all');
    await leaving.store.quitGroup('hiking');
    await until(() => reason(leaving).includes('not a member'), 'not a member');
    expect(input(leaving)!.value).to.equal('bye all');
  });

  it('zh and ko reasons', async () => {
    const kit = await mountChat('C2Cspammer', { locale: 'zh' });
    await until(() => reason(kit).includes('黑名单'), 'the Chinese reason');
    expect($(kit, '[aria-label=表情]'), 'the emoji button, named in Chinese').to.exist;
    await cleanupKits();
    const ko = await mountChat('C2Cspammer', { locale: 'ko' });
    await until(() => reason(ko).includes('차단'), 'the Korean reason');
  });
});

describe('composer: emoji in Chinese', () => {
  it('names the emoji and their groups in the locale', async () => {
    const kit = await mountChat('C2Clilei', { locale: 'zh' });
    await until(() => $(kit, '[aria-label=表情]'), 'the Chinese strings');
    $(kit, '[aria-label=表情]')!.click();
    const picker = await until(() => $(kit, 'tim-chat-emoji-picker')?.shadowRoot?.querySelector('.grid button') && $(kit, 'tim-chat-emoji-picker')!, 'the picker');
    expect(picker.shadowRoot!.querySelector('.grid button')!.getAttribute('aria-label')).to.equal('笑');
    expect(picker.shadowRoot!.querySelector('h3')!.textContent).to.equal('笑脸');
    expect(picker.shadowRoot!.querySelector('input')!.getAttribute('aria-label')).to.equal('搜索表情');
  });
});

describe('composer: tim-before-send', () => {
  it('the host can veto a message (it stays in the input) or change it before it is sent', async () => {
    const kit = await mountChat('C2Cbob');
    const seen: string[] = [];
    const veto = (e: GlobalEventHandlersEventMap['tim-before-send']) => {
      seen.push(e.detail.draft.type);
      if (e.detail.draft.type === 'TIMTextElem' && e.detail.draft.payload.text.includes('secret')) e.preventDefault();
    };
    kit.provider.addEventListener('tim-before-send', veto);
    await type(kit, 'my secret');
    const count = ownCount(kit);
    await sendKeys({ press: 'Enter' });
    await pause(50);
    expect(seen).to.deep.equal(['TIMTextElem']);
    expect(ownCount(kit), 'vetoed').to.equal(count);
    expect(input(kit)!.value).to.equal('my secret');
    kit.provider.removeEventListener('tim-before-send', veto);
    kit.provider.addEventListener('tim-before-send', (e) => {
      if (e.detail.draft.type === 'TIMTextElem') e.detail.draft = { type: 'TIMTextElem', payload: { text: e.detail.draft.payload.text.replace('secret', '******') } };
      e.detail.cloudCustomData = JSON.stringify({ checkedBy: 'host' });
    });
    await sendKeys({ press: 'Enter' });
    const sent = await sentText(kit, 'my ******');
    expect(JSON.parse(sent.cloudCustomData)).to.deep.equal({ checkedBy: 'host' });
  });
});
