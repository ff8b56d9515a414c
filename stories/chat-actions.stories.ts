import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConversationID, TimChat } from '../src/index.js';

/**
 * `<tim-chat>`'s message actions, on LocalCore (the demo seed, logged in as alice). Right-click a message,
 * long-press it on a touch screen, or focus it and press the context-menu key or Shift+F10; hover a message
 * for its toolbar. These stories open each surface on their own: the menu, the forward dialog, multi-select
 * and the read receipts of a group message. The toolbar switches theme, language and direction.
 */
const meta: Meta = {
  title: 'Chat/Message actions',
  component: 'tim-chat',
  parameters: { tim: { height: '40rem' } },
};
export default meta;
type Story = StoryObj;

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** The chat once the message's row is drawn, with its actions loaded. */
async function ready(canvas: HTMLElement, messageID: string) {
  for (;;) {
    const chat = (canvas.querySelector('tim-chat') ?? document.querySelector('tim-chat')) as TimChat | null;
    const row = chat?.shadowRoot?.querySelector<HTMLElement>(`.scroller:not(.opening) .row[data-id="${messageID}"]`);
    const message = chat?.store?.findMessage(messageID);
    if (chat && row && message) {
      const actions = await chat.loadActions();
      await frame();
      return { chat, row, message, actions };
    }
    await frame();
  }
}

/** The menu of an own text message: copy, reply, edit, forward, select, delete (recall only within the window). */
export const ActionMenu: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-question"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { row, message, actions } = await ready(canvasElement, 'seed-bob-question');
    row.focus();
    await actions.openMenu(message, row);
  },
};
export const ActionMenuDark: Story = { ...ActionMenu, globals: { theme: 'dark' } };
export const ActionMenuChinese: Story = { ...ActionMenu, globals: { locale: 'zh' } };
export const ActionMenuRtl: Story = { ...ActionMenu, globals: { dir: 'rtl' } };

/** The toolbar of the message under the pointer (here: the focused one). */
export const Toolbar: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-links"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { row } = await ready(canvasElement, 'seed-bob-links');
    row.focus();
  },
};
export const ToolbarRtl: Story = { ...Toolbar, globals: { dir: 'rtl' } };

/** Forwarding: a searchable list of conversations to pick from. */
export const ForwardDialog: Story = {
  render: () => html`<tim-chat conversation-id="C2Cbob" message-id="seed-bob-links"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { row, message, actions } = await ready(canvasElement, 'seed-bob-links');
    row.focus();
    await actions.run('forward', message);
  },
};
export const ForwardDialogDark: Story = { ...ForwardDialog, globals: { theme: 'dark' } };
export const ForwardDialogKorean: Story = { ...ForwardDialog, globals: { locale: 'ko' } };

/** Multi-select: checkboxes on the messages, and a bar of bulk actions in place of the composer. */
export const MultiSelect: Story = {
  render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { chat, message, actions } = await ready(canvasElement, 'seed-team-at-alice');
    await actions.run('select', message);
    const w = chat.store!.state.windows.get('GROUPteam' as ConversationID)!;
    const next = w.messages.find((m) => m.from === 'carol' && m.time > message.time);
    if (next) chat.shadowRoot!.querySelector<HTMLElement>(`.row[data-id="${next.ID}"] .bubble`)?.click();
  },
};
export const MultiSelectDark: Story = { ...MultiSelect, globals: { theme: 'dark' } };
export const MultiSelectRtl: Story = { ...MultiSelect, globals: { dir: 'rtl', locale: 'zh' } };

/** Who read an own group message, and who has not. */
export const ReadReceipts: Story = {
  render: () => html`<tim-chat conversation-id="GROUPteam"></tim-chat>`,
  play: async ({ canvasElement }) => {
    const { row, message, actions } = await ready(canvasElement, 'seed-team-receipt');
    row.focus();
    await actions.run('receipts', message);
  },
};
export const ReadReceiptsDark: Story = { ...ReadReceipts, globals: { theme: 'dark' } };
export const ReadReceiptsChinese: Story = { ...ReadReceipts, globals: { locale: 'zh' } };
