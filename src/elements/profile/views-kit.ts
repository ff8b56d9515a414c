import type { TimNavigateEvent } from '../../events/navigate.js';
import type { formatDateTime, formatListTime } from '../../i18n/format.js';
import type { memberShowName, relationshipOf, userShowName } from '../../store/selectors.js';
import type { stateView } from '../shared/state-view.js';
import type { stripControls } from '../shared/text.js';
import type { navigationTarget, Typeahead, VirtualList } from '../shared/virtual-list.js';

/**
 * What the profile views take from the kit's initial bundle, handed over by `<tim-profile>` when it loads
 * them (`defineViews(kit)`). Importing these modules from the views' chunk would make a bundler split them
 * off the initial bundle into a file of their own, which gzip then compresses apart from the rest (the same
 * reason the composer, the message actions and the search panel take a kit).
 */
export interface ViewsKit {
  stateView: typeof stateView;
  VirtualList: typeof VirtualList;
  navigationTarget: typeof navigationTarget;
  Typeahead: typeof Typeahead;
  userShowName: typeof userShowName;
  memberShowName: typeof memberShowName;
  relationshipOf: typeof relationshipOf;
  formatListTime: typeof formatListTime;
  formatDateTime: typeof formatDateTime;
  stripControls: typeof stripControls;
  TimNavigateEvent: typeof TimNavigateEvent;
}

/** The kit, set by `defineViews` before any view is defined. */
export let kit: ViewsKit;

export function attachViewsKit(given: ViewsKit): void {
  kit = given;
}
