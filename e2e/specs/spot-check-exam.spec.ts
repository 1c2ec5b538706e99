import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/api.ts';
import { expectNoHorizontalOverflow, submitSignIn } from '../support/ui.ts';

// A spot-check exam (抽查考核) on a phone (375×812): the demo producer's administrator (ent-admin-1) opens the
// open session of the demo city under 培训考核, takes it one question per screen with the server's countdown,
// submits, and sees the score; the server's record of the attempt agrees with what the page shows.

test.use({ viewport: { width: 375, height: 812 }, timezoneId: 'Asia/Shanghai' });

test('on a phone: open the exam, answer every question, submit, see the score', async ({ page }) => {
  await page.goto('/login');
  await submitSignIn(page, 'ent-admin-1', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();

  await page.goto('/training');
  await expect(page.getByRole('heading', { name: '培训考核', level: 3 })).toBeVisible();
  const card = page.locator('.ant-card').filter({ hasText: '第二批' }).filter({ has: page.getByRole('button', { name: '开始考试' }) }).first();
  await expect(card).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await card.getByRole('button', { name: '开始考试' }).click();

  await expect(page).toHaveURL(/\/training\/attempts\/[0-9a-f-]{36}$/);
  const attemptId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByTestId('exam-countdown')).toHaveText(/剩余时间 \d{2}:\d{2}/);
  await expectNoHorizontalOverflow(page);

  // One question per screen: choose the first option of each (a checkbox or a radio), then go on.
  for (let i = 1; i <= 20; i += 1) {
    await expect(page.getByText(`${i} / 20`, { exact: true })).toBeVisible();
    const choice = page.locator('.ant-card').getByRole('radio').or(page.locator('.ant-card').getByRole('checkbox')).first();
    await choice.check();
    if (i < 20) await page.getByRole('button', { name: '下一题' }).click();
  }
  await page.getByRole('button', { name: '交卷' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认交卷？' });
  await confirm.getByRole('button', { name: '交卷' }).click();

  const score = page.locator('.ant-result-title');
  await expect(score).toHaveText(/^得分 \d{1,3}$/);
  await expect(page.locator('.ant-result-subtitle')).toContainText('合格分 80');
  await expectNoHorizontalOverflow(page);

  const record = await page.request.get(`/api/v1/exam-attempts/${attemptId}`);
  expect(record.ok()).toBe(true);
  // I/O boundary: the server validates its answers against its published schema.
  const attempt = (await record.json()) as { score: number; passed: boolean; submittedAt: string | null; questions: { given: string[] | null }[] };
  expect(attempt.submittedAt).not.toBeNull();
  expect(attempt.questions.every((q) => q.given !== null && q.given.length === 1)).toBe(true);
  await expect(score).toHaveText(`得分 ${attempt.score}`);
  await expect(page.locator('.ant-result-subtitle')).toContainText(attempt.passed ? '合格' : '不合格');
});
