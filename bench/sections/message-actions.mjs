// messageActions: <tim-chat>'s message menu, multi-select and forward picker in headless Chromium (see
// bench/pages/message-actions.ts for what each figure measures). BENCH_CONVERSATIONS changes how many
// conversations the forward picker lists.
import { runPage } from '../browser.mjs';

export async function run({ log }) {
  const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 500);
  log(`messageActions: ${conversations} conversations…`);
  return runPage('message-actions', { query: { conversations }, timeoutMs: 300_000, viewport: { width: 1000, height: 800 } });
}
