// composer: <tim-chat>'s composer in headless Chromium, on LocalCore with the demo seed (see
// bench/pages/composer.ts for what each figure measures).
import { runPage } from '../browser.mjs';

export async function run({ log }) {
  log('composer: load, keystrokes, emoji search, mentions, send…');
  return runPage('composer', { timeoutMs: 300_000, viewport: { width: 900, height: 800 } });
}
