import { define } from '../shared/define.js';
import '../shared/avatar.js';
import '../status/define.js';
import { TimChat } from './chat.js';

define('tim-chat', TimChat);

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat': TimChat;
    'tim-chat-find': import('./find-bar.js').TimChatFind;
  }
}
