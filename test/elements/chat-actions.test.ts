/**
 * <tim-chat>'s message actions, on a real seeded LocalCore (the demo world, logged in as alice): the menu
 * (right click, keyboard) and the toolbar, copy, reply, edit, recall and re-edit, delete with confirm,
 * forward (one by one, merged into a chat record, as received), multi-select, resend, read receipts, the
 * host's own actions, the tim-before-* vetoes, and the whole write → send → act flow by keyboard alone.
 * Other users act through a second LocalCore on the same database, as another tab would.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { html } from 'lit';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import type { ConversationID, Message, TimBeforeEvent, TimChat, TimErrorEvent, TimMessageActionEvent } from '../../src/index.js';
import { cleanupKits, uniqueDbName, until, mountOnCore } from '../helpers/kit.js';
import { asUser, destroyOtherUsers, frames, mountChat, opened, q, qa, rowOf, type ChatKit } from '../helpers/chat.js';



/** A chat on a core whose clock the test moves (`clock.skew` ms ahead of real time). */
async function mountWithClock(conversationID: string, clock: { skew: number }): Promise<ChatKit> {
  const dbName = uniqueDbName('actions');
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow', now: () => Date.now() + clock.skew });
  await core.login({ userID: 'alice' });
  const kit = await mountOnCore<TimChat>(core, dbName, html`<tim-chat conversation-id=${conversationID}></tim-chat>`);
  await opened(kit.el);
  clockKits.push(kit);
  return kit;
}
const clockKits: ChatKit[] = [];




const layer = (el: TimChat) => q<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'tim-chat-actions')!;
const inLayer = <T extends Element = HTMLElement>(el: TimChat, selector: string) => layer(el).shadowRoot!.querySelector<T>(selector);
const menuSurface = (el: TimChat) => layer(el)?.shadowRoot?.querySelector('tim-menu')?.shadowRoot?.querySelector<HTMLElement>('[popover]') ?? null;
const menuOpen = (el: TimChat) => !!menuSurface(el)?.matches(':popover-open');
const menuLabels = (el: TimChat) => [...(menuSurface(el)?.querySelectorAll('[role="menuitem"]') ?? [])].map((b) => b.textContent!.trim());
const menuItem = (el: TimChat, label: string) =>
  [...(menuSurface(el)?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].find((b) => b.textContent!.trim() === label);
const dialogOpen = (el: TimChat, cls: string) => !!inLayer(el, `tim-dialog.${cls}`)?.shadowRoot?.querySelector('dialog')?.open;
const confirmButton = (el: TimChat, label: string) =>
  [...(inLayer(el, 'tim-dialog.confirm')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'))].find((b) => b.textContent!.trim() === label)!;
const toast = (el: TimChat) => inLayer(el, '.toast')?.textContent?.trim() ?? '';
const composerInput = (el: TimChat) => q(el, 'tim-chat-composer')?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea') ?? null;

const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

/** The newest loaded message matching. */
function lastMessage(kit: ChatKit, test: (m: Message) => boolean = () => true): Message | undefined {
  const w = kit.store.state.windows.get(kit.el.conversationId as ConversationID);
  return [...(w?.messages ?? [])].reverse().find(test);
}

/** Focuses a message row and opens its menu with the context-menu key. */
async function menuByKeyboard(el: TimChat, id: string, key: 'ContextMenu' | 'Shift+F10' = 'ContextMenu'): Promise<HTMLElement> {
  const row = await until(() => rowOf(el, id), `row ${id}`);
  row.focus();
  await sendKeys({ press: key });
  await until(() => menuOpen(el), 'the menu to open', 8000);
  await frames(1);
  return row;
}

/** Opens a message's menu with a right click at its bubble. */
async function menuByMouse(el: TimChat, id: string): Promise<void> {
  const row = await until(() => rowOf(el, id), `row ${id}`);
  row.scrollIntoView({ block: 'center' });
  // Click where the bubble is once it has stopped moving (the list may still settle after the scroll).
  const target = () => (row.querySelector('.bubble, .tip') ?? row).getBoundingClientRect();
  let last = '';
  const r = await until(() => {
    const rect = target();
    const key = `${Math.round(rect.left)},${Math.round(rect.top)}`;
    const stable = key === last && rect.height > 0;
    last = key;
    return stable && rect;
  }, 'the bubble to settle');
  await sendMouse({ type: 'click', button: 'right', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  // The first menu loads the actions chunk: slow on a loaded machine.
  await until(() => menuOpen(el), 'the menu to open', 8000);
  await frames(1);
}

/** Chooses a menu item by its label (a real click) and waits for the menu to close. */
async function choose(el: TimChat, label: string): Promise<void> {
  const item = await until(() => menuItem(el, label), `menu item ${label}`);
  item.click();
  await until(() => !menuOpen(el), 'the menu to close');
  await frames(2);
}

/** Sends a text as alice through the store (the composer's own path is tested in composer.test.ts). */
async function sendText(kit: ChatKit, text: string): Promise<Message> {
  const m = await kit.store.sendText(kit.el.conversationId as ConversationID, text);
  await until(() => rowOf(kit.el, m.ID), 'the sent message');
  return m;
}

afterEach(async () => {
  await destroyOtherUsers();
  await Promise.all(clockKits.splice(0).map((k) => k.cleanup()));
  await cleanupKits();
});

describe('<tim-chat> message menu', () => {
  it('opens with the context-menu key or Shift+F10 on a focused message, offers only what applies, and Escape gives the focus back', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    // alice's own text, 85 minutes old: copy, reply, edit, forward, select, delete, but no recall (past the window).
    const own = lastMessage(kit, (m) => m.flow === 'out' && m.type === 'TIMTextElem')!;
    const row = await menuByKeyboard(el, own.ID);
    expect(menuLabels(el)).to.deep.equal(['Copy', 'Reply', 'Edit', 'Forward', 'Select', 'Delete']);
    expect(deepActive()?.textContent?.trim(), 'the first item has the focus').to.equal('Copy');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    await until(() => deepActive() === row, 'the focus back on the message');
    // bob's message: no edit, no recall.
    const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    await menuByKeyboard(el, theirs.ID, 'Shift+F10');
    expect(menuLabels(el)).to.deep.equal(['Copy', 'Reply', 'Forward', 'Select', 'Delete']);
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    // An image: nothing to copy.
    kit.el.scrollToMessage('seed-bob-image');
    await until(() => rowOf(el, 'seed-bob-image'), 'the image');
    await menuByKeyboard(el, 'seed-bob-image');
    expect(menuLabels(el)).to.deep.equal(['Reply', 'Forward', 'Select', 'Delete']);
    await sendKeys({ press: 'Escape' });
  });

  it('opens at the pointer on a right click, without the browser menu, and shows a toolbar on hover', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    const row = rowOf(el, theirs.ID)!;
    const event = new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: 100, clientY: 200 });
    row.querySelector('.bubble')!.dispatchEvent(event);
    expect(event.defaultPrevented, 'the browser menu is suppressed').to.be.true;
    await until(() => menuOpen(el), 'menu');
    const box = menuSurface(el)!.getBoundingClientRect();
    expect([Math.round(box.left), Math.round(box.top)]).to.deep.equal([100, 200]);
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    // Hover: the toolbar of that message, with labelled buttons; More opens the same menu.
    const r = row.querySelector('.bubble')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + 5), Math.round(r.top + 5)] });
    const tools = await until(() => row.querySelector<HTMLElement>('[part="message-tools"]'), 'toolbar');
    expect([...tools.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Reply', 'Copy', 'Forward', 'More actions']);
    const more = tools.querySelector<HTMLElement>('[aria-label="More actions"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => menuOpen(el), 'menu from More');
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === more, 'the focus back on More');
    await sendMouse({ type: 'move', position: [1, 1] });
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('opens on a long press on a touch screen (not when the finger moves, as in a scroll)', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    const bubble = rowOf(el, theirs.ID)!.querySelector<HTMLElement>('.bubble')!;
    const r = bubble.getBoundingClientRect();
    const touch = (type: string, dx = 0) =>
      bubble.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true, clientX: r.left + 10 + dx, clientY: r.top + 10 }));
    // A finger that moves is a scroll.
    touch('pointerdown');
    touch('pointermove', 40);
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect(menuOpen(el)).to.be.false;
    touch('pointerup', 40);
    // A short tap is a tap.
    touch('pointerdown');
    await new Promise((resolve) => setTimeout(resolve, 150));
    touch('pointerup');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(menuOpen(el)).to.be.false;
    // Held: the menu, at the finger.
    touch('pointerdown');
    await until(() => menuOpen(el), 'the menu after a long press');
    expect(Math.round(menuSurface(el)!.getBoundingClientRect().left)).to.equal(Math.round(r.left + 10));
    expect(menuLabels(el)).to.include('Reply');
    touch('pointerup');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
  });

  it('a long press that opened the menu is not also a tap: the click the browser may send on lifting the finger does not reach the message (an image would open over the menu)', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    const bubble = rowOf(el, theirs.ID)!.querySelector<HTMLElement>('.bubble')!;
    const r = bubble.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: r.left + 10, clientY: r.top + 10 };
    const touch = (type: string) => bubble.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'touch', isPrimary: true }));
    let clicks = 0;
    bubble.addEventListener('click', () => clicks++);
    touch('pointerdown');
    await until(() => menuOpen(el), 'the menu after a long press');
    touch('pointerup');
    // The lift of the finger: its default (a tap's mouse events, whose press would take the focus from the menu, and the click) is cancelled.
    const lift = () => new TouchEvent('touchend', { bubbles: true, composed: true, cancelable: true });
    const ending = lift();
    bubble.dispatchEvent(ending);
    expect(ending.defaultPrevented, 'the lift that ends a long press').to.be.true;
    bubble.dispatchEvent(new MouseEvent('click', at));
    expect(clicks, 'the click that ended the long press').to.equal(0);
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    // Where the browser sends no such click, the next tap (on a menu item, say) is not swallowed instead.
    touch('pointerdown');
    await until(() => menuOpen(el), 'the menu again');
    touch('pointerup');
    const item = menuItem(el, 'Reply')!;
    item.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true }));
    item.click();
    await until(() => !menuOpen(el) && q(el, 'tim-chat-composer')?.shadowRoot?.textContent?.includes('Replying to'), 'the reply chosen by a tap');
    // A tap after it is a tap again.
    touch('pointerdown');
    touch('pointerup');
    const tapLift = lift();
    bubble.dispatchEvent(tapLift);
    expect(tapLift.defaultPrevented, "a tap's lift").to.be.false;
    bubble.dispatchEvent(new MouseEvent('click', at));
    expect(clicks, 'a later tap').to.equal(1);
  });

  it('opens on the very first long press, the one that loads the actions (a touch screen has no hover before it)', async () => {
    /** A chat never touched yet, and a touch on the bubble of Bob's last text. */
    const untouched = async () => {
      const kit = await mountChat('C2Cbob');
      expect(layer(kit.el), 'no actions before the first touch').to.not.exist;
      const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
      const bubble = rowOf(kit.el, theirs.ID)!.querySelector<HTMLElement>('.bubble')!;
      const r = bubble.getBoundingClientRect();
      const touch = (type: string) =>
        bubble.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true, clientX: r.left + 10, clientY: r.top + 10 }));
      return { el: kit.el, touch };
    };
    // A tap lifted before the actions have loaded stays a tap.
    const tapped = await untouched();
    tapped.touch('pointerdown');
    tapped.touch('pointerup');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(menuOpen(tapped.el), 'a tap').to.be.false;
    // Held: the menu, though this very press loaded the actions.
    const held = await untouched();
    held.touch('pointerdown');
    await until(() => menuOpen(held.el), 'the menu after the first long press');
    expect(menuLabels(held.el)).to.include('Reply');
    held.touch('pointerup');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(held.el), 'closed');
  });

  it("shows the host's own actions where their `when` says, and fires tim-message-action with the message", async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    el.messageActions = [
      { id: 'translate', label: 'Translate', icon: 'info', when: (m) => m.type === 'TIMTextElem' && m.flow === 'in' },
      { id: 'report', label: 'Report', danger: true },
    ];
    const own = lastMessage(kit, (m) => m.flow === 'out' && m.type === 'TIMTextElem')!;
    await menuByKeyboard(el, own.ID);
    expect(menuLabels(el)).to.include('Report').and.not.include('Translate');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    await menuByKeyboard(el, theirs.ID);
    expect(menuLabels(el).slice(-3)).to.deep.equal(['Translate', 'Report', 'Delete']);
    setTimeout(() => menuItem(el, 'Translate')!.click());
    const event = (await oneEvent(el, 'tim-message-action')) as TimMessageActionEvent;
    expect(event.detail.action).to.equal('translate');
    expect(event.detail.message.ID).to.equal(theirs.ID);
  });

  it('copies a text message to the clipboard', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void written.push(s) } });
    try {
      const theirs = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
      await menuByKeyboard(el, theirs.ID);
      await sendKeys({ press: 'Enter' });
      await until(() => written.length === 1, 'written');
      expect(written[0]).to.equal(theirs.type === 'TIMTextElem' ? theirs.payload.text : '');
      await until(() => toast(el) === 'Copied', 'copied notice');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) expect(navigator.clipboard).to.exist;
    }
  });
});

describe('<tim-chat> recall and edit', () => {
  it('recalls an own message within the window (tim-before-recall can veto), for everyone, and re-edit puts the text back', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const m = await sendText(kit, 'Oops, wrong chat');
    await menuByKeyboard(el, m.ID);
    expect(menuLabels(el)).to.include('Recall');
    // Vetoed: nothing happens.
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('tim-before-recall', veto, { once: true });
    const before = oneEvent(el, 'tim-before-recall') as Promise<TimBeforeEvent<{ message: Message }>>;
    await choose(el, 'Recall');
    expect((await before).detail.message.ID).to.equal(m.ID);
    await frames(4);
    expect(kit.store.findMessage(m.ID)?.isRevoked).to.be.false;
    // Allowed: a notice for both sides, with "Re-edit" here; the focus stays on the message.
    await menuByKeyboard(el, m.ID);
    await choose(el, 'Recall');
    const notice = await until(() => rowOf(el, m.ID)?.classList.contains('notice') && rowOf(el, m.ID), 'the recall notice');
    expect(notice.textContent).to.contain('You recalled a message');
    await until(() => deepActive() === rowOf(el, m.ID), 'the focus on the notice');
    const bob = await asUser(kit, 'bob');
    const seen = await bob.getMessage('C2Calice' as ConversationID, m.ID);
    expect(seen.isRevoked).to.be.true;
    const reEdit = notice.querySelector<HTMLButtonElement>('button')!;
    expect(reEdit.textContent!.trim()).to.equal('Re-edit');
    reEdit.click();
    await until(() => composerInput(el)?.value === 'Oops, wrong chat', 'the text back in the composer');
  });

  it('offers no recall once the window has passed (the core clock), nor on old own messages', async () => {
    const clock = { skew: 0 };
    const kit = await mountWithClock('C2Cbob', clock);
    const el = kit.el;
    const m = await sendText(kit, 'Recall me, maybe');
    await menuByKeyboard(el, m.ID);
    expect(menuLabels(el)).to.include('Recall');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
    // The window closes while the menu is open: the core refuses, and the user is told why.
    await menuByKeyboard(el, m.ID);
    clock.skew = (kit.store.core.capabilities.revokeWindowSeconds + 5) * 1000;
    const error = oneEvent(el, 'tim-error') as Promise<TimErrorEvent>;
    await choose(el, 'Recall');
    expect((await error).detail).to.include({ code: 20016, scenario: 'revokeMessage' });
    await until(() => toast(el) === 'Messages can only be recalled shortly after sending.', 'the reason');
    expect(kit.store.findMessage(m.ID)?.isRevoked).to.be.false;
    // From then on, no recall in the menu.
    await menuByKeyboard(el, m.ID);
    expect(menuLabels(el)).to.not.include('Recall');
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'closed');
  });

  it('lets a group owner recall a member’s message at any time', async () => {
    const kit = await mountChat('GROUPteam');
    const el = kit.el;
    const carols = lastMessage(kit, (m) => m.from === 'carol' && m.type === 'TIMTextElem' && !m.isRevoked)!;
    await menuByKeyboard(el, carols.ID);
    expect(menuLabels(el)).to.include('Recall').and.not.include('Edit');
    await choose(el, 'Recall');
    await until(() => rowOf(el, carols.ID)?.textContent?.includes('You recalled a message'), 'recalled by the owner');
    expect(rowOf(el, carols.ID)!.querySelector('button'), 'no re-edit of what someone else wrote').to.be.null;
  });
});

describe('<tim-chat> delete', () => {
  it('deletes for me after a confirm (Cancel and tim-before-delete-message keep it), and moves the focus to the next message', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const ids = qa(el, '.row[data-id]:not(.notice)').map((r) => r.dataset.id!);
    const id = ids[ids.length - 2]!;
    const next = ids[ids.length - 1]!;
    const row = await menuByKeyboard(el, id);
    await choose(el, 'Delete');
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    expect(inLayer(el, 'tim-dialog.confirm')!.shadowRoot!.textContent).to.contain('Delete this message?');
    confirmButton(el, 'Cancel').click();
    await until(() => !dialogOpen(el, 'confirm'), 'closed');
    await until(() => deepActive() === row, 'focus back on the message');
    expect(rowOf(el, id)).to.exist;
    // Confirmed but vetoed by the host.
    await menuByKeyboard(el, id);
    await choose(el, 'Delete');
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    el.addEventListener('tim-before-delete-message', (e) => e.preventDefault(), { once: true });
    const vetoed = oneEvent(el, 'tim-before-delete-message') as Promise<TimBeforeEvent<{ messages: Message[] }>>;
    confirmButton(el, 'Delete').click();
    expect((await vetoed).detail.messages.map((m) => m.ID)).to.deep.equal([id]);
    await frames(4);
    expect(rowOf(el, id)).to.exist;
    // Confirmed: gone here (not for bob), the focus on the next message.
    await menuByKeyboard(el, id);
    await choose(el, 'Delete');
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => !rowOf(el, id), 'deleted');
    await until(() => deepActive() === rowOf(el, next), 'the focus on the next message');
    expect(toast(el)).to.equal('1 message deleted');
    const bob = await asUser(kit, 'bob');
    expect((await bob.getMessage('C2Calice' as ConversationID, id)).ID).to.equal(id);
  });
});

/** The conversations picker of the forward dialog. */
const pickerBoxes = (el: TimChat) => [...layer(el).shadowRoot!.querySelectorAll<HTMLInputElement>('.targets input')];
const pickerNames = (el: TimChat) => [...layer(el).shadowRoot!.querySelectorAll('.target-name')].map((n) => n.textContent!.trim());
const forwardButton = (el: TimChat) =>
  [...layer(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('tim-dialog.forward button[slot="footer"]')].find((b) => b.classList.contains('primary'))!;

async function filterPicker(el: TimChat, text: string): Promise<void> {
  const input = inLayer<HTMLInputElement>(el, '.forward input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await layer(el).updateComplete;
}

async function pick(el: TimChat, name: string): Promise<void> {
  await filterPicker(el, name);
  const i = pickerNames(el).indexOf(name);
  expect(i, `${name} in the picker`).to.be.at.least(0);
  pickerBoxes(el)[i]!.click();
  await layer(el).updateComplete;
}

/** The newest message of a conversation as another user sees it. */
async function newestAs(core: LocalCore, conversationID: string): Promise<Message> {
  const page = await core.getMessageList({ conversationID: conversationID as ConversationID, count: 1 });
  return page.messageList[page.messageList.length - 1]!;
}

describe('<tim-chat> failed actions', () => {
  it('says why a delete or a forward failed (and fires tim-error), and keeps the message', async () => {
    const kit = await mountChat('C2Cbob', { faults: { failures: [{ code: 2800, rate: 1, methods: ['deleteMessages', 'sendMessage'] }] } });
    const el = kit.el;
    const m = lastMessage(kit, (x) => x.flow === 'in' && x.type === 'TIMTextElem')!;
    const row = await menuByKeyboard(el, m.ID);
    await choose(el, 'Delete');
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    let error = oneEvent(el, 'tim-error') as Promise<TimErrorEvent>;
    confirmButton(el, 'Delete').click();
    expect((await error).detail).to.include({ code: 2800, scenario: 'deleteMessage', category: 'network' });
    await until(() => toast(el) === 'Network error. Check your connection.', 'the reason');
    expect(rowOf(el, m.ID)).to.exist;
    await until(() => deepActive() === row, 'the focus back on the message');
    await menuByKeyboard(el, m.ID);
    await choose(el, 'Forward');
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    await pick(el, 'Carol Jones');
    error = oneEvent(el, 'tim-error') as Promise<TimErrorEvent>;
    forwardButton(el).click();
    expect((await error).detail).to.include({ code: 2800, scenario: 'forwardMessage' });
    await until(() => toast(el) === 'Network error. Check your connection.', 'the reason');
  });
});

describe('<tim-chat> forward', () => {
  it('forwards one message to conversations picked in a searchable dialog (tim-before-forward first), each receiving a copy', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const m = lastMessage(kit, (x) => x.flow === 'in' && x.type === 'TIMTextElem')!;
    const text = m.type === 'TIMTextElem' ? m.payload.text : '';
    const row = await menuByKeyboard(el, m.ID);
    await choose(el, 'Forward');
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    expect(deepActive(), 'the search field has the focus').to.equal(inLayer(el, '.forward input[type="search"]'));
    expect(pickerNames(el)).to.include.members(['Carol Jones', 'Product Team', '周末爬山群']);
    expect(forwardButton(el).disabled, 'nothing picked yet').to.be.true;
    await filterPicker(el, 'zzz-nobody');
    expect(inLayer(el, 'tim-dialog.forward .empty')!.textContent).to.equal('No conversations match.');
    await pick(el, 'Carol Jones');
    await pick(el, '周末爬山群');
    expect(forwardButton(el).textContent!.trim()).to.equal('Send (2)');
    const before = oneEvent(el, 'tim-before-forward') as Promise<TimBeforeEvent<{ messages: Message[]; conversationIDs: string[]; merged: boolean }>>;
    forwardButton(el).click();
    const detail = (await before).detail;
    expect(detail.messages.map((x) => x.ID)).to.deep.equal([m.ID]);
    expect(detail.conversationIDs).to.deep.equal(['C2Ccarol', 'GROUPhiking']);
    expect(detail.merged).to.be.false;
    await until(() => toast(el) === 'Forwarded to 2 conversations', 'forwarded');
    await until(() => deepActive() === row, 'the focus back on the message');
    const carol = await asUser(kit, 'carol');
    const got = await newestAs(carol, 'C2Calice');
    expect([got.type, got.type === 'TIMTextElem' && got.payload.text, got.from]).to.deep.equal(['TIMTextElem', text, 'alice']);
    const lilei = await asUser(kit, 'lilei');
    expect((await newestAs(lilei, 'GROUPhiking')).type === 'TIMTextElem' && (await newestAs(lilei, 'GROUPhiking')).payload).to.deep.equal({ text });
  });

  it('draws a long list of conversations in pages as it is scrolled, and search reaches them all', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const now = Math.floor(Date.now() / 1000);
    await kit.core.bulkImport(Array.from({ length: 70 }, (_, i) => ({ from: 'alice', to: `peer${i}`, time: now - 86_400 * 30 - i, payload: { text: `hi ${i}` } })), { read: true });
    await until(() => kit.store.state.conversations.value.length > 80, 'the conversations');
    const m = lastMessage(kit, (x) => x.flow === 'in' && x.type === 'TIMTextElem')!;
    await menuByKeyboard(el, m.ID);
    await choose(el, 'Forward');
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    expect(pickerBoxes(el).length).to.equal(40);
    const list = inLayer(el, '.targets')!;
    list.scrollTop = list.scrollHeight;
    await until(() => pickerBoxes(el).length === 80, 'the next page');
    await filterPicker(el, 'peer69');
    expect(pickerNames(el)).to.deep.equal(['peer69']);
    await sendKeys({ press: 'Escape' });
    if (dialogOpen(el, 'forward')) await sendKeys({ press: 'Escape' });
  });

  it('lets the host veto a forward: nothing is sent', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const m = lastMessage(kit, (x) => x.flow === 'in' && x.type === 'TIMTextElem')!;
    await menuByKeyboard(el, m.ID);
    await choose(el, 'Forward');
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    await pick(el, 'Carol Jones');
    el.addEventListener('tim-before-forward', (e) => e.preventDefault(), { once: true });
    const carol = await asUser(kit, 'carol');
    const carolBefore = (await newestAs(carol, 'C2Calice')).ID;
    forwardButton(el).click();
    await frames(6);
    expect(dialogOpen(el, 'forward'), 'the dialog stays open').to.be.true;
    expect((await newestAs(carol, 'C2Calice')).ID).to.equal(carolBefore);
    // The first Escape clears the search field, the next closes.
    await sendKeys({ press: 'Escape' });
    if (dialogOpen(el, 'forward')) await sendKeys({ press: 'Escape' });
    await until(() => !dialogOpen(el, 'forward'), 'closed');
  });
});

describe('<tim-chat> multi-select', () => {
  it('selects several messages (click, Space), and forwards them merged into one chat record, @-free, as received and expanded in another conversation', async () => {
    const kit = await mountChat('GROUPteam');
    const el = kit.el;
    const at = 'seed-team-at-alice';
    await until(() => rowOf(el, at), 'the @alice message');
    const texts = kit.store.state.windows.get('GROUPteam' as ConversationID)!.messages.filter((m) => m.type === 'TIMTextElem' && !m.isRevoked);
    const [a, b] = texts.filter((m) => m.ID !== at).slice(-3, -1) as [Message, Message];
    await menuByMouse(el, at);
    await choose(el, 'Select');
    expect(el.hasAttribute('selecting')).to.be.true;
    expect(q(el, '[part="composer"]')!.hidden, 'the bar replaces the composer').to.be.true;
    const bar = q(el, '[part="select-bar"]')!;
    expect(bar.querySelector('.count')!.textContent).to.equal('1 selected');
    // A click anywhere on a message picks it; Space on a focused one too.
    rowOf(el, a.ID)!.querySelector<HTMLElement>('.bubble')!.click();
    await el.updateComplete;
    rowOf(el, b.ID)!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(q(el, '[part="select-bar"] .count')!.textContent).to.equal('3 selected');
    expect(qa<HTMLInputElement>(el, '.pick:checked').length).to.equal(3);
    rowOf(el, b.ID)!.querySelector<HTMLInputElement>('.pick')!.click();
    await el.updateComplete;
    expect(q(el, '[part="select-bar"] .count')!.textContent).to.equal('2 selected');
    rowOf(el, b.ID)!.querySelector<HTMLInputElement>('.pick')!.click();
    await el.updateComplete;
    // Merged forward to Carol.
    [...q(el, '[part="select-bar"]')!.querySelectorAll('button')].find((x) => x.textContent!.includes('Forward as chat record'))!.click();
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    expect(inLayer(el, 'tim-dialog.forward .what')!.textContent).to.equal('3 messages as one chat record');
    await pick(el, 'Carol Jones');
    const before = oneEvent(el, 'tim-before-forward') as Promise<TimBeforeEvent<{ messages: Message[]; merged: boolean }>>;
    forwardButton(el).click();
    const detail = (await before).detail;
    expect(detail.merged).to.be.true;
    const ordered = [a, b, kit.store.findMessage(at)!].sort((x, y) => x.sequence - y.sequence).map((x) => x.ID);
    expect(detail.messages.map((x) => x.ID), 'in the conversation order').to.deep.equal(ordered);
    await until(() => !el.hasAttribute('selecting'), 'multi-select ends');
    await until(() => toast(el) === 'Forwarded to 1 conversation', 'forwarded');
    expect(q(el, '[part="composer"]')!.hidden).to.be.false;
    // As Carol receives it: one chat record, titled, with abstracts, no mention of anyone.
    const carol = await asUser(kit, 'carol');
    const record = await newestAs(carol, 'C2Calice');
    expect(record.type).to.equal('TIMRelayElem');
    if (record.type !== 'TIMRelayElem') return;
    expect(record.payload.title).to.equal('Chat history of Product Team');
    expect(record.payload.abstractList).to.have.length(3);
    expect(record.payload.abstractList.join('\n')).to.contain('Bob').and.contain('@Alice Chen could you review the design doc?');
    expect(record.atUserList, 'a forward mentions nobody').to.deep.equal([]);
    const items = record.payload.messageList.length ? record.payload.messageList : await carol.downloadMergerMessage(record.ID);
    expect(items.map((i) => i.ID)).to.deep.equal(ordered);
    expect(items.map((i) => i.messageBody?.[0]?.payload)).to.deep.include({ text: '@Alice Chen could you review the design doc?' });
    // And in alice's chat with Carol: the record, which opens to the messages.
    el.conversationId = 'C2Ccarol';
    await opened(el);
    const last = lastMessage(kit)!;
    expect(last.type).to.equal('TIMRelayElem');
    const details = await until(() => rowOf(el, last.ID)?.querySelector<HTMLDetailsElement>('details'), 'the record');
    expect(details.textContent).to.contain('Chat history of Product Team');
    details.querySelector('summary')!.click();
    await until(() => details.querySelectorAll('.record-item').length === 3, 'the record expanded');
    expect(details.textContent).to.contain('@Alice Chen could you review the design doc?');
  });

  it('deletes the selection after one confirm, and Escape or Cancel leaves multi-select with the focus back', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const ids = qa(el, '.row[data-id]:not(.notice)').map((r) => r.dataset.id!).slice(-3);
    await menuByKeyboard(el, ids[0]!);
    await choose(el, 'Select');
    await until(() => deepActive() === rowOf(el, ids[0]!), 'the focus on the message');
    await sendKeys({ press: 'Escape' });
    await until(() => !el.hasAttribute('selecting'), 'left by Escape');
    expect(deepActive()).to.equal(rowOf(el, ids[0]!));
    await menuByKeyboard(el, ids[0]!);
    await choose(el, 'Select');
    rowOf(el, ids[1]!)!.click();
    await el.updateComplete;
    const bulk = () => [...q(el, '[part="select-bar"]')!.querySelectorAll('button')];
    bulk().find((x) => x.textContent!.trim() === 'Delete')!.click();
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    expect(inLayer(el, 'tim-dialog.confirm')!.shadowRoot!.textContent).to.contain('Delete 2 messages?');
    confirmButton(el, 'Delete').click();
    await until(() => !rowOf(el, ids[0]!) && !rowOf(el, ids[1]!), 'both deleted');
    expect(el.hasAttribute('selecting')).to.be.false;
    await until(() => deepActive() === rowOf(el, ids[2]!), 'the focus on the next message');
    // Cancel from the bar.
    await menuByKeyboard(el, ids[2]!);
    await choose(el, 'Select');
    bulk().find((x) => x.textContent!.trim() === 'Cancel')!.click();
    await until(() => !el.hasAttribute('selecting'), 'left by Cancel');
    await until(() => deepActive() === rowOf(el, ids[2]!), 'the focus back');
  });
});

describe('<tim-chat> resend and read receipts', () => {
  it('resends a failed message from its menu (tim-before-resend can veto)', async () => {
    const kit = await mountChat('C2Cbob', { faults: { failures: [{ code: 2800, rate: 1, methods: ['sendMessage'] }] } });
    const el = kit.el;
    const failed = await kit.store.sendText('C2Cbob' as ConversationID, 'Through the tunnel').catch((e: { data?: { message?: Message } }) => e.data?.message);
    const id = failed?.ID ?? lastMessage(kit, (m) => m.status === 'fail')!.ID;
    await until(() => rowOf(el, id)?.textContent?.includes('Not sent'), 'shown as failed');
    kit.core.faults.reset();
    await menuByKeyboard(el, id);
    expect(menuLabels(el)).to.deep.equal(['Resend', 'Copy', 'Delete']);
    el.addEventListener('tim-before-resend', (e) => e.preventDefault(), { once: true });
    await choose(el, 'Resend');
    await frames(6);
    expect(kit.store.findMessage(id)?.status).to.equal('fail');
    await menuByKeyboard(el, id);
    await choose(el, 'Resend');
    await until(() => kit.store.findMessage(id)?.status === 'success', 'sent');
    const bob = await asUser(kit, 'bob');
    expect((await bob.getMessage('C2Calice' as ConversationID, id)).ID, 'the same message, once').to.equal(id);
  });

  it('shows who read an own group message and who has not', async () => {
    const kit = await mountChat('GROUPteam');
    const el = kit.el;
    const id = 'seed-team-receipt';
    const row = await menuByKeyboard(el, id);
    expect(menuLabels(el)).to.include('Read receipts');
    await choose(el, 'Read receipts');
    await until(() => dialogOpen(el, 'receipts'), 'the receipts dialog');
    const dialog = inLayer(el, 'tim-dialog.receipts')!;
    await until(() => dialog.querySelectorAll('.people').length === 2, 'both lists');
    const [read, unread] = [...dialog.querySelectorAll('section')];
    expect(read!.querySelector('h3')!.textContent).to.equal('Read (2)');
    expect(unread!.querySelector('h3')!.textContent).to.equal('Not read yet (3)');
    // Names as alice knows them: her remark for Bob, the others' nicks.
    await until(() => read!.textContent!.includes('Bob (work)'), 'names');
    expect(read!.textContent).to.contain('Carol Jones');
    expect(unread!.textContent).to.contain('Dave Miller').and.contain('李雷').and.contain('김민지');
    expect(dialog.querySelector('blockquote')!.textContent).to.equal('Please read: code freeze tomorrow at noon');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOpen(el, 'receipts'), 'closed');
    await until(() => deepActive() === row, 'the focus back on the message');
    // Not offered on others' messages.
    await menuByKeyboard(el, 'seed-team-at-alice');
    expect(menuLabels(el)).to.not.include('Read receipts');
    await sendKeys({ press: 'Escape' });
  });
});

describe('<tim-chat> reply and edit (with the composer)', () => {
  it('replies with a quote: the composer shows it, the sent message shows the quoted one, and clicking that jumps there', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const quoted = lastMessage(kit, (m) => m.flow === 'in' && m.type === 'TIMTextElem')!;
    const quotedText = quoted.type === 'TIMTextElem' ? quoted.payload.text : '';
    await menuByKeyboard(el, quoted.ID);
    await choose(el, 'Reply');
    const composer = q(el, 'tim-chat-composer')!;
    const preview = await until(() => composer.shadowRoot!.querySelector('[part="quote-preview"]'), 'the quote preview');
    expect(preview.textContent).to.contain(quotedText);
    await until(() => deepActive() === composerInput(el), 'the focus in the input');
    await sendKeys({ type: 'Agreed!' });
    await sendKeys({ press: 'Enter' });
    const reply = await until(() => lastMessage(kit, (m) => m.flow === 'out' && m.type === 'TIMTextElem' && m.payload.text === 'Agreed!' && m.status === 'success'), 'the reply sent');
    const quote = await until(() => rowOf(el, reply.ID)?.querySelector<HTMLElement>('[part="quote"]'), 'the quote in the reply');
    expect(quote.textContent).to.contain(quotedText);
    // bob receives the reply with its quote.
    const bob = await asUser(kit, 'bob');
    expect(JSON.parse((await bob.getMessage('C2Calice' as ConversationID, reply.ID)).cloudCustomData).messageReply.messageID).to.equal(quoted.ID);
    quote.click();
    await until(() => rowOf(el, quoted.ID)?.classList.contains('highlight'), 'the quoted message highlighted');
  });

  it('edits an own text message: the composer holds its text, and it shows "edited" for everyone', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const m = await sendText(kit, 'See you at 3');
    await until(() => kit.store.findMessage(m.ID)?.status === 'success', 'sent');
    await menuByKeyboard(el, m.ID);
    await choose(el, 'Edit');
    await until(() => composerInput(el)?.value === 'See you at 3' && deepActive() === composerInput(el), 'the text to edit, focused');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Enter' });
    await until(() => rowOf(el, m.ID)?.querySelector('.edited'), 'marked edited');
    expect(rowOf(el, m.ID)!.querySelector('.bubble')!.textContent!.trim()).to.equal('See you at 4');
    const bob = await asUser(kit, 'bob');
    const seen = await bob.getMessage('C2Calice' as ConversationID, m.ID);
    expect([seen.isModified, seen.type === 'TIMTextElem' && seen.payload.text]).to.deep.equal([true, 'See you at 4']);
  });
});

describe('<tim-chat> keyboard only', () => {
  /** Presses Tab (or Shift+Tab) until `test` holds for the focused element. */
  async function tabTo(test: (el: Element | null) => boolean, back = false, what = 'target'): Promise<void> {
    for (let i = 0; i < 25 && !test(deepActive()); i++) await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
    expect(test(deepActive()), `Tab reaches ${what}`).to.be.true;
  }
  const isRow = (a: Element | null) => !!a?.classList.contains('row');

  it('writes, sends, reaches the message, and quotes, forwards and deletes it with the focus back after each menu and dialog', async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    await until(() => composerInput(el), 'the composer');
    (document.activeElement as HTMLElement | null)?.blur();
    // Write and send.
    await tabTo((a) => a === composerInput(el), false, 'the input');
    await sendKeys({ type: 'Keyboard only' });
    await sendKeys({ press: 'Enter' });
    const sent = await until(() => lastMessage(kit, (m) => m.type === 'TIMTextElem' && m.payload.text === 'Keyboard only' && m.status === 'success'), 'sent');
    expect(composerInput(el)!.value).to.equal('');
    // Back to the history, then to the newest message.
    await tabTo((a) => isRow(a) || a === q(el, '.scroller'), true, 'the history');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'End' });
    await until(() => deepActive() === rowOf(el, sent.ID), 'the sent message focused');
    const row = rowOf(el, sent.ID)!;
    // Menu → Escape: the focus comes back.
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'menu');
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === row, 'focus back after Escape');
    // Quote: the composer takes the focus, and sends a reply.
    await sendKeys({ press: 'Shift+F10' });
    await until(() => menuOpen(el), 'menu');
    await sendKeys({ press: 'r' });
    expect(deepActive()?.textContent?.trim()).to.equal('Reply');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive() === composerInput(el), 'the input focused for the reply');
    await sendKeys({ type: 'Quoting myself' });
    await sendKeys({ press: 'Enter' });
    const reply = await until(() => lastMessage(kit, (m) => m.type === 'TIMTextElem' && m.payload.text === 'Quoting myself' && m.status === 'success'), 'reply sent');
    await until(() => rowOf(el, reply.ID)?.querySelector('[part="quote"]'), 'the reply shows its quote');
    // Back to the reply and forward it to Carol through the dialog.
    await tabTo(isRow, true, 'a message');
    await sendKeys({ press: 'End' });
    await until(() => deepActive() === rowOf(el, reply.ID), 'the reply focused');
    const replyRow = rowOf(el, reply.ID)!;
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'menu');
    await sendKeys({ press: 'f' });
    expect(deepActive()?.textContent?.trim()).to.equal('Forward');
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el, 'forward') && deepActive() === inLayer(el, '.forward input[type="search"]'), 'the picker, search focused');
    await sendKeys({ type: 'Carol' });
    await until(() => pickerNames(el).join() === 'Carol Jones', 'filtered');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(pickerBoxes(el)[0]);
    await sendKeys({ press: 'Space' });
    await until(() => forwardButton(el).textContent!.trim() === 'Send (1)', 'picked');
    await tabTo((a) => a === forwardButton(el), false, 'Send');
    await sendKeys({ press: 'Enter' });
    await until(() => !dialogOpen(el, 'forward'), 'the dialog closed');
    await until(() => deepActive() === replyRow, 'focus back on the message after the dialog');
    await until(() => toast(el) === 'Forwarded to 1 conversation', 'forwarded');
    // Delete: Escape in the confirm keeps it (focus back); Enter deletes (focus on the neighbour).
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'menu');
    await sendKeys({ press: 'd' });
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOpen(el, 'confirm') && deepActive() === replyRow, 'cancelled, focus back');
    expect(rowOf(el, reply.ID)).to.exist;
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'menu');
    await sendKeys({ press: 'd' });
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el, 'confirm'), 'the confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => !rowOf(el, reply.ID), 'deleted');
    await until(() => deepActive() === rowOf(el, sent.ID), 'the focus on the message before it');
  });

  it("the toolbar's Forward: the focus comes back to it after the dialog (Escape or Send), not to the page", async () => {
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const last = await until(() => lastMessage(kit, (m) => m.type === 'TIMTextElem' && m.status === 'success'), 'a text message');
    const row = await until(() => rowOf(el, last.ID), 'its row');
    row.focus();
    const forwardTool = () => row.querySelector<HTMLButtonElement>('[part="message-tools"] button[aria-label="Forward"]');
    await until(forwardTool, 'the toolbar of the focused message', 8000);
    await tabTo((a) => a === forwardTool(), false, "the toolbar's Forward");
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el, 'forward') && deepActive() === inLayer(el, '.forward input[type="search"]'), 'the picker, search focused');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOpen(el, 'forward'), 'the dialog closed');
    await until(() => !!deepActive() && deepActive() === forwardTool(), 'the focus back on Forward');
    // And after sending through it.
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el, 'forward'), 'the picker again');
    await sendKeys({ type: 'Carol' });
    await until(() => pickerNames(el).join() === 'Carol Jones', 'filtered');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await until(() => forwardButton(el).textContent!.trim() === 'Send (1)', 'picked');
    forwardButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !dialogOpen(el, 'forward'), 'sent, closed');
    await until(() => !!deepActive() && deepActive() === forwardTool(), 'the focus back on Forward after sending');
  });
});
