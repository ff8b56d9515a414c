import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatStore, StoreState } from '../store/index.js';

/** A host that knows its store (from context). */
export interface StoreHost extends ReactiveControllerHost {
  readonly store: ChatStore | undefined;
}

/**
 * Subscribes its host to one selection of the store's state and re-renders the host when the selection's
 * identity changes. Slices are immutable, so identity is the whole test. Follows the host's store when the
 * context value changes; unsubscribes when the host disconnects, and never subscribes while it is
 * disconnected (an update pending at its removal still renders, reading `value`): no leaked listeners,
 * reliability F11.
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: StoreHost;
  readonly #select: (state: StoreState) => T;
  #store: ChatStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #value: T | undefined;
  #connected = false;

  constructor(host: StoreHost, select: (state: StoreState) => T) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
  }

  /** The selection (undefined without a store). */
  get value(): T | undefined {
    if (this.#host.store !== this.#store) this.#attach();
    return this.#value;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  hostUpdate(): void {
    if (this.#host.store !== this.#store) this.#attach();
  }

  #attach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const store = (this.#store = this.#host.store);
    this.#value = store ? this.#select(store.state) : undefined;
    if (!store || !this.#connected) return;
    this.#unsubscribe = store.subscribe((state) => {
      const next = this.#select(state);
      if (next !== this.#value) {
        this.#value = next;
        this.#host.requestUpdate();
      }
    });
  }
}
