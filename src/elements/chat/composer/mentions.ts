/**
 * The composer's `@` member picker (groups): typing `@` opens a list of the group's members, filtered as
 * one types; arrows move, Enter or Tab picks, Escape closes. `@all` is offered to the owner and admins only.
 */
import { html, nothing, type ReactiveController } from '../../shared/first-screen.js';
import type { UserID } from '../../../core/index.js';
import type { TimChatComposer } from './composer.js';

export interface MentionCandidate {
  userID: UserID;
  /** The name shown in the list: the user's own remark for a friend, else the group's names. When it is not
   *  what will be written (a remark), the option's hint shows `@text` in place of the user ID, so the user sees
   *  what the others will read before picking. */
  name: string;
  /** The name written into the message, which every member reads: name card > nick > userID (never the
   *  sender's private remark). */
  text: string;
  avatar: string;
}

/** The `@query` being typed before the caret: where its `@` is and what follows it, or null. */
export function mentionQuery(text: string, caret: number): { from: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const query = before.slice(at + 1);
  // Names have spaces ("Carol Jones"): the query may too, while some member still matches it (the list
  // closes when none does); not past a line break, not starting with a space.
  if (/^\s|[\n@]/.test(query) || query.length > 32) return null;
  if (at > 0 && /[\p{L}\p{N}_.]/u.test(before[at - 1]!) && !/[\p{Script=Han}\p{Script=Hangul}]/u.test(before[at - 1]!)) return null;
  return { from: at, query };
}

const MAX_SHOWN = 50;

export class MentionPicker implements ReactiveController {
  readonly #host: TimChatComposer;
  #at: { from: number; query: string } | null = null;
  #index = 0;
  /** Where the `@` was whose list Escape closed: it stays closed (the key's own keyup would reopen it) until that `@` is gone. */
  #dismissed = -1;

  constructor(host: TimChatComposer) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  get open(): boolean {
    return this.#at !== null && this.#options().length > 0;
  }

  /** Follows the caret: opens, filters or closes. */
  update(at: { from: number; query: string } | null): void {
    const group = this.#host.mentionCandidates();
    if (at?.from !== this.#dismissed) this.#dismissed = -1;
    const next = (group.members.length || group.all) && at?.from !== this.#dismissed ? at : null;
    if (next?.from !== this.#at?.from || next?.query !== this.#at?.query) {
      // A big group's members load in pages: the next one while the user looks for someone.
      if (next) this.#host.loadMoreMembers();
      this.#at = next;
      this.#index = 0;
      this.#host.requestUpdate();
    }
  }

  close(): void {
    if (!this.#at) return;
    this.#at = null;
    this.#host.requestUpdate();
  }

  /** Keys while the list is open. True when the key was the list's. */
  onKey(e: KeyboardEvent): boolean {
    const options = this.#options();
    if (e.isComposing || e.keyCode === 229) return false;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        this.#index = (this.#index + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
        break;
      case 'Enter':
      case 'Tab':
        this.#pick(options[this.#index]!);
        break;
      case 'Escape':
        this.#dismissed = this.#at?.from ?? -1;
        this.close();
        break;
      default:
        return false;
    }
    e.preventDefault();
    e.stopPropagation();
    this.#host.requestUpdate();
    return true;
  }

  #pick(option: MentionCandidate | 'all'): void {
    const from = this.#at?.from ?? 0;
    this.#at = null;
    this.#host.pickMention(option, from);
  }

  #options(): Array<MentionCandidate | 'all'> {
    if (!this.#at) return [];
    const { all, members } = this.#host.mentionCandidates();
    const q = this.#at.query.toLocaleLowerCase();
    const allLabel = this.#host.t.composer.mentionAll;
    const options: Array<MentionCandidate | 'all'> = all && (!q || allLabel.toLocaleLowerCase().includes(q) || 'all'.includes(q)) ? ['all'] : [];
    for (const m of members) {
      if (options.length >= MAX_SHOWN) break;
      if (!q || m.name.toLocaleLowerCase().includes(q) || m.text.toLocaleLowerCase().includes(q) || m.userID.toLowerCase().includes(q)) options.push(m);
    }
    return options;
  }

  render() {
    if (!this.open) return nothing;
    const t = this.#host.t.composer;
    const options = this.#options();
    const active = Math.min(this.#index, options.length - 1);
    return html`<ul class="popup mentions" part="mention-list" role="listbox" id="mentions" aria-label=${t.mentionList}>
      ${options.map(
        (o, i) =>
          html`<li
            role="option"
            id=${`mention-${i}`}
            class="option ${i === active ? 'active' : ''}"
            aria-selected=${i === active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.#pick(o)}
          >
            ${o === 'all'
              ? html`<span class="option-icon">@</span><span class="option-name">${t.mentionAll}</span><span class="option-hint">${t.mentionAllHint}</span>`
              : html`<tim-avatar src=${o.avatar} name=${o.name} seed=${o.userID}></tim-avatar><bdi class="option-name">${o.name}</bdi
                  ><bdi class="option-hint">${o.text === o.name ? o.userID : `@${o.text}`}</bdi>`}
          </li>`,
      )}
    </ul>`;
  }

  /** The active option's ID, for the input's `aria-activedescendant`. */
  get activeID(): string {
    return this.open ? `mention-${Math.min(this.#index, this.#options().length - 1)}` : '';
  }
}
