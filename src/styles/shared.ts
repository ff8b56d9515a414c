import { css } from 'lit';

/**
 * Host defaults every element shares (through TimElement). Each element sets its own colour, font and
 * `color-scheme` (that of its controls and scrollbars) from the tokens: the provider sets none of them, so
 * the host's own content inside it keeps the page's.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--tim-font-family, system-ui, sans-serif);
    font-size: var(--tim-font-size-m, 0.9375rem);
    line-height: var(--tim-line-height, 1.4);
    color: var(--tim-color-text, #1b1f24);
    color-scheme: var(--tim-color-scheme, normal);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--tim-color-focus, #1463d9);
    outline-offset: 2px;
  }
  /* A virtual list's row wrapper contains its children's margins, so its measured height includes them. */
  [data-vkey] {
    display: flow-root;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      /* Once: an endless animation (the spinner) at 0.01ms would show a new angle every frame, a flicker. */
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * Plain buttons that look like the kit's. The `.primary` and `.danger` variants, which only lazy parts draw, are
 * `buttonVariantStyles` (`elements/shared/button-variants.ts`).
 */
export const buttonStyles = css`
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    margin: 0;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--tim-space-1);
    min-height: 2.25rem;
    padding: 0 var(--tim-space-4);
    border-radius: var(--tim-radius-s);
    border: 1px solid var(--tim-color-border);
    background: var(--tim-color-surface-raised);
    font-weight: 500;
  }
  .button:hover:not(:disabled) {
    background: var(--tim-color-hover);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: var(--tim-radius-round);
    color: var(--tim-color-text-muted);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--tim-color-hover);
    color: var(--tim-color-text);
  }
  .icon-button svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  /* Every back button's chevron points the way back: mirrored right to left. */
  :host(:dir(rtl)) [part='back-button'] svg {
    transform: scaleX(-1);
  }
`;

/**
 * Styles for `stateView()` (`elements/shared/state-view.ts`): include in the element's styles. They live here,
 * with the other shared styles, so a lazy chunk that shows a state needs only this module.
 */
export const stateViewStyles = css`
  .state {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--tim-space-3);
    padding: var(--tim-space-5);
    text-align: center;
    color: var(--tim-color-text-muted);
    min-height: 8rem;
  }
  .state.error {
    color: var(--tim-color-danger);
  }
  /* The kit's spinner (an element sizes its own; the state view's is 1.5rem). */
  .spinner {
    display: inline-block;
    border-radius: 50%;
    border: 2px solid var(--tim-color-border);
    border-block-start-color: var(--tim-color-accent);
    animation: tim-spin 0.8s linear infinite;
  }
  .state .spinner {
    width: 1.5rem;
    height: 1.5rem;
  }
  @keyframes tim-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
