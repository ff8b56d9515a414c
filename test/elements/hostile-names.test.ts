/**
 * Hostile display names (reliability F16/F19) where the other tests do not look: the composer's @-mention
 * picker, the read-receipt panel (who read, who has not) and the forward dialog's conversation picker. Each
 * name is text (no element made from it, no handler run), isolated (`<bdi>` or `dir=auto`), without the
 * invisible direction and zero-width controls, and when too long for its place it is cut where it shows
 * (never inside an emoji, never widening its list).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConversationID, TimChat } from '../../src/index.js';
import { cleanupKits, makeCore, until } from '../helpers/kit.js';
import { destroyOtherUsers, frames, mountChat, q, type ChatKit } from '../helpers/chat.js';

const family = '👩‍👩‍👧‍👦';
const NAMES = {
  carol: 'Carol '.repeat(34).slice(0, 200), // 200 characters
  dave: '<img src=x onerror="window.__xss=1">\u202Egnp.exe',
  lilei: 'adm\u200Bin\u200D\uFEFF',
  minji: family.repeat(18), // 450 UTF-8 bytes (the limit is 500)
};
const CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** A demo world where carol, dave, lilei and minji (members of alice's group `team`) chose hostile nicks. */
async function hostileWorld(): Promise<string> {
  const { core, dbName } = await makeCore({ user: '' });
  for (const [user, nick] of Object.entries(NAMES)) {
    await core.login({ userID: user });
    await core.updateMyProfile({ nick });
    await core.logout();
  }
  await core.destroy();
  return dbName;
}

/** Checks one drawn name: text only, isolated, no controls, and (if `long`) cut where it shows, by whole graphemes. */
function checkName(node: Element, expected: string, where: string): void {
  expect(node.tagName === 'BDI' || node.getAttribute('dir') === 'auto', `${where}: isolated`).to.be.true;
  expect(node.querySelector('*'), `${where}: no element inside`).to.equal(null);
  const text = node.textContent!;
  expect(CONTROLS.test(text), `${where}: no direction or zero-width controls`).to.be.false;
  expect((text as string & { isWellFormed(): boolean }).isWellFormed(), `${where}: no lone surrogate`).to.be.true;
  const plain = expected.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
  if (text.endsWith('…')) {
    const kept = text.slice(0, -1);
    expect(plain.startsWith(kept), `${where}: a prefix of the name`).to.be.true;
    if (expected === NAMES.minji) expect(kept.replaceAll(family, ''), `${where}: whole emoji only`).to.equal('');
  } else {
    expect(text, where).to.equal(plain);
  }
}

/** The box does not scroll or grow sideways: a long name is cut inside it. */
function fitsWidth(box: Element, where: string): void {
  expect(box.scrollWidth, `${where}: no sideways overflow`).to.be.at.most(box.clientWidth + 1);
  expect(box.getBoundingClientRect().right, `${where}: inside the window`).to.be.at.most(window.innerWidth + 1);
}

function noInjection(root: ParentNode, where: string): void {
  expect(root.querySelector('img[onerror], script'), `${where}: no injected element`).to.equal(null);
  expect((window as { __xss?: number }).__xss, `${where}: no handler ran`).to.equal(undefined);
}

const layer = (el: TimChat) => q(el, 'tim-chat-actions')!;
const dialogOpen = (el: TimChat, cls: string) => !!layer(el)?.shadowRoot?.querySelector(`tim-dialog.${cls}`)?.shadowRoot?.querySelector('dialog')?.open;

/** Opens a message's menu from the keyboard and picks the item with this label. */
async function pickFromMenu(el: TimChat, messageID: string, label: string): Promise<void> {
  const row = await until(() => q<HTMLElement>(el, `.row[data-id="${messageID}"]`), 'the row');
  row.focus();
  await sendKeys({ press: 'ContextMenu' });
  const item = await until(
    () => [...(layer(el)?.shadowRoot?.querySelector('tim-menu')?.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].find((b) => b.textContent!.trim() === label),
    'the menu item',
    8000,
  );
  item.click();
}

async function mountTeam(): Promise<ChatKit> {
  const dbName = await hostileWorld();
  const kit = await mountChat('GROUPteam', { dbName });
  await until(() => kit.store.state.members.get('team')?.status === 'ready', 'members');
  return kit;
}

afterEach(async () => {
  await destroyOtherUsers();
  await cleanupKits();
});

describe('hostile display names', () => {
  it('in the @-mention picker: text, isolated, cut where they show; the inserted mention is the whole name, without controls', async () => {
    const kit = await mountTeam();
    const composer = q(kit.el, 'tim-chat-composer')!;
    const root = composer.shadowRoot!;
    const input = root.querySelector('textarea')!;
    input.focus();
    await sendKeys({ type: '@' });
    const list = await until(() => root.querySelector('[part=mention-list]'), 'the member list');
    const option = (id: string) => [...list.querySelectorAll('[role=option]')].find((o) => o.textContent!.includes(id));
    for (const [id, name] of Object.entries(NAMES)) {
      const node = await until(() => option(id)?.querySelector('.option-name'), `${id}'s option`);
      await until(() => node.textContent !== id, `${id}'s name`);
      checkName(node, name, `mention ${id}`);
      fitsWidth(option(id)!, `mention ${id}`);
    }
    const long = option('carol')!.querySelector('.option-name')!;
    expect(long.scrollWidth, 'the 200-character name is cut where it shows').to.be.greaterThan(long.clientWidth);
    // The hint beside it (who this is) still shows whole: a long name does not squeeze it away.
    const hint = option('carol')!.querySelector('.option-hint')!;
    expect(hint.getBoundingClientRect().width, 'the hint has room').to.be.greaterThan(0);
    expect(hint.scrollWidth, 'the hint is not cut').to.be.at.most(hint.clientWidth);
    fitsWidth(list, 'mention list');
    noInjection(root, 'mention list');
    // Picks dave: the text written is his name as text, without the override.
    await sendKeys({ type: 'dave' });
    await until(() => list.querySelectorAll('[role=option]').length === 1, 'dave alone');
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal(`@${NAMES.dave.replace('\u202E', '')} `);
    noInjection(root, 'composer');
  });

  it('in the read-receipt panel: who read and who has not, as text, isolated, cut where they show', async () => {
    const kit = await mountTeam();
    const el = kit.el;
    await until(() => kit.store.state.windows.get('GROUPteam' as ConversationID)?.messages.some((m) => m.ID === 'seed-team-receipt'), 'the message');
    await pickFromMenu(el, 'seed-team-receipt', 'Read receipts');
    await until(() => dialogOpen(el, 'receipts'), 'the receipts dialog');
    const dialog = layer(el).shadowRoot!.querySelector('tim-dialog.receipts')!;
    await until(() => dialog.querySelectorAll('.people').length === 2, 'both lists');
    const entry = (id: string) => [...dialog.querySelectorAll('.people li')].find((li) => li.querySelector('tim-avatar')?.getAttribute('seed') === id);
    await frames(2);
    for (const [id, name] of Object.entries(NAMES)) {
      const node = await until(() => entry(id)?.querySelector('bdi, [dir=auto]'), `${id} in the lists`);
      await until(() => node.textContent !== id, `${id}'s name`);
      checkName(node, name, `receipts ${id}`);
      fitsWidth(entry(id)!, `receipts ${id}`);
    }
    for (const list of dialog.querySelectorAll('.people')) fitsWidth(list, 'receipts list');
    const long = entry('carol')!.querySelector('bdi')!;
    expect(long.scrollWidth, 'the 200-character name is cut where it shows').to.be.greaterThan(long.clientWidth);
    noInjection(dialog, 'receipts');
    await sendKeys({ press: 'Escape' });
  });

  it('in the forward dialog’s conversation picker: text, isolated, cut where they show; the filter finds them', async () => {
    const kit = await mountTeam();
    const el = kit.el;
    await pickFromMenu(el, 'seed-team-receipt', 'Forward');
    await until(() => dialogOpen(el, 'forward'), 'the forward dialog');
    const root = layer(el).shadowRoot!;
    const target = (id: string) => [...root.querySelectorAll('.targets li')].find((li) => li.querySelector('tim-avatar')?.getAttribute('seed') === id);
    const shown = Object.keys(NAMES).filter((id) => kit.store.state.conversations.value.some((c) => c.conversationID === `C2C${id}`));
    expect(shown.length, 'some of them have a conversation with alice').to.be.greaterThan(1);
    for (const id of shown) {
      const node = await until(() => target(id)?.querySelector('.target-name'), `${id} in the picker`);
      await until(() => node.textContent !== id, `${id}'s name`);
      checkName(node, NAMES[id as keyof typeof NAMES], `forward ${id}`);
      fitsWidth(target(id)!, `forward ${id}`);
    }
    fitsWidth(root.querySelector('.targets')!, 'forward list');
    if (shown.includes('carol')) {
      const long = target('carol')!.querySelector('.target-name')!;
      expect(long.scrollWidth, 'the 200-character name is cut where it shows').to.be.greaterThan(long.clientWidth);
    }
    noInjection(root, 'forward picker');
    await sendKeys({ press: 'Escape' });
  });
});
