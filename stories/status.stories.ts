import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * `<tim-status>`: one line for the session and network states every element shares (offline, connecting,
 * kicked out, ticket expired), with a way forward. Empty while all is well. The chat and the list include it;
 * a host may place its own.
 */
const meta: Meta = {
  title: 'Status/tim-status',
  component: 'tim-status',
  render: () => html`<tim-status></tim-status>`,
  parameters: { tim: { height: '6rem' } },
};
export default meta;
type Story = StoryObj;

export const Offline: Story = { parameters: { tim: { after: 'disconnect', height: '6rem' } } };

export const KickedOut: Story = { parameters: { tim: { after: 'multipleAccount', height: '6rem' } } };

export const TicketExpired: Story = { parameters: { tim: { after: 'userSigExpired', height: '6rem' } } };

export const OfflineDark: Story = { parameters: { tim: { after: 'disconnect', height: '6rem' } }, globals: { theme: 'dark' } };

export const KickedOutChinese: Story = { parameters: { tim: { after: 'multipleAccount', height: '6rem' } }, globals: { locale: 'zh' } };
