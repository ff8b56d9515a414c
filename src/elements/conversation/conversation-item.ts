/**
 * One row of the conversation list (`renderConversationItem`), drawn from the store's state: what it says is
 * worked out and drawn in one pass, with no view object in between (it was one more object per row per
 * render, and its field names shipped). Rows are plain templates inside the list's shadow root, not elements of
 * their own, so `aria-activedescendant` can point at them and a row costs a few DOM nodes.
 */
import { html, nothing } from 'lit';
import { messageForShow, parseConversationID, type Conversation, type MessageContent, type MessageType, type UserID } from '../../core/index.js';
import { formatBadge, formatDateTime, formatListTime, type Catalog } from '../../i18n/index.js';
import { conversationAvatar, conversationShowName, memberShowName, type StoreState } from '../../store/index.js';
import { previewText, recalledText } from '../shared/message-preview.js';
import { stripControls, truncateGraphemes } from '../shared/text.js';
import { icon, type ScreenIconName } from '../shared/icons.js';

const NAME_MAX = 40;
/** A group preview's sender name, cut so that some of the message shows beside it in a sidebar-wide list. */
const SENDER_MAX = 12;
const PREVIEW_MAX = 120;
/** Bodies can be 12 KB: only the start matters for a one-line preview. */
const PREVIEW_SCAN = 2000;

type ReceiptTick = 'sending' | 'failed' | 'sent' | 'read' | '';

/** What every row is drawn with (one per render of the list). */
export interface RowContext {
  state: StoreState;
  t: Catalog;
  locale: string;
  me: UserID;
  /** Seconds. */
  now: number;
  /** How many rows the list has. */
  count: number;
  /** The open conversation, the one in keyboard focus, the one whose menu is open. */
  active: string;
  focused: string;
  menu: string;
}

/** A DOM id for a conversation's row (IDs may hold characters an idref should not). */
export const rowID = (id: string) => `c-${id.replace(/[^\w-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}`)}`;

/** A conversation's show name, cleaned for display: friend remark > nick > userID; group name > groupID. */
export function showNameOf(state: StoreState, conversation: Conversation): string {
  return truncateGraphemes(stripControls(conversationShowName(state, conversation)).trim() || conversation.conversationID, NAME_MAX);
}

/** A one-line preview: whitespace collapsed, cut by grapheme (never inside an emoji). */
export function oneLine(text: string, max = PREVIEW_MAX): string {
  let s = text.length > PREVIEW_SCAN ? text.slice(0, PREVIEW_SCAN).replace(/[\ud800-\udbff]$/, '') : text;
  s = s.replace(/\s+/g, ' ').trim();
  const cut = truncateGraphemes(s, max);
  return cut === s && text.length > PREVIEW_SCAN ? `${s}…` : cut;
}

/** The localised preview from type and payload; the core's plain text when the payload is missing or odd. */
function safePreview(t: Catalog, type: MessageType, payload: unknown, fallback: string): string {
  if (payload && typeof payload === 'object') {
    try {
      const text = previewText(t, { type, payload } as MessageContent);
      if (typeof text === 'string') return text;
    } catch {
      /* a malformed payload from another client: fall back to the core's text */
    }
  }
  return fallback || messageForShow({ type, payload: payload ?? {} } as MessageContent);
}

const TICK_ICON = { sending: 'clock', failed: 'alert', sent: 'check', read: 'checks' } as const;

/** A flag icon (pinned, muted, tick) with its meaning for screen readers. */
const flag = (cls: string, name: ScreenIconName, text: string, part?: string) =>
  html`<span class=${cls} part=${part ?? nothing}>${icon(name)}<span class="visually-hidden">${text}</span></span>`;

/**
 * The row of `conversation`, the `index`th of the list: the avatar (with presence), the show name, flags,
 * time, the preview (a draft, typing, or the last message, with a sender prefix in groups), the receipt tick
 * of an own last message, the unread badge or dot, and the overflow button. All text goes through bindings.
 */
export function renderConversationItem(conversation: Conversation, o: RowContext, index: number) {
  const { state, t, me, locale } = o;
  const tc = t.conversation;
  const c = conversation;
  const id = c.conversationID;
  const target = parseConversationID(id);
  const group = target?.type === 'GROUP';
  const peer = target?.type === 'C2C' ? target.targetID : '';
  const last = c.lastMessage;
  const online = peer ? state.presence.get(peer) : undefined;
  const presence = online === undefined ? '' : online ? 'online' : 'offline';
  const typing = !!peer && (state.typing.get(id)?.length ?? 0) > 0;
  const at = c.groupAtInfoList ?? [];
  const atMe = at.some((a) => a.atType === 1 || a.atType === 3);
  const atAll = at.some((a) => a.atType === 2 || a.atType === 3);
  const active = id === o.active;
  const draft = c.draftText && !active ? c.draftText : '';
  const groupID = group ? target.targetID : '';
  const sender = (from: UserID, nick: string) =>
    from === me ? t.common.you : truncateGraphemes(stripControls(group ? memberShowName(state, groupID, from, nick) : conversationShowName(state, c)), SENDER_MAX);

  let prefix = '';
  let preview = '';
  if (draft) preview = oneLine(draft);
  else if (last) {
    if (last.isRevoked) preview = recalledText(t, last.fromAccount === me, `\u2068${sender(last.fromAccount, last.nick)}\u2069`);
    else {
      preview = oneLine(safePreview(t, last.type, last.payload, last.messageForShow));
      if (group && last.fromAccount && last.type !== 'TIMGroupTipElem' && last.type !== 'TIMGroupSystemNoticeElem') {
        // The name is isolated (FSI…PDI) so a right-to-left name cannot reorder the text after it.
        prefix = t.common.preview.senderPrefix(`\u2068${sender(last.fromAccount, last.nick)}\u2069`);
      }
    }
  }

  let tick: ReceiptTick = '';
  if (last && !draft && !last.isRevoked && last.fromAccount === me && !typing) {
    tick = last.status === 'fail' ? 'failed' : last.status === 'unSend' ? 'sending' : !group && last.isPeerRead ? 'read' : 'sent';
  }

  const name = showNameOf(state, c);
  // Seconds of the last activity; 0 when empty.
  const time = last?.lastTime ?? 0;
  const unread = Math.max(0, c.unreadCount | 0);
  const muted = c.messageRemindType !== 'AcceptAndNotify';
  // The marker before the preview, a draft or the @-mentions ("[@all][@me]"), and what a screen reader says
  // instead ('' = the visible text).
  const marker = draft ? tc.draft : (atAll ? tc.atAll : '') + (atMe ? tc.atMe : '');
  const spoken = draft ? '' : [atAll && tc.atAllSpoken, atMe && tc.atMeSpoken].filter(Boolean).join(' ');
  const part = `item${active ? ' active' : ''}${c.isPinned ? ' pinned' : ''}`;
  // Badges and markers are shown to the eye and spelled out for the ear.
  const badge =
    unread > 0 && !muted
      ? html`<span part="badge" class="badge" aria-hidden="true"><bdi>${formatBadge(unread, locale)}</bdi></span>`
      : unread > 0 || c.isMarkedUnread
        ? html`<span part="badge dot" class="dot ${muted ? 'muted' : ''}"></span>`
        : nothing;
  return html`<div role="option" id=${rowID(id)} class="${part}${id === o.focused ? ' focused' : ''}${id === o.menu ? ' menu-open' : ''}" part=${part}
  data-id=${id} aria-selected=${active} aria-posinset=${index + 1} aria-setsize=${o.count}>
<tim-avatar part="avatar" exportparts="image: avatar-image, initials: avatar-initials, presence" .src=${conversationAvatar(state, c)} .name=${name} .seed=${target?.targetID || id} .presence=${presence}></tim-avatar>
<div class="body"><div class="top"><bdi part="name" class="name">${name}</bdi>${presence
      ? html`<span class="visually-hidden">${presence === 'online' ? t.common.online : t.common.offlineStatus}</span>`
      : nothing}${c.isPinned ? flag('flag', 'pin', tc.pinned) : nothing}${muted ? flag('flag', 'bellOff', tc.muted) : nothing}${time
      ? html`<time part="time" class="time" datetime=${new Date(time * 1000).toISOString()} title=${formatDateTime(time, locale)}><bdi>${formatListTime(time, o.now, locale)}</bdi></time>`
      : nothing}</div>
<div class="bottom">${tick ? flag(`tick ${tick}`, TICK_ICON[tick], tc.status[tick], 'tick') : nothing}<span part="preview" class="preview" dir="auto">${typing
      ? html`<span class="typing" dir="auto">${tc.typing}</span>`
      : html`${marker
          ? html`<span part="marker" class="marker" dir="auto" aria-hidden=${spoken ? 'true' : nothing}>${marker}</span>${spoken
                ? html`<span class="visually-hidden">${spoken}</span>`
                : nothing} `
          : nothing}${prefix}${preview}`}</span>${badge}${unread > 0 || c.isMarkedUnread
      ? html`<span class="visually-hidden">${unread > 0 ? tc.unread(unread) : tc.markedUnread}</span>`
      : nothing}</div></div>
<span part="actions" class="icon-button more" aria-hidden="true" title=${tc.more(name)}>${icon('more')}</span></div>`;
}
