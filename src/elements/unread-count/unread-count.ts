import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatBadge } from '../../i18n/index.js';
import { TimElement } from '../shared/tim-element.js';

/**
 * The total of unread messages across conversations (muted ones excluded), as a badge for a tab bar or a
 * menu: `<a href="#/chats">Chats <tim-unread-count></tim-unread-count></a>`. Shows nothing at zero unless
 * `show-zero`. The number is read out as "5 unread messages".
 *
 * @tagname tim-unread-count
 * @summary Total unread badge (for tab bars and navigation).
 * @csspart badge - The badge.
 * @cssproperty --tim-color-badge - Badge background.
 * @cssproperty --tim-color-on-badge - Badge text.
 */
export class TimUnreadCount extends TimElement {
  static override styles = [
    TimElement.styles,
    css`
:host{display:inline-flex;vertical-align:middle}
.badge{min-width:1.25rem;height:1.25rem;padding:0 .375rem;border-radius:var(--tim-radius-round,999px);background:var(--tim-color-badge,#d32f2f);color:var(--tim-color-on-badge,#fff);font-size:var(--tim-font-size-xs,.75rem);font-weight:600;line-height:1.25rem;text-align:center;font-variant-numeric:tabular-nums}
.zero{background:var(--tim-color-muted-badge,#6b737e)}
`,
  ];

  /** Above this the badge shows "max+" (default 99). */
  @property({ type: Number }) max = 99;

  /** Show the badge at zero too (default: nothing is shown). */
  @property({ type: Boolean, attribute: 'show-zero' }) showZero = false;

  #total = this.select((s) => s.totalUnread);

  /** The current total (0 outside a provider). */
  get count(): number {
    return this.#total.value ?? 0;
  }

  protected override render() {
    const count = Math.max(0, this.count);
    if (!count && !this.showZero) return nothing;
    const locale = this.l10n.locale;
    return html`<span part="badge" class="badge ${count ? '' : 'zero'}"><span aria-hidden="true" dir="auto">${formatBadge(count, locale, Math.max(1, this.max))}</span><span class="visually-hidden">${this.t.conversation.totalUnread(count)}</span></span>`;
  }
}
