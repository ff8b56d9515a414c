/**
 * Lazy chunks that cannot be fetched (the user went offline after the page loaded, or a deploy removed the
 * old chunks): each place says that this part could not be loaded and that reloading the page brings it
 * back, and the host hears of it (`tim-error`, code 2806, network category). This file's page blocks those
 * chunks before anything asks for them: a page keeps a failed module fetch, so they stay failed for the
 * page's life. (The composer's own chunk, and the sticker drawings inside the history, are blocked in
 * composer-offline.test.ts: the tests here need the composer and cannot have the rich bodies.)
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { hostErrors, makeCore, mountKit, until, type Kit } from '../helpers/kit.js';
import type { Message, TimChat, TimConversation, TimProfile, TimSearch } from '../../src/index.js';

const BLOCKED = [
  'chat/actions/actions.',
  'chat/rich-bodies.',
  'chat/stickers.',
  'chat/jump.',
  'chat/lightbox.',
  'composer/emoji-picker.',
  'search/lazy.',
  'conversation/conversation-actions.',
  'conversation/conversation-filter.',
  'profile/views.',
  'store/actions.',
  'i18n/zh/',
];

before(() => Promise.all(BLOCKED.map((part) => executeServerCommand('block-requests', part))));

/** The `tim-error`s the host gets in each test. */
const seen = hostErrors();

const UNLOADED = 'Part of this page could not be loaded. Check your connection, then reload the page.';

/** Waits for the host's `tim-error` of `scenario` and checks it tells of a part that could not be loaded. */
async function reported(scenario: string, text = UNLOADED): Promise<void> {
  const e = await until(() => seen.find((d) => d.scenario === scenario), `tim-error ${scenario}`);
  expect(e).to.include({ code: 2806, category: 'network', text });
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<tim-chat> with its lazy chunks unreachable', () => {
  const root = (kit: Kit<TimChat>) => kit.el.shadowRoot!;
  const notice = (kit: Kit<TimChat>) => root(kit).querySelector<HTMLElement>('[part="unavailable"]');
  const row = (kit: Kit<TimChat>, id: string) => root(kit).querySelector<HTMLElement>(`.row[data-id="${id}"]`);

  /** A chat on bob's conversation holding `messages` (imported before it opens). */
  async function chatWith(messages: Parameters<Awaited<ReturnType<typeof makeCore>>['core']['bulkImport']>[0], attrs = ''): Promise<Kit<TimChat>> {
    const { core, dbName } = await makeCore({ seed: 'empty' });
    await core.bulkImport(messages, { read: true });
    await core.destroy();
    const kit = await mountKit<TimChat>(
      attrs ? html`<tim-chat conversation-id="C2Cbob" message-id=${attrs}></tim-chat>` : html`<tim-chat conversation-id="C2Cbob"></tim-chat>`,
      { dbName, seed: 'empty' },
    );
    await until(() => root(kit).querySelector('.scroller:not(.opening) .row[data-id]'), 'the history');
    return kit;
  }

  const t0 = Math.floor(Date.now() / 1000) - 3600;
  const texts = [
    { from: 'bob', to: 'alice', time: t0, ID: 'm1', payload: { text: 'one' } },
    { from: 'alice', to: 'bob', time: t0 + 10, ID: 'm2', payload: { text: 'two' } },
  ];

  it('a right-click on a message: the chat says its menu could not be loaded', async () => {
    const kit = await chatWith(texts);
    const target = row(kit, 'm1')!;
    const rect = target.getBoundingClientRect();
    const event = new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: rect.left + 20, clientY: rect.top + 10 });
    target.dispatchEvent(event);
    expect(event.defaultPrevented, 'the browser menu is not shown either way').to.equal(true);
    const said = await until(() => notice(kit), 'the notice');
    expect([said.getAttribute('role'), text(said)]).to.deep.equal(['alert', UNLOADED]);
    await reported('openMessageMenu');
  });

  it('rich messages say they cannot be shown instead of keeping their placeholder', async () => {
    const kit = await chatWith([
      ...texts,
      { from: 'bob', to: 'alice', time: t0 + 20, ID: 'file', type: 'TIMFileElem', payload: { fileName: 'notes.txt', fileSize: 10, fileUrl: 'https://example.com/notes.txt' } },
      { from: 'bob', to: 'alice', time: t0 + 30, ID: 'face', type: 'TIMFaceElem', payload: { index: 1, data: 'thumbs_up' } },
    ]);
    for (const id of ['file', 'face']) {
      const body = await until(() => row(kit, id)?.querySelector('.unshown'), `${id}: its body says so`);
      expect(text(body)).to.equal('This message cannot be shown until the page is reloaded.');
      expect(row(kit, id)!.querySelector('.placeholder'), 'no placeholder left').to.equal(null);
    }
    expect(text(row(kit, 'm1')!.querySelector('.bubble')), 'text messages are whole').to.equal('one');
    await reported('showMessage');
  });

  it('Ctrl+F: the chat says its find bar could not be loaded', async () => {
    const kit = await chatWith(texts);
    row(kit, 'm2')!.focus();
    await sendKeys({ press: 'Control+f' });
    const said = await until(() => notice(kit), 'the notice');
    expect(text(said)).to.equal(UNLOADED);
    await reported('openFind');
  });

  it('an image: the chat says its viewer could not be loaded', async () => {
    const kit = await chatWith([
      ...texts,
      { from: 'bob', to: 'alice', time: t0 + 20, ID: 'pic', type: 'TIMImageElem', payload: { imageInfoArray: [{ type: 0, url: 'https://example.com/x/1.png', width: 80, height: 60, size: 1 }] } },
    ]);
    (await until(() => row(kit, 'pic')?.querySelector<HTMLButtonElement>('.media-button'), 'the image')).click();
    const said = await until(() => notice(kit), 'the notice');
    expect(text(said)).to.equal(UNLOADED);
    await reported('openImage');
  });

  it('a jump to a message (a quote, a search result): the chat says so, and opens at the latest', async () => {
    const kit = await chatWith(texts, 'm1');
    expect(root(kit).querySelectorAll('.row[data-id]').length, 'the history, not a spinner').to.equal(2);
    expect(text(await until(() => notice(kit), 'the notice'))).to.equal(UNLOADED);
    expect(await kit.el.scrollToMessage('m2')).to.equal(false);
    await reported('scrollToMessage');
  });

  it('the emoji picker and the sticker panel: the composer says they could not be loaded', async () => {
    const kit = await chatWith(texts);
    const composer = await until(() => root(kit).querySelector('tim-chat-composer')?.shadowRoot, 'the composer');
    const button = (label: string) => composer.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    const said = () => composer.querySelector<HTMLElement>('.notice[role="alert"]');
    button('Emoji').click();
    expect(text(await until(said, 'the notice'))).to.equal(UNLOADED);
    await reported('openEmojiPicker');
    expect(composer.querySelector('tim-chat-emoji-picker')).to.equal(null);
    button('Stickers').click();
    await reported('openStickerPanel');
    expect(text(said())).to.equal(UNLOADED);
    expect(composer.querySelector('tim-chat-sticker-panel'), 'no empty panel').to.equal(null);
  });

  it('a store action whose chunk is unreachable (saving an edit): the composer says so', async () => {
    const kit = await chatWith(texts);
    const composer = await until(() => root(kit).querySelector('tim-chat-composer')?.shadowRoot, 'the composer');
    const own = kit.store.state.windows.get('C2Cbob')!.messages.find((m: Message) => m.ID === 'm2')!;
    await kit.el.editMessage(own);
    await sendKeys({ type: '!' });
    await sendKeys({ press: 'Enter' });
    await reported('modifyMessage');
    const said = await until(() => composer.querySelector<HTMLElement>('.notice[role="alert"]'), 'the notice');
    expect(text(said)).to.equal(`The message could not be edited. ${UNLOADED}`);
    const error = await kit.store.clearHistory('C2Cbob').catch((e: unknown) => e);
    expect(error).to.include({ code: 2806 });
  });
});

describe('<tim-conversation> with its lazy chunks unreachable', () => {
  const alert = (el: TimConversation) => el.shadowRoot!.querySelector<HTMLElement>('[part="alert"]');

  async function rightClickBob(locale = 'en'): Promise<Kit<TimConversation>> {
    const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty', locale });
    await kit.core.bulkImport([{ from: 'bob', to: 'alice', payload: { text: 'hi' } }]);
    const bob = await until(() => kit.el.shadowRoot!.querySelector<HTMLElement>('[role="option"][data-id="C2Cbob"]'), 'bob’s row');
    if (locale === 'ko') await until(() => kit.el.shadowRoot!.querySelector('[aria-label="대화 목록"]'), 'the Korean strings');
    const rect = bob.getBoundingClientRect();
    bob.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: rect.left + 20, clientY: rect.top + 10 }));
    return kit;
  }

  it('a right-click on a row: the list says its menu could not be loaded', async () => {
    const kit = await rightClickBob();
    const said = await until(() => alert(kit.el), 'the alert');
    expect([said.getAttribute('role'), text(said.querySelector('span'))]).to.deep.equal(['alert', UNLOADED]);
    await reported('openConversationMenu');
  });

  it('says it in the user’s language (Korean)', async () => {
    const kit = await rightClickBob('ko');
    const ko = '페이지 일부를 불러오지 못했습니다. 연결을 확인한 뒤 페이지를 새로 고치세요.';
    expect(text((await until(() => alert(kit.el), 'the alert')).querySelector('span'))).to.equal(ko);
    await reported('openConversationMenu', ko);
  });

  it('the filter box: the list says it could not be loaded', async () => {
    const kit = await mountKit<TimConversation>(html`<tim-conversation filter></tim-conversation>`, { seed: 'empty' });
    const said = await until(() => alert(kit.el), 'the alert');
    expect(text(said.querySelector('span'))).to.equal(UNLOADED);
    await reported('openFilter');
    expect(kit.el.shadowRoot!.querySelector('input'), 'no filter box').to.equal(null);
  });
});

describe('<tim-profile> and <tim-search> with their views unreachable', () => {
  for (const [name, template, scenario] of [
    ['<tim-profile>', html`<tim-profile user-id="bob"></tim-profile>`, 'openProfile'],
    ['<tim-search>', html`<tim-search></tim-search>`, 'openSearch'],
  ] as const) {
    it(`${name}: says the view could not be loaded, with Retry`, async () => {
      const kit = await mountKit<TimProfile | TimSearch>(template);
      const state = await until(() => kit.el.shadowRoot!.querySelector<HTMLElement>('[part~="state"][part~="error"]'), 'the error state');
      expect(text(state.querySelector('span'))).to.equal(UNLOADED);
      expect(text(state.querySelector('button'))).to.equal('Retry');
      await reported(scenario);
      state.querySelector('button')!.click();
      // Retried: still unreachable (the page keeps the failed fetch), and said again.
      await until(() => seen.filter((d) => d.scenario === scenario).length === 2, 'the retry reported');
      expect(text(await until(() => kit.el.shadowRoot!.querySelector('[part~="error"] span'), 'the error state'))).to.equal(UNLOADED);
    });
  }

  for (const [name, template] of [
    ['<tim-profile>', html`<tim-profile user-id="bob"></tim-profile>`],
    ['<tim-search>', html`<tim-search></tim-search>`],
  ] as const) {
    it(`${name}: Back is there on that error, so a phone user is not stuck on it`, async () => {
      const kit = await mountKit<TimProfile | TimSearch>(template);
      await until(() => kit.el.shadowRoot!.querySelector('[part~="state"][part~="error"]'), 'the error state');
      const back = kit.el.shadowRoot!.querySelector<HTMLButtonElement>('[part="back-button"]');
      expect(back?.getAttribute('aria-label'), 'a Back button').to.equal('Back');
      const next = oneEvent(kit.el, 'tim-navigate');
      back!.click();
      expect((await next).detail).to.deep.equal({ to: 'back' });
      kit.el.noBack = true;
      await kit.el.updateComplete;
      expect(kit.el.shadowRoot!.querySelector('[part="back-button"]'), 'no-back').to.equal(null);
    });
  }
});

describe('<tim-provider> with a language whose words are unreachable', () => {
  it('the elements stay readable in English, and the host hears of it once', async () => {
    const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty', locale: 'zh' });
    const e = await until(() => seen.find((d) => d.scenario === 'locale'), 'tim-error locale');
    expect(e).to.include({ code: 2806, category: 'network', text: UNLOADED });
    await kit.el.updateComplete;
    expect(kit.el.shadowRoot!.querySelector('[aria-label="Conversations"]'), 'English strings').to.not.equal(null);
    expect(kit.el.matches(':lang(en)'), 'marked as English, what it speaks').to.equal(true);
    kit.provider.theme = 'dark';
    await kit.provider.updateComplete;
    expect(seen.filter((d) => d.scenario === 'locale').length, 'not again while the language stays').to.equal(1);
  });
});
