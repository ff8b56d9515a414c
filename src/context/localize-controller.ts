import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ambientLocale,
  catalogIfLoaded,
  loadCatalog,
  loadMoreErrors,
  resolveLocale,
  sourceCatalog,
  type Catalog,
  type LocaleCode,
} from '../i18n/index.js';
import { classifyError } from '../core/index.js';

export interface LocaleHost extends ReactiveControllerHost {
  /** The locale from context, if any. */
  readonly contextLocale: string | undefined;
}

/** The text of a service error code in a catalog; undefined when it is in `moreErrors`, not loaded yet. */
function textOf({ errors, moreErrors }: Catalog, code: number): string | undefined {
  const category = classifyError(code);
  if (code in errors.byCode) return errors.byCode[code];
  if (category in errors.byCategory) return errors.byCategory[category as keyof typeof errors.byCategory];
  return moreErrors && (moreErrors.byCode[code] ?? moreErrors.byCategory[category as keyof typeof moreErrors.byCategory]);
}

/**
 * The host's strings in its locale (from the provider, else the document's `lang`). English renders until
 * a lazily-loaded catalog arrives, then the host updates.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocaleHost;
  #requested: LocaleCode | undefined;
  /** The error texts asked for by `whenErrorText`, in order. */
  #errorTurns: Promise<void> | undefined;
  #waitingForErrors = false;
  #errorsUnreachable = false;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The BCP 47 tag used for Intl formatting. */
  get locale(): string {
    return this.#host.contextLocale || ambientLocale();
  }

  get code(): LocaleCode {
    return resolveLocale(this.locale);
  }

  /** The catalog: `this.t.chat.send`. */
  get t(): Catalog {
    const code = this.code;
    const catalog = catalogIfLoaded(code);
    if (catalog) return catalog;
    if (this.#requested !== code) {
      this.#requested = code;
      loadCatalog(code).then(() => this.#host.requestUpdate(), () => undefined);
    }
    return sourceCatalog;
  }

  /**
   * The localised text for a service error code, for a render: undefined while its words load (the host
   * updates when they are there; show the error then, not a placeholder). Most English error texts load on
   * the first error that needs them; if they cannot be fetched, the generic text with the code.
   */
  errorText(code: number): string | undefined {
    const text = textOf(this.t, code);
    if (text !== undefined) return text;
    if (this.#errorsUnreachable) return this.#generic(code);
    if (!this.#waitingForErrors) {
      this.#waitingForErrors = true;
      loadMoreErrors()
        .catch(() => (this.#errorsUnreachable = true))
        .finally(() => {
          this.#waitingForErrors = false;
          this.#host.requestUpdate();
        });
    }
    return undefined;
  }

  /**
   * Calls `use` with the localised text of a service error code: at once when it is known, else once its
   * words have loaded (or the generic text with the code, if they cannot be fetched). Calls keep their order.
   */
  whenErrorText(code: number, use: (text: string) => void): void {
    const known = textOf(this.t, code);
    if (known !== undefined && !this.#errorTurns) return use(known);
    const turn = Promise.resolve(this.#errorTurns)
      .catch(() => undefined)
      .then(() => textOf(this.t, code) ?? loadMoreErrors().then(() => textOf(this.t, code), () => undefined))
      .then((text) => use(text ?? this.#generic(code)));
    this.#errorTurns = turn;
    // A failing `use` is reported (unhandled) but does not stop the turns after it.
    void turn.finally(() => this.#errorTurns === turn && (this.#errorTurns = undefined));
  }

  #generic(code: number): string {
    return `${this.t.errors.byCategory.unknown} (${code})`;
  }

  hostConnected(): void {}
}
