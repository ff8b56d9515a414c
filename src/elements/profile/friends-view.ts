import { css, html, nothing, state, define } from '../shared/first-screen.js';
import type { Friend } from '../../core/index.js';
import type { VirtualList } from '../shared/virtual-list.js';
import { kit } from './views-kit.js';
import { ProfileView, cleanName, reveal } from './view-base.js';
import { groupFriends } from './friend-groups.js';

/** A row of the flattened list: a letter heading or a friend. */
type Row = { kind: 'head'; key: string } | { kind: 'friend'; friend: Friend; name: string; index: number };

/**
 * The friend list: virtualized, grouped by first letter (Latin A–Z, Chinese by pinyin initial, Korean by
 * initial consonant, the rest under '#'; see `friend-groups.ts`) with a letter index beside it. One tab stop;
 * arrows, Page Up/Down, Home, End and typing a name move; Enter opens the friend's profile.
 * @internal A private view of `<tim-profile mode="friends">`.
 */
export class TimProfileFriends extends ProfileView {
  static override styles = [
    ProfileView.styles,
    css`
      .body {
        flex: 1;
        min-height: 0;
        display: flex;
      }
      .scroller {
        flex: 1;
        min-width: 0;
        overflow-y: auto;
        outline-offset: -2px;
      }
      .head {
        padding: var(--tim-space-1) var(--tim-space-4);
        background: var(--tim-color-surface);
        color: var(--tim-color-text-muted);
        font-size: var(--tim-font-size-s);
        font-weight: 600;
      }
      .item {
        cursor: pointer;
      }
      .item:hover,
      .scroller:focus-visible .item.active {
        background: var(--tim-color-hover);
      }
      .scroller:focus-visible .item.active {
        outline: 2px solid var(--tim-color-focus);
        outline-offset: -2px;
      }
      .index {
        flex: none;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 1px;
        padding: var(--tim-space-1);
        list-style: none;
        margin: 0;
        overflow-y: auto;
      }
      .index button {
        min-width: 1.5rem;
        min-height: 1.25rem;
        border-radius: var(--tim-radius-s);
        font-size: var(--tim-font-size-xs);
        font-weight: 600;
        color: var(--tim-color-accent);
      }
      .index button:hover {
        background: var(--tim-color-hover);
      }
    `,
  ];

  protected readonly defaultSections = ['list'] as const;
  readonly #friends = this.select((s) => s.friends);
  /** Names follow remarks and profiles. */
  protected readonly watched = [this.select((s) => s.profiles)];
  @state() private active = 0;
  #typeahead = new kit.Typeahead();
  #list = new kit.VirtualList<Row>(this, {
    key: (r) => (r.kind === 'head' ? `head:${r.key}` : r.friend.userID),
    estimate: (r) => (r.kind === 'head' ? 28 : 56),
    overscan: 500,
  });
  #rows: { source: unknown; profiles: unknown; locale: string; rows: Row[]; friends: Array<Row & { kind: 'friend' }>; keys: string[] } | undefined;

  protected override willUpdate(): void {
    const store = this.store;
    if (store && store.state.friends.status === 'idle') store.loadFriends().catch(() => undefined);
  }

  /** The flattened rows, rebuilt only when friends, names or the locale changed. */
  get #model() {
    const friends = this.#friends.value?.value;
    const profiles = this.store?.state.profiles;
    const locale = this.l10n.locale;
    const cached = this.#rows;
    if (cached && cached.source === friends && cached.profiles === profiles && cached.locale === locale) return cached;
    const state = this.store!.state;
    const named = [...(friends?.values() ?? [])].map((friend) => ({ friend, name: cleanName(kit.userShowName(state, friend.userID)) || friend.userID }));
    const rows: Row[] = [];
    const list: Array<Row & { kind: 'friend' }> = [];
    const keys: string[] = [];
    for (const group of groupFriends(named, (x) => x.name, locale)) {
      rows.push({ kind: 'head', key: group.key });
      keys.push(group.key);
      for (const { friend, name } of group.items) {
        const row = { kind: 'friend' as const, friend, name, index: list.length };
        rows.push(row);
        list.push(row);
      }
    }
    return (this.#rows = { source: friends, profiles, locale, rows, friends: list, keys });
  }

  protected override render() {
    if (!this.store) return nothing;
    return html`<h2>${this.t.profile.titles.friends}</h2>${this.renderSections()}${this.renderFoot()}`;
  }

  protected section(name: string) {
    if (name !== 'list') return undefined;
    const t = this.t.profile;
    const friends = this.#friends.value;
    const model = this.#model;
    if (model.friends.length === 0) {
      if (friends?.status === 'error')
        return this.errorView('getFriendList', friends.error?.code ?? 0, () => this.store!.loadFriends().catch(() => undefined));
      return friends?.status === 'ready' ? kit.stateView({ kind: 'empty', text: t.friendsEmpty, slot: 'empty' }) : kit.stateView({ kind: 'loading', text: this.t.common.loading });
    }
    const active = Math.min(this.active, model.friends.length - 1);
    const count = model.friends.length;
    return html`<div class="body">
      <div
        class="scroller"
        part="list"
        role="listbox"
        tabindex="0"
        aria-label=${t.titles.friends}
        aria-activedescendant="friend-${active}"
        @keydown=${this.#onKey}
      >
        ${this.#list.render(model.rows, (row) =>
          row.kind === 'head'
            ? html`<div part="group-header" class="head" role="presentation" aria-hidden="true">${row.key}</div>`
            : html`<div
                part="item"
                class="item ${row.index === active ? 'active' : ''}"
                role="option"
                id="friend-${row.index}"
                data-user=${row.friend.userID}
                aria-selected=${row.index === active ? 'true' : 'false'}
                aria-setsize=${count}
                aria-posinset=${row.index + 1}
                @click=${() => this.#open(row.index)}
              >
                <tim-avatar src=${row.friend.profile.avatar || this.store!.state.profiles.get(row.friend.userID)?.avatar || ''} name=${row.name} seed=${row.friend.userID}></tim-avatar>
                <span class="who">
                  <span class="name"><bdi>${row.name}</bdi></span>
                  ${row.friend.profile.selfSignature ? html`<span class="meta"><bdi>${row.friend.profile.selfSignature}</bdi></span>` : nothing}
                </span>
              </div>`,
        )}
      </div>
      <nav aria-label=${t.friendIndex}>
        <ul part="index" class="index">
          ${model.keys.map((key) => html`<li><button @click=${() => this.#jump(key)}>${key}</button></li>`)}
        </ul>
      </nav>
    </div>`;
  }

  /** Scrolls to a letter and puts the keyboard on its first friend. */
  #jump(key: string) {
    const model = this.#model;
    const head = model.rows.findIndex((r) => r.kind === 'head' && r.key === key);
    const next = model.rows[head + 1];
    if (head < 0 || next?.kind !== 'friend') return;
    this.active = next.index;
    this.#list.scrollToIndex(head, 'start');
    this.#list.element?.focus({ preventScroll: true });
  }

  #open(index: number) {
    const row = this.#model.friends[index];
    if (!row) return;
    this.active = index;
    this.dispatchEvent(new kit.TimNavigateEvent({ to: 'profile', userID: row.friend.userID }));
  }

  #onKey = (event: KeyboardEvent) => {
    const model = this.#model;
    const scroller = this.#list.element;
    if (!scroller) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#open(this.active);
      return;
    }
    const page = Math.max(1, Math.floor(scroller.clientHeight / 56) - 1);
    const target =
      kit.navigationTarget(event.key, this.active, model.friends.length, page) ??
      this.#typeahead.match(event.key, this.active, (i) => model.friends[i]!.name, model.friends.length);
    if (target === null) return;
    event.preventDefault();
    this.active = target;
    // The first friend of a letter brings its heading into view with it.
    const row = model.rows.indexOf(model.friends[target]!);
    reveal(this.#list as VirtualList<unknown>, model.rows[row - 1]?.kind === 'head' && event.key !== 'ArrowDown' ? row - 1 : row);
  };
}

define('tim-profile-friends', TimProfileFriends);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile-friends': TimProfileFriends;
  }
}
