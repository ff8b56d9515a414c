import { test, expect, type Page } from '@playwright/test';

// Each test gets a fresh database (the demo reads ?db=), so the seed is new and tests do not interfere.
const freshDb = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function loginAs(page: Page, db: string, userID: string) {
  await page.goto(`/?db=${db}`);
  await page.locator(`button[data-user="${userID}"]`).click();
  await expect(page.getByRole('button', { name: 'My profile' })).toBeVisible();
}

test('the login screen lists the seeded users and refuses an invalid user ID', async ({ page }) => {
  await page.goto(`/?db=${freshDb()}`);
  await expect(page.getByRole('heading', { name: 'tim-elements demo' })).toBeVisible();
  const users = page.locator('ul[aria-label="Demo users"] li');
  await expect(users).toHaveCount(await users.count());
  expect(await users.count()).toBeGreaterThanOrEqual(12);
  await page.getByLabel(/Or log in as any user ID/).fill('not valid!');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('1 to 32');
});

test('two pages as two users really chat: a message sent in one appears in the other', async ({ context }) => {
  const db = freshDb();
  const alice = await context.newPage();
  const bob = await context.newPage();
  await loginAs(alice, db, 'alice');
  await loginAs(bob, db, 'bob');
  const text = `hello bob ${Date.now()}`;
  // Bob's conversation list is on screen before the message exists.
  const aliceRow = bob.locator('tim-conversation [role="option"][data-id="C2Calice"]');
  await expect(aliceRow).toBeVisible();
  await alice.evaluate(async (t) => {
    // The sender goes through the store, as the composer does.
    const provider = document.querySelector('tim-demo-app')!.shadowRoot!.querySelector('tim-provider') as any;
    await provider.store.sendText('C2Cbob', t);
  }, text);
  // It shows in bob's list as the preview, then in the chat when he opens it.
  await expect(aliceRow).toContainText(text);
  await aliceRow.click();
  await expect(bob.locator('tim-chat').getByText(text)).toBeVisible();
});

test('logging in as the same user elsewhere logs the first page out, and it can log in again', async ({ context }) => {
  const db = freshDb();
  const first = await context.newPage();
  await loginAs(first, db, 'carol');
  const second = await context.newPage();
  await loginAs(second, db, 'carol');
  const dialog = first.getByRole('alertdialog');
  await expect(dialog).toContainText('logged in on another tab');
  await dialog.getByRole('button', { name: /Log in again/ }).click();
  await expect(first.getByRole('alertdialog')).toHaveCount(0);
  await expect(second.getByRole('alertdialog')).toContainText('Logged out');
});

test('an expired ticket shows the session-expired state', async ({ page }) => {
  await loginAs(page, freshDb(), 'dave');
  await page.evaluate(() => (window as any).timDemo.core.faults.expireTicket());
  await expect(page.getByRole('alertdialog')).toContainText('Session expired');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a profile\'s Back returns to where the user came from, and to the list from a profile opened by a link', async ({ page }) => {
    // Opened from a link (a new tab): nothing of the demo before it in the tab's history.
    await page.goto(`/?db=${freshDb()}#/profile/bob`);
    await page.locator('button[data-user="alice"]').click();
    const profile = page.locator('tim-profile');
    await expect(profile.locator('.header')).toContainText('Bob Smith');
    await profile.getByRole('button', { name: 'Back', exact: true }).tap();
    // The demo's list, not the page before the demo (history.back() left the demo).
    await expect(page.locator('tim-conversation [role="option"][data-id="C2Cbob"]')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/');
    // Within the demo: chat -> profile -> Back -> the same chat.
    await page.locator('tim-conversation [role="option"][data-id="C2Cbob"]').tap();
    await page.locator('tim-chat header').getByRole('button', { name: /^Bob \(work\)/ }).tap();
    await expect(profile.locator('.header')).toContainText('Bob Smith');
    await profile.getByRole('button', { name: 'Back', exact: true }).tap();
    await expect(page.locator('tim-chat header')).toContainText('Bob (work)');
    expect(new URL(page.url()).hash).toBe('#/chat/C2Cbob');
    // And the chat's Back, from there, to the list.
    await page.locator('tim-chat').getByRole('button', { name: 'Back', exact: true }).tap();
    expect(new URL(page.url()).hash).toBe('#/');
  });

  test('the browser back to the route a link opened, then the kit\'s Back: still the demo', async ({ page }) => {
    await page.goto(`/?db=${freshDb()}#/profile/bob`);
    await page.locator('button[data-user="alice"]').click();
    const profile = page.locator('tim-profile');
    await expect(profile.locator('.header')).toContainText('Bob Smith');
    await profile.getByRole('button', { name: 'Send message' }).tap();
    await expect(page.locator('tim-chat header')).toContainText('Bob (work)');
    // The browser's Back returns to the profile the link opened: the first route of this tab.
    await page.goBack();
    await expect(profile.locator('.header')).toContainText('Bob Smith');
    await profile.getByRole('button', { name: 'Back', exact: true }).tap();
    await expect(page.locator('tim-conversation [role="option"][data-id="C2Cbob"]')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/');
  });

  test('one pane at a time, nothing wider than the screen; a long press on a message opens its menu', async ({ page }) => {
    await loginAs(page, freshDb(), 'alice');
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await expect(page.locator('tim-conversation [role="option"][data-id="C2Cbob"]')).toBeVisible();
    expect(await width()).toBe(390);
    await page.locator('tim-conversation [role="option"][data-id="C2Cbob"]').tap();
    const input = page.locator('tim-chat').getByRole('textbox');
    await expect(input).toBeVisible();
    expect(await width()).toBe(390);
    // The composer's input is whole on screen.
    const box = (await input.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The first touch of all on a message: held, it opens the message's menu.
    const bubble = page.locator('tim-chat .row[data-id] .bubble').last();
    const b = (await bubble.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: b.x + 10, y: b.y + 10 }] });
    await expect(page.locator('tim-chat').getByRole('menuitem', { name: 'Reply' })).toBeVisible();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  });
});
