import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TimNavigateEvent, TimNavigateIntent } from '../src/index.js';

type Route = Exclude<TimNavigateIntent, { to: 'back' }>;

/** The host's own words (the kit's are in its catalogs). */
const WORDS = {
  en: { chats: 'Chats', search: 'Search', pick: 'Pick a conversation.' },
  zh: { chats: '聊天', search: '搜索', pick: '选择一个会话。' },
  ko: { chats: '채팅', search: '검색', pick: '대화를 선택하세요.' },
};

/**
 * A whole app from the kit, the way a host wires it: the list, and beside it the chat, a profile, a group or
 * search, chosen by the host on each `tim-navigate`. The elements never route; this host keeps a history
 * stack, so `{ to: 'back' }` (the back button of the chat, a profile or the search) returns to the previous view.
 */
class StoryFullApp extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-rows: auto 1fr; height: 100%; min-height: 0; color: var(--tim-color-text); background: var(--tim-color-bg); }
    header { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.75rem; border-block-end: 1px solid var(--tim-color-border); }
    header button { font: inherit; color: inherit; background: none; border: 1px solid var(--tim-color-border); border-radius: 0.5rem; padding: 0.3rem 0.7rem; cursor: pointer; display: inline-flex; gap: 0.4rem; align-items: center; }
    header button:focus-visible { outline: 2px solid var(--tim-color-focus); outline-offset: 1px; }
    .panes { display: grid; grid-template-columns: minmax(15rem, 20rem) 1fr; min-height: 0; }
    .panes > * { min-width: 0; min-height: 0; }
    tim-conversation { border-inline-end: 1px solid var(--tim-color-border); }
    main { display: flex; flex-direction: column; }
    main > * { flex: 1; min-height: 0; }
    .placeholder { display: grid; place-content: center; color: var(--tim-color-text-muted); margin: 0; }
    /* A phone: one pane at a time, the list until something is open (the chat's Back returns to it). */
    @media (max-width: 640px) {
      .panes { grid-template-columns: minmax(0, 1fr); }
      .panes:has(main > .placeholder) main,
      .panes:not(:has(main > .placeholder)) tim-conversation { display: none; }
    }
  `;

  /** The toolbar's locale, for the host's own words. */
  @property() locale: keyof typeof WORDS = 'en';
  @state() private route: Route = { to: 'conversations' };
  #history: Route[] = [];

  #go = (route: Route) => {
    this.#history.push(this.route);
    this.route = route;
  };

  #onNavigate = (event: TimNavigateEvent) => {
    const intent = event.detail;
    if (intent.to === 'back') this.route = this.#history.pop() ?? { to: 'conversations' };
    else this.#go(intent);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('tim-navigate', this.#onNavigate);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('tim-navigate', this.#onNavigate);
  }

  get #words() {
    return WORDS[this.locale] ?? WORDS.en;
  }

  #main(): TemplateResult {
    const r = this.route;
    switch (r.to) {
      case 'chat':
        return html`<tim-chat conversation-id=${r.conversationID} message-id=${r.messageID ?? ''}></tim-chat>`;
      case 'profile':
        return html`<tim-profile user-id=${r.userID}></tim-profile>`;
      case 'group':
        return html`<tim-profile group-id=${r.groupID}></tim-profile>`;
      case 'search':
        return html`<tim-search conversation-id=${r.conversationID ?? ''}></tim-search>`;
      case 'conversations':
        return html`<p class="placeholder" dir="auto">${this.#words.pick}</p>`;
    }
  }

  protected override render() {
    return html`<header>
        <button @click=${() => this.#go({ to: 'conversations' })}>${this.#words.chats} <tim-unread-count></tim-unread-count></button>
        <button @click=${() => this.#go({ to: 'search' })}>${this.#words.search}</button>
      </header>
      <div class="panes">
        <tim-conversation active-conversation-id=${this.route.to === 'chat' ? this.route.conversationID : ''}></tim-conversation>
        <main>${this.#main()}</main>
      </div>`;
  }
}
if (!customElements.get('story-full-app')) customElements.define('story-full-app', StoryFullApp);

const meta: Meta = {
  title: 'Full app',
  render: (_args, { globals }) => html`<story-full-app locale=${globals.locale ?? 'en'}></story-full-app>`,
  parameters: { tim: { height: '44rem' } },
};
export default meta;
type Story = StoryObj;

/** Logged in as alice: pick a conversation, click an avatar for the profile; the back buttons return. */
export const FullApp: Story = { name: 'Full app' };

export const Dark: Story = { globals: { theme: 'dark' } };

/** 李雷 (lilei) in Chinese. */
export const Chinese: Story = { globals: { locale: 'zh' }, parameters: { tim: { user: 'lilei', height: '44rem' } } };

/** 김민지 (minji) in Korean, right to left. */
export const KoreanRightToLeft: Story = { globals: { locale: 'ko', dir: 'rtl' }, parameters: { tim: { user: 'minji', height: '44rem' } } };
