import { test, expect, type Page } from '@playwright/test';

// A friend request between two pages of the demo, as two users on one (local) service. In the seed, dave
// asks his friend requests to be confirmed and has himself asked alice: alice declines that, then sends
// her own request, which dave sees in his requests and accepts.
const freshDb = () => `e2e-friends-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function loginAs(page: Page, db: string, userID: string) {
  await page.goto(`/?db=${db}`);
  await page.locator(`button[data-user="${userID}"]`).click();
  await expect(page.getByRole('button', { name: 'My profile' })).toBeVisible();
}

/** The relationship badge of the profile shown. */
const badge = (page: Page) => page.locator('tim-profile .header .badge');

test('alice sends a friend request, dave sees it in his requests and accepts, and both show "friend"', async ({ context }) => {
  const db = freshDb();
  const alice = await context.newPage();
  const dave = await context.newPage();
  await loginAs(alice, db, 'alice');
  await loginAs(dave, db, 'dave');

  // alice turns down dave's own pending request first, so hers is a real request.
  await alice.goto(`/?db=${db}#/requests`);
  const incoming = alice.locator('tim-profile li[data-user="dave"]');
  await expect(incoming).toContainText('Hi Alice, we met at the conference!');
  await incoming.getByRole('button', { name: 'Decline' }).click();
  await expect(alice.locator('tim-profile [part="notice"]')).toContainText('You declined Dave Miller’s request.');

  await alice.goto(`/?db=${db}#/profile/dave`);
  await expect(badge(alice)).toHaveText('Not a friend');
  await alice.getByRole('button', { name: 'Add friend' }).click();
  await expect(alice.getByRole('dialog', { name: 'Add Dave Miller as a friend' })).toBeVisible();
  // The form's fields are the dialog's slotted content.
  const form = alice.locator('tim-dialog.editor');
  await form.getByLabel('Message').fill('Hi Dave, Alice here from the conference!');
  await form.getByLabel('Remark (optional, only you see it)').fill('Dave (conference)');
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(alice.locator('tim-profile [part="notice"]')).toContainText('Request sent. Dave Miller needs to accept it.');
  await expect(badge(alice)).toHaveText('Request sent');

  // dave's page hears about it through the service (another tab), without a reload.
  await dave.goto(`/?db=${db}#/requests`);
  const request = dave.locator('tim-profile li[data-user="alice"]');
  await expect(request).toContainText('Hi Dave, Alice here from the conference!');
  await expect(request).toContainText('Alice Chen');
  await request.getByRole('button', { name: 'Accept' }).click();
  await expect(dave.getByRole('dialog', { name: 'Accept' })).toBeVisible();
  const accept = dave.locator('tim-dialog.editor');
  await accept.getByLabel('Remark for Alice Chen (optional)').fill('Alice from the conference');
  await accept.getByRole('button', { name: 'Accept' }).click();
  await expect(dave.locator('tim-profile [part="notice"]')).toContainText('You and Alice Chen are now friends.');
  await expect(request).toHaveCount(0);

  await dave.goto(`/?db=${db}#/profile/alice`);
  await expect(badge(dave)).toHaveText('Friend');
  await expect(dave.locator('tim-profile .header .name')).toHaveText('Alice from the conference');
  // alice's page, still on dave's profile, follows live.
  await expect(badge(alice)).toHaveText('Friend');
  await expect(alice.locator('tim-profile .header .name')).toHaveText('Dave (conference)');
});
