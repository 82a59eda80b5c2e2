import { expect, type Page } from '@playwright/test';

// Driving the analysis page as a person does: the question box, the answers, and waiting for them.

export const answers = (page: Page) => page.getByRole('article', { name: 'Answer' });
export const questionBox = (page: Page) => page.getByRole('textbox', { name: 'Your question' });

/** Types a question into the box on the current analysis page and sends it with Enter. */
export async function ask(page: Page, question: string) {
  await questionBox(page).fill(question);
  await questionBox(page).press('Enter');
}

/** Waits until the latest answer says how it read the question ("I read this as …"), and returns it. */
export async function answerReading(page: Page, reading: RegExp) {
  const answer = answers(page).last();
  await expect(answer.getByText(reading)).toBeVisible();
  return answer;
}

/** Waits until nothing streams any more: the composer offers Send again (after a stop, once the server says). */
export async function waitUntilSettled(page: Page) {
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 15_000 });
}
