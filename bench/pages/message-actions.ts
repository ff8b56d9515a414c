/**
 * `<tim-chat>`'s message actions on LocalCore (the demo seed, plus `conversations` extra C2C conversations
 * of alice's, imported before login):
 * - chunkMs: the first right-click on a message until its menu is open (the lazy chunk fetched, served by
 *   Vite from source here, and attached); menuOpenMs: the median of later opens (warm).
 * - selectModeMs: "Select" until the checkboxes and the bulk bar are painted; toggleMs: the median of a
 *   click on a message until its checkbox and the count are painted.
 * - pickerOpenMs: the forward dialog with every conversation listed, until painted; filterMs: a keyword
 *   typed into its search until the narrowed list is painted; pickerRows: conversations listed at first.
 * - importMs: LocalCore's bulkImport of the extra conversations (not the element's cost).
 */
import '../../src/elements/provider/define.js';
import '../../src/elements/chat/define.js';
import { createLocalCore } from '../../src/core/local/index.js';
import type { TimChat, TimProvider } from '../../src/index.js';
import { fail, painted, params, percentile, report, round, until as waitFor } from './measure.js';

const conversations = Number(params.get('conversations') ?? 500);

/** Waits for `check` (up to 60,000 ms on this page). */
const until = <T>(check: () => T | undefined | null | false, what: string, timeoutMs = 60_000) => waitFor(check, what, timeoutMs);

async function run() {
  const dbName = `bench-actions-${Date.now()}`;
  const core = await createLocalCore({ dbName, seed: 'demo', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });
  let t = performance.now();
  const now = Math.floor(Date.now() / 1000);
  await core.bulkImport(
    Array.from({ length: conversations }, (_, i) => ({ from: 'alice', to: `peer${i}`, time: now - 86_400 - i * 60, payload: { text: `Hello ${i}` } })),
    { read: true },
  );
  const importMs = performance.now() - t;
  const provider = document.createElement('tim-provider') as TimProvider;
  provider.core = core;
  provider.style.cssText = 'display:block;height:100vh';
  const chat = document.createElement('tim-chat') as TimChat;
  chat.conversationId = 'C2Cbob';
  provider.append(chat);
  document.body.append(provider);
  const store = await until(() => chat.store, 'the store');
  await until(() => store.state.conversations.value.length >= conversations, 'the conversations');
  const rows = () => [...chat.shadowRoot!.querySelectorAll<HTMLElement>('.scroller:not(.opening) .row[data-id]:not(.notice)')];
  await until(() => rows().length > 5, 'the history');
  await painted();
  const layer = () => chat.shadowRoot!.querySelector('tim-chat-actions');
  const menuOpen = () => !!layer()?.shadowRoot?.querySelector('tim-menu')?.shadowRoot?.querySelector('[popover]:popover-open');
  const rightClick = (row: HTMLElement) => {
    const r = row.querySelector('.bubble')!.getBoundingClientRect();
    row.querySelector('.bubble')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: r.left + 4, clientY: r.top + 4 }));
  };
  const closeMenu = async () => {
    layer()!.shadowRoot!.querySelector<HTMLElement & { close(): void }>('tim-menu')!.close();
    await until(() => !menuOpen(), 'the menu closed');
    await painted();
  };

  // The first menu: the chunk.
  const row = rows().at(-1)!;
  t = performance.now();
  rightClick(row);
  await until(menuOpen, 'the first menu');
  await painted();
  const chunkMs = performance.now() - t;
  await closeMenu();
  const opens: number[] = [];
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    rightClick(rows().at(-1 - (i % 4))!);
    await until(menuOpen, 'a menu');
    await painted();
    opens.push(performance.now() - t);
    await closeMenu();
  }

  // Multi-select.
  const actions = await chat.loadActions();
  const target = store.findMessage(rows().at(-1)!.dataset.id!)!;
  t = performance.now();
  await actions.run('select', target);
  await until(() => chat.shadowRoot!.querySelector('[part="select-bar"]') && chat.shadowRoot!.querySelector('.pick'), 'select mode');
  await painted();
  const selectModeMs = performance.now() - t;
  const toggles: number[] = [];
  for (const r of rows().slice(-8, -1)) {
    const before = chat.shadowRoot!.querySelector('[part="select-bar"] .count')!.textContent;
    t = performance.now();
    r.querySelector<HTMLElement>('.bubble')!.click();
    await until(() => chat.shadowRoot!.querySelector('[part="select-bar"] .count')!.textContent !== before, 'the count');
    await painted();
    toggles.push(performance.now() - t);
  }

  // The forward picker with every conversation.
  const bar = chat.shadowRoot!.querySelector('[part="select-bar"]')!;
  t = performance.now();
  [...bar.querySelectorAll('button')][0]!.click();
  const dialogRoot = () => layer()!.shadowRoot!;
  await until(() => dialogRoot().querySelectorAll('.targets li').length > 0, 'the picker');
  await painted();
  const pickerOpenMs = performance.now() - t;
  const pickerRows = dialogRoot().querySelectorAll('.targets li').length;
  const input = dialogRoot().querySelector<HTMLInputElement>('.forward input[type="search"]')!;
  t = performance.now();
  input.value = 'peer12';
  input.dispatchEvent(new Event('input'));
  await until(() => dialogRoot().querySelectorAll('.targets li').length < pickerRows, 'the filtered list');
  await painted();
  const filterMs = performance.now() - t;

  report({
    messageActions: {
      conversations,
      chunkMs: round(chunkMs),
      menuOpenMs: round(percentile(opens, 50)),
      selectModeMs: round(selectModeMs),
      toggleMs: round(percentile(toggles, 50)),
      pickerOpenMs: round(pickerOpenMs),
      pickerRows,
      filterMs: round(filterMs),
      importMs: round(importMs),
    },
  });
  provider.remove();
  await core.destroy();
}

run().catch(fail);
