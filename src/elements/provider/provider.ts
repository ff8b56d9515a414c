import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { DEFAULT_URL_SCHEMES, classifyError, unreachable, type ChatCore, type ChatError } from '../../core/index.js';
import { ChatStore, type SessionState } from '../../store/index.js';
import { timContext, type MessageRenderer, type TimContextValue } from '../../context/tim-context.js';
import { ambientLocale, loadCatalog, resolveLocale, sourceCatalog } from '../../i18n/index.js';
import { TimErrorEvent, TimSessionEvent } from '../../events/index.js';
import { tokens } from '../../styles/tokens.js';
import { TimBase } from '../shared/tim-element.js';

/**
 * Holds a chat core and shares it, through a store, with every kit element inside it. It renders nothing of
 * its own (`display: contents`): lay its children out as you like. It sets the design tokens (`--tim-*`) and
 * nothing else: your own content inside it keeps the page's colours and font (to match the kit's theme, use
 * the tokens: `background: var(--tim-color-bg); color: var(--tim-color-text)`). Several providers on one
 * page, each with its own core, stay independent.
 *
 * ```html
 * <tim-provider locale="ko"><tim-conversation></tim-conversation><tim-chat></tim-chat></tim-provider>
 * <script type="module">
 *   provider.core = await createLocalCore({ seed: 'demo' });
 *   await provider.core.login({ userID: 'alice' });
 * </script>
 * ```
 *
 * @tagname tim-provider
 * @summary The context provider: core, store, locale and theme for the elements inside it.
 * @slot - The kit's elements and any layout of the host's.
 * @event {TimSessionEvent} tim-session - The login state changed (logged in, logged out, kicked out, ticket expired).
 * @event {TimErrorEvent} tim-error - The words of the UI language could not be fetched (scenario `locale`, code 2806): the elements stay in English.
 * @cssproperty --tim-font-family - Font of every element.
 * @cssproperty --tim-color-bg - Background of panes.
 * @cssproperty --tim-color-surface - Background of secondary areas (list hover, composer).
 * @cssproperty --tim-color-text - Main text colour.
 * @cssproperty --tim-color-text-muted - Secondary text (times, previews).
 * @cssproperty --tim-color-border - Dividers and outlines.
 * @cssproperty --tim-color-accent - Buttons, links, own message bubbles, focus.
 * @cssproperty --tim-color-badge - Unread badges.
 * @cssproperty --tim-color-bubble-in - Background of other people's messages.
 * @cssproperty --tim-color-bubble-out - Background of own messages.
 * @cssproperty --tim-color-highlight - Search and jump-to-message highlight.
 * @cssproperty --tim-radius-m - Corner radius of bubbles and cards.
 * @cssproperty --tim-space-3 - The base spacing step.
 */
export class TimProvider extends TimBase {
  // Only the tokens, which the kit's elements read: no colour, font or color-scheme of its own, since with
  // `display: contents` it paints no background, and the host's own content inside it (a header, a
  // placeholder) keeps the page's look. Every element sets its own colours, font and scheme from the tokens.
  static override styles = [tokens, css`:host{display:contents}:host([hidden]){display:none}`];

  /** The chat core (LocalCore, TencentCore, or any ChatCore). Set as a property. */
  @property({ attribute: false }) core: ChatCore | undefined;

  /**
   * UI language (BCP 47: en, zh, zh-CN, ko…). Empty: the document's `lang`, else the browser's. The provider's
   * `lang` attribute says the language its elements then speak (`en` for an unsupported one), for screen readers.
   */
  @property({ reflect: true }) locale = '';

  /** Color scheme: `light`, `dark`, or `auto` (the user's preference). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * Renderers for custom messages, keyed by the `businessID` in the message's `data` JSON:
   * `provider.messageRenderers = { RED_PACKET: (message, data) => html\`…\` }`. Set as a property.
   */
  @property({ attribute: false }) messageRenderers: Readonly<Record<string, MessageRenderer>> = {};

  /** URL schemes allowed for links, avatars and media sent by other users. Set as a property. */
  @property({ attribute: false }) urlSchemes: readonly string[] = DEFAULT_URL_SCHEMES;

  #context = new ContextProvider(this, { context: timContext });
  #store: ChatStore | undefined;
  #unsubscribeSession: (() => void) | undefined;
  #langObserver: MutationObserver | undefined;

  /** The store the elements share: state slices and actions (read-only; follows `core`). */
  get store(): ChatStore | undefined {
    return this.#store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Without an explicit locale, follow the document's `lang` as it changes.
    this.#langObserver = new MutationObserver(() => !this.locale && this.requestUpdate());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('core')) this.#replaceStore();
    const store = this.#store;
    const value: TimContextValue | undefined = store && {
      store,
      locale: this.locale || ambientLocale(),
      messageRenderers: this.messageRenderers,
      urlSchemes: this.urlSchemes,
    };
    const current = this.#context.value;
    if (
      value?.store !== current?.store ||
      value?.locale !== current?.locale ||
      value?.messageRenderers !== current?.messageRenderers ||
      value?.urlSchemes !== current?.urlSchemes
    ) {
      this.#context.setValue(value);
      if (value && value.locale !== current?.locale) this.#loadWords(value.locale);
    }
  }

  /**
   * Fetches the words of a UI language (the elements show them once they are there). Words that cannot be
   * fetched leave the elements in English, readable; the host hears of it, since only a reload brings them.
   */
  #loadWords(locale: string): void {
    const words = resolveLocale(locale);
    // The language the elements speak, for screen readers to pick their voice (the page's may differ).
    this.lang = words;
    loadCatalog(words)
      .catch(unreachable)
      .catch(({ code, message }: ChatError) => {
        this.lang = 'en';
        this.dispatchEvent(
          new TimErrorEvent({ code, message, scenario: 'locale', category: classifyError(code), text: sourceCatalog.errors.byCode[code]! }),
        );
      });
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #replaceStore(): void {
    this.#unsubscribeSession?.();
    this.#store?.destroy();
    this.#store = this.core ? new ChatStore(this.core) : undefined;
    const store = this.#store;
    if (!store) return;
    let last: SessionState = store.state.session;
    this.#unsubscribeSession = store.subscribe((state) => {
      const s = state.session;
      if (s.status === last.status && s.userID === last.userID) return;
      last = s;
      this.dispatchEvent(
        new TimSessionEvent({ status: s.status, userID: s.userID, ...(s.kickReason ? { kickReason: s.kickReason } : {}) }),
      );
    });
  }
}
