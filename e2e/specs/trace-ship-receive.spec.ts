import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, apiGet, csrfHeaders } from '../support/api.ts';
import { chooseOption, expectNoHorizontalOverflow, waitForMotion } from '../support/ui.ts';

// Trace operations (追溯作业) end to end through the pages: the demo producer's administrator (ent-admin-1) ships
// a lot (发货) to the first demo seller (ent-seller-1), choosing the seller by name; the seller finds the
// shipment under 收货 and receives all of it with one click. 我的事件 then shows each side its own event: the
// shipment to the producer, the receipt to the seller.

test.use({ timezoneId: 'Asia/Shanghai' });

/** The fields of the API's answers the test reads (the server publishes the full schema). */
interface PremisesFacts {
  id: string;
  name: string;
  kind: string;
  gln: string | null;
}
interface DossierFacts {
  enterprise: { id: string; name: string; uscc: string };
  premises: PremisesFacts[];
  products: { name: string; gtins: string[] }[];
}

const KIND_LABELS: Record<string, string> = { registered: '住所', production: '生产场所', business: '经营场所', warehouse: '仓库' };
/** A premises as the pages label it (name, kind, GLN). */
const premisesLabel = (p: PremisesFacts) => `${p.name}（${KIND_LABELS[p.kind] ?? p.kind}${p.gln ? ` · GLN ${p.gln}` : ''}）`;
/** A premises as EPCIS names it: its GLN, or the platform's own URI. */
const locationOf = (p: PremisesFacts) => (p.gln ? `https://id.gs1.org/414/${p.gln}` : `urn:shian:loc:${p.id}`);

/** Signs a demo login in through the API (the page shares the session); returns its dossier. */
async function signIn(page: Page, username: string): Promise<DossierFacts> {
  const response = await page.request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok(), `sign in as ${username}: HTTP ${response.status()}`).toBe(true);
  // I/O boundary: the server validates its answers against its published schema.
  const { user } = (await response.json()) as { user: { enterpriseId: string | null } };
  if (!user.enterpriseId) throw new Error(`${username} acts for no enterprise`);
  return apiGet<DossierFacts>(page.request, `/api/v1/enterprises/${user.enterpriseId}`);
}

/** Types `typed` into a Select whose options come from a server search, then clicks the option titled `title`. */
async function searchAndChoose(page: Page, select: Locator, typed: string, title: string): Promise<void> {
  await select.click();
  await select.fill(typed);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').and(page.getByTitle(title, { exact: true }));
  await waitForMotion(option);
  await option.click();
}

/**
 * Stock to ship: the producer commissions a quantity of a fresh lot of its own product at its plant, through the
 * EPCIS interface with its session (what its own system would do with an API key).
 */
async function commissionLot(page: Page, plant: PremisesFacts, gtin14: string, lot: string, quantity: number): Promise<void> {
  const event = {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'ObjectEvent',
    eventTime: new Date(Date.now() - 60_000).toISOString(),
    eventTimeZoneOffset: '+08:00',
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin14}/10/${lot}`, quantity, uom: 'EA' }],
    readPoint: { id: locationOf(plant) },
    bizLocation: { id: locationOf(plant) },
  };
  const response = await page.request.post('/epcis/events', { data: JSON.stringify(event), headers: { ...(await csrfHeaders(page)), 'content-type': 'application/ld+json' } });
  expect(response.status(), await response.text()).toBe(201);
}

/** The business steps of the first rows of 我的事件 (newest first). */
async function firstSteps(page: Page, count: number): Promise<string[]> {
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs, n) => trs.slice(0, n).map((tr) => tr.children[2]?.textContent ?? ''), count);
}

test('ship a lot to a seller on the 发货 page; the seller receives it on the 收货 page; each sees its event', async ({ page }) => {
  const seller = await signIn(page, 'ent-seller-1');
  const sellerSite = seller.premises.find((p) => p.gln) ?? seller.premises[0];
  const maker = await signIn(page, 'ent-admin-1');
  const plant = maker.premises.find((p) => p.kind === 'production') ?? maker.premises[0];
  const product = maker.products.find((p) => p.gtins.length > 0);
  if (!sellerSite || !plant || !product?.gtins[0]) throw new Error('The demo needs premises for both and a product with a GTIN');
  const lot = `E2E${Date.now().toString(36).toUpperCase()}`;
  await commissionLot(page, plant, product.gtins[0].padStart(14, '0'), lot, 50);
  const reference = `E2E-${lot}`;

  // 发货: from the plant to the seller's premises, 20 of the fresh lot.
  await page.goto('/trace/operations?tab=ship');
  await expect(page.getByRole('heading', { name: '追溯作业' })).toBeVisible();
  await chooseOption(page, page.getByRole('combobox', { name: '作业场所' }), premisesLabel(plant));
  await searchAndChoose(page, page.getByRole('combobox', { name: '收货企业' }), seller.enterprise.name.slice(0, 6), `${seller.enterprise.name}（${seller.enterprise.uscc}）`);
  await chooseOption(page, page.getByRole('combobox', { name: '收货场所' }), premisesLabel(sellerSite));
  await page.getByRole('button', { name: '添加批次' }).click();
  await chooseOption(page, page.getByRole('combobox', { name: '批次' }), `${product.name} · ${lot}（可发 50）`);
  await page.getByRole('spinbutton', { name: '数量' }).fill('20');
  await page.getByLabel('送货单号（选填）').fill(reference);
  await page.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByText(/已发货，发货单号 urn:shian:desadv:/)).toBeVisible();

  // The producer's 我的事件: its shipment, newest first, at the plant.
  await page.getByRole('tab', { name: '我的事件' }).click();
  expect(await firstSteps(page, 1)).toEqual(['发货']);
  await expect(page.locator('tbody tr.ant-table-row').first()).toContainText(locationOf(plant));

  // 收货: the seller sees the shipment waiting and receives all of it.
  await signIn(page, 'ent-seller-1');
  await page.goto('/trace/operations?tab=receive');
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row).toContainText(maker.enterprise.name);
  await expect(row).toContainText(`批号 ${lot} × 20`);
  await row.getByRole('button', { name: /全部收货/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确认收货' });
  await waitForMotion(dialog);
  await dialog.getByRole('button', { name: '全部收货' }).click();
  await expect(page.getByText('已收货', { exact: true })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(0);

  // The seller's 我的事件: the receipt, at its premises.
  await page.getByRole('tab', { name: '我的事件' }).click();
  expect(await firstSteps(page, 1)).toEqual(['收货']);
  await expect(page.locator('tbody tr.ant-table-row').first()).toContainText(locationOf(sellerSite));
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the trace operation tabs fit the screen: lists become cards, nothing scrolls sideways', async ({ page }) => {
    await signIn(page, 'ent-admin-1');
    for (const tab of ['aggregate', 'ship', 'receive', 'events', 'api-keys']) {
      await page.goto(`/trace/operations?tab=${tab}`);
      await expect(page.getByRole('heading', { name: '追溯作业' })).toBeVisible();
      await expect(page.getByRole('tab', { selected: true })).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    // 我的事件 as cards: the demo producer has events (commissioning, packing, shipping).
    await page.goto('/trace/operations?tab=events');
    await expect(page.locator('.shian-card-list li').first()).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
  });
});
