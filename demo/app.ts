/**
 * The demo host: a login screen, then the whole kit in a two-pane frame, routed by hash on the kit's
 * `tim-navigate` events. It is written as any host would write it: it owns the core, logs in, and routes.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isValidUserID,
  type ChatCore,
  type KickedOutReason,
  type TimNavigateEvent,
  type TimSessionEvent,
  type TimErrorEvent,
  type UserProfile,
} from '../src/index.js';
import { parseRoute, routeFor, routeHash, type Route } from './routes.js';
import './fault-panel.js';

const SESSION_KEY = 'tim-demo-user';

/** What a local core offers beyond the contract (LocalCore's demo helpers). */
interface DemoCore extends ChatCore {
  listUsers?(): Promise<UserProfile[]>;
}

const KICK_TEXT: Record<KickedOutReason, string> = {
  multipleAccount: 'This account was logged in on another tab or window, so this one was logged out.',
  multipleDevice: 'This account was logged in on another device, so this one was logged out.',
  userSigExpired: 'Your session ticket expired. Log in again to get a new one.',
  REST_API_Kick: 'The service logged this account out.',
};

export class TimDemoApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
      color: var(--demo-text, #1b1f24);
      --demo-bg: #ffffff;
      --demo-border: #dde1e6;
      --demo-muted: #5f6773;
      --demo-accent: #1463d9;
    }
    :host([theme='dark']) {
      --demo-bg: #15181c;
      --demo-border: #343a42;
      --demo-muted: #a3abb6;
      --demo-text: #e7eaee;
      --demo-accent: #6ea8ff;
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --demo-bg: #15181c;
        --demo-border: #343a42;
        --demo-muted: #a3abb6;
        --demo-text: #e7eaee;
        --demo-accent: #6ea8ff;
      }
    }
    button,
    input,
    select {
      font: inherit;
      color: inherit;
    }
    .login {
      max-width: 34rem;
      margin: 0 auto;
      padding: 2.5rem 1.25rem;
    }
    .login h1 {
      font-size: 1.6rem;
      margin: 0 0 0.25rem;
    }
    .login p {
      color: var(--demo-muted);
      margin: 0 0 1.25rem;
    }
    .users {
      list-style: none;
      margin: 0 0 1.5rem;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
      gap: 0.5rem;
    }
    .users button {
      width: 100%;
      display: flex;
      gap: 0.6rem;
      align-items: center;
      padding: 0.6rem;
      border-radius: 0.75rem;
      border: 1px solid var(--demo-border);
      background: var(--demo-bg);
      cursor: pointer;
      text-align: start;
    }
    .users button:hover {
      border-color: var(--demo-accent);
    }
    .users .who {
      min-width: 0;
    }
    .users .name,
    .users .id {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .users .id {
      color: var(--demo-muted);
      font-size: 0.8rem;
    }
    form {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
      align-items: flex-start;
    }
    form label {
      flex: 1 1 100%;
      font-weight: 600;
    }
    form input {
      flex: 1;
      min-width: 10rem;
      padding: 0.55rem 0.7rem;
      border-radius: 0.5rem;
      border: 1px solid var(--demo-border);
      background: var(--demo-bg);
    }
    .primary {
      padding: 0.55rem 1rem;
      border-radius: 0.5rem;
      border: 0;
      background: var(--demo-accent);
      color: #fff;
      cursor: pointer;
    }
    .error {
      flex: 1 1 100%;
      color: #c62828;
      margin: 0;
    }
    .frame {
      display: flex;
      flex-direction: column;
      height: 100%;
      /* The demo's own header and banners in the kit's type (the provider styles none of the host's content). */
      font-family: var(--tim-font-family);
      font-size: var(--tim-font-size-m);
      line-height: var(--tim-line-height);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      padding: 0.4rem 0.9rem;
      border-block-end: 1px solid var(--demo-border);
      background: var(--demo-bg);
      min-height: 3rem;
    }
    header .me {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      background: none;
      border: 0;
      cursor: pointer;
      padding: 0.2rem;
      border-radius: 0.5rem;
    }
    header .spacer {
      flex: 1;
    }
    header nav {
      display: flex;
      gap: 0.25rem;
      min-width: 0;
      overflow-x: auto;
    }
    @media (max-width: 720px) {
      /* A phone: the nav takes its own line and scrolls sideways; nothing makes the page wider than the screen. */
      header nav {
        order: 1;
        flex: 1 1 100%;
      }
      header {
        gap: 0.25rem 0.4rem;
        padding-inline: 0.5rem;
      }
      header .me bdi {
        display: none;
      }
    }
    header a,
    header button.link {
      color: var(--demo-muted);
      text-decoration: none;
      padding: 0.3rem 0.55rem;
      border-radius: 0.4rem;
      background: none;
      border: 0;
      cursor: pointer;
    }
    header a:hover,
    header button.link:hover {
      color: var(--demo-text);
      background: rgb(127 127 127 / 0.12);
    }
    header select {
      background: var(--demo-bg);
      border: 1px solid var(--demo-border);
      border-radius: 0.4rem;
      padding: 0.2rem;
    }
    .banner {
      padding: 0.4rem 0.9rem;
      background: #fff4d6;
      color: #5a3c00;
      font-size: 0.9rem;
    }
    .panes {
      display: grid;
      grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr);
      flex: 1;
      min-height: 0;
      background: var(--demo-bg);
    }
    .panes > * {
      min-height: 0;
      min-width: 0;
    }
    .panes aside {
      border-inline-end: 1px solid var(--demo-border);
      display: flex;
      flex-direction: column;
    }
    .panes main {
      display: flex;
      flex-direction: column;
    }
    .panes aside > *,
    .panes main > * {
      flex: 1;
      min-height: 0;
    }
    @media (max-width: 720px) {
      .panes {
        grid-template-columns: minmax(0, 1fr);
      }
      .panes[data-view='home'] main,
      .panes:not([data-view='home']) aside {
        display: none;
      }
    }
    .placeholder {
      display: grid;
      place-content: center;
      text-align: center;
      color: var(--demo-muted);
      padding: 2rem;
    }
    .placeholder strong {
      display: block;
      color: var(--demo-text);
      font-size: 1.1rem;
      margin-block-end: 0.35rem;
    }
    .overlay {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 0.45);
      z-index: 10;
    }
    .dialog {
      background: var(--demo-bg);
      border-radius: 0.9rem;
      padding: 1.25rem;
      max-width: 26rem;
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
    }
    .dialog h2 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
    }
    .dialog .actions {
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
      margin-block-start: 1rem;
    }
    .secondary {
      padding: 0.55rem 1rem;
      border-radius: 0.5rem;
      border: 1px solid var(--demo-border);
      background: none;
      cursor: pointer;
    }
  `;

  /** The core the demo runs on (LocalCore unless `?core=tencent`). */
  @property({ attribute: false }) core: DemoCore | undefined;
  /** Light, dark or the system's scheme. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @state() private userID = '';
  @state() private status: 'loggedOut' | 'loggingIn' | 'ready' | 'kickedOut' = 'loggedOut';
  @state() private kickReason: KickedOutReason | undefined;
  @state() private route: Route = parseRoute(location.hash);
  @state() private users: UserProfile[] = [];
  @state() private loginError = '';
  @state() private locale = localStorage.getItem('tim-demo-locale') ?? '';
  @state() private lastError = '';
  @state() private netState = 'connected';

  /** How many of the demo's own routes lie before this history entry (kept in `history.state`). */
  #depth = (history.state as { demoDepth?: number } | null)?.demoDepth ?? 0;

  #onHash = async () => {
    // A new entry (a route opened here) is one deeper than the one it was opened from; an entry gone back
    // or forward to keeps its own.
    const state = history.state as { demoDepth?: number } | null;
    if (state?.demoDepth === undefined) history.replaceState({ ...state, demoDepth: this.#depth + 1 }, '');
    this.#depth = (history.state as { demoDepth: number }).demoDepth;
    this.route = parseRoute(location.hash);
    await this.updateComplete;
    // Asked to search: the field takes the focus (tim-search's focus() gives it to the field).
    if (this.route.view === 'search') this.renderRoot.querySelector<HTMLElement>('tim-search')?.focus();
    // The pane that held the focus is gone (Back from a chat, a profile or a search): give it to the list, not the page.
    else if (document.activeElement === document.body) this.renderRoot.querySelector<HTMLElement>('tim-conversation')?.focus();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // The entry the tab opened on is the demo's first (depth 0), also when the browser comes back to it later
    // (a new entry is marked by #onHash: an unmarked one would be taken for a new one, one deeper).
    if ((history.state as { demoDepth?: number } | null)?.demoDepth === undefined) history.replaceState({ ...history.state, demoDepth: 0 }, '');
    addEventListener('hashchange', this.#onHash);
    this.theme = (localStorage.getItem('tim-demo-theme') as typeof this.theme) ?? 'auto';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  protected override async willUpdate(changed: Map<string, unknown>): Promise<void> {
    if (changed.has('core') && this.core) {
      const core = this.core;
      core.on('netStateChange', ({ state }) => (this.netState = state));
      this.users = (await core.listUsers?.()) ?? [];
      const remembered = sessionStorage.getItem(SESSION_KEY);
      if (core.isReady()) {
        this.userID = core.getLoginUser();
        this.status = 'ready';
      } else if (remembered) {
        void this.login(remembered);
      }
    }
    if (changed.has('theme')) document.body.className = this.theme === 'auto' ? '' : this.theme;
  }

  async login(userID: string): Promise<void> {
    if (!this.core) return;
    if (!isValidUserID(userID)) {
      this.loginError = 'A user ID is 1 to 32 letters, digits, "_" or "-".';
      return;
    }
    this.loginError = '';
    this.status = 'loggingIn';
    try {
      await this.core.login({ userID });
      this.userID = userID;
      this.status = 'ready';
      this.kickReason = undefined;
      sessionStorage.setItem(SESSION_KEY, userID);
    } catch (error) {
      this.status = 'loggedOut';
      this.loginError = `Could not log in: ${(error as Error).message}`;
    }
  }

  async logout(): Promise<void> {
    sessionStorage.removeItem(SESSION_KEY);
    await this.core?.logout();
    this.status = 'loggedOut';
    this.userID = '';
    location.hash = '#/';
  }

  protected override render() {
    if (!this.core) return html`<div class="placeholder"><strong>Starting…</strong></div>`;
    if (this.status === 'loggedOut' || (this.status === 'loggingIn' && !this.userID)) return this.renderLogin();
    return html`${this.renderFrame()}${this.status === 'kickedOut' ? this.renderKicked() : nothing}`;
  }

  private renderLogin() {
    const busy = this.status === 'loggingIn';
    return html`<section class="login" aria-labelledby="login-title">
      <h1 id="login-title">tim-elements demo</h1>
      <p>
        The whole chat kit running in your browser on LocalCore: no account, no server. Pick a user. Open a second tab
        as another user and the two really chat. Messages to “Echo Bot” get an answer.
      </p>
      <ul class="users" aria-label="Demo users">
        ${this.users.map(
          (u) => html`<li>
            <button ?disabled=${busy} @click=${() => this.login(u.userID)} data-user=${u.userID}>
              <tim-avatar name=${u.nick || u.userID} seed=${u.userID} src=${u.avatar}></tim-avatar>
              <span class="who"><bdi class="name">${u.nick || u.userID}</bdi><span class="id">${u.userID}</span></span>
            </button>
          </li>`,
        )}
      </ul>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.login(((e.target as HTMLFormElement).elements.namedItem('userID') as HTMLInputElement).value.trim());
        }}
      >
        <label for="user-id">Or log in as any user ID (a new one is registered)</label>
        <input
          id="user-id"
          name="userID"
          autocomplete="username"
          placeholder="e.g. alice"
          aria-invalid=${this.loginError ? 'true' : 'false'}
          aria-describedby="login-error"
        />
        <button class="primary" ?disabled=${busy}>${busy ? 'Logging in…' : 'Log in'}</button>
        <p class="error" id="login-error" role="alert">${this.loginError}</p>
      </form>
    </section>`;
  }

  private renderFrame() {
    const me = this.users.find((u) => u.userID === this.userID);
    return html`<tim-provider
      .core=${this.core}
      locale=${this.locale}
      theme=${this.theme}
      @tim-navigate=${this.onNavigate}
      @tim-session=${this.onSession}
      @tim-error=${this.onError}
    >
      <div class="frame">
        <header>
          <button class="me" @click=${() => (location.hash = routeHash({ view: 'me' }))} aria-label="My profile">
            <tim-avatar name=${me?.nick || this.userID} seed=${this.userID} style="--tim-avatar-size: 2rem"></tim-avatar>
            <bdi>${me?.nick || this.userID}</bdi>
          </button>
          <nav aria-label="Demo">
            <a href="#/">Chats</a>
            <a href="#/friends">Friends</a>
            <a href="#/requests">Requests</a>
            <a href="#/blocklist">Blocked</a>
            <a href="#/search">Search</a>
          </nav>
          <span class="spacer"></span>
          <select aria-label="Language" @change=${this.onLocale} .value=${this.locale}>
            <option value="">Auto</option>
            <option value="en">English</option>
            <option value="zh">中文</option>
            <option value="ko">한국어</option>
          </select>
          <select aria-label="Theme" @change=${this.onTheme} .value=${this.theme}>
            <option value="auto">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <tim-demo-faults .core=${this.core}></tim-demo-faults>
          <button class="link" @click=${this.logout}>Log out</button>
        </header>
        ${this.netState !== 'connected'
          ? html`<div class="banner" role="status">Network ${this.netState}. Messages you send will fail and can be retried.</div>`
          : this.lastError
            ? html`<div class="banner" role="status">${this.lastError}</div>`
            : nothing}
        <div class="panes" data-view=${this.route.view}>
          <aside>${this.renderElement('tim-conversation', () => html`<tim-conversation active-conversation-id=${this.route.view === 'chat' ? this.route.conversationID : ''}></tim-conversation>`, 'The conversation list')}</aside>
          <main>${this.renderMain()}</main>
        </div>
      </div>
    </tim-provider>`;
  }

  private renderMain(): TemplateResult {
    const r = this.route;
    switch (r.view) {
      case 'chat':
        return this.renderElement('tim-chat', () => html`<tim-chat conversation-id=${r.conversationID} message-id=${r.messageID ?? ''}></tim-chat>`, `Chat ${r.conversationID}`);
      case 'profile':
        return this.renderElement('tim-profile', () => html`<tim-profile user-id=${r.userID}></tim-profile>`, `Profile of ${r.userID}`);
      case 'group':
        return this.renderElement('tim-profile', () => html`<tim-profile group-id=${r.groupID}></tim-profile>`, `Group ${r.groupID}`);
      case 'me':
        return this.renderElement('tim-profile', () => html`<tim-profile self></tim-profile>`, 'Your profile');
      case 'contacts':
        return this.renderElement('tim-profile', () => html`<tim-profile mode=${r.mode}></tim-profile>`, `Contacts: ${r.mode}`);
      case 'search':
        return this.renderElement('tim-search', () => html`<tim-search conversation-id=${r.conversationID ?? ''}></tim-search>`, 'Search');
      case 'home':
        return html`<div class="placeholder"><strong>Pick a conversation</strong>Your chats are on the left.</div>`;
    }
  }

  /** The element, or a placeholder until that element is part of the kit. */
  private renderElement(tag: string, render: () => TemplateResult, what: string): TemplateResult {
    return customElements.get(tag) ? render() : html`<div class="placeholder" data-placeholder=${tag}><strong>${what}</strong>&lt;${tag}&gt; goes here.</div>`;
  }

  private renderKicked() {
    const reason = this.kickReason ?? 'multipleAccount';
    return html`<div class="overlay">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="kick-title" aria-describedby="kick-text">
        <h2 id="kick-title">${reason === 'userSigExpired' ? 'Session expired' : 'Logged out'}</h2>
        <p id="kick-text">${KICK_TEXT[reason]}</p>
        <div class="actions">
          <button class="secondary" @click=${this.logout}>Switch user</button>
          <button class="primary" autofocus @click=${() => this.login(this.userID)}>Log in again as ${this.userID}</button>
        </div>
      </div>
    </div>`;
  }

  private onNavigate = (event: TimNavigateEvent) => {
    const route = routeFor(event.detail);
    if (route) location.hash = routeHash(route);
    // Back: to the demo's previous route; from the first one (opened by a link, so what lies before it in the
    // tab is another page or nothing), to the list rather than off the demo.
    else if (this.#depth > 0) history.back();
    else location.hash = routeHash({ view: 'home' });
  };

  private onSession = (event: TimSessionEvent) => {
    const { status, kickReason } = event.detail;
    if (status === 'kickedOut') {
      this.status = 'kickedOut';
      this.kickReason = kickReason;
    } else if (status === 'ready') {
      this.status = 'ready';
    } else if (status === 'loggedOut' && this.status !== 'kickedOut') {
      this.status = 'loggedOut';
    }
  };

  #errorTimer: ReturnType<typeof setTimeout> | undefined;
  private onError = (e: TimErrorEvent) => {
    this.lastError = e.detail.text;
    clearTimeout(this.#errorTimer);
    this.#errorTimer = setTimeout(() => (this.lastError = ''), 6000);
  };

  private onLocale = (e: Event) => {
    this.locale = (e.target as HTMLSelectElement).value;
    localStorage.setItem('tim-demo-locale', this.locale);
  };

  private onTheme = (e: Event) => {
    this.theme = (e.target as HTMLSelectElement).value as typeof this.theme;
    localStorage.setItem('tim-demo-theme', this.theme);
  };
}

customElements.define('tim-demo-app', TimDemoApp);
