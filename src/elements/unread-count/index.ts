import './define.js';
export { TimUnreadCount } from './unread-count.js';
