/**
 * One conversation of N messages (text of varied lengths, some multi-line, and pictures of varied sizes),
 * shown by `<tim-chat>` (`lib=tim`) or by vue-advanced-chat 2.1.2 (`lib=vac`), fed the same messages.
 *
 * - firstPaintMs: from creating the element to the newest messages painted (tim: the store opens the
 *   conversation through LocalCore; vac: the host answers its `fetch-messages` with the newest page).
 * - domNodes: elements in the element's subtree (shadow roots included) after the first paint.
 * - jumpToMessageMs: opening the history at the middle message and painting it highlighted (tim:
 *   `scrollToMessage`; vac has no such API: null).
 * - prependJumpPx: the largest move, in px, of the first visible message when an older page arrives
 *   while the reader is at the top (8 pages; 0 is perfect).
 * - then every message is loaded into the view (tim: `store.loadOlder` in pages of 100; vac: its
 *   `messages` grown by 1,000 at a time, given up after 2 minutes: `loaded` says how many it got to and
 *   allLoadedMs is then null), and: domNodesAllLoaded, heapMB, scrollP95Ms (p95 frame time while
 *   scrolling through the middle; noisy on a loaded machine), scrollLongTasks (tasks over 50 ms meanwhile:
 *   this page's own work), allLoadedMs (the time that took).
 * tim also reports importMs (LocalCore's bulkImport of N, not the element's cost).
 */
import '../../src/elements/provider/define.js';
import '../../src/elements/chat/define.js';
import { createLocalCore } from '../../src/core/local/index.js';
import type { TimChat } from '../../src/index.js';
import { countNodes, fail, frame, heapMB, painted, params, report, round, scrollP95, mountProvider, reopenAsAlice, until as waitFor } from './measure.js';

const n = Number(params.get('n') ?? 1000);
const lib = params.get('lib') ?? 'tim';
const PAGE = 20;
const PREPENDS = 8;
const VAC_BUDGET_MS = Number(params.get('budget') ?? 120_000);

interface Item {
  id: string;
  from: 'alice' | 'bob';
  time: number;
  text?: string;
  image?: { width: number; height: number };
}

/** The same N messages for both kits: deterministic, newest last. */
function messages(): Item[] {
  const start = Math.floor(Date.now() / 1000) - n * 90;
  const words = 'the quick brown fox jumps over a lazy dog while the chat keeps its place'.split(' ');
  return Array.from({ length: n }, (_, i) => {
    const from = (i * 7) % 5 < 3 ? 'bob' : 'alice';
    const item: Item = { id: `m${i}`, from, time: start + i * 90 };
    if (i % 23 === 0) item.image = { width: 320 + ((i * 37) % 400), height: 200 + ((i * 53) % 500) };
    else {
      const length = i % 11 === 0 ? 60 : 3 + ((i * 13) % 18);
      item.text = Array.from({ length }, (_, k) => words[(i + k) % words.length]).join(' ') + (i % 17 === 0 ? `\nsecond line\nthird line` : '');
    }
    return item;
  });
}

const picture = new Blob(
  ['<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="100%" height="100%" fill="#7aa6d8"/><circle cx="300" cy="80" r="40" fill="#fff"/></svg>'],
  { type: 'image/svg+xml' },
);

/** scrollP95 with the long tasks (over 50 ms of main-thread work) seen meanwhile: frame times suffer on
 *  a loaded machine, long tasks are this page's own work. */
async function scrolling(scroller: HTMLElement): Promise<{ scrollP95Ms: number; scrollLongTasks: number }> {
  let scrollLongTasks = 0;
  const observer = new PerformanceObserver((list) => (scrollLongTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  const scrollP95Ms = await scrollP95(scroller, 120, 240);
  await frame();
  observer.disconnect();
  return { scrollP95Ms, scrollLongTasks };
}

/** Waits for `check` (up to 300,000 ms on this page). */
const until = <T>(check: () => T | undefined | null | false, what: string, timeoutMs = 300_000) => waitFor(check, what, timeoutMs);

const frames = async (k: number) => {
  for (let i = 0; i < k; i++) await frame();
};

/** The first message element whose top is in view, and its px from the scroller's top. */
function firstVisible(scroller: HTMLElement, rows: () => Iterable<HTMLElement>, idOf: (el: HTMLElement) => string) {
  const top = scroller.getBoundingClientRect().top;
  for (const row of rows()) {
    const r = row.getBoundingClientRect();
    if (r.top >= top - 0.5 && r.height > 0) return { id: idOf(row), top: r.top - top };
  }
  return undefined;
}

async function runTim(data: Item[]) {
  const dbName = `bench-messages-${n}-${Date.now().toString(36)}`;
  let core = await createLocalCore({ dbName, seed: 'empty', multiInstance: 'allow' });
  await core.login({ userID: 'bob' });
  await core.login({ userID: 'alice' });
  let t = performance.now();
  await core.bulkImport(
    data.map((d) => ({
      ID: d.id,
      from: d.from,
      to: d.from === 'alice' ? 'bob' : 'alice',
      time: d.time,
      ...(d.image
        ? { type: 'TIMImageElem' as const, payload: { fileName: 'photo.svg', imageInfoArray: [{ type: 0, url: 'local:bench-photo', ...d.image, size: picture.size }] } }
        : { payload: { text: d.text } }),
    })),
    { read: true, blobs: { 'bench-photo': picture } },
  );
  const importMs = performance.now() - t;
  await core.destroy();
  core = await reopenAsAlice(dbName);
  const provider = await mountProvider(core, 720);
  const store = provider.store!;
  await until(() => store.state.conversations.status === 'ready', 'the conversation list');
  await frames(10);

  t = performance.now();
  const el = document.createElement('tim-chat') as TimChat;
  el.conversationId = 'C2Cbob';
  provider.append(el);
  const root = () => el.shadowRoot!;
  await until(() => el.shadowRoot?.querySelector('.scroller:not(.opening) .row[data-id]'), 'the newest messages');
  await painted();
  const firstPaintMs = performance.now() - t;
  const domNodes = countNodes(el);
  const scroller = root().querySelector<HTMLElement>('.scroller')!;
  const rows = () => root().querySelectorAll<HTMLElement>('.row[data-id]');
  const rowOf = (id: string) => root().querySelector<HTMLElement>(`.row[data-id="${id}"]`);

  const middle = data[Math.floor(n / 2)]!.id;
  t = performance.now();
  void el.scrollToMessage(middle);
  await until(() => {
    const row = rowOf(middle);
    if (!row?.classList.contains('highlight')) return false;
    const a = scroller.getBoundingClientRect();
    const b = row.getBoundingClientRect();
    return b.top >= a.top && b.bottom <= a.bottom;
  }, 'the middle message in view');
  await painted();
  const jumpToMessageMs = performance.now() - t;

  const window = () => store.state.windows.get('C2Cbob')!;
  let prependJumpPx = 0;
  for (let i = 0; i < PREPENDS && window().hasOlder; i++) {
    const count = window().messages.length;
    scroller.scrollTop = 30;
    await frames(2);
    const before = firstVisible(scroller, rows, (r) => r.dataset.id!);
    await until(() => window().messages.length > count, 'an older page');
    await frames(4);
    const row = before && rowOf(before.id);
    if (before && row) prependJumpPx = Math.max(prependJumpPx, Math.abs(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - before.top));
  }

  await store.openConversation('C2Cbob', { reload: true });
  el.list.scrollToBottom();
  await painted();
  t = performance.now();
  while (window().hasOlder) await store.loadOlder('C2Cbob', 100);
  await painted();
  const allLoadedMs = performance.now() - t;
  const loaded = window().messages.length;
  const domNodesAllLoaded = countNodes(el);
  scroller.scrollTop = scroller.scrollHeight / 2;
  await painted();
  const { scrollP95Ms, scrollLongTasks } = await scrolling(scroller);
  const heap = heapMB();
  // `keep`: leave the chat up (for profiling by hand).
  if (!params.has('keep')) {
    await core.destroy();
    indexedDB.deleteDatabase(dbName);
  }
  return {
    firstPaintMs: round(firstPaintMs),
    domNodes,
    heapMB: heap,
    scrollP95Ms,
    scrollLongTasks,
    prependJumpPx: round(prependJumpPx),
    jumpToMessageMs: round(jumpToMessageMs),
    domNodesAllLoaded,
    allLoadedMs: round(allLoadedMs),
    loaded,
    importMs: round(importMs),
  };
}

interface VacMessage {
  _id: string;
  content: string;
  senderId: string;
  username: string;
  date: string;
  timestamp: string;
  files?: Array<{ name: string; size: number; type: string; url: string }>;
}

async function runVac(data: Item[]) {
  // A dev dependency of the bench only (`npm ci --prefix bench`); typechecks without it installed.
  // @ts-ignore
  const { register } = (await import('vue-advanced-chat')) as { register: () => void };
  register();
  const url = URL.createObjectURL(picture);
  const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });
  const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });
  const all: VacMessage[] = data.map((d) => ({
    _id: d.id,
    content: d.text ?? '',
    senderId: d.from,
    username: d.from === 'alice' ? 'Alice' : 'Bob',
    date: day.format(d.time * 1000),
    timestamp: clock.format(d.time * 1000),
    ...(d.image ? { files: [{ name: 'photo', size: picture.size, type: 'svg', url }] } : {}),
  }));
  type Vac = HTMLElement & Record<string, unknown>;
  const el = document.createElement('vue-advanced-chat') as Vac;
  let shown = 0;
  const deliver = () => {
    const next = Math.min(all.length, shown + PAGE);
    el.messages = all.slice(all.length - next);
    shown = next;
    el.messagesLoaded = shown === all.length;
  };
  // `reset` (opening the room) asks for the newest page again; otherwise the next older page.
  el.addEventListener('fetch-messages', (e) => {
    if ((e as CustomEvent<Array<{ options?: { reset?: boolean } }>>).detail?.[0]?.options?.reset) shown = 0;
    // As a host answering from its server: asynchronously.
    setTimeout(deliver);
  });
  Object.assign(el, {
    height: '800px',
    currentUserId: 'alice',
    rooms: [{ roomId: 'bob', roomName: 'Bob', avatar: '', users: [{ _id: 'alice', username: 'Alice' }, { _id: 'bob', username: 'Bob' }] }],
    roomId: 'bob',
    singleRoom: true,
    roomsLoaded: true,
    messagesLoaded: false,
    messages: [],
  });
  el.style.cssText = 'display:block;width:720px';

  let t = performance.now();
  document.body.append(el);
  const root = () => el.shadowRoot!;
  const rows = () => root().querySelectorAll<HTMLElement>('.vac-message-wrapper[id]');
  await until(() => el.shadowRoot?.querySelector('.vac-message-wrapper'), 'the newest messages');
  await painted();
  const firstPaintMs = performance.now() - t;
  const domNodes = countNodes(el);
  const scroller = await until(() => root().querySelector<HTMLElement>('#messages-list'), 'the scroller');

  let prependJumpPx = 0;
  for (let i = 0; i < PREPENDS && shown < all.length; i++) {
    const count = shown;
    await frames(4);
    scroller.scrollTop = 30;
    await frames(2);
    const before = firstVisible(scroller, rows, (r) => r.id);
    // Its loader asks for more (after its own 500 ms delay); the host answers at once.
    await until(() => shown > count && rows().length >= shown, 'an older page');
    await frames(6);
    const row = before && root().getElementById(before.id);
    if (before && row) prependJumpPx = Math.max(prependJumpPx, Math.abs(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - before.top));
  }

  // Everything into the view, 1,000 more at a time (it renders every message it is given); given up
  // after VAC_BUDGET_MS, and then the figures below are for what it got to.
  t = performance.now();
  let allLoadedMs: number | null = null;
  while (shown < all.length) {
    if (performance.now() - t > VAC_BUDGET_MS) break;
    shown = Math.min(all.length, shown + 1000);
    el.messages = all.slice(all.length - shown);
    el.messagesLoaded = shown === all.length;
    await until(() => rows().length >= shown, 'the next 1,000 messages rendered');
    await frame();
  }
  await painted();
  if (shown === all.length) allLoadedMs = performance.now() - t;
  const domNodesAllLoaded = countNodes(el);
  scroller.scrollTop = scroller.scrollHeight / 2;
  await painted();
  const { scrollP95Ms, scrollLongTasks } = await scrolling(scroller);
  return {
    firstPaintMs: round(firstPaintMs),
    domNodes,
    heapMB: heapMB(),
    scrollP95Ms,
    scrollLongTasks,
    prependJumpPx: round(prependJumpPx),
    jumpToMessageMs: null,
    domNodesAllLoaded,
    allLoadedMs: allLoadedMs === null ? null : round(allLoadedMs),
    loaded: rows().length,
    ...(allLoadedMs === null ? { gaveUpAfterMs: round(performance.now() - t) } : {}),
  };
}

async function run() {
  const data = messages();
  report(lib === 'vac' ? await runVac(data) : await runTim(data));
}

run().catch(fail);
