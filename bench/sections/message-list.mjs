// messageList: one conversation of 1,000 / 10,000 / 100,000 messages in <tim-chat>, and the same messages
// in vue-advanced-chat 2.1.2 (a dev dependency of the bench only: `npm ci --prefix bench`), in the same
// run, with ratios (vue-advanced-chat ÷ tim-chat: above 1, tim-chat is better, as every figure here is
// "lower is better"). See bench/pages/message-list.ts for what each figure measures.
// BENCH_MESSAGES=1000,10000 limits the sizes; BENCH_PEER=0 skips vue-advanced-chat.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPage } from '../browser.mjs';

const KEYS = ['firstPaintMs', 'domNodes', 'heapMB', 'scrollP95Ms', 'prependJumpPx', 'jumpToMessageMs', 'domNodesAllLoaded', 'allLoadedMs'];

export async function run({ log }) {
  const sizes = (process.env.BENCH_MESSAGES ?? '1000,10000,100000').split(',').map(Number);
  const peer = process.env.BENCH_PEER !== '0' && existsSync(join(import.meta.dirname, '..', 'node_modules', 'vue-advanced-chat'));
  if (!peer) log('message list: vue-advanced-chat not installed (npm ci --prefix bench) or BENCH_PEER=0: measuring tim-chat only');
  const messageList = {};
  const vueAdvancedChat = {};
  const ratios = {};
  for (const n of sizes) {
    const key = `n${n}`;
    log(`message list: tim-chat, ${n} messages (LocalCore's bulkImport first: slow for large N)…`);
    messageList[key] = await runPage('message-list', { query: { n, lib: 'tim' }, timeoutMs: 3_600_000, viewport: { width: 720, height: 800 } }).catch((e) => ({ error: String(e.message ?? e).slice(0, 300) }));
    if (!peer) continue;
    log(`message list: vue-advanced-chat, ${n} messages…`);
    vueAdvancedChat[key] = await runPage('message-list', { query: { n, lib: 'vac' }, timeoutMs: 600_000, viewport: { width: 720, height: 800 } }).catch((e) => ({ error: String(e.message ?? e).slice(0, 300) }));
    ratios[key] = Object.fromEntries(
      KEYS.map((k) => {
        const ours = messageList[key][k];
        const theirs = vueAdvancedChat[key][k];
        return [k, typeof ours === 'number' && typeof theirs === 'number' && ours > 0 ? Math.round((theirs / ours) * 100) / 100 : null];
      }),
    );
  }
  return { messageList: { ...messageList, ...(peer ? { vueAdvancedChat, ratios } : {}) } };
}
