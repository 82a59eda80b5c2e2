import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { answerReading, answers, ask, questionBox, waitUntilSettled } from './support/analysis';
import { accessToken, kneeCasesCsv, uploadCases } from './support/case-upload';
import {
  axeViolations,
  createAccount,
  DEMO,
  DEMO_PASSWORD,
  expect,
  signInAs,
  test,
} from './support/fixtures';

// The analysis page as a chat (issue 12): every check runs against the real local API.

const QUESTION = 'total revenue by payor last year';

/** Slows the page's downloads, so the page is still reading a stream the server has long finished. */
async function throttle(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const set = (throughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: throughput,
      uploadThroughput: -1,
    });
  await set(bytesPerSecond);
  return { release: () => set(-1) };
}

async function storedAnswer(request: APIRequestContext, token: string, conversationId: string) {
  const response = await request.get(`/api/v1/agent/conversations/${conversationId}/`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const conversation = (await response.json()) as { messages: { role: string; status: string }[] };
  return conversation.messages.filter((message) => message.role === 'assistant').at(-1);
}

const conversationIdOf = (page: Page) => new URL(page.url()).searchParams.get('c');

test('after an answer the question sits at the top of the view, the answer below it', async ({
  signedIn: page,
}) => {
  const questionOffset = () =>
    page.evaluate(() => {
      const thread = document.querySelector('[role="log"]')!;
      const questions = thread.querySelectorAll('[data-question]');
      const question = questions[questions.length - 1]!;
      return question.getBoundingClientRect().top - thread.getBoundingClientRect().top;
    });
  await ask(page, QUESTION);
  await answerReading(page, /I read this as total revenue/);
  // A follow-up below a long first answer: its question is brought up to the top, the answer grows below it.
  await ask(page, 'total cost by surgeon last year');
  await expect(answers(page)).toHaveCount(2);
  const answer = await answerReading(page, /I read this as total cost/);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  expect(await page.getByRole('log').evaluate((thread) => thread.scrollTop)).toBeGreaterThan(100);
  const offset = await questionOffset();
  expect(offset).toBeGreaterThanOrEqual(0);
  expect(offset).toBeLessThan(40);
  await expect(answer.getByRole('list', { name: 'Steps' })).toBeInViewport();
  // The answer is taller than the view: a way down is offered, and it leads to the end.
  const jump = page.getByRole('button', { name: 'Jump to latest ↓' });
  await expect(jump).toBeVisible();
  // The analysis page has no page header: the thread has most of the window.
  const thread = (await page.getByRole('log').boundingBox())!;
  expect(thread.height).toBeGreaterThan(page.viewportSize()!.height * 0.7);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
  }
  await jump.click();
  await expect(jump).toBeHidden();
});

test('Stop after the server finished shows the whole answer and says so', async ({
  signedIn: page,
  baseURL,
}) => {
  const token = await accessToken(page.request, baseURL!);
  const question = 'total revenue by provider last year';
  const since = new Date(Date.now() - 1000).toISOString();
  const link = await throttle(page, 1000);
  await ask(page, question);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // The server has finished (observed through the API) while the page is still reading the slow stream.
  let conversationId = '';
  await expect
    .poll(async () => {
      const list = (await (
        await page.request.get('/api/v1/agent/conversations/?limit=5', {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json()) as { results: { id: string; title: string; created_at: string }[] };
      conversationId =
        list.results.find((item) => item.title === question && item.created_at >= since)?.id ?? '';
      return conversationId && (await storedAnswer(page.request, token, conversationId))?.status;
    })
    .toBe('complete');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await link.release();
  const answer = answers(page).last();
  await expect(answer.getByText('The answer had already finished when you pressed Stop')).toBeVisible();
  await expect(answer.getByText(/I read this as total revenue/)).toBeVisible();
  await expect(answer.getByText(/^Stopped\./)).toHaveCount(0);
  await expect(questionBox(page)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`c=${conversationId}`));
  await page.reload();
  await answerReading(page, /I read this as total revenue/);
});

test('Esc stops a running answer; the page then shows what the server decided, and keeps focus', async ({
  signedIn: page,
  baseURL,
}) => {
  const token = await accessToken(page.request, baseURL!);
  // The question leaves the page a moment late (the real API answers it): "Thinking…" shows meanwhile.
  await page.route('**/api/v1/agent/query/', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue();
  });
  await ask(page, 'total cost by surgeon last year');
  const answer = answers(page).last();
  await expect(answer.getByRole('status').filter({ hasText: 'Thinking…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Stopping…' })).toBeVisible();
  await waitUntilSettled(page);
  await expect(questionBox(page)).toBeFocused();
  const stored = await storedAnswer(page.request, token, conversationIdOf(page)!);
  // Whatever the race between the stop and the run, the page says what the server stored.
  if (stored?.status === 'cancelled') {
    await expect(answer.getByText('Stopped. What arrived before the stop is kept above.')).toBeVisible();
    await expect(answer.getByRole('button', { name: 'Retry' })).toBeVisible();
  } else {
    expect(stored?.status).toBe('complete');
    await expect(answer.getByText('The answer had already finished when you pressed Stop')).toBeVisible();
  }
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});

test('copy the answer, then edit the question and ask it again as a new message', async ({
  signedIn: page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ask(page, QUESTION);
  const first = await answerReading(page, /I read this as total revenue/);
  await first.getByRole('button', { name: 'Copy answer as Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('I read this as');
  await first.getByRole('button', { name: 'Copy as text' }).click();
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain).toContain('I read this as');
  expect(plain).not.toContain('**');

  await page.getByRole('button', { name: `Edit question: ${QUESTION}` }).click();
  await expect(questionBox(page)).toBeFocused();
  await expect(questionBox(page)).toHaveValue(QUESTION);
  await questionBox(page).press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('surgeon');
  await expect(questionBox(page)).toHaveValue('total revenue by payor last surgeon');
  await questionBox(page).fill('total revenue by surgeon last year');
  await questionBox(page).press('Enter');
  await expect(answers(page)).toHaveCount(2);
  await answerReading(page, /I read this as total revenue of all cases by surgeon/);
  // History kept: the first question and answer are still there.
  await expect(page.locator('[data-question]').first()).toContainText(QUESTION);
  await answers(page).last().getByRole('button', { name: 'Ask again' }).click();
  await expect(answers(page)).toHaveCount(3);
});

test('a deleted conversation comes back with Undo, and focus stays in the list', async ({ page }) => {
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD);
  const title = `total cost by payor last year ${Date.now() % 1000}`;
  await ask(page, title);
  await expect(answers(page).last().getByRole('button', { name: 'Ask again' })).toBeVisible();
  const history = page.getByRole('navigation', { name: 'Conversations' });
  const openButton = history.locator('[data-conversation]', { hasText: title });
  await history.getByRole('button', { name: `Delete conversation: ${title}` }).click();
  await expect(openButton).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]c=/);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(toast).toContainText(title);
  await expect(page.locator(':focus')).toHaveCount(1);
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(openButton).toBeVisible();
  await expect(openButton).toBeFocused();
  await page.reload();
  await openButton.click();
  await expect(page.locator('[data-question]').last()).toContainText(title);
});

test('the history shows a long title in full', async ({ page }) => {
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password);
  const long = 'how did the average cost per case of knee replacements change from 2024 to 2025';
  await ask(page, long);
  await expect(answers(page).last().getByRole('button', { name: 'Ask again' })).toBeVisible();
  const title = page
    .getByRole('navigation', { name: 'Conversations' })
    .locator('[data-conversation]', { hasText: long });
  await expect(title.locator('.conversation-title')).toHaveText(long);
  const box = (await title.locator('.conversation-title').boundingBox())!;
  const parent = (await title.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(parent.x + parent.width + 1);
});

test('CSV and copy follow the sort from either view and defuse formulas; examples refresh after an upload', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password);
  await expect(page.getByText('There is no case data yet.')).toBeVisible();
  const token = await accessToken(page.request, new URL(page.url()).origin);
  const formula = '=HYPERLINK("http://x","y")';
  const cases = kneeCasesCsv(30, (index) => ({
    surgeon: [formula, 'Ana Diaz', 'Ben Okoro'][index % 3]!,
    cost: [1000, 5000, 3000][index % 3]! + index,
    revenue: 9000,
    hospital_revenue: 8000,
  }));
  await uploadCases(page.request, token, cases);

  // Back on the page without a reload: the examples now come from the new data.
  // Upload's page loads as its own chunk and the router waits for it in a transition: until its heading shows,
  // the analysis page is still the one mounted, so clicking Analysis at once would never have left it.
  await page.getByRole('link', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Analysis' }).click();
  await expect(
    page.getByRole('list', { name: 'Example questions' }).getByRole('button').first(),
  ).toBeVisible();
  await expect(page.getByText('There is no case data yet.')).toHaveCount(0);

  await ask(page, 'average cost by surgeon last 3 months');
  const answer = answers(page).last();
  const result = answer.getByRole('region', { name: /cost by surgeon/i }).first();
  await result.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(result.getByRole('cell', { name: formula })).toBeVisible();
  const costHeader = result.getByRole('columnheader').nth(1);
  await costHeader.getByRole('button').click();
  await costHeader.getByRole('button').click();
  await expect(costHeader).toHaveAttribute('aria-sort', 'descending');
  const shown = await result
    .getByRole('row')
    .evaluateAll((trs) => trs.slice(1).map((tr) => tr.querySelector('td')?.textContent ?? ''));
  expect(shown[0]).toBe('Ana Diaz');

  // From the chart view: the same order, the formula defused.
  await result.getByRole('button', { name: 'Chart', exact: true }).click();
  const download = page.waitForEvent('download');
  await result.getByRole('button', { name: /^Download CSV/ }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  const lines = csv.trim().split('\r\n').slice(1);
  expect(lines.map((line) => line.replace(/^"?'?/, '').split(',')[0]!.replace(/"/g, ''))).toEqual(
    shown.map((name) => name.replace(/"/g, '').split(',')[0]!),
  );
  expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
  expect(csv).not.toMatch(/(^|\r\n|,)"?=HYPERLINK/);
  await result.getByRole('button', { name: /^Copy table/ }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[1]!.startsWith('Ana Diaz')).toBe(true);
  expect(copied).toContain(`'${formula}`);
  expect(copied).not.toMatch(/(^|\n|\t)=HYPERLINK/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('a chart is as wide as its container with readable labels, and the question box stays on screen', async ({
    signedIn: page,
  }) => {
    await expect(questionBox(page)).toBeInViewport();
    await ask(page, QUESTION);
    const answer = answers(page).last();
    const chart = answer.getByRole('img', { name: /Total revenue by payor/ });
    await expect(chart).toBeVisible();
    const sizes = await chart.evaluate((svg) => {
      const container = svg.parentElement!;
      const labels = [...svg.querySelectorAll('text')].map((text) => {
        const rendered = text.getBoundingClientRect().height;
        return { font: Number.parseFloat(getComputedStyle(text).fontSize), rendered };
      });
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return {
        width: svg.getBoundingClientRect().width,
        container: container.clientWidth,
        smallest: Math.min(...labels.map((label) => label.font * scale)),
      };
    });
    expect(sizes.width).toBeGreaterThanOrEqual(sizes.container - 1);
    expect(sizes.smallest).toBeGreaterThanOrEqual(11);
    await expect(questionBox(page)).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole('button', { name: 'History' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: QUESTION }).first(),
    ).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('keyboard only: from sign-in to an answer and Stop, with a skip link and the / shortcut', async ({
  page,
}) => {
  await page.goto('/sign-in?from=/analysis');
  await page.getByLabel('Email').focus();
  await page.keyboard.type(DEMO.hospital.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  // Signed in, the cursor is already in the question box.
  await expect(questionBox(page)).toBeFocused();
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Enter');
  await answerReading(page, /I read this as total revenue/);

  // From the top of the page, the Tab after "Skip to content" is the skip link to the question box.
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ask a question' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(questionBox(page)).toBeFocused();

  await page.getByRole('button', { name: 'New conversation' }).focus();
  await page.keyboard.press('/');
  await expect(questionBox(page)).toBeFocused();
  await expect(questionBox(page)).toHaveValue('');

  // A slow link keeps the answer streaming long enough to reach Stop by keyboard.
  const link = await throttle(page, 300);
  await page.keyboard.type('total cost by surgeon last year');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeFocused();
  await page.keyboard.press('Enter');
  await link.release();
  await expect(questionBox(page)).toBeFocused();
  await waitUntilSettled(page);
  await expect(questionBox(page)).toBeFocused();
});

test('signing in leaves no errors in the console', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD);
  await expect(questionBox(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test('after signing in, focus starts at the page content, never on the body', async ({ page }) => {
  await signInAs(page, DEMO.hospital.email, DEMO_PASSWORD, '/settings');
  await expect(page.locator('main#main')).toBeFocused();
  await page.getByRole('link', { name: 'Analysis' }).click();
  await expect(page.getByRole('link', { name: 'Analysis' })).toBeFocused();
});
