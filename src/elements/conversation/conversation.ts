import { html, nothing, property, query, state, buttonStyles, stateViewStyles, TimElement, unreachable } from '../shared/first-screen.js';
import { parseConversationID, type Conversation, type UserID } from '../../core/index.js';
import {
  TimBeforeConversationActionEvent,
  TimConversationActionEvent,
  TimNavigateEvent,
  type ConversationActionDescriptor,
} from '../../events/index.js';
import type { ChatStore, StoreState } from '../../store/index.js';
import { navigationTarget, Typeahead, VirtualList, type VisibleRange } from '../shared/virtual-list.js';
import { stateView } from '../shared/state-view.js';
import type { TimMenuSelectEvent } from '../shared/menu.js';
import '../shared/avatar.js';
import '../status/define.js';
import { renderConversationItem, rowID, showNameOf, type RowContext } from './conversation-item.js';
import { conversationStyles } from './conversation.styles.js';
import type { ActionsHost } from './conversation-actions.js';
import { loadOnce } from '../../load-once.js';

type ActionsModule = typeof import('./conversation-actions.js');

/** A host's filter: keep the conversation when it returns true. `name` is its show name. */
export type ConversationFilter = (conversation: Conversation, name: string) => boolean;
/** A host's order, as for `Array.prototype.sort`. */
export type ConversationSort = (a: Conversation, b: Conversation) => number;

/** The default order: pinned first, then by last activity (newest first); ties keep the core's order. */
export const defaultConversationOrder: ConversationSort = (a, b) =>
  +b.isPinned - +a.isPinned || (b.lastMessage?.lastTime ?? 0) - (a.lastMessage?.lastTime ?? 0);

const ROW_PX = 72;
const LONG_PRESS_MS = 500;
const CLOCK_MS = 30_000;

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
 * The `filter` attribute adds a box that narrows the list by name as one types; hosts narrow and order it
 * themselves with the `filterBy` and `sortBy` properties. Loading, empty, error, offline and logged-out
 * states each say what is going on and offer a way forward (Retry, Find people, Log in again).
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
 * @csspart status - The connection/session line (`<tim-status>`: offline, kicked out, logged out).
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
 * @event {TimErrorEvent} tim-error - An action failed, or the code of the row menu or the filter box could not be
 *   loaded (code 2806: offline); the list also says so.
 */
export class TimConversation extends TimElement {
  /** @internal Focusing the host focuses the filter box or the list. */
  static override shadowRootOptions = { ...TimElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [TimElement.styles, buttonStyles, stateViewStyles, conversationStyles];

  /** The conversation the host has open: its row is marked (`aria-selected`, part `active`). */
  @property({ attribute: 'active-conversation-id' }) activeConversationId = '';

  /** Shows a filter box that narrows the list by name as one types. */
  @property({ type: Boolean, reflect: true }) filter = false;

  /** The list's accessible name (default: "Conversations", localised). */
  @property() label = '';

  /** A host's filter, `(conversation, name) => boolean`, applied before the filter box. */
  @property({ attribute: false }) filterBy: ConversationFilter | undefined;

  /** A host's order, `(a, b) => number` (default: pinned first, then last activity). */
  @property({ attribute: false }) sortBy: ConversationSort | undefined;

  /** The host's own actions, added to every row's menu; choosing one fires `tim-conversation-action`. */
  @property({ attribute: false }) actions: readonly ConversationActionDescriptor[] = [];

  @state() private query = '';
  @state() private alert = '';
  @query('.list') private listEl!: HTMLElement;

  #session = this.select((s) => s.session);
  #conversations = this.select((s) => s.conversations);
  // Selected (and read in render) so that a rename, a new avatar, typing or presence repaints the rows.
  #shown = [(s: StoreState) => s.profiles, (s: StoreState) => s.friends, (s: StoreState) => s.groups, (s: StoreState) => s.members, (s: StoreState) => s.typing, (s: StoreState) => s.presence].map((f) =>
    this.select<unknown>(f),
  );

  #list = new VirtualList<Conversation>(this, { key: (c) => c.conversationID, estimate: ROW_PX, overscan: 360, stickToTop: true, onRange: (r) => this.#watch(r) });
  #typeahead = new Typeahead();
  /** The row in keyboard focus (by key, so it survives reordering), and its last index. */
  #focusKey = '';
  #focusIndex = 0;
  #menuKey = '';
  #filterBox: typeof import('./conversation-filter.js') | undefined;
  #memo: unknown[] = [];
  #items: readonly Conversation[] = [];
  /** Peers whose presence the store follows, per store. */
  #watched = new WeakMap<ChatStore, Set<UserID>>();
  #clock: ReturnType<typeof setInterval> | undefined;
  #press: { timer: ReturnType<typeof setTimeout>; x: number; y: number } | undefined;
  #pressedAt = -Infinity;

  /** The conversations shown, in order, after the host's filter, the filter box and the sort. */
  get visibleConversations(): readonly Conversation[] {
    return this.#visible();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => this.requestUpdate(), CLOCK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#onPointer();
  }

  protected override updated(): void {
    const list = this.listEl;
    const id = this.#focusKey && rowID(this.#focusKey);
    if (id && this.renderRoot.querySelector(`#${id}`)) list.setAttribute('aria-activedescendant', id);
    else list?.removeAttribute('aria-activedescendant');
    // A fresh login (or a store that never loaded) gets its list.
    if (this.#session.value?.status === 'ready' && this.#conversations.value?.status === 'idle') this.#reload();
  }

  // ───────────────────────────── data ─────────────────────────────

  #visible(): readonly Conversation[] {
    const source = this.#conversations.value?.value ?? [];
    const needle = fold(this.query.trim());
    const hook = this.filterBy;
    const byName = !!(needle || hook);
    const deps = [source, this.sortBy, hook, needle, ...(byName ? this.#shown.map((c) => c.value) : [])];
    if (deps.length === this.#memo.length && deps.every((d, i) => d === this.#memo[i])) return this.#items;
    const state = this.store?.state;
    const items = byName && state
      ? source.filter((c) => {
          const name = showNameOf(state, c);
          return (!hook || hook(c, name)) && (!needle || fold(name).includes(needle) || fold(c.conversationID).includes(needle));
        })
      : [...source];
    this.#memo = deps;
    return (this.#items = items.sort(this.sortBy ?? defaultConversationOrder));
  }

  /** Presence for the peers on screen (the core pushes changes from then on). */
  #watch(range: VisibleRange): void {
    const store = this.store;
    if (!store || this.#session.value?.status !== 'ready') return;
    let watched = this.#watched.get(store);
    if (!watched) this.#watched.set(store, (watched = new Set()));
    const ids = this.#list.items
      .slice(Math.max(0, range.first), range.last + 1)
      .map((c) => parseConversationID(c.conversationID))
      .flatMap((target) => (target?.type === 'C2C' && !watched.has(target.targetID) ? [target.targetID] : []));
    if (!ids.length) return;
    ids.forEach((id) => watched.add(id));
    store.watchPresence(ids).catch(() => ids.forEach((id) => watched.delete(id)));
  }

  // ───────────────────────────── render ─────────────────────────────

  protected override render() {
    const store = this.store;
    const t = this.t;
    const tc = t.conversation;
    if (!store) return html`<tim-status></tim-status>`;
    const loadable = this.#conversations.value!;
    this.#shown.forEach((c) => c.value);
    const items = this.#visible();
    const none = !loadable.value.length;
    const q = this.query.trim();
    // A failed load whose words are still loading shows as loading, not as an empty list.
    const reason = loadable.status === 'error' ? this.l10n.errorText(loadable.error?.code ?? 0) : '';
    const failed = reason && `${tc.loadFailed} ${reason}`;

    // The filter box, once its chunk is there; nothing but it types a query, so a query means it is.
    const filter = this.#filterBox && {
      query: this.query,
      t,
      setQuery: this.#setQuery,
      clear: this.#clearFilter,
      enterList: () => {
        this.listEl.focus();
        this.#moveFocus(0, 'start');
      },
      openFirst: () => rows[0] && this.#select(rows[0]),
    };
    const empty = () => stateView({ kind: 'empty', text: tc.empty, slot: 'empty', ...(q ? {} : { action: { label: tc.emptyAction, run: this.#findPeople } }) });
    const stateBody =
      this.#session.value?.status === 'loggedOut'
        ? nothing
        : none && (loadable.status === 'loading' || loadable.status === 'idle' || reason === undefined)
          ? stateView({ kind: 'loading', text: tc.loading })
          : none && failed
            ? stateView({ kind: 'error', text: failed, action: { label: t.common.retry, run: this.#reload } })
            : none
              ? empty()
              : !items.length && q
                ? stateView(this.#filterBox!.noMatch(filter!))
                : !items.length
                  ? empty()
                  : null;
    const rows = stateBody === null ? items : [];
    // Keep the focus on the same conversation when the list changes, or on its neighbour when it left.
    if (this.#focusKey) {
      const index = rows.findIndex((c) => c.conversationID === this.#focusKey);
      if (index >= 0) this.#focusIndex = index;
      else this.#focusKey = rows[Math.min(this.#focusIndex, rows.length - 1)]?.conversationID ?? '';
    }
    const ctx: RowContext = {
      state: store.state,
      t,
      locale: this.l10n.locale,
      me: this.#session.value?.userID ?? '',
      now: Date.now() / 1000,
      count: rows.length,
      active: this.activeConversationId,
      focused: this.#focusKey,
      menu: this.#menuKey,
    };
    const alert = this.alert || (!none && failed);

    return html`<tim-status part="status"></tim-status>
      <div part="header"><slot name="header"></slot>${this.filter && filter ? this.#filterBox!.renderFilterBox(filter) : nothing}</div>
      ${alert
        ? html`<div part="alert" class="alert" role="alert"><span>${alert}</span>${this.alert
              ? html`<button @click=${() => (this.alert = '')}>${tc.dismiss}</button>`
              : html`<button @click=${this.#reload}>${t.common.retry}</button>`}</div>`
        : nothing}
      <div id="list" class="list" part="list" role="listbox" tabindex="0" aria-label=${this.label || tc.label} ?hidden=${stateBody !== null}
        @focus=${this.#onFocus} @keydown=${this.#onKey} @click=${this.#onClick} @contextmenu=${this.#onContextMenu}
        @mousedown=${this.#onMouseDown} @pointerdown=${this.#onPointer} @pointermove=${this.#onPointer} @pointerup=${this.#onPointer}
        @pointercancel=${this.#onPointer} @scroll=${this.#onPointer}
      >${this.#list.render(rows, (c, index) => renderConversationItem(c, ctx, index))}</div>
      ${stateBody ?? nothing}
      <tim-menu
        @tim-menu-select=${(e: TimMenuSelectEvent) => {
          e.stopPropagation();
          void this.#act((m, host) => m.choose(host, e.id));
        }}
        @close=${() => this.#setMenuKey('')}
      ></tim-menu>
      <tim-dialog></tim-dialog>`;
  }

  // ───────────────────────────── selection & keyboard ─────────────────────────────

  #rowOf(e: Event): Conversation | undefined {
    const id = (e.target as Element).closest?.<HTMLElement>('.item')?.dataset.id;
    return id ? this.#list.items.find((c) => c.conversationID === id) : undefined;
  }

  #select(c: Conversation): void {
    this.#setFocus(c.conversationID);
    this.dispatchEvent(new TimNavigateEvent({ to: 'chat', conversationID: c.conversationID }));
  }

  #setFocus(key: string): void {
    this.#focusKey = key;
    this.requestUpdate();
  }

  /** Moves the keyboard focus, scrolling only when its row is not fully visible. */
  #moveFocus(index: number, block: 'start' | 'end'): void {
    const c = this.#list.items[index];
    if (!c) return;
    this.#focusIndex = index;
    this.#setFocus(c.conversationID);
    const r = this.renderRoot.querySelector(`#${rowID(c.conversationID)}`)?.getBoundingClientRect();
    const l = this.listEl.getBoundingClientRect();
    if (!r || r.top < l.top - 0.5 || r.bottom > l.bottom + 0.5) this.#list.scrollToIndex(index, block);
  }

  /** Focus lands on the open conversation when it is on screen, else on the first row on screen. */
  #onFocus = () => {
    const items = this.#list.items;
    if (!items.length || items.some((c) => c.conversationID === this.#focusKey)) return;
    const { first, last } = this.#list.range;
    const active = items.findIndex((c) => c.conversationID === this.activeConversationId);
    this.#focusIndex = active >= first && active <= last ? active : Math.max(0, first);
    this.#setFocus(items[this.#focusIndex]!.conversationID);
  };

  #onKey = (e: KeyboardEvent) => {
    const items = this.#list.items;
    if (e.target !== this.listEl || e.isComposing || !items.length) return;
    const index = items.findIndex((c) => c.conversationID === this.#focusKey);
    const focused = items[index];
    const typing = this.#typeahead.typing;
    let next = navigationTarget(e.key, index, items.length, Math.max(1, Math.floor(this.listEl.clientHeight / ROW_PX) - 1));
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) void this.#openMenuAtRow(focused ?? items[Math.max(0, this.#list.range.first)]!);
    else if (e.altKey || e.ctrlKey || e.metaKey) return;
    else if (next === null && focused && (e.key === 'Enter' || (e.key === ' ' && !typing))) this.#select(focused);
    else if (next === null && focused && e.key === 'Delete') void this.#act((m, host) => m.runAction(host, 'delete', focused), 'deleteConversation');
    else if (next === null && e.key.length === 1) {
      const state = this.store!.state;
      if ((next = this.#typeahead.match(e.key, index, (i) => showNameOf(state, items[i]!), items.length)) === null) return;
    } else if (next === null) return;
    e.preventDefault();
    if (next !== null) this.#moveFocus(next, next > index ? 'end' : 'start');
  };

  #onClick = (e: MouseEvent) => {
    const c = this.#rowOf(e);
    const more = (e.target as Element).closest<HTMLElement>('.more');
    // (Not the click that ends a long press.)
    if (c && performance.now() - this.#pressedAt > 800) void (more ? this.#openMenu(c, more) : this.#select(c));
  };

  /** The overflow button is for pointers: the focus stays where it is (the menu returns it to the list). */
  #onMouseDown = (e: MouseEvent) => (e.target as Element).closest('.more') && e.preventDefault();

  #onContextMenu = (e: MouseEvent) => {
    // From the keyboard the target is the focused listbox itself: open at the row in focus.
    const c = e.target === this.listEl ? this.#list.items.find((x) => x.conversationID === this.#focusKey) : this.#rowOf(e);
    // A long press already opened the menu (Android fires contextmenu for it too).
    const pressed = performance.now() - this.#pressedAt < 800;
    if (c || pressed) e.preventDefault();
    if (c && !pressed) void (e.target === this.listEl ? this.#openMenuAtRow(c) : this.#openMenu(c, { x: e.clientX, y: e.clientY }));
  };

  /** Long press (touch and pen) opens the menu; moving, lifting or scrolling cancels it. */
  #onPointer = (e?: Event) => {
    const p = this.#press;
    if (e instanceof PointerEvent && e.type === 'pointermove' && p && Math.hypot(e.clientX - p.x, e.clientY - p.y) < 10) return;
    clearTimeout(p?.timer);
    this.#press = undefined;
    if (!(e instanceof PointerEvent) || e.type !== 'pointerdown' || e.pointerType === 'mouse' || !e.isPrimary) return;
    const c = this.#rowOf(e);
    const { clientX: x, clientY: y } = e;
    if (c && !(e.target as Element).closest('.more')) {
      this.#press = {
        x,
        y,
        timer: setTimeout(() => {
          this.#pressedAt = performance.now();
          void this.#openMenu(c, { x, y });
        }, LONG_PRESS_MS),
      };
    }
  };

  // ───────────────────────────── filter ─────────────────────────────

  #filterAsked = false;

  protected override willUpdate(): void {
    if (this.filter && !this.#filterAsked) {
      this.#filterAsked = true;
      // Not fetched (offline): the list says so (only a reload brings it: the page keeps a failed fetch).
      import('./conversation-filter.js')
        .catch(unreachable)
        .then(
          (m) => {
            this.#filterBox = m;
            this.requestUpdate();
          },
          (error: unknown) => this.#unloaded(error, 'openFilter'),
        );
    }
  }

  /** A part of the list's code could not be fetched for `scenario`: the host hears of it, the alert line says so. */
  #unloaded(error: unknown, scenario: string): void {
    this.reportError(error, scenario, (text) => (this.alert = text));
  }

  #setQuery = (query: string) => {
    this.query = query;
    this.#focusKey = '';
    this.#list.scrollToIndex(0);
  };

  #clearFilter = () => {
    this.#setQuery('');
    this.renderRoot.querySelector('input')?.focus();
  };

  #reload = () => void this.store?.loadConversations().catch(() => undefined);

  #findPeople = () => this.dispatchEvent(new TimNavigateEvent({ to: 'search' }));

  // ───────────────────────────── actions ─────────────────────────────

  #setMenuKey(key: string): void {
    this.#menuKey = key;
    this.requestUpdate();
  }

  /** The actions code: a lazy chunk, loaded on first use (not fetched, offline: the next use tries again). */
  #loadActions = loadOnce(() => import('./conversation-actions.js').catch(unreachable));

  /** Runs something of the actions code with what it needs; says so when it cannot be loaded for `scenario`. */
  #act(run: (m: ActionsModule, host: ActionsHost) => unknown, scenario = 'openConversationMenu'): Promise<unknown> {
    return this.#loadActions().then(
      (m) =>
        this.store &&
        run(m, {
          target: this,
          t: this.t,
          events: { before: TimBeforeConversationActionEvent, custom: TimConversationActionEvent, navigate: TimNavigateEvent },
          nameOf: (c) => showNameOf(this.store!.state, c),
          setMenuKey: (key) => this.#setMenuKey(key),
          fail: (error, scenario, text) => void this.reportError(error, scenario, (reason) => (this.alert = `${text} ${reason}`)),
          done: () => (this.alert = ''),
        }),
      (error: unknown) => this.#unloaded(error, scenario),
    );
  }

  #openMenu(c: Conversation, at: { x: number; y: number } | HTMLElement) {
    this.#setFocus(c.conversationID);
    return this.#act((m, host) => m.openMenu(host, c, at));
  }

  /** Opens the menu on a row (from the keyboard), scrolling it into view first. */
  async #openMenuAtRow(c: Conversation): Promise<void> {
    this.#moveFocus(this.#list.items.indexOf(c), 'end');
    await this.updateComplete;
    await this.#act((m, host) => m.openMenuOnRow(host, c));
  }
}
