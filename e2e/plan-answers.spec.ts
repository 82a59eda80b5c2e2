import { answers, ask } from './support/analysis';
import { expect, test } from './support/fixtures';

// What the query plan changes on the page (issue 10), against the real local API and its demo data: a time grain
// draws a line, a comparison of two windows draws grouped bars with a legend, and a clarification's buttons ask
// again with the chosen name and get an answer.

test('a month-by-month question draws a line chart, with its table a click away', async ({
  signedIn: page,
}) => {
  await ask(page, 'cases by month');
  const answer = answers(page).last();
  await expect(answer.getByText(/by month/).first()).toBeVisible();
  const chart = answer.getByRole('img').first();
  await expect(chart).toBeVisible();
  await expect(chart.locator('polyline.chart-line')).toHaveCount(1);
  await expect(chart.locator('rect.chart-bar')).toHaveCount(0);
  await answer.getByRole('button', { name: 'Table', exact: true }).first().click();
  await expect(answer.getByRole('table').first().getByRole('columnheader', { name: 'Month' })).toBeVisible();
});

test('two years compared draw grouped bars, one colour per year, with a legend', async ({
  signedIn: page,
}) => {
  await ask(page, 'total revenue 2024 vs 2025 by payor');
  const answer = answers(page).last();
  await expect(answer.getByText(/compared with 2025/).first()).toBeVisible();
  const chart = answer.getByRole('img').first();
  await expect(chart).toBeVisible();
  // Both windows have a bar for every payor: the second series is drawn, not pooled into the first.
  const first = await chart.locator('rect.chart-fill-0').count();
  expect(first).toBeGreaterThan(1);
  await expect(chart.locator('rect.chart-fill-1')).toHaveCount(first);
  // The legend names each window (SVG text, not the chart's hidden title).
  await expect(chart.locator('text', { hasText: '2024' }).first()).toBeVisible();
  await expect(chart.locator('text', { hasText: '2025' }).first()).toBeVisible();
});

test('two years by quarter draw one line per year over Q1 to Q4, each quarter beside its twin', async ({
  signedIn: page,
}) => {
  await ask(page, 'revenue by quarter 2025 vs 2024');
  const answer = answers(page).last();
  await expect(answer.getByText(/compared with 2025/).first()).toBeVisible();
  const chart = answer.getByRole('img').first();
  await expect(chart).toBeVisible();
  await expect(chart.locator('polyline.chart-line')).toHaveCount(2);
  await answer.getByRole('button', { name: 'Table', exact: true }).first().click();
  const table = answer.getByRole('table').first();
  await expect(table.getByRole('cell', { name: 'Q1', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Q4', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: /^2024-Q/ })).toHaveCount(0);
});

test('a name that matches several surgeons asks which, and the chosen button answers for that one', async ({
  signedIn: page,
}) => {
  await ask(page, 'average cost for Dr. Patel');
  const answer = answers(page).last();
  const options = answer.getByRole('group');
  await expect(options).toBeVisible();
  const buttons = options.getByRole('button');
  // The demo data has three surgeons named Patel (server/cases/demo-dimensions.ts): one button each.
  await expect(buttons).toHaveCount(3);
  const names = await options.locator('.clarify-name').allTextContents();
  expect([...names].sort()).toEqual(['Dr. Carlos Patel', 'Dr. Omar Patel', 'Dr. Sarah Patel']);
  const first = names[0]!;
  expect(await options.textContent()).not.toMatch(/Dr\. Dr\./);
  await buttons.first().click();
  await expect(answers(page)).toHaveCount(2);
  const chosen = answers(page).last();
  await expect(
    chosen.getByText(new RegExp(`I read this as.*${first.replace('.', '\\.')}`)).first(),
  ).toBeVisible();
  await expect(chosen.locator('.clarify')).toHaveCount(0);
  await expect(chosen.getByText(/\$[\d,]+/).first()).toBeVisible();
});
