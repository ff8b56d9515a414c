import type { Catalog } from '../catalog.js';
import common from './common.js';
import errors from './errors.js';
import conversation from './conversation.js';
import conversationMenu from './conversation-menu.js';
import conversationFilter from './conversation-filter.js';
import chat from './chat.js';
import profile from './profile.js';
import search from './search.js';
import actions from './actions.js';
import composer from './composer.js';
import bodies from './bodies.js';
import stickers from './stickers.js';
import jumps from './jumps.js';
import moreErrors from './more-errors.js';

const catalog: Catalog = { common, errors, conversation, conversationMenu, conversationFilter, chat, profile, search, actions, composer, bodies, stickers, jumps, moreErrors };
export default catalog;
