/**
 * An accessibility audit of every element with axe-core (through chai-a11y-axe), in its main states, on the
 * demo world (alice logged in), in the light and the dark theme so that colour contrast is checked in both.
 * axe walks open shadow roots, so each check runs on the public element and covers what it holds: the lazy
 * views, the menus and dialogs of its top layer, the composer and its pickers.
 *
 * States are grouped per mount to keep the file quick; each `audit()` names the state and the theme in its
 * failure, and a test reports every state's violations at once rather than the first.
 */
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ConversationID, Message, TimChat, TimConversation, TimProfile, TimSearch, TimUnreadCount } from '../../src/index.js';
import { cleanupKits, deepQuery, deepText, makeCore, mountKit, mountOnCore, until, type Kit } from '../helpers/kit.js';
import { frames, mountChat, opened, q, rowOf, type ChatKit } from '../helpers/chat.js';
import { audit, focusRing, report, type AuditOptions, type Found } from '../helpers/a11y.js';

/** Every state in the three UI languages. */
const ALL: AuditOptions = { locales: ['en', 'zh', 'ko'] };

/** Kits mounted on a core of the test's own (`mountOnCore`), which `cleanupKits` leaves alone. */
const later: Kit[] = [];
afterEach(async () => {
  await Promise.all(later.splice(0).map((k) => k.cleanup()));
  await cleanupKits();
});

describe('accessibility (axe, light and dark, en/zh/ko)', () => {
  it('<tim-conversation>: pinned, muted, draft and unread rows, the filter, the row menu', async function () {
    this.timeout(120_000);
    const kit = await mountKit<TimConversation>(html`<tim-conversation filter></tim-conversation>`);
    const el = kit.el;
    const row = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`);
    // The seed: bob pinned, carol muted (with unread), minji a draft, lilei unread.
    await until(() => ['C2Cbob', 'C2Ccarol', 'C2Cminji', 'C2Clilei'].every((id) => row(id)), 'the seeded rows');
    await until(() => el.shadowRoot!.querySelector('input[type="search"]'), 'the filter box');
    await until(() => row('C2Cminji')!.querySelector('.marker'), 'the draft marker');
    const found: Found = new Map();
    await audit(kit, 'the list', found, ALL);
    // With the keyboard in the list: the focused row shows its overflow button.
    el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
    await until(() => el.shadowRoot!.querySelector('.focused'), 'a focused row');
    await audit(kit, 'the list with the keyboard in it', found, ALL);
    const r = row('C2Cbob')!.getBoundingClientRect();
    row('C2Cbob')!.querySelector('.name')!.dispatchEvent(
      new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: r.left + 20, clientY: r.top + 10 }),
    );
    await until(() => el.shadowRoot!.querySelector('tim-menu')?.shadowRoot?.querySelector('[popover]:popover-open'), 'the row menu', 8000);
    await audit(kit, 'the row menu', found, ALL);
    report(found);
  });

  describe('<tim-chat>', () => {
    const layer = (el: TimChat) => q<HTMLElement>(el, 'tim-chat-actions')!;
    const inLayer = <T extends Element = HTMLElement>(el: TimChat, selector: string) => layer(el)?.shadowRoot?.querySelector<T>(selector) ?? null;
    const menuSurface = (el: TimChat) => inLayer(el, 'tim-menu')?.shadowRoot?.querySelector<HTMLElement>('[popover]') ?? null;
    const menuOpen = (el: TimChat) => !!menuSurface(el)?.matches(':popover-open');
    const dialogOpen = (el: TimChat, cls: string) => !!inLayer(el, `tim-dialog.${cls}`)?.shadowRoot?.querySelector('dialog')?.open;
    const composer = (el: TimChat) => q(el, 'tim-chat-composer')?.shadowRoot ?? null;
    const messages = (kit: ChatKit): readonly Message[] => kit.store.state.windows.get(kit.el.conversationId as ConversationID)?.messages ?? [];

    async function openMenu(el: TimChat, id: string): Promise<void> {
      const row = await until(() => rowOf(el, id), `row ${id}`);
      row.focus();
      await sendKeys({ press: 'ContextMenu' });
      await until(() => menuOpen(el), 'the menu to open', 8000);
      await frames(1);
    }
    async function choose(el: TimChat, label: string): Promise<void> {
      const item = await until(
        () => [...(menuSurface(el)?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].find((b) => b.textContent!.trim() === label),
        `menu item ${label}`,
      );
      item.click();
      await until(() => !menuOpen(el), 'the menu to close');
      await frames(2);
    }
    async function escapeUntil(check: () => boolean, what: string): Promise<void> {
      for (let i = 0; i < 3 && !check(); i++) await sendKeys({ press: 'Escape' });
      await until(check, what);
    }

    it('in a 1:1 chat: the history and composer, a quote, the emoji picker, an edit, the menu, forward, multi-select, find', async function () {
    this.timeout(120_000);
      // Bob's history, and an own chat record (alice forwarded one) at its end.
      const { core, dbName } = await makeCore();
      const items = ['Can we move the sync to 3pm?', 'Sure, works for me.'].map((text, i) => ({
        ID: `own-record-${i}`, from: i ? 'carol' : 'alice', nick: i ? 'Carol Jones' : 'Alice Chen', avatar: '', time: Math.floor(Date.now() / 1000) - 600 + i,
        cloudCustomData: '', messageBody: [{ type: 'TIMTextElem', payload: { text } }],
      }));
      const abstractList = items.map((i) => `${i.nick}: ${(i.messageBody[0]!.payload as { text: string }).text}`);
      const [recordID] = await core.bulkImport(
        [{ from: 'alice', to: 'bob', type: 'TIMRelayElem', payload: { title: 'Chat history of Product Team', abstractList, compatibleText: '', messageList: items } }],
        { read: true },
      );
      const kit = await mountOnCore<TimChat>(core, dbName, html`<tim-chat conversation-id="C2Cbob"></tim-chat>`);
      later.push(kit);
      const el = kit.el;
      await opened(el);
      const own = await until(() => rowOf(el, recordID!)?.querySelector<HTMLDetailsElement>('details'), 'the own chat record');
      own.querySelector('summary')!.click();
      await until(() => own.querySelectorAll('.record-item').length === 2, 'the own record open');
      await until(() => composer(el)?.querySelector('textarea'), 'the composer');
      const found: Found = new Map();
      await audit(kit, 'the chat', found, ALL);
      // Older messages of every kind: picture, video, file, voice, sticker, cards, location, chat record (opened).
      await el.scrollToMessage('seed-bob-video');
      await until(() => rowOf(el, 'seed-bob-file') && rowOf(el, 'seed-bob-sound'), 'the older messages');
      await audit(kit, 'pictures, video, file, voice', found, ALL);
      await el.scrollToMessage('seed-bob-merger');
      const record = await until(() => rowOf(el, 'seed-bob-merger')?.querySelector<HTMLDetailsElement>('details'), 'the chat record');
      record.querySelector('summary')!.click();
      await until(() => record.querySelectorAll('.record-item').length === 3, 'the record open');
      await audit(kit, 'cards, location, an open chat record', found, ALL);

      // A quote preview, with the emoji picker open over it.
      const theirs = messages(kit).filter((m) => m.flow === 'in' && m.type === 'TIMTextElem').at(-1)!;
      await el.quote(theirs);
      await until(() => composer(el)?.querySelector('[part=quote-preview]'), 'the quote preview');
      composer(el)!.querySelector<HTMLElement>('[aria-label=Emoji]')!.click();
      await until(() => composer(el)?.querySelector('tim-chat-emoji-picker')?.shadowRoot?.querySelector('.grid button'), 'the emoji picker');
      await audit(kit, 'a quote and the emoji picker', found, ALL);
      await escapeUntil(() => !composer(el)!.querySelector('tim-chat-emoji-picker'), 'the picker closed');
      await escapeUntil(() => !composer(el)!.querySelector('[part=quote-preview]'), 'the quote cancelled');

      // Editing an own message.
      const mine = messages(kit).filter((m) => m.flow === 'out' && m.type === 'TIMTextElem').at(-1)!;
      await el.editMessage(mine);
      await until(() => composer(el)?.querySelector('[part=edit-banner]'), 'the edit banner');
      await audit(kit, 'the edit banner', found, ALL);
      await escapeUntil(() => !composer(el)!.querySelector('[part=edit-banner]'), 'the edit cancelled');

      // The message menu, then the forward dialog.
      await openMenu(el, theirs.ID);
      for (const line of focusRing()) found.set(line, ['the message menu, opened with the keyboard']);
      await audit(kit, 'the message menu', found, ALL);
      await choose(el, 'Forward');
      await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
      await until(() => inLayer(el, 'tim-dialog.forward input[type="checkbox"]'), 'the targets');
      await audit(kit, 'the forward dialog', found, ALL);
      await escapeUntil(() => !dialogOpen(el, 'forward'), 'the dialog closed');

      // Multi-select with its bar.
      await openMenu(el, theirs.ID);
      await choose(el, 'Select');
      await until(() => el.hasAttribute('selecting') && q(el, '[part="select-bar"]'), 'multi-select');
      await audit(kit, 'multi-select', found, ALL);
      await escapeUntil(() => !el.hasAttribute('selecting'), 'multi-select left');

      // The find bar (Ctrl+F), with hits.
      q(el, '.scroller')!.focus();
      await sendKeys({ press: 'Control+f' });
      const bar = () => q(el, 'tim-chat-find')?.shadowRoot ?? null;
      await until(() => bar()?.querySelector('input'), 'the find bar', 8000);
      await sendKeys({ type: 'the' });
      await until(() => /\d/.test(deepText(q(el, 'tim-chat-find')!)), 'the count of hits');
      await audit(kit, 'the find bar', found, ALL);
      report(found);
    });

    it('in a group: sender names, the mention list, the read-receipt panel', async function () {
    this.timeout(120_000);
      const kit = await mountChat('GROUPteam');
      const el = kit.el;
      await until(() => kit.store.state.members.get('team')?.status === 'ready', 'members');
      const input = await until(() => composer(el)?.querySelector('textarea'), 'the composer');
      const found: Found = new Map();
      await audit(kit, 'the group chat', found, ALL);
      input.focus();
      await sendKeys({ type: 'Hi @' });
      await until(() => composer(el)?.querySelector('[part=mention-list] [role=option]'), 'the mention list');
      await audit(kit, 'the mention list', found, ALL);
      await escapeUntil(() => !composer(el)!.querySelector('[part=mention-list]'), 'the mention list closed');

      await openMenu(el, 'seed-team-receipt');
      await choose(el, 'Read receipts');
      await until(() => dialogOpen(el, 'receipts') && inLayer(el, 'tim-dialog.receipts')!.querySelectorAll('.people').length === 2, 'the receipts');
      await until(() => deepText(inLayer(el, 'tim-dialog.receipts')!).includes('Carol Jones'), 'the names');
      await audit(kit, 'the read receipts', found, ALL);
      report(found);
    });
  });

  it('<tim-profile>: a user, the own profile editor, a group, requests, the block list, friends', async function () {
    this.timeout(120_000);
    const kit = await mountKit<TimProfile>(html`<tim-profile user-id="bob"></tim-profile>`);
    const el = kit.el;
    const view = () => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('.view');
    const shows = (text: string) => until(() => deepText(el).includes(text), `"${text}"`, 8000);
    const found: Found = new Map();
    await shows('Coffee first');
    await audit(kit, 'a user (friend)', found, ALL);
    const button = (label: string) => until(() => [...view()!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label), label);
    (await button('Edit remark')).click();
    await until(() => view()!.shadowRoot!.querySelector('tim-dialog.editor')?.shadowRoot?.querySelector('dialog[open]'), 'the remark form');
    await audit(kit, 'a form dialog (remark)', found, ALL);
    await sendKeys({ press: 'Escape' });
    await until(() => !view()!.shadowRoot!.querySelector('tim-dialog.editor')?.shadowRoot?.querySelector('dialog[open]'), 'the form closed');
    el.userId = 'dave';
    await shows('we met at the conference');
    await audit(kit, 'a user (request received)', found, ALL);
    el.userId = '';
    el.self = true;
    await until(() => view()?.shadowRoot?.querySelector('form [name="nick"]'), 'the own profile form');
    await audit(kit, 'the own profile editor', found, ALL);
    el.self = false;
    el.groupId = 'team';
    await until(() => deepQuery(el.shadowRoot!, '[part~="item"]'), 'the members', 8000);
    await shows('Product Team');
    await audit(kit, 'a group (owner)', found, ALL);
    const members = deepQuery<HTMLElement>(el.shadowRoot!, '[role="listbox"]')!;
    members.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => deepQuery(el.shadowRoot!, '[role="menuitem"]'), 'a member’s actions');
    await audit(kit, 'a group member’s actions', found, ALL);
    await sendKeys({ press: 'Escape' });
    el.groupId = '';
    el.mode = 'requests';
    await shows('Waiting for an answer');
    await audit(kit, 'requests', found, ALL);
    el.mode = 'blocklist';
    await shows('Totally Legit Deals');
    await audit(kit, 'the block list', found, ALL);
    el.mode = 'friends';
    await shows('Zoe Alexandra');
    await audit(kit, 'friends', found, ALL);
    report(found);
  });

  describe('<tim-search>', () => {
    const panel = (el: TimSearch) => el.shadowRoot!.querySelector('tim-search-panel') as (HTMLElement & { search(): Promise<void>; updateComplete: Promise<unknown> }) | null;
    async function search(el: TimSearch, keyword: string): Promise<void> {
      const field = await until(() => panel(el)?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
      field.focus();
      await sendKeys({ type: keyword });
      await panel(el)!.search();
      await panel(el)!.updateComplete;
      await until(() => /result/.test(panel(el)!.shadowRoot!.querySelector('[role="status"]')?.textContent ?? ''), 'the results');
    }

    it('global, with results of every kind; inside a conversation', async function () {
    this.timeout(120_000);
      const kit = await mountKit<TimSearch>(html`<tim-search></tim-search>`);
      const found: Found = new Map();
      await until(() => panel(kit.el)?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
      await audit(kit, 'global, before typing', found, ALL);
      await search(kit.el, 'a');
      await audit(kit, 'global, with results', found, ALL);
      const inside = await mountKit<TimSearch>(html`<tim-search conversation-id="GROUPteam"></tim-search>`);
      await search(inside.el, 'the');
      await audit(inside, 'in a conversation, with results', found, ALL);
      report(found);
    });
  });

  it('<tim-status> offline and kicked out; <tim-unread-count>', async function () {
    this.timeout(120_000);
    const found: Found = new Map();
    const status = await mountKit(html`<tim-status></tim-status>`);
    status.core.faults.disconnect();
    await until(() => deepText(status.el).includes('Network unavailable'), 'offline');
    await audit(status, 'status: offline', found, ALL);
    await status.core.faults.reconnect();
    status.core.faults.kickOut('multipleAccount');
    await until(() => status.el.shadowRoot!.querySelector('button'), 'kicked out');
    await audit(status, 'status: kicked out', found, ALL);
    const unread = await mountKit<TimUnreadCount>(html`<tim-unread-count></tim-unread-count>`);
    await until(() => unread.el.count > 0 && unread.el.shadowRoot!.querySelector('[part~="badge"]'), 'the count');
    await audit(unread, 'unread count', found, ALL);
    const zero = await mountKit<TimUnreadCount>(html`<tim-unread-count show-zero></tim-unread-count>`, { seed: 'empty' });
    await until(() => zero.el.shadowRoot!.querySelector('[part~="badge"]'), 'the zero badge');
    await audit(zero, 'unread count at zero', found, ALL);
    report(found);
  });
});
