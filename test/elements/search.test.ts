/**
 * <tim-search>: global and in-conversation search on a real seeded LocalCore (the demo world, logged in as
 * alice), and the find bar of <tim-chat>. What the user sees (sections, marks, counts, states) and what the
 * host receives (tim-navigate, tim-error).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, render } from 'lit';
import type { ConversationID, TimChat, TimErrorEvent, TimNavigateEvent, TimSearch } from '../../src/index.js';
import { cleanupKits, makeCore, mountKit, until, type Kit, mountOnCore } from '../helpers/kit.js';

type SearchKit = Kit<TimSearch>;

/** The panel's shadow root (the element's body, a lazy chunk). */
const root = (el: TimSearch): ShadowRoot => {
  const panel = el.shadowRoot!.querySelector('tim-search-panel');
  if (!panel?.shadowRoot) throw new Error('the search panel is not loaded');
  return panel.shadowRoot;
};
const input = (el: TimSearch) => root(el).querySelector('input')!;
const status = (el: TimSearch) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const items = (el: TimSearch, section?: string) =>
  [...root(el).querySelectorAll<HTMLElement>(section ? `#h-${section} ~ .item:not(.more)` : '.item:not(.more)')];
const names = (el: TimSearch, section?: string) => items(el, section).map((i) => i.querySelector('.name')!.textContent!.trim());
const marks = (el: TimSearch) => [...root(el).querySelectorAll('mark')].map((m) => m.textContent);
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function loaded(el: TimSearch): Promise<void> {
  await until(() => el.shadowRoot!.querySelector('tim-search-panel')?.shadowRoot?.querySelector('input'), 'the search panel', 8000);
}

async function mountSearch(template = html`<tim-search></tim-search>`, options: Parameters<typeof mountKit>[1] = {}): Promise<SearchKit> {
  const kit = await mountKit<TimSearch>(template, options);
  await loaded(kit.el);
  return kit;
}

/**
 * A search element that lives across the tests of one describe (fixtures are removed after each test):
 * mounted by hand, removed in `after`.
 */
async function mountShared(attributes: { conversationId?: string } = {}): Promise<SearchKit> {
  const { core, dbName } = await makeCore({});
  const kit = await mountOnCore<TimSearch>(core, dbName, html`<tim-search conversation-id=${attributes.conversationId ?? ''}></tim-search>`, { width: 720 });
  await loaded(kit.el);
  return kit;
}

/** The element's body. */
const panel = (el: TimSearch) => el.shadowRoot!.querySelector('tim-search-panel')!;

/** Runs the search now (instead of waiting for the typing pause) and waits for its answer on screen. */
async function answered(el: TimSearch): Promise<void> {
  await panel(el).search();
  await panel(el).updateComplete;
}

/** Types into the field like a user (one input event per character), then searches at once. */
async function search(el: TimSearch, keyword: string): Promise<void> {
  const field = input(el);
  field.focus();
  field.select();
  await sendKeys({ type: keyword });
  await answered(el);
}

/** Waits until no search is running and the announcement matches. */
async function settled(el: TimSearch, expected: RegExp = /result/): Promise<void> {
  await until(
    () => {
      const r = root(el);
      const busy = r.querySelector('.results[aria-busy="true"], .state.loading');
      return !busy && expected.test(status(el));
    },
    `the results (${expected})`,
    8000,
  );
}

/** Sets the field without typing (an instant change, then the pause). */
async function setField(el: TimSearch, value: string): Promise<void> {
  const field = input(el);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function navigated(el: Element): Promise<TimNavigateEvent['detail']> {
  return oneEvent(el, 'tim-navigate').then((e) => (e as TimNavigateEvent).detail);
}

async function filter(el: TimSearch, name: string, value: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await answered(el);
}

afterEach(cleanupKits);

describe('<tim-search> globally', () => {
  let kit: SearchKit;
  before(async () => {
    kit = await mountShared();
  });
  after(async () => {
    await kit.cleanup();
  });

  it('shows a hint before anything is typed, in a labelled combobox over a listbox', async () => {
    const el = kit.el;
    expect(text(root(el).querySelector('.state')!)).to.equal('Type to search contacts, groups and messages.');
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-label')).to.equal('Search contacts, groups and messages');
    expect(field.getAttribute('aria-controls')).to.equal('results');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
  });

  it('searches once the user pauses typing: one query for a whole word', async () => {
    const el = kit.el;
    const calls: string[][] = [];
    const original = kit.store.searchMessages.bind(kit.store);
    kit.store.searchMessages = (params) => {
      calls.push(params.keywordList);
      return original(params);
    };
    try {
      input(el).focus();
      await sendKeys({ type: 'sync' });
      await settled(el);
      await until(() => calls.length, 'the search');
    } finally {
      kit.store.searchMessages = original;
    }
    expect(calls).to.deep.equal([['sync']]);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
  });

  it('waits for an input method to finish composing before it searches', async () => {
    const el = kit.el;
    await search(el, 'x');
    const calls: string[][] = [];
    const original = kit.store.searchMessages.bind(kit.store);
    kit.store.searchMessages = (params) => {
      calls.push(params.keywordList);
      return original(params);
    };
    try {
      const field = input(el);
      field.value = 'pa';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
      field.value = '爬山';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
      await new Promise((r) => setTimeout(r, 500));
      expect(calls).to.deep.equal([]);
      field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '爬山' }));
      await until(() => calls.length, 'the search after composing', 3000);
      await settled(el);
      expect(calls).to.deep.equal([['爬山']]);
      expect(names(el, 'groups')).to.deep.equal(['周末爬山群']);
    } finally {
      kit.store.searchMessages = original;
    }
  });

  it('finds contacts by user ID, nickname and remark, and groups by name and ID', async () => {
    const el = kit.el;
    await search(el, 'bob');
    // The remark is the shown name; the ID line says why it matched.
    expect(names(el, 'contacts')).to.include('Bob (work)');
    const bob = items(el, 'contacts').find((i) => i.textContent!.includes('Bob (work)'))!;
    expect(text(bob.querySelector('.detail')!)).to.equal('ID: bob');
    await search(el, 'smith');
    const byNick = items(el, 'contacts').find((i) => i.textContent!.includes('Bob (work)'))!;
    expect(text(byNick.querySelector('.detail')!)).to.equal('Name: Bob Smith');
    expect([...byNick.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Smith']);
    await search(el, '李雷');
    expect(names(el, 'contacts')).to.deep.equal(['李雷']);
    await search(el, '김민지');
    expect(names(el, 'contacts')).to.deep.equal(['김민지']);
    await search(el, '爬山');
    expect(names(el, 'groups')).to.deep.equal(['周末爬山群']);
    expect(marks(el)).to.include('爬山');
    await search(el, '스터디');
    expect(names(el, 'groups')).to.deep.equal(['스터디 모임']);
    await search(el, 'TEAM');
    expect(names(el, 'groups')).to.deep.equal(['Product Team']);
    const team = items(el, 'groups')[0]!;
    expect(text(team.querySelector('.detail')!)).to.equal('ID: team');
  });

  it('groups message hits by conversation with their count, the same counts as searching inside each', async () => {
    const el = kit.el;
    await search(el, 'sync');
    const rows = items(el, 'messages');
    expect(rows.length).to.be.greaterThan(1);
    const bob = rows.find((r) => r.querySelector('.name')!.textContent!.includes('Bob (work)'))!;
    const inside = await kit.core.searchMessages({ keywordList: ['sync'], conversationID: 'C2Cbob' as ConversationID });
    expect(inside.totalCount).to.be.greaterThan(1);
    expect(text(bob.querySelector('.detail')!)).to.equal(`${inside.totalCount} matching messages`);
    // A conversation with one hit shows the message itself, the keyword marked.
    const single = rows.find((r) => r.querySelector('mark'));
    expect(single, 'a conversation with a single hit').to.exist;
    expect(single!.querySelector('mark')!.textContent!.toLowerCase()).to.equal('sync');
  });

  it('marks keywords case-insensitively in message text, in English, Chinese and Korean', async () => {
    const el = kit.el;
    await search(el, 'SYNC');
    expect(marks(el).length).to.be.greaterThan(0);
    expect(marks(el).every((m) => m!.toLowerCase() === 'sync')).to.equal(true);
    await search(el, '爬山');
    expect(names(el, 'messages').length).to.be.greaterThan(0);
    expect(marks(el).filter((m) => m === '爬山').length).to.be.greaterThan(1);
    await search(el, '스터디');
    expect(names(el, 'messages').length).to.be.greaterThan(0);
  });

  it('takes hostile keywords as text: markup, entities and pattern characters', async () => {
    const el = kit.el;
    await search(el, '<img src=x onerror=alert(1)>');
    // mallory's name and her message; nothing is parsed as markup.
    expect(names(el, 'contacts').some((n) => n.includes('<img src=x onerror=alert(1)>'))).to.equal(true);
    expect(names(el, 'messages').length).to.be.greaterThan(0);
    // Words separated by spaces must all occur; each is marked.
    expect(marks(el)).to.include.members(['<img', 'src=x', 'onerror=alert(1)>']);
    expect(root(el).querySelector('img, script, svg[onload]')).to.equal(null);
    await search(el, '&amp;');
    expect(marks(el)).to.deep.equal(['&amp;']);
    await search(el, '.*');
    expect(text(root(el).querySelector('.state')!)).to.equal('No results for “\u2068.*\u2069”.');
    await search(el, '(');
    expect(marks(el).length).to.be.greaterThan(0);
    expect(marks(el).every((m) => m === '(')).to.equal(true);
  });

  it('shows the first results of each section and the rest with "Show more"', async () => {
    const el = kit.el;
    await search(el, 'the');
    const before = items(el, 'messages').length;
    expect(before).to.equal(5);
    const more = root(el).querySelector<HTMLElement>('.section:has(#h-messages) .more')!;
    expect(text(more)).to.equal('Show more');
    more.click();
    await until(() => items(el, 'messages').length > 5, 'more conversations');
    await search(el, 'o');
    const contacts = (await kit.store.searchContacts('o')).users.length;
    expect(contacts).to.be.greaterThan(3);
    expect(items(el, 'contacts').length).to.equal(3);
    root(el).querySelector<HTMLElement>('.section:has(#h-contacts) .more')!.click();
    await until(() => items(el, 'contacts').length === contacts, 'every contact');
  });

  it('announces the number of results politely, and no results', async () => {
    const el = kit.el;
    await search(el, 'lunch');
    const live = root(el).querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(status(el)).to.match(/^\d+ results?$/);
    await search(el, 'zzzqqq');
    expect(status(el)).to.equal('No results for “\u2068zzzqqq\u2069”.');
    expect(text(root(el).querySelector('.state.empty')!)).to.equal('No results for “\u2068zzzqqq\u2069”.');
  });

  it('moves through results with the arrow keys, opens with Enter and clears with Escape', async () => {
    const el = kit.el;
    await search(el, 'team');
    const field = input(el);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => field.getAttribute('aria-activedescendant'), 'an active option');
    const first = root(el).getElementById(field.getAttribute('aria-activedescendant')!)!;
    expect(first.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => field.getAttribute('aria-activedescendant') !== first.id, 'the next option');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => field.getAttribute('aria-activedescendant') === first.id, 'back to the first');
    const opened = navigated(el);
    await sendKeys({ press: 'Enter' });
    expect(await opened).to.deep.equal({ to: 'group', groupID: 'team' });
    await sendKeys({ press: 'Escape' });
    await until(() => field.value === '' && root(el).querySelector('.state'), 'a cleared field');
    expect(text(root(el).querySelector('.state')!)).to.equal('Type to search contacts, groups and messages.');
  });

  it('opens a contact as a profile, a single-hit conversation at its message', async () => {
    const el = kit.el;
    await search(el, 'lilei');
    let opened = navigated(el);
    items(el, 'contacts')[0]!.click();
    expect(await opened).to.deep.equal({ to: 'profile', userID: 'lilei' });
    await search(el, 'release notes');
    const row = items(el, 'messages')[0]!;
    opened = navigated(el);
    row.click();
    const hit = (await kit.core.searchMessages({ keywordList: ['release', 'notes'], keywordListMatchType: 'and' })).resultList[0]!.messageList[0]!;
    expect(await opened).to.deep.equal({ to: 'chat', conversationID: hit.conversationID, messageID: hit.ID });
  });

  it("opens a conversation's several hits in place, newest first, and Back returns to all results", async () => {
    const el = kit.el;
    await search(el, 'sync');
    const bob = items(el, 'messages').find((r) => r.textContent!.includes('Bob (work)'))!;
    bob.click();
    await until(() => root(el).querySelector('[part="scope"]')?.textContent?.includes('Bob (work)'), 'the conversation scope');
    await answered(el);
    const rows = items(el);
    const inside = await kit.core.searchMessages({ keywordList: ['sync'], conversationID: 'C2Cbob' as ConversationID });
    expect(rows.length).to.equal(inside.totalCount);
    const times = rows.map((r) => Date.parse(r.querySelector('time')!.getAttribute('datetime')!));
    expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
    expect(text(root(el).querySelector('[part="count"]')!)).to.equal(`${inside.totalCount} results`);
    const opened = navigated(el);
    rows[0]!.click();
    const detail = await opened;
    expect(detail).to.deep.equal({ to: 'chat', conversationID: 'C2Cbob', messageID: inside.resultList[0]!.messageList[0]!.ID });
    root(el).querySelector<HTMLElement>('[part="back-button"]')!.click();
    await until(() => items(el, 'contacts').length || items(el, 'messages').length > 1, 'all results again');
    expect(root(el).querySelector('[part="scope"]')).to.equal(null);
    expect(input(el).value).to.equal('sync');
  });

  it('filters messages by type and time', async () => {
    const el = kit.el;
    await search(el, 'notes');
    await filter(el, 'type', 'file');
    const files = items(el, 'messages');
    expect(files.length).to.equal(1);
    expect(text(files[0]!.querySelector('.detail')!)).to.equal('[File] meeting-notes.txt');
    await filter(el, 'type', 'text');
    expect(text(root(el).querySelector('.results')!)).not.to.include('meeting-notes.txt');
    await filter(el, 'type', 'all');
    await search(el, 'sync');
    const all = (await kit.core.searchMessages({ keywordList: ['sync'] })).totalCount;
    const recent = (await kit.core.searchMessages({ keywordList: ['sync'], timePeriod: 3 * 86_400 })).totalCount;
    expect(recent).to.be.lessThan(all);
    await filter(el, 'time', 'd3');
    expect(root(el).querySelector('#h-messages .count')?.textContent).to.equal(String(recent));
    await filter(el, 'time', 'any');
    expect(root(el).querySelector('#h-messages .count')?.textContent).to.equal(String(all));
  });
});

describe('<tim-search> focus', () => {
  afterEach(cleanupKits);

  it('focus() puts the focus in the search field (not on the Back button before it), also when asked at once', async () => {
    const kit = await mountKit<TimSearch>(html`<tim-search></tim-search>`);
    kit.el.focus();
    await loaded(kit.el);
    await until(() => root(kit.el).activeElement === input(kit.el), 'the field focused');
    (root(kit.el).querySelector('button') as HTMLElement).focus();
    kit.el.blur();
    kit.el.focus();
    await until(() => root(kit.el).activeElement === input(kit.el), 'the field focused again');
  });

  it('mirrors its back chevron right to left', async () => {
    const kit = await mountSearch();
    const chevron = () => getComputedStyle(root(kit.el).querySelector('[part="back-button"] svg')!).transform;
    expect(chevron(), 'left to right').to.equal('none');
    kit.provider.dir = 'rtl';
    await until(() => chevron() === 'matrix(-1, 0, 0, 1, 0, 0)', 'mirrored');
  });
});

describe('<tim-search> inside a conversation', () => {
  it('lists the hits newest first, pages as the list scrolls, and filters by sender in a group', async () => {
    const kit = await mountSearch(html`<tim-search conversation-id="GROUPteam"></tim-search>`);
    const el = kit.el;
    await until(() => root(el).querySelector('[part="scope"]')?.textContent?.includes('Product Team'), 'the group name');
    expect(input(el).getAttribute('placeholder')).to.equal('Search this conversation');
    // Sixty more messages with the word, so the hits take several pages.
    const start = Math.floor(Date.now() / 1000) - 3600;
    await kit.core.bulkImport(
      Array.from({ length: 60 }, (_, i) => ({ from: i % 2 ? 'bob' : 'carol', to: 'team', conversationType: 'GROUP' as const, payload: { text: `needle ${i}` }, time: start + i })),
    );
    // The core rebuilds its index after an import (asynchronously).
    for (let i = 0; i < 50 && (await kit.core.searchMessages({ keywordList: ['needle'] })).totalCount < 60; i++) await new Promise((r) => setTimeout(r, 50));
    await search(el, 'needle');
    expect(text(root(el).querySelector('[part="count"]')!)).to.equal('60 results');
    expect(items(el).length).to.be.lessThan(60);
    expect(items(el)[0]!.querySelector('.detail')!.textContent).to.include('needle 59');
    const scroller = root(el).querySelector<HTMLElement>('.results')!;
    for (let i = 0; i < 20 && !root(el).textContent!.includes('needle 0'); i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(root(el).textContent).to.include('needle 0');
    expect(root(el).querySelector('.more')).to.equal(null);
    // The sender filter lists the members.
    const sender = await until(() => root(el).querySelector<HTMLSelectElement>('select[name="sender"] option[value="bob"]') && root(el).querySelector<HTMLSelectElement>('select[name="sender"]'), 'the members');
    expect(sender.getAttribute('aria-label')).to.equal('Sender');
    await filter(el, 'sender', 'bob');
    expect(text(root(el).querySelector('[part="count"]')!)).to.equal('30 results');
    expect(names(el).every((n) => n === 'Bob · Backend' || n === 'Bob (work)')).to.equal(true);
  });

  it('lists a type without a keyword', async () => {
    const kit = await mountSearch(html`<tim-search conversation-id="C2Cbob"></tim-search>`);
    const el = kit.el;
    expect(text(root(el).querySelector('.state')!)).to.include('Type to search the messages of this conversation');
    await filter(el, 'type', 'media');
    const details = items(el).map((i) => text(i.querySelector('.detail')!));
    expect(details).to.deep.equal(['[Video]', '[Image]']);
  });
});

describe('<tim-search> states', () => {
  it('shows searching while the core answers, and never shows the late answer to an older query', async () => {
    const kit = await mountSearch();
    const el = kit.el;
    // The first query's answer is held back until the second one is on screen.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = kit.store.searchMessages.bind(kit.store);
    let calls = 0;
    kit.store.searchMessages = async (params) => {
      const first = calls++ === 0;
      const result = await original(params);
      if (first) await gate;
      return result;
    };
    await setField(el, 'lunch');
    await until(() => root(el).querySelector('.state.loading'), 'searching');
    expect(text(root(el).querySelector('.state.loading')!)).to.equal('Searching…');
    await setField(el, '爬山');
    await until(() => names(el, 'groups').length, 'the second answer');
    expect(names(el, 'groups')).to.deep.equal(['周末爬山群']);
    release();
    await new Promise((r) => setTimeout(r, 300));
    await panel(el).updateComplete;
    expect(names(el, 'groups')).to.deep.equal(['周末爬山群']);
    expect(text(root(el).querySelector('.results')!)).not.to.include('Lunch');
    expect(calls).to.equal(2);
  });

  it('reports a failed search with tim-error and offers Retry', async () => {
    const kit = await mountSearch(undefined, { faults: { failures: [{ code: 2800, rate: 1, methods: ['searchMessages', 'searchContacts'] }] } });
    const el = kit.el;
    const error = oneEvent(el, 'tim-error') as Promise<TimErrorEvent>;
    await setField(el, 'sync');
    const e = await error;
    expect(e.detail.code).to.equal(2800);
    expect(e.detail.scenario).to.match(/^search(Contacts|Messages)$/);
    const state = await until(() => root(el).querySelector('.state.error'), 'the error state');
    expect(state.getAttribute('role')).to.equal('alert');
    expect(text(state)).to.include('The search failed.');
    kit.core.faults.reset();
    state.querySelector('button')!.click();
    await answered(el);
    expect(items(el, 'messages').length).to.be.greaterThan(0);
  });

  it('does not say "no results" when the messages could not be searched (contacts found none): it says the search failed, with Retry', async () => {
    const kit = await mountSearch(undefined, { faults: { failures: [{ code: 2800, rate: 1, methods: ['searchMessages'] }] } });
    const el = kit.el;
    el.addEventListener('tim-error', () => undefined);
    await search(el, 'demo');
    const body = () => (root(el).textContent ?? '').replace(/\s+/g, ' ');
    await until(() => body().includes('The search failed.'), 'the failure said');
    expect(body(), 'no contact matches and the messages are unknown: "no results" would be wrong').not.to.include('No results');
    expect(status(el)).to.equal('The search failed.');
    kit.core.faults.reset();
    [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Retry')!.click();
    await answered(el);
    await until(() => items(el, 'messages').length > 0, 'the messages after Retry');
  });

  it('on a core without message search: contacts and groups only, and says so', async () => {
    const kit = await mountSearch();
    Object.defineProperty(kit.core, 'capabilities', { value: { ...kit.core.capabilities, messageSearch: false } });
    let messageCalls = 0;
    const original = kit.core.searchMessages.bind(kit.core);
    kit.core.searchMessages = (p) => (messageCalls++, original(p));
    const el = kit.el;
    panel(el).requestUpdate();
    await until(() => root(el).querySelector('[part="notice"]'), 'the notice');
    expect(text(root(el).querySelector('[part="notice"]')!)).to.equal('Message search is not available here: showing contacts and groups only.');
    expect(root(el).querySelector('select')).to.equal(null);
    await search(el, 'bob');
    expect(names(el, 'contacts')).to.include('Bob (work)');
    expect(root(el).querySelector('#h-messages')).to.equal(null);
    expect(messageCalls).to.equal(0);
    render(html`<tim-search conversation-id="C2Cbob"></tim-search>`, kit.provider);
    const scoped = kit.provider.firstElementChild as TimSearch;
    await loaded(scoped);
    await until(() => root(scoped).querySelector('.state')?.textContent?.includes('Message search is not available here.'), 'unavailable');
    expect(input(scoped).disabled).to.equal(true);
  });

  it('a core that refuses message search (60020) is treated the same, without an error', async () => {
    const kit = await mountSearch(undefined, { faults: { failures: [{ code: 60020, rate: 1, methods: ['searchMessages'] }] } });
    const el = kit.el;
    let errors = 0;
    el.addEventListener('tim-error', () => errors++);
    await search(el, 'bob');
    expect(names(el, 'contacts')).to.include('Bob (work)');
    expect(text(root(el).querySelector('[part="notice"]')!)).to.equal('Message search is not available here: showing contacts and groups only.');
    expect(errors).to.equal(0);
  });

  it('speaks Chinese and Korean', async () => {
    const zh = await mountSearch(undefined, { locale: 'zh' });
    await until(() => root(zh.el).querySelector('.state')?.textContent?.includes('搜索'), 'Chinese');
    await search(zh.el, '爬山');
    expect(status(zh.el)).to.match(/^\d+ 条结果$/);
    expect(text(root(zh.el).querySelector('#h-groups')!)).to.match(/^群聊/);
    const ko = await mountSearch(undefined, { locale: 'ko' });
    await until(() => input(ko.el).placeholder === '연락처, 그룹, 메시지 검색', 'Korean');
    await search(ko.el, '스터디');
    expect(status(ko.el)).to.match(/^결과 \d+개$/);
    expect(text(root(ko.el).querySelector('#h-groups')!)).to.match(/^그룹/);
  });

  it('is accessible', async () => {
    const kit = await mountSearch();
    await search(kit.el, 'sync');
    await expect(kit.el).to.be.accessible();
  });
});

describe('<tim-chat> find in conversation', () => {
  const rowOf = (chat: TimChat, id: string) => chat.shadowRoot!.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
  const bar = (chat: TimChat) => chat.shadowRoot!.querySelector('tim-chat-find')?.shadowRoot ?? null;

  async function mountChat(attributes = ''): Promise<Kit<TimChat>> {
    const kit = await mountKit<TimChat>(attributes ? html`<tim-chat conversation-id="C2Cbob" inline-search></tim-chat>` : html`<tim-chat conversation-id="C2Cbob"></tim-chat>`);
    await until(() => kit.el.shadowRoot!.querySelector('.scroller:not(.opening) .row[data-id]'), 'the history', 8000);
    return kit;
  }

  it('Ctrl+F opens a bar: the count of hits, Enter and Shift+Enter step through them with a jump to each', async () => {
    const kit = await mountChat();
    const chat = kit.el;
    chat.shadowRoot!.querySelector<HTMLElement>('.scroller')!.focus();
    await sendKeys({ press: 'Control+f' });
    const field = await until(() => bar(chat)?.querySelector('input'), 'the find bar');
    await until(() => bar(chat)!.activeElement === field, 'the field focused');
    const hits = (await kit.core.searchMessages({ keywordList: ['sync'], conversationID: 'C2Cbob' as ConversationID, count: 50 })).resultList[0]!.messageList;
    await sendKeys({ type: 'sync' });
    const count = () => bar(chat)!.querySelector('.count')!.textContent!.trim();
    await until(() => count() === `1 of ${hits.length}`, 'the count');
    await until(() => rowOf(chat, hits[0]!.ID)?.classList.contains('highlight'), 'the newest hit shown');
    await sendKeys({ press: 'Enter' });
    await until(() => count() === `2 of ${hits.length}` && rowOf(chat, hits[1]!.ID)?.classList.contains('highlight'), 'the next older hit');
    await sendKeys({ press: 'Shift+Enter' });
    await until(() => count() === `1 of ${hits.length}`, 'back to the newest');
    await sendKeys({ press: 'Shift+Enter' });
    await until(() => count() === `${hits.length} of ${hits.length}` && rowOf(chat, hits[hits.length - 1]!.ID)?.classList.contains('highlight'), 'wrapped to the oldest');
    await sendKeys({ press: 'Escape' });
    await until(() => !bar(chat), 'the bar closed');
    expect(chat.shadowRoot!.activeElement).to.equal(chat.shadowRoot!.querySelector('.scroller'));
  });

  it('says when nothing matches, and with inline-search the header button opens the bar instead of navigating', async () => {
    const kit = await mountChat('inline-search');
    const chat = kit.el;
    let navigatedTo: unknown;
    chat.addEventListener('tim-navigate', (e) => (navigatedTo = e.detail));
    chat.shadowRoot!.querySelector<HTMLElement>('[part="search-button"]')!.click();
    const field = await until(() => bar(chat)?.querySelector('input'), 'the find bar');
    expect(navigatedTo).to.equal(undefined);
    expect(field.getAttribute('aria-label')).to.equal('Find in this conversation');
    field.value = 'zzzqqq';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await until(() => bar(chat)!.querySelector('.count')!.textContent!.trim() === 'No matches', 'no matches');
    expect(bar(chat)!.querySelector<HTMLButtonElement>('button.up')!.disabled).to.equal(true);
    // Another conversation in the same chat: the bar searches that one for the same word.
    field.value = 'sync';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const count = (id: string) => kit.core.searchMessages({ keywordList: ['sync'], conversationID: id as ConversationID }).then((r) => r.totalCount);
    const [inBob, inCarol] = await Promise.all([count('C2Cbob'), count('C2Ccarol')]);
    expect(inCarol).to.be.greaterThan(0).and.not.equal(inBob);
    await until(() => bar(chat)!.querySelector('.count')!.textContent!.trim() === `1 of ${inBob}`, 'the hits in bob');
    chat.conversationId = 'C2Ccarol';
    await until(() => bar(chat)?.querySelector('.count')!.textContent!.trim() === `1 of ${inCarol}`, 'the hits in carol');
    bar(chat)!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    await until(() => !bar(chat), 'closed');
  });
});
