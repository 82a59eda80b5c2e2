import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { seedDemoRows } from '../server/cases/demo-seed';
import { CREATE_CASES_TABLE } from '../server/cases/schema';
import { answers, ask } from './support/analysis';
import {
  axeViolations,
  createAccount,
  DEMO,
  DEMO_PASSWORD,
  expect,
  signInAs,
  test,
} from './support/fixtures';

let scratch: string;
test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-dashboard-'));
});
test.afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/**
 * The demo hospital's KPIs straight from SQL: the demo rows are generated again, deterministically, in an
 * in-memory DuckDB, and the figures computed here with nothing of the dashboard's code.
 */
async function independentKpis() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(CREATE_CASES_TABLE);
    const today = new Date().toISOString().slice(0, 10);
    await seedDemoRows(connection, 'hospital', {
      cases: Number(process.env.HP_DEMO_CASES ?? 60000),
      endDate: today,
    });
    const reader = await connection.runAndReadAll(`
      WITH w AS (
        SELECT max(admit_date) AS last,
          CAST(max(admit_date) - INTERVAL 12 MONTH + INTERVAL 1 DAY AS DATE) AS first,
          CAST(max(admit_date) - INTERVAL 24 MONTH + INTERVAL 1 DAY AS DATE) AS previous_first
        FROM cases)
      SELECT
        count(*) FILTER (WHERE admit_date >= w.first) AS cases,
        count(*) FILTER (WHERE admit_date >= w.previous_first AND admit_date < w.first) AS previous_cases,
        sum(hospital_revenue) FILTER (WHERE admit_date >= w.first) AS hospital_revenue,
        sum(cost) FILTER (WHERE admit_date >= w.first) AS cost,
        100 * sum(hospital_revenue - cost) FILTER (WHERE admit_date >= w.first)
          / sum(hospital_revenue) FILTER (WHERE admit_date >= w.first AND cost IS NOT NULL) AS margin,
        avg(los_days) FILTER (WHERE admit_date >= w.first) AS avg_los,
        avg(or_minutes) FILTER (WHERE admit_date >= w.first) AS avg_or_minutes,
        100 * avg(readmitted_30) FILTER (WHERE admit_date >= w.first) AS readmission_rate
      FROM cases, w WHERE admit_date <= w.last`);
    const [row] = reader.getRowObjectsJS();
    return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const tile = (page: Page, key: string) => page.locator(`li[data-kpi="${key}"]`);
const tileValue = async (page: Page, key: string) =>
  Number(await tile(page, key).locator('.kpi-value').getAttribute('data-value'));

test('signing in lands on the dashboard, whose KPIs equal independent SQL over the demo data', async ({
  page,
}) => {
  const expected = await independentKpis();
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(tile(page, 'cases')).toBeVisible();
  expect(await tileValue(page, 'cases')).toBe(expected.cases);
  for (const [key, digits] of [
    ['hospital_revenue', 2],
    ['cost', 2],
    ['margin', 2],
    ['avg_los', 2],
    ['avg_or_minutes', 1],
    ['readmission_rate', 2],
  ] as const) {
    expect(Math.abs((await tileValue(page, key)) - expected[key]!), key).toBeLessThanOrEqual(
      0.6 * 10 ** -digits,
    );
  }
  const change = (100 * (expected.cases! - expected.previous_cases!)) / expected.previous_cases!;
  await expect(tile(page, 'cases').locator('.kpi-change')).toContainText(
    `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)} %`,
  );
  await expect(page.getByRole('heading', { name: 'Top procedures by volume' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Top procedures by margin' })).toBeVisible();
  await expect(page.locator('.coverage-item', { hasText: 'Cases' }).first()).toContainText(
    new Intl.NumberFormat('en-US').format(Number(process.env.HP_DEMO_CASES ?? 60000)),
  );
});

test('a payor sees paid amount and discount rate, and margin refused with the reason', async ({ page }) => {
  await signInAs(page, DEMO.payor.email, DEMO_PASSWORD, '/');
  await expect(tile(page, 'paid_amount')).toBeVisible();
  await expect(tile(page, 'discount_rate')).toBeVisible();
  await expect(tile(page, 'margin')).toHaveCount(0);
  await expect(tile(page, 'hospital_revenue')).toHaveCount(0);
  await expect(page.getByText(/payor organization's data does not include/)).toBeVisible();
});

// ---- Pins --------------------------------------------------------------------------------------

function casesCsv(name: string, prefix: string, count: number) {
  const file = path.join(scratch, name);
  const lines = [
    'case_id,admit_date,discharge_date,procedure_code,procedure_name,payor,revenue,hospital_revenue,cost',
  ];
  for (let index = 0; index < count; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    lines.push(
      `${prefix}-${index},2026-0${1 + (index % 6)}-${day},2026-0${1 + (index % 6)}-${day},27447,Total knee arthroplasty,Aetna,30000,21000,18000`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function upload(page: Page, file: string, rows: number) {
  // Opened afresh, so the uploader starts empty rather than showing the last upload as done.
  await page.goto('/upload');
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
  await page.locator('.uppy-Dashboard-input').first().setInputFiles(file);
  await page.getByRole('button', { name: /^Upload \d+ files?$/ }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: path.basename(file), exact: true }) });
  await expect(row.getByText(`${rows} rows added`)).toBeVisible({ timeout: 30_000 });
}

/** Asks in Analysis and pins the answer with its own "Pin to dashboard" button. */
async function askAndPin(page: Page, question: string) {
  await page.getByRole('link', { name: 'Analysis' }).click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  await ask(page, question);
  const answer = answers(page).last();
  await answer.getByRole('button', { name: 'Pin to dashboard' }).click({ timeout: 90_000 });
  await expect(answer.getByText('Pinned.')).toBeVisible();
}

const cards = (page: Page) => page.getByRole('list', { name: 'Your cards' }).getByRole('article');
const cardTitles = (page: Page) => cards(page).locator('.pin-title').allTextContents();

test('pin an answer, see it follow new data, reorder by keyboard, remove; axe clean in both themes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password, '/');
  await expect(page.getByText(/No case data yet/)).toBeVisible();
  await upload(page, casesCsv('first.csv', 'A', 12), 12);

  await askAndPin(page, 'How many cases did we have in total?');
  await askAndPin(page, 'total revenue by payor');
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(cards(page)).toHaveCount(2);
  const first = cards(page).first();
  await expect(first.getByTestId('card-provenance')).toContainText('12 cases');
  await expect(first.getByTestId('card-provenance')).toContainText('data through Jun');

  // New data refreshes the card the next time the dashboard opens.
  await upload(page, casesCsv('second.csv', 'B', 5), 5);
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(cards(page).first().getByTestId('card-provenance')).toContainText('17 cases');

  // The question opens in Analysis as a new conversation.
  const question = await cards(page).first().locator('.pin-title').textContent();
  await cards(page).first().getByRole('link', { name: 'Open in Analysis' }).click();
  await expect(page).toHaveURL(/\/analysis\?c=cnv_/);
  // A new conversation holding just that question, read as a person reads it: its text, and the one Edit button.
  const thread = page.getByRole('log');
  await expect(thread.getByRole('button', { name: /^Edit question:/ })).toHaveCount(1);
  await expect(thread.getByRole('button', { name: `Edit question: ${question}`, exact: true })).toBeVisible();
  await expect(thread.getByText(question ?? '', { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();

  // Reorder by keyboard on the drag handle, and the order is kept.
  const before = await cardTitles(page);
  await cards(page)
    .first()
    .getByRole('button', { name: /^Reorder/ })
    .focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => cardTitles(page)).toEqual([before[1], before[0]]);
  await expect(page.getByRole('status').filter({ hasText: 'moved to position 2 of 2' })).toBeAttached();
  await expect(
    cards(page)
      .nth(1)
      .getByRole('button', { name: /^Reorder/ }),
  ).toBeFocused();
  await page.reload();
  await expect.poll(() => cardTitles(page)).toEqual([before[1], before[0]]);

  // Rename.
  await cards(page).first().getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Card title').fill('Revenue by payor');
  await page.getByLabel('Card title').press('Enter');
  await expect(cards(page).first().locator('.pin-title')).toHaveText('Revenue by payor');

  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [375, 'light'],
    [375, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await expect(cards(page).first().getByTestId('card-provenance')).toBeVisible();
    expect(await axeViolations(page), `${width} ${scheme}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} ${scheme}`).toBeLessThanOrEqual(0);
  }

  // Remove, after confirming.
  await cards(page).first().getByRole('button', { name: 'Remove' }).click();
  await cards(page).first().getByRole('button', { name: 'Remove card' }).click();
  await expect(cards(page)).toHaveCount(1);
  await page.reload();
  await expect(cards(page)).toHaveCount(1);
});

test('the demo dashboard passes axe in light and dark at 1280 and 375 px', async ({ page }) => {
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/');
  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [375, 'light'],
    [375, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await expect(tile(page, 'cases')).toBeVisible();
    expect(await axeViolations(page), `${width} ${scheme}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} ${scheme}`).toBeLessThanOrEqual(0);
  }
});
