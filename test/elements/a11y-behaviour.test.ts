/**
 * Accessibility beyond what axe checks: read by script on Chromium's own accessibility tree and the DOM.
 * - every control (and every focusable element) has a role and an accessible name, in every state reached;
 * - live regions say new messages and results once each, not every keystroke;
 * - dialogs keep the focus inside and give it back to what opened them;
 * - `prefers-reduced-motion: reduce` leaves nothing moving;
 * - at 200% text size (a 640px wide page whose root font-size is 32px) nothing is cut off or needs a sideways scroll.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ConversationID, Message, TimChat, TimConversation, TimProfile, TimSearch } from '../../src/index.js';
import { cleanupKits, deepQuery, deepQueryAll, deepText, makeCore, mountKit, until, type Kit } from '../helpers/kit.js';
import { frames, mountChat, q, rowOf } from '../helpers/chat.js';
import { allRoots, deepActive } from '../helpers/a11y.js';

const others: Array<{ destroy(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((c) => c.destroy().catch(() => undefined)));
  await cleanupKits();
});

// ───────────────────────────── names ─────────────────────────────

interface AxNode {
  role: string;
  name: string;
  properties: Record<string, unknown>;
  node: string;
}
/** Roles a user operates or moves into, which must be named. */
const NAMED = ['button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'switch', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'tab', 'slider', 'spinbutton', 'listbox', 'menu', 'dialog', 'alertdialog', 'log', 'article', 'img', 'progressbar', 'tree', 'treeitem', 'grid', 'search'];

/** Controls without a name, and focusable elements without a role, in the page's accessibility tree now. */
async function unnamed(state: string): Promise<string[]> {
  const nodes = await executeServerCommand<AxNode[], { roles: string[] }>('ax-tree', { roles: NAMED });
  return nodes.flatMap((n) => {
    if (n.role === 'RootWebArea' || n.properties.hidden) return [];
    if (NAMED.includes(n.role)) return n.name.trim() ? [] : [`${state}: a ${n.role} without a name: ${n.node}`];
    // Focusable, yet no role a screen reader can say (a generic div or span with a tabindex).
    return ['generic', 'none', 'presentation', ''].includes(n.role) ? [`${state}: focusable without a role: ${n.node}`] : [];
  });
}

/** A conversation list and a chat (bob's) on one provider, both drawn. */
async function mountListAndChat() {
  const kit = await mountKit(html`<tim-conversation></tim-conversation><tim-chat conversation-id="C2Cbob"></tim-chat>`);
  const chat = kit.provider.querySelector('tim-chat')!;
  await until(() => q(chat, 'tim-chat-composer')?.shadowRoot?.querySelector('textarea') && deepQuery(kit.provider, '[role=option]'), 'the list and the chat', 8000);
  await frames(2);
  return kit;
}

describe('accessible names (Chromium accessibility tree)', () => {
  const layer = (el: TimChat) => q<HTMLElement>(el, 'tim-chat-actions');
  const inLayer = <T extends Element = HTMLElement>(el: TimChat, selector: string) => layer(el)?.shadowRoot?.querySelector<T>(selector) ?? null;
  const menuOpen = (el: TimChat) => !!inLayer(el, 'tim-menu')?.shadowRoot?.querySelector('[popover]:popover-open');
  const composer = (el: TimChat) => q(el, 'tim-chat-composer')?.shadowRoot ?? null;

  it('every control and focusable element of a chat, its menus, dialogs, pickers, find bar and image viewer', async function () {
    this.timeout(60_000);
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const found: string[] = [];
    await until(() => composer(el)?.querySelector('textarea'), 'the composer');
    found.push(...(await unnamed('the chat')));

    const theirs = kit.store.state.windows.get('C2Cbob' as ConversationID)!.messages.filter((m) => m.flow === 'in' && m.type === 'TIMTextElem').at(-1)!;
    const row = await until(() => rowOf(el, theirs.ID), 'a row');
    row.focus();
    await until(() => row.querySelector('[part~="message-tools"]') ?? true, 'tools');
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'the menu', 8000);
    found.push(...(await unnamed('the message menu')));
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'the menu closed');

    composer(el)!.querySelector<HTMLElement>('[aria-label=Emoji]')!.click();
    await until(() => composer(el)?.querySelector('tim-chat-emoji-picker')?.shadowRoot?.querySelector('.grid button'), 'the emoji picker');
    found.push(...(await unnamed('the emoji picker')));
    await sendKeys({ press: 'Escape' });
    await until(() => !composer(el)!.querySelector('tim-chat-emoji-picker'), 'the picker closed');
    composer(el)!.querySelector<HTMLElement>('[aria-label=Stickers]')!.click();
    await until(() => composer(el)?.querySelector('tim-chat-sticker-panel')?.shadowRoot?.querySelector('button'), 'the sticker panel');
    found.push(...(await unnamed('the sticker panel')));
    composer(el)!.querySelector<HTMLElement>('[aria-label=Stickers]')!.click();

    await el.openFind();
    const bar = await until(() => q(el, 'tim-chat-find')?.shadowRoot?.querySelector('input'), 'the find bar', 8000);
    bar.focus();
    await sendKeys({ type: 'lunch' });
    await until(() => /\d/.test(deepText(q(el, 'tim-chat-find')!)), 'hits');
    found.push(...(await unnamed('the find bar')));
    await sendKeys({ press: 'Escape' });

    await el.scrollToMessage('seed-bob-image');
    (await until(() => rowOf(el, 'seed-bob-image')?.querySelector<HTMLElement>('.media-button'), 'the picture')).click();
    await until(() => q(el, 'tim-chat-lightbox')?.shadowRoot?.querySelector('dialog[open]'), 'the viewer', 8000);
    found.push(...(await unnamed('the image viewer')));
    expect(found).to.deep.equal([]);
  });

  it('every control of the list (with its row menu), a group chat with the mention list, a profile, search results', async function () {
    this.timeout(60_000);
    const found: string[] = [];
    const list = await mountKit<TimConversation>(html`<tim-conversation filter></tim-conversation>`);
    await until(() => list.el.shadowRoot!.querySelector('[role=option]'), 'the rows');
    found.push(...(await unnamed('the list')));
    await cleanupKits();

    const group = await mountChat('GROUPteam');
    await until(() => group.store.state.members.get('team')?.status === 'ready', 'members');
    const input = await until(() => composer(group.el)?.querySelector('textarea'), 'the composer');
    input.focus();
    await sendKeys({ type: 'Hi @' });
    await until(() => composer(group.el)?.querySelector('[part=mention-list] [role=option]'), 'the mention list');
    found.push(...(await unnamed('a group with the mention list')));
    await cleanupKits();

    const profile = await mountKit<TimProfile>(html`<tim-profile user-id="bob"></tim-profile>`);
    await until(() => deepText(profile.el).includes('Coffee first'), 'the profile', 8000);
    found.push(...(await unnamed('a profile')));
    profile.el.groupId = 'team';
    profile.el.userId = '';
    await until(() => deepQuery(profile.el.shadowRoot!, '[part~="item"]'), 'the members', 8000);
    found.push(...(await unnamed('a group profile')));
    await cleanupKits();

    const search = await mountKit<TimSearch>(html`<tim-search></tim-search>`);
    const panel = () => search.el.shadowRoot!.querySelector('tim-search-panel') as (HTMLElement & { search(): Promise<void> }) | null;
    const field = await until(() => panel()?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
    field.focus();
    await sendKeys({ type: 'a' });
    await panel()!.search();
    await until(() => panel()!.shadowRoot!.querySelector('[role=option]'), 'results');
    found.push(...(await unnamed('search results')));
    expect(found).to.deep.equal([]);
  });
});

// ───────────────────────────── live regions ─────────────────────────────

/**
 * Records what the page's live regions would say: for each region (an `aria-live` other than off, or a role
 * that implies one), every change of its text, as the text it holds after the change. Regions that appear
 * already holding text are recorded too, marked `inserted`, since many screen readers say nothing for them.
 */
function liveRecorder() {
  const said: Array<{ region: string; text: string; inserted: boolean }> = [];
  const known = new Map<Element, string>();
  const isLive = (e: Element) =>
    (e.getAttribute('aria-live') && e.getAttribute('aria-live') !== 'off') || ['status', 'alert', 'log'].includes(e.getAttribute('role') ?? '') && e.getAttribute('aria-live') !== 'off';
  const describe = (e: Element) => `${(e.getRootNode() as ShadowRoot).host?.localName ?? 'document'} ${e.localName}.${[...e.classList].join('.')}[role=${e.getAttribute('role') ?? ''}]`;
  // Compared as they are (a change of spacing alone is a change the screen reader hears), reported tidied.
  const text = (e: Element) => e.textContent ?? '';
  const tidy = (t: string) => t.replace(/\s+/g, ' ').trim();
  let running = true;
  let first = true;
  const look = () => {
    const regions = allRoots().flatMap((r) => [...r.querySelectorAll('*')].filter(isLive));
    for (const region of regions) {
      const now = text(region);
      const before = known.get(region);
      if (before === undefined) {
        known.set(region, now);
        // What the page already held when recording began was not said now.
        if (tidy(now) && !first) said.push({ region: describe(region), text: tidy(now), inserted: true });
      } else if (before !== now) {
        known.set(region, now);
        if (tidy(now)) said.push({ region: describe(region), text: tidy(now), inserted: false });
      }
    }
  };
  // Mutations, as they happen (a text replaced within one task would be missed by looking each frame).
  const observer = new MutationObserver(look);
  const observeAll = () => {
    for (const r of allRoots()) observer.observe(r, { subtree: true, childList: true, characterData: true });
  };
  const tick = () => {
    if (!running) return;
    observeAll();
    look();
    requestAnimationFrame(tick);
  };
  look();
  first = false;
  tick();
  return {
    said,
    stop() {
      running = false;
      observer.disconnect();
    },
  };
}

describe('live regions', () => {
  it('a new message is said once; the same words again are said again; the peer typing says nothing', async function () {
    this.timeout(30_000);
    const kit = await mountChat('C2Cbob');
    const { core: bob } = await makeCore({ dbName: kit.dbName, user: 'bob' });
    others.push(bob);
    await until(() => q(kit.el, 'tim-chat-composer')?.shadowRoot?.querySelector('textarea'), 'the composer');
    const rec = liveRecorder();
    const say = (text: string) => bob.sendMessage(bob.createMessage({ conversationID: 'C2Calice' as ConversationID, draft: { type: 'TIMTextElem', payload: { text } } }).ID);
    await bob.setTyping('C2Calice' as ConversationID, true);
    await until(() => kit.store.state.typing.get('C2Cbob' as ConversationID)?.length, 'bob typing');
    await say('ok');
    await until(() => rec.said.some((s) => s.text.includes('ok')), 'the first "ok" said');
    const count = () => kit.store.state.windows.get('C2Cbob' as ConversationID)!.messages.filter((m: Message) => m.flow === 'in' && m.type === 'TIMTextElem' && m.payload.text === 'ok').length;
    await until(() => count() === 1, 'one ok');
    await say('ok');
    await until(() => count() === 2, 'the second ok arrived');
    await frames(4);
    rec.stop();
    const oks = rec.said.filter((s) => s.text.includes('ok'));
    expect(oks.map((s) => s.text), 'each "ok" said once').to.have.length(2);
    expect(rec.said.filter((s) => /typing/i.test(s.text)), 'typing not said').to.deep.equal([]);
  });

  it('going offline is said once, by regions that were in the page before: the status line (one for the page, however many elements show it) and the composer', async function () {
    this.timeout(30_000);
    const kit = await mountListAndChat();
    const rec = liveRecorder();
    kit.core.faults.disconnect();
    await until(() => deepText(kit.provider).includes('Network unavailable') && deepText(kit.provider).includes('You are offline'), 'offline shown');
    await frames(4);
    rec.stop();
    const said = (words: string) => rec.said.filter((s) => s.text.includes(words));
    expect(said('Network unavailable'), 'the status line').to.have.length(1);
    expect(said('Network unavailable')[0]!.inserted, 'a region in the page before').to.equal(false);
    expect(said('You are offline'), 'the composer').to.have.length(1);
    expect(said('You are offline')[0]!.inserted, 'a region in the page before').to.equal(false);
  });

  it('multi-select says its count from the first message picked, by a region that was in the page before, once per change', async function () {
    this.timeout(30_000);
    const kit = await mountChat('GROUPteam');
    const el = kit.el;
    const texts = kit.store.state.windows.get('GROUPteam' as ConversationID)!.messages.filter((m) => m.type === 'TIMTextElem' && !m.isRevoked);
    const [a, b] = texts.slice(-2) as [Message, Message];
    const layer = () => q<HTMLElement>(el, 'tim-chat-actions');
    const menuItem = (label: string) =>
      [...(layer()?.shadowRoot?.querySelector('tim-menu')?.shadowRoot?.querySelectorAll<HTMLElement>('[popover]:popover-open [role="menuitem"]') ?? [])].find((x) => x.textContent!.trim() === label);
    const row = await until(() => rowOf(el, a.ID), 'a row');
    row.focus();
    await sendKeys({ press: 'ContextMenu' });
    const select = await until(() => menuItem('Select'), 'the menu', 8000);
    await frames(2);
    const rec = liveRecorder();
    select.click();
    await until(() => q(el, '[part="select-bar"]'), 'the select bar');
    await until(() => rec.said.some((s) => s.text === '1 selected'), '"1 selected" said');
    rowOf(el, b.ID)!.querySelector<HTMLElement>('.pick')!.click();
    await until(() => rec.said.some((s) => s.text === '2 selected'), '"2 selected" said');
    await frames(4);
    rec.stop();
    const counts = rec.said.filter((s) => / selected$/.test(s.text));
    expect(counts.map((s) => s.text), 'each count once').to.deep.equal(['1 selected', '2 selected']);
    expect(counts.filter((s) => s.inserted), 'said by a region that was in the page before (one inserted holding its text is not said)').to.deep.equal([]);
    q<HTMLElement>(el, '[part="select-bar"] .button:last-child')!.click();
  });

  it('a kick-out is said once per page however many elements show its banner, and each banner keeps its "Log in again"', async function () {
    this.timeout(30_000);
    const kit = await mountListAndChat();
    const rec = liveRecorder();
    kit.core.faults.kickOut('multipleAccount');
    const banners = () => deepQueryAll(kit.provider, '.banner[part=banner]').filter((b) => b.textContent!.includes('Log in again'));
    await until(() => banners().length === 2, 'a banner in the list and one in the chat');
    await frames(4);
    rec.stop();
    const text = 'You logged in somewhere else, so you were logged out here.';
    expect(banners().every((b) => b.textContent!.includes(text) && b.querySelector('button[part=action]')), 'each banner: its words and its button').to.be.true;
    const said = rec.said.filter((s) => s.text.includes(text));
    expect(said.map((s) => s.region), 'said once').to.have.length(1);
    expect(said[0]!.region, 'as an alert').to.match(/\[role=alert\]$/);
    // The banner that did not say it still works: its button logs in again.
    const silent = banners().find((b) => !b.hasAttribute('role'))!;
    silent.querySelector<HTMLButtonElement>('button[part=action]')!.click();
    await until(() => kit.store.state.session.status === 'ready' && banners().length === 0, 'logged in again, the banners gone');
  });

  it('search results are said once the user pauses, not for every key', async function () {
    this.timeout(30_000);
    const kit = await mountKit<TimSearch>(html`<tim-search></tim-search>`);
    const panel = () => kit.el.shadowRoot!.querySelector('tim-search-panel') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    const field = await until(() => panel()?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
    field.focus();
    const rec = liveRecorder();
    await sendKeys({ type: 'lunch' });
    await until(() => rec.said.some((s) => /result/.test(s.text)), 'the results said', 8000);
    await frames(10);
    rec.stop();
    const results = rec.said.filter((s) => s.region.startsWith('tim-search-panel'));
    expect(results.length, JSON.stringify(results)).to.be.at.most(2);
  });
});

// ───────────────────────────── focus ─────────────────────────────

describe('dialogs keep and give back the focus', () => {
  const layer = (el: TimChat) => q<HTMLElement>(el, 'tim-chat-actions');
  const inLayer = <T extends Element = HTMLElement>(el: TimChat, selector: string) => layer(el)?.shadowRoot?.querySelector<T>(selector) ?? null;
  const menuSurface = (el: TimChat) => inLayer(el, 'tim-menu')?.shadowRoot?.querySelector<HTMLElement>('[popover]') ?? null;
  const menuOpen = (el: TimChat) => !!menuSurface(el)?.matches(':popover-open');

  /** Tabs `n` times forward and back: the focus must stay inside `inside` (or leave the page, as a modal lets it go to the browser). */
  async function tabsStayIn(inside: () => Element | null | undefined, what: string): Promise<string[]> {
    const out: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await sendKeys({ press: key });
      const a = deepActive();
      const box = inside();
      if (a && a !== document.body && box && !composedContains(box, a)) out.push(`${what}: ${key} moved the focus out, to ${a.localName}.${a.className}`);
    }
    return out;
  }
  const composedContains = (box: Element, node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === box) return true;
    return false;
  };

  it('the forward dialog and the image viewer: Tab stays inside, Escape gives the focus back to the opener', async function () {
    this.timeout(30_000);
    const kit = await mountChat('C2Cbob');
    const el = kit.el;
    const theirs = kit.store.state.windows.get('C2Cbob' as ConversationID)!.messages.filter((m) => m.flow === 'in' && m.type === 'TIMTextElem').at(-1)!;
    const row = await until(() => rowOf(el, theirs.ID), 'a row');
    row.focus();
    await sendKeys({ press: 'ContextMenu' });
    await until(() => menuOpen(el), 'the menu', 8000);
    const forward = await until(() => [...menuSurface(el)!.querySelectorAll<HTMLElement>('[role=menuitem]')].find((b) => b.textContent!.trim() === 'Forward'), 'Forward');
    forward.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = () => inLayer(el, 'tim-dialog.forward')?.shadowRoot?.querySelector('dialog[open]');
    await until(() => dialog() && inLayer(el, 'tim-dialog.forward input[type="checkbox"]'), 'the forward dialog');
    const problems = await tabsStayIn(() => inLayer(el, 'tim-dialog.forward'), 'forward');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(), 'closed');
    await frames(2);
    if (deepActive() !== rowOf(el, theirs.ID)) problems.push(`forward: the focus went to ${deepActive()?.localName}.${deepActive()?.className}, not back to the message`);

    await el.scrollToMessage('seed-bob-image');
    const image = await until(() => rowOf(el, 'seed-bob-image')?.querySelector<HTMLElement>('.media-button'), 'the picture');
    image.focus();
    await sendKeys({ press: 'Enter' });
    const viewer = () => q(el, 'tim-chat-lightbox')?.shadowRoot?.querySelector('dialog[open]');
    await until(() => viewer(), 'the viewer', 8000);
    problems.push(...(await tabsStayIn(() => q(el, 'tim-chat-lightbox'), 'viewer')));
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer(), 'the viewer closed');
    await frames(2);
    if (deepActive() !== rowOf(el, 'seed-bob-image')?.querySelector('.media-button')) problems.push(`viewer: the focus went to ${deepActive()?.localName}.${deepActive()?.className}, not back to the picture`);
    expect(problems).to.deep.equal([]);
  });

  it('a profile form dialog and a confirmation: Tab stays inside, the focus comes back to the button', async function () {
    this.timeout(30_000);
    const kit = await mountKit<TimProfile>(html`<tim-profile user-id="bob"></tim-profile>`);
    const view = () => kit.el.shadowRoot!.querySelector<HTMLElement>('.view');
    await until(() => deepText(kit.el).includes('Coffee first'), 'the profile', 8000);
    const button = (label: string) => until(() => [...view()!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label), label);
    const edit = await button('Edit remark');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    const form = () => view()!.shadowRoot!.querySelector('tim-dialog.editor');
    await until(() => form()?.shadowRoot?.querySelector('dialog[open]'), 'the remark form');
    const problems = await tabsStayIn(form, 'remark form');
    await sendKeys({ press: 'Escape' });
    await until(() => !form()?.shadowRoot?.querySelector('dialog[open]'), 'the form closed');
    await frames(2);
    if (deepActive() !== edit) problems.push(`remark form: the focus went to ${deepActive()?.localName}, not back to Edit remark`);

    const remove = await button('Delete friend');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = () => deepQueryAll<HTMLDialogElement>(view()!.shadowRoot!, 'dialog[open]')[0];
    await until(() => confirm(), 'the confirmation');
    problems.push(...(await tabsStayIn(() => (confirm()?.getRootNode() as ShadowRoot).host, 'confirmation')));
    await sendKeys({ press: 'Escape' });
    await until(() => !confirm(), 'the confirmation closed');
    await frames(2);
    if (deepActive() !== remove) problems.push(`confirmation: the focus went to ${deepActive()?.localName}, not back to Delete friend`);
    expect(problems).to.deep.equal([]);
  });
});

// ───────────────────────────── motion ─────────────────────────────

describe('prefers-reduced-motion', () => {
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('leaves nothing moving: no spinner spins, no highlight flashes', async function () {
    this.timeout(30_000);
    await emulateMedia({ reducedMotion: 'reduce' });
    // The history loads slowly: its spinner shows.
    const kit = await mountKit<TimChat>(html`<tim-chat conversation-id="C2Cbob"></tim-chat>`, { faults: { latencyMs: 3000 } });
    await until(() => deepQuery(kit.el.shadowRoot!, '.spinner'), 'a spinner');
    const list = await mountKit<TimConversation>(html`<tim-conversation></tim-conversation>`, { faults: { latencyMs: 3000 } });
    await until(() => deepQuery(list.el.shadowRoot!, '.spinner'), 'the list’s spinner');
    await frames(3);
    const moving = allRoots().flatMap((r) =>
      r.getAnimations().filter((a) => a.playState === 'running').map((a) => `${(a as CSSAnimation).animationName ?? a.constructor.name} (${a.effect?.getComputedTiming().iterations} iterations of ${a.effect?.getComputedTiming().duration} ms)`),
    );
    expect(moving).to.deep.equal([]);
  });
});

// ───────────────────────────── 200% text ─────────────────────────────

describe('200% text size (640px wide, root font-size 32px)', () => {
  before(async () => {
    await setViewport({ width: 640, height: 900 });
    document.documentElement.style.fontSize = '32px';
  });
  after(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  /** Text cut off: a box whose content is taller or wider than it and hides the rest (ellipsis apart). */
  function cutOff(kit: Kit, state: string): string[] {
    const box = kit.provider.getBoundingClientRect();
    const out: string[] = [];
    for (const e of deepQueryAll<HTMLElement>(kit.provider, '*')) {
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || e.closest('.visually-hidden') || e.classList.contains('visually-hidden')) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (own && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(`${state}: ${e.localName}.${e.className} "${e.textContent!.trim().slice(0, 30)}" sticks out sideways (${Math.round(r.left)}..${Math.round(r.right)})`);
      // Squeezed: a few words broken over lines in a box narrower than six characters (a value beside its label
      // and a button), letter by letter rather than word by word.
      const words = own ? e.textContent!.trim() : '';
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
      if (words.length > 6 && r.width < 6 * parseFloat(style.fontSize) && r.height > 1.5 * lineHeight)
        out.push(`${state}: ${e.localName}.${e.className} "${words.slice(0, 30)}" is squeezed into ${Math.round(r.width)}px, ${Math.round(r.height / lineHeight)} lines`);
      // An empty text field shows its placeholder: the whole of it, not a line and a half.
      if ((e instanceof HTMLTextAreaElement) && !e.value && e.placeholder && e.scrollHeight > e.clientHeight + 1)
        out.push(`${state}: the placeholder "${e.placeholder}" of a ${e.localName} is cut off (${e.scrollHeight}px of text in ${e.clientHeight}px)`);
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`${state}: the page scrolls sideways`);
    return out;
  }

  async function mountWide<E extends Element>(template: ReturnType<typeof html>, options: Parameters<typeof mountKit>[1] = {}): Promise<Kit<E>> {
    const kit = await mountKit<E>(template, options);
    kit.provider.style.cssText = 'display:block;height:900px;width:100%';
    return kit;
  }

  it('the list, a 1:1 and a group chat with their composers, a profile, a group, search: nothing cut off', async function () {
    this.timeout(60_000);
    const found: string[] = [];
    const list = await mountWide<TimConversation>(html`<tim-conversation filter></tim-conversation>`);
    await until(() => list.el.shadowRoot!.querySelector('[role=option]'), 'the rows');
    await frames(3);
    found.push(...cutOff(list, 'the list'));
    await cleanupKits();
    for (const id of ['C2Cbob', 'GROUPteam']) {
      const chat = await mountWide<TimChat>(html`<tim-chat conversation-id=${id}></tim-chat>`);
      await until(() => q(chat.el, 'tim-chat-composer')?.shadowRoot?.querySelector('textarea') && q(chat.el, '.row'), 'the chat', 8000);
      await frames(3);
      found.push(...cutOff(chat, id));
      await cleanupKits();
    }
    const profile = await mountWide<TimProfile>(html`<tim-profile user-id="bob"></tim-profile>`);
    await until(() => deepText(profile.el).includes('Coffee first'), 'the profile', 8000);
    await frames(3);
    found.push(...cutOff(profile, 'a profile'));
    await cleanupKits();
    const search = await mountWide<TimSearch>(html`<tim-search></tim-search>`);
    await until(() => search.el.shadowRoot!.querySelector('tim-search-panel')?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
    await frames(3);
    found.push(...cutOff(search, 'search'));
    expect(found).to.deep.equal([]);
  });
});

// ───────────────────────────── language ─────────────────────────────

describe('the language of the text', () => {
  it('is the language the elements speak: Chinese or Korean words on an English page are marked so; an unsupported locale speaks (and is marked) English', async function () {
    this.timeout(30_000);
    // An English host page.
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
    const found: string[] = [];
    try {
      for (const [locale, shown, lang] of [['zh', '发消息给', 'zh'], ['ko', '메시지', 'ko'], ['fr', 'Message', 'en']] as const) {
        const kit = await mountChat('C2Cbob', { locale });
        const input = await until(() => q(kit.el, 'tim-chat-composer')?.shadowRoot?.querySelector('textarea'), 'the composer');
        await until(() => input.placeholder.includes(shown), `the ${locale} words`);
        // What a screen reader picks its voice by: the language the text inherits, across the shadow roots.
        const title = q(kit.el, '[part=title]')!;
        for (const [what, node] of [['the header', title], ['the message input', input]] as const)
          if (!node.matches(`:lang(${lang})`)) found.push(`${locale}: ${what} shows ${lang} words but is marked as the page's ${document.documentElement.lang || 'none'}`);
        await cleanupKits();
      }
    } finally {
      document.documentElement.lang = pageLang;
    }
    expect(found).to.deep.equal([]);
  });
});
