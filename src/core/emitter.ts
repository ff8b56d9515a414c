/**
 * The event half of a core: typed subscribe/unsubscribe, emission always asynchronous (a microtask later),
 * so no handler ever runs re-entrantly inside a core method.
 */
import type { ChatCoreEventMap, ChatCoreEventName, Unsubscribe } from './contract.js';

type Handler<K extends ChatCoreEventName> = (payload: ChatCoreEventMap[K]) => void;

export class CoreEmitter {
  #handlers = new Map<ChatCoreEventName, Set<Handler<never>>>();

  on<K extends ChatCoreEventName>(type: K, handler: Handler<K>): Unsubscribe {
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => this.off(type, handler);
  }

  off<K extends ChatCoreEventName>(type: K, handler: Handler<K>): void {
    this.#handlers.get(type)?.delete(handler as Handler<never>);
  }

  /** Number of handlers, all events together (tests check that elements unsubscribe). */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.#handlers.values()) n += set.size;
    return n;
  }

  /** Emits on a later microtask. A throwing handler does not stop the others. */
  emit<K extends ChatCoreEventName>(type: K, payload: ChatCoreEventMap[K]): void {
    queueMicrotask(() => {
      const set = this.#handlers.get(type);
      if (!set) return;
      for (const handler of [...set]) {
        try {
          (handler as Handler<K>)(payload);
        } catch (error) {
          console.error(`tim-elements: a "${type}" handler threw`, error);
        }
      }
    });
  }

  clear(): void {
    this.#handlers.clear();
  }
}
