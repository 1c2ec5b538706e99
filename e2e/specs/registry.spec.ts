import { expect, test, type Page } from '@playwright/test';
import { PUDONG, districtName, listEnterprises, middleOf, readDossier, signInViaApi, type EnterpriseItem } from '../support/api.ts';
import { chooseOption } from '../support/ui.ts';

// The registry (一企一档): partial-name search, the district filter, the dossier's tabs, and jurisdiction scope.

/** The registry's result rows (the data rows of the table; each has the enterprise's name as a link). */
function resultRows(page: Page) {
  return page.getByRole('row').filter({ has: page.getByRole('link') });
}

async function searchRegistry(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill(text);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
}

test('a partial Chinese name finds the enterprise; the district filter narrows the results', async ({ page }) => {
  await signInViaApi(page.request, 'city-admin');
  const first = (await listEnterprises(page.request, { limit: 1 })).items[0];
  if (!first) throw new Error('The demo city has no enterprise');
  const district = first.jurisdictionCode.slice(0, 6);
  const districtLabel = await districtName(page.request, district);
  const part = middleOf(first.name);
  expect(first.name.startsWith(part) || first.name.endsWith(part), `${part} is from the middle of ${first.name}`).toBe(false);
  const matching = await listEnterprises(page.request, { q: part, limit: 1 });
  const matchingInDistrict = await listEnterprises(page.request, { q: part, district, limit: 1 });

  await page.goto('/enterprises');
  await expect(page.getByRole('heading', { name: '一企一档 · 企业名录' })).toBeVisible();
  await searchRegistry(page, part);
  await expect(page.getByRole('status').filter({ hasText: `共 ${matching.total} 家企业` })).toBeVisible();
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
  const rows = resultRows(page);
  await expect(rows).toHaveCount(Math.min(matching.total, 50));
  for (const row of await rows.all()) await expect(row).toContainText(part);

  await chooseOption(page, page.getByRole('combobox', { name: '所属区' }), districtLabel);
  await expect(page).toHaveURL(new RegExp(`[?&]district=${district}`));
  await expect(page.getByRole('status').filter({ hasText: `共 ${matchingInDistrict.total} 家企业` })).toBeVisible();
  await expect(rows).toHaveCount(matchingInDistrict.total);
  for (const row of await rows.all()) await expect(row.getByRole('cell', { name: new RegExp(`^${districtLabel}`) })).toBeVisible();
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
  // The search text stays while filtering.
  await expect(page.getByRole('searchbox', { name: '搜索' })).toHaveValue(part);

  await page.getByRole('link', { name: first.name, exact: true }).click();
  await expect(page).toHaveURL(`/enterprises/${first.id}`);
  await expect(page.getByRole('heading', { name: first.name, level: 3 })).toBeVisible();
});

test("the dossier's tabs show the enterprise's licences, products and people", async ({ page, request }) => {
  // ent-admin-1's enterprise (a Pudong health-food producer), found as the enterprise admin sees it.
  const entAdmin = await signInViaApi(request, 'ent-admin-1');
  if (!entAdmin.enterpriseId) throw new Error('ent-admin-1 has no enterprise');
  await signInViaApi(page.request, 'city-admin');
  const dossier = await readDossier(page.request, entAdmin.enterpriseId);
  const { enterprise } = dossier;
  const licence = dossier.licences[0];
  const product = dossier.products[0];
  const person = dossier.people[0];
  if (!licence || !product || !person) throw new Error(`${enterprise.name} lacks a licence, product or person in the demo`);

  await page.goto('/enterprises');
  await searchRegistry(page, middleOf(enterprise.name));
  await page.getByRole('link', { name: enterprise.name, exact: true }).click();
  await expect(page).toHaveURL(`/enterprises/${enterprise.id}`);
  await expect(page.getByRole('heading', { name: enterprise.name, level: 3 })).toBeVisible();

  const tabs = page.getByRole('tablist');
  const panel = page.getByRole('tabpanel');
  await expect(tabs.getByRole('tab')).toHaveText([/^基本信息/, /^许可证/, /^产品/, /^人员/, /^风险等级/, /^检查记录/, /^变更记录/]);

  await expect(tabs.getByRole('tab', { name: '基本信息' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('cell', { name: enterprise.uscc, exact: true })).toBeVisible();
  await expect(panel.getByRole('cell', { name: enterprise.legalRepresentative, exact: true })).toBeVisible();
  await expect(panel.getByRole('cell', { name: enterprise.jurisdictionName, exact: true }).first()).toBeVisible();

  await tabs.getByRole('tab', { name: /^许可证/ }).click();
  await expect(page).toHaveURL(/[?&]tab=licences/);
  await expect(tabs.getByRole('tab', { name: /^许可证/ })).toContainText(String(dossier.licences.length));
  await expect(panel.getByRole('cell', { name: licence.number, exact: true })).toBeVisible();

  await tabs.getByRole('tab', { name: /^产品/ }).click();
  await expect(panel.getByRole('cell', { name: product.name, exact: true })).toBeVisible();
  await expect(panel.getByText(product.registrationNumber, { exact: true })).toBeVisible();

  await tabs.getByRole('tab', { name: /^人员/ }).click();
  const personRow = panel.getByRole('row').filter({ has: page.getByRole('cell', { name: person.name, exact: true }) });
  await expect(personRow).toBeVisible();
  await expect(personRow).toContainText(person.roleName);

  await tabs.getByRole('tab', { name: '变更记录' }).click();
  await expect(panel.getByText('新建').first()).toBeVisible();
});

test('the Huangpu inspector does not find a Pudong enterprise and gets the not-found state on its dossier', async ({ page, request }) => {
  await signInViaApi(request, 'city-admin');
  const pudong: EnterpriseItem | undefined = (await listEnterprises(request, { district: PUDONG, limit: 1 })).items[0];
  if (!pudong) throw new Error('The demo city has no Pudong enterprise');

  await signInViaApi(page.request, 'huangpu-inspector');
  await page.goto('/enterprises');
  await searchRegistry(page, pudong.name);
  await expect(page.getByText('没有符合条件的企业')).toBeVisible();
  await expect(page.getByRole('link', { name: pudong.name })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '共 0 家企业' })).toBeVisible();

  await page.goto(`/enterprises/${pudong.id}`);
  await expect(page.getByText('企业不存在或不在您的管辖范围内')).toBeVisible();
  await expect(page.getByRole('heading', { name: pudong.name })).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
});
