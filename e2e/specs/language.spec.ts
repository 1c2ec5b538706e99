import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInViaApi } from '../support/api.ts';
import { mainMenu, signInButton, submitSignIn } from '../support/ui.ts';

// 中文 | English: the switch on the sign-in page and in the app header; server messages follow the choice,
// and the choice survives a reload.

const ENGLISH_FORM = { username: 'Username', password: 'Password', submit: 'Sign in' };

async function expectEnglishApp(page: Page): Promise<void> {
  const menu = mainMenu(page, 'Main menu');
  await expect(menu.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Enterprise dossiers', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Import data', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
}

test('English on the sign-in page: labels, the server error, then the app in English after a reload', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText('用户登录')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  await expect(signInButton(page, 'Sign in')).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Shian · Special-food safety supervision platform');

  await submitSignIn(page, 'city-admin', 'not-the-password', ENGLISH_FORM);
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
  await expect(page.getByText('用户名或密码错误')).toHaveCount(0);

  await submitSignIn(page, 'city-admin', DEMO_PASSWORD, ENGLISH_FORM);
  await expect(page.getByRole('heading', { name: 'Home', level: 3 })).toBeVisible();
  await expectEnglishApp(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Home', level: 3 })).toBeVisible();
  await expectEnglishApp(page);

  await mainMenu(page, 'Main menu').getByRole('link', { name: 'Enterprise dossiers' }).click();
  await expect(page.getByRole('heading', { name: 'Enterprise dossiers · Registry', level: 3 })).toBeVisible();
  // Names the server localises follow too (districts in the filter).
  await page.getByRole('combobox', { name: 'District' }).click();
  await expect(page.getByTitle('Huangpu District', { exact: true })).toBeVisible();
});

test('switching in the app header changes menu and page titles at once, and back to Chinese', async ({ page }) => {
  await signInViaApi(page.request, 'city-admin');
  await page.goto('/enterprises');
  await expect(page.getByRole('heading', { name: '一企一档 · 企业名录', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Enterprise dossiers · Registry', level: 3 })).toBeVisible();
  await expectEnglishApp(page);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Enterprise dossiers · Registry', level: 3 })).toBeVisible();
  await mainMenu(page, 'Main menu').getByRole('link', { name: 'Import data' }).click();
  await expect(page.getByRole('heading', { name: 'Import data', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '数据导入', level: 3 })).toBeVisible();
  const menu = mainMenu(page);
  await expect(menu.getByRole('link', { name: '首页', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: '一企一档', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.getByRole('heading', { name: '数据导入', level: 3 })).toBeVisible();
  await expect(page).toHaveTitle('食安 · 特殊食品安全监管平台');
});
