import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, csrfHeaders, readDossier, signInViaApi } from '../support/api.ts';
import { mainMenu, submitSignIn } from '../support/ui.ts';

// 监测大屏 and 监测曲线 on a desktop: the demo producer's administrator (through the API) adds two warehouses of
// its own, a temperature probe in each with its credential; one probe sends nine minutes of 28 °C (above the
// GMP 26 °C limit for longer than the 5-minute sustain, an immediate alert), the other 22 °C. Pudong's district
// supervisor sees both sites on the wall (one red 立即处置, one green 正常), opens the one in alert and finds the
// chart and the open alert. Everything is found by this spec's own names (the demo city may carry simulated
// devices and alerts of its own).

test.use({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });

interface Created {
  id: string;
}

async function created<T extends Created>(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(201);
  // I/O boundary: the server validates its answers against its published schema.
  return (await response.json()) as T;
}

test('the wall shows a site in alert and one in order, and the site in alert its chart and open alert', async ({ page, browser, request }) => {
  const tag = `E2E大屏${Date.now() % 1_000_000}`;

  // The enterprise side, through the API: two warehouses, a probe in each, readings sent with each credential.
  const enterprise = await browser.newContext();
  const ent = await enterprise.newPage();
  const user = await signInViaApi(ent.request, 'ent-admin-1');
  const enterpriseId = user.enterpriseId ?? '';
  const { enterprise: record } = await readDossier(ent.request, enterpriseId);
  const headers = await csrfHeaders(ent);
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const sites: Record<'alert' | 'ok', { premises: string; code: string; value: number; deviceId: string }> = {
    alert: { premises: `${tag} 一号仓库`, code: `${tag}-A`, value: 28, deviceId: '' },
    ok: { premises: `${tag} 二号仓库`, code: `${tag}-B`, value: 22, deviceId: '' },
  };
  for (const site of Object.values(sites)) {
    const premises = await created<Created>(
      await ent.request.post(`/api/v1/enterprises/${enterpriseId}/premises`, { headers, data: { name: site.premises, address: '上海市浦东新区测试路 1 号', kind: 'warehouse', jurisdictionCode: record.jurisdictionCode } }),
      'premises',
    );
    const device = await created<Created>(
      await ent.request.post('/api/v1/monitoring/devices', { headers, data: { premisesId: premises.id, kind: 'temperature', code: site.code, area: '成品库', cleanClass: 'class_100000' } }),
      'device',
    );
    const { secret } = await created<Created & { secret: string }>(await ent.request.post(`/api/v1/monitoring/devices/${device.id}/credential`, { headers, data: {} }), 'credential');
    site.deviceId = device.id;
    const readings = Array.from({ length: 9 }, (_, i) => ({ at: new Date(minute - (9 - i) * 60_000).toISOString(), value: site.value }));
    // Sent as the device (no session cookie): the credential is the only authority.
    const sent = await request.post('/api/v1/monitoring/readings', { headers: { authorization: `Device ${device.id}:${secret}` }, data: { readings } });
    expect(sent.status(), await sent.text()).toBe(202);
    expect(await sent.json()).toMatchObject({ stored: 9, alertsOpened: site.value > 26 ? 1 : 0 });
  }
  await enterprise.close();

  // Pudong's district supervisor opens the wall from the menu and finds both sites by this spec's tag.
  await page.goto('/login');
  await submitSignIn(page, 'pudong-supervisor', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: '首页', level: 3 })).toBeVisible();
  await mainMenu(page).getByRole('link', { name: '监测大屏' }).click();
  await expect(page).toHaveURL(/\/monitoring$/);
  await expect(page.getByRole('heading', { name: '监测大屏', level: 3 })).toBeVisible();
  await expect(page.getByTestId('wall-updated-at')).toContainText('更新于');
  await page.getByRole('searchbox', { name: '搜索企业、场所或地址' }).fill(tag);

  const alertCard = page.locator('a.monitoring-site-card').filter({ hasText: sites.alert.premises });
  const okCard = page.locator('a.monitoring-site-card').filter({ hasText: sites.ok.premises });
  await expect(alertCard).toHaveAttribute('data-status', 'immediate');
  await expect(alertCard).toContainText('立即处置 1');
  await expect(alertCard).toContainText('设备 1 · 在线 1 · 离线 0');
  await expect(okCard).toHaveAttribute('data-status', 'ok');
  await expect(okCard).toContainText('正常');
  // Worst first.
  await expect(page.locator('a.monitoring-site-card').first()).toContainText(sites.alert.premises);

  // The site in alert: its probe's chart (a canvas) with the limit, and its open alert linking to 预警处置.
  await alertCard.click();
  await expect(page).toHaveURL(new RegExp(`/monitoring/sites/${enterpriseId}\\?premisesId=`));
  await expect(page.getByRole('heading', { name: /^监测曲线 · /, level: 3 })).toBeVisible();
  const device = page.getByTestId('monitoring-device-chart').filter({ hasText: sites.alert.code });
  const chart = device.locator('canvas');
  await expect(chart).toBeVisible();
  await expect(device).toContainText('限值 18–26 °C');
  await expect(device).toContainText('最新值 28 °C');
  const alertRow = page.getByRole('row').filter({ hasText: sites.alert.code });
  await expect(alertRow).toHaveCount(1);
  await expect(alertRow).toContainText('立即处置');
  await expect(alertRow).toContainText('持续超限');
  await expect(alertRow).toContainText('待确认');
  await expect(alertRow.getByRole('link', { name: '查看' })).toHaveAttribute('href', `/monitoring/alerts?deviceId=${sites.alert.deviceId}`);

  // Seven days: hour roll-ups, the chart still drawn.
  await page.getByText('7 天', { exact: true }).click();
  await expect(page).toHaveURL(/hours=168/);
  await expect(chart).toBeVisible();
});
