import type { Page } from '@playwright/test';
import { answerReading, answers, ask } from './support/analysis';
import { accessToken, kneeCasesCsv, uploadCases } from './support/case-upload';
import { axeViolations, createAccount, expect, signInAs, test } from './support/fixtures';

const QUESTION = 'total revenue by payor last year';

/** Records when each part of the answer first appears, to check the order it builds up in. */
async function watchOrder(page: Page) {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    const selectors = {
      steps: '.message.assistant .step-timeline li',
      table: '.message.assistant .result-block',
      chart: '.message.assistant .svg-chart',
      answer: '.message.assistant .answer-text',
    };
    new MutationObserver(() => {
      for (const [name, selector] of Object.entries(selectors)) {
        if (seen[name] === undefined && document.querySelector(selector)) seen[name] = performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
    (window as unknown as { answerOrder: typeof seen }).answerOrder = seen;
  });
  return () =>
    page.evaluate(() => (window as unknown as { answerOrder: Record<string, number> }).answerOrder);
}

test('an answer builds up: steps first, then the table and chart, then the written answer', async ({
  signedIn: page,
}) => {
  await expect(
    page.getByRole('list', { name: 'Example questions' }).getByRole('button').first(),
  ).toBeVisible();
  const order = await watchOrder(page);
  await ask(page, QUESTION);
  const answer = answers(page).last();
  await expect(answer.getByRole('list', { name: 'Steps' }).getByText('Reading the question')).toBeVisible();
  await expect(answer.getByRole('img', { name: /Total revenue by payor/ })).toBeVisible();
  await expect(
    answer.getByText(/I read this as total revenue of all cases by payor, .*[\d,]+ cases\./),
  ).toBeVisible();
  const seen = await order();
  expect(seen.steps).toBeLessThanOrEqual(seen.table!);
  expect(seen.table).toBeLessThanOrEqual(seen.chart!);
  expect(seen.table).toBeLessThanOrEqual(seen.answer!);

  // The question stays at the top of the view with the answer below it; a way down is offered.
  const thread = page.getByRole('log');
  const distanceToBottom = () =>
    thread.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  const jump = page.getByRole('button', { name: 'Jump to latest ↓' });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(jump).toBeHidden();
  await expect.poll(distanceToBottom).toBeLessThan(48);
  await thread.hover();
  await page.mouse.wheel(0, -400);
  await expect(jump).toBeVisible();

  await answer.getByRole('button', { name: 'Table', exact: true }).click();
  const table = answer.getByRole('table', { name: /Total revenue by payor/ });
  await expect(table.getByRole('row').nth(1)).toContainText('$');
  await table.getByRole('button', { name: 'Payor' }).click();
  await expect(table.getByRole('columnheader', { name: /Payor/ })).toHaveAttribute('aria-sort', 'ascending');
  await answer.getByText(/SQL that ran/).click();
  await expect(answer.locator('.sql-panel code')).toContainText('SELECT');
  expect(await axeViolations(page)).toEqual([]);
});

test('a follow-up keeps the context, and the history reopens the conversation', async ({
  signedIn: page,
}) => {
  await ask(page, QUESTION);
  await answerReading(page, /I read this as total revenue of all cases by payor/);
  await expect(page).toHaveURL(/[?&]c=cnv_/);
  await ask(page, 'and by surgeon');
  await expect(answers(page)).toHaveCount(2);
  await answerReading(page, /I read this as total revenue of all cases by surgeon/);
  const url = page.url();

  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(answers(page)).toHaveCount(0);
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: QUESTION })
    .first()
    .click();
  await expect(page).toHaveURL(url);
  await expect(answers(page)).toHaveCount(2);
  await expect(
    answers(page)
      .last()
      .getByText(/by surgeon/)
      .first(),
  ).toBeVisible();

  const history = page.getByRole('navigation', { name: 'Conversations' });
  const deleteButtons = history.getByRole('button', { name: /^Delete conversation/ });
  const before = await deleteButtons.count();
  await history
    .getByRole('button', { name: `Delete conversation: ${QUESTION}` })
    .first()
    .click();
  await expect(deleteButtons).toHaveCount(before - 1);
  await expect(page).not.toHaveURL(/[?&]c=/);
  await expect(page.getByRole('list', { name: 'Example questions' })).toBeVisible();
});

/**
 * Cuts the first answer stream after `bytes` bytes, as a dropped connection does: the body errors in the
 * middle of an event. Later requests (the resume) pass untouched.
 */
async function dropFirstStreamAfter(page: Page, bytes: number) {
  await page.addInitScript((limit) => {
    const original = window.fetch.bind(window);
    let hasDropped = false;
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (hasDropped || !url.includes('/agent/query/') || !response.body) return response;
      hasDropped = true;
      const reader = response.body.getReader();
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) return controller.close();
          if (sent + value.length > limit) {
            controller.enqueue(value.slice(0, limit - sent));
            void reader.cancel();
            controller.error(new TypeError('network error'));
            return;
          }
          sent += value.length;
          controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
  }, bytes);
}

test('a connection dropped mid-answer resumes without losing or repeating anything', async ({
  signedIn: page,
}) => {
  await dropFirstStreamAfter(page, 900);
  await page.reload();
  const resumed = page.waitForRequest((request) => /\/agent\/runs\/run_\w+\/events\//.test(request.url()));
  await ask(page, 'total cost by surgeon last year');
  const request = await resumed;
  expect(Number(request.headers()['last-event-id'])).toBeGreaterThan(0);
  const answer = await answerReading(page, /I read this as total cost of all cases by surgeon/);
  await expect(answer.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(3);
  await expect(answer.getByRole('img', { name: /Total cost by surgeon/ })).toHaveCount(1);
  const text = ((await answer.locator('.answer-text').textContent()) ?? '').replace(/\s+/g, ' ');
  expect(text.match(/I read this as/g)).toHaveLength(1);
  expect(text.match(/Highest: /g)).toHaveLength(1);
  // What the resumed stream built must equal what the server stored.
  const streamed = (await answer.locator('.answer-text').textContent()) ?? '';
  await page.reload();
  await expect(answers(page).last().locator('.answer-text')).toHaveText(streamed);
});

test('a case value that looks like HTML shows as text', async ({ page }) => {
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password);
  const token = await accessToken(page.request, new URL(page.url()).origin);
  const cases = kneeCasesCsv(40, (index) => ({
    surgeon: index % 2 ? '<img src=x onerror=alert(1)>' : 'Ana Diaz',
    cost: 1000 + index,
    revenue: 3000,
    hospital_revenue: 2500,
  }));
  await uploadCases(page.request, token, cases);

  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.reload();
  await ask(page, 'average cost by surgeon last 3 months');
  const answer = answers(page).last();
  await answer.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(answer.getByRole('cell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(answer.locator('.answer-text')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('.message img').count()).toBe(0);
  expect(dialogs).toBe(0);
});
