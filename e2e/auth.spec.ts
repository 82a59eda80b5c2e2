import {
  axeViolations,
  createAccount,
  DEMO,
  DEMO_PASSWORD,
  expect,
  signInAs,
  test,
} from './support/fixtures';

test('a protected URL sends you to sign-in, then lands you on the page you asked for', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?from=%2Fsettings/);
  await page.getByLabel('Email').fill(DEMO.hospital.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByText(DEMO.hospital.organization)).toBeVisible();
  await expect(header.getByRole('status').filter({ hasText: /API (healthy|degraded)/ })).toBeVisible();
});

test('a signed-out visit to sign-in logs nothing to the console: the session check answers 204', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  const check = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/refresh/'));
  await page.goto('/settings');
  expect((await check).status()).toBe(204);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel('Email')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a reload keeps you signed in without any token in web storage', async ({ page }) => {
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/upload');
  await page.reload();
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'hp_refresh')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
});

test('sign out ends the session; protected URLs then lead to sign-in', async ({ page }) => {
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/analysis');
  await expect(page).toHaveURL(/\/sign-in\?from=%2Fanalysis/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password and an unknown email show the same message', async ({ page }) => {
  const account = createAccount();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(/do not match an account/);
  const wrongPassword = await alert.textContent();
  await page.getByLabel('Email').fill('nobody-here@e2e.example');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText(wrongPassword!);
});

test('the form checks its fields before sending', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/auth/login/')) requests.push(request.url());
  });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(requests).toHaveLength(0);
});

test('after 15 idle minutes a warning offers to stay, then signs out', async ({ page }) => {
  await page.clock.install();
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD);
  await page.clock.runFor(14 * 60_000 + 5_000);
  const warning = page.getByRole('alertdialog', { name: 'Still there?' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  await page.clock.runFor(14 * 60_000 + 5_000);
  await expect(warning).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('signed out after a period without activity')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign-in and the shell have no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/does-not-exist');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the shell fits a 375 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/settings');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('link', { name: 'Upload' })).toBeVisible();
});

test('pages carry a strict content security policy', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
});
