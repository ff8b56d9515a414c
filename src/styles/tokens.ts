import { css } from 'lit';

/** Dark values, applied by `theme="dark"` or by the user's preference. */
const dark = css`
    --tim-color-bg: #15181c;
    --tim-color-surface: #1d2126;
    --tim-color-surface-raised: #262b31;
    --tim-color-hover: rgb(255 255 255 / 0.06);
    --tim-color-selected: #1f3556;
    --tim-color-text: #e7eaee;
    --tim-color-text-muted: #a3abb6;
    --tim-color-border: #343a42;
    --tim-color-accent: #6ea8ff;
    --tim-color-on-accent: #0b1220;
    --tim-color-danger: #ff8a80;
    --tim-color-success: #81c995;
    --tim-color-warning: #f2c25b;
    --tim-color-badge: #ff6b5e;
    --tim-color-on-badge: #1b0a08;
    --tim-color-muted-badge: #7d8590;
    --tim-color-bubble-in: #262b31;
    --tim-color-on-bubble-in: #e7eaee;
    --tim-color-bubble-out: #2f6fd6;
    --tim-color-on-bubble-out: #ffffff;
    --tim-color-highlight: #7a5d00;
    --tim-color-on-highlight: #fff7d6;
    --tim-color-focus: #8ab8ff;
    --tim-shadow-raised: 0 4px 18px rgb(0 0 0 / 0.5);
    --tim-color-scheme: dark;
`;

/**
 * The design tokens, set by `<tim-provider>` on its host and inherited by every element inside it.
 * Override any of them on `tim-provider` (or on one element) from the page:
 * `tim-provider { --tim-color-accent: rebeccapurple; }`.
 * `theme="dark"` / `theme="light"` force a scheme; otherwise the user's `prefers-color-scheme` decides.
 * `--tim-color-scheme` is the `color-scheme` each element sets on itself (its controls, its scrollbars): the
 * provider sets none, so the host's own content inside it keeps the page's.
 */
export const tokens = css`
  :host {
    --tim-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', 'Noto Sans SC', sans-serif;
    --tim-font-size-xs: 0.75rem;
    --tim-font-size-s: 0.8125rem;
    --tim-font-size-m: 0.9375rem;
    --tim-font-size-l: 1.0625rem;
    --tim-line-height: 1.4;
    --tim-space-1: 0.25rem;
    --tim-space-2: 0.5rem;
    --tim-space-3: 0.75rem;
    --tim-space-4: 1rem;
    --tim-space-5: 1.5rem;
    --tim-radius-s: 0.375rem;
    --tim-radius-m: 0.75rem;
    --tim-radius-l: 1.125rem;
    --tim-radius-round: 999px;
    --tim-avatar-size: 2.75rem;
    --tim-transition: 120ms ease-out;

    --tim-color-bg: #ffffff;
    --tim-color-surface: #f5f6f8;
    --tim-color-surface-raised: #ffffff;
    --tim-color-hover: rgb(0 0 0 / 0.045);
    --tim-color-selected: #e8f0fe;
    --tim-color-text: #1b1f24;
    --tim-color-text-muted: #5f6773;
    --tim-color-border: #dde1e6;
    --tim-color-accent: #1463d9;
    --tim-color-on-accent: #ffffff;
    --tim-color-danger: #c62828;
    --tim-color-success: #2e7d32;
    --tim-color-warning: #8a5a00;
    --tim-color-badge: #d32f2f;
    --tim-color-on-badge: #ffffff;
    --tim-color-muted-badge: #6b737e;
    --tim-color-bubble-in: #f0f2f5;
    --tim-color-on-bubble-in: #1b1f24;
    --tim-color-bubble-out: #1463d9;
    --tim-color-on-bubble-out: #ffffff;
    --tim-color-highlight: #ffe58a;
    --tim-color-on-highlight: #1b1f24;
    --tim-color-focus: #1463d9;
    --tim-color-online: #2e9d4a;
    --tim-shadow-raised: 0 4px 16px rgb(0 0 0 / 0.12), 0 1px 3px rgb(0 0 0 / 0.08);
    --tim-color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
`;
