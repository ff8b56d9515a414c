export { TimProfile, type TimProfileMode } from './profile.js';
export { groupFriends, type FriendGroup } from './friend-groups.js';
import './define.js';
