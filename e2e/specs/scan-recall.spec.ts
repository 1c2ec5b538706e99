import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiGet, csrfHeaders, signInViaApi } from '../support/api.ts';

// 一物一码 and 召回: the demo producer's administrator issues a small batch of item codes; a city supervisor
// recalls the lot; a buyer who scans one of the codes on a phone sees the red recall banner at once, with the
// product, the lot and how often the code has been checked; an unknown serial shows the not-registered page.

interface DossierProducts {
  products: { id: string; name: string; gtins: string[]; status: string }[];
}

interface CodeBatch {
  id: string;
  number: string;
  gtin: string;
  lot: string;
  status: 'queued' | 'issuing' | 'issued' | 'failed';
  issued: number;
  quantity: number;
  product: { name: string };
  firstCodeUri: string | null;
}

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function waitUntilIssued(request: APIRequestContext, id: string): Promise<CodeBatch> {
  let batch = await apiGet<CodeBatch>(request, `/api/v1/trace/code-batches/${id}`);
  // The job worker polls every 2 s; 20 codes are one chunk.
  await expect
    .poll(
      async () => {
        batch = await apiGet<CodeBatch>(request, `/api/v1/trace/code-batches/${id}`);
        return batch.status;
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe('issued');
  return batch;
}

/** The path (and query) of a Digital Link printed on a pack: the scan opens it on this server. */
const pathOf = (uri: string): string => {
  const url = new URL(uri);
  return `${url.pathname}${url.search}`;
};

async function issueBatch(page: Page): Promise<CodeBatch> {
  const user = await signInViaApi(page.request, 'ent-admin-1');
  if (!user.enterpriseId) throw new Error('ent-admin-1 acts for no enterprise');
  const dossier = await apiGet<DossierProducts>(page.request, `/api/v1/enterprises/${user.enterpriseId}`);
  const product = dossier.products.find((p) => p.status === 'active' && p.gtins.length > 0);
  if (!product) throw new Error('the demo producer has no product with a GTIN');
  const response = await page.request.post('/api/v1/trace/code-batches', {
    headers: await csrfHeaders(page),
    data: { productId: product.id, gtin: product.gtins[0], lot: `E2E${Date.now() % 1_000_000}`, productionDate: '2026-01-15', expiryDate: '2028-01-14', quantity: 20 },
  });
  expect(response.status(), await response.text()).toBe(202);
  const queued: CodeBatch = await response.json();
  return waitUntilIssued(page.request, queued.id);
}

test('a recalled lot shows the red banner on the public scan page at once; an unknown code is not registered', async ({ page, browser }) => {
  const batch = await issueBatch(page);
  expect(batch.issued).toBe(20);
  expect(batch.firstCodeUri).toMatch(/\/01\/\d{14}\/10\/E2E\d+\/21\/[0-9A-Z]{12}\?17=280114$/);
  const scanPath = pathOf(batch.firstCodeUri ?? '');

  // The enterprise's page lists the batch as issued, with its downloads and a link to the scan page.
  await page.goto('/trace/codes');
  await expect(page.getByRole('heading', { name: '追溯码（一物一码）', level: 3 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: batch.number });
  await expect(row.getByText('已生成')).toBeVisible();
  await expect(row.getByRole('button', { name: /CSV/ })).toBeVisible();
  await expect(row.getByRole('link', { name: /查看扫码页/ })).toHaveAttribute('href', batch.firstCodeUri ?? '');

  // A city supervisor recalls the lot (一级召回).
  const regulator = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const regulatorPage = await regulator.newPage();
  await signInViaApi(regulatorPage.request, 'city-supervisor');
  const recall = await regulatorPage.request.post('/api/v1/recalls', {
    headers: await csrfHeaders(regulatorPage),
    data: { gtin: batch.gtin, lot: batch.lot, level: '1', reason: 'e2e 抽检不合格，菌落总数超标' },
  });
  expect(recall.status(), await recall.text()).toBe(201);
  await regulator.close();

  // A buyer scans the code with a phone, signed out: the banner comes first, then the product and the lot.
  const phone = await browser.newContext({ ...PHONE, baseURL: new URL(page.url()).origin, locale: 'zh-CN' });
  const buyer = await phone.newPage();
  const first = await buyer.goto(scanPath);
  expect(first?.status()).toBe(200);
  const banner = buyer.getByRole('alert');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('召回警示：本产品正在召回');
  await expect(banner).toContainText('一级召回：e2e 抽检不合格，菌落总数超标');
  await expect(banner).toHaveCSS('background-color', 'rgb(204, 0, 0)');
  const bannerBox = await banner.boundingBox();
  expect(bannerBox?.y).toBe(0);
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(batch.product.name);
  await expect(buyer.getByText(batch.lot, { exact: true })).toBeVisible();
  await expect(buyer.getByText('您是第 1 次查询本追溯码。')).toBeVisible();
  // The page fits the phone: no sideways scrolling.
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // A second scan counts the first.
  await buyer.reload();
  await expect(buyer.getByText(/您是第 2 次查询；首次查询于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。/)).toBeVisible();

  // A serial the platform never issued: not registered, may be counterfeit, 12315.
  const fake = scanPath.replace(/\/21\/[0-9A-Z]{12}/, '/21/FAKE00000001');
  const unknown = await buyer.goto(fake);
  expect(unknown?.status()).toBe(404);
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('未登记的追溯码');
  await expect(buyer.getByText('该追溯码未在上海市食品安全追溯平台登记，可能是假冒产品。')).toBeVisible();
  await expect(buyer.getByText('投诉举报电话 12315')).toBeVisible();
  await phone.close();
});
