import { define } from '../shared/define.js';
import { TimConversation } from './conversation.js';

define('tim-conversation', TimConversation);

declare global {
  interface HTMLElementTagNameMap {
    'tim-conversation': TimConversation;
  }
}
