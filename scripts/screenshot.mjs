// Takes a screenshot of a page in headless Chromium, for looking at what we build.
//   node scripts/screenshot.mjs <url> <out.png> [--width 1200] [--height 800] [--dark] [--wait 1500]
//     [--click "css selector"]... [--eval "js expression"]
// Prints console errors of the page. Screenshots go under screenshots/ (git-ignored) by convention.
import { chromium } from 'playwright';
import { launchOptions } from './browser.mjs';

const args = process.argv.slice(2);
const [url, out] = args;
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [--width N] [--height N] [--dark] [--wait ms] [--click sel] [--eval js]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const all = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));

const browser = await chromium.launch(await launchOptions());
const page = await browser.newPage({
  viewport: { width: Number(opt('width', 1200)), height: Number(opt('height', 800)) },
  colorScheme: args.includes('--dark') ? 'dark' : 'light',
});
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(Number(opt('wait', 1500)));
for (const sel of all('click')) {
  await page.locator(sel).first().click();
  await page.waitForTimeout(500);
}
for (const js of all('eval')) {
  await page.evaluate(js);
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out });
await browser.close();
console.log(out);
