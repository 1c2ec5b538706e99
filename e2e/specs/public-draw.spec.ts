import { expect, test, type Page } from '@playwright/test';
import { apiGet, signInViaApi } from '../support/api.ts';

// 双随机、一公开: a district supervisor draws through the form and lands on the draw's public page; anyone,
// signed out, can open that page, re-run the draw in the browser and see that it matches, and read the
// published inspection results.

interface PublicDraw {
  draw: { id: string; number: string; title: string; pickedCount: number; rosterSize: number };
  picks: { position: number; enterpriseName: string }[];
}

/** The table of drawn targets (the facts above it are a bordered description table too). */
function picksTable(page: Page) {
  return page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '统一社会信用代码' }) });
}

test('a draw made through the form is published and re-runs identically in a signed-out browser', async ({ page, browser }) => {
  await signInViaApi(page.request, 'pudong-supervisor');
  const title = `e2e 经营企业 C/D 级双随机抽查 ${Date.now()}`;

  await page.goto('/draws/new');
  await expect(page.getByRole('heading', { name: '新建双随机抽查', level: 3 })).toBeVisible();
  await page.getByLabel('抽查任务名称').fill(title);
  // The district supervisor's own district is preset.
  await expect(page.getByLabel('抽查辖区')).toBeDisabled();
  await page.getByRole('checkbox', { name: '经营企业', exact: true }).check();
  await page.getByRole('checkbox', { name: 'C 级', exact: true }).check();
  await page.getByRole('checkbox', { name: 'D 级', exact: true }).check();
  await page.getByLabel('抽取户数').fill('5');
  await expect(page.getByLabel('每户检查人员数')).toHaveValue('2');
  await expect(page.getByRole('switch', { name: '按风险加权' })).toBeChecked();
  await page.getByRole('button', { name: '抽取并公示' }).click();

  await expect(page).toHaveURL(/\/public\/draws\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  const url = new URL(page.url());
  const id = url.pathname.split('/').pop() ?? '';
  const published = await apiGet<PublicDraw>(page.request, `/api/v1/public/draws/${id}`);
  expect(published.draw.title).toBe(title);
  expect(published.draw.pickedCount).toBeGreaterThan(0);
  expect(published.draw.pickedCount).toBeLessThanOrEqual(5);
  await expect(page.getByText(published.draw.number, { exact: true }).first()).toBeVisible();

  // Anyone: a fresh context without the session cookie.
  const anonymous = await browser.newContext({ baseURL: url.origin, locale: 'zh-CN' });
  try {
    const visitor = await anonymous.newPage();
    await visitor.goto(url.pathname);
    // Not sent to the sign-in page.
    await expect(visitor).toHaveURL(new RegExp(`${url.pathname}$`));
    await expect(visitor.getByRole('heading', { name: title, level: 3 })).toBeVisible();
    await expect(visitor.getByRole('link', { name: '登录' })).toBeVisible();

    // Exactly the draw's picks, in position order.
    const rows = picksTable(visitor).locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(published.draw.pickedCount);
    await expect(rows.first()).toContainText(published.picks[0]?.enterpriseName ?? '');

    await visitor.getByRole('button', { name: '在浏览器中复核' }).click();
    const browserCheck = visitor.getByRole('region', { name: '浏览器复核' });
    await expect(browserCheck.getByText('一致', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(browserCheck).toContainText(`${published.draw.pickedCount} 户检查对象`);
    await expect(browserCheck.getByText('不一致', { exact: true })).toHaveCount(0);
    const serverCheck = visitor.getByRole('region', { name: '服务器复核' });
    await expect(serverCheck.getByText('一致', { exact: true })).toBeVisible({ timeout: 20_000 });

    // The published results: the page loads without sign-in and lists them.
    await visitor.getByRole('link', { name: '监督检查结果公示' }).click();
    await expect(visitor).toHaveURL(/\/public\/results$/);
    await expect(visitor.getByRole('heading', { name: '监督检查结果公示', level: 3 })).toBeVisible();
    await expect(visitor.getByRole('status').filter({ hasText: /^共 \d+ 条$/ })).toBeVisible();
  } finally {
    await anonymous.close();
  }
});
