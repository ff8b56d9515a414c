import {
  html,
  nothing,
  property,
  query,
  state,
  TimElement,
  buttonStyles,
  stateViewStyles,
  TimBeforeEvent,
  utf8Bytes,
  type TemplateResult,
} from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type { TimDialog, ConfirmOptions } from '../shared/dialog.js';
import type { VirtualList } from '../shared/virtual-list.js';
import type { TimProfileBeforeDetails, TimProfileBeforeType } from '../../events/index.js';
import type {
  Conversation,
  ConversationID,
} from '../../core/index.js';
import { viewStyles } from './profile.styles.js';
import { kit } from './views-kit.js';
import '../shared/dialog.js';
import { buttonVariantStyles } from '../shared/button-variants.js';

/** The result of the last action, shown at the foot of the view. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** A user-visible name: without invisible direction and zero-width controls (reliability F19). */
export const cleanName = (name: string) => kit.stripControls(name).trim();

/** The error text for a field holding `value` with a UTF-8 byte limit, or '' when it fits. */
export function bytesError(t: { tooLong: (used: number, max: number) => string }, value: string, max: number): string {
  const used = utf8Bytes(value);
  return used > max ? t.tooLong(used, max) : '';
}

/** Scrolls a virtual list just enough to show row `index` (no jump when it is already in view). */
export function reveal(list: VirtualList<unknown>, index: number): void {
  const { first, last } = list.range;
  if (index > first && index < last) return;
  list.scrollToIndex(index, index <= first ? 'start' : 'end');
}

/** A birthday stored as YYYYMMDD, as a localised date ('' when unset or not a real date). */
export function birthdayText(value: number | undefined, locale: string): string {
  if (!value) return '';
  const y = Math.floor(value / 10000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The base of `<tim-profile>`'s views (private elements): ordered sections with host slots, one action at a
 * time through a cancelable before-hook, results and errors shown in words at the foot of the view.
 */
export abstract class ProfileView extends TimElement {
  static override styles = [TimElement.styles, buttonStyles, buttonVariantStyles, stateViewStyles, viewStyles];

  /** Section names in display order; empty = the view's default. Unknown names render a host slot. */
  @property({ attribute: false }) sections: readonly string[] = [];

  /** The action running now ('' when idle): its buttons are disabled. */
  @state() protected busy = '';
  @state() protected notice: Notice | undefined;
  @query('tim-dialog.confirm') private confirmDialog?: TimDialog;

  /** Conversation settings (mute, pin) follow the conversation list. */
  protected readonly conversations = this.select((s) => s.conversations);

  /** A conversation not in the list (never messaged, or hidden), fetched so its settings still show. */
  @state() private fetchedConversation: Conversation | undefined;

  /** The view's own button pressed last, and its section: an action disables its buttons, which drops the focus. */
  #pressed: HTMLButtonElement | null = null;
  #pressedIn: (Element | null)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('click', this.#onPress, true);
  }

  #onPress = (e: Event) => {
    const b = (e.composedPath()[0] as Element).closest?.('button');
    if (b?.getRootNode() !== this.renderRoot) return;
    this.#pressed = b;
    this.#pressedIn = [b.closest('ul'), b.closest('section')];
  };

  /**
   * The focus fell to the page during an action: back to the button pressed, else to the first button of its
   * list or section (Block gave way to Unblock, a row went), else of the view.
   */
  #keepFocus(): void {
    const b = this.#pressed;
    if (!b || (document.activeElement && document.activeElement !== document.body)) return;
    if (b.isConnected && !b.disabled) return b.focus();
    const place = this.#pressedIn.find((e) => e?.isConnected) ?? this.renderRoot;
    place.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  }

  /** The view's sections in their default order. */
  protected abstract readonly defaultSections: readonly string[];

  /** Renders a built-in section; `undefined` for a name the view does not know (a host section). */
  protected abstract section(name: string): TemplateResult | typeof nothing | undefined;

  /** The sections in order: built-in ones, and a slot for every other name (the host's own sections). */
  protected renderSections(): unknown[] {
    const names = this.sections.length ? this.sections : this.defaultSections;
    return names.map((name) => this.section(name) ?? html`<slot name=${name}></slot>`);
  }

  /** The result line and the confirmation dialog every view has. */
  protected renderFoot() {
    const n = this.notice;
    return html`${n
        ? html`<p part="notice" class="notice ${n.kind}" role=${n.kind === 'error' ? 'alert' : 'status'}>
            <span>${n.text}</span>
            <button class="icon-button" aria-label=${this.t.common.close} @click=${() => (this.notice = undefined)}>${icon('close')}</button>
          </p>`
        : nothing}
      <tim-dialog class="confirm"></tim-dialog>`;
  }

  /** A labelled on/off switch. */
  protected switchRow(label: string, checked: boolean, toggle: () => void, busy: boolean) {
    return html`<button part="switch" class="switch" role="switch" aria-checked=${checked ? 'true' : 'false'} ?disabled=${busy} @click=${toggle}>
      <span>${label}</span><span class="track" aria-hidden="true"></span>
    </button>`;
  }

  /** Mute notifications, pin, and clear the history of a conversation (a user's or a group's). */
  protected conversationSettings(conversationID: ConversationID) {
    const t = this.t.profile;
    const c =
      this.conversations.value?.value.find((x) => x.conversationID === conversationID) ??
      (this.fetchedConversation?.conversationID === conversationID ? this.fetchedConversation : undefined);
    const muted = c?.messageRemindType === 'AcceptNotNotify';
    const pinned = !!c?.isPinned;
    const store = this.store!;
    return html`${this.switchRow(t.action.mute, muted, () =>
        this.run('setMessageRemindType', ['tim-before-mute', { conversationID, muted: !muted }], async (d) => {
          await store.setMessageRemindType(conversationID, d.muted ? 'AcceptNotNotify' : 'AcceptAndNotify');
          await this.fetchConversation(conversationID);
        }), this.busy !== '')}
      ${this.switchRow(t.action.pin, pinned, () =>
        this.run('pinConversation', ['tim-before-pin', { conversationID, pinned: !pinned }], async (d) => {
          await store.pinConversation(conversationID, d.pinned);
          await this.fetchConversation(conversationID);
        }), this.busy !== '')}
      <div class="row">
        <button part="button danger-button" class="link danger" ?disabled=${this.busy !== ''} @click=${() => this.clearHistory(conversationID)}>
          ${t.action.clearHistory}
        </button>
      </div>`;
  }

  /** Fetches the conversation's settings when the list does not hold it (call when the target changes). */
  protected async fetchConversation(conversationID: ConversationID): Promise<void> {
    const store = this.store;
    if (!store || store.conversation(conversationID)) return;
    this.fetchedConversation = await store.ensureConversation(conversationID).catch(() => undefined);
  }

  private async clearHistory(conversationID: ConversationID) {
    const t = this.t.profile;
    if (!(await this.ask({ title: t.confirm.clearHistory, text: t.confirm.clearHistoryText, confirmLabel: t.action.clearHistory, danger: true }))) return;
    await this.run('clearHistory', ['tim-before-clear-history', { conversationID }], async () => {
      await this.store!.ensureConversation(conversationID);
      await this.store!.clearHistory(conversationID);
      return t.done.cleared;
    });
  }

  /** Asks a yes/no question in a modal dialog. */
  protected ask(options: Omit<ConfirmOptions, 'cancelLabel'>): Promise<boolean> {
    return this.confirmDialog?.confirm({ cancelLabel: this.t.common.cancel, ...options }) ?? Promise.resolve(false);
  }

  /** The profile's own, clearer wording for an error of this scenario, if it has one. */
  #ownErrorText(scenario: string, code: number): string | undefined {
    const own = this.t.profile.errors;
    return own[`${scenario}:${code}`] ?? own[code];
  }

  /**
   * A list's load error in its place: the profile's own wording, else the kit's, with Retry; the loading
   * state while the kit's words for it load.
   */
  protected errorView(scenario: string, code: number, retry: () => void): TemplateResult {
    const text = this.#ownErrorText(scenario, code) ?? this.l10n.errorText(code);
    return text === undefined
      ? kit.stateView({ kind: 'loading', text: this.t.common.loading })
      : kit.stateView({ kind: 'error', text, action: { label: this.t.common.retry, run: retry } });
  }

  /**
   * Runs one user action: fires the cancelable `hook` (nothing happens when the host vetoes it), then
   * `work` with the (possibly host-edited) detail. Its resolved text is shown as the result; a failure is
   * reported (`tim-error`) and shown in words. Resolves true when the action went through.
   */
  protected async run<K extends TimProfileBeforeType>(
    scenario: string,
    hook: [K, TimProfileBeforeDetails[K]] | null,
    work: (detail: TimProfileBeforeDetails[K]) => Promise<string | void>,
  ): Promise<boolean> {
    if (this.busy || !this.store) return false;
    let detail = undefined as unknown as TimProfileBeforeDetails[K];
    if (hook) {
      const event = new TimBeforeEvent(hook[0], hook[1]);
      if (!this.dispatchEvent(event) || event.defaultPrevented) return false;
      detail = event.detail;
    }
    this.busy = scenario;
    this.notice = undefined;
    try {
      const text = await work(detail);
      if (text) this.notice = { kind: 'ok', text };
      return true;
    } catch (error) {
      this.reportError(error, scenario, (text, e) => (this.notice = { kind: 'error', text: this.#ownErrorText(scenario, e.code) ?? text }));
      return false;
    } finally {
      this.busy = '';
      void this.updateComplete.then(() => this.#keepFocus());
    }
  }
}
