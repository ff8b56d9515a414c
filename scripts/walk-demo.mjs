// Walks the demo as a user would and takes a screenshot at each step (screenshots/walk-<theme>-N-*.png), then
// prints the page's console warnings and errors. Start the demo first (`npx vite --port 5200 --strictPort`).
//   node scripts/walk-demo.mjs [--dark] [--base http://localhost:5200]
// Steps: log in as alice, open the Product Team group, open Bob and send a message (his conversation must
// come to the top of the list), right-click that message (the menu), Bob's profile, a search.
import { chromium } from 'playwright';
import { launchOptions } from './browser.mjs';
const dark = process.argv.includes('--dark');
const tag = dark ? 'dark' : 'light';
const base = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : 'http://localhost:5200';
const browser = await chromium.launch(await launchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, colorScheme: dark ? 'dark' : 'light' });
const warnings = new Map();
page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) { const k = m.text().slice(0, 160); warnings.set(k, (warnings.get(k) ?? 0) + 1); } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`${base}/?db=walk-${tag}-${Date.now()}`);
await page.locator('button[data-user="alice"]').click();
await page.waitForTimeout(2500);
await page.screenshot({ path: `screenshots/walk-${tag}-1-list.png` });
await page.locator('[data-id="GROUPteam"]').first().click();
await page.waitForTimeout(2000);
await page.screenshot({ path: `screenshots/walk-${tag}-2-group.png` });
await page.locator('[data-id="C2Cbob"]').first().click();
await page.waitForTimeout(1500);
const input = page.locator('tim-chat').locator('textarea');
await input.fill('Walk check: 你好 안녕 👋');
await input.press('Enter');
await page.waitForTimeout(2500);
await page.screenshot({ path: `screenshots/walk-${tag}-3-bob-sent.png` });
// right-click own last message → actions menu
const rows = page.locator('tim-chat').locator('.row[data-id] .bubble');
await rows.last().click({ button: 'right' });
await page.waitForTimeout(1200);
await page.screenshot({ path: `screenshots/walk-${tag}-4-menu.png` });
await page.keyboard.press('Escape');
// profile via header avatar/name
await page.locator('tim-chat').locator('tim-avatar').first().click();
await page.waitForTimeout(2000);
await page.screenshot({ path: `screenshots/walk-${tag}-5-profile.png` });
await page.getByText('Search', { exact: true }).first().click();
await page.waitForTimeout(1500);
const search = page.locator('tim-search').locator('input').first();
if (await search.count()) { await search.fill('hike'); await page.waitForTimeout(1500); }
await page.screenshot({ path: `screenshots/walk-${tag}-6-search.png` });
console.log([...warnings].map(([k, n]) => `${n}× ${k}`).join('\n') || 'no console warnings/errors');
await browser.close();
