import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, apiGet } from '../support/api.ts';
import { mainMenu, submitSignIn, waitForMotion } from '../support/ui.ts';

// 设备管理 and 预警处置 on a desktop: the demo producer's administrator registers a temperature probe and issues
// its credential (the secret is read from the once-only modal); the probe sends nine minutes of 28 °C over
// HTTPS with that credential (above the GMP 26 °C limit for longer than the 5-minute sustain), which opens a
// 立即处置 alert; Pudong's district supervisor takes it through 确认, 下发企业, 核实 and closes it as 误报, and
// the per-rule precision counts it. Everything is looked up by this spec's own device (the demo city may
// carry simulated devices and alerts of its own).

test.use({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });

interface Precision {
  ruleKind: string;
  closed: number;
  falsePositives: number;
}

/** Picks `label` in a plain (non-search) antd Select. */
async function pick(page: Page, select: ReturnType<Page['getByLabel']>, label: string): Promise<void> {
  await select.click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').and(page.getByTitle(label, { exact: true }));
  await waitForMotion(option);
  await option.click();
}

test('a device is registered with its credential, its excursion becomes an alert, handled to closed as a false positive', async ({ page, browser, request }) => {
  const code = `E2E-T${Date.now() % 1_000_000}`;

  await page.goto('/login');
  await submitSignIn(page, 'ent-admin-1', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await mainMenu(page).getByRole('link', { name: '设备管理' }).click();
  await expect(page).toHaveURL(/\/monitoring\/devices$/);
  await expect(page.getByRole('heading', { name: '设备管理', level: 3 })).toBeVisible();

  // Register: a required field left empty is named on its field; then the device is saved.
  await page.getByRole('button', { name: '登记设备' }).click();
  const form = page.getByRole('dialog', { name: '登记设备' });
  await waitForMotion(form);
  await expect(form.getByLabel('设备类型')).toBeVisible();
  await form.getByLabel('设备编号').fill(code);
  await form.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(form.getByText('请输入区域')).toBeVisible();
  await form.getByLabel('区域').fill('E2E 内包间');
  await pick(page, form.getByLabel('洁净级别'), '十万级');
  await form.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(form).toBeHidden();

  // The server's refusal lands on its field: the code is taken in this enterprise.
  await page.getByRole('button', { name: '登记设备' }).click();
  await waitForMotion(form);
  await form.getByLabel('设备编号').fill(code);
  await form.getByLabel('区域').fill('E2E 外包间');
  await pick(page, form.getByLabel('洁净级别'), '一般区');
  await form.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(form.locator('#code_help')).toHaveText('本企业已有该编号的设备');
  await form.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(form).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('温度');
  await expect(row).toContainText('十万级');
  await expect(row).toContainText('从未上报');
  await expect(row).toContainText('未签发');

  // The credential, shown once, with the MQTT topic and an HTTPS example carrying it.
  await row.getByRole('button', { name: '签发凭证' }).click();
  const modal = page.getByRole('dialog', { name: `设备凭证 · ${code}` });
  await waitForMotion(modal);
  await expect(modal).toContainText('密钥只显示这一次');
  const secret = (await modal.getByTestId('device-secret').innerText()).trim();
  expect(secret.length).toBeGreaterThanOrEqual(40);
  const example = await modal.locator('pre').innerText();
  const header = /Authorization: Device ([0-9a-f-]{36}):(\S+?)'/.exec(example);
  expect(header?.[2]).toBe(secret);
  const deviceId = header?.[1] ?? '';
  await expect(modal).toContainText(new RegExp(`shian/[0-9a-f-]{36}/${deviceId}/readings`));
  await expect(modal).toContainText('/api/v1/monitoring/readings');
  await modal.getByRole('button', { name: '我已保存，关闭' }).click();
  await expect(modal).toBeHidden();
  await expect(row).toContainText('已签发');

  // Nine readings a minute apart, 28 °C (GMP limit 26 °C), sent by the device with its own credential.
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const readings = Array.from({ length: 9 }, (_, i) => ({ at: new Date(minute - (9 - i) * 60_000).toISOString(), value: 28 }));
  const sent = await request.post('/api/v1/monitoring/readings', { headers: { authorization: `Device ${deviceId}:${secret}` }, data: { readings } });
  expect(sent.status(), await sent.text()).toBe(202);
  expect(await sent.json()).toMatchObject({ stored: 9, alertsOpened: 1 });
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: code })).not.toContainText('从未上报');

  // Pudong's district supervisor (the demo producer is in 浦东) handles it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = await context.newPage();
  await desk.goto('/login');
  await submitSignIn(desk, 'pudong-supervisor', DEMO_PASSWORD);
  await expect(desk.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  const before = (await apiGet<{ items: Precision[] }>(desk.request, '/api/v1/monitoring/precision')).items.find((p) => p.ruleKind === 'out_of_range') ?? { closed: 0, falsePositives: 0 };
  await mainMenu(desk).getByRole('link', { name: '预警处置' }).click();
  await expect(desk).toHaveURL(/\/monitoring\/alerts$/);
  await expect(desk.getByRole('heading', { name: '预警处置', level: 3 })).toBeVisible();

  const alert = desk.getByRole('row').filter({ hasText: code });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('立即处置');
  await expect(alert).toContainText('持续超限');
  await expect(alert).toContainText('E2E 内包间');
  await expect(alert).toContainText('待确认');

  await alert.getByRole('button', { name: /^确\s*认$/ }).click();
  await expect(alert).toContainText('已确认');
  await alert.getByRole('button', { name: '下发企业' }).click();
  await expect(alert).toContainText('已下发企业');
  await alert.getByRole('button', { name: /^核\s*实$/ }).click();
  await expect(alert).toContainText('已核实');

  // Closing asks for the outcome and a note; the note is required.
  await alert.getByRole('button', { name: /^关\s*闭$/ }).click();
  const close = desk.getByRole('dialog', { name: `关闭预警 · ${code}` });
  await waitForMotion(close);
  await close.getByRole('radio', { name: '误报' }).check();
  await close.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(close.getByText('请输入处置说明')).toBeVisible();
  await close.getByLabel('处置说明').fill('探头贴近照明灯具，读数失真；已移位');
  await close.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(close).toBeHidden();
  await expect(alert).toContainText('已关闭');
  await expect(alert).toContainText('误报');
  await expect(alert.getByRole('button')).toHaveCount(0);

  // The per-rule precision counts the false positive.
  const precision = desk.locator('.ant-card').filter({ hasText: '规则准确率' }).getByRole('row').filter({ hasText: '持续超限' });
  await expect(precision.getByRole('cell').nth(1)).toHaveText(String(before.closed + 1));
  await expect(precision.getByRole('cell').nth(2)).toHaveText(String(before.falsePositives + 1));
  await context.close();
});

test("a site's own rule set (现场规则) is made on the device page and a device is put under it", async ({ page }) => {
  const name = `E2E 灌装间规则 ${Date.now() % 1_000_000}`;
  const code = `E2E-R${Date.now() % 1_000_000}`;
  await page.goto('/login');
  await submitSignIn(page, 'ent-admin-1', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await page.goto('/monitoring/devices');
  await expect(page.getByRole('heading', { name: '设备管理', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: '登记设备' }).click();
  const device = page.getByRole('dialog', { name: '登记设备' });
  await waitForMotion(device);
  await device.getByLabel('设备编号').fill(code);
  await device.getByLabel('区域').fill('E2E 灌装间');
  await pick(page, device.getByLabel('洁净级别'), '十万级');
  await device.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(device).toBeHidden();

  await page.getByRole('button', { name: '新建现场规则' }).click();
  const form = page.getByRole('dialog', { name: '新建现场规则' });
  await waitForMotion(form);
  await form.getByLabel('名称（中文）').fill(name);
  await form.getByLabel('名称（英文）').fill('E2E filling room');
  await form.getByLabel('依据').fill('工艺验证报告 E2E-2026');
  await form.getByLabel('温度 (°C) 上限').fill('28');
  await form.getByLabel('持续超限判定（秒）').fill('120');
  await form.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(form).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: code });
  await pick(page, row.getByLabel(`更换规则集 ${code}`), `${name} (v2)`);
  await expect(row).toContainText(`${name} (v2)`);
});
