import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './accounts';

export { type Account, admin, createAccount, DEMO, DEMO_PASSWORD } from './accounts';
export { expect };

/** Signs in through the real form, as a person would, and waits for the shell. */
export async function signInAs(page: Page, email: string, password: string, path = '/analysis') {
  await page.goto(`/sign-in?from=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Axe violations as readable lines, so a failure says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

export const test = base.extend<{ signedIn: Page; storageUrl: string }>({
  signedIn: async ({ page }, use) => {
    await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD);
    await use(page);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  storageUrl: async ({}, use) => {
    await use(process.env.E2E_STORAGE_URL!);
  },
});
