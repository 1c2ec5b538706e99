import { expect, test, type Locator } from '@playwright/test';
import { PUDONG, listEnterprises, signInViaApi } from '../support/api.ts';
import { waitForMotion } from '../support/ui.ts';

// The audit trail (变更记录): an edit in the dossier appears with its before and after values and who made it,
// in the history tab and in the history drawer.

/** The timeline entry of the change: actor and the field's before → after. */
function changeEntry(scope: Locator, changeText: string): Locator {
  return scope
    .getByRole('listitem')
    .filter({ hasText: '操作人: pudong-supervisor（区局监管人员）' })
    .filter({ has: scope.page().getByText(changeText, { exact: true }) });
}

test("a district supervisor's phone edit shows in the history with before, after and username", async ({ page }) => {
  await signInViaApi(page.request, 'pudong-supervisor');
  const target = (await listEnterprises(page.request, { district: PUDONG, kind: 'seller', limit: 1 })).items[0];
  if (!target?.phone) throw new Error('The demo city has no Pudong seller with a phone');
  const before = target.phone;
  // A number of this run, never the one on record.
  const after = `021-6${String(Date.now()).slice(-7)}`;
  expect(after).not.toBe(before);
  const changeText = `联系电话：${before} → ${after}`;

  await page.goto(`/enterprises/${target.id}`);
  await expect(page.getByRole('heading', { name: target.name, level: 3 })).toBeVisible();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('cell', { name: before, exact: true })).toBeVisible();

  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '编辑企业信息' });
  await waitForMotion(dialog);
  const phone = dialog.getByLabel('联系电话');
  await expect(phone).toHaveValue(before);
  await phone.fill(after);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(panel.getByRole('cell', { name: after, exact: true })).toBeVisible();

  await page.getByRole('tab', { name: '变更记录', exact: true }).click();
  const entry = changeEntry(panel, changeText);
  await expect(entry).toBeVisible();
  await expect(entry.getByText('修改', { exact: true })).toBeVisible();
  await expect(entry.getByRole('deletion')).toHaveText(before);

  await page.getByRole('button', { name: `变更记录 ${target.name}` }).click();
  const drawer = page.getByRole('dialog', { name: `变更记录：${target.name}` });
  await waitForMotion(drawer);
  await expect(changeEntry(drawer, changeText)).toBeVisible();
  await drawer.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(drawer).toBeHidden();
});
