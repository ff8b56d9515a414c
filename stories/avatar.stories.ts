import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * `<tim-avatar>`: a user's or group's picture when its URL passes the provider's allow-list and loads, else
 * the initial of the name on a colour derived from the seed; optionally a presence dot. The elements use it
 * everywhere; hosts may too (the demo's header does).
 */
const meta: Meta = {
  title: 'Avatar/tim-avatar',
  component: 'tim-avatar',
  render: () => html`<div style="display: flex; gap: 1rem; align-items: center; padding: 1rem; color: var(--tim-color-text)">
    <tim-avatar name="Alice Chen" seed="alice" presence="online"></tim-avatar>
    <tim-avatar name="李雷" seed="lilei" presence="offline"></tim-avatar>
    <tim-avatar name="김민지" seed="minji"></tim-avatar>
    <tim-avatar name="Product Team" seed="team" style="--tim-avatar-radius: 0.6rem"></tim-avatar>
    <tim-avatar name="Zoe" seed="zoe" style="--tim-avatar-size: 4rem"></tim-avatar>
    <tim-avatar name="A picture" seed="pic" src=${PICTURE}></tim-avatar>
  </div>`,
  parameters: { tim: { height: '7rem' } },
};
export default meta;
type Story = StoryObj;

/** A small SVG picture as a data URL (no network). */
const PICTURE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#2b7a78"/><circle cx="20" cy="16" r="7" fill="#def2f1"/><rect x="9" y="26" width="22" height="10" rx="5" fill="#def2f1"/></svg>')}`;

/** Initials on seeded colours, presence dots, a custom radius and size, a picture. */
export const Default: Story = {};

export const Dark: Story = { globals: { theme: 'dark' } };

/** A hostile URL (`javascript:`) and a picture that fails to load both fall back to the initial. */
export const UnsafeOrBrokenPicture: Story = {
  render: () => html`<div style="display: flex; gap: 1rem; padding: 1rem">
    <tim-avatar name="Mallory" seed="mallory" src="javascript:alert(1)"></tim-avatar>
    <tim-avatar name="Broken" seed="broken" src="data:image/png;base64,AAAA"></tim-avatar>
  </div>`,
};
