// search: LocalCore's indexed message search over 100,000 stored messages, and <tim-search> painting the
// answer, in headless Chromium (see bench/pages/search.ts for what each figure measures). Importing
// 100,000 messages into IndexedDB takes minutes on a loaded machine: the figure says how long.
// BENCH_SEARCH=10000,100000 changes the sizes.
import { runPage } from '../browser.mjs';

export async function run({ log }) {
  const sizes = (process.env.BENCH_SEARCH ?? '100000').split(',').map(Number);
  const search = {};
  for (const n of sizes) {
    log(`search: ${n} messages (bulkImport first: slow for large N)…`);
    Object.assign(search, await runPage('search', { query: { n }, timeoutMs: 3_600_000, viewport: { width: 720, height: 800 } }).catch((e) => ({ [`n${n}`]: { error: String(e.message ?? e).slice(0, 300) } })));
  }
  return { search };
}
