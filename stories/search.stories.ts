import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLocalCore, type LocalCore } from '../src/core/local/index.js';
import type { TimChat } from '../src/index.js';

/**
 * `<tim-search>`: global search (contacts, groups, messages grouped per conversation) and search inside one
 * conversation, on LocalCore (the demo seed, logged in as alice). Type in the field; arrows move through the
 * results, Enter opens one, Escape clears. The toolbar switches theme, language and direction. The last
 * stories show `<tim-chat>`'s find bar (Ctrl/Cmd+F).
 */
const meta: Meta = {
  title: 'Search/tim-search',
  component: 'tim-search',
  render: () => html`<tim-search></tim-search>`,
  parameters: { tim: { height: '36rem' } },
};
export default meta;
type Story = StoryObj;

/** A core of its own (the shared loader's cores are reused between stories), logged in as alice. */
async function ownCore(dbName: string, setup?: (core: LocalCore) => void | Promise<void>) {
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });
  await setup?.(core);
  return { core };
}

/** Before typing: a hint. */
export const Global: Story = {};

/** "sync": messages in several conversations; one with several hits opens them in place. */
export const GlobalResults: Story = { render: () => html`<tim-search keyword="sync"></tim-search>` };

export const GlobalResultsDark: Story = { ...GlobalResults, globals: { theme: 'dark' } };

/** "o": every section, each with "Show more". */
export const EverySection: Story = { render: () => html`<tim-search keyword="o"></tim-search>` };

/** Inside one conversation: its hits, newest first, paged as the list scrolls. */
export const InConversation: Story = { render: () => html`<tim-search conversation-id="C2Cbob" keyword="the"></tim-search>` };

/** Inside a group: the sender filter lists its members. */
export const InGroup: Story = { render: () => html`<tim-search conversation-id="GROUPteam" keyword="the"></tim-search>` };

export const InGroupDark: Story = { ...InGroup, globals: { theme: 'dark' } };

/** A type filter without a keyword lists that type (pick "Images and videos" or "Files"). */
export const InConversationBeforeTyping: Story = { render: () => html`<tim-search conversation-id="C2Cbob"></tim-search>` };

export const NoResults: Story = { render: () => html`<tim-search keyword="zzzqqq"></tim-search>` };

/** Hostile names and texts show as text, the keyword marked. */
export const HostileKeyword: Story = { render: () => html`<tim-search keyword="<img"></tim-search>` };

/** The core takes an hour to answer. */
export const Searching: Story = {
  loaders: [() => ownCore('tim-sb-search-loading', (core) => core.faults.set({ latencyMs: 3_600_000 }))],
  render: () => html`<tim-search keyword="sync"></tim-search>`,
};

/** Every search fails with a network error; Retry tries again. */
export const Failed: Story = {
  loaders: [() => ownCore('tim-sb-search-error', (core) => core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['searchMessages', 'searchContacts'] }] }))],
  render: () => html`<tim-search keyword="sync"></tim-search>`,
};

/** A core without message search (Tencent without the cloud-search plan): contacts and groups only. */
export const MessageSearchNotAvailable: Story = {
  loaders: [
    () =>
      ownCore('tim-sb-search-unavailable', (core) => {
        Object.defineProperty(core, 'capabilities', { value: { ...core.capabilities, messageSearch: false } });
      }),
  ],
  render: () => html`<tim-search keyword="bob"></tim-search>`,
};

/** The same core, inside a conversation: nothing to search. */
export const NotAvailableInConversation: Story = {
  ...MessageSearchNotAvailable,
  render: () => html`<tim-search conversation-id="C2Cbob"></tim-search>`,
};

export const Chinese: Story = { render: () => html`<tim-search keyword="爬山"></tim-search>`, globals: { locale: 'zh' } };

export const ChineseInGroup: Story = { render: () => html`<tim-search conversation-id="GROUPhiking" keyword="集合"></tim-search>`, globals: { locale: 'zh' } };

export const Korean: Story = { render: () => html`<tim-search keyword="스터디"></tim-search>`, globals: { locale: 'ko' } };

export const KoreanDark: Story = { ...Korean, globals: { locale: 'ko', theme: 'dark' } };

export const RightToLeft: Story = { render: () => html`<tim-search keyword="sync"></tim-search>`, globals: { dir: 'rtl' } };

const openFind = (canvas: HTMLElement, keyword: string) =>
  new Promise<void>((resolve) => {
    const go = async () => {
      const chat = (canvas.querySelector('tim-chat') ?? document.querySelector('tim-chat')) as TimChat | null;
      if (!chat?.store || !chat.shadowRoot?.querySelector('.row')) return void requestAnimationFrame(go);
      await chat.openFind();
      const input = chat.shadowRoot.querySelector('tim-chat-find')!.shadowRoot!.querySelector('input')!;
      input.value = keyword;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      resolve();
    };
    void go();
  });

/** `<tim-chat inline-search>`: the header's search button (or Ctrl/Cmd+F) opens the find bar. */
export const FindInChat: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" inline-search></tim-chat>`,
  play: ({ canvasElement }) => openFind(canvasElement, 'sync'),
};

export const FindInChatDark: Story = { ...FindInChat, globals: { theme: 'dark' } };

export const FindInChatKorean: Story = {
  render: () => html`<tim-chat conversation-id="GROUPstudy" inline-search></tim-chat>`,
  play: ({ canvasElement }) => openFind(canvasElement, '스터디'),
  globals: { locale: 'ko' },
};

export const FindNoMatch: Story = { ...FindInChat, play: ({ canvasElement }) => openFind(canvasElement, 'zzzqqq') };
