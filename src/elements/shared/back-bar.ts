import { css, html } from 'lit';
import { TimNavigateEvent } from '../../events/navigate.js';
import { icon } from './icons.js';

/**
 * The back button of `<tim-profile>` and `<tim-search>` above their lazy views (and in place of them while
 * they load or cannot be loaded): the chat's back button (part `back-button`, the back chevron, mirrored
 * right to left by `buttonStyles`), firing `tim-navigate` `{to:'back'}` from `from`. Styled by `backBarStyles`.
 */
export const backBar = (from: HTMLElement, label: string) =>
  html`<div class="bar"><button class="icon-button" part="back-button" aria-label=${label} @click=${() => from.dispatchEvent(new TimNavigateEvent({ to: 'back' }))}>
    ${icon('back')}
  </button></div>`;

export const backBarStyles = css`.bar{padding:var(--tim-space-2) var(--tim-space-3) 0}`;
