/**
 * Every view of `<tim-profile>`, as one lazy chunk: the shell loads it on first use. One chunk rather than
 * one per view, because each extra lazy entry splits the kit's shared initial modules into more chunks
 * (measured: five view chunks cost the initial bundle 1.5 KB more gzip than one).
 */
import profileStrings from '../../i18n/en/profile.js';
import { provideSourceArea } from '../../i18n/index.js';

// The English profile strings travel with the views, not in the initial bundle.
provideSourceArea('profile', profileStrings);

export { TimProfileUser } from './user-view.js';
export { TimProfileSelf } from './self-view.js';
export { TimProfileGroup } from './group-view.js';
export { TimProfileRequests, TimProfileBlocklist } from './contacts-view.js';
export { TimProfileFriends } from './friends-view.js';
