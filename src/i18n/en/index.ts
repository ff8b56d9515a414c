import common from './common.js';
import errors from './errors.js';
import provider from './provider.js';
import conversation from './conversation.js';
import chat from './chat.js';
import profile from './profile.js';
import search from './search.js';

/** The English catalog: the source every other locale must match, key for key. */
const en = { common, errors, provider, conversation, chat, profile, search };
export default en;
