import {
  css,
  html,
  nothing,
  property,
  query,
  state,
  buttonStyles,
  TimElement,
  define,
  provideSourceArea,
  ChatErrorCode,
  toChatError,
} from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type {
  ConversationID,
} from '../../core/index.js';
import type { TimChat } from './chat.js';
import searchStrings from '../../i18n/en/search.js';
import { searchTerms } from '../search/highlight.js';

// The English search strings travel with this lazy chunk, not in the initial bundle.
provideSourceArea('search', searchStrings);

const DEBOUNCE_MS = 250;
const PAGE = 50;

/**
 * Opens the find bar over a chat's history (or focuses the open one). The chat keeps no state for it:
 * the bar lives in the chat's history region until closed, and returns the focus where it was.
 */
export function openFindBar(chat: TimChat): void {
  define('tim-chat-find', TimChatFind);
  const main = chat.renderRoot.querySelector('.main');
  if (!main) return;
  let bar = main.querySelector('tim-chat-find');
  if (!bar) {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    bar = Object.assign(document.createElement('tim-chat-find'), { chat, returnTo: active as HTMLElement | null });
    bar.setAttribute('part', 'find-bar');
    // First: outside the range of the history's template part (which clears what follows it on a change).
    main.prepend(bar);
  }
  void bar.focusField();
}

/**
 * @internal Find in the conversation, over `<tim-chat>`'s history (Ctrl/Cmd+F, or the header's search
 * button with `inline-search`): the hits of a keyword, newest first, with a count; Enter / the up button go
 * to the next older hit, Shift+Enter / the down button to the next newer one (wrapping round), each shown
 * with the chat's own jump to a message. Escape closes. A lazy chunk of the chat.
 */
export class TimChatFind extends TimElement {
  static override styles = [
    TimElement.styles,
    buttonStyles,
    css`
      :host{position:absolute;inset-block-start:var(--tim-space-2);inset-inline:var(--tim-space-3);z-index:2;display:flex;justify-content:flex-end;pointer-events:none}
      .bar{pointer-events:auto;display:flex;align-items:center;gap:var(--tim-space-1);inline-size:min(100%,26rem);padding-block:var(--tim-space-1);padding-inline:var(--tim-space-3) var(--tim-space-1);border:1px solid var(--tim-color-border);border-radius:var(--tim-radius-round);background:var(--tim-color-surface-raised);box-shadow:var(--tim-shadow-raised)}
      .bar:focus-within{border-color:var(--tim-color-focus);box-shadow:0 0 0 1px var(--tim-color-focus),var(--tim-shadow-raised)}
      input:focus-visible{outline:none}
      input{flex:1;min-inline-size:0;min-block-size:2.25rem;border:0;background:none;font:inherit;color:var(--tim-color-text);outline:none}
      .count{flex:none;font-size:var(--tim-font-size-s);color:var(--tim-color-text-muted);font-variant-numeric:tabular-nums;white-space:nowrap}
      .up svg{transform:rotate(180deg)}
      .icon-button{inline-size:2rem;block-size:2rem}
    `,
  ];

  /** The chat searched (its conversation) and shown (its jump to a message). */
  @property({ attribute: false }) chat: TimChat | undefined;
  /** Where the focus goes back when the bar closes. */
  returnTo: HTMLElement | null = null;

  @state() private text = '';
  @state() private hits: readonly string[] = [];
  @state() private total = 0;
  @state() private index = -1;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
  @query('input') private input!: HTMLInputElement;

  #cursor = '';
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The conversation the hits are of. */
  #conversation = '';
  // Another conversation in the chat: the hits are of the old one, search again.
  #watch = new MutationObserver(() => {
    if (this.chat?.conversationId !== this.#conversation) void this.#run();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.chat) this.#watch.observe(this.chat, { attributes: true, attributeFilter: ['conversation-id'] });
  }

  /** Closes the bar and puts the focus back. */
  close(): void {
    this.remove();
    this.returnTo?.focus();
  }

  /** Focuses the field and selects its text. */
  async focusField(): Promise<void> {
    await this.updateComplete;
    this.input.focus();
    this.input.select();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#generation++;
    this.#watch.disconnect();
  }

  protected override willUpdate(): void {
    if (!this.store?.core.capabilities.messageSearch) this.status = 'unavailable';
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const generation = ++this.#generation;
    const terms = searchTerms(this.text);
    this.#conversation = this.chat?.conversationId ?? '';
    this.hits = [];
    this.index = -1;
    this.total = 0;
    this.#cursor = '';
    if (this.status === 'unavailable' || !this.store) return;
    if (!terms.length) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    if (!(await this.#page(generation, terms))) return;
    this.status = 'ready';
    if (this.hits.length) await this.#go(0);
  }

  /** Loads the next page of hits; false when stale or failed. */
  async #page(generation: number, terms = searchTerms(this.text)): Promise<boolean> {
    try {
      const result = await this.store!.searchMessages({
        conversationID: this.#conversation as ConversationID,
        keywordList: terms,
        keywordListMatchType: 'and',
        count: PAGE,
        ...(this.#cursor ? { cursor: this.#cursor } : {}),
      });
      if (generation !== this.#generation) return false;
      const seen = new Set(this.hits);
      this.hits = [...this.hits, ...result.resultList.flatMap((g) => g.messageList.map((m) => m.ID)).filter((id) => !seen.has(id))];
      this.total = Math.max(result.totalCount, this.hits.length);
      this.#cursor = result.cursor;
      return true;
    } catch (error) {
      if (generation !== this.#generation) return false;
      if (toChatError(error).code === ChatErrorCode.SEARCH_UNAVAILABLE) this.status = 'unavailable';
      else {
        this.status = 'error';
        this.reportError(error, 'searchMessages');
      }
      return false;
    }
  }

  async #go(index: number): Promise<void> {
    this.index = index;
    const id = this.hits[index];
    if (id) await this.chat?.scrollToMessage(id);
  }

  /** +1: the next older hit; -1: the next newer one. Wraps round once every hit is loaded. */
  async #step(delta: 1 | -1): Promise<void> {
    if (this.chat?.conversationId !== this.#conversation) return void this.#run();
    if (this.status !== 'ready' || !this.hits.length) return;
    let next = this.index + delta;
    if (next >= this.hits.length && this.#cursor) {
      const generation = this.#generation;
      if (!(await this.#page(generation))) return;
    }
    if (next >= this.hits.length) next = 0;
    if (next < 0) next = this.#cursor ? 0 : this.hits.length - 1;
    await this.#go(next);
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.#timer !== undefined) void this.#run();
      else void this.#step(e.shiftKey ? -1 : 1);
    }
  }

  /** Every input event copies the field into `text`, so the `.value` binding never lags what was typed (no
   *  `live()` needed). */
  #onInput(e: InputEvent): void {
    this.text = (e.target as HTMLInputElement).value;
    if (e.isComposing) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), DEBOUNCE_MS);
  }

  protected override render() {
    const t = this.t.search;
    const n = (x: number) => new Intl.NumberFormat(this.l10n.locale).format(x);
    const count =
      this.status === 'unavailable'
        ? t.unavailable
        : this.status === 'loading'
          ? t.searching
          : this.status === 'error'
            ? t.failed
            : this.status === 'ready'
              ? this.hits.length
                ? t.position(n(this.index + 1), n(this.total))
                : t.noMatch
              : '';
    const stepping = this.status !== 'ready' || !this.hits.length;
    return html`<div class="bar" role="search" aria-label=${t.find}>
      <input
        aria-label=${t.find}
        placeholder=${t.find}
        autocomplete="off"
        enterkeyhint="search"
        ?disabled=${this.status === 'unavailable'}
        .value=${this.text}
        @input=${this.#onInput}
        @compositionend=${() => void this.#run()}
        @keydown=${this.#onKeydown}
      />
      <span class="count" role="status" aria-live="polite">${count}</span>
      ${this.status === 'unavailable'
        ? nothing
        : html`<button class="icon-button up" aria-label=${t.older} ?disabled=${stepping} @click=${() => void this.#step(1)}>${icon('chevronDown')}</button>
            <button class="icon-button" aria-label=${t.newer} ?disabled=${stepping} @click=${() => void this.#step(-1)}>${icon('chevronDown')}</button>`}
      <button class="icon-button" aria-label=${t.closeFind} @click=${() => this.close()}>${icon('close')}</button>
    </div>`;
  }
}
