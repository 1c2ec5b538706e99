import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, PUDONG, apiGet, listEnterprises, type DashboardSummary } from '../support/api.ts';
import { chooseUserMenuItem, signInButton, submitSignIn } from '../support/ui.ts';

// Sign-in through the form: the server's error, the home page's real figures, sign-out, and the return path.

test('a wrong password shows the server message and stays on the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await submitSignIn(page, 'city-admin', 'not-the-password');

  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(signInButton(page)).toBeEnabled();
});

test('the right password opens the home page with the figures of the API', async ({ page }) => {
  await page.goto('/login');
  await submitSignIn(page, 'city-admin', DEMO_PASSWORD);

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  // Same session as the page: the count the card must show.
  const summary = await apiGet<DashboardSummary>(page.request, '/api/v1/dashboard/summary');
  expect(summary.counts.enterprises).toBeGreaterThan(0);
  const card = page.getByRole('link', { name: `企业总数 ${summary.counts.enterprises}`, exact: true });
  await expect(card).toBeVisible();
  await expect(card).toContainText(summary.counts.enterprises.toLocaleString('en-US'));
});

test('signing out returns to the sign-in page; a protected page comes back after signing in', async ({ page }) => {
  await page.goto('/login');
  await submitSignIn(page, 'city-admin', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();

  await chooseUserMenuItem(page, '退出登录');
  await expect(page).toHaveURL(/\/login$/);
  await expect(signInButton(page)).toBeVisible();
  // The session is gone on the server too.
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  const protectedPath = `/enterprises?district=${PUDONG}&kind=producer`;
  await page.goto(protectedPath);
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(protectedPath)}`);

  await submitSignIn(page, 'city-admin', DEMO_PASSWORD);
  await expect(page).toHaveURL(protectedPath);
  await expect(page.getByRole('heading', { name: '一企一档 · 企业名录' })).toBeVisible();
  // The filters of the kept path are in force: the count of Pudong producers.
  const producers = await listEnterprises(page.request, { district: PUDONG, kind: 'producer', limit: 1 });
  await expect(page.getByRole('status').filter({ hasText: `共 ${producers.total} 家企业` })).toBeVisible();
});
