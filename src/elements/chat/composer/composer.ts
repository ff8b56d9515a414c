/**
 * `<tim-chat-composer>`: `<tim-chat>`'s private message composer, loaded lazily (with its strings) once the
 * chat shows a conversation. The chat's public methods (`quote()`, `editMessage()`, `reEdit()`,
 * `focusComposer()`) drive it; everything else is the user's.
 */
import {
  LitElement,
  TimElement,
  buttonStyles,
  provideSourceArea,
  html,
  nothing,
  TimBeforeEvent,
  allowed,
  unreachable,
  AT_ALL,
  parseConversationID,
  utf8Bytes,
  type PropertyValues,
} from '../../shared/first-screen.js';
import { icon } from '../../shared/all-icons.js';
// What the composer shares with the first screen comes from first-screen.ts (see there why); the rest of the
// initial bundle comes from the chat (`defineComposer(kit)`), also the formatters and `stripControls`: a lazy
// chunk that imports another module of the initial bundle splits that bundle into more chunks.
import type { ConversationID, GroupID, Message, MessageDraft, UserID } from '../../../core/types.js';
import type { TimBeforeEditDetail, TimBeforeSendDetail } from '../../../events/send.js';
import type { Catalog } from '../../../i18n/catalog.js';
import type { formatBytes, formatDateTime } from '../../../i18n/format.js';
import composerStrings from '../../../i18n/en/composer.js';
import stickerNames from '../../../i18n/en/stickers.js';
import type { ChatStore, StoreState } from '../../../store/index.js';
import type { memberShowName, userShowName } from '../../../store/selectors.js';
import type { previewText } from '../../shared/message-preview.js';
import type { stripControls } from '../../shared/text.js';
import { composerStyles } from './composer.styles.js';
import { Attachments, type Attachment } from './attachments.js';
import { MentionPicker, mentionQuery, type MentionCandidate } from './mentions.js';

/** What the composer takes from the kit's initial bundle, given by `<tim-chat>` once. */
export interface ComposerKit {
  previewText: typeof previewText;
  memberShowName: typeof memberShowName;
  userShowName: typeof userShowName;
  formatBytes: typeof formatBytes;
  formatDateTime: typeof formatDateTime;
  stripControls: typeof stripControls;
}

let kit: ComposerKit;

/** Registers `<tim-chat-composer>` (once) with what it needs from the initial bundle. */
export function defineComposer(given: ComposerKit): void {
  if (customElements.get('tim-chat-composer')) return;
  kit = given;
  provideSourceArea('composer', composerStrings);
  provideSourceArea('stickers', stickerNames);
  customElements.define('tim-chat-composer', TimChatComposer);
}

/** Draft saved this long after the last keystroke. */
const DRAFT_DEBOUNCE_MS = 800;
/** Typing-start re-sent at most this often while the user keeps typing. */
const TYPING_THROTTLE_MS = 4000;
/** Typing-stop sent this long after the last keystroke. */
const TYPING_IDLE_MS = 3000;
/** The byte counter shows from this share of the limit. */
const COUNTER_FROM = 0.8;
/** TUIKit's `messageType` numbers in a `messageReply` (V2TIM_ELEM_TYPE_*). */
const REPLY_TYPES: Record<string, number> = {
  TIMTextElem: 1,
  TIMCustomElem: 2,
  TIMImageElem: 3,
  TIMSoundElem: 4,
  TIMVideoFileElem: 5,
  TIMFileElem: 6,
  TIMLocationElem: 7,
  TIMFaceElem: 8,
  TIMGroupTipElem: 9,
  TIMRelayElem: 10,
};

export type DisabledReason = 'offline' | 'kicked' | 'notMember' | 'muted' | 'mutedAll' | 'blocked';
/** The slices the composer reads. */
const SLICES = ['session', 'net', 'groups', 'members', 'blacklist', 'conversations', 'progress', 'profiles'] as const;
type Mode = { kind: 'none' } | { kind: 'quote'; message: Message } | { kind: 'edit'; message: Message; saved: string };

/**
 * A touch screen (it cannot hover, its pointer is coarse): there, as in mobile chat apps, Enter breaks the
 * line (an on-screen keyboard has no Shift+Enter) and the Send button sends.
 */
const touchFirst = () => matchMedia('(hover: none) and (pointer: coarse)').matches;

/**
 * @internal The composer of `<tim-chat>` (see `TimChat`). Not a public element: the chat gives it the
 * store, the strings and the locale, and a way to report errors as its own `tim-error`.
 */
export class TimChatComposer extends LitElement {
  static override styles = [TimElement.styles, buttonStyles, composerStyles];
  static override properties = {
    conversationId: { attribute: 'conversation-id' },
    store: { attribute: false },
    t: { attribute: false },
    locale: {},
    report: { attribute: false },
    text: { state: true },
    mode: { state: true },
    notice: { state: true },
    panel: { state: true },
    dragging: { state: true },
  };

  /** The conversation messages go to. */
  conversationId = '';
  store: ChatStore | undefined;
  /** The strings in the chat's locale. */
  t!: Catalog;
  /** The chat's locale (for Intl). */
  locale = 'en';
  /** Reports a failed action as the chat's `tim-error`; `show` gets its localised text (once its words are loaded). */
  report: (error: unknown, scenario: string, show?: (text: string) => void) => void = () => undefined;

  /** @internal A size in bytes, in the chat's locale (for the attachments too). */
  formatBytes(bytes: number): string {
    return kit.formatBytes(bytes, this.locale);
  }

  private text = '';
  private mode: Mode = { kind: 'none' };
  /** A refusal or failure shown above the input (cleared as the user types). */
  private notice = '';
  private panel: '' | 'emoji' | 'stickers' = '';
  private dragging = false;

  private get input(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('textarea') ?? null;
  }

  #unsubscribe: (() => void) | undefined;
  #subscribed: ChatStore | undefined;

  /** @internal */
  readonly attachments = new Attachments(this);
  /** @internal */
  readonly mentions = new MentionPicker(this);

  #composing = false;
  #restoredFor = '';
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #draftFor = '';
  #typingSentAt = 0;
  #typingFor = '';
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #muteTimer: ReturnType<typeof setTimeout> | undefined;
  #selfRequested = '';
  /** Names picked in the mention list, by user ID (kept while `@name` stays in the text). */
  #mentioned = new Map<UserID, string>();
  #chat: HTMLElement | undefined;

  /** The store's state (the composer re-renders when a slice it reads changes). */
  get #s(): StoreState | undefined {
    return this.store?.state;
  }

  #follow(): void {
    if (this.#subscribed === this.store) return;
    this.#unsubscribe?.();
    this.#subscribed = this.store;
    this.#unsubscribe = this.store?.subscribe((s, p) => {
      if (SLICES.some((k) => s[k] !== p[k])) this.requestUpdate();
    });
  }

  /** A press outside the composer closes its popups (the emoji picker, the sticker panel, the member list). */
  #onOutside = (e: Event) => {
    if (e.composedPath().includes(this)) return;
    if (this.panel) this.panel = '';
    this.mentions.close();
  };

  /** Focus leaving the composer (Tab away) closes its popups too. */
  #onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && (to === this || this.contains(to))) return;
    if (this.panel) this.panel = '';
    this.mentions.close();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onOutside, true);
    this.addEventListener('focusout', this.#onFocusOut);
    // <tim-chat>'s parts (see its JSDoc): the host styles them as `tim-chat::part(composer-input)`…
    this.setAttribute('exportparts', 'input:composer-input,send-button,quote-preview,edit-banner,disabled-reason,attachments,mention-list');
    this.#subscribed = undefined;
    const root = this.getRootNode();
    this.#chat = root instanceof ShadowRoot ? (root.host as HTMLElement) : undefined;
    this.#chat?.addEventListener('dragenter', this.#onDrag);
    this.#chat?.addEventListener('dragover', this.#onDrag);
    this.#chat?.addEventListener('dragleave', this.#onDragLeave);
    this.#chat?.addEventListener('drop', this.#onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
    this.#chat?.removeEventListener('dragenter', this.#onDrag);
    this.#chat?.removeEventListener('dragover', this.#onDrag);
    this.#chat?.removeEventListener('dragleave', this.#onDragLeave);
    this.#chat?.removeEventListener('drop', this.#onDrop);
    this.#flushDraft();
    this.#stopTyping();
    clearTimeout(this.#muteTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.attachments.clear();
    this.#resize.disconnect();
    this.#fitted = '';
  }

  // ───────────────────────────── the chat's API ─────────────────────────────

  /** Quotes a message: a preview above the input; the next text sent replies to it. */
  quote(message: Message): void {
    if (this.mode.kind === 'edit') this.#endEdit();
    this.mode = { kind: 'quote', message };
    this.focusInput();
  }

  /** Edit mode: the message's text in the input; Enter saves, Escape cancels. */
  edit(message: Message): void {
    if (message.type !== 'TIMTextElem') return;
    const saved = this.mode.kind === 'edit' ? this.mode.saved : this.text;
    this.mode = { kind: 'edit', message, saved };
    this.#setText(message.payload.text, false);
    this.focusInput(true);
  }

  /** Puts a recalled message's text back into the input (after what is already there). */
  reEdit(text: string): void {
    if (this.mode.kind === 'edit') this.#endEdit();
    this.#setText(this.text.trim() ? `${this.text} ${text}` : text);
    this.focusInput(true);
  }

  /** Focuses the input (caret at the end with `end`). */
  focusInput(end = false): void {
    void this.updateComplete.then(() => {
      const input = this.input;
      if (!input) return;
      input.focus();
      if (end) input.setSelectionRange(input.value.length, input.value.length);
    });
  }

  // ───────────────────────────── state ─────────────────────────────

  get #id(): ConversationID {
    return this.conversationId as ConversationID;
  }

  get #me(): UserID {
    return this.#s?.session.userID ?? '';
  }

  /** Why sending is impossible here and now, or '' when it is possible. */
  get disabledReason(): DisabledReason | '' {
    if (this.#s?.session.status === 'kickedOut') return 'kicked';
    if (this.#s?.net !== 'connected') return 'offline';
    const target = parseConversationID(this.conversationId);
    if (target?.type === 'C2C') return this.#s?.blacklist.value.includes(target.targetID) ? 'blocked' : '';
    if (target?.type !== 'GROUP') return '';
    const group = this.#s?.groups.get(target.targetID);
    if (group && !group.selfRole) return 'notMember';
    const self = this.#s?.members.get(target.targetID)?.members.find((m) => m.userID === this.#me);
    if (self && self.muteUntil > Date.now() / 1000) return 'muted';
    if (group?.muteAllMembers && group.selfRole === 'Member') return 'mutedAll';
    return '';
  }

  #disabledText(reason: DisabledReason): string {
    const d = this.t.composer.disabled;
    if (reason !== 'muted') return d[reason];
    const target = parseConversationID(this.conversationId);
    const until = target?.type === 'GROUP' ? this.#s?.members.get(target.targetID)?.members.find((m) => m.userID === this.#me)?.muteUntil : 0;
    return until ? d.mutedUntil(kit.formatDateTime(until, this.locale)) : d.muted;
  }

  /** @internal The group's members for the mention list (the user excluded). */
  mentionCandidates(): { all: boolean; members: MentionCandidate[] } {
    const target = parseConversationID(this.conversationId);
    if (target?.type !== 'GROUP' || !this.store) return { all: false, members: [] };
    const group = this.#s?.groups.get(target.targetID);
    const list = this.#s?.members.get(target.targetID)?.members ?? [];
    const state = this.store.state;
    return {
      all: group?.selfRole === 'Owner' || group?.selfRole === 'Admin',
      members: list
        .filter((m) => m.userID !== this.#me)
        .map((m) => ({
          userID: m.userID,
          name: kit.stripControls(kit.memberShowName(state, target.targetID, m.userID, m.nameCard || m.nick)) || m.userID,
          text: kit.stripControls(m.nameCard || m.nick || state.profiles.get(m.userID)?.nick || '') || m.userID,
          avatar: m.avatar,
        })),
    };
  }

  /** @internal Loads the group's next page of members, when there is one (for the mention list). */
  loadMoreMembers(): void {
    const target = parseConversationID(this.conversationId);
    const members = target?.type === 'GROUP' ? this.#s?.members.get(target.targetID) : undefined;
    if (target?.type === 'GROUP' && members?.status === 'ready' && members.offset > 0) this.store?.loadMembers(target.targetID).catch(() => undefined);
  }

  /** @internal Upload progress of a message being sent (0..1). */
  progressOf(messageID: string): number | undefined {
    return this.#s?.progress.get(messageID);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#follow();
    if (changed.has('conversationId')) this.#switchConversation(changed.get('conversationId') as string | undefined);
    this.#restoreDraft();
    this.#watchSelf();
  }

  /** Leaving a conversation: save its draft now, stop typing, forget its quote, edit and attachments. */
  #switchConversation(previous: string | undefined): void {
    if (previous) this.#flushDraft(previous as ConversationID);
    this.#stopTyping();
    this.mode = { kind: 'none' };
    this.notice = '';
    this.panel = '';
    this.mentions.close();
    this.attachments.clear();
    this.#mentioned.clear();
    this.#restoredFor = '';
    this.text = '';
    if (this.input) this.input.value = '';
  }

  /** Restores the conversation's saved draft once it is known (not over anything typed since). */
  #restoreDraft(): void {
    if (this.#restoredFor === this.conversationId || !this.conversationId) return;
    const list = this.#s?.conversations;
    if (!list || list.status !== 'ready') return;
    this.#restoredFor = this.conversationId;
    const draft = list.value.find((c) => c.conversationID === this.conversationId)?.draftText ?? '';
    if (draft && !this.text) this.#setText(draft, false);
  }

  /** Loads what the disabled reasons need (the block list; the user's own membership) and re-checks a mute when it ends. */
  #watchSelf(): void {
    const store = this.store;
    const target = parseConversationID(this.conversationId);
    if (!store || this.#s?.session.status !== 'ready' || !target) return;
    const key = `${this.#me}\n${this.conversationId}`;
    if (this.#selfRequested !== key) {
      this.#selfRequested = key;
      if (target.type === 'C2C' && this.#s?.blacklist.status === 'idle') store.loadBlacklist().catch(() => undefined);
      if (target.type === 'GROUP') store.loadGroupMembers(target.targetID as GroupID, [this.#me]).catch(() => undefined);
    }
    clearTimeout(this.#muteTimer);
    if (target.type === 'GROUP') {
      const until = this.#s?.members.get(target.targetID)?.members.find((m) => m.userID === this.#me)?.muteUntil ?? 0;
      const ms = until * 1000 - Date.now();
      if (ms > 0 && ms < 2 ** 31 - 1) this.#muteTimer = setTimeout(() => this.requestUpdate(), ms + 50);
    }
  }

  // ───────────────────────────── text ─────────────────────────────

  #setText(text: string, save = true): void {
    this.text = text;
    if (this.input) this.input.value = text;
    void this.updateComplete.then(() => this.#grow());
    if (save) this.#scheduleDraft();
  }

  /** The input's width and placeholder when it was last fitted to its content. */
  #fitted = '';
  /** Text and placeholder wrap anew when the width changes (a narrower pane, larger text). */
  #resize = new ResizeObserver(() => this.#fit());

  /** Fits the input to what it shows when its width or its placeholder changed: an empty input shows its
   *  placeholder, which wraps too (at 200% text a name no longer fits one line, and the rest was cut off). */
  #fit(): void {
    const input = this.input;
    const key = input && `${input.clientWidth}\n${input.placeholder}`;
    if (!input || key === this.#fitted) return;
    this.#fitted = key!;
    this.#grow();
  }

  protected override updated(): void {
    const input = this.input;
    if (input && !this.#fitted) this.#resize.observe(input);
    this.#fit();
  }

  #grow(): void {
    const input = this.input;
    if (!input) return;
    input.style.blockSize = 'auto';
    input.style.blockSize = `${input.scrollHeight + (input.offsetHeight - input.clientHeight)}px`;
  }

  #onInput = () => {
    const input = this.input!;
    this.text = input.value;
    this.notice = '';
    this.#grow();
    this.mentions.update(mentionQuery(input.value, input.selectionStart ?? input.value.length));
    if (this.mode.kind !== 'edit') {
      this.#scheduleDraft();
      this.#typing();
    }
  };

  #onKeydown = (e: KeyboardEvent) => {
    if (this.mentions.open && this.mentions.onKey(e)) return;
    if (e.key === 'Escape') {
      if (this.panel) this.panel = '';
      else if (this.mode.kind === 'edit') this.#endEdit();
      else if (this.mode.kind === 'quote') this.mode = { kind: 'none' };
      else return;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || touchFirst()) return;
    // An IME uses Enter to commit its composition: never send then (keyCode 229 where isComposing lags).
    if (e.isComposing || this.#composing || e.keyCode === 229) return;
    e.preventDefault();
    void this.send();
  };

  #onPaste = (e: ClipboardEvent) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    this.attachments.add(files);
  };

  /** @internal Inserts text at the caret (emoji, a mention). */
  insert(text: string, replaceFrom?: number): void {
    const input = this.input;
    const start = replaceFrom ?? input?.selectionStart ?? this.text.length;
    const end = input?.selectionEnd ?? this.text.length;
    const value = this.text.slice(0, start) + text + this.text.slice(end);
    this.#setText(value);
    void this.updateComplete.then(() => {
      const caret = start + text.length;
      this.input?.focus();
      this.input?.setSelectionRange(caret, caret);
    });
    if (this.mode.kind !== 'edit') this.#typing();
  }

  /** @internal Replaces the `@query` before the caret with a picked member. */
  pickMention(candidate: MentionCandidate | 'all', from: number): void {
    const name = candidate === 'all' ? this.t.composer.mentionAll : candidate.text;
    this.#mentioned.set(candidate === 'all' ? AT_ALL : candidate.userID, name);
    this.insert(`@${name} `, from);
  }

  // ───────────────────────────── drafts and typing ─────────────────────────────

  #scheduleDraft(): void {
    clearTimeout(this.#draftTimer);
    this.#draftFor = this.conversationId;
    this.#draftTimer = setTimeout(() => this.#flushDraft(), DRAFT_DEBOUNCE_MS);
  }

  #flushDraft(id = this.#draftFor as ConversationID): void {
    if (!this.#draftTimer && id === this.#draftFor) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    const text = this.mode.kind === 'edit' ? this.mode.saved : this.text;
    if (id && this.#draftFor === id) this.store?.setDraft(id, text.trim() ? text : '').catch(() => undefined);
    this.#draftFor = '';
  }

  #typing(): void {
    const store = this.store;
    if (!store) return;
    clearTimeout(this.#typingTimer);
    if (!this.text.trim()) return this.#stopTyping();
    const now = Date.now();
    if (this.#typingFor !== this.conversationId || now - this.#typingSentAt > TYPING_THROTTLE_MS) {
      if (this.#typingFor && this.#typingFor !== this.conversationId) this.#stopTyping();
      this.#typingFor = this.conversationId;
      this.#typingSentAt = now;
      store.setTyping(this.#id, true);
    }
    this.#typingTimer = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MS);
  }

  #stopTyping(): void {
    clearTimeout(this.#typingTimer);
    if (!this.#typingFor) return;
    this.store?.setTyping(this.#typingFor as ConversationID, false);
    this.#typingFor = '';
    this.#typingSentAt = 0;
  }

  // ───────────────────────────── sending ─────────────────────────────

  /** @internal Sends what is in the composer: the attachments, then the text (or saves an edit). */
  async send(): Promise<void> {
    const store = this.store;
    if (!store || !this.conversationId || this.disabledReason) return;
    if (this.mode.kind === 'edit') return this.#saveEdit();
    const text = this.text;
    const hasText = text.trim() !== '';
    if (!hasText && this.attachments.items.length === 0) return;
    if (hasText && this.#overBy() > 0) {
      this.notice = this.t.composer.tooLong(this.formatBytes(this.#overBy()));
      return;
    }
    const quote = this.mode.kind === 'quote' ? this.mode.message : undefined;
    if (this.attachments.items.length && !(await this.attachments.sendAll())) return;
    if (!hasText) return;
    const atUserList = this.#atUserList(text);
    const draft: MessageDraft = { type: 'TIMTextElem', payload: { text: text.trimEnd() }, ...(atUserList.length ? { atUserList } : {}) };
    const sent = this.sendDraft(draft, quote ? replyData(quote, this.#senderName(quote), kit.previewText(this.t, quote)) : '');
    if (!sent) return;
    // Sent (or shown as failed, with Retry, in the history): the input is free again.
    this.#setText('', false);
    this.#mentioned.clear();
    this.mode = { kind: 'none' };
    this.#stopTyping();
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    store.setDraft(this.#id, '').catch(() => undefined);
    await sent;
  }

  /** Send pressed: the button is disabled once the input is empty, and a disabled button drops the focus to the page (a phone's keyboard closes), so the input takes it. */
  #onSendClick = () => {
    void this.send();
    this.focusInput();
  };

  /**
   * @internal Fires `tim-before-send`, then sends. Returns the send (settling when it did), or null when
   * the host vetoed it. Failures are shown in the history (Retry) and reported as `tim-error`.
   */
  sendDraft(
    draft: MessageDraft,
    cloudCustomData = '',
    hooks: { started?: (messageID: string) => void; settled?: (message: Message | undefined) => void } = {},
  ): Promise<Message | undefined> | null {
    const store = this.store;
    if (!store) return null;
    const detail: TimBeforeSendDetail = { conversationID: this.#id, draft, cloudCustomData };
    if (!allowed(this, new TimBeforeEvent('tim-before-send', detail))) return null;
    const sending = store.send(detail.conversationID, detail.draft, detail.cloudCustomData ? { cloudCustomData: detail.cloudCustomData } : {});
    // The store shows the local echo synchronously: the newest pending message of the window is it.
    const echo = store.state.windows.get(detail.conversationID)?.messages.at(-1);
    if (echo && echo.flow === 'out' && echo.status === 'unSend') hooks.started?.(echo.ID);
    return sending.then(
      (m) => (hooks.settled?.(m), m),
      (error) => {
        this.report(error, 'sendMessage', (text) => (this.notice = `${this.t.composer.sendFailed} ${text}`));
        hooks.settled?.(undefined);
        return undefined;
      },
    );
  }

  async #saveEdit(): Promise<void> {
    if (this.mode.kind !== 'edit') return;
    const { message } = this.mode;
    const text = this.text;
    if (!text.trim() || (message.type === 'TIMTextElem' && text === message.payload.text)) return this.#endEdit();
    if (this.#overBy() > 0) {
      this.notice = this.t.composer.tooLong(this.formatBytes(this.#overBy()));
      return;
    }
    const detail: TimBeforeEditDetail = { conversationID: this.#id, messageID: message.ID, text };
    if (!allowed(this, new TimBeforeEvent('tim-before-edit', detail))) return;
    try {
      await this.store!.modify(message.ID, { payload: { text: detail.text } });
      this.#endEdit();
    } catch (error) {
      this.report(error, 'modifyMessage', (text) => (this.notice = `${this.t.composer.editFailed} ${text}`));
    }
  }

  #endEdit(): void {
    if (this.mode.kind !== 'edit') return;
    const { saved } = this.mode;
    this.mode = { kind: 'none' };
    this.notice = '';
    this.#setText(saved, false);
  }

  /** Bytes over the core's text limit (0 or less when within). */
  #overBy(): number {
    return utf8Bytes(this.text) - this.#limit;
  }

  get #limit(): number {
    return this.store?.core.capabilities.maxMessageBytes || 12 * 1024;
  }

  /** The users mentioned: those picked whose `@name` is still in the text. */
  #atUserList(text: string): UserID[] {
    if (parseConversationID(this.conversationId)?.type !== 'GROUP') return [];
    const all = this.mentionCandidates().all;
    return [...this.#mentioned].filter(([id, name]) => text.includes(`@${name}`) && (id !== AT_ALL || all)).map(([id]) => id);
  }

  #senderName(m: Message): string {
    const state = this.store?.state;
    if (!state) return m.nick || m.from;
    if (m.from === this.#me) return kit.stripControls(kit.userShowName(state, m.from) || m.nick || m.from);
    const target = parseConversationID(this.conversationId);
    return kit.stripControls(target?.type === 'GROUP' ? kit.memberShowName(state, target.targetID, m.from, m.nameCard || m.nick) : kit.userShowName(state, m.from) || m.nick || m.from);
  }

  // ───────────────────────────── drag and drop ─────────────────────────────

  #onDrag = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || this.disabledReason) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  #onDragLeave = (e: DragEvent) => {
    if (!e.relatedTarget || !this.#chat?.contains(e.relatedTarget as Node)) this.dragging = false;
  };

  #onDrop = (e: DragEvent) => {
    this.dragging = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0 || this.disabledReason) return;
    e.preventDefault();
    this.attachments.add(files);
    this.focusInput();
  };

  // ───────────────────────────── panels ─────────────────────────────

  async #togglePanel(panel: 'emoji' | 'stickers'): Promise<void> {
    if (this.panel === panel) {
      this.panel = '';
      this.focusInput();
      return;
    }
    try {
      // The sticker set's drawings too: a panel of empty buttons would say nothing.
      await (panel === 'emoji' ? import('./emoji-picker.js') : Promise.all([import('./sticker-panel.js'), import('../stickers.js')])).catch(unreachable);
    } catch (error) {
      // Not fetched (offline): said above the input; the next click tries again.
      this.report(error, panel === 'emoji' ? 'openEmojiPicker' : 'openStickerPanel', (text) => (this.notice = text));
      return;
    }
    this.panel = panel;
  }

  #closePanel = () => {
    this.panel = '';
    this.focusInput();
  };

  #onEmoji = (e: CustomEvent<string>) => {
    this.insert(e.detail);
  };

  #onSticker = (e: CustomEvent<{ index: number; data: string }>) => {
    this.panel = '';
    this.sendDraft({ type: 'TIMFaceElem', payload: e.detail });
    this.focusInput();
  };

  // ───────────────────────────── render ─────────────────────────────

  protected override render() {
    const t = this.t.composer;
    // Why sending is off is shown above the input and said by a live region that is always there (one added
    // with its words is not said by most screen readers).
    const reason = this.disabledReason;
    const bytes = utf8Bytes(this.text);
    const limit = this.#limit;
    const showCounter = bytes >= limit * COUNTER_FROM;
    const over = bytes > limit;
    const media = this.store?.core.capabilities.mediaMessages ?? false;
    const edit = this.mode.kind === 'edit';
    const canSend = !reason && (this.text.trim() !== '' || (!edit && this.attachments.items.length > 0));
    const name = this.#placeholderName();
    return html`${this.dragging ? html`<div class="drop" part="drop-zone">${icon('attach')}<span>${t.dropHere}</span></div>` : nothing}
      ${this.#renderBanner()} ${this.attachments.render()}
      ${reason ? html`<div class="reason" id="reason" part="disabled-reason">${icon('block')}<span>${this.#disabledText(reason)}</span></div>` : nothing}
      ${this.notice ? html`<div class="notice" id="notice" role="alert">${icon('alert')}<span>${this.notice}</span></div>` : nothing}
      ${this.mentions.render()} ${this.#renderPanel()}
      <div class="row ${reason ? 'disabled' : ''}" part="input-row">
        ${edit
          ? nothing
          : html`<button class="icon-button" aria-label=${t.emoji} aria-expanded=${this.panel === 'emoji'} ?disabled=${!!reason} @click=${() => void this.#togglePanel('emoji')}>${icon('emoji')}</button>
              <button class="icon-button" aria-label=${t.stickers} aria-expanded=${this.panel === 'stickers'} ?disabled=${!!reason} @click=${() => void this.#togglePanel('stickers')}>
                ${icon('sticker')}
              </button>
              ${media
                ? html`<button class="icon-button" aria-label=${t.attach} ?disabled=${!!reason} @click=${() => this.attachments.pick()}>${icon('attach')}</button>`
                : nothing}`}
        <textarea
          part="input"
          rows="1"
          dir="auto"
          aria-label=${t.input}
          placeholder=${name ? t.placeholder(name) : t.input}
          aria-describedby=${[reason ? 'reason' : '', this.notice ? 'notice' : '', showCounter ? 'counter' : ''].filter(Boolean).join(' ') || nothing}
          aria-disabled=${reason ? 'true' : 'false'}
          aria-invalid=${over ? 'true' : 'false'}
          aria-autocomplete=${parseConversationID(this.conversationId)?.type === 'GROUP' ? 'list' : nothing}
          aria-controls=${this.mentions.open ? 'mentions' : nothing}
          aria-activedescendant=${this.mentions.activeID || nothing}
          enterkeyhint=${touchFirst() ? 'enter' : 'send'}
          ?readonly=${!!reason}
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @keyup=${() => this.mentions.update(mentionQuery(this.input!.value, this.input!.selectionStart ?? 0))}
          @click=${() => this.mentions.update(mentionQuery(this.input!.value, this.input!.selectionStart ?? 0))}
          @compositionstart=${() => (this.#composing = true)}
          @compositionend=${() => (this.#composing = false)}
          @paste=${this.#onPaste}
          @blur=${() => this.#stopTyping()}
        ></textarea>
        ${showCounter
          ? html`<span id="counter" class="counter ${over ? 'over' : ''}" part="counter"
              >${over ? `-${this.formatBytes(bytes - limit)}` : t.bytesLeft(this.formatBytes(limit - bytes))}</span
            >`
          : nothing}
        <button class="send" part="send-button" aria-label=${edit ? t.save : t.send} ?disabled=${!canSend} @click=${this.#onSendClick}>
          ${icon(edit ? 'check' : 'send')}
        </button>
      </div>
      <div class="visually-hidden" role="status">${reason ? this.#disabledText(reason) : ''}</div>`;
  }

  #renderBanner() {
    const t = this.t.composer;
    if (this.mode.kind === 'none') return nothing;
    if (this.mode.kind === 'edit') {
      return html`<div class="banner" part="edit-banner">
        ${icon('edit')}
        <span class="banner-text"><span class="banner-title">${t.editing}</span><span class="banner-body">${t.editHint}</span></span>
        <button class="icon-button" aria-label=${t.cancelEdit} @click=${() => (this.#endEdit(), this.focusInput())}>${icon('close')}</button>
      </div>`;
    }
    const m = this.mode.message;
    return html`<div class="banner" part="quote-preview">
      ${icon('reply')}
      <span class="banner-text">
        <span class="banner-title"><bdi>${t.quoting(`\u2068${this.#senderName(m)}\u2069`)}</bdi></span>
        <span class="banner-body"><bdi>${kit.previewText(this.t, m)}</bdi></span>
      </span>
      <button class="icon-button" aria-label=${t.cancelQuote} @click=${() => ((this.mode = { kind: 'none' }), this.focusInput())}>${icon('close')}</button>
    </div>`;
  }

  #renderPanel() {
    if (this.panel === 'emoji') {
      return html`<tim-chat-emoji-picker part="emoji-picker" .strings=${this.t.composer} locale=${this.locale} @tim-emoji=${this.#onEmoji} @tim-close=${this.#closePanel}></tim-chat-emoji-picker>`;
    }
    if (this.panel === 'stickers') {
      return html`<tim-chat-sticker-panel
        part="sticker-panel"
        .label=${this.t.composer.stickers}
        .names=${this.t.stickers}
        @tim-sticker=${this.#onSticker}
        @tim-close=${this.#closePanel}
      ></tim-chat-sticker-panel>`;
    }
    return nothing;
  }

  #placeholderName(): string {
    const state = this.store?.state;
    const target = parseConversationID(this.conversationId);
    if (!state || !target) return '';
    if (target.type === 'GROUP') return kit.stripControls(state.groups.get(target.targetID)?.name || this.#s?.conversations.value.find((c) => c.conversationID === this.conversationId)?.groupProfile?.name || '');
    return target.type === 'C2C' ? kit.stripControls(kit.userShowName(state, target.targetID) || '') : '';
  }

  /** @internal */
  attachmentError(text: string): void {
    this.notice = text;
  }

}

/** The `cloudCustomData` of a reply, in TUIKit's shape (read back by `parseReply`). */
export function replyData(quoted: Message, sender: string, abstract: string): string {
  return JSON.stringify({
    messageReply: {
      messageID: quoted.ID,
      messageAbstract: [...abstract].slice(0, 100).join(''),
      messageSender: sender,
      messageType: REPLY_TYPES[quoted.type] ?? 0,
      messageTime: quoted.time,
      messageSequence: quoted.sequence,
      version: 1,
    },
  });
}

export type { Attachment };

declare global {
  interface HTMLElementTagNameMap {
    'tim-chat-composer': TimChatComposer;
  }
}
