import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLocalCore, type LocalCore } from '../src/core/local/index.js';

/**
 * `<tim-profile>`: users, the own profile, friend requests, the block list, friends and groups, on LocalCore
 * (the demo seed, logged in as alice unless the story says otherwise). Every action asks the host first
 * through a cancelable `tim-before-*` event; the results and errors show at the foot of the element. The back
 * button at the top asks the host to go back (`tim-navigate` `{to:'back'}`); `no-back` hides it. The
 * toolbar switches theme, language and direction.
 */
const meta: Meta = {
  title: 'Profile/tim-profile',
  component: 'tim-profile',
  render: () => html`<tim-profile user-id="bob"></tim-profile>`,
  parameters: { tim: { height: '40rem' } },
};
export default meta;
type Story = StoryObj;

/** A core of its own (stories that change data must not share the demo database). */
async function ownCore(dbName: string, user: string, setup?: (core: LocalCore) => void | Promise<void>) {
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow' });
  await core.login({ userID: user });
  await setup?.(core);
  return { core };
}

/** Deep query through open shadow roots (for the stories that act). */
function deep<T extends Element>(root: ParentNode, selector: string): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deep<T>(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}
async function waitFor<T>(check: () => T | null | undefined, ms = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > ms) throw new Error('story setup timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ───────────────────────────── a user ─────────────────────────────

/** A friend with a remark ("Bob (work)"): message, remark, notifications, pin, clear, delete, block. */
export const Friend: Story = {};

export const FriendDark: Story = { globals: { theme: 'dark' } };

export const FriendChinese: Story = { render: () => html`<tim-profile user-id="lilei"></tim-profile>`, globals: { locale: 'zh' } };

export const FriendKorean: Story = { render: () => html`<tim-profile user-id="minji"></tim-profile>`, globals: { locale: 'ko', theme: 'dark' } };

export const FriendRightToLeft: Story = { globals: { dir: 'rtl' } };

/** dave asked alice to be friends: his message, Accept and Decline. */
export const WantsToBeYourFriend: Story = { render: () => html`<tim-profile user-id="dave"></tim-profile>` };

/** alice asked seoyeon, who must confirm. */
export const RequestSent: Story = { render: () => html`<tim-profile user-id="seoyeon"></tim-profile>` };

/** carol, seen by someone who is not her friend: Add friend. */
export const NotAFriend: Story = {
  render: () => html`<tim-profile user-id="carol"></tim-profile>`,
  parameters: { tim: { user: 'dave' } },
};

export const Blocked: Story = { render: () => html`<tim-profile user-id="spammer"></tim-profile>` };

/** HTML, a direction override and a `javascript:` avatar, all shown as text / initials. */
export const HostileData: Story = { render: () => html`<tim-profile user-id="mallory"></tim-profile>` };

export const VeryLongName: Story = { render: () => html`<tim-profile user-id="zoe"></tim-profile>` };

/** No back button (`no-back`: the host shows the list beside the profile). */
export const NoBack: Story = { render: () => html`<tim-profile user-id="bob" no-back></tim-profile>` };

export const UnknownUser: Story = { render: () => html`<tim-profile user-id="nobody"></tim-profile>` };

/** The add-friend form, open. */
export const AddFriendForm: Story = {
  render: () => html`<tim-profile user-id="carol"></tim-profile>`,
  parameters: { tim: { user: 'dave' } },
  play: async ({ canvasElement }) => {
    (await waitFor(() => [...deepAll(canvasElement, 'button')].find((b) => b.textContent?.trim() === 'Add friend'))).click();
  },
};

/** A request the service refuses: zoe accepts no friend requests (30516), said in words. */
export const AddFriendRefused: Story = {
  render: () => html`<tim-profile user-id="zoe"></tim-profile>`,
  loaders: [() => ownCore('tim-sb-profile-refused', 'dave')],
  play: async ({ canvasElement }) => {
    (await waitFor(() => [...deepAll(canvasElement, 'button')].find((b) => b.textContent?.trim() === 'Add friend'))).click();
    const submit = await waitFor(() => deep<HTMLButtonElement>(canvasElement, 'tim-dialog.editor button[type="submit"]'));
    submit.click();
  },
};

/** The host's own section in the middle, and its own button in the action bar; settings hidden. */
export const HostSections: Story = {
  render: () => html`<tim-profile user-id="bob" sections="header actions crm danger">
    <button slot="actions" class="button" style="font: inherit">Start a call</button>
    <div slot="crm" style="padding: 0.75rem 1rem; border-top: 1px solid var(--tim-color-border); color: var(--tim-color-text-muted)">
      CRM: customer since 2019 · 3 open tickets
    </div>
  </tim-profile>`,
};

export const Offline: Story = { parameters: { tim: { after: 'disconnect' } } };

/** Every request is slow: the loading state. */
export const Loading: Story = {
  loaders: [() => ownCore('tim-sb-profile-slow', 'alice', (core) => core.faults.set({ latencyMs: 3_600_000 }))],
};

// ───────────────────────────── my own profile ─────────────────────────────

export const MyProfile: Story = {
  render: () => html`<tim-profile self></tim-profile>`,
  loaders: [() => ownCore('tim-sb-profile-self', 'alice')],
};

export const MyProfileDarkKorean: Story = { ...MyProfile, globals: { theme: 'dark', locale: 'ko' } };

export const MyProfileChinese: Story = { ...MyProfile, globals: { locale: 'zh' } };

/** Refused input: a location over 16 bytes, a `javascript:` avatar, a future birthday. Nothing saved. */
export const MyProfileInvalid: Story = {
  ...MyProfile,
  play: async ({ canvasElement }) => {
    const form = await waitFor(() => deep<HTMLFormElement>(canvasElement, 'tim-profile-self form') ?? deep<HTMLFormElement>(canvasElement, 'form'));
    const set = (name: string, value: string) => {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('location', '深圳市南山区科技园');
    set('avatar', 'javascript:alert(1)');
    set('birthday', '2999-01-01');
    await new Promise((r) => setTimeout(r, 50));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/** An allowed avatar URL, previewed before saving. */
export const MyProfileAvatarPreview: Story = {
  ...MyProfile,
  play: async ({ canvasElement }) => {
    const input = await waitFor(() => deep<HTMLInputElement>(canvasElement, 'input[name="avatar"]'));
    input.value = 'https://avatars.githubusercontent.com/u/1?v=4';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
};

// ───────────────────────────── friend requests, block list, friends ─────────────────────────────

export const Requests: Story = { render: () => html`<tim-profile mode="requests"></tim-profile>` };

export const RequestsDarkChinese: Story = { ...Requests, globals: { theme: 'dark', locale: 'zh' } };

export const RequestsEmpty: Story = { ...Requests, parameters: { tim: { user: 'carol' } } };

export const BlockList: Story = { render: () => html`<tim-profile mode="blocklist"></tim-profile>` };

export const BlockListEmpty: Story = { ...BlockList, parameters: { tim: { user: 'bob' } } };

export const BlockListKorean: Story = { ...BlockList, globals: { locale: 'ko' } };

/** Latin, pinyin and Hangul initials, and '#', with the letter index. */
export const Friends: Story = { render: () => html`<tim-profile mode="friends"></tim-profile>` };

export const FriendsKoreanDark: Story = { ...Friends, globals: { locale: 'ko', theme: 'dark' } };

export const FriendsChinese: Story = { ...Friends, globals: { locale: 'zh' } };

export const FriendsRightToLeft: Story = { ...Friends, globals: { dir: 'rtl' } };

export const FriendsEmpty: Story = { ...Friends, parameters: { tim: { user: 'spammer' } } };

/** 600 friends (registered once into their own database; reloads reuse it). */
export const FriendsSixHundred: Story = {
  ...Friends,
  loaders: [
    async () => {
      const own = await ownCore('tim-sb-profile-600', 'alice');
      if ((await own.core.getFriendList()).length < 600) {
        const other = await createLocalCore({ dbName: 'tim-sb-profile-600', seed: 'demo', multiInstance: 'allow' });
        const names = ['Anna', 'Ben', 'Chloé', '陈', '黄', '林', '王', '张', '김', '이', '박', '최', 'Zoë', '9'];
        for (let i = 0; i < 600; i++) {
          await other.login({ userID: `friend${i}` });
          await other.updateMyProfile({ nick: `${names[i % names.length]} ${i}` });
          await other.addFriend({ userID: 'alice' });
        }
        await other.destroy();
      }
      return own;
    },
  ],
};

// ───────────────────────────── groups ─────────────────────────────

/** alice owns "Product Team": edit, members with roles (dave muted), admin tools, transfer and dismiss. */
export const GroupAsOwner: Story = {
  render: () => html`<tim-profile group-id="team"></tim-profile>`,
  loaders: [() => ownCore('tim-sb-profile-group', 'alice')],
};

export const GroupAsOwnerDark: Story = { ...GroupAsOwner, globals: { theme: 'dark' } };

/** A plain member of a public group (周末爬山群): no editing, leave. */
export const GroupAsMember: Story = { render: () => html`<tim-profile group-id="hiking"></tim-profile>`, globals: { locale: 'zh' } };

/** bob, an admin: may mute and remove members, not make admins. */
export const GroupAsAdmin: Story = { ...GroupAsOwner, loaders: [() => ownCore('tim-sb-profile-group-admin', 'bob')] };

/** A member's actions, as the owner sees them. */
export const GroupMemberMenu: Story = {
  ...GroupAsOwner,
  play: async ({ canvasElement }) => {
    const row = await waitFor(() => [...deepAll(canvasElement, '[role="option"]')].find((r) => r.textContent?.includes('Carol')) as HTMLElement | undefined);
    row.click();
  },
};

export const GroupKorean: Story = { render: () => html`<tim-profile group-id="study"></tim-profile>`, globals: { locale: 'ko' } };

/** A live group (AVChatRoom): no invitations, no admins. */
export const GroupLive: Story = { render: () => html`<tim-profile group-id="live"></tim-profile>` };

export const GroupRightToLeft: Story = { ...GroupAsOwner, globals: { dir: 'rtl' } };

export const GroupUnknown: Story = { render: () => html`<tim-profile group-id="no-such-group"></tim-profile>` };

export const NothingChosen: Story = { render: () => html`<tim-profile></tim-profile>` };

/** Every element matching `selector` through open shadow roots. */
function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const out = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, selector));
  return out;
}
