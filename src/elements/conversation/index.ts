import './define.js';
export { TimConversation, defaultConversationOrder, type ConversationFilter, type ConversationSort } from './conversation.js';
