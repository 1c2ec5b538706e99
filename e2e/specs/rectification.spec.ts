import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, apiGet, csrfHeaders, signInViaApi } from '../support/api.ts';
import { expectNoHorizontalOverflow, waitForMotion } from '../support/ui.ts';
import { pngPhoto } from '../support/png.ts';

// Rectification (整改) end to end: the demo enterprise's administrator finds the open order in 待办, answers it
// with a text and a photo; the inspector who found the problem sees it answered in their 待办 and verifies it
// from the documents (书面核查). The dossier's risk tab (风险等级) shows a grade with its explanation, and a
// supervisor schedules an inspection (安排检查) from the dossier.

test.use({ timezoneId: 'Asia/Shanghai' });

/** The fields of the API's answers the test reads (the server publishes the full schema). */
interface Order {
  id: string;
  number: string;
  status: 'open' | 'answered' | 'verified' | 'escalated';
  inspectionId: string;
  enterprise: { id: string; name: string };
  response: string | null;
  verification: 'remote' | 'follow_up' | null;
  verificationNote: string | null;
  evidence: { id: string; filename: string; contentType: string }[];
}

interface InspectionFacts {
  id: string;
  revision: number;
  checklist: { sections: { items: { id: string; severity: 'general' | 'key' }[] }[] };
}

interface RiskFacts {
  profile: { version: number } | null;
  current: { grade: string; confirmed: boolean; explanation: string[] } | null;
}

/** Signs in any demo login (also the numbered inspectors) through the API; returns the user's id. */
async function signIn(page: Page, username: string): Promise<string> {
  const response = await page.request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok(), `sign in as ${username}: HTTP ${response.status()}`).toBe(true);
  // I/O boundary: the server validates its answers against its published schema.
  return ((await response.json()) as { user: { id: string } }).user.id;
}

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data, headers: await csrfHeaders(page) });
  expect(response.ok(), `POST ${path}: HTTP ${response.status()} ${await response.text()}`).toBe(true);
  // I/O boundary, as above.
  return (await response.json()) as T;
}

/**
 * Where the demo has no open order for its enterprise (another test answered it), one is made the way it
 * arises: the Pudong supervisor schedules an inspection with two inspectors, the first completes it with
 * one general item failed and 限期整改.
 */
async function createOpenOrder(page: Page, enterpriseId: string): Promise<void> {
  const second = await signIn(page, 'pudong-inspector-2');
  const first = await signIn(page, 'pudong-inspector');
  await signIn(page, 'pudong-supervisor');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const inspection = await post<InspectionFacts>(page, '/api/v1/inspections', { enterpriseId, kind: 'routine', scheduledOn: today, inspectorIds: [first, second] });
  const items = inspection.checklist.sections.flatMap((section) => section.items);
  const failed = items.find((item) => item.severity === 'general');
  if (!failed) throw new Error('The checklist has no general item');
  const answers = Object.fromEntries(
    items.map((item) => [item.id, item === failed ? { result: 'fail', note: '进货查验记录不完整', disposition: 'rectification' } : { result: 'pass' }]),
  );
  const image = `data:image/png;base64,${pngPhoto(40, 20).toString('base64')}`;
  await signIn(page, 'pudong-inspector');
  await post(page, `/api/v1/inspections/${inspection.id}/sync`, {
    submissionId: crypto.randomUUID(),
    baseRevision: inspection.revision,
    answers,
    photos: [],
    signatures: { inspectors: [{ userId: first, name: '张伟', image }, { userId: second, name: '检查员', image }], representative: { name: '企业代表', image } },
    inspectedOn: today,
    complete: true,
  });
}

/** The demo enterprise's open order, made first if the demo has none left. */
async function openOrderOfDemoEnterprise(page: Page): Promise<Order> {
  const admin = await signInViaApi(page.request, 'ent-admin-1');
  if (!admin.enterpriseId) throw new Error('ent-admin-1 acts for no enterprise');
  const find = async () => (await apiGet<{ items: Order[] }>(page.request, '/api/v1/rectification-orders', { status: 'open' })).items[0];
  let order = await find();
  if (!order) {
    await createOpenOrder(page, admin.enterpriseId);
    await signInViaApi(page.request, 'ent-admin-1');
    order = await find();
  }
  if (!order) throw new Error('No open rectification order for the demo enterprise');
  return order;
}

test('the enterprise answers an open rectification order with a photo; the inspector verifies it remotely', async ({ page }) => {
  const order = await openOrderOfDemoEnterprise(page);
  const answer = `已补全进货查验记录并培训相关人员（${Date.now()}）`;

  // 待办: the order is there, by its number, as 限期整改.
  await page.goto('/');
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /^待办/ }).click();
  await expect(page.getByRole('heading', { name: '待办事项', level: 3 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: order.number });
  await expect(row).toContainText('限期整改');
  await row.getByRole('link', { name: order.number }).click();

  await expect(page).toHaveURL(new RegExp(`/rectifications/${order.id}$`));
  await expect(page.getByRole('heading', { name: `整改通知 ${order.number}` })).toBeVisible();
  await expect(page.getByText('待整改', { exact: true })).toBeVisible();
  await page.getByLabel('整改情况说明').fill(answer);
  await page.locator('input[type="file"]').setInputFiles({ name: 'rectified.png', mimeType: 'image/png', buffer: pngPhoto() });
  await expect(page.getByText('rectified.png')).toBeVisible();
  await page.getByRole('button', { name: '提交整改报告' }).click();
  await expect(page.getByText('整改报告已提交', { exact: true })).toBeVisible();
  await expect(page.getByText('待核查', { exact: true })).toBeVisible();
  await expect(page.getByText(answer)).toBeVisible();
  const evidence = page.getByRole('link', { name: /rectified\.png/ });
  await expect(evidence).toBeVisible();

  const answered = await apiGet<Order>(page.request, `/api/v1/rectification-orders/${order.id}`);
  expect(answered.status).toBe('answered');
  expect(answered.response).toBe(answer);
  expect(answered.evidence.map((file) => [file.filename, file.contentType])).toEqual([['rectified.png', 'image/png']]);
  const file = await page.request.get((await evidence.getAttribute('href')) ?? '');
  expect(file.headers()['content-type']).toBe('image/png');
  expect((await file.body()).equals(pngPhoto())).toBe(true);

  // The enterprise owes nothing more on it.
  await page.goto('/work');
  await expect(page.getByRole('heading', { name: '待办事项', level: 3 })).toBeVisible();
  await expect(page.getByRole('link', { name: order.number })).toHaveCount(0);

  // The inspector: the order waits in 待办 as 整改复查, answered, with the report and the photo.
  await signInViaApi(page.request, 'pudong-inspector');
  await page.goto('/work');
  const inspectorRow = page.getByRole('row').filter({ hasText: order.number });
  await expect(inspectorRow).toContainText('整改复查');
  await inspectorRow.getByRole('link', { name: order.number }).click();
  await expect(page.getByRole('heading', { name: `整改通知 ${order.number}` })).toBeVisible();
  await expect(page.getByText('待核查', { exact: true })).toBeVisible();
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByRole('img', { name: 'rectified.png' })).toBeVisible();

  await page.getByRole('button', { name: '书面核查通过' }).click();
  const dialog = page.getByRole('dialog', { name: '书面核查通过' });
  await waitForMotion(dialog);
  await dialog.getByLabel('核查意见').fill('整改报告及照片显示问题已整改到位');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('整改已核查通过', { exact: true })).toBeVisible();
  await expect(page.getByText('已核查', { exact: true })).toBeVisible();
  await expect(page.getByText('书面核查', { exact: true })).toBeVisible();

  const verified = await apiGet<Order>(page.request, `/api/v1/rectification-orders/${order.id}`);
  expect(verified.status).toBe('verified');
  expect(verified.verification).toBe('remote');
  expect(verified.verificationNote).toBe('整改报告及照片显示问题已整改到位');
});

test("the dossier's risk tab shows the grade with its explanation, on a phone too", async ({ page }) => {
  const admin = await signInViaApi(page.request, 'ent-admin-1');
  const enterpriseId = admin.enterpriseId ?? '';
  let risk = await apiGet<RiskFacts>(page.request, `/api/v1/enterprises/${enterpriseId}/risk`);
  if (!risk.current) {
    // Not graded in the demo: the district supervisor records the facts and grades it.
    await signInViaApi(page.request, 'pudong-supervisor');
    if (!risk.profile) {
      const facts = { foodCategories: ['health_food'], scale: 'medium', employees: 120, hasExtraction: true, sharedLineWithGeneralFood: false, outsourcedProcessing: false };
      const response = await page.request.put(`/api/v1/enterprises/${enterpriseId}/risk-profile`, { data: { risk: { sector: 'production', facts }, creditClass: null }, headers: await csrfHeaders(page) });
      expect(response.ok(), await response.text()).toBe(true);
    }
    await post(page, `/api/v1/enterprises/${enterpriseId}/risk-grade/regrade`, {});
    await signInViaApi(page.request, 'ent-admin-1');
    risk = await apiGet<RiskFacts>(page.request, `/api/v1/enterprises/${enterpriseId}/risk`);
  }
  const grade = risk.current;
  if (!grade) throw new Error('The demo enterprise has no risk grade');

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/enterprises/${enterpriseId}?tab=risk`);
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('img', { name: `风险等级 ${grade.grade} 级` }).first()).toBeVisible();
  const explanation = panel.getByRole('list', { name: '评定说明' });
  await expect(explanation.getByRole('listitem')).toHaveCount(grade.explanation.length);
  await expect(explanation.getByRole('listitem').first()).toHaveText(grade.explanation[0] ?? '');
  // A rule set whose figures are not checked against the official text says so.
  await expect(panel.getByText('未确认', { exact: true })).toHaveCount(grade.confirmed ? 0 : 1);
  // The facts are the administrator's to declare: the form is there and enabled.
  await expect(panel.getByRole('button', { name: '保存风险因素' })).toBeEnabled();
  await expectNoHorizontalOverflow(page);
});

test('a supervisor schedules an inspection from the dossier with two eligible inspectors', async ({ page }) => {
  const admin = await signInViaApi(page.request, 'ent-admin-1');
  const enterpriseId = admin.enterpriseId ?? '';
  await signInViaApi(page.request, 'pudong-supervisor');
  const before = await apiGet<{ items: { id: string }[]; total: number }>(page.request, '/api/v1/inspections', { enterpriseId });

  await page.goto(`/enterprises/${enterpriseId}?tab=inspections`);
  await page.getByRole('button', { name: '安排检查' }).click();
  const dialog = page.getByRole('dialog', { name: '安排检查' });
  await waitForMotion(dialog);
  await dialog.getByLabel('飞行检查').check();
  const eligible = dialog.getByRole('checkbox', { disabled: false });
  await expect(eligible.nth(1)).toBeVisible();
  // One inspector is not enough: the form says so before anything is sent.
  await eligible.nth(0).check();
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('请至少选择 2 名检查人员')).toBeVisible();
  await eligible.nth(1).check();
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('检查已安排', { exact: true })).toBeVisible();

  const after = await apiGet<{ items: { id: string; number: string; kind: string; inspectors: unknown[] }[]; total: number }>(page.request, '/api/v1/inspections', { enterpriseId });
  expect(after.total).toBe(before.total + 1);
  const created = after.items.find((item) => !before.items.some((old) => old.id === item.id));
  if (!created) throw new Error('The scheduled inspection is not listed');
  expect(created.kind).toBe('flight');
  expect(created.inspectors).toHaveLength(2);
  await page.getByRole('tabpanel').getByRole('link', { name: created.number }).click();
  await expect(page.getByRole('heading', { name: `现场检查 ${created.number}` })).toBeVisible();
  await expect(page.getByText('待检查', { exact: true })).toBeVisible();
});
