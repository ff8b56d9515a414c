// conversationList: <tim-conversation> with 10,000 conversations in headless Chromium (see
// bench/pages/conversation-list.ts for what each figure measures).
import { runPage } from '../browser.mjs';

export async function run({ log }) {
  const n = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
  log(`conversation list: importing ${n} conversations into LocalCore (slow: bulkImport writes each conversation)…`);
  const result = await runPage('conversation-list', { query: { n }, timeoutMs: 600_000, viewport: { width: 420, height: 800 } });
  return result;
}
