import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, PUDONG, listEnterprises, middleOf, readDossier } from '../support/api.ts';
import { expectNoHorizontalOverflow, mainMenu, submitSignIn, waitForMotion } from '../support/ui.ts';

// A phone (375×812): the menu lives in a drawer, results are cards, and no page scrolls sideways.

test.use({ viewport: { width: 375, height: 812 } });

test('on a phone: sign in, the menu drawer, search, a dossier, and nothing wider than the screen', async ({ page }) => {
  await page.goto('/login');
  await expectNoHorizontalOverflow(page);
  await submitSignIn(page, 'pudong-inspector', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^企业总数 \d+$/ })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // No sider on a phone: the menu opens from the header.
  await expect(mainMenu(page)).toHaveCount(0);
  const opener = page.getByRole('button', { name: '打开菜单' });
  await opener.click();
  const drawer = page.getByRole('dialog', { name: '食安 · 特殊食品安全监管平台' });
  await waitForMotion(drawer);
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await drawer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '一企一档' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/\/enterprises$/);
  await expect(page.getByRole('heading', { name: '一企一档 · 企业名录', level: 3 })).toBeVisible();
  await expect(page.getByRole('listitem').getByRole('link').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // An enterprise of the inspector's district with licences, products and people (a producer).
  const producer = (await listEnterprises(page.request, { district: PUDONG, kind: 'producer', limit: 1 })).items[0];
  if (!producer) throw new Error('The demo city has no Pudong producer');
  const dossier = await readDossier(page.request, producer.id);

  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill(middleOf(producer.name));
  await search.press('Enter');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: producer.name, exact: true }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(producer.uscc);
  await expectNoHorizontalOverflow(page);

  await card.getByRole('link', { name: producer.name, exact: true }).click();
  await expect(page).toHaveURL(`/enterprises/${producer.id}`);
  await expect(page.getByRole('heading', { name: producer.name, level: 3 })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('cell', { name: producer.uscc, exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const licence = dossier.licences[0];
  const product = dossier.products[0];
  const person = dossier.people[0];
  if (!licence || !product || !person) throw new Error(`${producer.name} lacks a licence, product or person in the demo`);
  // On a phone the tabs carry no counts; each table scrolls inside its card, not the page.
  for (const [tab, text] of [
    ['许可证', licence.number],
    ['产品', product.name],
    ['人员', person.name],
  ] as const) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tabpanel').getByRole('cell', { name: text, exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
});
