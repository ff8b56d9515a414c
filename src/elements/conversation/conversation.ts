import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { parseConversationID, type Conversation, type ConversationID, type UserID } from '../../core/index.js';
import {
  TimBeforeConversationActionEvent,
  TimConversationActionEvent,
  TimNavigateEvent,
  allowed,
  type ConversationActionDescriptor,
  type ConversationActionName,
} from '../../events/index.js';
import type { ChatStore } from '../../store/index.js';
import { buttonStyles } from '../../styles/shared.js';
import { TimElement } from '../shared/tim-element.js';
import { VirtualList, type VisibleRange } from '../shared/virtual-list.js';
import { navigationTarget, Typeahead } from '../shared/list-keyboard.js';
import { stateView, stateViewStyles } from '../shared/state-view.js';
import { icon } from '../shared/icons.js';
import type { MenuItem, TimMenu, TimMenuSelectEvent } from '../shared/menu.js';
import type { TimDialog } from '../shared/dialog.js';
import '../shared/menu.js';
import '../shared/dialog.js';
import '../shared/avatar.js';
import '../status/define.js';
import { conversationItemView, renderConversationItem, showNameOf, type ItemContext } from './conversation-item.js';
import { conversationStyles } from './conversation.styles.js';

/** A host's filter: keep the conversation when it returns true. `name` is its show name. */
export type ConversationFilter = (conversation: Conversation, name: string) => boolean;
/** A host's order, as for `Array.prototype.sort`. */
export type ConversationSort = (a: Conversation, b: Conversation) => number;

/** The default order: pinned first, then by last activity (newest first); ties keep the core's order. */
export const defaultConversationOrder: ConversationSort = (a, b) =>
  +b.isPinned - +a.isPinned || (b.lastMessage?.lastTime ?? 0) - (a.lastMessage?.lastTime ?? 0);

const ROW_PX = 72;
const LONG_PRESS_MS = 500;
const TYPEAHEAD_PAUSE_MS = 700;
const CLOCK_MS = 30_000;

const SCENARIO: Record<ConversationActionName, string> = {
  pin: 'pinConversation',
  unpin: 'pinConversation',
  mute: 'setMessageRemindType',
  unmute: 'setMessageRemindType',
  markRead: 'markConversationRead',
  markUnread: 'markConversationUnread',
  clearHistory: 'clearHistory',
  delete: 'deleteConversation',
};
const BUILT_IN = new Set<string>(Object.keys(SCENARIO));

/** A DOM id for a conversation's row (IDs may hold characters an idref should not). */
const rowID = (id: string) => `c-${id.replace(/[^\w-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}`)}`;
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/**
 * The logged-in user's conversations, live from the store: pinned first, then by last activity. Each row
 * shows the avatar (with an online dot where the core reports presence), the show name (friend remark >
 * nick > userID; group name > groupID, updated the moment a profile changes), a localised preview of the
 * last message (sender prefix in groups, recall wording), the time, the unread badge (99+; a dot when
 * muted), a draft marker, `[@me]` / `[@all]`, "typing…", and a receipt tick on own last messages.
 *
 * Actions (pin, mute, mark read/unread, clear history, delete with a confirmation, plus the host's own
 * `actions`) open from a right click, a long press, the context-menu key or Shift+F10, Delete, or the
 * overflow button. Selecting a row (click, Enter, Space) fires `tim-navigate` `{ to: 'chat', conversationID }`;
 * the host marks the open one with `active-conversation-id`.
 *
 * The list is virtualized (10,000 conversations keep a few dozen rows in the DOM) and is a `listbox` with
 * one tab stop: arrows, Home, End, PageUp, PageDown and typing a name move; the row in focus is its
 * `aria-activedescendant`.
 *
 * @tagname tim-conversation
 * @summary The conversation list: live, virtualized, keyboard-operable, with per-conversation actions.
 *
 * @slot header - Above the list (a title, a "new chat" button). The filter box, when on, follows it.
 * @slot empty - Replaces the "No conversations yet" state.
 *
 * @csspart header - The area above the list (header slot and filter box).
 * @csspart filter - The filter input.
 * @csspart list - The scrolling listbox.
 * @csspart item - Each row; also `active` (the open conversation) and `pinned`.
 * @csspart avatar - The row's avatar (`avatar-image`, `avatar-initials` and `presence` are exported from it).
 * @csspart name - The show name.
 * @csspart time - The time of the last activity.
 * @csspart preview - The last message, draft or "typing…".
 * @csspart marker - The `[Draft]` / `[@me]` / `[@all]` marker.
 * @csspart tick - The receipt tick of an own last message (sending, sent, read, not sent).
 * @csspart badge - The unread count; also `dot` for a muted or marked-unread conversation.
 * @csspart actions - The overflow ("more actions") button of a row.
 * @csspart alert - The line telling that an action failed.
 * @csspart state - The loading, empty and error states (also `loading`, `empty`, `error`).
 *
 * @cssproperty --tim-avatar-size - Avatar size in the rows (default 3rem).
 * @cssproperty --tim-color-selected - Background of the active row.
 * @cssproperty --tim-color-badge - Unread badge.
 * @cssproperty --tim-color-muted-badge - The dot of a muted conversation with unread messages.
 *
 * @event {TimNavigateEvent} tim-navigate - A conversation was chosen (`{ to: 'chat', conversationID }`), the open one was deleted (`{ to: 'conversations' }`), or the empty state's button was used (`{ to: 'search' }`).
 * @event {TimBeforeConversationActionEvent} tim-before-conversation-action - Before a built-in action runs (and before its confirmation). Cancelable: veto it, or take it over.
 * @event {TimConversationActionEvent} tim-conversation-action - One of the host's own `actions` was chosen.
 * @event {TimErrorEvent} tim-error - An action failed (the list also says so).
 */
export class TimConversation extends TimElement {
  static override shadowRootOptions = { ...TimElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [TimElement.styles, buttonStyles, stateViewStyles, conversationStyles];

  /** The conversation the host has open: its row is marked (`aria-selected`, part `active`). */
  @property({ attribute: 'active-conversation-id' }) activeConversationId = '';

  /** Shows a filter box that narrows the list by name as one types. */
  @property({ type: Boolean, reflect: true, attribute: 'filter' }) showFilter = false;

  /** The list's accessible name (default: "Conversations", localised). */
  @property() label = '';

  #filter: ConversationFilter | undefined;
  /**
   * A host's filter, `(conversation, name) => boolean`, applied before the filter box. (Frameworks that set
   * properties rather than attributes may assign `true`/`false` here: that turns the filter box on or off.)
   */
  @property({ attribute: false })
  get filter(): ConversationFilter | undefined {
    return this.#filter;
  }
  set filter(value: ConversationFilter | boolean | string | null | undefined) {
    if (typeof value === 'function') this.#filter = value;
    else if (value === undefined || value === null) this.#filter = undefined;
    else this.showFilter = value !== false && value !== 'false';
  }

  /** A host's order, `(a, b) => number` (default: pinned first, then last activity). */
  @property({ attribute: false }) sort: ConversationSort | undefined;

  /** The host's own actions, added to every row's menu; choosing one fires `tim-conversation-action`. */
  @property({ attribute: false }) actions: readonly ConversationActionDescriptor[] = [];

  @state() private query = '';
  @state() private alert = '';
  @query('.list') private listEl!: HTMLElement;
  @query('tim-menu') private menu!: TimMenu;
  @query('tim-dialog') private dialog!: TimDialog;

  #session = this.select((s) => s.session);
  #conversations = this.select((s) => s.conversations);
  // Selected so that a rename, a new avatar, typing or presence re-renders the rows that show them.
  #profiles = this.select((s) => s.profiles);
  #friends = this.select((s) => s.friends);
  #groups = this.select((s) => s.groups);
  #members = this.select((s) => s.members);
  #typing = this.select((s) => s.typing);
  #presence = this.select((s) => s.presence);

  #list = new VirtualList<Conversation>(this, {
    key: (c) => c.conversationID,
    estimate: ROW_PX,
    overscan: 360,
    onRange: (range) => this.#watchVisible(range),
  });
  #typeahead = new Typeahead();
  #lastTypeahead = 0;
  /** The row in keyboard focus (by key, so it survives reordering), and its last index. */
  #focusKey = '';
  #focusIndex = 0;
  #menuKey = '';
  #menuActions: ConversationActionDescriptor[] = [];
  #memo: { deps: unknown[]; items: readonly Conversation[] } | undefined;
  #watched = new Set<UserID>();
  #watchedStore: ChatStore | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #press: { timer: ReturnType<typeof setTimeout>; x: number; y: number; id: string } | undefined;
  #pressOpenedAt = 0;

  /** The conversations shown, in order, after the host's filter, the filter box and the sort. */
  get visibleConversations(): readonly Conversation[] {
    return this.#items();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => this.requestUpdate(), CLOCK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#cancelPress();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.listEl;
    if (!list) return;
    const id = this.#focusKey && rowID(this.#focusKey);
    if (id && this.renderRoot.querySelector(`#${id}`)) list.setAttribute('aria-activedescendant', id);
    else list.removeAttribute('aria-activedescendant');
    // A fresh login (or a store that never loaded) gets its list.
    const store = this.store;
    if (store && this.#session.value?.status === 'ready' && this.#conversations.value?.status === 'idle') {
      store.loadConversations().catch(() => undefined);
    }
  }

  // ───────────────────────────── data ─────────────────────────────

  #items(): readonly Conversation[] {
    const source = this.#conversations.value?.value ?? [];
    const needle = fold(this.query.trim());
    const byName = !!needle || !!this.#filter;
    const deps = [source, this.sort, this.#filter, needle, byName && this.#profiles.value, byName && this.#friends.value, byName && this.#groups.value];
    if (this.#memo && deps.every((d, i) => d === this.#memo!.deps[i])) return this.#memo.items;
    let items = [...source];
    const state = this.store?.state;
    if (byName && state) {
      const hook = this.#filter;
      items = items.filter((c) => {
        const name = showNameOf(state, c);
        if (hook && !hook(c, name)) return false;
        return !needle || fold(name).includes(needle) || fold(c.conversationID).includes(needle);
      });
    }
    items.sort(this.sort ?? defaultConversationOrder);
    this.#memo = { deps, items };
    return items;
  }

  #context(): ItemContext | undefined {
    const store = this.store;
    if (!store) return undefined;
    return { state: store.state, t: this.t, me: this.#session.value?.userID ?? '', activeID: this.activeConversationId };
  }

  /** Keeps the focus on the same conversation when the list changes, or on its neighbour when it left. */
  #syncFocus(items: readonly Conversation[]): void {
    if (!this.#focusKey) return;
    const index = items.findIndex((c) => c.conversationID === this.#focusKey);
    if (index >= 0) this.#focusIndex = index;
    else this.#focusKey = items[Math.min(this.#focusIndex, items.length - 1)]?.conversationID ?? '';
  }

  /** Presence for the peers on screen (the core pushes changes from then on). */
  #watchVisible(range: VisibleRange): void {
    const store = this.store;
    if (!store || range.first < 0 || this.#session.value?.status !== 'ready') return;
    if (store !== this.#watchedStore) {
      this.#watched.clear();
      this.#watchedStore = store;
    }
    const ids: UserID[] = [];
    const items = this.#list.items;
    for (let i = range.first; i <= range.last && i < items.length; i++) {
      const target = parseConversationID(items[i]!.conversationID);
      if (target?.type === 'C2C' && !this.#watched.has(target.targetID)) ids.push(target.targetID);
    }
    if (!ids.length) return;
    ids.forEach((id) => this.#watched.add(id));
    store.watchPresence(ids).catch(() => ids.forEach((id) => this.#watched.delete(id)));
  }

  // ───────────────────────────── render ─────────────────────────────

  protected override render() {
    const store = this.store;
    const t = this.t;
    const tc = t.conversation;
    if (!store) return html`<tim-status></tim-status>`;
    const session = this.#session.value;
    const loadable = this.#conversations.value;
    // Read so the controllers stay subscribed; rows read the same state through the context.
    void [this.#profiles.value, this.#friends.value, this.#groups.value, this.#members.value, this.#typing.value, this.#presence.value];
    const items = this.#items();
    const all = loadable?.value ?? [];
    const q = this.query.trim();

    let stateBody: unknown = null;
    if (!session || session.status === 'loggedOut') stateBody = nothing;
    else if (all.length === 0 && (loadable?.status === 'loading' || loadable?.status === 'idle')) {
      stateBody = stateView({ kind: 'loading', text: tc.loading });
    } else if (all.length === 0 && loadable?.status === 'error') {
      stateBody = stateView({
        kind: 'error',
        text: `${tc.loadFailed} ${loadable.error ? this.l10n.errorText(loadable.error.code) : ''}`.trim(),
        action: { label: t.common.retry, run: this.#reload },
      });
    } else if (all.length === 0) {
      stateBody = stateView({ kind: 'empty', text: tc.empty, action: { label: tc.emptyAction, run: this.#findPeople }, slot: 'empty' });
    } else if (items.length === 0) {
      stateBody = q
        ? stateView({ kind: 'empty', text: tc.noMatch(q), action: { label: tc.clearFilter, run: this.#clearFilter } })
        : stateView({ kind: 'empty', text: tc.empty, slot: 'empty' });
    }
    const rows = stateBody === null ? items : [];
    this.#syncFocus(rows);
    const ctx = this.#context()!;
    const now = Date.now() / 1000;
    const locale = this.l10n.locale;
    const reloadFailed = all.length > 0 && loadable?.status === 'error';

    return html`<tim-status part="status"></tim-status>
      <div class="header" part="header">
        <slot name="header"></slot>
        ${this.showFilter
          ? html`<div class="filter">
              ${icon('search')}
              <input
                part="filter"
                type="search"
                enterkeyhint="search"
                autocomplete="off"
                spellcheck="false"
                .value=${this.query}
                placeholder=${tc.filterPlaceholder}
                aria-label=${tc.filterLabel}
                aria-controls="list"
                @input=${this.#onFilterInput}
                @keydown=${this.#onFilterKey}
              />
              ${this.query
                ? html`<button class="icon-button clear" aria-label=${tc.clearFilter} @click=${this.#clearFilter}>${icon('close')}</button>`
                : nothing}
            </div>`
          : nothing}
      </div>
      ${this.alert || reloadFailed
        ? html`<div part="alert" class="alert" role="alert">
            <span>${this.alert || `${tc.loadFailed} ${loadable?.error ? this.l10n.errorText(loadable.error.code) : ''}`}</span>
            ${this.alert
              ? html`<button @click=${() => (this.alert = '')}>${tc.dismiss}</button>`
              : html`<button @click=${this.#reload}>${t.common.retry}</button>`}
          </div>`
        : nothing}
      <div
        id="list"
        class="list"
        part="list"
        role="listbox"
        tabindex="0"
        aria-label=${this.label || tc.label}
        ?hidden=${stateBody !== null}
        ${this.#list.scroller}
        @focus=${this.#onListFocus}
        @keydown=${this.#onKey}
        @click=${this.#onClick}
        @mousedown=${this.#onMouseDown}
        @contextmenu=${this.#onContextMenu}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#cancelPress}
        @pointercancel=${this.#cancelPress}
        @scroll=${this.#cancelPress}
      >
        ${this.#list.render(rows, (c, index) =>
          renderConversationItem(conversationItemView(c, ctx), {
            t,
            locale,
            now,
            index,
            count: rows.length,
            active: c.conversationID === this.activeConversationId,
            focused: c.conversationID === this.#focusKey,
            menuOpen: c.conversationID === this.#menuKey,
            domID: rowID(c.conversationID),
          }),
        )}
      </div>
      ${stateBody ?? nothing}
      <tim-menu @tim-menu-select=${this.#onMenuSelect} @close=${this.#onMenuClose}></tim-menu>
      <tim-dialog></tim-dialog>`;
  }

  // ───────────────────────────── selection & keyboard ─────────────────────────────

  #rowOf(e: Event): { row: HTMLElement; conversation: Conversation } | undefined {
    const row = (e.target as Element | null)?.closest?.<HTMLElement>('.item');
    const id = row?.dataset.id;
    const conversation = id ? this.#list.items.find((c) => c.conversationID === id) : undefined;
    return row && conversation ? { row, conversation } : undefined;
  }

  #select(conversation: Conversation): void {
    this.#setFocus(conversation.conversationID);
    this.dispatchEvent(new TimNavigateEvent({ to: 'chat', conversationID: conversation.conversationID }));
  }

  #setFocus(key: string): void {
    if (key === this.#focusKey) return;
    this.#focusKey = key;
    this.requestUpdate();
  }

  /** Moves the keyboard focus and scrolls its row into view only when it is not fully visible. */
  #moveFocus(index: number, block: 'start' | 'end'): void {
    const c = this.#list.items[index];
    if (!c) return;
    this.#focusIndex = index;
    this.#setFocus(c.conversationID);
    const row = this.renderRoot.querySelector<HTMLElement>(`#${rowID(c.conversationID)}`);
    const list = this.listEl;
    if (row) {
      const r = row.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      if (r.top >= l.top - 0.5 && r.bottom <= l.bottom + 0.5) return;
    }
    this.#list.scrollToIndex(index, block);
  }

  #onListFocus = () => {
    const items = this.#list.items;
    if (!items.length || items.some((c) => c.conversationID === this.#focusKey)) return;
    const active = items.findIndex((c) => c.conversationID === this.activeConversationId);
    const first = this.#list.range.first;
    const visible = (i: number) => i >= first && i <= this.#list.range.last;
    this.#focusIndex = active >= 0 && visible(active) ? active : Math.max(0, first);
    this.#setFocus(items[this.#focusIndex]!.conversationID);
  };

  #onKey = (e: KeyboardEvent) => {
    if (e.target !== this.listEl || e.isComposing) return;
    const items = this.#list.items;
    if (!items.length) return;
    const index = items.findIndex((c) => c.conversationID === this.#focusKey);
    const focused = items[index];
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const target = focused ?? items[Math.max(0, this.#list.range.first)]!;
      this.#openMenuAtRow(target);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(this.listEl.clientHeight / ROW_PX) - 1);
    const next = navigationTarget(e.key, index, items.length, page);
    if (next !== null) {
      e.preventDefault();
      this.#moveFocus(next, next > index ? 'end' : 'start');
      return;
    }
    const typing = performance.now() - this.#lastTypeahead < TYPEAHEAD_PAUSE_MS;
    if ((e.key === 'Enter' || (e.key === ' ' && !typing)) && focused) {
      e.preventDefault();
      this.#select(focused);
      return;
    }
    if (e.key === 'Delete' && focused) {
      e.preventDefault();
      void this.#run('delete', focused);
      return;
    }
    if (e.key.length === 1) {
      const state = this.store?.state;
      const match = state ? this.#typeahead.match(e.key, index, (i) => showNameOf(state, items[i]!), items.length) : null;
      if (e.key !== ' ' || typing) this.#lastTypeahead = performance.now();
      if (match !== null) {
        e.preventDefault();
        this.#moveFocus(match, match > index ? 'end' : 'start');
      }
    }
  };

  #onClick = (e: MouseEvent) => {
    if (performance.now() - this.#pressOpenedAt < 800) return; // the click that ends a long press
    const hit = this.#rowOf(e);
    if (!hit) return;
    const more = (e.target as Element).closest<HTMLElement>('.more');
    if (more) {
      this.#setFocus(hit.conversation.conversationID);
      this.#openMenu(hit.conversation, more);
      return;
    }
    this.#select(hit.conversation);
  };

  /** The overflow button is for pointers: keep the focus on the listbox. */
  #onMouseDown = (e: MouseEvent) => {
    if ((e.target as Element).closest('.more')) {
      e.preventDefault();
      this.listEl.focus({ preventScroll: true });
    }
  };

  #onContextMenu = (e: MouseEvent) => {
    // A long press already opened the menu (Android also fires contextmenu for it).
    if (performance.now() - this.#pressOpenedAt < 800) {
      e.preventDefault();
      return;
    }
    const hit = this.#rowOf(e);
    if (hit) {
      e.preventDefault();
      this.#setFocus(hit.conversation.conversationID);
      this.#openMenu(hit.conversation, { x: e.clientX, y: e.clientY });
    } else if (e.target === this.listEl) {
      // From the keyboard (the focused listbox is the target): open at the row in focus.
      const items = this.#list.items;
      const focused = items.find((c) => c.conversationID === this.#focusKey) ?? items[0];
      if (focused) {
        e.preventDefault();
        this.#openMenuAtRow(focused);
      }
    }
  };

  #onPointerDown = (e: PointerEvent) => {
    this.#cancelPress();
    if (e.pointerType === 'mouse' || !e.isPrimary) return;
    const hit = this.#rowOf(e);
    if (!hit || (e.target as Element).closest('.more')) return;
    const { clientX: x, clientY: y } = e;
    const id = hit.conversation.conversationID;
    this.#press = {
      x,
      y,
      id,
      timer: setTimeout(() => {
        this.#press = undefined;
        const conversation = this.#list.items.find((c) => c.conversationID === id);
        if (!conversation) return;
        this.#pressOpenedAt = performance.now();
        this.#setFocus(id);
        this.#openMenu(conversation, { x, y });
      }, LONG_PRESS_MS),
    };
  };

  #onPointerMove = (e: PointerEvent) => {
    const p = this.#press;
    if (p && Math.hypot(e.clientX - p.x, e.clientY - p.y) > 10) this.#cancelPress();
  };

  #cancelPress = () => {
    if (!this.#press) return;
    clearTimeout(this.#press.timer);
    this.#press = undefined;
  };

  // ───────────────────────────── filter ─────────────────────────────

  #onFilterInput = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    this.#focusKey = '';
    this.#focusIndex = 0;
    this.#list.scrollToIndex(0);
  };

  #onFilterKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.query) {
      e.preventDefault();
      this.#clearFilter();
    } else if (e.key === 'ArrowDown' && this.#list.items.length) {
      e.preventDefault();
      this.listEl.focus();
      this.#moveFocus(0, 'start');
    } else if (e.key === 'Enter' && this.#list.items[0]) {
      this.#select(this.#list.items[0]);
    }
  };

  #clearFilter = () => {
    this.query = '';
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  };

  #reload = () => {
    this.store?.loadConversations().catch(() => undefined);
  };

  #findPeople = () => {
    this.dispatchEvent(new TimNavigateEvent({ to: 'search' }));
  };

  // ───────────────────────────── actions ─────────────────────────────

  #menuItems(c: Conversation): MenuItem[] {
    const a = this.t.conversation.actions;
    const muted = c.messageRemindType !== 'AcceptAndNotify';
    const unread = c.unreadCount > 0 || c.isMarkedUnread || c.groupAtInfoList.length > 0;
    this.#menuActions = this.actions.filter((d) => !BUILT_IN.has(d.id) && (!d.when || d.when(c)));
    return [
      c.isPinned ? { id: 'unpin', label: a.unpin, icon: 'pin' } : { id: 'pin', label: a.pin, icon: 'pin' },
      muted ? { id: 'unmute', label: a.unmute, icon: 'bell' } : { id: 'mute', label: a.mute, icon: 'bellOff' },
      unread ? { id: 'markRead', label: a.markRead, icon: 'checks' } : { id: 'markUnread', label: a.markUnread, icon: 'unread' },
      ...this.#menuActions.map((d, i) => ({ id: `custom:${i}`, label: d.label, ...(d.danger ? { danger: true } : {}) })),
      { id: 'clearHistory', label: a.clearHistory, icon: 'eraser' },
      { id: 'delete', label: a.delete, icon: 'trash', danger: true },
    ];
  }

  #openMenu(c: Conversation, at: { x: number; y: number } | HTMLElement): void {
    const menu = this.menu;
    if (!menu || !this.store) return;
    menu.items = this.#menuItems(c);
    menu.label = this.t.conversation.menuLabel(showNameOf(this.store.state, c));
    this.#menuKey = c.conversationID;
    this.requestUpdate();
    if (at instanceof HTMLElement) menu.showFor(at, this.listEl);
    else menu.showAt(at.x, at.y, this.listEl);
  }

  /** Opens the menu beside a row (from the keyboard), scrolling it into view first. */
  async #openMenuAtRow(c: Conversation): Promise<void> {
    const index = this.#list.items.indexOf(c);
    this.#moveFocus(index, 'end');
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`#${rowID(c.conversationID)}`);
    const r = (row ?? this.listEl).getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    this.#openMenu(c, { x: rtl ? r.right - 200 : r.left + 48, y: r.bottom - 8 });
  }

  #onMenuClose = () => {
    this.#menuKey = '';
    this.requestUpdate();
  };

  #onMenuSelect = (e: TimMenuSelectEvent) => {
    e.stopPropagation();
    const c = this.#list.items.find((x) => x.conversationID === this.#menuKey);
    if (!c) return;
    if (e.id.startsWith('custom:')) {
      const d = this.#menuActions[Number(e.id.slice(7))];
      if (d) this.dispatchEvent(new TimConversationActionEvent({ action: d.id, conversationID: c.conversationID, conversation: c }));
      return;
    }
    void this.#run(e.id as ConversationActionName, c);
  };

  /** Runs a built-in action: the host's veto first, then the confirmation where one is due, then the store. */
  async #run(action: ConversationActionName, c: Conversation): Promise<void> {
    const store = this.store;
    if (!store || !BUILT_IN.has(action)) return;
    const id: ConversationID = c.conversationID;
    if (!allowed(this, new TimBeforeConversationActionEvent({ action, conversationID: id, conversation: c }))) return;
    const t = this.t;
    if (action === 'delete' || action === 'clearHistory') {
      const ask = action === 'delete' ? t.conversation.confirmDelete : t.conversation.confirmClear;
      const ok = await this.dialog.confirm({
        title: ask.title,
        text: ask.text(showNameOf(store.state, c)),
        confirmLabel: ask.confirm,
        cancelLabel: t.common.cancel,
        danger: true,
      });
      if (!ok) return;
    }
    try {
      switch (action) {
        case 'pin':
        case 'unpin':
          await store.pinConversation(id, action === 'pin');
          break;
        case 'mute':
        case 'unmute':
          await store.setMessageRemindType(id, action === 'mute' ? 'AcceptNotNotify' : 'AcceptAndNotify');
          break;
        case 'markRead':
          await store.markRead(id);
          break;
        case 'markUnread':
          await store.markUnread(id, true);
          break;
        case 'clearHistory':
          await store.clearHistory(id);
          break;
        case 'delete':
          await store.deleteConversation(id);
          if (id === this.activeConversationId) this.dispatchEvent(new TimNavigateEvent({ to: 'conversations' }));
          break;
      }
      this.alert = '';
    } catch (error) {
      const e = this.reportError(error, SCENARIO[action]);
      this.alert = `${t.conversation.failed[action]} ${this.l10n.errorText(e.code)}`;
    }
  }
}
