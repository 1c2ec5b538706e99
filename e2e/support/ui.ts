import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Steps in the web app shared by the specs. Locators go by role and accessible name (the zh-CN labels of
 * `packages/web/src/i18n/zh-CN.ts` unless a spec switches language).
 */

/** Fills and submits the sign-in form (labels in the active language). */
export async function submitSignIn(page: Page, username: string, password: string, labels = { username: '用户名', password: '密码', submit: '登录' }): Promise<void> {
  await page.getByLabel(labels.username, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await signInButton(page, labels.submit).click();
}

/**
 * The sign-in button. Not matched exactly: after a failed attempt antd can leave its collapsed loading icon
 * (aria-label "loading") in the button when the collapse transition never ends on a busy machine, so the
 * accessible name reads "loading 登录" although the button shows only 登录.
 */
export function signInButton(page: Page, name = '登录'): Locator {
  return page.getByRole('button', { name: new RegExp(`${name}$`) });
}

/** The main menu: in the left sider on wide screens, in the drawer on a phone. */
export function mainMenu(page: Page, name = '主菜单'): Locator {
  return page.getByRole('navigation', { name });
}

/** rc-motion's classes while antd animates a popup, drawer or modal in or out (`ant-slide-up-appear-active`…). */
const MOTION_CLASS = /-(appear|enter|leave)(-(prepare|start|active))?$/;

/**
 * Waits until `target` is visible and no enter/leave animation runs on it, its ancestors or its content.
 * antd slides and zooms popups in over a few hundred milliseconds; on a busy machine Playwright can find the
 * element "stable" on a paused frame mid-motion and click a point the item then leaves (seen: the user menu's
 * 退出登录 clicked at the header instead, the dropdown staying open).
 */
export async function waitForMotion(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  await expect
    .poll(
      () =>
        target.evaluate((element, source) => {
          const pattern = new RegExp(source);
          const moving = (node: Element) => [...node.classList].some((name) => pattern.test(name));
          for (let node: Element | null = element; node; node = node.parentElement) if (moving(node)) return true;
          return [...element.querySelectorAll('*')].some(moving);
        }, MOTION_CLASS.source),
      { message: 'an antd animation is still running' },
    )
    .toBe(false);
}

/** Opens the header's user menu and chooses an entry (修改密码, 退出登录…). */
export async function chooseUserMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^(用户菜单|User menu): / }).click();
  const item = page.getByRole('menuitem', { name });
  await waitForMotion(page.getByRole('menu').filter({ has: item }));
  await item.click();
}

/**
 * Picks `label` in an antd Select with search: types it, then clicks the option. antd renders the options
 * in a popup outside the select (a portal), as plain items carrying the label in `title`; the ARIA listbox
 * it also renders is visually hidden, so the visible item is clicked.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await select.fill(label);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').and(page.getByTitle(label, { exact: true }));
  await waitForMotion(option);
  await option.click();
}

/** The page body does not scroll sideways (at most a 1px rounding difference). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('The page has no fixed viewport');
  await expect
    .poll(async () => page.evaluate(() => document.documentElement.scrollWidth), { message: 'document scrollWidth' })
    .toBeLessThanOrEqual(viewport.width + 1);
}
