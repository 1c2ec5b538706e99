import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiGet, csrfHeaders, signInViaApi } from '../support/api.ts';
import { expectNoHorizontalOverflow, waitForMotion } from '../support/ui.ts';
import { pngPhoto } from '../support/png.ts';

// The inspector's phone (390×844): 今日检查 opened online saves the inspections on the device; the form is
// then filled with no network — answers, a photo, three signatures — survives a reload while offline, and
// syncs exactly once when the network returns.

test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Shanghai', serviceWorkers: 'allow' });

/** The fields of the inspection API the test reads (the server publishes the full schema). */
interface InspectionFacts {
  id: string;
  number: string;
  enterprise: { name: string };
  scheduledOn: string;
  status: string;
  revision: number;
  inspectors: { id: string; name: string }[];
  answers: Record<string, { result: string; note?: string; disposition?: string; photoIds?: string[] }>;
  signatures: { inspectors: { userId: string; name: string }[]; representative: { name: string } | null } | null;
  photoIds: string[];
  checklist: { sections: { items: { id: string; text: string; severity: 'general' | 'key' }[] }[] };
}

interface SyncAnswer {
  status: 'applied' | 'duplicate';
  revision: number;
  inspection: InspectionFacts;
}

/** One checklist item's card on the form (检查项 n …). */
function itemCard(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^检查项 ${number} `) });
}

/** Draws a signature on a pad with the mouse: three strokes across the middle of the canvas. */
async function sign(page: Page, groupName: string): Promise<void> {
  const group = page.getByRole('group', { name: groupName, exact: true });
  const canvas = group.locator('canvas');
  // Centred, so the sticky action bar at the bottom does not cover the pad.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`No signature pad for ${groupName}`);
  for (const [from, to] of [
    [0.15, 0.45],
    [0.45, 0.7],
    [0.7, 0.9],
  ] as const) {
    await page.mouse.move(box.x + box.width * from, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * ((from + to) / 2), box.y + box.height * 0.25, { steps: 6 });
    await page.mouse.move(box.x + box.width * to, box.y + box.height * 0.7, { steps: 6 });
    await page.mouse.up();
  }
  await expect(group.getByText('已签名', { exact: true })).toBeVisible();
}

/** Today in Shanghai, `YYYY-MM-DD` (the server's calendar). */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** One of the signed-in inspector's demo inspections that nobody has touched yet, today's first. */
async function untouchedInspection(request: APIRequestContext): Promise<InspectionFacts> {
  const { items } = await apiGet<{ items: InspectionFacts[] }>(request, '/api/v1/inspections/assigned');
  const candidates = items.filter((item) => item.status === 'scheduled' && item.revision === 0);
  const target = candidates.find((item) => item.scheduledOn === shanghaiToday()) ?? candidates[0];
  if (!target) throw new Error('The demo gives pudong-inspector no untouched scheduled inspection');
  return target;
}

/** Opens 今日检查 online (which saves the listed inspections on the device), then the form of `target`. */
async function openFormOnline(page: Page, target: InspectionFacts): Promise<void> {
  await page.goto('/inspections/today');
  await expect(page.getByText(/^已下载到本机 \d+ 项/)).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: target.number }).getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(`/inspections/${target.id}/form`);
  await expect(page.getByRole('heading', { name: target.enterprise.name, level: 3 })).toBeVisible();
}

/** Every assigned inspector and the enterprise's representative sign. */
async function signAll(page: Page, target: InspectionFacts, representative: string): Promise<void> {
  for (const inspector of target.inspectors) await sign(page, `检查人员签名：${inspector.name}`);
  await page.getByLabel('企业代表姓名').fill(representative);
  await sign(page, '企业代表签名');
}

test('offline mid-inspection: fill, photograph, sign, reload offline, then sync exactly once', async ({ page, context }) => {
  test.setTimeout(240_000);
  await signInViaApi(page.request, 'pudong-inspector');
  const target = await untouchedInspection(page.request);
  const checklistItems = target.checklist.sections.flatMap((section) => section.items);
  const failIndex = checklistItems.findIndex((item) => item.severity === 'general');
  const failed = checklistItems[failIndex];
  if (!failed) throw new Error(`The checklist of ${target.number} has no general item`);
  const keyIndex = checklistItems.findIndex((item) => item.severity === 'key');

  const syncBodies: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === `/api/v1/inspections/${target.id}/sync`) syncBodies.push(request.postData() ?? '');
  });

  // Online: 今日检查 from the menu; listing the inspections saves them on the device.
  await page.goto('/');
  await page.getByRole('button', { name: '打开菜单' }).click();
  const drawer = page.getByRole('dialog', { name: '食安 · 特殊食品安全监管平台' });
  await waitForMotion(drawer);
  await drawer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '现场检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/today$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { name: '今日检查', level: 3 })).toBeVisible();
  await expect(page.getByText('在线', { exact: true })).toBeVisible();
  await expect(page.getByText('待同步 0 项', { exact: true })).toBeVisible();
  await expect(page.getByText(/^已下载到本机 \d+ 项/)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  // The app shell must be on the device before the network goes: wait for the service worker to take over.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

  const card = page.getByRole('listitem').filter({ hasText: target.number });
  await card.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(`/inspections/${target.id}/form`);
  await expect(page.getByRole('heading', { name: target.enterprise.name, level: 3 })).toBeVisible();
  await expect(itemCard(page, 1)).toBeVisible();
  if (keyIndex >= 0) await expect(itemCard(page, keyIndex + 1).getByText('★重点项', { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The network goes, mid-inspection.
  await context.setOffline(true);
  await expect(page.getByText('离线', { exact: true })).toBeVisible();

  // Every item: the first general item fails (with a note, 限期整改 and a photo), every other one passes.
  for (let index = 0; index < checklistItems.length; index += 1) {
    const item = itemCard(page, index + 1);
    if (index === failIndex) {
      await item.getByText('不符合', { exact: true }).click();
      await item.getByRole('textbox', { name: '问题描述（必填）' }).fill('货架未亮证，许可证正本未悬挂');
      await item.getByText('限期整改', { exact: true }).click();
      await expect(item.getByRole('radio', { name: '限期整改' })).toBeChecked();
      await item.locator('input[type="file"]').setInputFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: pngPhoto() });
      await expect(item.getByRole('img', { name: '照片 1' })).toBeVisible();
    } else {
      await item.getByText('符合', { exact: true }).click();
    }
    await expect(item.getByRole('radio', { name: index === failIndex ? '不符合' : '符合', exact: true })).toBeChecked();
  }
  await expect(page.getByText(`已填写 ${checklistItems.length} / ${checklistItems.length} 项`)).toBeVisible();

  await signAll(page, target, '王芳');
  await expectNoHorizontalOverflow(page);

  await page.getByRole('button', { name: '完成检查并签名' }).click();
  await expect(page.getByText('待同步 1 项', { exact: true })).toBeVisible();
  await expect(page.getByText('检查记录已提交，等待同步')).toBeVisible();
  expect(syncBodies).toHaveLength(0);

  // Still offline, the page is reloaded (the service worker serves the app): nothing is lost.
  await page.reload();
  await expect(page.getByRole('heading', { name: target.enterprise.name, level: 3 })).toBeVisible();
  await expect(page.getByText('离线', { exact: true })).toBeVisible();
  await expect(page.getByText('待同步 1 项', { exact: true })).toBeVisible();
  await expect(page.getByText('检查记录已提交，等待同步')).toBeVisible();
  const failedCard = itemCard(page, failIndex + 1);
  await expect(failedCard.getByRole('radio', { name: '不符合', exact: true })).toBeChecked();
  await expect(failedCard.getByRole('textbox', { name: '问题描述（必填）' })).toHaveValue('货架未亮证，许可证正本未悬挂');
  await expect(failedCard.getByRole('radio', { name: '限期整改' })).toBeChecked();
  await expect(failedCard.getByRole('img', { name: '照片 1' })).toBeVisible();
  const passIndex = failIndex === 0 ? 1 : 0;
  await expect(itemCard(page, passIndex + 1).getByRole('radio', { name: '符合', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: '企业代表签名', exact: true }).getByText('已签名', { exact: true })).toBeVisible();
  await expect(page.getByLabel('企业代表姓名')).toHaveValue('王芳');
  expect(syncBodies).toHaveLength(0);

  // The network returns: the outbox is sent on its own, once.
  await context.setOffline(false);
  await expect(page.getByText('待同步 0 项', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('检查已完成', { exact: true })).toBeVisible();
  const record = page.getByRole('link', { name: '现场检查笔录（PDF）' });
  await expect(record).toHaveAttribute('href', `/api/v1/inspections/${target.id}/record.pdf`);
  expect(syncBodies).toHaveLength(1);

  const after = await apiGet<InspectionFacts>(page.request, `/api/v1/inspections/${target.id}`);
  expect(after.revision).toBe(1);
  expect(after.status).toBe('completed');
  expect(after.answers[failed.id]).toMatchObject({ result: 'fail', note: '货架未亮证，许可证正本未悬挂', disposition: 'rectification' });
  expect(after.answers[failed.id]?.photoIds).toHaveLength(1);
  expect(Object.keys(after.answers)).toHaveLength(checklistItems.length);
  expect(after.signatures?.inspectors.map((signature) => signature.userId).sort()).toEqual(target.inspectors.map((inspector) => inspector.id).sort());
  expect(after.signatures?.representative?.name).toBe('王芳');

  const pdf = await page.request.get(`/api/v1/inspections/${target.id}/record.pdf`);
  expect(pdf.ok(), `record.pdf: HTTP ${pdf.status()}`).toBe(true);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // Syncing again changes nothing: the button sends no request (the outbox is empty), and the same
  // submission sent again (a retry after a lost answer) is recognised as a duplicate.
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('同步完成')).toBeVisible();
  expect(syncBodies).toHaveLength(1);
  const [sentBody] = syncBodies;
  const replay = await page.request.post(`/api/v1/inspections/${target.id}/sync`, { data: JSON.parse(sentBody ?? '{}'), headers: await csrfHeaders(page) });
  expect(replay.status(), await replay.text()).toBe(200);
  // I/O boundary: the server validates its answers against the published schema.
  const replayed = (await replay.json()) as SyncAnswer;
  expect(replayed.status).toBe('duplicate');
  expect(replayed.revision).toBe(1);
  expect((await apiGet<InspectionFacts>(page.request, `/api/v1/inspections/${target.id}`)).revision).toBe(1);
});

test('a submission made from an outdated record is reported as a conflict, never written over the server', async ({ page, context }) => {
  test.setTimeout(180_000);
  await signInViaApi(page.request, 'pudong-inspector');
  const target = await untouchedInspection(page.request);
  const [first] = target.checklist.sections.flatMap((section) => section.items);
  if (!first) throw new Error(`The checklist of ${target.number} is empty`);
  await openFormOnline(page, target);

  // Another device of the team saves progress first: the server's record moves to revision 1.
  const elsewhere = await page.request.post(`/api/v1/inspections/${target.id}/sync`, {
    data: {
      submissionId: crypto.randomUUID(),
      baseRevision: 0,
      answers: { [first.id]: { result: 'pass', note: '另一台设备的记录' } },
      photos: [],
      signatures: null,
      inspectedOn: shanghaiToday(),
      complete: false,
    },
    headers: await csrfHeaders(page),
  });
  expect(elsewhere.status(), await elsewhere.text()).toBe(200);

  // This device, offline, completes the inspection from revision 0.
  await context.setOffline(true);
  await page.getByRole('button', { name: '未填写项全部设为符合' }).click();
  await signAll(page, target, '赵敏');
  await page.getByRole('button', { name: '完成检查并签名' }).click();
  await expect(page.getByText('待同步 1 项', { exact: true })).toBeVisible();

  // Back online: the server refuses the stale submission; the device keeps its work and says so.
  await context.setOffline(false);
  await expect(page.getByText('服务器上的记录已更新，本机记录未覆盖服务器记录')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('待同步 0 项', { exact: true })).toBeVisible();
  await expect(page.getByText('需处理 1 项', { exact: true })).toBeVisible();
  await expect(itemCard(page, 1).getByRole('radio', { name: '符合', exact: true })).toBeChecked();
  const server = await apiGet<InspectionFacts>(page.request, `/api/v1/inspections/${target.id}`);
  expect(server.revision).toBe(1);
  expect(server.status).toBe('in_progress');
  expect(server.answers[first.id]?.note).toBe('另一台设备的记录');

  // The inspector checks and resubmits on top of the server's record: it is applied once, as revision 2.
  await page.getByRole('button', { name: '保留本机记录，重新提交' }).click();
  await expect(page.getByText('服务器上的记录已更新，本机记录未覆盖服务器记录')).toBeHidden();
  await expect(page.getByText(/^需处理 \d+ 项$/)).toHaveCount(0);
  await page.getByRole('button', { name: '完成检查并签名' }).click();
  await expect(page.getByText('检查已完成', { exact: true })).toBeVisible({ timeout: 30_000 });
  const after = await apiGet<InspectionFacts>(page.request, `/api/v1/inspections/${target.id}`);
  expect(after.revision).toBe(2);
  expect(after.status).toBe('completed');
  expect(after.signatures?.representative?.name).toBe('赵敏');
});
