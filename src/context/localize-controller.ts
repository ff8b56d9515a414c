import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ambientLocale,
  catalogIfLoaded,
  loadCatalog,
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

/**
 * The host's strings in its locale (from the provider, else the document's `lang`). English renders until
 * a lazily-loaded catalog arrives, then the host updates.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocaleHost;
  #requested: LocaleCode | undefined;

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

  /** The localised text for a service error code. */
  errorText(code: number): string {
    const { errors } = this.t;
    return errors.byCode[code] ?? errors.byCategory[classifyError(code)];
  }

  hostConnected(): void {}
}
