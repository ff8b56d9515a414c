import common from './common.js';
import errors from './errors.js';
import provider from './provider.js';
import conversation from './conversation.js';
import chat from './chat.js';
import type profile from './profile.js';
import search from './search.js';

/**
 * The English catalog: the source every other locale must match, key for key. The `profile` area is
 * only used by the profile views, a lazy chunk: that chunk provides it (`provideSourceArea`), so the
 * initial bundle does not carry it.
 */
const en = { common, errors, provider, conversation, chat, profile: undefined as unknown as typeof profile, search };
export default en;
