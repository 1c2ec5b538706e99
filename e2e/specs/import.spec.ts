import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeUscc } from '@shian/domain';
import { signInViaApi } from '../support/api.ts';
import { XLSX_MIME, buildXlsx, readTemplateHeaders } from '../support/xlsx.ts';

// The import wizard (数据导入): a file with a bad row is previewed with every bad cell named and cannot be
// confirmed; the valid rows alone are imported and then found in the registry.

/** An antd <Statistic> of the preview, by its title (新增 / 更新 / 无变化 / 错误); it has no ARIA role. */
function statistic(page: Page, title: string): Locator {
  return page.locator('.ant-statistic').filter({ has: page.getByText(title, { exact: true }) }).locator('.ant-statistic-content');
}

/** The same credit code with a wrong check character (the last one). */
function withWrongCheckCharacter(uscc: string): string {
  return uscc.slice(0, -1) + (uscc.endsWith('0') ? '1' : '0');
}

async function uploadFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX_MIME, buffer });
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '上传并校验' }).click();
  await expect(page.getByText(`企业 · ${name}`)).toBeVisible();
}

test('a bad row is named in the preview and blocks the import; the valid rows import and are searchable', async ({ page }) => {
  await signInViaApi(page.request, 'city-admin');
  const headers = await readTemplateHeaders(page.request, 'enterprises');

  // Codes and names of this run only, far from the demo city's sequence numbers.
  const seq = 900_000 + (Date.now() % 80_000) * 3;
  const tag = String(seq);
  const valid = [0, 1, 2].map((offset) => ({
    统一社会信用代码: makeUscc('91', '310115', seq + offset),
    企业名称: `上海导测${tag}${['甲', '乙', '丙'][offset]}保健食品有限公司`,
    法定代表人: ['张伟', '李娜', '王芳'][offset] ?? '张伟',
    主体类型: offset === 0 ? '生产企业' : '销售者',
    所属辖区: '浦东新区/陆家嘴街道',
    地址: `上海市浦东新区示例路 ${offset + 1} 号`,
    电话: `021-5000000${offset}`,
  }));
  const bad = {
    统一社会信用代码: withWrongCheckCharacter(makeUscc('91', '310115', seq + 3)),
    企业名称: `上海导测${tag}丁保健食品有限公司`,
    法定代表人: '赵强',
    主体类型: '销售者',
    所属辖区: '火星区',
    地址: '上海市浦东新区示例路 4 号',
  };
  const badRow = 5; // Header in row 1, the valid records in rows 2–4.

  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: '数据导入', level: 3 })).toBeVisible();
  await uploadFile(page, 'enterprises-with-errors.xlsx', await buildXlsx(headers, [...valid, bad]));

  await expect(statistic(page, '新增')).toHaveText('3');
  await expect(statistic(page, '更新')).toHaveText('0');
  await expect(statistic(page, '错误')).toHaveText('1');
  await expect(page.getByRole('alert').filter({ hasText: '文件中有 2 处错误，请修正后重新上传' })).toBeVisible();
  await expect(page.getByRole('list', { name: '错误' }).getByRole('listitem')).toHaveText([
    new RegExp(`^第 ${badRow} 行 / 统一社会信用代码：.*校验位`),
    new RegExp(`^第 ${badRow} 行 / 所属辖区：.*火星区`),
  ]);
  const badTableRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(badRow), exact: true }) });
  await expect(badTableRow).toContainText('错误');
  await expect(badTableRow).toContainText(bad.统一社会信用代码);
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await page.getByRole('button', { name: '重新上传' }).click();
  await uploadFile(page, 'enterprises.xlsx', await buildXlsx(headers, valid));
  await expect(statistic(page, '新增')).toHaveText('3');
  await expect(statistic(page, '错误')).toHaveText('0');
  await expect(page.getByText('校验通过，可以确认导入')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();

  await expect(page.getByText('导入完成', { exact: true })).toBeVisible();
  await expect(page.getByText('新增 3 条，更新 0 条，无变化 0 条')).toBeVisible();

  const imported = valid[1];
  if (!imported) throw new Error('No imported record');
  await page.getByRole('button', { name: '查看企业名录' }).click();
  await expect(page).toHaveURL(/\/enterprises$/);
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill(`导测${tag}乙`);
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '共 1 家企业' })).toBeVisible();
  await page.getByRole('link', { name: imported.企业名称, exact: true }).click();
  await expect(page.getByRole('heading', { name: imported.企业名称, level: 3 })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('cell', { name: imported.统一社会信用代码, exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('cell', { name: '浦东新区·陆家嘴街道', exact: true }).first()).toBeVisible();
});
