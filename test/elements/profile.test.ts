/**
 * <tim-profile>, as a user and a host see it, on a real LocalCore with the demo seed (alice logged in):
 * alice's friends are bob (remark "Bob (work)"), carol, lilei, hanmeimei, wangfang, minji, jihoon, echo,
 * zoe and mallory; dave asked alice to be friends; alice asked seoyeon; alice blocked spammer; alice owns
 * "Product Team" (team: bob admin, dave muted) and is a plain member of 周末爬山群 (hiking). Other users
 * act through their own LocalCore on the same database, as they would from another device.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { cleanupKits, deepQuery, deepQueryAll, deepText, makeCore, mountKit, mountOnCore, until, type Kit } from '../helpers/kit.js';
import type { LocalCore } from '../../src/core/local/index.js';
import {
  conversationShowName,
  type TimBeforeEvent,
  type TimErrorEvent,
  type TimNavigateEvent,
  type TimProfile,
  type TimProfileBeforeDetails,
} from '../../src/index.js';
import { groupFriends, indexKeyOf } from '../../src/elements/profile/friend-groups.js';

let peers: LocalCore[] = [];
afterEach(async () => {
  await Promise.all(peers.map((p) => p.destroy().catch(() => undefined)));
  peers = [];
  await cleanupKits();
});

type ProfileKit = Kit<TimProfile>;

function mount(template: ReturnType<typeof html>, options: { locale?: string; seed?: 'demo' | 'empty'; user?: string } = {}): Promise<ProfileKit> {
  return mountKit<TimProfile>(template, options);
}

/** Another user on the same service (their own device). */
async function peer(kit: Kit, userID: string): Promise<LocalCore> {
  const { core } = await makeCore({ dbName: kit.dbName, user: userID, seed: 'demo' });
  peers.push(core);
  return core;
}

/** The element's shadow root: where deep queries start. */
const R = (kit: ProfileKit) => kit.el.shadowRoot!;
/** Text as a reader sees it (one shadow root, whitespace collapsed). */
const flat = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The view element inside <tim-profile> (once its lazy chunk has loaded). */
const view = (kit: ProfileKit) => kit.el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('.view');
const text = (kit: ProfileKit) => deepText(kit.el);
const badge = (kit: ProfileKit) => deepQuery<HTMLElement>(R(kit), '.header .badge')?.textContent?.trim();
const notice = (kit: ProfileKit) => deepQuery<HTMLElement>(R(kit), '[part="notice"] span')?.textContent?.trim() ?? '';

/** The picture URL given to the header's avatar ('' = initials). */
const headerImage = (kit: ProfileKit) => deepQuery<HTMLElement & { src: string }>(R(kit), '.header tim-avatar')?.src ?? '';

/** Mounts on a database where these users already exist (registered by logging in once). */
async function mountWith(users: string[], template: ReturnType<typeof html>): Promise<[ProfileKit, LocalCore[]]> {
  const { core, dbName } = await makeCore({ seed: 'demo', user: users[0] });
  peers.push(core);
  const cores = [core];
  for (const user of users.slice(1)) {
    const { core: more } = await makeCore({ dbName, seed: 'demo', user });
    peers.push(more);
    cores.push(more);
  }
  return [await mountKit<TimProfile>(template, { dbName }), cores];
}

/** Waits until the element shows `expected` somewhere. */
const shows = (kit: ProfileKit, expected: string, timeout?: number) => until(() => text(kit).includes(expected), `"${expected}"`, timeout);

/** A visible button by its text (or aria-label). */
function button(kit: ProfileKit, label: string): HTMLButtonElement | undefined {
  return deepQueryAll<HTMLButtonElement>(R(kit), 'button').find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
}
async function click(kit: ProfileKit, label: string) {
  const b = await until(() => {
    const x = button(kit, label);
    return x && !x.disabled ? x : null;
  }, `button "${label}"`);
  b.click();
}

/** The open native <dialog> (confirmation or form) anywhere in the element. */
const openDialog = () => deepQueryAll<HTMLDialogElement>(document.body, 'dialog').find((d) => d.open) ?? null;
async function answer(ok: boolean) {
  const dialog = await until(openDialog, 'a dialog');
  const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('button')];
  // The dialog's `close` event comes a task later; a new question asked before it would be answered by it.
  const closed = new Promise((r) => dialog.addEventListener('close', r, { once: true }));
  (ok ? buttons.find((b) => b.classList.contains('primary')) : buttons.find((b) => !b.classList.contains('primary')))!.click();
  await closed;
}

/** Fills a field of the open form dialog (its content is slotted from the view) and submits it. */
async function fillAndSubmit(kit: ProfileKit, fields: Record<string, string>) {
  await until(openDialog, 'the form dialog');
  const root = view(kit)!.shadowRoot!;
  for (const [name, value] of Object.entries(fields)) {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`tim-dialog.editor [name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  root.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.click();
}

function fieldError(kit: ProfileKit, name: string): string {
  return view(kit)!.shadowRoot!.querySelector(`#${name}-error`)?.textContent?.trim() ?? '';
}

/** Records the `tim-before-*` events the element fires. */
function hooks(kit: ProfileKit) {
  const seen: Array<{ type: string; detail: unknown }> = [];
  const types: Array<keyof TimProfileBeforeDetails> = [
    'tim-before-add-friend', 'tim-before-delete-friend', 'tim-before-update-remark', 'tim-before-block', 'tim-before-unblock',
    'tim-before-mute', 'tim-before-pin', 'tim-before-clear-history', 'tim-before-accept-friend', 'tim-before-refuse-friend',
    'tim-before-update-profile', 'tim-before-update-group', 'tim-before-set-admin', 'tim-before-mute-member',
    'tim-before-remove-member', 'tim-before-invite', 'tim-before-set-name-card', 'tim-before-transfer-owner',
    'tim-before-leave-group', 'tim-before-dismiss-group',
  ];
  for (const type of types) kit.provider.addEventListener(type, (e) => seen.push({ type, detail: structuredClone((e as TimBeforeEvent).detail) }));
  return seen;
}

/** Collects `tim-error` codes. */
function errors(kit: ProfileKit) {
  const codes: number[] = [];
  kit.provider.addEventListener('tim-error', (e) => codes.push((e as TimErrorEvent).detail.code));
  return codes;
}

describe('<tim-profile>', () => {
  describe('a user’s profile', () => {
    it('shows who they are and how they relate to you: a friend with a remark', async () => {
      const kit = await mount(html`<tim-profile user-id="bob"></tim-profile>`);
      await shows(kit, 'Coffee first');
      const header = deepQuery<HTMLElement>(R(kit), '.header')!;
      expect(header.querySelector('.name')!.textContent!.trim(), 'the remark is the name').to.equal('Bob (work)');
      expect(flat(header)).to.contain('Name: Bob Smith').and.contain('User ID: bob');
      expect(badge(kit)).to.equal('Friend');
      expect(text(kit)).to.contain('Gender Male').and.contain('Remark Bob (work)').and.contain('Birthday Not set');
      expect(button(kit, 'Delete friend'), 'friends can be deleted').to.exist;
      expect(button(kit, 'Add friend'), 'but not added again').to.not.exist;
      // The name is bidi-isolated and the avatar is labelled nowhere twice.
      expect(header.querySelector('.name bdi')!.textContent).to.equal('Bob (work)');
      await expect(view(kit)!).shadowDom.to.be.accessible();
    });

    it('shows every relationship in words: wants to be your friend, request sent, blocked, not a friend', async () => {
      const kit = await mount(html`<tim-profile user-id="dave"></tim-profile>`);
      await until(() => badge(kit) === 'Wants to be your friend', 'the incoming request');
      expect(text(kit)).to.contain('Hi Alice, we met at the conference!');
      expect(button(kit, 'Accept')).to.exist;
      kit.el.userId = 'seoyeon';
      await until(() => badge(kit) === 'Request sent', 'the outgoing request');
      expect(button(kit, 'Add friend'), 'no second request button').to.not.exist;
      kit.el.userId = 'spammer';
      await until(() => badge(kit) === 'Blocked', 'blocked');
      expect(button(kit, 'Unblock')).to.exist;
      expect(button(kit, 'Block')).to.not.exist;
      kit.el.userId = 'nobody-here';
      await shows(kit, 'This user does not exist.');
    });

    it('renders hostile names, signatures and avatars as text, with a safe fallback avatar', async () => {
      const kit = await mount(html`<tim-profile user-id="mallory"></tim-profile>`);
      await shows(kit, '<script>alert("sig")</script>');
      const name = deepQuery<HTMLElement>(R(kit), '.header .name')!;
      expect(name.textContent, 'tags as text, direction override stripped').to.equal('<img src=x onerror=alert(1)>evil');
      expect(deepQueryAll(R(kit), 'img').length, 'no image from a javascript: URL').to.equal(0);
      expect(deepQueryAll(R(kit), 'script').length).to.equal(0);
    });

    it('"Send message" asks the host to open the chat', async () => {
      const kit = await mount(html`<tim-profile user-id="carol"></tim-profile>`);
      await shows(kit, 'QA at heart');
      setTimeout(() => button(kit, 'Send message')!.click());
      const event = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(event.detail).to.deep.equal({ to: 'chat', conversationID: 'C2Ccarol' });
    });

    it('adds a friend who accepts anyone: the verification message and remark are sent, and the result is "added"', async () => {
      const [kit, [newbie]] = await mountWith(['newbie'], html`<tim-profile user-id="newbie"></tim-profile>`);
      await until(() => badge(kit) === 'Not a friend', 'a stranger');
      const seen = hooks(kit);
      await click(kit, 'Add friend');
      const wording = await until(() => view(kit)!.shadowRoot!.querySelector<HTMLTextAreaElement>('#wording'), 'the form');
      expect(wording.value, 'a friendly default message').to.equal('Hi, this is Alice Chen.');
      await fillAndSubmit(kit, { wording: 'Hello from the tests', remark: 'Newbie (test)' });
      await until(() => notice(kit) === 'newbie is now your friend.', 'the result');
      void newbie;
      await until(() => badge(kit) === 'Friend', 'friends now');
      expect(kit.store.state.friends.value.get('newbie')?.remark).to.equal('Newbie (test)');
      expect(seen).to.deep.include({ type: 'tim-before-add-friend', detail: { userID: 'newbie', wording: 'Hello from the tests', remark: 'Newbie (test)' } });
    });

    it('sends a request to a user who must confirm ("request sent"), with the host’s edited verification message', async () => {
      const [kit, [newbie]] = await mountWith(['newbie'], html`<tim-profile user-id="newbie"></tim-profile>`);
      await newbie!.updateMyProfile({ allowType: 'AllowType_Type_NeedConfirm' });
      await until(() => badge(kit) === 'Not a friend', 'a stranger');
      kit.provider.addEventListener('tim-before-add-friend', (e) => {
        (e as TimBeforeEvent<TimProfileBeforeDetails['tim-before-add-friend']>).detail.wording = 'Edited by the host';
      });
      await click(kit, 'Add friend');
      await fillAndSubmit(kit, { wording: 'typed by the user' });
      await until(() => notice(kit) === 'Request sent. newbie needs to accept it.', 'the result');
      await until(() => badge(kit) === 'Request sent', 'pending');
      const incoming = await newbie!.getFriendApplicationList();
      expect(incoming.map((a) => [a.userID, a.type, a.wording])).to.deep.equal([['alice', 'Pendency_Type_ComeIn', 'Edited by the host']]);
    });

    it('refuses an over-long verification message or remark before sending anything, and a vetoed request sends nothing', async () => {
      const [kit, [newbie]] = await mountWith(['newbie'], html`<tim-profile user-id="newbie"></tim-profile>`);
      await until(() => badge(kit) === 'Not a friend', 'a stranger');
      await click(kit, 'Add friend');
      await fillAndSubmit(kit, { wording: 'ok', remark: '好'.repeat(33) });
      await until(() => fieldError(kit, 'remark'), 'the remark error');
      expect(fieldError(kit, 'remark')).to.equal('Too long: 99 of at most 96 bytes (Chinese and Korean characters count 3).');
      expect(openDialog(), 'the form stays open to fix it').to.exist;
      kit.provider.addEventListener('tim-before-add-friend', (e) => e.preventDefault(), { once: true });
      await fillAndSubmit(kit, { wording: 'ok', remark: 'short' });
      await until(() => !openDialog(), 'closed');
      expect(badge(kit)).to.equal('Not a friend');
      expect(await newbie!.getFriendList()).to.deep.equal([]);
      expect(await newbie!.getFriendApplicationList()).to.deep.equal([]);
    });

    it('says in words why a friend request is refused: 30516 no requests accepted, 30525 blocked by them, 30515 blocked by you, 30001 already friends', async () => {
      const [kit, [newbie]] = await mountWith(['newbie'], html`<tim-profile user-id="newbie"></tim-profile>`);
      const codes = errors(kit);
      await newbie!.updateMyProfile({ allowType: 'AllowType_Type_DenyAny' });
      await until(() => badge(kit) === 'Not a friend', 'a stranger');
      const attempt = async () => {
        await click(kit, 'Add friend');
        await fillAndSubmit(kit, {});
        await until(() => kit.el.shadowRoot && deepQuery(R(kit), '[part="notice"].error'), 'an error');
      };
      await attempt();
      expect(notice(kit)).to.equal('This user does not accept friend requests.');
      await newbie!.updateMyProfile({ allowType: 'AllowType_Type_AllowAny' });
      await newbie!.addToBlacklist(['alice']);
      await attempt();
      expect(notice(kit)).to.equal('This user has blocked you, so you cannot add them.');
      await newbie!.removeFromBlacklist(['alice']);
      // Another device of alice's blocks newbie while this form is open.
      await click(kit, 'Add friend');
      const otherAlice = await peer(kit, 'alice');
      await otherAlice.addToBlacklist(['newbie']);
      await fillAndSubmit(kit, {});
      await until(() => notice(kit) === 'You blocked this user. Unblock them first to add them as a friend.', '30515');
      await otherAlice.removeFromBlacklist(['newbie']);
      await until(() => badge(kit) === 'Not a friend', 'unblocked elsewhere');
      await click(kit, 'Add friend');
      await newbie!.addFriend({ userID: 'alice' }); // alice accepts anyone: friends at once
      await fillAndSubmit(kit, {});
      await until(() => notice(kit) === 'You are already friends.', '30001');
      expect(codes).to.deep.equal([30516, 30525, 30515, 30001]);
    });

    it('deletes a friend after a confirmation (Cancel keeps them), and a host veto keeps them too', async () => {
      const kit = await mount(html`<tim-profile user-id="carol"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      await click(kit, 'Delete friend');
      await answer(false);
      expect(badge(kit)).to.equal('Friend');
      kit.provider.addEventListener('tim-before-delete-friend', (e) => e.preventDefault(), { once: true });
      await click(kit, 'Delete friend');
      await answer(true);
      expect(kit.store.state.friends.value.has('carol'), 'vetoed').to.be.true;
      await click(kit, 'Delete friend');
      await answer(true);
      await until(() => badge(kit) === 'Not a friend', 'not a friend any more');
      expect(notice(kit)).to.equal('Carol Jones is no longer your friend.');
      expect(button(kit, 'Add friend')).to.exist;
    });

    it('says "not friends any more" when the friendship ended elsewhere before the deletion (30001)', async () => {
      const kit = await mount(html`<tim-profile user-id="carol"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      const carol = await peer(kit, 'carol');
      await click(kit, 'Delete friend');
      await carol.deleteFriend(['alice']);
      await answer(true);
      await until(() => notice(kit) === 'You are not friends any more.', '30001');
    });

    it('edits the remark: the name changes here and in the store’s conversation names at once; a too-long remark is refused', async () => {
      const kit = await mount(html`<tim-profile user-id="lilei"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      const seen = hooks(kit);
      await click(kit, 'Edit remark');
      await fillAndSubmit(kit, { remark: 'x'.repeat(97) });
      await until(() => fieldError(kit, 'remark'), 'the error');
      await fillAndSubmit(kit, { remark: 'Lei (college)' });
      await until(() => deepQuery(R(kit), '.header .name')?.textContent === 'Lei (college)', 'the new name');
      expect(flat(deepQuery(R(kit), '.header')!)).to.contain('Name: 李雷');
      const conversation = kit.store.conversation('C2Clilei')!;
      expect(conversationShowName(kit.store.state, conversation)).to.equal('Lei (college)');
      expect(seen).to.deep.equal([{ type: 'tim-before-update-remark', detail: { userID: 'lilei', remark: 'Lei (college)' } }]);
    });

    it('blocks after a confirmation (which ends the friendship) and unblocks', async () => {
      const kit = await mount(html`<tim-profile user-id="jihoon"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      const seen = hooks(kit);
      await click(kit, 'Block');
      await answer(true);
      await until(() => badge(kit) === 'Blocked', 'blocked');
      expect(notice(kit)).to.equal('이지훈 is blocked.');
      expect(await kit.core.getBlacklist()).to.include('jihoon');
      await click(kit, 'Unblock');
      await until(() => badge(kit) === 'Not a friend', 'unblocked, and no longer friends');
      expect(seen.map((s) => s.type)).to.deep.equal(['tim-before-block', 'tim-before-unblock']);
    });

    it('keeps the keyboard focus on the control pressed (a switch, Block → Unblock) though it is disabled while the action runs', async () => {
      const kit = await mount(html`<tim-profile user-id="hanmeimei"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      const deepActive = () => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a;
      };
      const toggle = () => deepQueryAll<HTMLButtonElement>(R(kit), '[role="switch"]').find((b) => b.textContent!.includes('Mute notifications'))!;
      toggle().focus();
      await sendKeys({ press: 'Space' });
      await until(() => toggle().getAttribute('aria-checked') === 'true' && !toggle().disabled, 'muted');
      await until(() => deepActive() === toggle(), 'the focus still on the switch');
      // Block, confirmed in a dialog: its button gives way to Unblock, which takes the focus.
      button(kit, 'Block')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(openDialog, 'the confirmation');
      await sendKeys({ press: 'Enter' });
      await until(() => badge(kit) === 'Blocked', 'blocked');
      await until(() => !!button(kit, 'Unblock') && deepActive() === button(kit, 'Unblock'), 'the focus on Unblock');
    });

    it('mutes notifications, pins and clears the history of the conversation', async () => {
      const kit = await mount(html`<tim-profile user-id="hanmeimei"></tim-profile>`);
      await until(() => badge(kit) === 'Friend', 'friend');
      const seen = hooks(kit);
      const toggle = (label: string) => deepQueryAll<HTMLButtonElement>(R(kit), '[role="switch"]').find((b) => b.textContent!.includes(label))!;
      expect(toggle('Mute notifications').getAttribute('aria-checked')).to.equal('false');
      toggle('Mute notifications').click();
      await until(() => toggle('Mute notifications').getAttribute('aria-checked') === 'true', 'muted');
      await until(() => kit.store.conversation('C2Chanmeimei')?.messageRemindType === 'AcceptNotNotify', 'muted in the store');
      // One action at a time: the switches wait while the first is saved.
      (await until(() => !toggle('Pin chat').disabled && toggle('Pin chat'), 'pin enabled')).click();
      await until(() => kit.store.conversation('C2Chanmeimei')?.isPinned, 'pinned');
      await until(() => toggle('Pin chat').getAttribute('aria-checked') === 'true', 'the switch on');
      await click(kit, 'Clear chat history');
      await answer(true);
      await until(() => notice(kit) === 'Chat history cleared.', 'cleared');
      expect((await kit.core.getMessageList({ conversationID: 'C2Chanmeimei' })).messageList).to.deep.equal([]);
      expect(seen.map((s) => s.type)).to.deep.equal(['tim-before-mute', 'tim-before-pin', 'tim-before-clear-history']);
    });

    it('pins a conversation that does not exist yet (a user never messaged)', async () => {
      const [kit] = await mountWith(['newbie'], html`<tim-profile user-id="newbie"></tim-profile>`);
      const pin = await until(() => deepQueryAll<HTMLButtonElement>(R(kit), '[role="switch"]').find((b) => b.textContent!.includes('Pin chat')), 'the switch');
      pin.click();
      await until(() => pin.isConnected && pin.getAttribute('aria-checked') === 'true', 'pinned');
      expect((await kit.core.getConversation('C2Cnewbie')).isPinned).to.be.true;
    });

    it('accepts the request of someone who asked, right on their profile', async () => {
      const kit = await mount(html`<tim-profile user-id="dave"></tim-profile>`);
      await until(() => badge(kit) === 'Wants to be your friend', 'incoming');
      await click(kit, 'Accept');
      await until(() => badge(kit) === 'Friend', 'friends');
      // The badge follows the store's friend event, the notice the request's reply: either may come first.
      await until(() => notice(kit) === 'You and Dave Miller are now friends.', 'the notice');
    });
  });

  describe('sections and slots', () => {
    it('shows the host’s order, hides what is left out, and places the host’s own sections', async () => {
      const kit = await mount(html`<tim-profile user-id="bob" sections="header vip danger">
        <p slot="vip">VIP customer since 2019</p>
      </tim-profile>`);
      await shows(kit, 'VIP customer since 2019');
      await shows(kit, 'Delete friend');
      const t = text(kit);
      expect(t.indexOf('Bob (work)')).to.be.greaterThan(-1).and.lessThan(t.indexOf('VIP customer'));
      expect(t.indexOf('VIP customer')).to.be.lessThan(t.indexOf('Delete friend'));
      expect(button(kit, 'Send message'), 'actions hidden').to.not.exist;
      expect(t).to.not.contain('Mute notifications');
      kit.el.sections = ['actions'];
      await until(() => button(kit, 'Send message') && !deepQuery(R(kit), '.header'), 'only the actions');
    });

    it('puts extra host buttons into the action bar and restyles through parts', async () => {
      const kit = await mount(html`<tim-profile user-id="bob"><button slot="actions">Call</button></tim-profile>`);
      await shows(kit, 'Coffee first');
      const slot = deepQuery<HTMLSlotElement>(R(kit), '.actions slot[name="actions"]')!;
      const assigned = slot.assignedElements({ flatten: true });
      expect(assigned.map((e) => e.textContent)).to.deep.equal(['Call']);
      const style = document.createElement('style');
      style.textContent = 'tim-profile::part(name) { color: rgb(1, 2, 3); }';
      document.head.append(style);
      expect(getComputedStyle(deepQuery(R(kit), '.header .name')!).color).to.equal('rgb(1, 2, 3)');
      style.remove();
    });

    it('follows the host’s children: a section slotted later shows, and goes when its child does', async () => {
      const kit = await mount(html`<tim-profile user-id="bob" sections="header vip"></tim-profile>`);
      await shows(kit, 'Bob (work)');
      const vip = document.createElement('p');
      vip.textContent = 'VIP customer since 2019';
      vip.slot = 'vip';
      kit.el.append(vip);
      // The shell passes down only the slots its children use (a view's own content shows otherwise).
      const passed = () => kit.el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="vip"]');
      await until(() => passed()?.assignedElements().includes(vip), 'the new section passed down');
      vip.slot = '';
      await until(() => !passed(), 'its slot gone with it');
    });
  });

  describe('my own profile', () => {
    it('edits name, status, gender, birthday, location and who may add me, and saves only the changed fields', async () => {
      const kit = await mount(html`<tim-profile self></tim-profile>`);
      const seen = hooks(kit);
      const root = await until(() => view(kit)?.shadowRoot?.querySelector('form') && view(kit)!.shadowRoot!, 'the form');
      const set = (name: string, value: string) => {
        const input = root.querySelector<HTMLInputElement>(`[name="${name}"]:not([type="radio"])`) ?? root.querySelector<HTMLInputElement>(`[name="${name}"][value="${value}"]`)!;
        if (input.type === 'radio') input.checked = true;
        else input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      };
      expect(root.querySelector<HTMLInputElement>('[name="nick"]')!.value).to.equal('Alice Chen');
      await expect(view(kit)!).shadowDom.to.be.accessible();
      set('nick', 'Alice C.');
      set('selfSignature', 'Testing things');
      set('gender', 'Gender_Type_Unknown');
      set('birthday', '1990-02-28');
      set('location', 'Shenzhen');
      set('allowType', 'AllowType_Type_NeedConfirm');
      await kit.el.updateComplete;
      await view(kit)!.updateComplete;
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => notice(kit) === 'Profile saved.', 'saved');
      const me = await kit.core.getMyProfile();
      expect([me.nick, me.selfSignature, me.gender, me.birthday, me.location, me.allowType]).to.deep.equal([
        'Alice C.', 'Testing things', 'Gender_Type_Unknown', 19900228, 'Shenzhen', 'AllowType_Type_NeedConfirm',
      ]);
      expect(seen).to.deep.equal([
        {
          type: 'tim-before-update-profile',
          detail: { patch: { nick: 'Alice C.', selfSignature: 'Testing things', gender: 'Gender_Type_Unknown', birthday: 19900228, location: 'Shenzhen', allowType: 'AllowType_Type_NeedConfirm' } },
        },
      ]);
      expect(deepQuery(R(kit), '.header .name')!.textContent).to.equal('Alice C.');
      expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled, 'nothing left to save').to.be.true;
    });

    it('refuses invalid input field by field and saves nothing at all: too many bytes, a javascript: avatar, a future birthday', async () => {
      const kit = await mount(html`<tim-profile user-id="alice"></tim-profile>`);
      const root = await until(() => view(kit)?.shadowRoot?.querySelector('form') && view(kit)!.shadowRoot!, 'the form');
      const set = (name: string, value: string) => {
        const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      set('nick', 'Valid new name');
      set('location', '深圳市南山区'); // 6 characters, 18 bytes: over 16
      set('avatar', 'javascript:alert(1)');
      set('birthday', '2999-01-01');
      await view(kit)!.updateComplete;
      expect(fieldError(kit, 'location'), 'byte limits show while typing').to.equal('Too long: 18 of at most 16 bytes (Chinese and Korean characters count 3).');
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => notice(kit) === 'Fix the fields marked above. Nothing was saved.', 'refused');
      expect(fieldError(kit, 'avatar')).to.equal('Use a full web address (https://…). Other kinds of links are not allowed.');
      expect(fieldError(kit, 'birthday')).to.equal('Enter a real date that is not in the future.');
      expect(root.activeElement?.getAttribute('name'), 'focus on the first invalid field').to.equal('avatar');
      const me = await kit.core.getMyProfile();
      expect(me.nick, 'not even the valid field was saved').to.equal('Alice Chen');
      expect(headerImage(kit), 'no preview of a refused URL').to.equal('');
    });

    it('previews an allowed avatar URL before saving it, and Discard puts everything back', async () => {
      const kit = await mount(html`<tim-profile self></tim-profile>`);
      const root = await until(() => view(kit)?.shadowRoot?.querySelector('form') && view(kit)!.shadowRoot!, 'the form');
      const avatar = root.querySelector<HTMLInputElement>('[name="avatar"]')!;
      avatar.value = 'https://example.com/me.png';
      avatar.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await until(() => headerImage(kit) === 'https://example.com/me.png', 'the preview');
      await click(kit, 'Discard changes');
      await until(() => avatar.value === '' && headerImage(kit) === '', 'back to the saved profile');
    });
  });

  describe('mode="requests"', () => {
    it('lists received and sent requests; accepting with a remark makes a friend with that remark', async () => {
      const kit = await mount(html`<tim-profile mode="requests"></tim-profile>`);
      await shows(kit, 'Hi Alice, we met at the conference!');
      expect(text(kit)).to.contain('Received').and.contain('Sent').and.contain('박서연').and.contain('Waiting for an answer');
      await expect(view(kit)!).shadowDom.to.be.accessible();
      const seen = hooks(kit);
      await click(kit, 'Accept');
      await fillAndSubmit(kit, { remark: 'Dave from the conference' });
      await until(() => notice(kit) === 'You and Dave from the conference are now friends.' || notice(kit) === 'You and Dave Miller are now friends.', 'accepted');
      expect(kit.store.state.friends.value.get('dave')?.remark).to.equal('Dave from the conference');
      await until(() => !text(kit).includes('we met at the conference'), 'gone from the list');
      expect(seen).to.deep.equal([{ type: 'tim-before-accept-friend', detail: { userID: 'dave', remark: 'Dave from the conference' } }]);
    });

    it('declines a request, and says so when the request is no longer pending (30001)', async () => {
      const kit = await mount(html`<tim-profile mode="requests"></tim-profile>`);
      await shows(kit, 'Dave Miller');
      const otherAlice = await peer(kit, 'alice');
      await otherAlice.acceptFriendApplication({ userID: 'dave' });
      await click(kit, 'Decline');
      await until(() => notice(kit) === 'This request is no longer pending.', '30001');
      const kit2 = await mount(html`<tim-profile mode="requests"></tim-profile>`);
      await shows(kit2, 'Dave Miller');
      await click(kit2, 'Decline');
      await until(() => notice(kit2) === 'You declined Dave Miller’s request.', 'declined');
      await until(() => !deepQuery(R(kit2), '[data-user="dave"]'), 'gone');
    });
  });

  describe('mode="blocklist"', () => {
    it('lists blocked users and unblocks them', async () => {
      const kit = await mount(html`<tim-profile mode="blocklist"></tim-profile>`);
      await shows(kit, 'Totally Legit Deals');
      await click(kit, 'Unblock');
      await shows(kit, 'You have not blocked anyone.');
      expect(await kit.core.getBlacklist()).to.deep.equal([]);
    });

    it('keeps the keyboard focus in the view when the row of the button pressed goes (the last blocked user unblocked)', async () => {
      const kit = await mount(html`<tim-profile mode="blocklist"></tim-profile>`);
      await shows(kit, 'Totally Legit Deals');
      button(kit, 'Unblock')!.focus();
      await sendKeys({ press: 'Enter' });
      await shows(kit, 'You have not blocked anyone.');
      await until(() => view(kit)!.shadowRoot!.activeElement, 'the focus still in the view');
    });
  });

  describe('mode="friends"', () => {
    it('groups friends by letter (pinyin initials for Chinese, initial consonants for Korean, # for the rest) with an index', async () => {
      const kit = await mount(html`<tim-profile mode="friends"></tim-profile>`);
      await shows(kit, 'Zoe Alexandra');
      const heads = deepQueryAll<HTMLElement>(R(kit), '[part="group-header"]').map((h) => h.textContent!.trim());
      expect(heads).to.deep.equal(['B', 'C', 'E', 'H', 'L', 'W', 'Z', 'ㄱ', 'ㅇ', '#']);
      const index = deepQueryAll<HTMLButtonElement>(R(kit), '[part="index"] button').map((b) => b.textContent!.trim());
      expect(index).to.deep.equal(heads);
      const names = deepQueryAll<HTMLElement>(R(kit), '[role="option"] .name').map((n) => n.textContent);
      expect(names.slice(0, 5)).to.deep.equal(['Bob (work)', 'Carol Jones', 'Echo Bot 🤖', '韩梅梅', '李雷']);
      await expect(view(kit)!).shadowDom.to.be.accessible();
    });

    it('puts Korean initials first in Korean', async () => {
      const kit = await mount(html`<tim-profile mode="friends"></tim-profile>`, { locale: 'ko' });
      await shows(kit, '김민지');
      const heads = deepQueryAll<HTMLElement>(R(kit), '[part="group-header"]').map((h) => h.textContent!.trim());
      expect(heads.slice(0, 3)).to.deep.equal(['ㄱ', 'ㅇ', 'B']);
    });

    it('is one tab stop: arrows move, typing jumps to a name, Enter opens the profile', async () => {
      const kit = await mount(html`<tim-profile mode="friends"></tim-profile>`);
      await shows(kit, 'Zoe Alexandra');
      const list = deepQuery<HTMLElement>(R(kit), '[role="listbox"]')!;
      list.focus();
      const active = () => deepQuery<HTMLElement>(R(kit), '[role="option"][aria-selected="true"]')?.dataset.user;
      expect(active()).to.equal('bob');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => active() === 'carol', 'carol');
      await sendKeys({ type: 'z' });
      await until(() => active() === 'zoe', 'zoe');
      expect(list.getAttribute('aria-activedescendant')).to.equal(deepQuery(R(kit), '[role="option"][aria-selected="true"]')!.id);
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(event.detail).to.deep.equal({ to: 'profile', userID: 'zoe' });
    });

    it('renders only the rows in view of a long list, and the index jumps to a letter', async () => {
      const kit = await mount(html`<tim-profile mode="friends"></tim-profile>`, { seed: 'empty' });
      const { core: other } = await makeCore({ dbName: kit.dbName, user: '', seed: 'empty' });
      peers.push(other);
      const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      for (let i = 0; i < 78; i++) {
        await other.login({ userID: `user${i}` });
        await other.updateMyProfile({ nick: `${letters[i % 26]}${letters[(i * 7) % 26].toLowerCase()} ${i}` });
        await other.addFriend({ userID: 'alice' });
      }
      await until(() => kit.store.state.friends.value.size === 78, '78 friends', 8000);
      await until(() => deepQueryAll(R(kit), '[role="option"]').length > 0, 'rows');
      const rendered = deepQueryAll(R(kit), '[role="option"]').length;
      expect(rendered, 'virtualized').to.be.lessThan(60);
      deepQueryAll<HTMLButtonElement>(R(kit), '[part="index"] button').find((b) => b.textContent === 'T')!.click();
      await until(() => {
        const scroller = deepQuery<HTMLElement>(R(kit), '[role="listbox"]')!;
        const head = deepQueryAll<HTMLElement>(R(kit), '[part="group-header"]').find((h) => h.textContent === 'T');
        return head && Math.abs(head.getBoundingClientRect().top - scroller.getBoundingClientRect().top) < 2;
      }, 'T at the top');
    });

    it('sorts names the same way everywhere (pure grouping)', () => {
      expect(['李雷', '韩梅梅', '王芳', '김민지', '박서연', 'Émile', 'Ａlice', '9lives', 'ㅎㅎ', '까치'].map(indexKeyOf)).to.deep.equal([
        'L', 'H', 'W', 'ㄱ', 'ㅂ', 'E', 'A', '#', 'ㅎ', 'ㄱ',
      ]);
      const groups = groupFriends(['bob', 'Ann', 'alice', 'ann10', 'ann2', '서연', '张伟', '9x'], (x) => x, 'en');
      expect(groups.map((g) => [g.key, g.items])).to.deep.equal([
        ['A', ['alice', 'Ann', 'ann2', 'ann10']],
        ['B', ['bob']],
        ['Z', ['张伟']],
        ['ㅅ', ['서연']],
        ['#', ['9x']],
      ]);
    });
  });

  describe('a group', () => {
    it('shows the group and its members with roles and mutes; the owner edits name and notice, with limits', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`);
      await shows(kit, 'Shipping the chat kit');
      expect(flat(deepQuery(R(kit), '.header')!)).to.contain('Product Team').and.contain('Work group · 6 members').and.contain('Group ID: team');
      expect(badge(kit)).to.equal('Owner');
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 6, 'six members');
      const rows = deepQueryAll<HTMLElement>(R(kit), '[role="option"]').map((r) => deepText(r));
      expect(rows[0]).to.contain('Alice Chen').and.contain('You').and.contain('Owner');
      expect(rows[1]).to.contain('Bob (work)').and.contain('Admin');
      expect(rows.find((r) => r.includes('Dave Miller'))).to.contain('Muted until');
      await expect(view(kit)!).shadowDom.to.be.accessible();
      const seen = hooks(kit);
      await click(kit, 'Edit group info');
      await fillAndSubmit(kit, { name: 'A name much longer than thirty bytes', notification: 'Standup at 10' });
      await until(() => fieldError(kit, 'name'), 'the name error');
      expect(fieldError(kit, 'name')).to.equal('Too long: 36 of at most 30 bytes (Chinese and Korean characters count 3).');
      await fillAndSubmit(kit, { name: '', notification: 'Standup at 10' });
      await until(() => fieldError(kit, 'name') === 'This cannot be empty.', 'required');
      await fillAndSubmit(kit, { name: 'Kit Team', notification: 'Standup at 10' });
      await until(() => notice(kit) === 'Group info saved.', 'saved');
      await shows(kit, 'Standup at 10');
      expect(deepQuery(R(kit), '.header .name')!.textContent).to.equal('Kit Team');
      expect(seen).to.deep.equal([{ type: 'tim-before-update-group', detail: { groupID: 'team', patch: { name: 'Kit Team', notification: 'Standup at 10' } } }]);
    });

    it('lets the owner set and unset admins, mute for a period and unmute, and remove members, each through a hook', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`);
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 6, 'members');
      const seen = hooks(kit);
      const member = (name: string) => deepQueryAll<HTMLElement>(R(kit), '[role="option"]').find((r) => deepText(r).includes(name));
      const has = (name: string, what: string) => deepText(member(name) ?? document.createElement('i')).includes(what);
      const menu = () => deepQueryAll<HTMLButtonElement>(R(kit), '[role="menuitem"]');
      const choose = async (name: string, item: string) => {
        member(name)!.click();
        const b = await until(() => menu().find((x) => x.textContent!.trim() === item), `menu item ${item}`);
        b.click();
      };
      await choose('Carol Jones', 'Make admin');
      await until(() => has('Carol Jones', 'Admin'), 'carol admin');
      await choose('Carol Jones', 'Remove as admin');
      await until(() => member('Carol Jones') && !has('Carol Jones', 'Admin'), 'carol member again');
      await choose('Carol Jones', 'Mute…');
      const dialog = await until(openDialog, 'the mute dialog');
      expect(deepText(dialog)).to.contain('10 minutes').and.contain('7 days');
      view(kit)!.shadowRoot!.querySelector<HTMLInputElement>('input[name="seconds"][value="3600"]')!.click();
      view(kit)!.shadowRoot!.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.click();
      await until(() => has('Carol Jones', 'Muted until'), 'carol muted');
      const [carol] = await kit.core.getGroupMembers('team', ['carol']);
      expect(carol!.muteUntil - Date.now() / 1000).to.be.within(3500, 3700);
      await choose('Carol Jones', 'Unmute');
      await until(() => member('Carol Jones') && !has('Carol Jones', 'Muted until'), 'unmuted');
      await choose('Carol Jones', 'Remove from group');
      await answer(true);
      await until(() => !member('Carol Jones'), 'carol removed');
      expect(seen.map((s) => s.type)).to.deep.equal([
        'tim-before-set-admin', 'tim-before-set-admin', 'tim-before-mute-member', 'tim-before-mute-member', 'tim-before-remove-member',
      ]);
      expect(seen[2]!.detail).to.deep.equal({ groupID: 'team', userID: 'carol', seconds: 3600 });
    });

    it('is one tab stop for the keyboard: arrows move, Enter opens the member’s actions, Escape closes them and focus returns', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`);
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 6, 'members');
      const list = deepQuery<HTMLElement>(R(kit), '[role="listbox"]')!;
      list.focus();
      const active = () => deepText(deepQuery<HTMLElement>(R(kit), '[role="option"][aria-selected="true"]')!);
      expect(active()).to.contain('Alice Chen');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await until(() => active().includes('Carol Jones'), 'carol');
      await sendKeys({ press: 'Enter' });
      const items = await until(() => deepQueryAll<HTMLButtonElement>(R(kit), '[role="menuitem"]').length && deepQueryAll<HTMLButtonElement>(R(kit), '[role="menuitem"]'), 'the menu') as HTMLButtonElement[];
      expect(items.map((b) => b.textContent!.trim())).to.deep.equal(['View profile', 'Make admin', 'Mute…', 'Remove from group']);
      await sendKeys({ press: 'Escape' });
      await until(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a === list;
      }, 'focus back on the list');
    });

    it('invites friends who are not members yet, and sets my own group name card', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`);
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 6, 'members');
      await click(kit, 'Add members');
      await until(openDialog, 'the invite dialog');
      const root = view(kit)!.shadowRoot!;
      await until(() => root.querySelector('tim-dialog.editor input[value="echo"]'), 'friends in the picker');
      const choices = [...root.querySelectorAll<HTMLInputElement>('tim-dialog.editor input[name="userID"]')].map((i) => i.value);
      expect(choices).to.include('echo').and.not.include('bob').and.not.include('carol');
      root.querySelector<HTMLInputElement>('tim-dialog.editor input[value="echo"]')!.click();
      root.querySelector<HTMLInputElement>('tim-dialog.editor input[value="zoe"]')!.click();
      root.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.click();
      await until(() => notice(kit) === '2 members added.', 'added');
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 8, 'eight members');
      const cardRow = deepQueryAll<HTMLElement>(R(kit), '[part="row"]').find((r) => r.querySelector('.label')?.textContent === 'My name in this group')!;
      cardRow.querySelector('button')!.click();
      await fillAndSubmit(kit, { nameCard: 'Alice · PM' });
      await until(() => notice(kit) === 'Your group name is saved.', 'saved');
      await shows(kit, 'Alice · PM');
    });

    it('for a plain member: no editing or managing, a member opens their profile, and leaving asks first and then goes back', async () => {
      const kit = await mount(html`<tim-profile group-id="hiking"></tim-profile>`);
      await shows(kit, '每周六早上八点集合');
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 5, 'members');
      expect(badge(kit)).to.equal('Member');
      expect(button(kit, 'Add members'), 'public group: only managers invite').to.not.exist;
      expect(deepQueryAll<HTMLButtonElement>(R(kit), 'button').filter((b) => b.textContent!.trim() === 'Edit').length, 'only the name card').to.equal(1);
      const lilei = deepQueryAll<HTMLElement>(R(kit), '[role="option"]').find((r) => deepText(r).includes('李雷'))!;
      setTimeout(() => lilei.click());
      const open = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(open.detail).to.deep.equal({ to: 'profile', userID: 'lilei' });
      await click(kit, 'Leave group');
      await answer(false);
      expect(kit.store.state.groups.get('hiking')?.selfRole).to.equal('Member');
      await click(kit, 'Leave group');
      setTimeout(() => answer(true));
      const back = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(back.detail).to.deep.equal({ to: 'conversations' });
      expect((await kit.core.getJoinedGroupList()).map((g) => g.groupID)).to.not.include('hiking');
      // Should the host stay here, the view says what a non-member may see.
      await shows(kit, 'Only members can see who is in this group.');
      // Neither in the view nor in the confirmation, which closes on its own time.
      await until(() => !button(kit, 'Leave group'), 'no Leave group button');
    });

    it('shows the service’s refusal when a role changed meanwhile (10007)', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`, { user: 'bob' });
      await until(() => deepQueryAll(R(kit), '[role="option"]').length === 6, 'members');
      expect(badge(kit)).to.equal('Admin');
      const codes = errors(kit);
      const carol = deepQueryAll<HTMLElement>(R(kit), '[role="option"]').find((r) => deepText(r).includes('Carol Jones'))!;
      carol.click();
      const menuItems = () => deepQueryAll<HTMLButtonElement>(R(kit), '[role="menuitem"]');
      await until(() => menuItems().length, 'the menu');
      const items = menuItems();
      expect(items.map((b) => b.textContent!.trim()), 'an admin cannot make admins').to.deep.equal(['View profile', 'Mute…', 'Remove from group']);
      const alice = await peer(kit, 'alice');
      await alice.setGroupMemberRole('team', 'bob', 'Member');
      items.find((b) => b.textContent!.trim() === 'Remove from group')!.click();
      await answer(true);
      await until(() => notice(kit) === 'Only the group owner or an admin can do that.', '10007 in words');
      expect(codes).to.deep.equal([10007]);
      await until(() => badge(kit) === 'Member', 'the role follows');
    });

    it('lets the owner transfer the group (then leave), or dismiss it', async () => {
      const kit = await mount(html`<tim-profile group-id="oss"></tim-profile>`);
      await shows(kit, 'Everyone welcome');
      expect(text(kit)).to.contain('As the owner, transfer the group to someone else or dismiss it.');
      expect(button(kit, 'Leave group')).to.not.exist;
      await click(kit, 'Transfer ownership');
      await until(openDialog, 'the picker');
      const root = view(kit)!.shadowRoot!;
      // The picker lists the members once they have loaded (on a busy machine, after the dialog opens).
      (await until(() => root.querySelector<HTMLInputElement>('tim-dialog.editor input[value="minji"]'), 'minji in the picker')).click();
      root.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.click();
      await answer(true);
      await until(() => badge(kit) === 'Member', 'alice is a member now');
      expect(button(kit, 'Leave group')).to.exist;
      kit.el.groupId = 'team';
      await until(() => badge(kit) === 'Owner', 'team');
      await click(kit, 'Dismiss group');
      setTimeout(() => answer(true));
      const back = (await oneEvent(kit.provider, 'tim-navigate')) as TimNavigateEvent;
      expect(back.detail).to.deep.equal({ to: 'conversations' });
      expect((await kit.core.getJoinedGroupList()).map((g) => g.groupID)).to.not.include('team');
    });

    it('says the members are loading in the transfer picker until they have come, not that there is no one', async () => {
      const kit = await mount(html`<tim-profile group-id="oss"></tim-profile>`);
      await shows(kit, 'Everyone welcome');
      await until(() => kit.store.state.members.get('oss')?.status === 'ready', 'the first load of the members');
      // The members' next load is held until released.
      kit.el.groupId = '';
      await kit.el.updateComplete;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const core = kit.core as unknown as { getGroupMemberList(groupID: string, options?: object): Promise<unknown> };
      const getPage = core.getGroupMemberList.bind(core);
      core.getGroupMemberList = async (groupID, options) => (await held, getPage(groupID, options));
      kit.el.groupId = 'oss';
      await shows(kit, 'Everyone welcome');
      await click(kit, 'Transfer ownership');
      await until(openDialog, 'the picker');
      const root = view(kit)!.shadowRoot!;
      await until(() => deepText(root.querySelector('tim-dialog.editor')!).includes('Loading…'), 'loading');
      expect(deepText(root.querySelector('tim-dialog.editor')!)).to.not.contain('There is no other member');
      expect(root.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.disabled).to.be.true;
      release();
      await until(() => root.querySelector('tim-dialog.editor input[value="minji"]'), 'minji in the picker');
      expect(root.querySelector<HTMLButtonElement>('tim-dialog.editor button[type="submit"]')!.disabled).to.be.false;
    });

    it('says why the invite picker has no friends to list when they could not be loaded, with a retry', async () => {
      const { core, dbName } = await makeCore({ faults: { failures: [{ code: 2800, rate: 1, methods: ['getFriendList'] }] } });
      // Nor does the list come by the core's friendListUpdated event (after the login, it may): the store
      // never has the friends.
      const on = core.on.bind(core);
      core.on = ((type: string, handler: never) => (type === 'friendListUpdated' ? () => undefined : on(type as never, handler))) as typeof core.on;
      const kit = await mountOnCore<TimProfile>(core, dbName, html`<tim-profile group-id="team"></tim-profile>`);
      try {
        await until(() => kit.store.state.friends.status === 'error', 'the friends failed');
        await click(kit, 'Add members');
        await until(openDialog, 'the invite dialog');
        const root = view(kit)!.shadowRoot!;
        const picker = () => deepText(root.querySelector('tim-dialog.editor')!);
        await until(() => deepQuery<HTMLButtonElement>(root.querySelector('tim-dialog.editor')!, '[part~="state"] button'), 'a retry');
        expect(picker()).to.not.contain('All your friends are already in this group');
        kit.core.faults.reset();
        deepQuery<HTMLButtonElement>(root.querySelector('tim-dialog.editor')!, '[part~="state"] button')!.click();
        await until(() => root.querySelector('tim-dialog.editor input[value="echo"]'), 'friends in the picker');
      } finally {
        await kit.cleanup();
      }
    });

    it('loads members page by page as the list scrolls', async function () {
      this.timeout(40_000);
      const kit = await mount(html`<tim-profile group-id="big"></tim-profile>`, { seed: 'empty' });
      const { core: other } = await makeCore({ dbName: kit.dbName, user: '', seed: 'empty' });
      peers.push(other);
      const ids: string[] = [];
      for (let i = 0; i < 120; i++) {
        await other.login({ userID: `m${i}` });
        ids.push(`m${i}`);
      }
      await kit.core.createGroup({ groupID: 'big', name: 'Big', type: 'Public', memberList: ids });
      kit.el.groupId = '';
      await kit.el.updateComplete;
      // The pages the list asks the core for. (The store also learns members from the group's own change,
      // which may land at any time: so the pages are checked at the core, not by counting the store's list.)
      const pages: Array<{ offset?: number; count?: number }> = [];
      const core = kit.core as unknown as { getGroupMemberList(groupID: string, options?: { offset?: number; count?: number }): Promise<unknown> };
      const getPage = core.getGroupMemberList.bind(core);
      core.getGroupMemberList = (groupID, options) => {
        if (groupID === 'big') pages.push({ ...options });
        return getPage(groupID, options);
      };
      kit.el.groupId = 'big';
      const big = () => kit.store.state.members.get('big');
      // Generous waits: 121 logins and a page of members are slow on a loaded machine (this is no speed test).
      await until(() => pages.length > 0 && big()?.status === 'ready', 'the first page', 15_000);
      expect(pages[0], 'the first page').to.deep.equal({ offset: 0, count: 50 });
      expect(deepQueryAll(R(kit), '[role="option"]').length).to.be.lessThan(50);
      const list = deepQuery<HTMLElement>(R(kit), '[role="listbox"]')!;
      // Scrolled to the end again and again, as a reader would, until every page has come.
      await until(() => {
        list.scrollTop = list.scrollHeight;
        return big()?.status === 'ready' && big()!.offset === 0 && big()!.members.length === 121;
      }, 'all pages', 15_000);
      expect(pages, 'one page at a time, as the list scrolls').to.deep.equal([
        { offset: 0, count: 50 },
        { offset: 50, count: 50 },
        { offset: 100, count: 50 },
      ]);
    });
  });

  describe('Back', () => {
    const back = (kit: ProfileKit) => R(kit).querySelector<HTMLButtonElement>('[part="back-button"]');
    const shown = (b: HTMLElement | null) => !!b && getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().width > 0;
    const nextNavigation = (kit: ProfileKit) => oneEvent(kit.el, 'tim-navigate') as Promise<TimNavigateEvent>;

    it('every view (a user, my own, a group, requests, blocked, friends) has a labelled Back that asks the host to go back, by click or keyboard', async () => {
      const kit = await mount(html`<tim-profile user-id="bob"></tim-profile>`);
      const views: Array<[string, () => void, string]> = [
        ['a user', () => undefined, 'tim-profile-user'],
        ['my own', () => (kit.el.self = true), 'tim-profile-self'],
        ['a group', () => (kit.el.groupId = 'team'), 'tim-profile-group'],
        ['requests', () => (kit.el.mode = 'requests'), 'tim-profile-requests'],
        ['blocked', () => (kit.el.mode = 'blocklist'), 'tim-profile-blocklist'],
        ['friends', () => (kit.el.mode = 'friends'), 'tim-profile-friends'],
      ];
      for (const [name, open, tag] of views) {
        open();
        await until(() => view(kit)?.localName === tag, `${name}: its view`);
        const b = await until(() => shown(back(kit)) && back(kit), `${name}: a Back button`);
        expect(b.getAttribute('aria-label'), `${name}: its name`).to.equal('Back');
        // Before the view, at the start of the reading order (the first thing Tab reaches).
        expect(b.compareDocumentPosition(view(kit)!) & Node.DOCUMENT_POSITION_FOLLOWING, `${name}: before the view`).to.not.equal(0);
        let next = nextNavigation(kit);
        b.click();
        expect((await next).detail, `${name}: click`).to.deep.equal({ to: 'back' });
        b.focus();
        next = nextNavigation(kit);
        await sendKeys({ press: 'Enter' });
        expect((await next).detail, `${name}: Enter`).to.deep.equal({ to: 'back' });
      }
    });

    it('is hidden by no-back (the host shows the list beside the profile), as the chat’s and the search’s are', async () => {
      const kit = await mount(html`<tim-profile user-id="bob" no-back></tim-profile>`);
      await shows(kit, 'Bob (work)');
      expect(kit.el.noBack).to.equal(true);
      expect(shown(back(kit)), 'hidden').to.equal(false);
      kit.el.noBack = false;
      await kit.el.updateComplete;
      expect(shown(back(kit)), 'shown again').to.equal(true);
      expect(kit.el.hasAttribute('no-back'), 'reflected').to.equal(false);
    });

    it('is there while the view loads, and when a profile cannot be shown', async () => {
      const kit = await mount(html`<tim-profile user-id="nobody"></tim-profile>`);
      await shows(kit, 'This user does not exist');
      expect(shown(back(kit))).to.equal(true);
    });

    it('is said in Chinese and Korean, and points the other way right to left', async () => {
      const zh = await mount(html`<tim-profile mode="friends"></tim-profile>`, { locale: 'zh-CN' });
      await until(() => back(zh)?.getAttribute('aria-label') === '返回', '返回');
      const ko = await mount(html`<tim-profile group-id="team"></tim-profile>`, { locale: 'ko' });
      await until(() => back(ko)?.getAttribute('aria-label') === '뒤로', '뒤로');
      const svg = () => getComputedStyle(back(ko)!.querySelector('svg')!).transform;
      expect(svg(), 'left to right').to.equal('none');
      ko.provider.dir = 'rtl';
      await until(() => svg() === 'matrix(-1, 0, 0, 1, 0, 0)', 'mirrored');
    });
  });

  describe('localised', () => {
    it('speaks Chinese and Korean, dates and numbers through Intl', async () => {
      const kit = await mount(html`<tim-profile group-id="team"></tim-profile>`, { locale: 'zh-CN' });
      await shows(kit, '工作群 · 6 名成员');
      expect(badge(kit)).to.equal('群主');
      const ko = await mount(html`<tim-profile user-id="bob"></tim-profile>`, { locale: 'ko' });
      await shows(ko, '메시지 보내기');
      await until(() => deepQuery<HTMLElement>(R(ko), '.header .badge')?.textContent?.trim() === '친구', '친구');
    });
  });

  describe('on one page with the other elements', () => {
    it('a remark, a group rename and an avatar change made here show at once in the store’s names (and in <tim-conversation> / <tim-chat> when present)', async () => {
      const kit = await mount(html`<tim-profile user-id="minji"></tim-profile>`);
      const { provider, store } = kit;
      const extras: Element[] = [];
      for (const tag of ['tim-conversation', 'tim-chat']) {
        if (!customElements.get(tag)) continue;
        const el = document.createElement(tag);
        if (tag === 'tim-chat') el.setAttribute('conversation-id', 'C2Cminji');
        el.setAttribute('style', 'display:block;height:300px');
        provider.append(el);
        extras.push(el);
      }
      await shows(kit, '오늘도 화이팅');
      for (const el of extras) await until(() => deepText(el).includes('김민지'), `${el.localName} shows 김민지`, 6000);
      await click(kit, 'Edit remark');
      await fillAndSubmit(kit, { remark: 'Minji (study)' });
      await until(() => conversationShowName(store.state, store.conversation('C2Cminji')!) === 'Minji (study)', 'the store name');
      for (const el of extras) await until(() => deepText(el).includes('Minji (study)'), `${el.localName} renamed`);

      // A group rename, from the group's profile on the same page.
      kit.el.groupId = 'oss';
      await until(() => badge(kit) === 'Owner', 'the group');
      await click(kit, 'Edit group info');
      await fillAndSubmit(kit, { name: 'OSS Hub' });
      await until(() => conversationShowName(store.state, store.conversation('GROUPoss')!) === 'OSS Hub', 'the group name');
      if (extras[0]?.localName === 'tim-conversation') await until(() => deepText(extras[0]!).includes('OSS Hub'), 'the list renamed');

      // My own avatar, from my profile.
      kit.el.groupId = '';
      kit.el.self = true;
      const root = await until(() => view(kit)?.shadowRoot?.querySelector('form') && view(kit)!.shadowRoot!, 'the form');
      const avatar = root.querySelector<HTMLInputElement>('[name="avatar"]')!;
      avatar.value = 'https://example.com/alice.png';
      avatar.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await view(kit)!.updateComplete;
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => store.state.profiles.get('alice')?.avatar === 'https://example.com/alice.png', 'the store’s profile');
      await until(() => headerImage(kit) === 'https://example.com/alice.png', 'my header');
      // Wherever <tim-chat> draws my avatar, it is the new one.
      const chat = extras.find((e) => e.localName === 'tim-chat');
      const mine = () => (chat ? deepQueryAll<HTMLElement & { seed: string; src: string }>(chat, 'tim-avatar').filter((a) => a.seed === 'alice') : []);
      if (mine().length) await until(() => mine().every((a) => a.src === 'https://example.com/alice.png'), 'tim-chat shows my new avatar');
    });
  });
});
