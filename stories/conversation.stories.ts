import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLocalCore, type LocalCore } from '../src/core/local/index.js';
import type { TimConversationActionEvent } from '../src/index.js';

/**
 * `<tim-conversation>`: the conversation list, live from the core. Every story runs on LocalCore (the demo
 * seed logged in as alice unless the story says otherwise): right-click, long-press, Shift+F10 or the ⋯
 * button for actions; the toolbar switches theme, language and direction.
 */
const meta: Meta = {
  title: 'Conversation/tim-conversation',
  component: 'tim-conversation',
  render: () => html`<tim-conversation></tim-conversation>`,
  parameters: { tim: { height: '36rem' } },
};
export default meta;
type Story = StoryObj;

/**
 * A core of its own, logged in, then put in a state. The state is set once the core has sent its login-time
 * list (which the story's store, created later, never sees): from then on the list comes only from the
 * store's own request, which the state holds back or fails.
 */
async function ownCore(dbName: string, setup?: (core: LocalCore) => void | Promise<void>, seed: 'demo' | 'empty' = 'empty') {
  const core = await createLocalCore({ dbName, seed, multiInstance: 'allow' });
  const listed = new Promise<void>((resolve) => {
    const off = core.on('conversationListUpdated', () => (off(), resolve()));
    setTimeout(resolve, 2000);
  });
  await core.login({ userID: 'alice' });
  await listed;
  await setup?.(core);
  return { core };
}

export const Default: Story = {};

export const WithFilterAndHeader: Story = {
  render: () => html`<tim-conversation filter>
    <h2 slot="header" style="margin: 0; padding: 0.75rem 0.75rem 0; font-size: 1.1rem">Chats</h2>
  </tim-conversation>`,
};

export const ActiveConversation: Story = {
  render: () => html`<tim-conversation active-conversation-id="C2Cbob"></tim-conversation>`,
};

export const Empty: Story = { parameters: { tim: { db: 'tim-sb-conversation-empty', seed: 'empty' } } };

export const EmptyWithSlot: Story = {
  parameters: { tim: { db: 'tim-sb-conversation-empty', seed: 'empty' } },
  render: () => html`<tim-conversation>
    <div slot="empty" style="padding: 2rem; text-align: center; color: var(--tim-color-text-muted)">Nobody here yet. Invite your team!</div>
  </tim-conversation>`,
};

/** The list request never answers. */
export const Loading: Story = {
  loaders: [() => ownCore('tim-sb-conversation-loading', (core) => core.faults.set({ latencyMs: 3_600_000 }))],
};

/** The list request fails with a network error; Retry tries again. */
export const LoadFailed: Story = {
  loaders: [() => ownCore('tim-sb-conversation-error', (core) => core.faults.set({ failures: [{ code: 2800, rate: 1, methods: ['getConversationList'] }] }), 'demo')],
};

export const Offline: Story = { parameters: { tim: { after: 'disconnect' } } };

export const KickedOut: Story = { parameters: { tim: { after: 'multipleAccount' } } };

const TEN_THOUSAND = 10_000;

/**
 * 10,000 conversations (imported once into their own database: the first visit fills it in the background,
 * which takes a while; reloads reuse it). The DOM holds only the rows on screen.
 */
export const TenThousand: Story = {
  loaders: [
    () =>
      ownCore('tim-sb-conversation-10k', async (core) => {
        const have = (await core.getConversationList()).length;
        if (have >= TEN_THOUSAND) return;
        const start = Math.floor(Date.now() / 1000) - TEN_THOUSAND * 60;
        void core.bulkImport(
          Array.from({ length: TEN_THOUSAND - have }, (_, k) => {
            const i = have + k;
            return { from: `user${String(i).padStart(5, '0')}`, to: 'alice', payload: { text: `Message number ${i + 1}` }, time: start + i * 60 };
          }),
          { read: true },
        );
      }),
  ],
  render: () => html`<tim-conversation filter></tim-conversation>`,
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Chinese: Story = { globals: { locale: 'zh' }, render: () => html`<tim-conversation filter></tim-conversation>` };

export const Korean: Story = { globals: { locale: 'ko' }, render: () => html`<tim-conversation filter></tim-conversation>` };

export const RightToLeft: Story = { globals: { dir: 'rtl' } };

/** The host adds its own actions; choosing one fires `tim-conversation-action` (logged below the list). */
export const HostActions: Story = {
  render: () => {
    const log = (e: TimConversationActionEvent) => {
      const out = document.getElementById('host-action-log');
      if (out) out.textContent = `tim-conversation-action: ${e.detail.action} on ${e.detail.conversationID}`;
    };
    return html`<tim-conversation
        .actions=${[
          { id: 'archive', label: 'Archive' },
          { id: 'report', label: 'Report', danger: true, when: (c: { type: string }) => c.type === 'C2C' },
        ]}
        @tim-conversation-action=${log}
      ></tim-conversation>
      <output id="host-action-log" style="padding: 0.5rem 0.75rem; color: var(--tim-color-text-muted)">Right-click a conversation.</output>`;
  },
};

/** A host that vetoes deleting pinned conversations. */
export const HostVeto: Story = {
  render: () => html`<tim-conversation
    @tim-before-conversation-action=${(e: Event & { detail: { action: string; conversation: { isPinned: boolean } } }) => {
      if (e.detail.action === 'delete' && e.detail.conversation.isPinned) {
        e.preventDefault();
        alert('Unpin it first.');
      }
    }}
  ></tim-conversation>`,
};

/** `<tim-unread-count>` in a host's tab bar. */
export const UnreadCountInTabBar: Story = {
  render: () => html`<nav style="display: flex; gap: 1.5rem; padding: 0.75rem 1rem; border-block-end: 1px solid var(--tim-color-border); color: var(--tim-color-text)">
      <a href="#" style="color: inherit; display: inline-flex; gap: 0.4rem; align-items: center">Chats <tim-unread-count></tim-unread-count></a>
      <a href="#" style="color: inherit">Contacts</a>
      <a href="#" style="color: inherit; display: inline-flex; gap: 0.4rem; align-items: center">Zero shown <tim-unread-count show-zero max="9"></tim-unread-count></a>
    </nav>
    <tim-conversation></tim-conversation>`,
};
