import { define } from '../shared/define.js';
import { TimUnreadCount } from './unread-count.js';

define('tim-unread-count', TimUnreadCount);

declare global {
  interface HTMLElementTagNameMap {
    'tim-unread-count': TimUnreadCount;
  }
}
