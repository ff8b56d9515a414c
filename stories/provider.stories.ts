import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * `<tim-provider>` holds the core and shares it with the elements inside it. Here it wraps `<tim-status>`,
 * which shows the session and network states a provider's elements all show.
 */
const meta: Meta = {
  title: 'Provider/tim-provider',
  component: 'tim-provider',
  render: () => html`<tim-status></tim-status>
    <p style="padding: 1rem; color: var(--tim-color-text-muted)">Above: the status line every element shows. It is empty while all is well.</p>`,
};
export default meta;
type Story = StoryObj;

export const LoggedIn: Story = {};

export const Offline: Story = { parameters: { tim: { after: 'disconnect' } } };

export const KickedOutByAnotherLogin: Story = { parameters: { tim: { after: 'multipleAccount' } } };

export const TicketExpired: Story = { parameters: { tim: { after: 'userSigExpired' } } };

export const LoggedOut: Story = { parameters: { tim: { user: '' } } };

export const Korean: Story = { parameters: { tim: { after: 'disconnect' } }, globals: { locale: 'ko' } };

export const Chinese: Story = { parameters: { tim: { after: 'userSigExpired' } }, globals: { locale: 'zh' } };
