import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_URL_SCHEMES, safeUrl } from '../../core/index.js';
import { TimElement } from './tim-element.js';
import { hueOf, initialOf } from './text.js';
import { define } from './define.js';

/**
 * An avatar: the picture when its URL passes the provider's allow-list and loads, else the initial of the
 * name on a colour derived from the seed. Optionally with a presence dot.
 *
 * @tagname tim-avatar
 * @summary A user or group avatar with a safe fallback.
 * @csspart image - The picture.
 * @csspart initials - The generated fallback.
 * @csspart presence - The online/offline dot.
 * @cssproperty --tim-avatar-size - Width and height (default 2.75rem).
 * @cssproperty --tim-avatar-radius - Corner radius (default round).
 */
export class TimAvatar extends TimElement {
  static override styles = [
    TimElement.styles,
    css`
      :host {
        display: inline-block;
        position: relative;
        flex: none;
        width: var(--tim-avatar-size, 2.75rem);
        height: var(--tim-avatar-size, 2.75rem);
      }
      .frame,
      img,
      .initials {
        width: 100%;
        height: 100%;
        border-radius: var(--tim-avatar-radius, 50%);
        object-fit: cover;
        display: block;
      }
      .initials {
        display: grid;
        place-items: center;
        color: #fff;
        font-weight: 600;
        font-size: calc(var(--tim-avatar-size, 2.75rem) * 0.42);
        user-select: none;
      }
      .presence {
        position: absolute;
        inset-inline-end: 0;
        inset-block-end: 0;
        width: 28%;
        height: 28%;
        min-width: 8px;
        min-height: 8px;
        border-radius: 50%;
        border: 2px solid var(--tim-color-bg, #fff);
        background: var(--tim-color-muted-badge, #6b737e);
      }
      .presence.online {
        background: var(--tim-color-online, #2e9d4a);
      }
    `,
  ];

  /** Picture URL (untrusted: checked against the allow-list). */
  @property() src = '';
  /** Name the initial is taken from. */
  @property() name = '';
  /** Seed of the fallback colour (a userID or groupID); defaults to the name. */
  @property() seed = '';
  /** 'online' or 'offline' shows a presence dot; empty shows none. */
  @property() presence: 'online' | 'offline' | '' = '';
  /** Accessible label; when empty the avatar is decorative (hidden from screen readers). */
  @property() label = '';

  @state() private failed = '';

  protected override render() {
    const url = safeUrl(this.src, this.tim?.urlSchemes ?? DEFAULT_URL_SCHEMES);
    const showImage = url !== null && this.failed !== url;
    const label = this.label;
    return html`<div class="frame" role=${label ? 'img' : nothing} aria-label=${label || nothing} aria-hidden=${label ? nothing : 'true'}>
      ${showImage
        ? html`<img
            part="image"
            src=${url}
            alt=""
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            @error=${() => (this.failed = url)}
          />`
        : html`<span part="initials" class="initials">${initialOf(this.name || this.seed)}</span>`}
      ${this.presence ? html`<span part="presence" class="presence ${this.presence}"></span>` : nothing}
    </div>`;
  }

  protected override updated(): void {
    // The fallback's colour goes through the element's CSSOM: unlike a `style="…"` attribute, a strict
    // Content-Security-Policy allows it (no 'unsafe-inline' for style attributes).
    const initials = this.renderRoot.querySelector<HTMLElement>('.initials');
    if (initials) {
      const colour = `hsl(${hueOf(this.seed || this.name)} 42% 46%)`;
      initials.style.background = colour;
      // Darkened to an OKLCH lightness of .54 at most, same hue: white then reaches 4.5:1 on every hue (yellows
      // and greens were 2.5:1). A browser without relative colours ignores it and keeps the first.
      initials.style.background = `oklch(from ${colour} min(l, .54) c h)`;
    }
  }
}

define('tim-avatar', TimAvatar);

declare global {
  interface HTMLElementTagNameMap {
    'tim-avatar': TimAvatar;
  }
}
