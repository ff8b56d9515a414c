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
  withHop,
  windowAround,
} from './message-window.js';
