import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { url } from './hosts.js';

// The built Storybook (storybook-static/, served as static files): every entry of its index.json, each
// story and each docs page, opened in Chromium; none may log a console error or throw. Then screenshots of
// the full-app story in light and dark and of an element's docs page.

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

mkdirSync('screenshots', { recursive: true });

/** Stories that first build a large database (100,000 messages, 600 friends: tens of seconds on two cores);
 * the sweep leaves them out for time. Their elements' tests and benches cover those sizes. */
const HEAVY = /--(hundred-thousand-messages|friends-six-hundred)$/;

async function entries(page: Page): Promise<Entry[]> {
  const response = await page.request.get(url('storybook', '/index.json'));
  expect(response.ok()).toBe(true);
  const index = (await response.json()) as { entries: Record<string, Entry> };
  return Object.values(index.entries);
}

/**
 * Shows one entry in the preview the way Storybook's sidebar does (the manager asks the preview iframe to
 * set the current story; no reload), and resolves with how it ended: `rendered`, or the error event.
 */
function show(page: Page, entry: Entry): Promise<string> {
  return page.evaluate(
    ({ id, type }) =>
      new Promise<string>((resolve) => {
        type Channel = { on(e: string, f: (...a: unknown[]) => void): void; off(e: string, f: (...a: unknown[]) => void): void; emit(e: string, ...a: unknown[]): void };
        const channel = (window as unknown as { __STORYBOOK_PREVIEW__: { channel: Channel } }).__STORYBOOK_PREVIEW__.channel;
        const outcomes: Record<string, string> = {
          storyRendered: 'rendered',
          docsRendered: 'rendered',
          storyErrored: 'story errored',
          storyThrewException: 'story threw',
          playFunctionThrewException: 'play function threw',
          storyMissing: 'story missing',
        };
        const handlers = Object.entries(outcomes).map(([event, outcome]) => {
          const handler = (...args: unknown[]) => {
            if (event === 'storyRendered' && args[0] !== id) return;
            const detail = args[0] && typeof args[0] === 'object' ? `: ${JSON.stringify(args[0]).slice(0, 300)}` : '';
            done(outcome === 'rendered' ? outcome : outcome + detail);
          };
          channel.on(event, handler);
          return [event, handler] as const;
        });
        const timer = setTimeout(() => done('not rendered within 30 s'), 30_000);
        function done(outcome: string) {
          clearTimeout(timer);
          for (const [event, handler] of handlers) channel.off(event, handler);
          resolve(outcome);
        }
        channel.emit('setCurrentStory', { storyId: id, viewMode: type });
      }),
    { id: entry.id, type: entry.type },
  );
}

const previewReady = (page: Page) =>
  page.waitForFunction(() => !!(window as unknown as { __STORYBOOK_PREVIEW__?: { channel?: unknown } }).__STORYBOOK_PREVIEW__?.channel);

test('every story and docs page of the built Storybook renders without console errors', async ({ page }) => {
  test.setTimeout(300_000);
  const all = await entries(page);
  expect(all.filter((e) => e.type === 'story').length).toBeGreaterThan(50);
  // Each element has a docs page made from custom-elements.json, and so do the guides.
  const docs = all.filter((e) => e.type === 'docs').map((e) => e.title);
  for (const title of ['Avatar/tim-avatar', 'Chat/tim-chat', 'Conversation/tim-conversation', 'Profile/tim-profile', 'Provider/tim-provider', 'Search/tim-search', 'Status/tim-status', 'Unread count/tim-unread-count', 'Guides/Embed', 'Full app'])
    expect(docs, `a docs page for ${title}`).toContain(title);

  const problems: string[] = [];
  let current = 'the preview';
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url;
    // Not the kit's errors: the browser's own favicon request (the static preview has none), and a story's
    // remote image URL, which the closed test network cannot resolve (a real browser loads it).
    if (/\/favicon\.ico$/.test(where)) return;
    if (/net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED)/.test(m.text()) && !where.startsWith('http://127.0.0.1')) return;
    problems.push(`${current}: console error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`${current}: page error: ${e.message}`));
  await page.goto(url('storybook', '/iframe.html'));
  const slow: string[] = [];
  for (const entry of all) {
    if (HEAVY.test(entry.id)) continue;
    current = `${entry.id} (${entry.type})`;
    const started = Date.now();
    // The preview reloads itself now and then (e.g. when a story changes what it needs): show it again then.
    await previewReady(page);
    const outcome = await show(page, entry).catch(async (error: Error) => {
      if (!/context was destroyed|navigation|reading 'channel'/i.test(error.message)) throw error;
      console.log(`${current}: the preview reloaded; showing it again`);
      await page.waitForLoadState('load');
      await previewReady(page);
      return show(page, entry);
    });
    if (outcome !== 'rendered') problems.push(`${current}: ${outcome}`);
    // A moment for what a story does after its first render (loading history, a fault a story injects).
    await page.waitForTimeout(150);
    if (await page.locator('body.sb-show-errordisplay').count()) problems.push(`${current}: Storybook shows an error: ${await page.locator('#error-message').innerText()}`);
    const ms = Date.now() - started;
    if (ms > 3000) slow.push(`${entry.id} ${ms} ms`);
  }
  if (slow.length) console.log(`slow entries: ${slow.join(', ')}`);
  expect(problems).toEqual([]);
});

test('docs pages list what the manifest says: attributes, properties, events, slots, parts, CSS properties', async ({ page }) => {
  await page.goto(url('storybook', '/iframe.html?id=chat-tim-chat--docs&viewMode=docs'));
  const table = page.locator('.docblock-argstable').first();
  await expect(table).toBeVisible({ timeout: 20_000 });
  for (const section of ['attributes', 'properties', 'events', 'slots', 'css shadow parts', 'css custom properties'])
    await expect(table.getByText(section, { exact: true }).first(), section).toBeAttached();
  await expect(table).toContainText('conversation-id');
  await expect(table).toContainText('tim-navigate');
  // The page's first story renders live above the table.
  await expect(page.locator('#storybook-docs tim-chat header').first()).toContainText('Bob (work)', { timeout: 20_000 });
  await expect(page.locator('#storybook-docs tim-chat').first().getByRole('article').first()).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'screenshots/storybook-docs-chat.png', fullPage: false });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the full-app story, ${theme}: a conversation, then a profile from an avatar`, async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.goto(url('storybook', `/iframe.html?id=full-app--full-app&viewMode=story&globals=theme:${theme}`));
    const row = page.locator('tim-conversation [role="option"][data-id="C2Cbob"]');
    await row.click();
    await expect(page.locator('tim-chat header')).toContainText('Bob (work)');
    await expect(page.locator('tim-chat').getByRole('article').first()).toBeVisible();
    await page.screenshot({ path: `screenshots/storybook-full-app-${theme}.png` });
    await page.locator('tim-chat header').getByRole('button', { name: /^Bob \(work\)/ }).click();
    await expect(page.locator('tim-profile .header')).toContainText('Bob Smith');
    await page.screenshot({ path: `screenshots/storybook-full-app-profile-${theme}.png` });
  });
}
