// profile: <tim-profile> with 5,000 friends and a 2,000-member group in headless Chromium (see
// bench/pages/profile.ts for what each figure measures). BENCH_FRIENDS / BENCH_MEMBERS change the sizes.
import { runPage } from '../browser.mjs';

export async function run({ log }) {
  const friends = Number(process.env.BENCH_FRIENDS ?? 5_000);
  const members = Number(process.env.BENCH_MEMBERS ?? 2_000);
  log(`profile: ${friends} friends, a group of ${members}…`);
  return runPage('profile', { query: { friends, members }, timeoutMs: 600_000, viewport: { width: 720, height: 800 } });
}
