/**
 * The kit's one context, over the Context Community Protocol
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md): a provider
 * answers `context-request` events from the elements inside it and calls them back when its value
 * changes. This does for `timContext` what @lit/context's `ContextProvider` and `ContextConsumer` (with
 * `subscribe: true`) do, with the same events, so either side interoperates with @lit/context's, in a
 * third of their code (they cost the first screen 1.8 KB of the kit's 40 KB budget).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timContext, type TimContextValue } from './tim-context.js';

type Callback = (value: TimContextValue | undefined, unsubscribe?: () => void) => void;

/** The fields of a `context-request` (and of a `context-provider`) event. */
interface ContextEvent extends Event {
  readonly context: unknown;
  readonly contextTarget?: Element;
  readonly callback: Callback;
  readonly subscribe?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Fires the protocol's `type` event for `timContext` from `target`. */
const fire = (target: Element, type: 'context-request' | 'context-provider', callback?: Callback) =>
  target.dispatchEvent(
    Object.assign(new Event(type, { bubbles: true, composed: true }), { context: timContext, contextTarget: target, callback, subscribe: true }),
  );

/** Where an event for `timContext` comes from; undefined for other contexts and for the host's own. */
const origin = (host: Element, e: Event): Element | undefined => {
  const target = (e as ContextEvent).contextTarget ?? (e.composedPath()[0] as Element);
  return (e as ContextEvent).context === timContext && target !== host ? target : undefined;
};

/** `<tim-provider>`'s side: answers the elements inside its host. */
export class TimContextProvider implements ReactiveController {
  #value: TimContextValue | undefined;
  /** Subscribed callbacks: the consumer's element and the (stable) function that unsubscribes it. */
  readonly #subscriptions = new Map<Callback, [Element, () => void]>();
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    host.addEventListener('context-request', (e) => {
      const consumer = origin(host, e);
      if (!consumer) return;
      e.stopPropagation();
      const { callback, subscribe } = e as ContextEvent;
      if (!subscribe) return callback(this.#value);
      let entry = this.#subscriptions.get(callback);
      if (!entry) this.#subscriptions.set(callback, (entry = [consumer, () => this.#subscriptions.delete(callback)]));
      callback(this.#value, entry[1]);
    });
    // A provider that appeared inside this one later (upgraded after its elements) takes over the elements
    // inside it: they ask again, and the closest provider answers.
    host.addEventListener('context-provider', (e) => {
      if (!origin(host, e)) return;
      e.stopPropagation();
      for (const [callback, [consumer]] of this.#subscriptions) fire(consumer, 'context-request', callback);
    });
  }

  get value(): TimContextValue | undefined {
    return this.#value;
  }

  /** Sets the value, calling every subscriber back when it changed. */
  setValue(value: TimContextValue | undefined): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const [callback, [, unsubscribe]] of this.#subscriptions) callback(value, unsubscribe);
  }

  hostConnected(): void {
    fire(this.#host, 'context-provider');
  }
}

/** An element's side: asks the closest provider when connected and follows its value until disconnected. */
export class TimContextConsumer implements ReactiveController {
  readonly #host: Host;
  readonly #set: (value: TimContextValue | undefined) => void;
  #unsubscribe: (() => void) | undefined;

  constructor(host: Host, set: (value: TimContextValue | undefined) => void) {
    this.#host = host;
    this.#set = set;
    host.addController(this);
  }

  readonly #callback: Callback = (value, unsubscribe) => {
    // Another provider answered (a closer one appeared): leave the previous one.
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#set(value);
  };

  hostConnected(): void {
    fire(this.#host, 'context-request', this.#callback);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
