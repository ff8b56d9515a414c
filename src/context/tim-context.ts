import { createContext } from '@lit/context';
import type { Message } from '../core/index.js';
import type { ChatStore } from '../store/index.js';

/**
 * Renders a custom message's body, keyed by the `businessID` in its `data` JSON. Returns anything Lit can
 * render (a `html` template). Never build HTML strings from the message: it is untrusted.
 */
export type MessageRenderer = (message: Message & { type: 'TIMCustomElem' }, data: Record<string, unknown>) => unknown;

/** What `<tim-provider>` shares with every element inside it. Replaced, never mutated, when it changes. */
export interface TimContextValue {
  readonly store: ChatStore;
  /** The resolved BCP 47 locale ('en', 'zh-CN', 'ko', …). */
  readonly locale: string;
  /** Custom message renderers by business ID. */
  readonly messageRenderers: Readonly<Record<string, MessageRenderer>>;
  /** URL schemes allowed for links, avatars and media from other users. */
  readonly urlSchemes: readonly string[];
}

/**
 * The context key. `Symbol.for` so two copies of the kit on a page (say, two bundles) still meet.
 */
export const timContext = createContext<TimContextValue | undefined>(Symbol.for('tim-elements/context'));
