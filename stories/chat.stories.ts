import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLocalCore, type LocalCore } from '../src/core/local/index.js';
import type { MessageRenderer, TimChat, TimProvider } from '../src/index.js';

/**
 * `<tim-chat>`: a conversation's header, history and composer, live from the core. Every story runs on
 * LocalCore (the demo seed, logged in as alice): scroll up for older pages, use the arrow keys between
 * messages, click an image, play the voice message and the video, open the chat record, write to the echo
 * bot. The toolbar switches theme, language and direction. The composer's states are in Chat/Composer, the
 * message actions in Chat/Message actions.
 */
const meta: Meta = {
  title: 'Chat/tim-chat',
  component: 'tim-chat',
  render: () => html`<tim-chat conversation-id="C2Cbob"></tim-chat>`,
  parameters: { tim: { height: '40rem' } },
};
export default meta;
type Story = StoryObj;

/** Renderers for the seed's custom messages (a host registers its own on the provider). */
const renderers: Record<string, MessageRenderer> = {
  red_envelope: (_m, data) => html`<div style="display:grid;gap:.25rem;min-width:12rem;padding:.5rem .75rem;border-radius:.5rem;background:#d93a2b;color:#fff">
    <strong>🧧 ${String(data.greeting ?? '')}</strong><span style="opacity:.85">¥ ${String(data.amount ?? '')}</span>
  </div>`,
  text_link: (_m, data) => html`<span>${String(data.text ?? '')} ↗</span>`,
};

const withRenderers = (canvas: HTMLElement) => {
  const provider = canvas.querySelector<TimProvider>('tim-provider') ?? canvas.closest<TimProvider>('tim-provider');
  if (provider) provider.messageRenderers = renderers;
};

/** A core of its own (the shared loader's cores are reused between stories), logged in as alice. */
async function ownCore(dbName: string, setup?: (core: LocalCore) => void | Promise<void>) {
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });
  await setup?.(core);
  return { core };
}

const chatOf = (canvas: HTMLElement) =>
  new Promise<TimChat>((resolve) => {
    const find = () => {
      const el = canvas.querySelector('tim-chat') ?? document.querySelector('tim-chat');
      if (el?.store) resolve(el);
      else requestAnimationFrame(find);
    };
    find();
  });

/** Opens at the first unread message, under the "Unread messages" separator. */
export const Default: Story = { play: ({ canvasElement }) => withRenderers(canvasElement) };

/** Around the media messages: image, video, file, voice, sticker, custom (with renderers), link card, location, chat record, recall, quote, edit, links. */
export const EveryMessageType: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-sound"></tim-chat>`,
  parameters: { tim: { height: '56rem' } },
  play: ({ canvasElement }) => withRenderers(canvasElement),
};

export const EveryMessageTypeDark: Story = { ...EveryMessageType, globals: { theme: 'dark' } };

/** Custom messages without a renderer show their description. */
export const CustomWithoutRenderer: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-red-packet"></tim-chat>`,
};

/** A group: tips, sender names (name cards) and avatars, read receipts ("N read"), @me. */
export const Group: Story = { render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>` };

export const GroupDark: Story = { ...Group, globals: { theme: 'dark' } };

/** The peer is typing (the bot answers a message). */
export const Typing: Story = {
  render: () => html`<tim-chat conversation-id="C2Cecho"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const chat = await chatOf(canvasElement);
    await chat.store!.sendText('C2Cecho', 'Are you there?');
  },
};

/** A message that is still sending (the service does not answer), and one that failed, with Retry. */
export const SendingAndFailed: Story = {
  loaders: [() => ownCore('tim-sb-chat-status')],
  play: async ({ canvasElement }) => {
    const chat = await chatOf(canvasElement);
    const core = chat.store!.core as LocalCore;
    core.faults.set({ failures: [{ code: 2801, rate: 1, methods: ['sendMessage'] }] });
    await chat.store!.sendText('C2Cbob', 'This one failed: the network timed out').catch(() => undefined);
    core.faults.set({ failures: [], latencyMs: 3_600_000 });
    void chat.store!.sendText('C2Cbob', 'This one is still sending…').catch(() => undefined);
    // Retry works once the network is back.
    setTimeout(() => core.faults.set({ latencyMs: 0 }), 500);
  },
};

export const SendingAndFailedDark: Story = { ...SendingAndFailed, globals: { theme: 'dark' } };

/** Jump to a message (search results, quotes): the history opens around it, highlighted, and pages both ways. */
export const JumpToMessage: Story = { render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-alice-bob-30"></tim-chat>` };

/** Hostile names, text, file names and custom data render as text. */
export const HostileData: Story = { render: () => html`<tim-chat conversation-id="C2Cmallory"></tim-chat>` };

/** An empty conversation (a friend request, no messages yet), and no back button. */
export const Empty: Story = { render: () => html`<tim-chat conversation-id="C2Cdave" no-back></tim-chat>` };

/** The history request fails; Retry tries again. */
export const LoadFailed: Story = {
  loaders: [() => ownCore('tim-sb-chat-error', (core) => core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['getMessageList'] }] }))],
};

export const Offline: Story = { parameters: { tim: { after: 'disconnect' } } };

export const Chinese: Story = { render: () => html`<tim-chat conversation-id="GROUPhiking"></tim-chat>`, globals: { locale: 'zh' } };

export const ChineseC2C: Story = { render: () => html`<tim-chat conversation-id="C2Clilei"></tim-chat>`, globals: { locale: 'zh' } };

export const Korean: Story = { render: () => html`<tim-chat conversation-id="GROUPstudy"></tim-chat>`, globals: { locale: 'ko' } };

export const RightToLeft: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-sound"></tim-chat>`,
  globals: { dir: 'rtl' },
  play: ({ canvasElement }) => withRenderers(canvasElement),
};

const LONG = 100_000;

/**
 * 100,000 messages in one conversation (imported once into their own database, which takes a while the
 * first time): the DOM stays bounded, scrolling up loads older pages without a jump.
 */
export const HundredThousandMessages: Story = {
  loaders: [
    () =>
      ownCore('tim-sb-chat-100k', async (core) => {
        const page = await core.getMessageList({ conversationID: 'C2Cjihoon', count: 1 });
        if (page.messageList[0]?.ID === `long-${LONG - 1}`) return;
        const start = Math.floor(Date.now() / 1000) - LONG * 30;
        const items = Array.from({ length: LONG }, (_, i) => ({
          ID: `long-${i}`,
          from: i % 3 ? 'jihoon' : 'alice',
          to: i % 3 ? 'alice' : 'jihoon',
          time: start + i * 30,
          payload: { text: i % 11 ? `Message ${i + 1} of ${LONG}` : `A longer message, number ${i + 1}. `.repeat(1 + (i % 5)) },
        }));
        await core.bulkImport(items, { read: true });
      }),
  ],
  render: () => html`<tim-chat conversation-id="C2Cjihoon"></tim-chat>`,
};
