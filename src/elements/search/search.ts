import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TimElement } from '../shared/tim-element.js';
import { stateView } from '../shared/state-view.js';
import { backBar, backBarStyles } from '../shared/back-bar.js';
import { buttonStyles, stateViewStyles } from '../../styles/shared.js';
import { previewText } from '../shared/message-preview.js';
import { formatListTime } from '../../i18n/format.js';
import { conversationAvatar, conversationShowName, memberShowName, userShowName } from '../../store/selectors.js';
import { stripControls } from '../shared/text.js';
import { VirtualList } from '../shared/virtual-list.js';
import { TimNavigateEvent } from '../../events/navigate.js';
import { loadOnce } from '../../load-once.js';
import { unreachable } from '../../core/index.js';

type Lazy = typeof import('./lazy.js');
/** The body's chunk, once loaded (its panel registered, by a call rather than at load). */
let body: Lazy | undefined;
/** Loads the body once (a lazy chunk: the panel, its template and its parts). */
const loadPanel = loadOnce(() =>
  import('./lazy.js').catch(unreachable).then((m) => {
    m.definePanel({ previewText, stateView, VirtualList, conversationAvatar, conversationShowName, memberShowName, userShowName, formatListTime, stripControls, TimNavigateEvent });
    body = m;
  }),
);

/**
 * Search, global or inside one conversation (the seed's TIMUIKitSearch and TIMUIKitSearchMsgDetail).
 *
 * Without `conversation-id` it searches as the user types (after a short pause; an answer to an older
 * query is dropped): **contacts** (friends and known users, by user ID, name or remark), **groups** (by
 * name or ID) and **messages**, grouped per conversation with their number of hits. Each section shows
 * its first few results and "Show more". A conversation with several hits opens its hits in place (Back
 * returns to all results, where they were). With `conversation-id` it lists the hits inside that
 * conversation, newest first, loading further pages as the list scrolls.
 *
 * Filters: message type (all, text, images and videos, files, other), time (today, the last 3, 7 or 30
 * days, any time) and, in a group, the sender. With a filter, an empty keyword lists every matching
 * message. Keywords are literal text matched case-insensitively after NFKC normalisation (Chinese, Korean,
 * emoji, `<`, `&`, `.*` are plain characters); white space separates words that must all occur. Each match
 * is marked in names and message text (`::part(match)`).
 *
 * Opening a result fires `tim-navigate`: `{ to: 'chat', conversationID, messageID }` for a message (a
 * `<tim-chat message-id>` then opens at it and highlights it), `{ to: 'profile', userID }` for a contact,
 * `{ to: 'group', groupID }` for a group.
 *
 * Keyboard: the field is a combobox over the results: Arrow Down / Up (and Page Down / Up) move through
 * results and "Show more", Enter opens the active one (or searches at once), Escape clears the field, then
 * returns from a conversation's hits. The number of results is announced politely. States: a hint before
 * typing, searching, no results, failed (with Retry), and, on a core without message search
 * (`capabilities.messageSearch` false or error 60020), contacts and groups only, with a notice saying so.
 * The body is a lazy chunk, loaded when the element first connects.
 *
 * @tagname tim-search
 * @summary Global or in-conversation search of contacts, groups and messages.
 *
 * @csspart header - The bar with the back button and the title or the searched conversation.
 * @csspart back-button - Back (fires `tim-navigate` `{to:'back'}`, or returns from a conversation's hits).
 * @csspart scope - The avatar and name of the searched conversation.
 * @csspart field - The search field (icon, input, clear button).
 * @csspart input - The text input.
 * @csspart clear-button - The button that clears the field.
 * @csspart filters - The row of filters.
 * @csspart filter - Each filter (a select).
 * @csspart notice - Notices: message search not available, a section that failed.
 * @csspart count - The number of hits inside a conversation.
 * @csspart results - The scrolling results (`role="listbox"`).
 * @csspart section - A section of the global results (contacts, groups, messages).
 * @csspart section-title - A section's title and count.
 * @csspart item - A result.
 * @csspart name - A result's name.
 * @csspart time - A message result's time.
 * @csspart detail - A result's second line (ID, message text, number of hits).
 * @csspart match - A matched keyword (`<mark>`).
 * @csspart more-button - "Show more".
 * @csspart state - Hint, loading, empty and error states.
 *
 * @event {TimNavigateEvent} tim-navigate - The user opened a result (`chat` with `messageID`, `profile`, `group`) or went back.
 * @event {TimErrorEvent} tim-error - A search failed (scenario `searchContacts` or `searchMessages`), or the body's code
 *   could not be loaded (`openSearch`, code 2806: offline; shown in place with Retry).
 */
export class TimSearch extends TimElement {
  /** @internal Focusing the element focuses its search field. */
  static override shadowRootOptions: ShadowRootInit = { ...TimElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    TimElement.styles,
    buttonStyles,
    stateViewStyles,
    backBarStyles,
    css`
      :host{display:flex;flex-direction:column;min-block-size:0;background:var(--tim-color-bg)}
      tim-search-panel{flex:1;min-block-size:0}
    `,
  ];

  /** Search inside this conversation (`C2C<userID>` or `GROUP<groupID>`); empty searches everything. */
  @property({ attribute: 'conversation-id', reflect: true }) conversationId = '';

  /** A keyword to search for: fills the field and searches at once (the user may then type). */
  @property() keyword: string | undefined;

  /** Hides the back button. */
  @property({ type: Boolean, attribute: 'no-back', reflect: true }) noBack = false;

  /** The code of the error that kept the body's code from loading (offline: 2806), shown with Retry; 0 when none. */
  @state() private failed = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!body) this.#load();
  }

  /** Focus asked for before the field was drawn (the body's code still loading): given to it once it is. */
  #focusWanted: FocusOptions | undefined;

  /**
   * Focuses the search field. (The focus a click or `delegatesFocus` gives goes to the first control, the
   * Back button; a host that opens the search and calls `focus()` means the field.) Asked before the
   * search's code has loaded, it is given once the field is there.
   */
  override focus(options?: FocusOptions): void {
    this.#focusWanted = options ?? {};
    this.#giveFocus();
  }

  protected override updated(): void {
    this.#giveFocus();
  }

  #giveFocus(): void {
    const panel = this.renderRoot.querySelector<HTMLElement & { focusField(options: FocusOptions): void }>('tim-search-panel');
    if (panel && this.#focusWanted) {
      panel.focusField(this.#focusWanted);
      this.#focusWanted = undefined;
    }
  }

  #load(): void {
    this.failed = 0;
    loadPanel().then(
      () => this.requestUpdate(),
      // Said in place (Retry: a page keeps a failed fetch in Chromium, not in every browser), and to the host.
      (error: unknown) => void this.reportError(error, 'openSearch', (_, e) => (this.failed = e.code)),
    );
  }

  protected override render() {
    if (body) return body.renderPanel(this.conversationId, this.keyword, this.noBack);
    // Back while the panel loads or cannot be loaded (offline): a phone user is not stuck here.
    return html`${this.noBack ? '' : backBar(this, this.t.common.back)}${this.failed
        ? stateView({ kind: 'error', text: this.l10n.errorText(this.failed) ?? '', action: { label: this.t.common.retry, run: () => this.#load() } })
        : stateView({ kind: 'loading', text: this.t.common.loading })}`;
  }
}
