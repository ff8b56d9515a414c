import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { url } from './hosts.js';

// The three examples, each built from the packed tarball (examples/tim-elements.tgz) and served as static
// files: the same walk through each, as a user of that page would do it. Screenshots land in screenshots/.
const EXAMPLES = [
  { host: 'html', title: 'plain HTML' },
  { host: 'react', title: 'React' },
  { host: 'vue', title: 'Vue' },
] as const;

mkdirSync('screenshots', { recursive: true });

/** Console errors and uncaught exceptions of a page, to be empty at the end. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

async function logIn(page: Page, userID: string) {
  await page.getByLabel('User').selectOption(userID);
  await page.getByRole('button', { name: 'Log in' }).click();
}

for (const { host, title } of EXAMPLES) {
  test.describe(`${title} example`, () => {
    test('log in, open a chat, open a profile from an avatar, go back, search, and back to the list', async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(url(host));
      await logIn(page, 'alice');

      // The list is live and keyed by conversation; alice's remark for bob is "Bob (work)".
      const row = page.locator('tim-conversation [role="option"][data-id="C2Cbob"]');
      await expect(row).toContainText('Bob (work)');
      await expect(page.getByText('Pick a conversation.')).toBeVisible();
      await row.click();

      // The host routed the list's tim-navigate to <tim-chat>, and told the list which row is open.
      const chat = page.locator('tim-chat');
      await expect(chat.locator('header')).toContainText('Bob (work)');
      await expect(chat.getByRole('article').first()).toBeVisible();
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await page.screenshot({ path: `screenshots/example-${host}-chat.png` });

      // The header's title asks for bob's profile; the host shows <tim-profile>.
      await chat.locator('header').getByRole('button', { name: /^Bob \(work\)/ }).click();
      await expect(page.locator('tim-profile .header')).toContainText('Bob Smith');
      await expect(page.locator('tim-chat')).toHaveCount(0);
      await page.screenshot({ path: `screenshots/example-${host}-profile.png` });

      // The browser's Back returns to the chat.
      await page.goBack();
      await expect(page.locator('tim-chat header')).toContainText('Bob (work)');
      await expect(page.locator('tim-profile')).toHaveCount(0);

      // The chat's search button asks for search in this conversation; the host shows <tim-search>.
      await page.locator('tim-chat').getByRole('button', { name: 'Search in this conversation' }).click();
      await expect(page.locator('tim-search')).toBeVisible();
      await expect(page.locator('tim-search').getByRole('combobox', { name: 'Search this conversation' })).toBeVisible();
      await page.goBack();
      await expect(page.locator('tim-chat header')).toContainText('Bob (work)');

      // The chat's own Back button is a `back` intent: the host goes back in its history, to the list alone.
      await page.locator('tim-chat').getByRole('button', { name: 'Back', exact: true }).click();
      await expect(page.getByText('Pick a conversation.')).toBeVisible();
      await expect(row).toHaveAttribute('aria-selected', 'false');

      expect(errors).toEqual([]);
    });

    // The React example keeps its routes in history.state, not in the URL: no link opens a route there.
    if (host !== 'react') {
      test('a route opened by a link: the kit\'s Back goes to the list, not off the page, also after the browser\'s Back', async ({ page }) => {
        const errors = watchErrors(page);
        await page.goto(`${url(host)}#/profile/bob`);
        await logIn(page, 'alice');
        const profile = page.locator('tim-profile');
        await expect(profile.locator('.header')).toContainText('Bob Smith');
        await profile.getByRole('button', { name: 'Send message' }).click();
        await expect(page.locator('tim-chat header')).toContainText('Bob (work)');
        // The browser's Back, to the route the link opened; then the profile's own Back.
        await page.goBack();
        await expect(profile.locator('.header')).toContainText('Bob Smith');
        await profile.getByRole('button', { name: 'Back', exact: true }).click();
        await expect(page.getByText('Pick a conversation.')).toBeVisible();
        expect(new URL(page.url()).origin).toBe(new URL(url(host)).origin);
        expect(errors).toEqual([]);
      });
    }

    test('on a phone: one pane at a time, nothing wider than the screen', async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto(url(host));
      // The login form fits (a long name in the select made it 615 px wide, its button off screen).
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      expect(await width()).toBe(390);
      await page.getByLabel('User').selectOption('alice');
      await page.getByRole('button', { name: 'Log in' }).tap();
      const row = page.locator('tim-conversation [role="option"][data-id="C2Cbob"]');
      await expect(row).toBeVisible();
      expect((await row.boundingBox())!.width).toBeGreaterThan(350);
      await row.tap();
      const input = page.locator('tim-chat').getByRole('textbox');
      await expect(input).toBeVisible();
      await expect(page.locator('tim-conversation')).toBeHidden();
      expect(await width()).toBe(390);
      const box = (await input.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await page.locator('tim-chat').getByRole('button', { name: 'Back', exact: true }).tap();
      await expect(row).toBeVisible();
      expect(errors).toEqual([]);
      await context.close();
    });

    test('dark system theme: the kit follows it', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      const errors = watchErrors(page);
      await page.goto(url(host));
      await logIn(page, 'lilei');
      await page.locator('tim-conversation [role="option"][data-id^="GROUP"]').first().click();
      await expect(page.locator('tim-chat').getByRole('article').first()).toBeVisible();
      // Dark tokens: the list's background is dark.
      const bg = await page.locator('tim-conversation').evaluate((el) => getComputedStyle(el).getPropertyValue('--tim-color-bg').trim());
      expect(bg).not.toBe('');
      const [r, g, b] = await page.locator('tim-conversation').evaluate((el) => {
        const probe = document.createElement('div');
        probe.style.color = getComputedStyle(el).getPropertyValue('--tim-color-bg');
        el.append(probe);
        const rgb = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
        probe.remove();
        return rgb;
      });
      expect(r! + g! + b!).toBeLessThan(200);
      await page.screenshot({ path: `screenshots/example-${host}-dark.png` });
      expect(errors).toEqual([]);
    });
  });
}
