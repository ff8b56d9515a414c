/**
 * The demo's hash routes, and the mapping from the kit's `tim-navigate` intents to them. The kit never
 * routes: this file is all the routing a host needs.
 */
import type { ConversationID, TimNavigateIntent } from '../src/index.js';

export type Route =
  | { view: 'home' }
  | { view: 'chat'; conversationID: ConversationID; messageID?: string }
  | { view: 'profile'; userID: string }
  | { view: 'group'; groupID: string }
  | { view: 'search'; conversationID?: ConversationID }
  | { view: 'me' }
  | { view: 'contacts'; mode: 'friends' | 'requests' | 'blocklist' };

const enc = encodeURIComponent;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, raw] = path.split('/');
  const arg = raw ? decodeURIComponent(raw) : '';
  const params = new URLSearchParams(query);
  switch (view) {
    case 'chat':
      if (arg) return { view: 'chat', conversationID: arg as ConversationID, ...(params.get('message') ? { messageID: params.get('message')! } : {}) };
      break;
    case 'profile':
      if (arg) return { view: 'profile', userID: arg };
      break;
    case 'group':
      if (arg) return { view: 'group', groupID: arg };
      break;
    case 'search':
      return arg ? { view: 'search', conversationID: arg as ConversationID } : { view: 'search' };
    case 'me':
      return { view: 'me' };
    case 'friends':
    case 'requests':
    case 'blocklist':
      return { view: 'contacts', mode: view };
  }
  return { view: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'chat':
      return `#/chat/${enc(route.conversationID)}${route.messageID ? `?message=${enc(route.messageID)}` : ''}`;
    case 'profile':
      return `#/profile/${enc(route.userID)}`;
    case 'group':
      return `#/group/${enc(route.groupID)}`;
    case 'search':
      return route.conversationID ? `#/search/${enc(route.conversationID)}` : '#/search';
    case 'me':
      return '#/me';
    case 'contacts':
      return `#/${route.mode}`;
  }
}

/** The route for a navigation intent; null for `back` (the browser's history handles it). */
export function routeFor(intent: TimNavigateIntent): Route | null {
  switch (intent.to) {
    case 'chat':
      return { view: 'chat', conversationID: intent.conversationID, ...(intent.messageID ? { messageID: intent.messageID } : {}) };
    case 'profile':
      return { view: 'profile', userID: intent.userID };
    case 'group':
      return { view: 'group', groupID: intent.groupID };
    case 'search':
      return intent.conversationID ? { view: 'search', conversationID: intent.conversationID } : { view: 'search' };
    case 'conversations':
      return { view: 'home' };
    case 'back':
      return null;
  }
}
