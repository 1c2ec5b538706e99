import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/api.ts';
import { expectNoHorizontalOverflow, submitSignIn, waitForMotion } from '../support/ui.ts';

// 自查报告 on a phone (375×812): the demo producer's administrator starts an ad-hoc self-inspection (临时自查),
// answers every checklist item with one tap each, records one non-conformity with its owner and deadline, and
// submits it to the district bureau; Pudong's supervisor opens it and acknowledges it, with the KPIs above the list.

test.use({ viewport: { width: 375, height: 812 }, timezoneId: 'Asia/Shanghai' });

test('a self-inspection is filled and submitted on a phone, and acknowledged by the district', async ({ page, browser }) => {
  await page.goto('/login');
  await submitSignIn(page, 'ent-admin-1', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await page.goto('/self-inspection/reports');
  await expect(page.getByRole('heading', { name: '自查报告', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: '新建临时自查' }).click();
  const modal = page.getByRole('dialog', { name: '新建临时自查' });
  await waitForMotion(modal);
  await modal.getByRole('textbox', { name: '自查事由' }).fill('夏季高温专项自查');
  await modal.getByRole('button', { name: /^确\s*定$/ }).click();
  await expect(page).toHaveURL(/\/self-inspection\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: '夏季高温专项自查', level: 3 })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const items = page.locator('[data-item]');
  const count = await items.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 1; i < count; i++) await items.nth(i).getByText('符合', { exact: true }).click();
  const first = items.first();
  const key = await first.getAttribute('data-item');
  await first.getByText('不符合', { exact: true }).click();
  await first.getByRole('textbox', { name: `${key} 说明` }).fill('高温期间仓库温度记录缺 2 天');
  await first.getByRole('textbox', { name: `${key} 整改责任人` }).fill('仓储主管 周明');
  const due = new Date(Date.now() + (8 + 24 * 14) * 3_600_000).toISOString().slice(0, 10);
  await first.getByLabel(`${key} 整改期限`).fill(due);
  await expectNoHorizontalOverflow(page);

  await page.getByRole('button', { name: '提交至区局' }).click();
  await expect(page.getByText('待审核', { exact: true })).toBeVisible();
  await expect(first.getByText(/ZG-\d{6}-\d{4}-\d{6} 整改中/)).toBeVisible();
  const url = page.url();

  // Pudong's district supervisor (the demo producer is in 浦东) reviews it on a desktop.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = await context.newPage();
  await desk.goto('/login');
  await submitSignIn(desk, 'pudong-supervisor', DEMO_PASSWORD);
  await expect(desk.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await desk.goto('/self-inspection/reports?status=submitted');
  await expect(desk.getByRole('heading', { name: '自查报告审核', level: 3 })).toBeVisible();
  await expect(desk.getByRole('heading', { name: '自查工作指标', level: 4 })).toBeVisible();
  await expect(desk.getByText('自查报告率').first()).toBeVisible();
  await desk.goto(url);
  await desk.getByRole('textbox', { name: '审核意见' }).fill('整改计划可行');
  await desk.getByRole('button', { name: /^确\s*认$/ }).click();
  await expect(desk.getByText('已确认', { exact: true })).toBeVisible();
  await context.close();
});
