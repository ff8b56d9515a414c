import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * `<tim-unread-count>`: the total of unread messages (muted conversations excluded), for a tab bar or a
 * menu. Live: it follows the store. Nothing shows at zero unless `show-zero`.
 */
const meta: Meta = {
  title: 'Unread count/tim-unread-count',
  component: 'tim-unread-count',
  render: (args) => html`<p style="padding: 1rem; display: flex; gap: 0.5rem; align-items: center; color: var(--tim-color-text)">
    Chats <tim-unread-count max=${args.max ?? 99} ?show-zero=${args['show-zero']}></tim-unread-count>
  </p>`,
  parameters: { tim: { height: '6rem' } },
};
export default meta;
type Story = StoryObj;

/** alice's total from the demo seed. */
export const Default: Story = {};

/** Above `max` the badge says "9+". */
export const Capped: Story = { args: { max: 9 } };

/** A new user with nothing unread, with `show-zero`. */
export const Zero: Story = { args: { 'show-zero': true }, parameters: { tim: { user: 'newcomer', seed: 'empty', db: 'tim-storybook-empty', height: '6rem' } } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Korean: Story = { globals: { locale: 'ko' } };
