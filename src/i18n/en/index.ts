import common from './common.js';
import errors from './errors.js';
import conversation from './conversation.js';
import chat from './chat.js';
import type conversationMenu from './conversation-menu.js';
import type conversationFilter from './conversation-filter.js';
import type profile from './profile.js';
import type search from './search.js';
import type actions from './actions.js';
import type composer from './composer.js';
import type bodies from './bodies.js';
import type stickers from './stickers.js';
import type jumps from './jumps.js';
import type moreErrors from './more-errors.js';

/**
 * The areas lazy chunks fill in (`provideSourceArea`) when they load: undefined until then. Only their type
 * is here, so the first screen carries no key for them.
 */
export interface LazyAreas {
  /** Provided by `<tim-conversation>`'s lazy actions chunk (the row menu and its confirmations). */
  conversationMenu: typeof conversationMenu;
  /** Provided by `<tim-conversation filter>`'s lazy filter-box chunk. */
  conversationFilter: typeof conversationFilter;
  profile: typeof profile;
  search: typeof search;
  /** Provided by `<tim-chat>`'s lazy message-actions chunk. */
  actions: typeof actions;
  composer: typeof composer;
  /** Provided by `<tim-chat>`'s lazy chunk of the rarer message bodies (and group tips). */
  bodies: typeof bodies;
  /** Provided by the sticker set's lazy chunk and the composer's. */
  stickers: typeof stickers;
  /** Provided by `<tim-chat>`'s lazy chunk of jumps (the pill away from the bottom of the history). */
  jumps: typeof jumps;
  /**
   * Loaded by the first error whose text `errors` does not hold (`loadMoreErrors`): the errors that come
   * when offline have theirs in `errors`, so no text waits for a chunk the network cannot bring.
   */
  moreErrors: typeof moreErrors;
}

/** The areas the first screen carries. */
const firstScreen = { common, errors, conversation, chat };

/**
 * The English catalog: the source every other locale must match, key for key. The `profile` area is
 * only used by the profile views, a lazy chunk, and the `search` area by the search panel and the chat's
 * find bar (lazy chunks too): those chunks provide them (`provideSourceArea`), so the initial bundle does
 * not carry them. The `composer` area ships with `<tim-chat>`'s lazy composer chunk.
 */
const en = firstScreen as typeof firstScreen & LazyAreas;
export default en;
