/**
 * tim-elements: registers every element and exports the public types, events, store and contract.
 * The cores are separate entries: `tim-elements/core/local` (LocalCore) and `tim-elements/core/tencent`.
 */
import './elements/provider/define.js';
import './elements/shared/avatar.js';
import './elements/status/define.js';
import './elements/profile/define.js';
import './elements/chat/define.js';
import './elements/conversation/define.js';
import './elements/unread-count/define.js';
import './elements/search/define.js';

export { TimProvider } from './elements/provider/provider.js';
export { TimAvatar } from './elements/shared/avatar.js';
export { TimStatus } from './elements/status/status.js';
export { TimProfile, type TimProfileMode } from './elements/profile/profile.js';
export { TimChat } from './elements/chat/chat.js';
export type { MessageAction } from './elements/chat/actions/types.js';
export { TimConversation, defaultConversationOrder, type ConversationFilter, type ConversationSort } from './elements/conversation/conversation.js';
export { TimUnreadCount } from './elements/unread-count/unread-count.js';
export { TimSearch } from './elements/search/search.js';
export { TimElement, TimBase } from './elements/shared/tim-element.js';
export { define } from './elements/shared/define.js';
export * from './events/index.js';
export * from './core/index.js';
export * from './store/index.js';
export * from './context/index.js';
export type { Catalog, LocaleCode } from './i18n/index.js';
