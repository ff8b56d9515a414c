import { LitElement, type CSSResultGroup } from 'lit';
import { state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { timContext, type TimContextValue } from '../../context/tim-context.js';
import { StoreController } from '../../context/store-controller.js';
import { LocalizeController } from '../../context/localize-controller.js';
import { classifyError, toChatError, type ChatError } from '../../core/index.js';
import { TimErrorEvent } from '../../events/index.js';
import type { ChatStore, StoreState } from '../../store/index.js';
import { hostStyles } from '../../styles/shared.js';

/** The base of every kit element but the provider: host styles and nothing else. */
export class TimBase extends LitElement {
  static override styles: CSSResultGroup = [hostStyles];
}

/**
 * The base of every element inside a provider: the context (store and locale), store selections, strings.
 */
export class TimElement extends TimBase {
  /** @internal The provider's context value. */
  @state()
  protected tim?: TimContextValue;

  constructor() {
    super();
    // What @consume({ context: timContext, subscribe: true }) adds, without the decorator's own code.
    new ContextConsumer(this, { context: timContext, subscribe: true, callback: (value) => (this.tim = value) });
  }

  /** @internal */
  protected readonly l10n = new LocalizeController(this);

  /** The store of the enclosing `<tim-provider>` (undefined outside one, or before it has a core). */
  get store(): ChatStore | undefined {
    return this.tim?.store;
  }

  /** @internal */
  get contextLocale(): string | undefined {
    return this.tim?.locale;
  }

  /** @internal The strings in the current locale. */
  protected get t() {
    return this.l10n.t;
  }

  /** @internal A reactive selection of the store's state. */
  protected select<T>(selector: (state: StoreState) => T): StoreController<T> {
    return new StoreController(this, selector);
  }

  /**
   * @internal Reports a failed user action: fires `tim-error` with a localised text and returns the
   * ChatError. `show` gets the same text, for the element to say where it happened. Both wait for the
   * text when its words have to load (most errors' do, not those that come offline): the event never
   * carries a wrong one.
   */
  protected reportError(error: unknown, scenario: string, show?: (text: string, error: ChatError) => void): ChatError {
    const e = toChatError(error);
    const from = this.parentNode;
    this.l10n.whenErrorText(e.code, (text) => {
      const event = new TimErrorEvent({ code: e.code, message: e.message, scenario, category: classifyError(e.code), text });
      // Removed from the page while the words loaded (the host moved on): the host still hears of it, from
      // where the element was.
      (this.isConnected || !from?.isConnected ? this : from).dispatchEvent(event);
      show?.(text, e);
    });
    return e;
  }
}
