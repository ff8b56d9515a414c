import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLocalCore } from '../src/core/local/index.js';
import type { ConversationID, TimChat } from '../src/index.js';

/**
 * `<tim-chat>`'s composer (a lazy chunk, loaded once the history shows): Enter sends, Shift+Enter breaks the
 * line, Escape cancels a reply or an edit; emoji (searchable in English, Chinese and Korean) and stickers;
 * `@` in groups; attachments by the clip button, drag and drop onto the chat, or paste. Every story runs on
 * LocalCore (the demo seed, logged in as alice unless it says otherwise).
 */
const meta: Meta = {
  title: 'Chat/Composer',
  component: 'tim-chat',
  render: () => html`<tim-chat conversation-id="C2Cbob"></tim-chat>`,
  parameters: { tim: { height: '36rem' } },
};
export default meta;
type Story = StoryObj;

/** The chat once its composer is loaded. */
const composed = (canvas: HTMLElement) =>
  new Promise<{ chat: TimChat; root: ShadowRoot; input: HTMLTextAreaElement }>((resolve) => {
    const find = () => {
      const chat = canvas.querySelector('tim-chat') ?? document.querySelector('tim-chat');
      const root = chat?.shadowRoot?.querySelector('tim-chat-composer')?.shadowRoot;
      const input = root?.querySelector('textarea');
      if (chat && root && input) resolve({ chat, root, input });
      else requestAnimationFrame(find);
    };
    find();
  });

/** Types text as an input event would bring it. */
function fill(input: HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

type Core = Awaited<ReturnType<typeof createLocalCore>>;
const fresh = new Map<string, Promise<{ core: Core }>>();

/**
 * A database of its own for stories that change it (fresh on each page load, reused while the page lives),
 * logged in as `user` after `setup` ran as alice.
 */
const own = (db: string, user = 'alice', setup?: (core: Core) => Promise<void>) => () => {
  let loaded = fresh.get(db);
  if (!loaded) fresh.set(db, (loaded = ownCore(db, user, setup)));
  return loaded;
};

async function ownCore(db: string, user: string, setup?: (core: Core) => Promise<void>): Promise<{ core: Core }> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(db);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const core = await createLocalCore({ dbName: db, seed: 'demo', multiInstance: 'allow' });
  if (setup) {
    await core.login({ userID: 'alice' });
    await setup(core);
    if (user !== 'alice') await core.logout();
  }
  if (core.getLoginUser() !== user) await core.login({ userID: user });
  return { core };
}

/** Empty and ready: the placeholder names the peer; the send button waits for text. */
export const Empty: Story = {};

export const EmptyDark: Story = { globals: { theme: 'dark' } };

/** A saved draft comes back in the input (the conversation list shows it too). */
export const Draft: Story = { render: () => html`<tim-chat conversation-id="C2Cminji"></tim-chat>`, globals: { locale: 'ko' } };

/** Replying: the quoted message above the input; the reply will show it and jump to it. */
export const Quoting: Story = {
  play: async ({ canvasElement }) => {
    const { chat, input } = await composed(canvasElement);
    const messages = chat.store!.state.windows.get('C2Cbob' as ConversationID)?.messages ?? [];
    const quoted = [...messages].reverse().find((m) => m.flow === 'in' && m.type === 'TIMTextElem');
    if (quoted) await chat.quote(quoted);
    fill(input, 'Yes, let us do that.');
  },
};

export const QuotingDark: Story = { ...Quoting, globals: { theme: 'dark' } };
export const QuotingChinese: Story = { ...Quoting, globals: { locale: 'zh' } };
export const QuotingRightToLeft: Story = { ...Quoting, globals: { dir: 'rtl' } };

/** Editing an own message: its text in the input; Enter saves, Escape cancels. */
export const Editing: Story = {
  loaders: [own('tim-sb-composer-edit')],
  play: async ({ canvasElement }) => {
    const { chat } = await composed(canvasElement);
    const sent = await chat.store!.sendText('C2Cbob', 'See you at 3pm in room 4.');
    await chat.editMessage(sent);
  },
};

export const EditingDark: Story = { ...Editing, globals: { theme: 'dark' } };

/** Near the service's byte limit: a counter; past it, sending is refused and the text kept. */
export const OverTheLimit: Story = {
  play: async ({ canvasElement }) => {
    const { input } = await composed(canvasElement);
    fill(input, 'The long report follows. '.repeat(492));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  },
};

/** `@` in a group: the member list filters as one types; the owner also gets @All. */
export const Mentioning: Story = {
  render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { chat, input } = await composed(canvasElement);
    await chat.store!.loadMembers('team').catch(() => undefined);
    fill(input, 'Thanks @');
  },
};

export const MentioningChinese: Story = { ...Mentioning, render: () => html`<tim-chat conversation-id="GROUPhiking"></tim-chat>`, globals: { locale: 'zh' } };

/** The emoji picker (its own lazy chunk): search in any of the three languages, arrows to move, Enter to insert. */
export const EmojiPicker: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await composed(canvasElement);
    root.querySelector<HTMLElement>('[aria-label=Emoji]')?.click();
  },
};

export const EmojiPickerDark: Story = { ...EmojiPicker, globals: { theme: 'dark' } };

/** The sticker panel: a sticker is sent at once, as a face message. */
export const Stickers: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await composed(canvasElement);
    root.querySelector<HTMLElement>('[aria-label=Stickers]')?.click();
  },
};

/** Attachments waiting to be sent: an image preview and a file; the clip button adds more. */
export const Attachments: Story = {
  play: async ({ canvasElement }) => {
    const { input } = await composed(canvasElement);
    const data = new DataTransfer();
    data.items.add(await sampleImage());
    data.items.add(new File(['Quarterly numbers…'], 'Q3 report – final (v2).pdf', { type: 'application/pdf' }));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    fill(input, 'Here are the files.');
  },
};

/** Uploading: each attachment with its progress bar until it is sent (a slow network). */
export const Uploading: Story = {
  loaders: [own('tim-sb-composer-upload')],
  play: async ({ canvasElement }) => {
    const { chat, input, root } = await composed(canvasElement);
    (chat.store!.core as unknown as { faults: { set(f: object): void } }).faults.set({ latencyMs: 60_000 });
    const data = new DataTransfer();
    data.items.add(await sampleImage());
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 100));
    root.querySelector<HTMLElement>('[part=send-button]')?.click();
  },
};

export const UploadingDark: Story = { ...Uploading, loaders: [own('tim-sb-composer-upload-dark')], globals: { theme: 'dark' } };

// ───────────────────────────── disabled, with the reason ─────────────────────────────

/** Offline: disabled until the connection is back; what was typed stays. */
export const DisabledOffline: Story = {
  parameters: { tim: { after: 'disconnect' } },
  play: async ({ canvasElement }) => fill((await composed(canvasElement)).input, 'Typed before the network went down'),
};

/** Logged out here because the account logged in elsewhere. */
export const DisabledKickedOut: Story = { parameters: { tim: { after: 'multipleAccount' } } };

/** Not a member of the group (alice left it). */
export const DisabledNotMember: Story = {
  render: () => html`<tim-chat conversation-id="GROUPhiking"></tim-chat>`,
  loaders: [own('tim-sb-composer-left', 'alice', (core) => core.quitGroup('hiking'))],
};

/** Muted in the group (dave, for two hours). */
export const DisabledMuted: Story = {
  render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>`,
  parameters: { tim: { user: 'dave' } },
};

/** Everyone muted but the owner and admins (carol is a member). */
export const DisabledMutedAll: Story = {
  render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>`,
  loaders: [own('tim-sb-composer-mute-all', 'carol', async (core) => void (await core.updateGroupProfile('team', { muteAllMembers: true })))],
};

/** A blocked user: unblock them to write. */
export const DisabledBlocked: Story = { render: () => html`<tim-chat conversation-id="C2Cspammer"></tim-chat>` };

export const DisabledBlockedChinese: Story = { ...DisabledBlocked, globals: { locale: 'zh' } };
export const DisabledMutedKorean: Story = { ...DisabledMuted, globals: { locale: 'ko' } };
export const DisabledOfflineDark: Story = { ...DisabledOffline, globals: { theme: 'dark' } };

/** A small picture for the attachment stories (drawn, no network). */
async function sampleImage(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const g = canvas.getContext('2d')!;
  const gradient = g.createLinearGradient(0, 0, 160, 120);
  gradient.addColorStop(0, '#4f8cff');
  gradient.addColorStop(1, '#ffb347');
  g.fillStyle = gradient;
  g.fillRect(0, 0, 160, 120);
  g.fillStyle = '#fff';
  g.beginPath();
  g.arc(110, 40, 16, 0, Math.PI * 2);
  g.fill();
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], 'sunset.png', { type: 'image/png' });
}
