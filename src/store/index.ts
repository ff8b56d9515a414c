// Lazy chunks import the selectors from './selectors.js', not from this module: through it they would reach
// ChatStore, and esbuild would split the store off the first screen's chunk into one shared with them.
export { ChatStore, type SendOptions, type StoreListener } from './chat-store.js';
export * from './state.js';
export * from './selectors.js';
export {
  mergeMessages,
  newerVersion,
  emptyWindow,
  withPage,
  withLive,
  withUpdates,
  withRevoked,
  withoutMessages,
} from './message-window.js';
