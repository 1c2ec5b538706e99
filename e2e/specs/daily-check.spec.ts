import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/api.ts';
import { expectNoHorizontalOverflow, submitSignIn, waitForMotion } from '../support/ui.ts';

// 日管控 on a phone (375×812): the demo producer's staff member (ent-staff-1, its food safety officer's
// account) opens 主体责任 from the menu drawer, taps the one big "未发现问题" button and sees today's zero-risk
// record at once; then records a problem, which becomes a hazard (隐患) with its owner and deadline.
// The demo city leaves today unrecorded for the demo enterprise (demo-duties.ts).

test.use({ viewport: { width: 375, height: 812 }, timezoneId: 'Asia/Shanghai' });

test('the one-minute daily check: one tap records no problem; a problem becomes a hazard', async ({ page }) => {
  await page.goto('/login');
  await submitSignIn(page, 'ent-staff-1', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();

  const opener = page.getByRole('button', { name: '打开菜单' });
  await opener.click();
  const drawer = page.getByRole('dialog', { name: '食安 · 特殊食品安全监管平台' });
  await waitForMotion(drawer);
  await drawer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '主体责任' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/\/duties$/);
  await expect(page.getByRole('heading', { name: /^主体责任 · /, level: 3 })).toBeVisible();
  await expect(page.getByRole('tab', { name: '日管控', selected: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // Nothing recorded yet today: the one action.
  const oneTap = page.getByRole('button', { name: '未发现问题' });
  await expect(oneTap).toBeVisible();
  await oneTap.click();
  const status = page.getByRole('status').filter({ hasText: '今日已记录：未发现问题（零风险）' });
  await expect(status).toBeVisible();
  await expect(status).toContainText('检查人');
  await expect(oneTap).toHaveCount(0);
  // The rate counts today at once, and the recent list starts with today.
  await expect(page.getByText('零风险').first()).toBeVisible();

  // A problem: it becomes a hazard with an owner and a deadline, and today's record says so.
  await page.getByRole('button', { name: '发现问题' }).click();
  const dialog = page.getByRole('dialog', { name: '登记隐患' });
  await waitForMotion(dialog);
  await dialog.getByLabel('问题描述').fill('成品库温度 27°C 超标');
  await dialog.getByLabel('整改责任人').fill('李仓管');
  await expect(dialog.getByLabel('整改期限')).not.toHaveValue('');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '今日已记录：发现 1 项隐患' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('已补充 1 次');

  await page.getByRole('tab', { name: /^隐患/ }).click();
  const hazards = page.getByRole('tabpanel', { name: /^隐患/ });
  const hazard = hazards.getByRole('listitem').filter({ hasText: '成品库温度 27°C 超标' });
  await expect(hazard).toBeVisible();
  await expect(hazard).toContainText('整改中');
  await expect(hazard).toContainText('李仓管');
  // The demo's overdue hazard is shown as escalated to the director.
  await expect(hazards.getByText('逾期，已报告食品安全总监').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
