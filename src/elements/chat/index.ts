export { TimChat } from './chat.js';
export { parseReply, type ReplyReference } from './reply.js';
import './define.js';
