/**
 * `<tim-chat>`'s message actions, a lazy chunk loaded when a message is first pointed at, touched, focused
 * or asked for its menu: the context menu and the hover/focus toolbar, copy, reply, edit, recall and
 * re-edit, delete for me, forward (one by one or merged into a chat record) through a conversation picker,
 * multi-select with a bar of bulk actions, resend, group read receipts, and the host's own actions.
 *
 * The chat keeps no state for them: this layer lives in the chat's shadow root (before the history's
 * template part), renders the toolbar and the select bar through the chat's hooks, and owns the menu and
 * dialogs. Each destructive or sending action fires its cancelable `tim-before-*` event on the chat first.
 */
import {
  html,
  nothing,
  state,
  buttonStyles,
  define,
  TimElement,
  TimBeforeEvent,
  allowed,
  provideSourceArea,
  parseConversationID,
  type TemplateResult,
} from '../../shared/first-screen.js';
import { icon } from '../../shared/all-icons.js';
// What this chunk shares with the first screen comes from first-screen.ts (one shared file); the rest are
// types, or come from the chat (`ActionsKit`).
import type { Conversation, ConversationID, Message } from '../../../core/types.js';
import type { compareMessages } from '../../../core/order.js';
import type { TimMessageActionEvent } from '../../../events/message.js';
import actionsStrings from '../../../i18n/en/actions.js';
import type { conversationAvatar, conversationShowName, memberShowName, userShowName } from '../../../store/selectors.js';
import '../../shared/dialog.js';
import { buttonVariantStyles } from '../../shared/button-variants.js';
import type { TimDialog } from '../../shared/dialog.js';
import '../../shared/menu.js';
import type { MenuItem, TimMenu, TimMenuSelectEvent } from '../../shared/menu.js';
import type { previewText } from '../../shared/message-preview.js';
import type { stripControls } from '../../shared/text.js';
import type { TimChat } from '../chat.js';
import { actionsStyles, layerStyles } from './styles.js';

/** What the chunk takes from the kit's initial bundle, handed over by `<tim-chat>` (importing it here would
 *  split the initial bundle into more, less compressible chunks). */
export interface ActionsKit {
  compareMessages: typeof compareMessages;
  conversationAvatar: typeof conversationAvatar;
  conversationShowName: typeof conversationShowName;
  memberShowName: typeof memberShowName;
  userShowName: typeof userShowName;
  TimMessageActionEvent: typeof TimMessageActionEvent;
  previewText: typeof previewText;
  stripControls: typeof stripControls;
}

let kit: ActionsKit;

/** A touch held this long opens the menu. */
const LONG_PRESS_MS = 500;
/** Chat-record abstracts: the first few messages. */
const ABSTRACTS = 4;
/** Conversations the picker draws at first, and more each time its list is scrolled (or arrowed) to the end. */
const PICKER_PAGE = 40;
const TOAST_MS = 2500;

type ActionID = 'copy' | 'quote' | 'edit' | 'recall' | 'delete' | 'forward' | 'select' | 'resend' | 'receipts' | `host:${string}`;

const frame = () => new Promise((r) => requestAnimationFrame(r));
/** Tips and recall notices (as `rows.ts` has it; not imported, to keep that module in the initial chunk). */
const isNotice = (m: Message) => m.isRevoked || m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem';

/** Attaches the actions to a chat (once): the layer element, its styles in the chat, its listeners. */
export function attachActions(chat: TimChat, given: ActionsKit): MessageActionsLayer {
  if (!kit) {
    kit = given;
    // The English strings travel with this chunk, not in the initial bundle.
    provideSourceArea('actions', actionsStrings);
  }
  define('tim-chat-actions', MessageActionsLayer);
  const layer = document.createElement('tim-chat-actions') as MessageActionsLayer;
  layer.chat = chat;
  const root = chat.renderRoot as ShadowRoot;
  if (actionsStyles.styleSheet && !root.adoptedStyleSheets.includes(actionsStyles.styleSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, actionsStyles.styleSheet];
  }
  // In the history region, before its template part (which would clear what follows it).
  (root.querySelector('.main') ?? root).prepend(layer);
  layer.listen(root);
  chat.requestUpdate();
  return layer;
}

/** The element of a message row on an event's path. */
function rowOf(e: Event): HTMLElement | undefined {
  return e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.classList.contains('row') && !!n.dataset.id);
}

function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * @internal The message actions of one `<tim-chat>` (see the module comment). Not used on its own.
 */
export class MessageActionsLayer extends TimElement {
  static override styles = [TimElement.styles, buttonStyles, buttonVariantStyles, layerStyles];

  chat!: TimChat;

  // Names and lists in the dialogs follow the store.
  #conversationList = this.select((s) => s.conversations);
  #profiles = this.select((s) => s.profiles);
  #friends = this.select((s) => s.friends);
  #members = this.select((s) => s.members);

  /** Multi-select mode: the bulk bar replaces the composer. */
  @state() selecting = false;
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private menuItems: MenuItem[] = [];
  @state() private toast = '';
  @state() private forwarding: { messages: Message[]; merged: boolean } | undefined;
  @state() private picked: ReadonlySet<ConversationID> = new Set();
  @state() private filter = '';
  @state() private shown = PICKER_PAGE;
  @state() private receipts: { message: Message; read?: string[]; unread?: string[]; failed?: boolean } | undefined;

  /** The message under the pointer, and the one holding the focus: both show the toolbar. */
  #hovered = '';
  #focused = '';
  #menuFor: Message | undefined;
  #chosen: ActionID | undefined;
  #conversation = '';
  /** Texts of own messages recalled here, for "re-edit". */
  #recalled = new Map<string, string>();
  #pressTimer: ReturnType<typeof setTimeout> | undefined;
  #pressAt = { x: 0, y: 0 };
  /** A long press opened the menu: the click a browser may send when the finger lifts is not a tap. */
  #pressed = false;
  #toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the focus was when multi-select began (it goes back there). */
  #selectOrigin = '';

  // ───────────────────────────── wiring ─────────────────────────────

  /** @internal Listens to the chat's shadow root (pointer, touch, focus and keys on messages). */
  listen(root: ShadowRoot): void {
    root.addEventListener('pointerover', (e) => this.wake(e));
    root.addEventListener('pointerdown', (e) => this.wake(e));
    root.addEventListener('focusin', (e) => this.wake(e));
    this.chat.addEventListener('pointerleave', () => this.#hover(''));
    root.addEventListener('focusout', (e) => {
      const next = (e as FocusEvent).relatedTarget as Node | null;
      const row = rowOf(e);
      if (!row || (next && row.contains(next))) return;
      // Handled after the task that moved the focus: a focused row the chat's own render removes reports
      // its focus leaving in the middle of that render, and its toolbar is gone with it (no update needed).
      queueMicrotask(() => {
        if (this.#focused !== row.dataset.id) return; // the focus went to another message meanwhile
        if (row.isConnected) this.#setFocused('');
        else this.#focused = '';
      });
    });
    root.addEventListener('pointerup', () => this.#cancelPress());
    root.addEventListener('pointercancel', () => this.#cancelPress());
    root.addEventListener('pointermove', (e) => {
      const p = e as PointerEvent;
      if (this.#pressTimer && Math.hypot(p.clientX - this.#pressAt.x, p.clientY - this.#pressAt.y) > 10) this.#cancelPress();
    });
    root.addEventListener('keydown', (e) => this.#onKey(e as KeyboardEvent));
    root.addEventListener('click', (e) => this.#onClick(e as MouseEvent), true);
    // The lift that ends a long press: no tap's mouse events (their press would take the focus from the menu), no click.
    root.addEventListener('touchend', (e) => this.#pressed && e.cancelable && e.preventDefault(), { passive: false });
  }

  /** @internal An event on a message (the one that loaded this chunk, then every later one). */
  wake(e: Event, row = rowOf(e)): void {
    if (e.type === 'pointerover') {
      if ((e as PointerEvent).pointerType !== 'touch') this.#hover(row?.dataset.id ?? '');
    } else if (e.type === 'focusin') {
      this.#setFocused(row?.dataset.id ?? '');
    } else if (e.type === 'pointerdown') {
      // A new press: the lift of an earlier long press is over.
      this.#pressed = false;
      const p = e as PointerEvent;
      if (!row || p.pointerType !== 'touch' || this.selecting) return;
      this.#cancelPress();
      this.#pressAt = { x: p.clientX, y: p.clientY };
      // The press that loaded this chunk began earlier: it is held from then.
      this.#pressTimer = setTimeout(
        () => {
          this.#pressTimer = undefined;
          this.#pressed = true;
          const m = this.#message(row.dataset.id!);
          if (m) this.openMenu(m, row, this.#pressAt);
        },
        LONG_PRESS_MS - (performance.now() - e.timeStamp),
      );
    }
  }

  #cancelPress(): void {
    clearTimeout(this.#pressTimer);
    this.#pressTimer = undefined;
  }

  #hover(id: string): void {
    if (id === this.#hovered) return;
    this.#hovered = id;
    this.chat.requestUpdate();
  }

  #setFocused(id: string): void {
    if (id === this.#focused) return;
    this.#focused = id;
    this.chat.requestUpdate();
  }

  /** Another conversation in the chat: what was selected or hovered belonged to the old one. */
  #sync(): void {
    const id = this.chat.conversationId;
    if (id === this.#conversation) return;
    this.#conversation = id;
    this.#hovered = this.#focused = '';
    this.#recalled.clear();
    if (this.selecting) {
      this.selecting = false;
      this.selected = new Set();
      this.chat.toggleAttribute('selecting', false);
    }
  }

  get #store() {
    return this.chat.store;
  }

  #message(id: string): Message | undefined {
    return this.#store?.state.windows.get(this.chat.conversationId as ConversationID)?.messages.find((m) => m.ID === id);
  }

  get #me(): string {
    return this.#store?.state.session.userID ?? '';
  }

  // ───────────────────────────── what is allowed ─────────────────────────────

  #own(m: Message): boolean {
    return m.flow === 'out' && m.from === this.#me;
  }

  #sent(m: Message): boolean {
    return m.status === 'success' && !m.isRevoked && !isNotice(m);
  }

  #canRecall(m: Message): boolean {
    const store = this.#store;
    if (!store || !this.#sent(m)) return false;
    if (this.#own(m)) return store.serverTime() - m.time < store.core.capabilities.revokeWindowSeconds;
    // Owners and admins may recall what members say in their groups.
    const target = parseConversationID(m.conversationID);
    const role = target?.type === 'GROUP' ? store.state.groups.get(target.targetID)?.selfRole : undefined;
    return role === 'Owner' || role === 'Admin';
  }

  #canEdit(m: Message): boolean {
    return this.#sent(m) && this.#own(m) && m.type === 'TIMTextElem' && !!this.#store?.core.capabilities.modifyMessage;
  }

  #canReceipts(m: Message): boolean {
    return this.#sent(m) && this.#own(m) && m.conversationType === 'GROUP' && m.needReadReceipt && !!this.#store?.core.capabilities.groupReadReceipts;
  }

  /** The actions a message offers, in menu order. */
  #items(m: Message): MenuItem[] {
    const t = this.t.actions;
    const items: MenuItem[] = [];
    const add = (id: ActionID, label: string, icon: MenuItem['icon'], danger = false) => items.push({ id, label, ...(icon ? { icon } : {}), danger });
    const sent = this.#sent(m);
    if (m.status === 'fail' && this.#own(m)) add('resend', t.resend, 'retry');
    if (m.type === 'TIMTextElem' && !m.isRevoked && m.payload.text) add('copy', t.copy, 'copy');
    if (sent) add('quote', t.quote, 'reply');
    if (this.#canEdit(m)) add('edit', t.edit, 'edit');
    if (sent) add('forward', t.forward, 'forward');
    if (sent) add('select', t.select, 'select');
    if (this.#canReceipts(m)) add('receipts', t.receipts, 'checks');
    if (this.#canRecall(m)) add('recall', t.recall, 'undo');
    for (const a of this.chat.messageActions ?? []) {
      let shown = false;
      try {
        shown = a.when ? !!a.when(m) : !isNotice(m);
      } catch {
        /* a host's predicate that throws hides its action */
      }
      if (shown) add(`host:${a.id}`, a.label, a.icon, !!a.danger);
    }
    if (m.status !== 'unSend') add('delete', t.delete, 'trash', true);
    return items;
  }

  // ───────────────────────────── the menu ─────────────────────────────

  /**
   * Opens a message's menu: at a point (right click, long press), below an opener (the toolbar's More
   * button, which gets the focus back) or at the message (keyboard; the focus goes back to it).
   */
  async openMenu(m: Message, anchor: HTMLElement, point?: { x: number; y: number }, opener?: HTMLElement): Promise<void> {
    const menu = await this.#menu();
    if (this.#menuFor || this.selecting) return;
    const items = this.#items(m);
    if (items.length === 0) return;
    this.#menuFor = m;
    this.#chosen = undefined;
    this.menuItems = items;
    await this.updateComplete;
    if (point) menu.showAt(point.x, point.y);
    else if (opener) menu.showFor(opener);
    else menu.showFor(anchor.querySelector<HTMLElement>('.bubble, .tip') ?? anchor, deepActive());
  }

  async #menu(): Promise<TimMenu> {
    await this.updateComplete;
    return this.renderRoot.querySelector('tim-menu')!;
  }

  #onMenuSelect = (e: TimMenuSelectEvent) => {
    this.#chosen = e.id as ActionID;
  };

  /** The menu closed (and gave the focus back): run what was chosen. */
  #onMenuClose = () => {
    const m = this.#menuFor;
    const id = this.#chosen;
    this.#menuFor = this.#chosen = undefined;
    if (m && id) void this.run(id, m);
  };

  /** @internal Runs an action on a message (menu, toolbar). */
  async run(id: ActionID, m: Message): Promise<void> {
    const chat = this.chat;
    switch (id) {
      case 'copy':
        return this.#copy(m);
      case 'quote':
        return chat.quote(m);
      case 'edit':
        return chat.editMessage(m);
      case 'recall':
        return this.#recall(m);
      case 'delete':
        return this.#delete([m]);
      case 'forward':
        return this.#openForward([m], false);
      case 'select':
        return this.#startSelect(m);
      case 'resend':
        return this.#resend(m);
      case 'receipts':
        return this.#openReceipts(m);
      default:
        chat.dispatchEvent(new kit.TimMessageActionEvent(id.slice(5), m));
    }
  }

  // ───────────────────────────── the actions ─────────────────────────────

  async #copy(m: Message): Promise<void> {
    if (m.type !== 'TIMTextElem') return;
    try {
      await navigator.clipboard.writeText(m.payload.text);
      this.#say(this.t.actions.copied);
    } catch {
      this.#say(this.t.actions.copyFailed);
    }
  }

  async #recall(m: Message): Promise<void> {
    const store = this.#store;
    if (!store || !allowed(this.chat, new TimBeforeEvent('tim-before-recall', { message: m }))) return;
    const hadFocus = this.#rowHasFocus(m.ID);
    try {
      await store.revoke(m.ID);
    } catch (error) {
      this.reportError(error, 'revokeMessage', (text) => this.#say(text));
      return;
    }
    if (this.#own(m) && m.type === 'TIMTextElem' && m.payload.text) this.#recalled.set(m.ID, m.payload.text);
    this.#say(this.t.actions.recalled);
    // The row is drawn anew as a notice: keep the focus on it.
    if (hadFocus) await this.#focusRow(m.ID);
  }

  #reEdit(id: string): void {
    const text = this.#recalled.get(id);
    if (text !== undefined) void this.chat.reEdit(text);
  }

  async #delete(messages: Message[]): Promise<void> {
    const store = this.#store;
    const t = this.t.actions;
    if (!store || messages.length === 0) return;
    const ok = await this.#dialog('.confirm').confirm({
      title: t.deleteTitle(messages.length),
      text: t.deleteText,
      confirmLabel: t.delete,
      cancelLabel: this.t.common.cancel,
      danger: true,
    });
    if (!ok || !allowed(this.chat, new TimBeforeEvent('tim-before-delete-message', { messages }))) return;
    // The focus moves to the next message left (or the previous one).
    const ids = new Set(messages.map((m) => m.ID));
    const focused = [...ids].some((id) => this.#rowHasFocus(id));
    const rows = [...this.chat.renderRoot.querySelectorAll<HTMLElement>('.row[data-id]')].map((r) => r.dataset.id!);
    const at = rows.findIndex((id) => ids.has(id));
    const neighbour = rows.slice(at + 1).find((id) => !ids.has(id)) ?? rows.slice(0, Math.max(0, at)).reverse().find((id) => !ids.has(id));
    try {
      await store.deleteMessages([...ids]);
    } catch (error) {
      this.reportError(error, 'deleteMessage', (text) => this.#say(text));
      return;
    }
    this.#say(t.deleted(messages.length));
    const selecting = this.selecting;
    if (selecting) void this.#endSelect(false);
    if (focused || selecting || !this.chat.renderRoot.contains(deepActive()) || deepActive() === document.body) {
      if (neighbour) await this.#focusRow(neighbour);
      else this.chat.list.element?.focus();
    }
  }

  async #resend(m: Message): Promise<void> {
    const store = this.#store;
    if (!store || !allowed(this.chat, new TimBeforeEvent('tim-before-resend', { message: m }))) return;
    try {
      await store.resend(m.ID);
    } catch (error) {
      this.reportError(error, 'resendMessage');
    }
  }

  // ───────────────────────────── forward ─────────────────────────────

  async #openForward(messages: Message[], merged: boolean): Promise<void> {
    const store = this.#store;
    if (!store || messages.length === 0) return;
    this.forwarding = { messages: [...messages].sort(kit.compareMessages), merged };
    this.picked = new Set();
    this.filter = '';
    this.shown = PICKER_PAGE;
    await this.#dialog('.forward').show();
    this.renderRoot.querySelector<HTMLInputElement>('.forward input[type=search]')?.focus();
  }

  #conversations(): Conversation[] {
    const store = this.#store;
    if (!store) return [];
    const state = store.state;
    const needle = this.filter.normalize('NFKC').toLocaleLowerCase().trim();
    const list = state.conversations.value.filter((c) => (c.type === 'C2C' || c.type === 'GROUP') && (!needle || this.#name(c).normalize('NFKC').toLocaleLowerCase().includes(needle)));
    return list;
  }

  #name(c: Pick<Conversation, 'conversationID' | 'remark' | 'groupProfile' | 'userProfile'>): string {
    return kit.stripControls(kit.conversationShowName(this.#store!.state, c));
  }

  #toggleTarget(id: ConversationID, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(id);
    else next.delete(id);
    this.picked = next;
  }

  async #sendForward(): Promise<void> {
    const store = this.#store;
    const job = this.forwarding;
    const targets = [...this.picked];
    if (!store || !job || targets.length === 0) return;
    const messages = job.messages.filter((m) => !this.#message(m.ID)?.isRevoked);
    const detail = { messages, conversationIDs: targets, merged: job.merged };
    if (!allowed(this.chat, new TimBeforeEvent('tim-before-forward', detail))) return;
    this.#dialog('.forward').close();
    const ids = messages.map((m) => m.ID);
    try {
      if (job.merged) await store.forwardMerged(ids, targets, this.#record(messages));
      else await store.forward(ids, targets);
      this.#say(this.t.actions.forwarded(targets.length));
    } catch (error) {
      this.reportError(error, 'forwardMessage', (text) => this.#say(text));
    }
    if (this.selecting) this.#endSelect();
  }

  /** The title and abstracts of a chat record (merged forward), in the sender's language. */
  #record(messages: Message[]) {
    const t = this.t.actions;
    const state = this.#store!.state;
    const target = parseConversationID(this.chat.conversationId);
    const conversation = this.#store!.conversation(this.chat.conversationId as ConversationID) ?? { conversationID: this.chat.conversationId as ConversationID, remark: '' };
    const title =
      target?.type === 'GROUP'
        ? t.recordTitleGroup(this.#name(conversation))
        : t.recordTitlePair(kit.stripControls(kit.userShowName(state, this.#me) || this.#me), this.#name(conversation));
    const abstractList = messages.slice(0, ABSTRACTS).map((m) => this.t.common.preview.senderPrefix(this.#sender(m, false)) + kit.previewText(this.t, m).slice(0, 100));
    return { title, abstractList, compatibleText: t.recordCompatible };
  }

  /** A sender's name here (`you`: "You" for the user's own messages). */
  #sender(m: Message, you = true): string {
    const state = this.#store?.state;
    if (you && m.from === this.#me) return this.t.common.you;
    if (!state) return kit.stripControls(m.nick || m.from);
    const target = parseConversationID(m.conversationID);
    return kit.stripControls(
      (target?.type === 'GROUP' ? kit.memberShowName(state, target.targetID, m.from, m.nameCard || m.nick) : kit.userShowName(state, m.from)) || m.nick || m.from,
    );
  }

  // ───────────────────────────── multi-select ─────────────────────────────

  async #startSelect(m: Message): Promise<void> {
    this.#selectOrigin = m.ID;
    this.selecting = true;
    this.selected = new Set([m.ID]);
    this.chat.toggleAttribute('selecting', true);
    this.chat.requestUpdate();
    await this.#focusRow(m.ID);
  }

  /** Leaves multi-select; the focus goes back to the message it began on (or the history). */
  async #endSelect(refocus = true): Promise<void> {
    const origin = this.#selectOrigin;
    this.selecting = false;
    this.selected = new Set();
    this.chat.toggleAttribute('selecting', false);
    this.chat.requestUpdate();
    if (!refocus) return;
    await this.chat.updateComplete;
    if (!this.#message(origin) || !(await this.#focusRow(origin))) this.chat.list.element?.focus();
  }

  #toggle(id: string): void {
    const m = this.#message(id);
    if (!m || !this.#sent(m)) return;
    const next = new Set(this.selected);
    if (!next.delete(id)) next.add(id);
    this.selected = next;
    this.chat.requestUpdate();
  }

  /** The selected messages still there, oldest first. */
  #selection(): Message[] {
    const w = this.#store?.state.windows.get(this.chat.conversationId as ConversationID);
    return (w?.messages ?? []).filter((m) => this.selected.has(m.ID) && this.#sent(m));
  }

  #onClick(e: MouseEvent): void {
    if (this.#pressed) {
      this.#pressed = false;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (!this.selecting) return;
    const row = rowOf(e);
    if (!row || row.classList.contains('notice')) return;
    // In multi-select a click anywhere on a message picks it (links and media do not open).
    const box = e.composedPath()[0] as HTMLElement;
    if (!(box instanceof HTMLInputElement && box.classList.contains('pick'))) {
      e.preventDefault();
      e.stopPropagation();
      this.#toggle(row.dataset.id!);
    }
  }

  #onKey(e: KeyboardEvent): void {
    this.#pressed = false;
    const target = e.composedPath()[0] as HTMLElement;
    if (this.selecting && e.key === 'Escape') {
      e.preventDefault();
      void this.#endSelect();
      return;
    }
    if (!target.classList?.contains('row') || !target.dataset.id) return;
    if (this.selecting && (e.key === ' ' || e.key === 'Enter')) {
      e.preventDefault();
      this.#toggle(target.dataset.id);
    }
  }

  // ───────────────────────────── read receipts ─────────────────────────────

  async #openReceipts(m: Message): Promise<void> {
    const store = this.#store;
    if (!store) return;
    this.receipts = { message: m };
    await this.#dialog('.receipts').show();
    try {
      const { read, unread } = await store.getGroupMessageReadMembers(m.ID);
      store.ensureProfiles([...read, ...unread]);
      if (this.receipts?.message === m) this.receipts = { message: m, read, unread };
    } catch (error) {
      this.reportError(error, 'getGroupMessageReadMembers');
      if (this.receipts?.message === m) this.receipts = { message: m, failed: true };
    }
  }

  // ───────────────────────────── helpers ─────────────────────────────

  #dialog(selector: string): TimDialog {
    return this.renderRoot.querySelector<TimDialog>(`tim-dialog${selector}`)!;
  }

  #rowHasFocus(id: string): boolean {
    const active = deepActive();
    const row = this.chat.renderRoot.querySelector(`.row[data-id="${CSS.escape(id)}"]`);
    return !!row && !!active && (row === active || row.contains(active));
  }

  /** Focuses a message's row once it is drawn; false when it is not there. */
  async #focusRow(id: string): Promise<boolean> {
    for (let i = 0; i < 3; i++) {
      await this.chat.updateComplete;
      const row = this.chat.renderRoot.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
      if (row) {
        row.focus();
        return true;
      }
      await frame();
    }
    return false;
  }

  /** A short notice over the history, also read out politely. */
  #say(text: string): void {
    clearTimeout(this.#toastTimer);
    this.toast = text;
    this.#toastTimer = setTimeout(() => (this.toast = ''), TOAST_MS);
  }

  // ───────────────────────────── rendering in the chat ─────────────────────────────

  /** @internal The toolbar of a message (the one under the pointer or focus), or its checkbox when selecting. */
  tools(m: Message): unknown {
    this.#sync();
    const t = this.t.actions;
    if (!t) return nothing;
    if (m.isRevoked) {
      return this.#recalled.has(m.ID) && !this.selecting
        ? html`<button class="re-edit" part="re-edit-button" @click=${() => this.#reEdit(m.ID)}>${t.reEdit}</button>`
        : nothing;
    }
    if (isNotice(m)) return nothing;
    if (this.selecting) {
      if (!this.#sent(m)) return nothing;
      return html`<input
        type="checkbox"
        class="pick"
        tabindex="-1"
        aria-label=${t.selectMessage(this.#sender(m))}
        .checked=${this.selected.has(m.ID)}
        @change=${() => this.#toggle(m.ID)}
      />`;
    }
    // The toolbar stays while its menu or its Forward dialog is open: the dialog gives the focus back to Forward.
    const forwarding = this.forwarding?.messages;
    if (m.ID !== this.#hovered && m.ID !== this.#focused && m.ID !== this.#menuFor?.ID && !(forwarding?.length === 1 && forwarding[0]!.ID === m.ID)) return nothing;
    const sent = this.#sent(m);
    const button = (id: ActionID, label: string, name: Parameters<typeof icon>[0]) =>
      html`<button class="icon-button ${name === 'reply' || name === 'forward' ? 'directional' : ''}" aria-label=${label} title=${label} @click=${() => void this.run(id, m)}>${icon(name)}</button>`;
    // A zero-width anchor beside the bubble: the toolbar floats from it without moving anything.
    return html`<div class="tools-anchor"><div class="tools" part="message-tools" role="group" aria-label=${t.toolbar}>
      ${m.status === 'fail' && this.#own(m) ? button('resend', t.resend, 'retry') : nothing}
      ${sent ? button('quote', t.quote, 'reply') : nothing}
      ${m.type === 'TIMTextElem' && m.payload.text ? button('copy', t.copy, 'copy') : nothing}
      ${sent ? button('forward', t.forward, 'forward') : nothing}
      <button
        class="icon-button"
        aria-label=${t.more}
        title=${t.more}
        aria-haspopup="menu"
        @click=${(e: Event) => void this.openMenu(m, e.currentTarget as HTMLElement, undefined, e.currentTarget as HTMLElement)}
      >
        ${icon('more')}
      </button>
    </div></div>`;
  }

  /** @internal The bar of bulk actions, in place of the composer while selecting. */
  bar(): unknown {
    this.#sync();
    const t = this.t.actions;
    if (!this.selecting || !t) return nothing;
    const selection = this.#selection();
    const n = selection.length;
    return html`<div class="select-bar" part="select-bar" role="toolbar" aria-label=${t.selectBar}>
      <span class="count">${this.#selectedText()}</span>
      <div class="bulk">
        <button class="button" ?disabled=${n === 0} @click=${() => void this.#openForward(this.#selection(), false)}>${icon('forward')}<span>${t.forwardEach}</span></button>
        <button class="button" ?disabled=${n === 0} @click=${() => void this.#openForward(this.#selection(), true)}>${icon('forward')}<span>${t.forwardMerged}</span></button>
        <button class="button danger" ?disabled=${n === 0} @click=${() => void this.#delete(this.#selection())}>${icon('trash')}<span>${t.delete}</span></button>
      </div>
      <button class="button" @click=${() => void this.#endSelect()}>${t.cancelSelect}</button>
    </div>`;
  }

  // ───────────────────────────── the layer's own render ─────────────────────────────

  /** "N selected" while selecting. Said by this region, which is in the page before selecting starts (the bar's
   *  count is inserted already holding "1 selected", which screen readers do not say). */
  #selectedText(): string {
    const t = this.t.actions;
    return this.selecting && t ? t.selected(new Intl.NumberFormat(this.l10n.locale).format(this.#selection().length)) : '';
  }

  protected override render(): TemplateResult {
    void [this.#conversationList.value, this.#profiles.value, this.#friends.value, this.#members.value];
    const t = this.t.actions;
    return html`<tim-menu label=${t?.menu ?? ''} .items=${this.menuItems} @tim-menu-select=${this.#onMenuSelect} @close=${this.#onMenuClose}></tim-menu>
      <tim-dialog class="confirm"></tim-dialog>
      <tim-dialog class="forward" heading=${t?.forwardTitle ?? ''} @close=${() => ((this.forwarding = undefined), this.chat.requestUpdate())}>${this.#renderForward()}</tim-dialog>
      <tim-dialog class="receipts" heading=${t?.receiptsTitle ?? ''} @close=${() => (this.receipts = undefined)}>${this.#renderReceipts()}</tim-dialog>
      <div class="toast" role="status" aria-live="polite">${this.toast ? html`<span>${this.toast}</span>` : nothing}</div>
      <div class="visually-hidden" role="status">${this.#selectedText()}</div>`;
  }

  #renderForward() {
    const job = this.forwarding;
    const store = this.#store;
    if (!job || !store) return nothing;
    const t = this.t.actions;
    const list = this.#conversations();
    const n = this.picked.size;
    return html`<p class="what">${t.forwardWhat(job.messages.length, job.merged)}</p>
      <input
        type="search"
        class="filter"
        aria-label=${t.searchConversations}
        placeholder=${t.searchConversations}
        .value=${this.filter}
        @input=${(e: Event) => {
          this.filter = (e.target as HTMLInputElement).value;
          this.shown = PICKER_PAGE;
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            this.renderRoot.querySelector<HTMLInputElement>('.targets input')?.focus();
          }
        }}
      />
      ${list.length
        ? html`<ul class="targets" aria-label=${t.conversations} @keydown=${this.#onTargetsKey} @scroll=${this.#onTargetsScroll}>
            ${list.slice(0, this.shown).map((c) => {
              const name = this.#name(c);
              const id = c.conversationID;
              return html`<li>
                <label class="target">
                  <input type="checkbox" .checked=${this.picked.has(id)} @change=${(e: Event) => this.#toggleTarget(id, (e.target as HTMLInputElement).checked)} />
                  <tim-avatar src=${kit.conversationAvatar(store.state, c)} name=${name} seed=${id.replace(/^(C2C|GROUP)/, '')}></tim-avatar>
                  <bdi class="target-name">${name}</bdi>
                </label>
              </li>`;
            })}
          </ul>`
        : html`<p class="empty">${t.noConversations}</p>`}
      <button slot="footer" class="button" @click=${() => this.#dialog('.forward').close()}>${this.t.common.cancel}</button>
      <button slot="footer" class="button primary" ?disabled=${n === 0} @click=${() => void this.#sendForward()}>${t.sendTo(n)}</button>`;
  }

  /** Arrow keys move between the conversations of the picker (Space picks, Tab leaves). */
  /** Near the end of the drawn conversations: draw the next ones. */
  #onTargetsScroll = (e: Event) => {
    const ul = e.currentTarget as HTMLElement;
    if (ul.scrollTop + ul.clientHeight > ul.scrollHeight - 200) this.shown += PICKER_PAGE;
  };

  #onTargetsKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('.targets input')];
    const i = boxes.indexOf(e.target as HTMLInputElement);
    e.preventDefault();
    if (e.key === 'ArrowUp' && i <= 0) this.renderRoot.querySelector<HTMLInputElement>('.filter')?.focus();
    else boxes[Math.min(boxes.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))]?.focus();
  };

  #renderReceipts() {
    const r = this.receipts;
    const store = this.#store;
    if (!r || !store) return nothing;
    const t = this.t.actions;
    const groupID = parseConversationID(r.message.conversationID)?.targetID ?? '';
    const format = (n: number) => new Intl.NumberFormat(this.l10n.locale).format(n);
    const people = (ids: string[]) =>
      ids.length
        ? html`<ul class="people">
            ${ids.map((id) => {
              const name = kit.stripControls(kit.memberShowName(store.state, groupID, id) || id);
              return html`<li><tim-avatar src=${store.state.profiles.get(id)?.avatar ?? ''} name=${name} seed=${id}></tim-avatar><bdi>${name}</bdi></li>`;
            })}
          </ul>`
        : html`<p class="empty">${t.nobody}</p>`;
    let body: unknown;
    if (r.failed) body = html`<p class="empty" role="alert">${t.receiptsFailed}</p>`;
    else if (!r.read || !r.unread) body = html`<p class="empty" role="status">${this.t.common.loading}</p>`;
    else {
      body = html`<section aria-labelledby="read"><h3 id="read">${t.readBy(format(r.read.length))}</h3>${people(r.read)}</section>
        <section aria-labelledby="unread"><h3 id="unread">${t.unreadBy(format(r.unread.length))}</h3>${people(r.unread)}</section>`;
    }
    return html`<blockquote class="what" dir="auto">${kit.previewText(this.t, r.message)}</blockquote>
      <div class="receipt-lists">${body}</div>
      <button slot="footer" class="button" @click=${() => this.#dialog('.receipts').close()}>${this.t.common.close}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat-actions': MessageActionsLayer;
  }
}
