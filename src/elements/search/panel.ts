import {
  html,
  nothing,
  property,
  state,
  buttonStyles,
  stateViewStyles,
  TimElement,
  provideSourceArea,
  ChatErrorCode,
  parseConversationID,
  toChatError,
  type PropertyValues,
} from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type {
  ChatError,
  ConversationID,
  GroupProfile,
  Message,
  MessageType,
  SearchMessagesParams,
  SearchMessagesResult,
  UserProfile,
} from '../../core/index.js';
import type { TimNavigateEvent, TimNavigateIntent } from '../../events/index.js';
import type { formatListTime } from '../../i18n/format.js';
import type { conversationAvatar, conversationShowName, memberShowName, userShowName } from '../../store/selectors.js';
import type { previewText } from '../shared/message-preview.js';
import type { stateView } from '../shared/state-view.js';
import type { stripControls } from '../shared/text.js';
import searchStrings from '../../i18n/en/search.js';
import type { VirtualList } from '../shared/virtual-list.js';
import { highlight, matches, searchTerms } from './highlight.js';
import { searchStyles } from './search.styles.js';

// The English search strings travel with this lazy chunk, not in the initial bundle.
provideSourceArea('search', searchStrings);

/**
 * What the panel takes from the kit's initial bundle, handed over by `<tim-search>` (`definePanel(kit)`):
 * importing these modules from this chunk would make a bundler split them off the initial bundle into a
 * file of their own, which gzip then compresses apart from the rest.
 */
export interface PanelKit {
  previewText: typeof previewText;
  stateView: typeof stateView;
  VirtualList: typeof VirtualList;
  conversationAvatar: typeof conversationAvatar;
  conversationShowName: typeof conversationShowName;
  memberShowName: typeof memberShowName;
  userShowName: typeof userShowName;
  formatListTime: typeof formatListTime;
  stripControls: typeof stripControls;
  TimNavigateEvent: typeof TimNavigateEvent;
}

let kit: PanelKit;

/** Takes what the panel needs from the initial bundle (before the panel is defined). */
export function attachPanelKit(given: PanelKit): void {
  kit = given;
}

/** The message type filter. */
export type SearchTypeFilter = 'all' | 'text' | 'media' | 'file' | 'other';
/** The time filter. */
export type SearchTimeFilter = 'any' | 'today' | 'd3' | 'd7' | 'd30';

const TYPES: Record<SearchTypeFilter, MessageType[]> = {
  all: [],
  text: ['TIMTextElem'],
  media: ['TIMImageElem', 'TIMVideoFileElem'],
  file: ['TIMFileElem'],
  other: ['TIMSoundElem', 'TIMFaceElem', 'TIMLocationElem', 'TIMCustomElem', 'TIMRelayElem'],
};
const TIMES: SearchTimeFilter[] = ['any', 'today', 'd3', 'd7', 'd30'];
const DAY = 86_400;
const DEBOUNCE_MS = 250;
/** Messages per page inside a conversation; per page globally (LocalCore pages messages, Tencent conversations). */
const SCOPED_PAGE = 20;
const GLOBAL_PAGE = 100;
/** Rows a section shows before "Show more". */
const COLLAPSED = { contacts: 3, groups: 3, messages: 5 } as const;
type Section = keyof typeof COLLAPSED;
/** A snippet whose first match starts later than this is cut before it. */
const SNIPPET_LEAD = 40;

interface Query {
  keyword: string;
  terms: string[];
  scope: ConversationID | '';
  type: SearchTypeFilter;
  time: SearchTimeFilter;
  sender: string;
}

interface Results {
  query: Query;
  users: UserProfile[];
  groups: GroupProfile[];
  /** Global: hits per conversation, in the order of their newest hit. */
  conversations: SearchMessagesResult['resultList'];
  /** In one conversation: the hits, newest first. */
  messages: Message[];
  /** Message hits in all. */
  total: number;
  cursor: string;
  /** Contacts and groups were searched (globally, with a keyword). */
  contactsAsked: boolean;
  /** Message search is not available. */
  noMessages: boolean;
  contactsError?: ChatError;
  messagesError?: ChatError;
  moreError?: ChatError;
}

/** An entry the arrow keys move through. */
interface Option {
  key: string;
  run: () => void;
}

type Row = { kind: 'message'; key: string; message: Message } | { kind: 'more'; key: string };

const sameQuery = (a: Query, b: Query) =>
  a.keyword === b.keyword && a.scope === b.scope && a.type === b.type && a.time === b.time && a.sender === b.sender;

/**
 * @internal The body of `<tim-search>` (a lazy chunk): the field, the filters and the results. See
 * `TimSearch` for the public contract.
 */
export class TimSearchPanel extends TimElement {
  static override shadowRootOptions: ShadowRootInit = { ...TimElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [TimElement.styles, buttonStyles, stateViewStyles, searchStyles];

  @property({ attribute: 'conversation-id' }) conversationId = '';
  @property() keyword: string | undefined;
  @property({ type: Boolean, attribute: 'no-back' }) noBack = false;

  /** What the field holds. */
  @state() private text = '';
  @state() private type: SearchTypeFilter = 'all';
  @state() private time: SearchTimeFilter = 'any';
  @state() private sender = '';
  /** A conversation opened from the global results (its several hits). */
  @state() private drill: ConversationID | '' = '';
  @state() private results: Results | undefined;
  @state() private loading = false;
  @state() private loadingMore = false;
  @state() private expanded: ReadonlySet<Section> = new Set();
  @state() private active = '';
  @state() private announcement = '';
  /** The core refused message search (60020) although its capabilities said otherwise. */
  @state() private refused = false;

  #session = this.select((s) => s.session);
  // Names and avatars come from these slices: selecting them re-renders on a rename.
  #slices = [
    this.select((s) => s.profiles),
    this.select((s) => s.friends),
    this.select((s) => s.groups),
    this.select((s) => s.members),
    this.select((s) => s.conversations),
  ];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every search: an answer for an older generation is dropped (the stale query is cancelled). */
  #generation = 0;
  #options: Option[] = [];
  #ids = new Map<string, string>();
  /** The global results and place, kept while a conversation's hits are shown. */
  #saved: { results: Results | undefined; active: string; expanded: ReadonlySet<Section> } | undefined;
  /** The user the results are for ('' while logged out). */
  #ready = '';
  #scrollActive = false;

  readonly #list = new kit.VirtualList<Row>(this, {
    key: (r) => r.key,
    estimate: 68,
    overscan: 400,
    onRange: (r) => {
      const el = this.#list.element;
      if (el && r.distanceToBottom < el.clientHeight && !this.results?.moreError) void this.#more();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#generation++;
  }

  /** Searches now (skipping the typing pause). */
  search(): Promise<void> {
    return this.#run();
  }

  get #scope(): ConversationID | '' {
    return (this.conversationId || this.drill) as ConversationID | '';
  }

  get #messageSearch(): boolean {
    return !!this.store?.core.capabilities.messageSearch && !this.refused;
  }

  #query(): Query {
    const keyword = this.text.trim();
    const scope = this.#scope;
    return { keyword, terms: searchTerms(keyword), scope, type: this.type, time: this.time, sender: scope.startsWith('GROUP') ? this.sender : '' };
  }

  // ───────────────────────────── lifecycle ─────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationId')) {
      if (changed.get('conversationId') !== undefined) {
        this.drill = '';
        this.sender = '';
        this.#saved = undefined;
        this.results = undefined;
        this.#schedule(0);
      }
      this.#enterScope(this.conversationId);
    }
    if (changed.has('keyword') && this.keyword !== undefined && this.keyword !== this.text) {
      this.text = this.keyword;
      this.#schedule(0);
    }
    // Logged in (again, or as someone else), or out: search again (or clear).
    const session = this.#session.value;
    const ready = session?.status === 'ready' && this.store ? session.userID : '';
    if (ready !== this.#ready) {
      this.#ready = ready;
      this.#saved = undefined;
      this.drill = '';
      if (ready) this.#enterScope(this.#scope);
      this.#schedule(0);
    }
  }

  protected override updated(): void {
    const input = this.renderRoot.querySelector('input');
    const id = this.#ids.get(this.active);
    const option = id ? this.renderRoot.querySelector<HTMLElement>(`#${id}`) : null;
    if (option) input?.setAttribute('aria-activedescendant', id!);
    else input?.removeAttribute('aria-activedescendant');
    if (option && this.#scrollActive) {
      this.#scrollActive = false;
      const box = option.closest('.results')!.getBoundingClientRect();
      const r = option.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) option.scrollIntoView({ block: 'nearest' });
    }
  }

  // ───────────────────────────── searching ─────────────────────────────

  #schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  #params(q: Query, cursor: string): SearchMessagesParams {
    const types = TYPES[q.type];
    let period = 0;
    if (q.time === 'today') period = Math.ceil((Date.now() - new Date().setHours(0, 0, 0, 0)) / 1000);
    else if (q.time !== 'any') period = Number(q.time.slice(1)) * DAY;
    return {
      keywordList: q.terms,
      keywordListMatchType: 'and',
      count: q.scope ? SCOPED_PAGE : GLOBAL_PAGE,
      ...(q.scope ? { conversationID: q.scope } : {}),
      ...(types.length ? { messageTypeList: types } : {}),
      ...(q.sender ? { senderUserIDList: [q.sender] } : {}),
      ...(period ? { timePosition: 0, timePeriod: period } : {}),
      ...(cursor ? { cursor } : {}),
    };
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    const store = this.store;
    const q = this.#query();
    const generation = ++this.#generation;
    const filtered = q.type !== 'all' || !!q.sender;
    this.loadingMore = false;
    if (!store || this.#session.value?.status !== 'ready' || (!q.terms.length && !filtered)) {
      this.results = undefined;
      this.loading = false;
      this.announcement = '';
      return;
    }
    const wantMessages = this.#messageSearch;
    const wantContacts = !q.scope && q.terms.length > 0;
    this.loading = true;
    const r: Results = { query: q, users: [], groups: [], conversations: [], messages: [], total: 0, cursor: '', contactsAsked: wantContacts, noMessages: !wantMessages };
    let waiting = 2;
    let shown = false;
    // Each part shows as soon as it arrives (contacts often first); the previous results stay, dimmed,
    // until there is something to show for this query.
    const arrived = () => {
      if (generation !== this.#generation) return;
      waiting--;
      const has = r.users.length || r.groups.length || r.conversations.length || r.messages.length;
      if (!has && waiting) return;
      this.results = { ...r };
      if (!shown) {
        shown = true;
        this.expanded = new Set();
        this.active = '';
      }
      if (waiting) return;
      this.loading = false;
      this.#learn(r);
      const n = r.users.length + r.groups.length + r.total;
      this.announcement = !n && failedSome(r) ? this.t.search.failed : n ? this.t.search.count(this.#number(n), n) : this.t.search.none(q.keyword);
    };
    const contacts = (wantContacts ? store.searchContacts(q.keyword) : Promise.resolve(null)).then(
      (value) => {
        if (value && generation === this.#generation) {
          r.users = value.users;
          r.groups = value.groups;
        }
      },
      (error) => {
        if (generation === this.#generation) r.contactsError = this.reportError(error, 'searchContacts');
      },
    );
    const messages = (wantMessages ? store.searchMessages(this.#params(q, '')) : Promise.resolve(null)).then(
      (value) => {
        if (value && generation === this.#generation) this.#absorb(r, value);
      },
      (error) => {
        if (generation !== this.#generation) return;
        if (toChatError(error).code === ChatErrorCode.SEARCH_UNAVAILABLE) this.refused = r.noMessages = true;
        else r.messagesError = this.reportError(error, 'searchMessages');
      },
    );
    await Promise.all([contacts.then(arrived), messages.then(arrived)]);
  }

  /** Adds a page of message hits (pages may repeat a conversation: its first entry stays). */
  #absorb(r: Results, page: SearchMessagesResult): void {
    r.total = page.totalCount;
    r.cursor = page.cursor;
    if (r.query.scope) {
      const seen = new Set(r.messages.map((m) => m.ID));
      for (const group of page.resultList) for (const m of group.messageList) if (!seen.has(m.ID)) r.messages.push(m);
    } else {
      const seen = new Set(r.conversations.map((c) => c.conversationID));
      for (const group of page.resultList) if (!seen.has(group.conversationID)) r.conversations.push(group);
    }
  }

  /** The next page of message hits. */
  async #more(): Promise<void> {
    const r = this.results;
    const store = this.store;
    if (!r || !r.cursor || this.loadingMore || this.loading || !store) return;
    this.loadingMore = true;
    try {
      const page = await store.searchMessages(this.#params(r.query, r.cursor));
      if (this.results !== r) return;
      const next: Results = { ...r, messages: [...r.messages], conversations: [...r.conversations] };
      delete next.moreError;
      this.#absorb(next, page);
      this.results = next;
      this.#learn(next);
    } catch (error) {
      if (this.results === r) this.results = { ...r, moreError: this.reportError(error, 'searchMessages') };
    } finally {
      if (this.results?.query === r.query) this.loadingMore = false;
    }
  }

  /** Asks the store for the names and avatars the results show. */
  #learn(r: Results): void {
    const store = this.store!;
    const users = new Set(r.messages.map((m) => m.from));
    const groups = new Set<string>();
    for (const c of r.conversations) {
      const target = parseConversationID(c.conversationID);
      if (target?.type === 'C2C') users.add(target.targetID);
      else if (target?.type === 'GROUP') groups.add(target.targetID);
      for (const m of c.messageList) users.add(m.from);
    }
    store.ensureProfiles(users);
    store.ensureGroups(groups);
  }

  #number(n: number): string {
    return new Intl.NumberFormat(this.l10n.locale).format(n);
  }

  // ───────────────────────────── actions ─────────────────────────────

  #navigate(intent: TimNavigateIntent): void {
    this.dispatchEvent(new kit.TimNavigateEvent(intent));
  }

  /** Shows one conversation's hits (from the global results), keeping the keyword and the filters. */
  #openConversation(conversationID: ConversationID): void {
    this.#saved = { results: this.results, active: this.active, expanded: this.expanded };
    this.drill = conversationID;
    this.results = undefined;
    this.#enterScope(conversationID);
    void this.#run();
  }

  /** Loads the name and avatar of a searched conversation, and a group's members (the sender filter). */
  #enterScope(conversationID: string): void {
    const store = this.store;
    const target = parseConversationID(conversationID);
    if (!store || !target) return;
    if (target.type === 'GROUP') {
      store.ensureGroups([target.targetID]);
      store.loadMembers(target.targetID).catch(() => undefined);
    } else store.ensureProfiles([target.targetID]);
  }

  #back(): void {
    if (!this.drill) {
      this.#navigate({ to: 'back' });
      return;
    }
    const saved = this.#saved;
    this.drill = '';
    this.sender = '';
    this.#saved = undefined;
    this.#generation++;
    this.loading = this.loadingMore = false;
    if (saved?.results && sameQuery(saved.results.query, this.#query())) {
      this.results = saved.results;
      this.active = saved.active;
      this.expanded = saved.expanded;
      this.#scrollActive = true;
    } else void this.#run();
    this.renderRoot.querySelector('input')?.focus();
  }

  #expand(section: Section): void {
    if (!this.expanded.has(section)) this.expanded = new Set([...this.expanded, section]);
    else if (section === 'messages') void this.#more();
  }

  /** Focuses the search field once it is drawn (`<tim-search>`'s `focus()`). */
  async focusField(options: FocusOptions): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus(options);
  }

  #clear(): void {
    this.text = '';
    void this.#run();
    this.renderRoot.querySelector('input')?.focus();
  }

  /** Every input event copies the field into `text`, so the `.value` binding never lags what was typed (no
   *  `live()` needed). */
  #onInput(e: InputEvent): void {
    this.text = (e.target as HTMLInputElement).value;
    // While an IME composes, wait for the composed text.
    if (!e.isComposing) this.#schedule();
  }

  #onFilter(e: Event): void {
    const select = e.target as HTMLSelectElement;
    const value = select.value;
    if (select.name === 'type') this.type = value as SearchTypeFilter;
    else if (select.name === 'time') this.time = value as SearchTimeFilter;
    else this.sender = value;
    void this.#run();
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const options = this.#options;
    const index = options.findIndex((o) => o.key === this.active);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, options.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, -1);
        break;
      case 'PageDown':
        next = Math.min(index + 8, options.length - 1);
        break;
      case 'PageUp':
        next = index < 0 ? -1 : Math.max(index - 8, 0);
        break;
      case 'Enter':
        e.preventDefault();
        if (index >= 0) options[index]!.run();
        else void this.#run();
        return;
      case 'Escape':
        if (this.text) this.#clear();
        else if (this.drill) this.#back();
        else return;
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next === undefined || next === index) return;
    const key = options[next]?.key ?? '';
    this.active = key;
    this.#scrollActive = true;
    // A row the virtual list has not rendered: bring it in (it is then scrolled to exactly).
    if (key && this.#scope && !this.renderRoot.querySelector(`#${this.#ids.get(key)}`)) this.#list.scrollToKey(key, next > index ? 'end' : 'start');
  }

  // ───────────────────────────── render ─────────────────────────────

  /** Registers an option (in render order) and returns its element id. */
  #option(key: string, run: () => void): string {
    const id = `o${this.#options.length}`;
    this.#options.push({ key, run });
    this.#ids.set(key, id);
    return id;
  }

  protected override render() {
    for (const slice of this.#slices) void slice.value;
    this.#options = [];
    this.#ids = new Map();
    const t = this.t.search;
    const scope = this.#scope;
    const disabled = !!scope && !this.#messageSearch;
    this.#listed = false;
    const body = this.#renderBody();
    return html`${scope || !this.noBack ? this.#renderHeader(scope) : nothing}
      <div class="field" part="field">
        ${icon('search')}
        <input
          part="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${this.#listed ? 'true' : 'false'}
          aria-controls="results"
          aria-label=${scope ? t.placeholderIn : t.placeholder}
          placeholder=${scope ? t.placeholderIn : t.placeholder}
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          maxlength="200"
          ?disabled=${disabled}
          .value=${this.text}
          @input=${this.#onInput}
          @compositionend=${() => this.#schedule()}
          @keydown=${this.#onKeydown}
        />
        ${this.text
          ? html`<button class="icon-button" part="clear-button" aria-label=${t.clear} @click=${this.#clear}>${icon('close')}</button>`
          : nothing}
      </div>
      ${this.#renderFilters(scope)}
      ${!scope && !this.#messageSearch ? html`<p class="notice" part="notice">${t.noMessageSearch}</p>` : nothing}
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  #renderHeader(scope: ConversationID | '') {
    const state = this.store?.state;
    const name = scope && state ? kit.conversationShowName(state, this.store!.conversation(scope) ?? { conversationID: scope, remark: '' }) : '';
    const back = this.drill || !this.noBack;
    return html`<div class="header" part="header">
      ${back
        ? html`<button class="icon-button" part="back-button" aria-label=${this.drill ? this.t.search.back : this.t.common.back} @click=${this.#back}>
            ${icon('back')}
          </button>`
        : nothing}
      ${scope && state
        ? html`<span class="scope" part="scope">
            <tim-avatar src=${kit.conversationAvatar(state, this.store!.conversation(scope) ?? { conversationID: scope })} name=${name} seed=${parseConversationID(scope)?.targetID ?? scope}></tim-avatar>
            <bdi>${cleanName(name, scope)}</bdi>
          </span>`
        : html`<span class="title">${this.t.search.label}</span>`}
    </div>`;
  }

  #renderFilters(scope: ConversationID | '') {
    if (!this.#messageSearch) return nothing;
    const t = this.t.search;
    const select = (name: string, label: string, value: string, options: Array<[string, string]>) =>
      html`<select part="filter" name=${name} aria-label=${label} @change=${this.#onFilter}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>`;
    const group = parseConversationID(scope)?.type === 'GROUP' ? parseConversationID(scope)!.targetID : '';
    const members = group ? (this.store?.state.members.get(group)?.members ?? []) : [];
    return html`<div class="filters" part="filters">
      ${select('type', t.type, this.type, (Object.keys(TYPES) as SearchTypeFilter[]).map((k) => [k, t.types[k]]))}
      ${select('time', t.time, this.time, TIMES.map((k) => [k, t.times[k]]))}
      ${group
        ? select('sender', t.sender, this.sender, [
            ['', t.anyone],
            ...members.map((m): [string, string] => [m.userID, cleanName(kit.memberShowName(this.store!.state, group, m.userID), m.userID)]),
          ])
        : nothing}
    </div>`;
  }

  /** The results' listbox is drawn: the combobox is expanded then only (not when a state, "no results" or a
   *  failure, takes its place: its `aria-controls` would name nothing). */
  #listed = false;

  #renderBody() {
    const t = this.t.search;
    const r = this.results;
    const scope = this.#scope;
    if (scope && !this.#messageSearch) return kit.stateView({ kind: 'empty', text: t.unavailable });
    if (!r) return this.loading ? kit.stateView({ kind: 'loading', text: t.searching }) : kit.stateView({ kind: 'empty', text: scope ? t.hintIn : t.hint });
    const empty = !r.users.length && !r.groups.length && !r.conversations.length && !r.messages.length;
    // Nothing found where the search worked, and a part failed: "no results" would not be true.
    if (empty && failedSome(r)) return kit.stateView({ kind: 'error', text: t.failed, action: { label: this.t.common.retry, run: () => void this.#run() } });
    const errors = failedSome(r)
      ? html`<p class="notice error" part="notice" role="alert">
          ${t.failed} <button class="link" @click=${() => void this.#run()}>${this.t.common.retry}</button>
        </p>`
      : nothing;
    if (empty) return kit.stateView({ kind: 'empty', text: t.none(r.query.keyword) });
    return html`${errors}${scope ? this.#renderScoped(r) : this.#renderGlobal(r)}`;
  }

  #renderGlobal(r: Results) {
    this.#listed = true;
    const t = this.t.search;
    const terms = r.query.terms;
    const state = this.store!.state;
    const section = (name: Section, title: string, count: number, items: unknown[], hasMore: boolean) => {
      if (!count) return nothing;
      const id = `h-${name}`;
      return html`<div class="section" part="section" role="group" aria-labelledby=${id}>
        <div class="heading" part="section-title" id=${id}>${title} <span class="count">${this.#number(count)}</span></div>
        ${items}
        ${hasMore
          ? html`<div class="item more ${this.active === `more:${name}` ? 'active' : ''}" part="more-button" role="option" aria-selected="false"
              aria-describedby=${id} id=${this.#option(`more:${name}`, () => this.#expand(name))} @click=${() => this.#expand(name)}>
              ${this.loadingMore && name === 'messages' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t.more}
            </div>`
          : nothing}
      </div>`;
    };
    const shown = <T>(list: readonly T[], name: Section) => (this.expanded.has(name) ? list : list.slice(0, COLLAPSED[name]));
    const users = shown(r.users, 'contacts').map((u) => {
      const name = cleanName(kit.userShowName(state, u.userID), u.userID);
      const nick = cleanName(state.profiles.get(u.userID)?.nick ?? u.nick, '');
      // Why it matched: the ID, else the nickname when the shown name is a remark.
      const detail = !matches(u.userID, terms) && nick && nick !== name && matches(nick, terms) ? [t.nickLabel, nick] : [t.idLabel, u.userID];
      return this.#renderItem(`u:${u.userID}`, () => this.#navigate({ to: 'profile', userID: u.userID }), html`<tim-avatar src=${state.profiles.get(u.userID)?.avatar ?? u.avatar} name=${name} seed=${u.userID}></tim-avatar>`, highlight(name, terms), html`${detail[0]}${highlight(detail[1]!, terms)}`);
    });
    const groups = shown(r.groups, 'groups').map((g) => {
      const name = cleanName(state.groups.get(g.groupID)?.name ?? g.name, g.groupID);
      return this.#renderItem(`g:${g.groupID}`, () => this.#navigate({ to: 'group', groupID: g.groupID }), html`<tim-avatar src=${g.avatar} name=${name} seed=${g.groupID}></tim-avatar>`, highlight(name, terms), html`${t.idLabel}${highlight(g.groupID, terms)}`);
    });
    const conversations = shown(r.conversations, 'messages').map((c) => {
      const conversation = this.store!.conversation(c.conversationID) ?? { conversationID: c.conversationID, remark: '' };
      const name = cleanName(kit.conversationShowName(state, conversation), c.conversationID);
      const only = c.messageCount <= 1 ? c.messageList[0] : undefined;
      const open = only
        ? () => this.#navigate({ to: 'chat', conversationID: c.conversationID, messageID: only.ID })
        : () => this.#openConversation(c.conversationID);
      const detail = only
        ? html`${only.conversationType === 'GROUP' ? html`<bdi class="sender">${this.#senderName(only)}</bdi>${this.t.common.preview.senderPrefix('')}` : nothing}${highlight(this.#text(only), terms, SNIPPET_LEAD)}`
        : t.hits(this.#number(c.messageCount), c.messageCount);
      return this.#renderItem(`c:${c.conversationID}`, open, html`<tim-avatar src=${kit.conversationAvatar(state, conversation)} name=${name} seed=${parseConversationID(c.conversationID)?.targetID ?? c.conversationID}></tim-avatar>`, name, detail, only?.time);
    });
    const moreMessages = r.conversations.length > COLLAPSED.messages && !this.expanded.has('messages') ? true : this.expanded.has('messages') && !!r.cursor;
    return html`<div id="results" class="results ${this.loading ? 'busy' : ''}" part="results" role="listbox" aria-label=${t.results} aria-busy=${this.loading ? 'true' : 'false'}>
      ${section('contacts', t.contacts, r.users.length, users, r.users.length > COLLAPSED.contacts && !this.expanded.has('contacts'))}
      ${section('groups', t.groups, r.groups.length, groups, r.groups.length > COLLAPSED.groups && !this.expanded.has('groups'))}
      ${section('messages', t.messages, r.total, conversations, moreMessages)}
      ${r.moreError ? html`<p class="notice error" part="notice" role="alert">${t.failed}</p>` : nothing}
    </div>`;
  }

  #renderItem(key: string, run: () => void, avatar: unknown, name: unknown, detail: unknown, time?: number) {
    const id = this.#ids.get(key) ?? this.#option(key, run);
    return html`<div class="item ${this.active === key ? 'active' : ''}" part="item" role="option" aria-selected=${this.active === key ? 'true' : 'false'} id=${id} @click=${run}>
      ${avatar}
      <span class="lines">
        <span class="top"><bdi class="name" part="name">${name}</bdi>${time
          ? html`<time part="time" datetime=${new Date(time * 1000).toISOString()}>${kit.formatListTime(time, Date.now() / 1000, this.l10n.locale)}</time>`
          : nothing}</span>
        <span class="detail" part="detail" dir="auto">${detail}</span>
      </span>
    </div>`;
  }

  #renderScoped(r: Results) {
    this.#listed = true;
    const t = this.t.search;
    const rows: Row[] = r.messages.map((m) => ({ kind: 'message', key: m.ID, message: m }));
    for (const m of r.messages) this.#option(m.ID, () => this.#navigate({ to: 'chat', conversationID: m.conversationID, messageID: m.ID }));
    if (r.cursor) {
      rows.push({ kind: 'more', key: 'more' });
      this.#option('more', () => void this.#more());
    }
    return html`<div class="count" part="count">${t.count(this.#number(r.total), r.total)}</div>
      <div id="results" class="results ${this.loading ? 'busy' : ''}" part="results" role="listbox" aria-label=${t.results} aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.#list.render(rows, (row) => {
          if (row.kind === 'more') {
            return html`<div class="item more ${this.active === 'more' ? 'active' : ''}" part="more-button" role="option" aria-selected="false" id=${this.#ids.get('more')!} @click=${() => void this.#more()}>
              ${r.moreError
                ? `${t.failed} ${this.t.common.retry}`
                : this.loadingMore
                  ? html`<span class="spinner" aria-hidden="true"></span>${t.searching}`
                  : t.more}
            </div>`;
          }
          const m = row.message;
          const name = this.#senderName(m);
          return this.#renderItem(
            m.ID,
            () => this.#navigate({ to: 'chat', conversationID: m.conversationID, messageID: m.ID }),
            html`<tim-avatar src=${this.store!.state.profiles.get(m.from)?.avatar || m.avatar} name=${cleanName(kit.userShowName(this.store!.state, m.from), m.nick || m.from)} seed=${m.from}></tim-avatar>`,
            name,
            highlight(this.#text(m), r.query.terms, SNIPPET_LEAD),
            m.time,
          );
        })}
      </div>`;
  }

  /** A result's text: its searchable words in the user's language (file names, places, titles), and for a
   *  chat record the line that matched when its title did not. */
  #text(m: Message, terms: readonly string[] = this.results?.query.terms ?? []): string {
    let text = kit.previewText(this.t, m);
    if (m.type === 'TIMRelayElem' && !matches(text, terms)) {
      const line = m.payload.abstractList.find((l) => matches(l, terms));
      if (line) text += ` · ${line}`;
    }
    return kit.stripControls(text).replace(/\s+/g, ' ');
  }

  #senderName(m: Message): string {
    const state = this.store!.state;
    if (m.from === this.#session.value?.userID) return this.t.common.you;
    const target = parseConversationID(m.conversationID);
    const name = target?.type === 'GROUP' ? kit.memberShowName(state, target.targetID, m.from, m.nameCard || m.nick) : kit.userShowName(state, m.from);
    return cleanName(name, m.from);
  }
}

/** A part of what was asked failed. */
function failedSome(r: Results): boolean {
  return !!(r.contactsError || r.messagesError);
}

/** A name without invisible controls (spoofing), or the fallback when nothing is left. */
function cleanName(name: string, fallback: string): string {
  return kit.stripControls(name).trim() || fallback;
}
