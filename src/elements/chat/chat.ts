import { html, nothing, property, state, buttonStyles, stateViewStyles, icon, TimElement, ChatErrorCode, unreachable, type PropertyValues } from '../shared/first-screen.js';
import {
  compareMessages,
  parseConversationID,
  type ChatError,
  type Conversation,
  type ConversationID,
  type Message,
} from '../../core/index.js';
import { TimMessageActionEvent, TimNavigateEvent, type TimNavigateIntent } from '../../events/index.js';
import { formatBytes, formatClock, formatDateTime, formatDay } from '../../i18n/index.js';
import { conversationAvatar, conversationShowName, memberShowName, userShowName, type MessageWindow } from '../../store/index.js';
import { navigationTarget } from '../shared/list-keyboard.js';
import { previewText } from '../shared/message-preview.js';
import { stateView } from '../shared/state-view.js';
import { stripControls } from '../shared/text.js';
import { VirtualList, type VisibleRange } from '../shared/virtual-list.js';
import { chatStyles } from './chat.styles.js';
import { MessageBodies, fitBox, isJumbo, type BodyHost } from './message-body.js';
import { parseReply } from './reply.js';
import { buildRows, firstUnread, isNotice, type MessageRow, type Row } from './rows.js';
import type { MessageActionsLayer } from './actions/actions.js';
import type { MessageAction } from './actions/types.js';
import type { Jumps } from './jump.js';
import { loadOnce } from '../../load-once.js';

/** Pages loaded at most to reach the first unread message when opening. */
const UNREAD_PAGES = 25;
const frame = () => new Promise((r) => requestAnimationFrame(r));

/**
 * One conversation: a header (name, avatar, typing, presence or member count, back and search) and its
 * history. The history opens at the first unread message (under an "Unread messages" separator) or at the
 * bottom, loads older pages as the reader scrolls up without moving what they read, keeps the reader's
 * place when messages arrive while they have scrolled up (showing an "N new messages" pill), and jumps to
 * any message (`message-id`, `scrollToMessage()`), paging both ways from there. It renders every message
 * type, statuses and receipts live, marks the conversation read while the reader is at the bottom of a
 * visible tab, and keeps a bounded DOM for any length of history.
 *
 * Keyboard: Tab reaches the history once; arrow keys, Home, End, Page Up and Page Down move between
 * messages. New incoming messages are announced once, politely. Ctrl/Cmd+F (or the header's search button
 * with `inline-search`) opens a find bar over the history: the hits of a keyword with a count, Enter for
 * the next older hit, Shift+Enter for the next newer, each shown as a jump to that message; Escape closes.
 *
 * Composer: Enter sends, Shift+Enter breaks the line (on a touch screen, Enter breaks the line and the Send
 * button sends, as in mobile chat apps; the on-screen keyboard's Enter key says which), nothing is sent while
 * an input method is composing, Escape cancels a quote or an edit.
 *
 * Message actions: a right-click, a long press, the context-menu key or Shift+F10 on a message opens its
 * menu, and a toolbar shows on the message under the pointer or focus: copy, reply, forward (one message, or
 * several one by one or merged into one chat record, to conversations picked in a dialog), select several
 * (a bar of bulk actions replaces the composer), edit and recall own messages (within the core's recall
 * window; a recalled text can be re-edited), delete for me (confirmed), resend a failed message, who read a
 * group message, and the host's own `messageActions`. Focus returns where it was after each menu or dialog.
 *
 * @tagname tim-chat
 * @summary A conversation's header and message history.
 *
 * @slot header-actions - Extra buttons in the header, before the search button.
 * @slot composer - Replaces the built-in message composer under the history.
 *
 * @csspart header - The header bar.
 * @csspart back-button - The back button (hidden with `no-back`).
 * @csspart title - The avatar, name and status line (opens the profile or group).
 * @csspart subtitle - The status line: typing, online state or member count.
 * @csspart search-button - The search button.
 * @csspart find-bar - The find-in-conversation bar over the history.
 * @csspart history - The scrolling message history (`role="log"`).
 * @csspart message - Each message row (also `own`, `other` or `notice`).
 * @csspart bubble - A message's bubble.
 * @csspart sender - A sender's name in groups.
 * @csspart meta - Time, edited mark and status under a bubble.
 * @csspart retry-button - The Retry button of a failed message.
 * @csspart quote - The quoted message of a reply.
 * @csspart day-divider - The date between days.
 * @csspart unread-divider - The "Unread messages" separator.
 * @csspart new-messages - The "N new messages" / jump-to-latest pill.
 * @csspart composer - The region holding the `composer` slot (and the built-in composer).
 * @csspart composer-input - The message input.
 * @csspart send-button - The send (or save, when editing) button.
 * @csspart quote-preview - The quoted message above the input.
 * @csspart edit-banner - The "Editing message" bar above the input.
 * @csspart disabled-reason - Why the composer is disabled (offline, muted, blocked…).
 * @csspart composer-unavailable - Said in the composer's place when its code could not be loaded (offline).
 * @csspart unavailable - Said above the composer when what the user asked for (a message's menu, the find bar,
 *   the image viewer, a jump) could not be loaded (offline): reloading the page brings it.
 * @csspart attachments - The attachments waiting to be sent or uploading.
 * @csspart mention-list - The `@` member picker.
 * @csspart message-tools - The toolbar of the message under the pointer or focus.
 * @csspart select-bar - The bar of bulk actions in multi-select mode (in place of the composer).
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --tim-chat-bubble-max-width - Widest a bubble gets (default min(75%, 36rem)).
 *
 * @event {TimNavigateEvent} tim-navigate - The user asked for a profile, a group, search, or to go back.
 * @event {TimErrorEvent} tim-error - Loading, resending or jumping to a message failed, or a message action did, or
 *   a part of the chat's code could not be loaded (code 2806: offline; the chat says so too).
 * @event {TimBeforeEvent} tim-before-recall - Before a message is recalled for everyone (`detail.message`); cancelable.
 * @event {TimBeforeEvent} tim-before-delete-message - Before messages are deleted for the user, once confirmed (`detail.messages`); cancelable.
 * @event {TimBeforeEvent} tim-before-forward - Before messages are forwarded (`detail.messages`, `detail.conversationIDs`, `detail.merged`); cancelable.
 * @event {TimBeforeEvent} tim-before-resend - Before a failed message is sent again (`detail.message`); cancelable.
 * @event {TimMessageActionEvent} tim-message-action - The user picked one of `messageActions` (`detail.action`, `detail.message`).
 * @event {TimBeforeEvent} tim-before-send - Before each message the user sends (text, sticker, each attachment):
 * `preventDefault()` vetoes it (the text stays in the input); `detail.draft` and `detail.cloudCustomData` are
 * writable (see `TimBeforeSendDetail`).
 * @event {TimBeforeEvent} tim-before-edit - Before an edited message is saved for everyone; `detail.text` is writable.
 */
export class TimChat extends TimElement {
  static override styles = [TimElement.styles, buttonStyles, stateViewStyles, chatStyles];

  /** The conversation to show (`C2C<userID>` or `GROUP<groupID>`). */
  @property({ attribute: 'conversation-id', reflect: true }) conversationId = '';

  /** A message to open the history at and highlight (search results, quotes). */
  @property({ attribute: 'message-id' }) messageId = '';

  /** Hides the back button (when the host shows the list beside the chat). */
  @property({ type: Boolean, attribute: 'no-back', reflect: true }) noBack = false;

  /** The header's search button opens the find bar instead of asking the host for `<tim-search>`. */
  @property({ type: Boolean, attribute: 'inline-search' }) inlineSearch = false;

  /**
   * Map link of location messages: `{lat}` and `{lon}` are replaced; the result must pass the provider's
   * URL allow-list, else no link is shown.
   */
  @property({ attribute: 'map-url' }) mapUrl = 'https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}';

  /**
   * The host's own actions in each message's menu, after the kit's (`{ id, label, icon?, danger?, when? }`);
   * picking one fires `tim-message-action` with its `id` and the message.
   */
  @property({ attribute: false }) messageActions: readonly MessageAction[] = [];

  #session = this.select((s) => s.session);
  #windows = this.select((s) => s.windows);
  #conversations = this.select((s) => s.conversations);
  #profiles = this.select((s) => s.profiles);
  #friends = this.select((s) => s.friends);
  #groups = this.select((s) => s.groups);
  #members = this.select((s) => s.members);
  #typing = this.select((s) => s.typing);
  #presence = this.select((s) => s.presence);
  #progress = this.select((s) => s.progress);

  /** True while the reader is at the bottom of the history. */
  @state() private atBottom = true;
  /** @internal Incoming messages that arrived while the reader was scrolled up, not seen yet. */
  @state() unseen: readonly Message[] = [];
  @state() private announcement = '';
  /** Hidden while the first page loads and the view is placed (no visible jump). */
  @state() private opening = false;
  @state() private openError: ChatError | undefined;
  @state() private olderFailed = false;
  /** A newer page failed (a window opened around an older message): Retry, no loop of requests. */
  @state() private newerFailed = false;

  /** @internal */
  readonly list = new VirtualList<Row>(this, {
    key: (r) => r.key,
    estimate: estimateRow,
    stickToBottom: true,
    // Messages keep their place; the loading row and day dividers move when older pages arrive.
    anchorable: (r) => r.kind === 'message' || r.kind === 'unread',
    overscan: 800,
    onRange: (r) => this.#onRange(r),
  });
  /** `reportError`, for the lazy parts (`show` gets the error's words once they are loaded). Before the bodies,
   *  which take it. */
  #report = (error: unknown, scenario: string, show?: (text: string) => void) => void this.reportError(error, scenario, show);
  readonly #bodies: MessageBodies = new MessageBodies(this.#bodyHost());

  #unreadFrom = '';
  #rows: Row[] = [];
  #rowsFor: unknown[] = [];
  /** Index of each message row in `#rows`. */
  #rowIndex = new Map<string, number>();
  #messageKeys: string[] = [];
  #focusKey = '';
  #openedFor = '';
  #openedStore: unknown;
  #openToken = 0;
  #lastMessages: readonly Message[] | undefined;
  #announced = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.addEventListener('keydown', this.#onFindKey);
    for (const type of WAKE) this.addEventListener(type, this.#wakeActions);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#bodies.audio?.stop();
    this.#openedFor = '';
  }

  /**
   * Opens the history around a message and highlights it (loading the pages either side of it). Resolves
   * false, and fires `tim-error`, when the message cannot be found.
   */
  async scrollToMessage(messageID: string): Promise<boolean> {
    const jumps = await this.#jumpsFor('scrollToMessage');
    try {
      return !!jumps && (await jumps.toMessage(messageID));
    } catch (error) {
      this.reportError(error, 'scrollToMessage');
      return false;
    }
  }

  #jumps: Jumps | undefined;
  /** The jumps (to a message, to the latest) and the pill: a lazy chunk, loaded with the first jump or
   *  the first time the reader leaves the bottom (not fetched, offline: the next jump, or the next render
   *  that wants the pill, tries again). */
  #loadJumps = loadOnce(() =>
    import('./jump.js')
      .catch(unreachable)
      .then((mod) => (this.#jumps = mod.attachJumps(this, { strings: () => this.t, focus: (key) => (this.#focusKey = key), report: this.#report }))),
  );
  /** The jumps for what the user asked (`scenario`); undefined, said and reported, when they cannot be loaded. */
  #jumpsFor(scenario: string): Promise<Jumps | undefined> {
    return this.#loadJumps().catch((error: unknown) => void this.#unloaded(error, scenario));
  }

  /** The "N new messages" / jump-to-latest pill, drawn by the jumps' chunk (loaded for it, the first time). */
  #jumpButton(): unknown {
    if (this.#jumps) return this.#jumps.pill();
    this.#loadJumps().catch(() => undefined);
    return nothing;
  }

  /** Opens the find bar over the history (Ctrl/Cmd+F), or focuses it when open. */
  async openFind(): Promise<void> {
    // With the search panel: one lazy chunk for both (see search/lazy.ts).
    if (this.conversationId)
      await import('../search/lazy.js')
        .catch(unreachable)
        .then((m) => m.openFindBar(this), (error: unknown) => this.#unloaded(error, 'openFind'));
  }

  /** A part of the chat's code could not be fetched for what the user asked (`scenario`): the host hears of
   *  it, and a line above the composer says so (only a reload brings it: the page keeps a failed fetch). */
  #unloaded(error: unknown, scenario: string): void {
    this.reportError(error, scenario, () => (this.unloaded ||= 'part'));
  }

  #onFindKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f' && this.conversationId) {
      e.preventDefault();
      void this.openFind();
    }
  };

  // ───────────────────────────── hooks for message actions and the composer ─────────────────────────────

  /**
   * Hook for message actions: called on a right-click, the context-menu key or Shift+F10 on a message.
   * Return true when handled (the browser's own menu is then suppressed). Nothing by default.
   */
  protected openMessageActions(message: Message, anchor: HTMLElement, point?: { x: number; y: number }): boolean {
    this.loadActions().then(
      (a) => a.openMenu(message, anchor, point),
      (error: unknown) => this.#unloaded(error, 'openMessageMenu'),
    );
    return true;
  }

  /** Hook: extra controls beside a message's bubble (a hover toolbar, say). Nothing by default. */
  protected renderMessageTools(message: Message): unknown {
    return this.#actions?.tools(message) ?? nothing;
  }

  #actions: MessageActionsLayer | undefined;

  /** @internal The message actions: a lazy chunk, loaded when a message is first pointed at, touched or
   *  focused (not fetched, offline: what the user asks of them next tries again). */
  loadActions(): Promise<MessageActionsLayer> {
    return this.#loadActions();
  }

  #loadActions = loadOnce(() =>
    import('./actions/actions.js')
      .catch(unreachable)
      .then((mod) => {
        for (const type of WAKE) this.removeEventListener(type, this.#wakeActions);
        // What the chunk uses from this bundle is handed over, not imported (see the composer).
        const kit = {
          compareMessages,
          conversationAvatar,
          conversationShowName,
          memberShowName,
          userShowName,
          TimMessageActionEvent,
          previewText,
          stripControls,
        };
        return (this.#actions = mod.attachActions(this, kit));
      }),
  );

  #wakeActions = (e: Event) => {
    // The event is handed on once the chunk is in: its row is found now (the path is empty after dispatch),
    // and a press lifted or moved meanwhile was a tap or a scroll (the chunk was not there to see it).
    const row = e.composedPath().find((n) => (n as Element).classList?.contains('row')) as HTMLElement | undefined;
    if (!row) return;
    const { clientX: x, clientY: y } = e as PointerEvent;
    let ended = false;
    const end = (m: Event) => {
      const p = m as PointerEvent;
      ended ||= m.type !== 'pointermove' || Math.hypot(p.clientX - x, p.clientY - y) > 10;
    };
    const types = e.type === 'pointerdown' ? ['pointerup', 'pointercancel', 'pointermove'] : [];
    for (const type of types) this.renderRoot.addEventListener(type, end);
    // Not fetched (offline): the next one tries again; a menu the user asks for says so.
    this.loadActions()
      .then((a) => ended || a.wake(e, row), () => undefined)
      .finally(() => {
        for (const type of types) this.renderRoot.removeEventListener(type, end);
      });
  };

  /**
   * Hook: the default content of the `composer` slot: the composer. Its module loads after the history
   * shows; until then the element holds its place at its height (the history does not move when it comes).
   */
  protected renderComposer(): unknown {
    // Its chunk could not be fetched (offline as the chat opened): a page keeps a failed module fetch, so
    // only a reload brings it; say so rather than leave an empty bar.
    if (this.unloaded === 'composer') return html`<p class="composer-unavailable" part="composer-unavailable" role="alert">${this.t.chat.composerUnavailable}</p>`;
    return this.conversationId
      ? html`<tim-chat-composer
          conversation-id=${this.conversationId}
          .store=${this.store}
          .t=${this.t}
          locale=${this.l10n.locale}
          .report=${this.#report}
        ></tim-chat-composer>`
      : nothing;
  }

  // ───────────────────────────── the composer (a lazy chunk) ─────────────────────────────

  #composerModule: Promise<unknown> | undefined;
  /**
   * A chunk could not be fetched (offline): the composer's (said in its place), or that of what the user asked
   * for (a message's menu, the find bar, the image viewer, a jump: said above the composer, when it is there).
   */
  @state() private unloaded: '' | 'composer' | 'part' = '';

  /** The composer, loading its module first (once). Undefined without a conversation. */
  async #composer(): Promise<HTMLElementTagNameMap['tim-chat-composer'] | undefined> {
    // What the composer uses from this bundle is handed over, not imported: importing it from the lazy
    // chunk would split the initial bundle into more (less compressible) chunks.
    this.#composerModule ??= import('./composer/composer.js')
      .catch(unreachable)
      .then(
        (m) =>
          m.defineComposer({
            previewText,
            memberShowName,
            userShowName,
            formatBytes,
            formatDateTime,
            stripControls,
          }),
        (error: unknown) => {
          this.unloaded = 'composer';
          this.reportError(error, 'openComposer');
          throw error;
        },
      );
    await this.#composerModule;
    await this.updateComplete;
    const composer = this.renderRoot.querySelector('tim-chat-composer') ?? undefined;
    await composer?.updateComplete;
    return composer;
  }

  /**
   * Quotes a message: a preview of it above the input, and the next text sent replies to it (the reply
   * shows the quoted message, which jumps there when clicked). Escape or the preview's close button
   * cancels. Focuses the input.
   */
  async quote(message: Message): Promise<void> {
    (await this.#composer())?.quote(message);
  }

  /**
   * Edits an own text message: its text goes into the input; Enter saves it for everyone (`tim-before-edit`
   * first), Escape cancels and puts back what was being typed.
   */
  async editMessage(message: Message): Promise<void> {
    (await this.#composer())?.edit(message);
  }

  /** Puts text back into the input (a recalled message's, for "re-edit"), after anything already typed. */
  async reEdit(text: string): Promise<void> {
    (await this.#composer())?.reEdit(text);
  }

  /** Moves the focus to the message input. */
  async focusComposer(): Promise<void> {
    (await this.#composer())?.focusInput();
  }

  // ───────────────────────────── lifecycle ─────────────────────────────

  /** The loaded window of this conversation. */
  get #window(): MessageWindow | undefined {
    return this.#windows.value?.get(this.conversationId as ConversationID);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const w = this.#window;
    if (w?.messages !== this.#lastMessages) {
      if (w) this.#noteArrivals(w);
      this.#lastMessages = w?.messages;
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const session = this.#session.value;
    const key = this.store && session?.status === 'ready' && this.conversationId ? `${session.userID}\n${this.conversationId}` : '';
    if (key !== this.#openedFor || (this.store && this.store !== this.#openedStore)) {
      this.#openedFor = key;
      this.#openedStore = this.store;
      // After this update: opening sets state of its own.
      void Promise.resolve().then(() => this.#open());
    } else if (changed.has('messageId') && this.messageId) {
      void this.scrollToMessage(this.messageId);
    }
    // One tab stop: the focused message when it is rendered, else the log itself (set here, after the
    // rows are in the DOM, rather than with another render).
    const log = this.list.element;
    if (log) log.tabIndex = this.#focusKey && this.#rowElement(this.#focusKey) ? -1 : 0;
    // What a message holds (its sender's avatar, links, media, quote) is a tab stop in the focused message
    // only: Tab passes the others, as the arrow keys move between them.
    for (const row of log?.querySelectorAll<HTMLElement>('.row') ?? [])
      for (const c of row.querySelectorAll<HTMLElement>('a,button,summary,video')) c.tabIndex = row.dataset.id === this.#focusKey ? 0 : -1;
    this.#markRead();
  }

  async #open(): Promise<void> {
    const token = ++this.#openToken;
    const store = this.store;
    const id = this.conversationId as ConversationID;
    this.#bodies.reset();
    this.#announced.clear();
    this.#unreadFrom = this.#focusKey = this.announcement = '';
    this.unseen = [];
    this.openError = undefined;
    this.olderFailed = this.newerFailed = false;
    this.#lastMessages = undefined;
    this.#rowsFor = [];
    if (!store || !this.#openedFor) return;
    this.opening = true;
    void this.#bodies.load().catch(() => undefined);
    try {
      const target = parseConversationID(id);
      const conversation = await store.ensureConversation(id).catch(() => undefined);
      if (target?.type === 'C2C') {
        store.ensureProfiles([target.targetID]);
        store.watchPresence([target.targetID]).catch(() => undefined);
      } else if (target?.type === 'GROUP') {
        store.ensureGroups([target.targetID]);
        store.loadMembers(target.targetID).catch(() => undefined);
      }
      // Without the jumps' chunk (offline, said above the composer) it opens at the latest messages instead.
      if (this.messageId && (await this.#jumpsFor('scrollToMessage'))) {
        this.opening = false;
        await this.scrollToMessage(this.messageId);
        return;
      }
      let w = await store.openConversation(id);
      const unread = conversation?.unreadCount ?? 0;
      if (unread > 0) {
        let from = firstUnread(w.messages, unread, !w.hasOlder);
        for (let page = 0; from === '' && w.hasOlder && page < UNREAD_PAGES && token === this.#openToken; page++) {
          await store.loadOlder(id);
          w = store.state.windows.get(id) ?? w;
          from = firstUnread(w.messages, unread, !w.hasOlder);
        }
        // Past the page limit: the separator goes above the oldest unread message loaded.
        this.#unreadFrom = from || (from === '' ? (w.messages.find((m) => m.flow === 'in' && !m.isRead)?.ID ?? '') : '');
      }
      if (token !== this.#openToken) return;
      this.#lastMessages = w.messages;
      this.requestUpdate();
      await this.updateComplete;
      if (this.#unreadFrom) this.list.scrollToKey('unread', 'start');
      else this.list.scrollToBottom();
      await this.updateComplete;
      await frame();
    } catch (error) {
      if (token === this.#openToken) this.openError = this.reportError(error, 'openConversation');
    } finally {
      if (token === this.#openToken) {
        this.opening = false;
        // A scroll that came while the conversation was opening was ignored then: it counts once the history
        // is drawn (after that update, not inside it: what it sets, e.g. atBottom, is state of its own).
        void this.updateComplete.then(() => token === this.#openToken && this.#onRange(this.list.range));
      }
      // The history first, then the composer's chunk.
      if (this.#openedFor) void this.#composer().catch(() => undefined);
    }
  }

  /** New incoming messages at the live end: announce them once; count them when the reader is away. */
  #noteArrivals(w: MessageWindow): void {
    const previous = this.#lastMessages;
    if (!previous || this.opening || w.hasNewer) return;
    const newest = previous.findLast((m) => m.status === 'success');
    if (!newest) return;
    const arrived: Message[] = [];
    let sent = false;
    for (let i = w.messages.length - 1, n = 0; i >= 0 && n < 500; i--, n++) {
      const m = w.messages[i]!;
      if (m.status === 'success' && compareMessages(m, newest) <= 0) break;
      if (this.#announced.has(m.ID)) continue;
      if (m.flow === 'in') arrived.unshift(m);
      // The user's own new message (from the composer, a forward, a resend): show it, wherever they were.
      else if (m.status === 'unSend') sent = Boolean(this.#announced.add(m.ID));
    }
    if (sent) void this.updateComplete.then(() => this.list.scrollToBottom());
    if (arrived.length === 0) return;
    for (const m of arrived) this.#announced.add(m.ID);
    this.store?.ensureProfiles(arrived.map((m) => m.from));
    const said = arrived
      .slice(-3)
      .map((m) => this.t.common.preview.senderPrefix(this.#senderName(m)) + this.#preview(m))
      .join('\n');
    // The same words as last time (a second "ok") must change the region, or they are not said: a space is
    // added, or taken away.
    this.announcement = said === this.announcement ? `${said}\u00a0` : said;
    const away = !this.list.atBottom || document.visibilityState === 'hidden';
    if (away) this.unseen = [...this.unseen, ...arrived];
    // Arrived while the tab was hidden: mark where reading stopped.
    if (document.visibilityState === 'hidden' && !this.#unreadFrom) this.#unreadFrom = arrived[0]!.ID;
  }

  #preview(m: Message): string {
    if (isNotice(m)) return String(this.#bodies.render(m));
    return previewText(this.t, m);
  }

  #onVisibility = () => {
    this.#markRead();
    this.requestUpdate();
  };

  /** Marks the conversation read while the reader is at the bottom of a visible tab, online: offline the
   *  request fails, the list is reloaded with the unread count back, and the next render would ask again
   *  (a loop of failing requests, the badge flickering); the list loaded on reconnecting brings it here. */
  #markRead(): void {
    const store = this.store;
    const w = this.#window;
    if (!store || !w || store.state.net !== 'connected' || document.visibilityState !== 'visible' || this.opening || w.status !== 'ready' || w.hasNewer || !this.list.atBottom) return;
    const c = store.conversation(this.conversationId as ConversationID);
    if (c && (c.unreadCount > 0 || c.isMarkedUnread || c.groupAtInfoList.length > 0)) store.markRead(c.conversationID).catch(() => undefined);
  }

  #onRange(r: VisibleRange): void {
    const store = this.store;
    const w = this.#window;
    const el = this.list.element;
    if (!store || !w || !el || this.opening || w.status !== 'ready') return;
    const id = w.conversationID;
    if (w.hasOlder && !w.loadingOlder && !this.olderFailed && r.scrollTop < el.clientHeight) {
      store.loadOlder(id).catch((error) => {
        this.olderFailed = true;
        this.reportError(error, 'loadOlder');
      });
    }
    if (w.hasNewer && !w.loadingNewer && !this.newerFailed && r.distanceToBottom < el.clientHeight) {
      store.loadNewer(id).catch((error) => {
        this.newerFailed = true;
        this.reportError(error, 'loadNewer');
      });
    }
    const atBottom = this.list.atBottom;
    if (atBottom !== this.atBottom) this.atBottom = atBottom;
    if (this.unseen.length && document.visibilityState === 'visible') {
      const rest = atBottom && !w.hasNewer ? [] : this.unseen.filter((m) => (this.#rowIndex.get(m.ID) ?? Infinity) > r.last);
      if (rest.length !== this.unseen.length) this.unseen = rest;
    }
    this.#markRead();
  }

  #navigate(intent: TimNavigateIntent): void {
    this.dispatchEvent(new TimNavigateEvent(intent));
  }

  #bodyHost(): BodyHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const chat = this;
    return {
      chat: this,
      get t() {
        return chat.t;
      },
      get locale() {
        return chat.l10n.locale;
      },
      get schemes() {
        return chat.tim?.urlSchemes ?? [];
      },
      get renderers() {
        return chat.tim?.messageRenderers ?? {};
      },
      get me() {
        return chat.#session.value?.userID ?? '';
      },
      progress: (id) => this.#progress.value?.get(id),
      nameOf: (userID, fallback) => this.#nameOf(userID, fallback),
      openImage: (src, alt, opener) =>
        void import('./lightbox.js')
          .catch(unreachable)
          .then(
            (mod) => mod.openLightbox(this.renderRoot, { src, alt, label: this.t.chat.lightbox, closeLabel: this.t.common.close }, opener),
            (error: unknown) => this.#unloaded(error, 'openImage'),
          ),
      report: this.#report,
    };
  }

  /** A user's name here, without the invisible direction and zero-width controls used to spoof names. */
  #nameOf(userID: string, fallback = ''): string {
    const state = this.store?.state;
    if (!state || !userID) return stripControls(fallback || userID);
    const target = parseConversationID(this.conversationId);
    return stripControls(target?.type === 'GROUP' ? memberShowName(state, target.targetID, userID, fallback) : userShowName(state, userID) || fallback);
  }

  #senderName(m: Message): string {
    if (m.flow === 'out' && m.from === this.#session.value?.userID) return this.t.common.you;
    return this.#nameOf(m.from, m.nameCard || m.nick);
  }

  // ───────────────────────────── keyboard ─────────────────────────────

  #rowElement(key: string): HTMLElement | null {
    return this.list.element?.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(key)}"]`) ?? null;
  }

  #onKeydown(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    const scroller = this.list.element!;
    const onRow = target.classList.contains('row');
    if (!onRow && target !== scroller) return;
    const keys = this.#messageKeys;
    if (onRow && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
      const m = this.#messageOf(target.dataset.id!);
      if (m && this.openMessageActions(m, target)) e.preventDefault();
      return;
    }
    const range = this.list.range;
    const current = onRow ? keys.indexOf(target.dataset.id!) : -1;
    const visible = keys.findIndex((k) => (this.#rowIndex.get(k) ?? -1) >= range.first);
    const from = current >= 0 ? current : Math.max(0, visible);
    const next = onRow ? navigationTarget(e.key, current, keys.length, Math.max(1, range.last - range.first)) : e.key.startsWith('Arrow') ? from : null;
    if (next === null) return;
    e.preventDefault();
    void this.#focusMessage(keys[next]!, next < current ? 'start' : 'end');
  }

  async #focusMessage(key: string, block: 'start' | 'end'): Promise<void> {
    this.#focusKey = key;
    let row = this.#rowElement(key);
    if (!row) {
      // After the key event (whose default the list treats as the reader taking over the scroll).
      await frame();
      this.list.scrollToKey(key, block);
      for (let i = 0; i < 5 && !(row = this.#rowElement(key)); i++) {
        await this.updateComplete;
        await frame();
      }
    }
    this.requestUpdate();
    await this.updateComplete;
    row?.focus();
  }

  #onFocusIn(e: FocusEvent): void {
    const row = (e.target as HTMLElement).closest?.('.row') as HTMLElement | null;
    if (row?.dataset.id && row.dataset.id !== this.#focusKey) {
      this.#focusKey = row.dataset.id;
      this.requestUpdate();
    }
  }

  #onContextMenu(e: MouseEvent): void {
    const row = (e.target as HTMLElement).closest?.('.row') as HTMLElement | null;
    const m = row?.dataset.id ? this.#messageOf(row.dataset.id) : undefined;
    if (m && row && this.openMessageActions(m, row, { x: e.clientX, y: e.clientY })) e.preventDefault();
  }

  #messageOf(id: string): Message | undefined {
    const row = this.#rows[this.#rowIndex.get(id) ?? -1];
    return row?.kind === 'message' ? row.message : undefined;
  }

  // ───────────────────────────── render ─────────────────────────────

  /** The rows, rebuilt only when the window, the unread marker or the ends change. */
  #rowsOf(w: MessageWindow): Row[] {
    const inputs = [w.messages, this.#unreadFrom, w.hasNewer];
    if (inputs.every((v, i) => v === this.#rowsFor[i])) return this.#rows;
    this.#rowsFor = inputs;
    const rows = buildRows(w.messages, this.#unreadFrom, this.#rows);
    if (w.hasNewer) rows.push(TAIL);
    this.#rows = rows;
    this.#rowIndex = new Map();
    this.#messageKeys = [];
    rows.forEach((r, i) => {
      if (r.kind !== 'message') return;
      this.#rowIndex.set(r.key, i);
      this.#messageKeys.push(r.key);
    });
    return rows;
  }

  protected override render() {
    // Names come from these slices (through the selectors): selecting them re-renders on a rename.
    void [this.#conversations.value, this.#friends.value, this.#members.value];
    const id = this.conversationId as ConversationID;
    const store = this.store;
    const conversation: Pick<Conversation, 'conversationID' | 'remark' | 'groupProfile' | 'userProfile'> = store?.conversation(id) ?? { conversationID: id, remark: '' };
    const name = store ? stripControls(conversationShowName(store.state, conversation)) : '';
    return html`<tim-status></tim-status>
      ${id && store ? this.#renderHeader(conversation, name) : nothing}
      <div class="main">${this.#renderMain(name)}</div>
      ${this.unloaded === 'part'
        ? html`<p class="unavailable" part="unavailable" role="alert">${this.l10n.errorText(ChatErrorCode.CHUNK_UNREACHABLE)}</p>`
        : nothing}
      <div class="composer" part="composer" ?hidden=${!!this.#actions?.selecting}><slot name="composer">${this.renderComposer()}</slot></div>
      ${this.#actions?.bar() ?? nothing}`;
  }

  /** The header of a conversation, with its name (control characters stripped). */
  #renderHeader(conversation: Pick<Conversation, 'conversationID' | 'remark' | 'groupProfile' | 'userProfile'>, name: string) {
    const state = this.store!.state;
    const id = this.conversationId as ConversationID;
    const t = this.t.chat;
    const target = parseConversationID(id);
    const typing = this.#typing.value?.get(id) ?? [];
    let subtitle = '';
    let presence: 'online' | 'offline' | '' = '';
    if (target?.type === 'C2C') {
      const online = this.#presence.value?.get(target.targetID);
      if (online !== undefined) presence = online ? 'online' : 'offline';
      subtitle = typing.length ? t.typing : presence ? (online ? this.t.common.online : this.t.common.offlineStatus) : '';
    } else if (target?.type === 'GROUP') {
      const count = this.#groups.value?.get(target.targetID)?.memberCount ?? conversation.groupProfile?.memberCount ?? 0;
      subtitle = typing.length
        ? t.typingNames(typing.map((u) => this.#nameOf(u)))
        : count
          ? t.members(new Intl.NumberFormat(this.l10n.locale).format(count), count)
          : '';
    }
    // The title is a button only for a user or a group (disabled otherwise).
    const open = () =>
      this.#navigate(target!.type === 'C2C' ? { to: 'profile', userID: target!.targetID } : { to: 'group', groupID: target!.targetID });
    return html`<header part="header" role="none">
      <button class="icon-button" part="back-button" ?hidden=${this.noBack} aria-label=${this.t.common.back} @click=${() => this.#navigate({ to: 'back' })}>
        ${icon('back')}
      </button>
      <button
        class="title"
        part="title"
        ?disabled=${target?.type !== 'C2C' && target?.type !== 'GROUP'}
        aria-describedby="title-hint"
        @click=${open}
      >
        <tim-avatar src=${conversationAvatar(state, conversation)} name=${name} seed=${target?.targetID ?? id} presence=${presence}></tim-avatar>
        <span class="names">
          <bdi class="name">${name}</bdi>
          <span class="subtitle ${typing.length ? 'typing' : ''}" part="subtitle">${subtitle}</span>
        </span>
        <span id="title-hint" hidden>${target?.type === 'GROUP' ? t.groupHint : t.profileHint}</span>
      </button>
      <slot name="header-actions"></slot>
      <button class="icon-button" part="search-button" aria-label=${t.searchIn} @click=${() => (this.inlineSearch ? void this.openFind() : this.#navigate({ to: 'search', conversationID: id }))}>
        ${icon('search')}
      </button>
    </header>`;
  }

  /** The history (or the state in its place); `name` is the conversation's, for the log's label. */
  #renderMain(name: string) {
    const t = this.t.chat;
    if (!this.conversationId || !this.store) return stateView({ kind: 'empty', text: t.noConversation, slot: 'empty' });
    const w = this.#window;
    if (!w || w.messages.length === 0) {
      const error = this.openError ?? (w?.status === 'error' ? w.error : undefined);
      // While the error's words load, it is still loading as far as the reader is concerned.
      const reason = error && this.l10n.errorText(error.code);
      if (reason) return stateView({ kind: 'error', text: `${t.loadFailed} ${reason}`, action: { label: this.t.common.retry, run: () => void this.#open() } });
      if (error || !w || w.status !== 'ready') return stateView({ kind: 'loading', text: this.t.common.loading });
      if (!w.hasOlder && !w.hasNewer) return stateView({ kind: 'empty', text: t.empty });
    }
    const rows = this.#rowsOf(w!);
    return html`<div
        class="scroller ${this.opening ? 'opening' : ''}"
        part="history"
        role="log"
        aria-live="off"
        aria-label=${t.history(name)}
        aria-busy=${this.opening || w!.loadingOlder ? 'true' : 'false'}
        @keydown=${this.#onKeydown}
        @focusin=${this.#onFocusIn}
        @contextmenu=${this.#onContextMenu}
      >
        ${this.list.render(rows, this.#renderRow)}
      </div>
      ${!this.opening && (!this.atBottom || w!.hasNewer) ? this.#jumpButton() : nothing}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  #renderRow = (row: Row) => {
    const t = this.t.chat;
    switch (row.kind) {
      case 'edge': {
        const w = this.#window!;
        if (w.hasOlder && this.olderFailed) return this.#failedEdge(t.olderFailed, () => (this.olderFailed = false));
        if (w.hasOlder) return spinnerRow(t.loadingOlder);
        return html`<div class="edge">${w.messages.length ? t.beginning : nothing}</div>`;
      }
      case 'day':
        return html`<div class="day" part="day-divider"><span>${formatDay(row.time, Date.now() / 1000, this.l10n.locale)}</span></div>`;
      case 'unread':
        return html`<div class="unread" part="unread-divider"><span>${t.unread}</span></div>`;
      case 'tail':
        return this.newerFailed ? this.#failedEdge(t.loadFailed, () => (this.newerFailed = false)) : spinnerRow(this.t.common.loading);
      default:
        return this.#renderMessage(row);
    }
  };

  /** An end of the history whose page could not be loaded, with Retry (a new try when it is in view). */
  #failedEdge(text: string, retry: () => void) {
    return html`<div class="edge" role="alert">
      ${text}
      <button class="button" @click=${retry}>${this.t.common.retry}</button>
    </div>`;
  }

  #renderMessage(row: MessageRow) {
    const m = row.message;
    const own = m.flow === 'out';
    const notice = isNotice(m);
    const side = notice ? 'notice' : own ? 'own' : 'other';
    const name = this.#senderName(m);
    const label = this.t.chat.messageLabel(name, formatDateTime(m.time, this.l10n.locale), own && !notice ? this.#statusText(m) : '');
    return html`<div
      class="row ${side}${row.first ? ' first' : ''}${row.last ? ' last' : ''}${this.#jumps?.highlighted === m.ID ? ' highlight' : ''}"
      part="message ${side}"
      role="article"
      tabindex=${this.#focusKey === m.ID ? '0' : '-1'}
      aria-label=${label}
      data-id=${m.ID}
    >
      ${notice ? html`<span class="tip" dir="auto">${this.#bodies.render(m)}</span>` : this.#renderBubble(row, own, name)}${this.renderMessageTools(m)}
    </div>`;
  }

  /** A message's avatar and sender (in groups), quote, bubble and meta. */
  #renderBubble(row: MessageRow, own: boolean, name: string) {
    const m = row.message;
    const t = this.t.chat;
    const group = m.conversationType === 'GROUP';
    const reply = parseReply(m.cloudCustomData);
    // Stickers, emoji-only text and custom messages drawn by a renderer go without a bubble.
    const bare =
      m.type === 'TIMFaceElem' ||
      (m.type === 'TIMTextElem' && isJumbo(m.payload.text)) ||
      // (custom messages: once the rich bodies' chunk, which holds the renderer lookup, has loaded)
      (m.type === 'TIMCustomElem' && !!this.#bodies.rich?.customRenderer(m, this.tim?.messageRenderers ?? {}));
    const kind = bare ? 'bare' : m.type === 'TIMTextElem' ? 'plain' : m.type.slice(3, -4).toLowerCase();
    return html`${group && !own
        ? row.first
          ? html`<button class="avatar" aria-label=${t.openProfile(name)} @click=${() => this.#navigate({ to: 'profile', userID: m.from })}>
              <tim-avatar src=${this.#profiles.value?.get(m.from)?.avatar || m.avatar} name=${name} seed=${m.from}></tim-avatar>
            </button>`
          : html`<span class="avatar"></span>`
        : nothing}
      <div class="stack">
        ${group && !own && row.first ? html`<bdi class="sender" part="sender">${name}</bdi>` : nothing}
        ${reply
          ? html`<button class="quote" part="quote" @click=${() => void this.scrollToMessage(reply.messageID)}>
              <span class="visually-hidden">${t.inReplyTo}</span><bdi class="quote-sender">${stripControls(reply.sender)}</bdi><span class="quote-text" dir="auto">${reply.abstract}</span>
            </button>`
          : nothing}
        <div class="bubble ${kind}" part="bubble">${this.#bodies.render(m)}</div>
        ${row.last || m.status !== 'success' || m.isModified || (own && m.needReadReceipt) ? this.#renderMeta(m, own) : nothing}
      </div>`;
  }

  #renderMeta(m: Message, own: boolean) {
    const t = this.t.chat;
    const locale = this.l10n.locale;
    let status: unknown = nothing;
    if (own && m.status === 'unSend') status = html`<span class="spinner small" role="img" aria-label=${t.sending}></span>`;
    else if (own && m.status === 'fail') {
      // The alert comes whole, once the words of its reason are there (most errors' load on first use).
      const reason = m.error ? this.l10n.errorText(m.error.code) : '';
      if (reason !== undefined)
        status = html`<span class="failed" role="alert">${icon('alert')} ${t.failed}${reason ? `: ${reason}` : nothing}</span>
          <button class="retry" part="retry-button" @click=${() => this.loadActions().then((a) => a.run('resend', m), (error: unknown) => this.#unloaded(error, 'resendMessage'))}>${this.t.common.retry}</button>`;
    } else if (own) {
      const text = this.#statusText(m);
      if (text) status = html`<span class="receipt ${text === t.read || text === t.allRead ? 'read' : ''}">${icon(text === t.sent ? 'check' : 'checks')} <bdi>${text}</bdi></span>`;
    }
    return html`<div class="meta" part="meta">
      <time datetime=${new Date(m.time * 1000).toISOString()} title=${formatDateTime(m.time, locale)}>${formatClock(m.time, locale)}</time>
      ${m.isModified ? html`<span class="edited">${t.edited}</span>` : nothing}
      ${status}
    </div>`;
  }

  /** Status of an own message in words (also its accessible label). */
  #statusText(m: Message): string {
    const t = this.t.chat;
    if (m.status === 'unSend') return t.sending;
    if (m.status === 'fail') return t.failed;
    const capabilities = this.store?.core.capabilities;
    if (m.conversationType === 'C2C') return capabilities?.readReceipts ? (m.isPeerRead ? t.read : t.sent) : '';
    if (m.needReadReceipt && m.readReceiptInfo && capabilities?.groupReadReceipts) {
      const { readCount, unreadCount } = m.readReceiptInfo;
      return unreadCount === 0 && readCount > 0 ? t.allRead : t.readCount(readCount);
    }
    return '';
  }
}

const TAIL: Row = { kind: 'tail', key: 'tail' };

/** The row at an end of the history while a page loads there. */
const spinnerRow = (label: string) => html`<div class="edge"><span class="spinner" role="img" aria-label=${label}></span></div>`;
/** What loads the message actions: a message pointed at, touched or focused. */
const WAKE = ['pointerover', 'pointerdown', 'focusin'] as const;

/** Heights before measuring, close enough that first paint hardly moves. */
function estimateRow(row: Row): number {
  if (row.kind !== 'message') return row.kind === 'edge' ? 44 : 40;
  const m = row.message;
  const extra = (row.first ? 24 : 2) + (row.last ? 22 : 0);
  if (isNotice(m)) return 34;
  switch (m.type) {
    case 'TIMTextElem':
      return extra + 38 + 20 * Math.floor(m.payload.text.length / 48);
    case 'TIMImageElem': {
      const i = m.payload.imageInfoArray?.[0];
      return extra + fitBox(i?.width ?? 0, i?.height ?? 0).height + 4;
    }
    case 'TIMVideoFileElem':
      return extra + fitBox(m.payload.thumbWidth, m.payload.thumbHeight, true).height + 4;
    case 'TIMFaceElem':
      return extra + 116;
    case 'TIMRelayElem':
      return extra + 120;
    default:
      return extra + 64;
  }
}
