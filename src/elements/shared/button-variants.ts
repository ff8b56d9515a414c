import { css } from './first-screen.js';

/**
 * The primary and danger variants of the shared `.button` (`buttonStyles`). Only lazy parts draw them: the
 * dialog's footer, the profile views, and the message actions' forward dialog and select bar (in
 * `<tim-chat>`'s root). All of those import the dialog too, so this module ships with the dialog's chunk
 * instead of in the first screen. Include it right after `buttonStyles`.
 */
export const buttonVariantStyles = css`
  .button.primary {
    background: var(--tim-color-accent);
    border-color: transparent;
    color: var(--tim-color-on-accent);
  }
  .button.primary:hover:not(:disabled) {
    /* Keeps the accent: the plain hover rule of buttonStyles is more specific than .button.primary. */
    background: var(--tim-color-accent);
    filter: brightness(1.08);
  }
  .button.danger {
    color: var(--tim-color-danger);
  }
`;
