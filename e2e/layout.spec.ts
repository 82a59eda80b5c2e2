import type { Page } from '@playwright/test';
import { answers, ask } from './support/analysis';
import { admin, axeViolations, createAccount, expect, signInAs, test } from './support/fixtures';

/** How far the page scrolls sideways; a phone layout must not. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('on a phone, in the dark', () => {
  test.use({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });

  test('the header takes two rows and no page scrolls sideways', async ({ page }) => {
    const account = createAccount('hospital');
    admin(['key:create', '--org', account.orgId, '--name', 'a-rather-long-warehouse-export-key', '--json']);
    await signInAs(page, account.email, account.password, '/settings');

    const header = page.locator('.shell-header');
    const { height } = (await header.boundingBox())!;
    expect(height).toBeLessThan(100);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(header.getByText(account.orgName)).toBeVisible();
    // The health words give way to the dot on a phone, but screen readers still hear them.
    await expect(page.getByRole('status').filter({ hasText: 'API healthy' })).toBeAttached();

    await expect(page.getByRole('rowheader', { name: 'a-rather-long-warehouse-export-key' })).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Upload' }).click();
    await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);

    await page.getByRole('link', { name: 'Analysis' }).click();
    await expect(page.getByRole('button', { name: 'New conversation' })).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an answer table fits: figures stay whole and the page does not scroll sideways', async ({ page }) => {
    await signInAs(page, 'analyst@mercy.example', 'healthproximate-demo');
    await ask(page, 'total cost by surgeon last year');
    const answer = answers(page).last();
    await answer.getByRole('button', { name: 'Table', exact: true }).click();
    const figure = answer.getByRole('table').first().getByRole('cell').nth(1);
    await expect(figure).toContainText('$');
    // One line high: a dollar amount is never broken across lines.
    const lineHeight = await figure.evaluate((cell) => Number.parseFloat(getComputedStyle(cell).lineHeight));
    expect((await figure.boundingBox())!.height).toBeLessThan(lineHeight * 2);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
