/**
 * <tim-conversation> with N conversations (default 10,000) in LocalCore, made with `core.bulkImport`.
 * - firstPaintMs: from creating the element (the store already holds the list) to its rows painted.
 * - domNodes: elements in the element's subtree, shadow roots included, after the first paint.
 * - scrollP95Ms: p95 frame time while scrolling through the list.
 * - pinToPaintMs: pinning the bottom conversation until it is painted at the top (store patch, re-sort of
 *   N, repaint).
 * Also: importMs (LocalCore's bulk import) and listLoadMs (from giving a freshly logged-in core to the
 * provider to the whole list in the store: LocalCore's projection from IndexedDB, then the store).
 */
import '../../src/elements/provider/define.js';
import '../../src/elements/conversation/define.js';
import { createLocalCore } from '../../src/core/local/index.js';
import type { TimConversation } from '../../src/index.js';
import { countNodes, fail, heapMB, painted, params, report, round, scrollP95, mountProvider, reopenAsAlice, until as waitFor } from './measure.js';

const n = Number(params.get('n') ?? 10_000);
const CHUNK = 2_500;

/** Waits for `check` (up to 120,000 ms on this page). */
const until = <T>(check: () => T | undefined | null | false, what: string, timeoutMs = 120_000) => waitFor(check, what, timeoutMs);

/** Resolves once the store has not changed for `ms` (at most `maxMs`). */
async function quiet(store: { subscribe(l: () => void): () => void }, ms = 3000, maxMs = 120_000): Promise<void> {
  let last = performance.now();
  const off = store.subscribe(() => (last = performance.now()));
  const start = performance.now();
  while (performance.now() - last < ms && performance.now() - start < maxMs) await new Promise((r) => setTimeout(r, 100));
  off();
  await painted();
}

async function run() {
  const dbName = `bench-conversations-${n}-${Date.now().toString(36)}`;
  let core = await createLocalCore({ dbName, seed: 'empty', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });

  let t = performance.now();
  const start = Math.floor(Date.now() / 1000) - n * 60;
  for (let from = 0; from < n; from += CHUNK) {
    const count = Math.min(CHUNK, n - from);
    await core.bulkImport(
      Array.from({ length: count }, (_, k) => {
        const i = from + k;
        return {
          from: `user${String(i).padStart(5, '0')}`,
          to: 'alice',
          payload: { text: `Message number ${i + 1}, with enough text to fill a preview line` },
          time: start + i * 60,
        };
      }),
      { read: (from / CHUNK) % 2 === 1 },
    );
  }
  const importMs = performance.now() - t;
  // As a returning user would: a fresh core on the filled database (the importing one is still busy
  // refreshing its lists after each chunk, on this same thread).
  await core.destroy();
  core = await reopenAsAlice(dbName);
  t = performance.now();
  const provider = await mountProvider(core, 420);
  const store = provider.store!;
  await until(() => store.state.conversations.value.length >= n, 'the list in the store');
  const listLoadMs = performance.now() - t;
  // LocalCore runs on this thread: let it finish what the import and the first load started (list
  // refreshes, profile fetches) so the figures below are the element's, not the core's.
  await quiet(store);

  t = performance.now();
  const el = document.createElement('tim-conversation') as TimConversation;
  provider.append(el);
  await until(() => el.shadowRoot?.querySelector('[role="option"]'), 'the first row');
  await painted();
  const firstPaintMs = performance.now() - t;
  const domNodes = countNodes(el);
  const rowsInDom = el.shadowRoot!.querySelectorAll('[role="option"]').length;

  const scroller = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
  const scrollP95Ms = await scrollP95(scroller, 120, 240);
  const domNodesAfterScroll = countNodes(el);

  // A list change at 10,000: pinning the bottom conversation moves it to the top (the store patches the
  // list at once; the element re-sorts and repaints).
  scroller.scrollTop = 0;
  await painted();
  const list = store.state.conversations.value;
  const last = list[list.length - 1]!;
  t = performance.now();
  void store.pinConversation(last.conversationID, true);
  await until(() => el.shadowRoot!.querySelector('[role="option"]')?.getAttribute('data-id') === last.conversationID, 'the pinned row on top');
  await painted();
  const pinToPaintMs = performance.now() - t;

  report({
    conversationList: {
      [`n${n}`]: {
        firstPaintMs: round(firstPaintMs),
        domNodes,
        scrollP95Ms,
        rowsInDom,
        domNodesAfterScroll,
        pinToPaintMs: round(pinToPaintMs),
        listLoadMs: round(listLoadMs),
        importMs: round(importMs),
        heapMB: heapMB(),
      },
    },
  });
  await core.destroy();
  indexedDB.deleteDatabase(dbName);
}

run().catch(fail);
