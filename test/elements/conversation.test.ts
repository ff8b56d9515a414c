/**
 * <tim-conversation> and <tim-unread-count>, as a user and a host see them, on a real LocalCore. Other users
 * are other LocalCore instances on the same database (the same "server"): when bob sends, alice's list
 * hears it the way it would from the service.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { cleanupKits, deepText, makeCore, mountKit, until, type Kit } from '../helpers/kit.js';
import type { LocalCore } from '../../src/core/local/index.js';
import { loadCatalog } from '../../src/i18n/index.js';
import type { ImportedMessage } from '../../src/core/local/index.js';
import {
  AT_ALL,
  type Conversation,
  type ConversationID,
  type TimBeforeConversationActionEvent,
  type TimConversation,
  type TimConversationActionEvent,
  type TimErrorEvent,
  type TimNavigateEvent,
  type TimUnreadCount,
} from '../../src/index.js';

let peers: LocalCore[] = [];
afterEach(async () => {
  await Promise.all(peers.map((p) => p.destroy().catch(() => undefined)));
  peers = [];
  await cleanupKits();
});

type ListKit = Kit<TimConversation>;

/** Another user on the same service, with a nick. */
async function peer(kit: Kit, userID: string, nick?: string): Promise<LocalCore> {
  const { core } = await makeCore({ dbName: kit.dbName, user: userID, seed: 'empty' });
  peers.push(core);
  if (nick) await core.updateMyProfile({ nick });
  return core;
}

async function say(core: LocalCore, conversationID: ConversationID, text: string, atUserList?: string[]) {
  const m = core.createMessage({ conversationID, draft: { type: 'TIMTextElem', payload: { text }, ...(atUserList ? { atUserList } : {}) } });
  return core.sendMessage(m.ID);
}

/** Imports messages at given times (seconds ago), all unread for alice. */
async function history(kit: Kit, items: Array<Omit<ImportedMessage, 'payload' | 'time'> & { payload?: unknown; ago?: number; text?: string }>) {
  const now = Math.floor(Date.now() / 1000);
  await kit.core.bulkImport(
    items.map(({ ago = 60, text, payload, ...rest }) => ({ ...rest, payload: payload ?? { text: text ?? 'hi' }, time: now - ago })),
  );
}

const root = (el: TimConversation) => el.shadowRoot!;
const rows = (el: TimConversation) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const ids = (el: TimConversation) => rows(el).map((r) => r.dataset.id);
const row = (el: TimConversation, id: string) => root(el).querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`);
const nameOf = (el: TimConversation, id: string) => row(el, id)?.querySelector('.name')?.textContent?.trim();
/** The preview as read: invisible isolation marks (around sender names) removed. */
const previewOf = (el: TimConversation, id: string) =>
  row(el, id)?.querySelector('.preview')?.textContent?.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const list = (el: TimConversation) => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
// The menu and the dialog are defined by the lazy actions chunk: until the first menu, they are not upgraded.
const menuItems = (el: TimConversation) => [...(root(el).querySelector('tim-menu')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
const menuOpen = (el: TimConversation) => !!root(el).querySelector('tim-menu')?.shadowRoot?.querySelector('[popover]:popover-open');
const dialogOf = (el: TimConversation) => root(el).querySelector('tim-dialog')!.shadowRoot!.querySelector('dialog')!;

async function mountList(options: { html?: ReturnType<typeof html>; locale?: string } = {}): Promise<ListKit> {
  return mountKit<TimConversation>(options.html ?? html`<tim-conversation></tim-conversation>`, { seed: 'empty', ...(options.locale ? { locale: options.locale } : {}) });
}

/** Waits until the core itself (not only the store's optimistic patch) holds `check` for a conversation. */
async function coreHolds(kit: Kit, id: ConversationID, check: (c: Conversation) => boolean, what: string) {
  const end = performance.now() + 4000;
  for (;;) {
    const c = (await kit.core.getConversationList()).find((x) => x.conversationID === id);
    if (c && check(c)) return;
    if (performance.now() > end) throw new Error(`Timed out waiting for the core: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rightClick(el: TimConversation, id: string) {
  const r = row(el, id)!;
  const rect = r.getBoundingClientRect();
  r.querySelector('.name')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: rect.left + 20, clientY: rect.top + 10 }));
  await until(() => menuOpen(el), 'the menu');
}

async function choose(el: TimConversation, id: string) {
  const item = await until(() => menuItems(el).find((b) => b.dataset.id === id), `menu item ${id}`);
  item.click();
}

async function confirmDialog(el: TimConversation, ok: boolean) {
  const dialog = await until(() => (dialogOf(el).open ? dialogOf(el) : null), 'the confirmation');
  const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('button')];
  (ok ? buttons.find((b) => b.classList.contains('primary')) : buttons.find((b) => !b.classList.contains('primary')))!.click();
}

describe('<tim-conversation>', () => {
  describe('the live list', () => {
    it('shows pinned conversations first, then by last activity, and a new message moves its conversation to the top and bumps its badge', async () => {
      const kit = await mountList();
      const el = kit.el;
      await history(kit, [
        { from: 'bob', to: 'alice', ago: 300 },
        { from: 'carol', to: 'alice', ago: 200 },
        { from: 'dave', to: 'alice', ago: 100 },
        { from: 'erin', to: 'alice', ago: 50 },
      ]);
      await until(() => ids(el).length === 4, 'four rows');
      expect(ids(el)).to.deep.equal(['C2Cerin', 'C2Cdave', 'C2Ccarol', 'C2Cbob']);
      await kit.store.pinConversation('C2Ccarol', true);
      await until(() => ids(el)[0] === 'C2Ccarol', 'the pinned one on top');
      expect(ids(el)).to.deep.equal(['C2Ccarol', 'C2Cerin', 'C2Cdave', 'C2Cbob']);
      expect(row(el, 'C2Ccarol')!.getAttribute('part')).to.contain('pinned');

      const bob = await peer(kit, 'bob', 'Bob');
      const before = row(el, 'C2Cbob')!.querySelector('.badge')!.textContent!.trim();
      expect(before).to.equal('1');
      await say(bob, 'C2Calice', 'are you there?');
      await until(() => ids(el)[1] === 'C2Cbob', 'bob right under the pinned one');
      expect(ids(el)).to.deep.equal(['C2Ccarol', 'C2Cbob', 'C2Cerin', 'C2Cdave']);
      await until(() => row(el, 'C2Cbob')!.querySelector('.badge')?.textContent?.trim() === '2', 'the badge bumped');
      expect(previewOf(el, 'C2Cbob')).to.contain('are you there?');
      expect(row(el, 'C2Cbob')!.textContent).to.contain('2 unread messages');
    });

    it('F12: after a burst of 60 messages from two peers the badges, the total and the previews equal the core', async () => {
      const kit = await mountList({ html: html`<tim-conversation></tim-conversation><tim-unread-count></tim-unread-count>` });
      const el = kit.el;
      const [bob, carol] = [await peer(kit, 'bob', 'Bob'), await peer(kit, 'carol', 'Carol')];
      await Promise.all(Array.from({ length: 60 }, (_, i) => say(i % 3 ? bob : carol, 'C2Calice', `burst ${i}`)));
      const truth = async () => Object.fromEntries((await kit.core.getConversationList()).map((c) => [c.conversationID, c]));
      await until(() => kit.core.getTotalUnreadCount() === 60, 'the core counted all');
      const core = await truth();
      const badge = (id: string) => row(el, id)?.querySelector('.badge')?.textContent?.trim();
      await until(() => badge('C2Cbob') === '40' && badge('C2Ccarol') === '20', 'badges 40 and 20');
      expect([core['C2Cbob']!.unreadCount, core['C2Ccarol']!.unreadCount]).to.deep.equal([40, 20]);
      const total = kit.provider.querySelector('tim-unread-count')!;
      await until(() => deepText(total).includes('60'), 'total 60');
      for (const id of ['C2Cbob', 'C2Ccarol'] as const) {
        const last = core[id]!.lastMessage!;
        expect(previewOf(el, id), id).to.contain((last.payload as { text: string }).text);
      }
    });

    it('F13: reading a conversation in another tab clears its badge and the total here', async () => {
      const kit = await mountList({ html: html`<tim-conversation></tim-conversation><tim-unread-count></tim-unread-count>` });
      const el = kit.el;
      const bob = await peer(kit, 'bob', 'Bob');
      await say(bob, 'C2Calice', 'one');
      await say(bob, 'C2Calice', 'two');
      const badge = () => row(el, 'C2Cbob')?.querySelector('.badge')?.textContent?.trim();
      await until(() => badge() === '2', 'badge 2');
      const { core: otherTab } = await makeCore({ dbName: kit.dbName, user: 'alice', seed: 'empty' });
      try {
        await otherTab.markConversationRead('C2Cbob');
        await until(() => !badge(), 'the badge gone');
        await until(() => kit.store.state.totalUnread === 0, 'total 0');
        expect(deepText(kit.provider.querySelector('tim-unread-count')!)).to.not.match(/\d/);
      } finally {
        await otherTab.destroy();
      }
    });

    it('changes a name the moment the profile changes, without a reload', async () => {
      const kit = await mountList();
      const bob = await peer(kit, 'bob', 'Bob');
      await say(bob, 'C2Calice', 'hello');
      await until(() => nameOf(kit.el, 'C2Cbob') === 'Bob', 'Bob');
      const node = row(kit.el, 'C2Cbob');
      await bob.updateMyProfile({ nick: 'Robert the Builder' });
      await until(() => nameOf(kit.el, 'C2Cbob') === 'Robert the Builder', 'the new nick');
      expect(row(kit.el, 'C2Cbob'), 'the same row, updated in place').to.equal(node);
      // A friend remark wins over the nick.
      const added = await kit.store.addFriend({ userID: 'bob', remark: 'Bobby (work)' });
      if (added.result === 'pending') await bob.acceptFriendApplication({ userID: 'alice' });
      await until(() => kit.store.state.friends.value.has('bob'), 'friends');
      await kit.store.updateFriendRemark('bob', 'Bobby (work)');
      await until(() => nameOf(kit.el, 'C2Cbob') === 'Bobby (work)', 'the remark');
    });

    it('previews every message type, with sender prefixes in groups and recall wording', async () => {
      const kit = await mountList();
      const bob = await peer(kit, 'bob', 'Bob');
      await peer(kit, 'carol', 'Carol');
      const group = await kit.core.createGroup({ name: 'Team', type: 'Private', memberList: ['bob', 'carol'] });
      const gid = `GROUP${group.groupID}` as ConversationID;
      await history(kit, [
        { from: 'u1', to: 'alice', type: 'TIMImageElem', payload: { imageInfoArray: [{ type: 0, url: 'https://example.com/a.png', width: 10, height: 10, size: 100 }] } },
        { from: 'u2', to: 'alice', type: 'TIMFileElem', payload: { fileName: 'report.pdf', fileSize: 1000, fileUrl: 'https://example.com/r.pdf' } },
        { from: 'u3', to: 'alice', type: 'TIMSoundElem', payload: { url: 'https://example.com/v.m4a', second: 12, size: 100 } },
        { from: 'u4', to: 'alice', type: 'TIMCustomElem', payload: { data: '{"businessID":"order"}', description: 'Order #42 shipped', extension: '' } },
        { from: 'u5', to: 'alice', type: 'TIMVideoFileElem', payload: { videoUrl: 'https://example.com/v.mp4', videoSecond: 3, videoSize: 1, thumbUrl: '', thumbWidth: 1, thumbHeight: 1 } },
        { from: 'u6', to: 'alice', type: 'TIMLocationElem', payload: { description: 'Shenzhen Bay', longitude: 1, latitude: 2 } },
        { from: 'alice', to: 'u7', isRevoked: true, text: 'oops' },
        { from: 'u8', to: 'alice', isRevoked: true, text: 'secret' },
      ]);
      await say(bob, gid, 'lunch at noon?');
      const el = kit.el;
      await until(() => ids(el).length === 9, 'nine rows');
      expect(previewOf(el, 'C2Cu1')).to.equal('[Image]');
      expect(previewOf(el, 'C2Cu2')).to.equal('[File] report.pdf');
      expect(previewOf(el, 'C2Cu3')).to.equal('[Voice] 0:12');
      expect(previewOf(el, 'C2Cu4')).to.equal('Order #42 shipped');
      expect(previewOf(el, 'C2Cu5')).to.equal('[Video]');
      expect(previewOf(el, 'C2Cu6')).to.equal('[Location] Shenzhen Bay');
      expect(previewOf(el, 'C2Cu7')).to.equal('You recalled a message');
      expect(previewOf(el, 'C2Cu8')).to.equal('u8 recalled a message');
      await until(() => previewOf(el, gid) === 'Bob: lunch at noon?', 'the group preview with its sender');
      expect(row(el, gid)!.querySelector('.preview')!.textContent, 'the sender name isolated').to.contain('\u2068Bob\u2069: ');
      expect(row(el, gid)!.querySelector('.preview')!.getAttribute('dir')).to.equal('auto');
      expect(nameOf(el, gid)).to.equal('Team');
      // Own messages in a group say "You".
      await say(kit.core, gid, 'sounds good');
      await until(() => previewOf(el, gid) === 'You: sounds good', 'own group message');
    });

    it('shows the time through Intl, 99+ for many unread, and a dot instead of a count when muted', async () => {
      const kit = await mountList();
      const many = Array.from({ length: 120 }, (_, i) => ({ from: 'bob', to: 'alice', ago: 500 - i, text: `m${i}` }));
      await history(kit, [...many, { from: 'carol', to: 'alice', ago: 3 * 86_400 }]);
      const el = kit.el;
      await until(() => row(el, 'C2Cbob') && row(el, 'C2Ccarol'), 'rows');
      expect(row(el, 'C2Cbob')!.querySelector('.badge')!.textContent!.trim()).to.equal('99+');
      expect(row(el, 'C2Cbob')!.textContent).to.contain('120 unread messages');
      const time = row(el, 'C2Cbob')!.querySelector('time')!;
      const seconds = Date.parse(time.getAttribute('datetime')!) / 1000;
      expect(time.textContent!.trim()).to.equal(new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(seconds * 1000));
      const old = row(el, 'C2Ccarol')!.querySelector('time')!.textContent!.trim();
      expect(old, 'three days ago: a weekday').to.equal(new Intl.DateTimeFormat('en', { weekday: 'long' }).format(Date.now() - 3 * 86_400_000));

      await kit.store.setMessageRemindType('C2Cbob', 'AcceptNotNotify');
      await until(() => row(el, 'C2Cbob')!.querySelector('.dot.muted'), 'the muted dot');
      expect(row(el, 'C2Cbob')!.querySelector('.badge')).to.equal(null);
      expect(row(el, 'C2Cbob')!.textContent).to.contain('Notifications off');
    });

    it('shows some of a group message beside a long sender name, in a sidebar-wide list', async () => {
      const kit = await mountList();
      kit.el.style.inlineSize = '320px';
      await peer(kit, 'bob', 'Bob');
      const zoe = await peer(kit, 'zoe', 'Zoe Alexandra Montgomery-Worthington of the Long Names Society');
      const g = await kit.core.createGroup({ name: 'Live', type: 'Private', memberList: ['bob', 'zoe'] });
      await say(zoe, `GROUP${g.groupID}`, 'hello there');
      const preview = await until(() => (previewOf(kit.el, `GROUP${g.groupID}`)?.includes('hello') ? row(kit.el, `GROUP${g.groupID}`)!.querySelector<HTMLElement>('.preview') : null), 'the preview');
      // Where the message's first word is drawn: inside the line, not cut off by the sender's name.
      const walker = document.createTreeWalker(preview, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode()) && !node.textContent!.includes('hello'));
      const range = document.createRange();
      const at = node!.textContent!.indexOf('hello');
      range.setStart(node!, at);
      range.setEnd(node!, at + 5);
      expect(range.getBoundingClientRect().right, 'the message shows').to.be.at.most(preview.getBoundingClientRect().right);
    });

    it('marks drafts, @me and @all in groups, typing, and the receipt of an own last message', async () => {
      const kit = await mountList();
      const bob = await peer(kit, 'bob', 'Bob');
      await peer(kit, 'carol', 'Carol');
      const g1 = await kit.core.createGroup({ name: 'Mentions', type: 'Private', memberList: ['bob', 'carol'] });
      const g2 = await kit.core.createGroup({ name: 'Everyone', type: 'Private', memberList: ['bob', 'carol'] });
      await say(bob, `GROUP${g1.groupID}`, '@alice look', ['alice']);
      await say(bob, `GROUP${g2.groupID}`, '@all meeting', [AT_ALL]);
      const el = kit.el;
      await until(() => previewOf(el, `GROUP${g1.groupID}`)?.startsWith('[@me]'), '[@me]');
      expect(row(el, `GROUP${g1.groupID}`)!.textContent).to.contain('Mentions you.');
      await until(() => previewOf(el, `GROUP${g2.groupID}`)?.startsWith('[@all]'), '[@all]');
      expect(row(el, `GROUP${g2.groupID}`)!.textContent).to.contain('Mentions everyone.');
      // Both: the two markers, said in the same order.
      const g3 = await kit.core.createGroup({ name: 'Both', type: 'Private', memberList: ['bob', 'carol'] });
      await say(bob, `GROUP${g3.groupID}`, '@all and @alice', [AT_ALL, 'alice']);
      await until(() => previewOf(el, `GROUP${g3.groupID}`)?.startsWith('[@all][@me]'), '[@all][@me]');
      const both = row(el, `GROUP${g3.groupID}`)!;
      expect(both.querySelector('[part="marker"]')!.getAttribute('aria-hidden'), 'said instead').to.equal('true');
      expect(both.textContent).to.contain('Mentions everyone. Mentions you.');

      // Own message: sent, then read by bob.
      await say(kit.core, 'C2Cbob', 'ping');
      await until(() => row(el, 'C2Cbob')?.querySelector('.tick.sent'), 'the sent tick');
      expect(row(el, 'C2Cbob')!.textContent).to.contain('Sent');
      await bob.markConversationRead('C2Calice');
      await until(() => row(el, 'C2Cbob')!.querySelector('.tick.read'), 'the read tick');

      // Typing replaces the preview while it lasts.
      await bob.setTyping('C2Calice', true);
      await until(() => previewOf(el, 'C2Cbob') === 'typing…', 'typing…');
      await bob.setTyping('C2Calice', false);
      await until(() => previewOf(el, 'C2Cbob') === 'ping', 'the preview back');

      // A draft shows (in red) instead of the last message, except on the open conversation.
      await kit.store.setDraft('C2Cbob', 'half a thought');
      await until(() => previewOf(el, 'C2Cbob') === '[Draft] half a thought', 'the draft');
      expect(row(el, 'C2Cbob')!.querySelector('[part="marker"]')!.hasAttribute('aria-hidden'), 'the draft marker is read as shown').to.be.false;
      el.activeConversationId = 'C2Cbob';
      await until(() => previewOf(el, 'C2Cbob') === 'ping', 'no draft marker on the open conversation');
      expect(row(el, 'C2Cbob')!.getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'C2Cbob')!.getAttribute('part')).to.contain('active');
    });

    it('shows an online dot for peers the core reports online', async () => {
      const kit = await mountList();
      const bob = await peer(kit, 'bob', 'Bob');
      await say(bob, 'C2Calice', 'hi');
      await history(kit, [{ from: 'ghost', to: 'alice', ago: 999 }]);
      const avatar = await until(() => row(kit.el, 'C2Cbob')?.querySelector('tim-avatar'), 'bob’s avatar');
      await until(() => avatar.presence === 'online', 'online');
      const ghost = await until(() => row(kit.el, 'C2Cghost')?.querySelector('tim-avatar'), 'ghost’s avatar');
      await until(() => ghost.presence === 'offline', 'offline');
      expect(row(kit.el, 'C2Cbob')!.textContent).to.contain('Online');
    });

    it('renders hostile names as text, isolated, and cut by grapheme (never inside an emoji)', async () => {
      const kit = await mountList();
      const evil = '<img src=x onerror="window.__xss=1">\u202Egnp.exe';
      const mallory = await peer(kit, 'mallory', evil);
      await say(mallory, 'C2Calice', '<b>bold?</b>');
      const flag = '🇰🇷';
      const zoe = await peer(kit, 'zoe', flag.repeat(55));
      await say(zoe, 'C2Calice', 'long name');
      const el = kit.el;
      await until(() => nameOf(el, 'C2Cmallory')?.includes('onerror'), 'mallory');
      const name = row(el, 'C2Cmallory')!.querySelector('.name')!;
      expect(name.tagName).to.equal('BDI');
      expect(name.textContent).to.not.contain('\u202E');
      expect(row(el, 'C2Cmallory')!.querySelector('img[onerror]')).to.equal(null);
      expect(previewOf(el, 'C2Cmallory')).to.equal('<b>bold?</b>');
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      const long = await until(() => nameOf(el, 'C2Czoe'), 'zoe');
      expect(long.endsWith('…')).to.be.true;
      expect(long.slice(0, -1).replaceAll(flag, ''), 'whole flags only').to.equal('');
      expect([...long.slice(0, -1)].length, '40 flags of two code points').to.equal(80);
    });
  });

  describe('actions', () => {
    async function twoChats() {
      const kit = await mountList();
      await history(kit, [
        { from: 'bob', to: 'alice', ago: 100, text: 'first' },
        { from: 'bob', to: 'alice', ago: 90, text: 'second' },
        { from: 'carol', to: 'alice', ago: 50, text: 'from carol' },
      ]);
      await until(() => ids(kit.el).length === 2, 'two rows');
      return kit;
    }

    it('pins, mutes, marks read and unread from the context menu', async () => {
      const kit = await twoChats();
      const el = kit.el;
      await rightClick(el, 'C2Cbob');
      expect(menuItems(el).map((b) => b.dataset.id)).to.deep.equal(['pin', 'mute', 'markRead', 'clearHistory', 'delete']);
      await choose(el, 'pin');
      await coreHolds(kit, 'C2Cbob', (c) => c.isPinned, 'pinned');
      await until(() => ids(el)[0] === 'C2Cbob' && kit.store.conversation('C2Cbob')!.isPinned, 'pinned on top');

      await rightClick(el, 'C2Cbob');
      expect(menuItems(el)[0]!.dataset.id).to.equal('unpin');
      await choose(el, 'mute');
      await coreHolds(kit, 'C2Cbob', (c) => c.messageRemindType === 'AcceptNotNotify', 'muted');
      await until(() => row(el, 'C2Cbob')!.querySelector('.dot.muted'), 'the muted dot');

      await rightClick(el, 'C2Cbob');
      await choose(el, 'markRead');
      await coreHolds(kit, 'C2Cbob', (c) => c.unreadCount === 0, 'read');
      await until(() => kit.store.conversation('C2Cbob')!.unreadCount === 0 && !row(el, 'C2Cbob')!.querySelector('.dot'), 'read');

      await rightClick(el, 'C2Cbob');
      expect(menuItems(el).map((b) => b.dataset.id)).to.include.members(['unmute', 'markUnread']);
      await choose(el, 'markUnread');
      // (Waits for the core's own word: a list snapshot from before may still be on its way.)
      await until(() => row(el, 'C2Cbob')!.querySelector('.dot') && row(el, 'C2Cbob')!.textContent!.includes('Marked as unread'), 'the unread mark');
      expect(kit.store.conversation('C2Cbob')!.isMarkedUnread).to.be.true;

      await rightClick(el, 'C2Cbob');
      await choose(el, 'unmute');
      await until(() => kit.store.conversation('C2Cbob')!.messageRemindType === 'AcceptAndNotify', 'unmuted');
    });

    it('deletes only after a confirmation, and clears history after one', async () => {
      const kit = await twoChats();
      const el = kit.el;
      await rightClick(el, 'C2Cbob');
      await choose(el, 'delete');
      await confirmDialog(el, false);
      await new Promise((r) => setTimeout(r, 50));
      expect(ids(el), 'cancelled: still there').to.include('C2Cbob');

      await rightClick(el, 'C2Ccarol');
      await choose(el, 'clearHistory');
      await until(() => dialogOf(el).open, 'the confirmation');
      expect(dialogOf(el).textContent).to.contain('carol');
      await confirmDialog(el, true);
      await until(() => previewOf(el, 'C2Ccarol') === '', 'an empty preview');
      expect((await kit.core.getMessageList({ conversationID: 'C2Ccarol' })).messageList).to.have.length(0);

      await rightClick(el, 'C2Cbob');
      await choose(el, 'delete');
      await until(() => dialogOf(el).open, 'the confirmation');
      expect(dialogOf(el).textContent).to.contain('Delete this conversation?');
      await confirmDialog(el, true);
      await until(() => !ids(el).includes('C2Cbob'), 'bob removed');
      expect((await kit.core.getConversationList()).map((c) => c.conversationID)).to.not.include('C2Cbob');
    });

    it('lets the host veto every action, or take it over', async () => {
      const kit = await twoChats();
      const el = kit.el;
      const seen: string[] = [];
      kit.provider.addEventListener('tim-before-conversation-action', (e: TimBeforeConversationActionEvent) => {
        seen.push(`${e.detail.action}:${e.detail.conversationID}`);
        e.preventDefault();
      });
      const before = JSON.stringify(kit.store.conversation('C2Cbob'));
      for (const action of ['pin', 'mute', 'markRead', 'clearHistory', 'delete']) {
        await rightClick(el, 'C2Cbob');
        await choose(el, action);
        await until(() => !menuOpen(el), 'menu closed');
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).to.deep.equal(['pin:C2Cbob', 'mute:C2Cbob', 'markRead:C2Cbob', 'clearHistory:C2Cbob', 'delete:C2Cbob']);
      expect(dialogOf(el).open, 'no confirmation for a vetoed delete').to.be.false;
      expect(JSON.stringify(kit.store.conversation('C2Cbob'))).to.equal(before);
      expect(ids(el)).to.include('C2Cbob');
      // markUnread, from a read conversation.
      await kit.store.markRead('C2Ccarol');
      await rightClick(el, 'C2Ccarol');
      await choose(el, 'markUnread');
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.at(-1)).to.equal('markUnread:C2Ccarol');
      expect(kit.store.conversation('C2Ccarol')!.isMarkedUnread).to.be.false;
    });

    it('reports a failed action where it happened and through tim-error', async () => {
      const kit = await twoChats();
      kit.core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['pinConversation'] }] });
      const error = oneEvent(kit.provider, 'tim-error');
      await rightClick(kit.el, 'C2Cbob');
      await choose(kit.el, 'pin');
      const e = await error;
      expect(e.detail).to.include({ code: 2800, scenario: 'pinConversation', category: 'network' });
      const alert = await until(() => root(kit.el).querySelector('[part="alert"]'), 'the alert');
      expect(alert.textContent).to.contain('“Pin” did not work.');
      await until(() => ids(kit.el)[0] === 'C2Ccarol' && !kit.store.conversation('C2Cbob')!.isPinned, 'the optimistic pin undone');
    });

    /** Pins bob's conversation, failing with `code`: every alert text shown on the way, and the tim-error events. */
    async function failedPin(kit: ListKit, code: number) {
      kit.core.faults.set({ failures: [{ code, rate: 1, methods: ['pinConversation'] }] });
      const events: TimErrorEvent[] = [];
      kit.provider.addEventListener('tim-error', (e) => events.push(e));
      const shown: string[] = [];
      const watch = new MutationObserver(() => {
        const text = root(kit.el).querySelector('[part="alert"] > span')?.textContent?.trim();
        if (text && text !== shown.at(-1)) shown.push(text);
      });
      watch.observe(root(kit.el), { subtree: true, childList: true, characterData: true });
      await rightClick(kit.el, 'C2Cbob');
      await choose(kit.el, 'pin');
      await until(() => events.length && shown.length, 'the event and the alert');
      await new Promise((r) => setTimeout(r, 50));
      watch.disconnect();
      return { events, shown };
    }

    it('an error whose words load on first use: the alert and tim-error come with them, never another text', async () => {
      const kit = await twoChats();
      const { events, shown } = await failedPin(kit, 10017);
      expect(events.map((e) => e.detail)).to.deep.equal([
        { code: 10017, message: events[0]!.detail.message, scenario: 'pinConversation', category: 'permission', text: 'You are muted in this group.' },
      ]);
      expect(shown).to.deep.equal(['“Pin” did not work. You are muted in this group.']);
    });

    it('the same in Chinese', async () => {
      const kit = await mountList({ locale: 'zh' });
      await history(kit, [{ from: 'bob', to: 'alice' }]);
      await loadCatalog('zh');
      await until(() => ids(kit.el).length === 1, 'the row');
      const { events, shown } = await failedPin(kit, 10017);
      expect(events.map((e) => e.detail.text)).to.deep.equal(['你在该群中已被禁言。']);
      expect(shown).to.have.length(1);
      expect(shown[0]).to.contain('你在该群中已被禁言。');
    });

    it('adds the host’s own actions, which fire tim-conversation-action with the conversation', async () => {
      const kit = await twoChats();
      const el = kit.el;
      el.actions = [
        { id: 'archive', label: 'Archive' },
        { id: 'report', label: 'Report', danger: true, when: (c) => c.conversationID === 'C2Ccarol' },
      ];
      await rightClick(el, 'C2Cbob');
      expect(menuItems(el).map((b) => b.textContent!.trim())).to.include('Archive').and.not.include('Report');
      const event = oneEvent(kit.provider, 'tim-conversation-action') as Promise<TimConversationActionEvent>;
      await choose(el, 'custom:0');
      const e = await event;
      expect(e.detail.action).to.equal('archive');
      expect(e.detail.conversationID).to.equal('C2Cbob');
      expect(e.detail.conversation.lastMessage?.messageForShow).to.equal('second');
      await rightClick(el, 'C2Ccarol');
      expect(menuItems(el).map((b) => b.textContent!.trim())).to.include('Report');
      await sendKeys({ press: 'Escape' });
    });

    it('opens the menu from the overflow button and from a long press', async () => {
      const kit = await twoChats();
      const el = kit.el;
      row(el, 'C2Cbob')!.querySelector<HTMLElement>('.more')!.click();
      await until(() => menuOpen(el), 'menu from the button');
      await sendKeys({ press: 'Escape' });
      await until(() => !menuOpen(el), 'closed');

      let navigated = false;
      kit.provider.addEventListener('tim-navigate', () => (navigated = true));
      const target = row(el, 'C2Ccarol')!.querySelector('.name')!;
      const r = target.getBoundingClientRect();
      const init = { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true, clientX: r.left + 5, clientY: r.top + 5 };
      target.dispatchEvent(new PointerEvent('pointerdown', init));
      await until(() => menuOpen(el), 'menu from a long press', 2000);
      target.dispatchEvent(new PointerEvent('pointerup', init));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      expect(navigated, 'the click ending the long press does not open the chat').to.be.false;
      expect(menuItems(el).length).to.equal(5);
      await sendKeys({ press: 'Escape' });
    });
  });

  describe('selection and keyboard', () => {
    it('is one listbox tab stop: arrows, Home, End, PageDown move; Enter and Space open; typeahead finds by name', async () => {
      const kit = await mountList();
      const names = ['anna', 'bert', 'bianca', 'chen', 'dora', 'emil', 'fay', 'gus', 'hana', 'ivan', 'jo', 'kim', 'lee', 'max'];
      await history(kit, names.map((n, i) => ({ from: n, to: 'alice', ago: 1000 + i * 10 })));
      const el = kit.el;
      await until(() => ids(el).length === names.length, 'all rows');
      const lb = list(el);
      expect(lb.getAttribute('aria-label')).to.equal('Conversations');
      expect(lb.tabIndex).to.equal(0);
      expect(rows(el).every((r) => !r.querySelector('button, a[href], input, [tabindex]')), 'rows hold nothing focusable').to.be.true;
      lb.focus();
      await el.updateComplete;
      const focused = () => lb.getAttribute('aria-activedescendant') && root(el).getElementById(lb.getAttribute('aria-activedescendant')!)?.dataset.id;
      await until(() => focused() === 'C2Canna', 'first row focused');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused() === 'C2Cbert', 'down');
      await sendKeys({ press: 'End' });
      await until(() => focused() === 'C2Cmax', 'end');
      await sendKeys({ press: 'Home' });
      await until(() => focused() === 'C2Canna', 'home');
      await sendKeys({ press: 'PageDown' });
      await until(() => (focused() ?? '') > 'C2Canna' && focused() !== 'C2Cbert', 'a page down');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'b' });
      await until(() => focused() === 'C2Cbert', 'typeahead b');
      await sendKeys({ press: 'i' });
      await until(() => focused() === 'C2Cbianca', 'typeahead bi');
      // Space while a name is being typed continues it ("bi "): it does not open the row.
      const opened: Event[] = [];
      const onNavigate = (e: Event) => opened.push(e);
      kit.provider.addEventListener('tim-navigate', onNavigate);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      kit.provider.removeEventListener('tim-navigate', onNavigate);
      expect(opened.length, 'Space inside a typed name').to.equal(0);
      expect(focused()).to.equal('C2Cbianca');
      await new Promise((r) => setTimeout(r, 750));
      const nav = oneEvent(kit.provider, 'tim-navigate') as Promise<TimNavigateEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await nav).detail).to.deep.equal({ to: 'chat', conversationID: 'C2Cbianca' });
      await sendKeys({ press: 'ArrowUp' });
      const nav2 = oneEvent(kit.provider, 'tim-navigate') as Promise<TimNavigateEvent>;
      await sendKeys({ press: 'Space' });
      expect((await nav2).detail).to.deep.equal({ to: 'chat', conversationID: 'C2Cbert' });
      // Shift+F10 opens the focused row's menu; Escape gives the focus back to the list.
      await sendKeys({ press: 'Shift+F10' });
      await until(() => menuOpen(el), 'menu from Shift+F10');
      expect(root(el).querySelector('tim-menu')!.label).to.equal('Actions for bert');
      // Over the focused row's start, just above its bottom edge (or above the row when it would not fit).
      const surface = root(el).querySelector('tim-menu')!.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
      const bert = row(el, 'C2Cbert')!.getBoundingClientRect();
      expect(parseFloat(surface.style.left), 'menu x').to.be.closeTo(Math.max(8, bert.left + 48), 1);
      const top = parseFloat(surface.style.top);
      expect(Math.abs(top - (bert.bottom - 8)) < 1 || top + surface.offsetHeight <= bert.bottom, `menu y ${top}`).to.be.true;
      await sendKeys({ press: 'Escape' });
      await until(() => !menuOpen(el) && el.shadowRoot!.activeElement === lb, 'focus back on the list');
      await sendKeys({ press: 'ContextMenu' });
      await until(() => menuOpen(el), 'menu from the context-menu key');
      await sendKeys({ press: 'Escape' });
    });

    it('selects with a click, and the Delete key asks before deleting the focused conversation', async () => {
      const kit = await mountList();
      await history(kit, [
        { from: 'bob', to: 'alice', ago: 100 },
        { from: 'carol', to: 'alice', ago: 50 },
      ]);
      const el = kit.el;
      await until(() => ids(el).length === 2, 'rows');
      const nav = oneEvent(kit.provider, 'tim-navigate') as Promise<TimNavigateEvent>;
      row(el, 'C2Cbob')!.querySelector<HTMLElement>('.preview')!.click();
      expect((await nav).detail).to.deep.equal({ to: 'chat', conversationID: 'C2Cbob' });
      el.activeConversationId = 'C2Cbob';
      list(el).focus();
      await sendKeys({ press: 'Delete' });
      await confirmDialog(el, true);
      const back = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(back.detail, 'the open conversation was deleted').to.deep.equal({ to: 'conversations' });
      await until(() => ids(el).join() === 'C2Ccarol', 'only carol left');
      await until(() => list(el).getAttribute('aria-activedescendant') === root(el).querySelector('[data-id="C2Ccarol"]')!.id, 'focus moved to the neighbour');
    });
  });

  describe('filter, hooks and slots', () => {
    it('narrows by name as one types, says when nothing matches, and clears', async () => {
      const kit = await mountList({ html: html`<tim-conversation filter><h2 slot="header">Chats</h2></tim-conversation>` });
      await peer(kit, 'lilei', '李雷');
      await history(kit, [
        { from: 'lilei', to: 'alice', ago: 30 },
        { from: 'bob', to: 'alice', ago: 20 },
        { from: 'bobby', to: 'alice', ago: 10 },
      ]);
      const el = kit.el;
      await until(() => ids(el).length === 3, 'rows');
      expect(deepText(el)).to.contain('Chats');
      const input = await until(() => root(el).querySelector<HTMLInputElement>('input[type="search"]'), 'the filter box');
      expect(input.getAttribute('aria-label')).to.equal('Filter conversations');
      expect(input.placeholder, 'the filter box brings its own strings').to.equal('Filter by name');
      input.focus();
      await sendKeys({ type: 'bob' });
      await until(() => ids(el).join() === 'C2Cbobby,C2Cbob', 'two bobs');
      input.select();
      await sendKeys({ type: '李' });
      await until(() => ids(el).join() === 'C2Clilei', 'by the Chinese nick');
      input.select();
      await sendKeys({ type: 'nobody' });
      await until(() => deepText(el).includes('No conversation matches “nobody”.'), 'no match');
      // The no-match state's button and the box's clear button empty the box and leave the focus in it.
      const stateButton = root(el).querySelector<HTMLButtonElement>('[part~="state"] button')!;
      expect(stateButton.textContent).to.equal('Clear filter');
      stateButton.click();
      await until(() => ids(el).length === 3 && input.value === '', 'cleared from the state');
      expect(root(el).activeElement, 'the focus in the box').to.equal(input);
      await sendKeys({ type: 'nobody' });
      await until(() => deepText(el).includes('No conversation matches “nobody”.'), 'no match again');
      root(el).querySelector<HTMLButtonElement>('button[aria-label="Clear filter"]')!.click();
      await until(() => ids(el).length === 3 && input.value === '', 'cleared from the box');
      expect(root(el).activeElement, 'the focus in the box').to.equal(input);
      await sendKeys({ type: 'nobody' });
      await until(() => deepText(el).includes('No conversation matches “nobody”.'), 'no match once more');
      await sendKeys({ press: 'Escape' });
      await until(() => ids(el).length === 3, 'cleared');
    });

    it('takes the host’s filterBy and sortBy hooks, and the filter property', async () => {
      const kit = await mountList();
      await history(kit, [
        { from: 'bob', to: 'alice', ago: 30 },
        { from: 'carol', to: 'alice', ago: 20 },
        { from: 'dave', to: 'alice', ago: 10 },
      ]);
      const el = kit.el;
      await until(() => ids(el).length === 3, 'rows');
      el.sortBy = (a, b) => (a.conversationID < b.conversationID ? -1 : 1);
      await until(() => ids(el).join() === 'C2Cbob,C2Ccarol,C2Cdave', 'sorted by ID');
      el.filterBy = (c, name) => name !== 'carol' && c.type === 'C2C';
      await until(() => ids(el).join() === 'C2Cbob,C2Cdave', 'filtered');
      expect(el.visibleConversations.map((c) => c.conversationID)).to.deep.equal(['C2Cbob', 'C2Cdave']);
      el.filter = true;
      await el.updateComplete;
      expect(el.hasAttribute('filter'), 'reflected').to.be.true;
      await until(() => root(el).querySelector('input[type="search"]'), 'the filter box');
    });

    it('shows the empty state with a way forward, replaceable through the empty slot', async () => {
      const kit = await mountList();
      const el = kit.el;
      await until(() => deepText(el).includes('No conversations yet.'), 'empty');
      const button = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Find people and groups'))!;
      const nav = oneEvent(kit.provider, 'tim-navigate') as Promise<TimNavigateEvent>;
      button.click();
      expect((await nav).detail).to.deep.equal({ to: 'search' });
      const custom = await mountList({ html: html`<tim-conversation><p slot="empty">Say hi to someone!</p></tim-conversation>` });
      await until(() => deepText(custom.el).includes('Say hi to someone!'), 'the slotted empty state');
      expect(deepText(custom.el)).to.not.contain('No conversations yet.');
    });
  });

  describe('states', () => {
    it('shows loading, then the list', async () => {
      const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { seed: 'empty', faults: { latencyMs: 400 } });
      expect(deepText(kit.el)).to.contain('Loading conversations…');
      expect(root(kit.el).querySelector('[part~="loading"]')!.getAttribute('role')).to.equal('status');
      await until(() => deepText(kit.el).includes('No conversations yet.'), 'loaded (empty)');
    });

    it('shows an error with Retry that works', async () => {
      const { core, dbName } = await makeCore({ seed: 'empty' });
      await core.bulkImport([{ from: 'bob', to: 'alice', payload: { text: 'hi' } }]);
      await core.destroy();
      const kit = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, {
        dbName,
        seed: 'empty',
        faults: { failures: [{ code: 2800, rate: 1, methods: ['getConversationList'] }] },
      });
      const alert = await until(() => root(kit.el).querySelector('[part~="error"]'), 'the error');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('The conversations could not be loaded.');
      kit.core.faults.reset();
      alert.querySelector('button')!.click();
      await until(() => ids(kit.el).join() === 'C2Cbob', 'loaded after retry');
    });

    it('says when offline and keeps the list usable', async () => {
      const kit = await mountList();
      await history(kit, [{ from: 'bob', to: 'alice' }]);
      await until(() => ids(kit.el).length === 1, 'a row');
      kit.core.faults.disconnect();
      await until(() => deepText(kit.el).includes('Network unavailable'), 'the offline line');
      expect(ids(kit.el)).to.deep.equal(['C2Cbob']);
      await kit.core.faults.reconnect();
      await until(() => !deepText(kit.el).includes('Network unavailable'), 'back online');
    });

    it('offers to log in again after a kick-out', async () => {
      const kit = await mountList();
      kit.core.faults.kickOut('multipleAccount');
      await until(() => deepText(kit.el).includes('Log in again'), 'log in again');
    });

    it('speaks Chinese and Korean', async () => {
      for (const [locale, label, empty, image, unread, filter] of [
        ['zh', '会话列表', '还没有会话。', '[图片]', '1 条未读消息', '按名称筛选'],
        ['ko', '대화 목록', '아직 대화가 없습니다.', '[사진]', '읽지 않은 메시지 1개', '이름으로 필터'],
      ] as const) {
        const kit = await mountList({ locale, html: html`<tim-conversation filter></tim-conversation>` });
        await until(() => deepText(kit.el).includes(empty), `${locale} empty`);
        expect(list(kit.el).getAttribute('aria-label')).to.equal(label);
        const input = await until(() => root(kit.el).querySelector<HTMLInputElement>('input[type="search"]'), 'the filter box');
        expect(input.placeholder).to.equal(filter);
        await history(kit, [{ from: 'bob', to: 'alice', type: 'TIMImageElem', payload: { imageInfoArray: [] } }]);
        await until(() => previewOf(kit.el, 'C2Cbob') === image, 'a localised preview');
        expect(row(kit.el, 'C2Cbob')!.textContent).to.contain(unread);
      }
    });

    it('is accessible', async () => {
      const kit = await mountList();
      await history(kit, [
        { from: 'bob', to: 'alice', ago: 20 },
        { from: 'carol', to: 'alice', ago: 10 },
      ]);
      await until(() => ids(kit.el).length === 2, 'rows');
      await kit.store.setMessageRemindType('C2Cbob', 'AcceptNotNotify');
      await expect(kit.el).to.be.accessible();
    });
  });

  describe('where the view stays', () => {
    it('at the top, a conversation that becomes the newest comes into view at the top; scrolled down, the rows in view stay put', async () => {
      const kit = await mountList();
      const el = kit.el;
      el.style.height = '400px';
      const n = 40;
      await kit.core.bulkImport(Array.from({ length: n }, (_, i) => ({ from: `user${String(i).padStart(2, '0')}`, to: 'alice', payload: { text: `hello ${i}` }, time: 1_700_000_000 + i })));
      await until(() => rows(el)[0]?.getAttribute('aria-setsize') === String(n), 'the list');
      const scroller = list(el);
      const screenTop = (id: string) => row(el, id)!.getBoundingClientRect().top - scroller.getBoundingClientRect().top;

      // At the top: the conversation with news is the first row on screen (before, the list kept the old
      // first row in place and the news landed above the view, out of sight).
      expect(scroller.scrollTop).to.equal(0);
      await kit.core.bulkImport([{ from: 'user10', to: 'alice', payload: { text: 'news' } }]);
      await until(() => ids(el)[0] === 'C2Cuser10', 'user10 on top');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(scroller.scrollTop).to.equal(0);
      expect(Math.abs(screenTop('C2Cuser10'))).to.be.below(1);

      // Scrolled down: the row being read keeps its place when another one moves to the top.
      scroller.scrollTop = 72 * 12;
      // The first row at least partly on screen.
      const firstOnScreen = () => ids(el).find((id) => row(el, id!)!.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top + 0.5);
      await until(() => (firstOnScreen() ? screenTop(firstOnScreen()!) > -72 : false), 'scrolled');
      const reading = firstOnScreen()!;
      const before = screenTop(reading);
      await kit.core.bulkImport([{ from: 'user02', to: 'alice', payload: { text: 'more news' } }]);
      await until(() => el.visibleConversations[0]?.conversationID === 'C2Cuser02', 'user02 first');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(Math.abs(screenTop(reading) - before)).to.be.below(1);
      expect(scroller.scrollTop).to.be.above(0);
    });
  });

  describe('10,000-scale lists', () => {
    it('keeps a bounded number of rows in the DOM, and never remounts rows when another changes', async function () {
      // LocalCore's bulk import costs ~8 ms a conversation here; the bench measures 10,000.
      this.timeout(40_000);
      const kit = await mountList();
      const n = 400;
      await kit.core.bulkImport(Array.from({ length: n }, (_, i) => ({ from: `user${String(i).padStart(4, '0')}`, to: 'alice', payload: { text: `hello ${i}` }, time: 1_700_000_000 + i })));
      const el = kit.el;
      await until(() => rows(el).length > 0 && rows(el)[0]!.getAttribute('aria-setsize') === String(n), 'the list', 20000);
      expect(rows(el).length).to.be.below(40);
      expect(ids(el)[0]).to.equal('C2Cuser0399');
      const second = row(el, ids(el)[1]!)!;
      const tenth = row(el, ids(el)[9]!)!;
      const tenthID = tenth.dataset.id!;
      // A message in the second conversation: it moves to the top; other rows stay the same nodes.
      const secondID = second.dataset.id! as ConversationID;
      await kit.core.bulkImport([{ from: secondID.slice(3), to: 'alice', payload: { text: 'news' } }]);
      await until(() => ids(el)[0] === secondID, 'moved to the top');
      expect(row(el, secondID)).to.equal(second);
      expect(row(el, tenthID)).to.equal(tenth);
      // End reaches the last conversation, rendered on demand.
      list(el).focus();
      await sendKeys({ press: 'End' });
      await until(() => ids(el).includes('C2Cuser0000'), 'the oldest rendered');
      expect(rows(el).length).to.be.below(40);
      expect(row(el, 'C2Cuser0000')!.getAttribute('aria-posinset')).to.equal(String(n));
    });
  });
});

describe('<tim-unread-count>', () => {
  it('shows the total unread (muted excluded), 99+, and reads it out', async () => {
    const kit = await mountKit<TimUnreadCount>(html`<tim-unread-count></tim-unread-count>`, { seed: 'empty' });
    const el = kit.el;
    expect(el.shadowRoot!.querySelector('[part="badge"]'), 'nothing at zero').to.equal(null);
    await kit.core.bulkImport([
      { from: 'bob', to: 'alice', payload: { text: '1' } },
      { from: 'bob', to: 'alice', payload: { text: '2' } },
      { from: 'carol', to: 'alice', payload: { text: '3' } },
    ]);
    await until(() => el.count === 3, 'three');
    await el.updateComplete;
    const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
    expect(badge.querySelector('[aria-hidden]')!.textContent).to.equal('3');
    expect(badge.textContent).to.contain('3 unread messages');
    await kit.store.setMessageRemindType('C2Ccarol', 'AcceptNotNotify');
    await until(() => el.count === 2, 'muted excluded');
    await kit.core.bulkImport(Array.from({ length: 120 }, (_, i) => ({ from: 'dave', to: 'alice', payload: { text: String(i) } })));
    await until(() => el.shadowRoot!.querySelector('[aria-hidden]')?.textContent === '99+', '99+');
    expect(el.shadowRoot!.textContent).to.contain('122 unread messages');
    el.max = 999;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-hidden]')!.textContent).to.equal('122');
    await kit.store.markRead('C2Cbob');
    await kit.store.markRead('C2Cdave');
    await until(() => !el.shadowRoot!.querySelector('[part="badge"]'), 'gone at zero');
    el.showZero = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="badge"]')!.textContent).to.contain('No unread messages');
  });
});
