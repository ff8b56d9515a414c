import { test, expect, type Page } from '@playwright/test';

// Each test gets a fresh database (the demo reads ?db=), so the seed is new and tests do not interfere.
const freshDb = () => `e2e-search-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function loginAs(page: Page, userID: string) {
  await page.goto(`/?db=${freshDb()}`);
  await page.locator(`button[data-user="${userID}"]`).click();
  await expect(page.getByRole('button', { name: 'My profile' })).toBeVisible();
}

async function openSearch(page: Page) {
  await page.getByRole('navigation', { name: 'Demo' }).getByRole('link', { name: 'Search' }).click();
  const field = page.getByRole('combobox', { name: 'Search contacts, groups and messages' });
  await expect(field).toBeVisible();
  return field;
}

test('search a word, open the message result: the chat opens at that message, highlighted', async ({ page }) => {
  await loginAs(page, 'alice');
  const field = await openSearch(page);
  await field.fill('release notes');
  const result = page.getByRole('option', { name: /release notes/ });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText(['release', 'notes']);
  await result.click();
  await expect(page).toHaveURL(/#\/chat\/C2Cbob\?message=/);
  const row = page.locator('tim-chat .row.highlight');
  await expect(row).toContainText('Can you look at the release notes?');
  await expect(row).toBeInViewport();
});

test("a conversation's several hits open in place; the keyboard opens one in the chat", async ({ page }) => {
  await loginAs(page, 'alice');
  const field = await openSearch(page);
  await field.fill('sync');
  const bob = page.getByRole('option', { name: /Bob \(work\).*matching messages/ });
  await expect(bob).toBeVisible();
  await bob.click();
  await expect(page.locator('tim-search [part="scope"]')).toContainText('Bob (work)');
  const hits = page.getByRole('option', { name: /sync/i });
  await expect(hits.first()).toBeVisible();
  const text = (await hits.first().locator('.detail').textContent())!.trim();
  // Inside a conversation the field is named for it.
  const scoped = page.getByRole('combobox', { name: 'Search this conversation' });
  await expect(scoped).toHaveValue('sync');
  await scoped.press('ArrowDown');
  await scoped.press('Enter');
  await expect(page).toHaveURL(/#\/chat\/C2Cbob\?message=/);
  await expect(page.locator('tim-chat .row.highlight')).toContainText(text);
});

test('Ctrl+F in a chat finds a word and steps through its hits', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.locator('tim-conversation').getByText('Bob (work)').first().click();
  await expect(page.locator('tim-chat .row').first()).toBeVisible();
  await page.locator('tim-chat [part="history"]').focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find in this conversation' });
  await expect(find).toBeFocused();
  await find.fill('sync');
  await expect(page.locator('tim-chat-find .count')).toHaveText(/^1 of \d+$/);
  await expect(page.locator('tim-chat .row.highlight')).toContainText(/sync/i);
  await find.press('Enter');
  await expect(page.locator('tim-chat-find .count')).toHaveText(/^2 of \d+$/);
  await find.press('Escape');
  await expect(find).toHaveCount(0);
});
