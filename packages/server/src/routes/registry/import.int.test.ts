import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { USCC_CHARSET, makeScNumber, makeUscc } from '@shian/domain';
import { verifyAuditChain } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { runImportCommand } from '../../cli/import-command.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let admin: Session;
let huangpu: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t.app, (await buildUser(t.database.db, 'city_admin', { jurisdictionCode: '310000' })).user.username);
  huangpu = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
});
afterAll(async () => t.close());

let sequence = randomInt(1, 880_000_000);
const newUscc = (district = '310115'): string => makeUscc('91', district, (sequence += 1));
/** A well-formed code whose check character is wrong. */
const badCheckUscc = (): string => {
  const good = newUscc();
  return good.slice(0, 17) + USCC_CHARSET.charAt((USCC_CHARSET.indexOf(good.charAt(17)) + 1) % USCC_CHARSET.length);
};
let licenceSequence = randomInt(0, 9000);
const newScNumber = (): string => makeScNumber('127', '310115', (licenceSequence += 1));

/** GB18030 bytes of a text (what Excel on a Chinese Windows writes), from the decoder's own two-byte table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? []))));
}

const HEADERS = ['统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属辖区', '地址', '电话'];
type Row = (string | number | Date | null)[];
const enterpriseRow = (uscc: string, name: string, jurisdiction = '浦东新区/陆家嘴街道'): Row => [uscc, name, '王五', '生产企业、销售者', jurisdiction, `上海市示例路${name.length}号`, '021-55550000'];

async function xlsxOf(rows: readonly Row[], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart body with one file in the field `file`, as a browser sends it. */
function multipart(filename: string, content: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----shian-${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(session: Session, kind: string, filename: string, content: Uint8Array, headers: Record<string, string> = {}) {
  const body = multipart(filename, content);
  return session.request({ method: 'POST', url: `/api/v1/imports?kind=${kind}`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

const confirm = (session: Session, id: string) => session.post(`/api/v1/imports/${id}/confirm`);

async function enterpriseByUscc(uscc: string) {
  return t.database.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

async function countRecordAudits(): Promise<number> {
  const { n } = await t.database.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`action LIKE 'enterprise.%' OR action LIKE 'licence.%' OR action LIKE 'product.%'`)
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('preview', () => {
  it('names every bad cell by row, column letter and header, in the user language, and refuses to confirm', async () => {
    const good = [newUscc(), newUscc(), newUscc()];
    const file = await xlsxOf([
      enterpriseRow(good[0] ?? '', '上海甲保健食品有限公司'),
      enterpriseRow(good[1] ?? '', '上海乙保健食品有限公司'),
      enterpriseRow(good[2] ?? '', '上海丙保健食品有限公司'),
      [newUscc(), '上海丁保健食品有限公司', null, '生产企业', '浦东新区', '上海市丁路1号', null],
      ['91310115ABC', '上海戊保健食品有限公司', '赵六', '生产企业、餐馆', '浦东新区', '上海市戊路1号', null],
    ]);
    const res = await upload(admin, 'enterprises', 'enterprises.xlsx', file);
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ kind: 'enterprises', filename: 'enterprises.xlsx', counts: { create: 3, update: 0, unchanged: 0, error: 2 }, warnings: [] });
    expect(preview.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'error'],
      [6, 'error'],
    ]);
    expect(preview.rows[0].key).toBe(good[0]);
    expect(preview.rows[0].changes).toContainEqual({ field: 'kinds', before: null, after: ['producer', 'seller'] });
    expect(preview.rows[3].errors).toEqual([{ column: 'C', columnLabel: '法定代表人', message: '必填' }]);
    expect(preview.rows[4].errors).toEqual([
      { column: 'A', columnLabel: '统一社会信用代码', message: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）' },
      { column: 'D', columnLabel: '主体类型', message: '主体类型“餐馆”无法识别，可填：生产企业、销售者、进口商、电商平台、网络销售者、贮存运输' },
    ]);

    const english = (await upload(admin, 'enterprises', 'enterprises.xlsx', file, { 'accept-language': 'en-US,en;q=0.9' })).json();
    expect(english.rows[3].errors).toEqual([{ column: 'C', columnLabel: 'Legal representative', message: 'Required' }]);
    expect(english.rows[4].errors).toEqual([
      { column: 'A', columnLabel: 'Unified social credit code', message: 'A unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)' },
      { column: 'D', columnLabel: 'Kinds', message: expect.stringContaining('Unknown kind "餐馆"') },
    ]);

    const refused = await confirm(admin, preview.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import.has_errors', message: '文件中有 3 处错误，修正后重新上传' });
    expect(await enterpriseByUscc(good[0] ?? '')).toBeUndefined();
  });

  it('flags duplicates within the file, naming the earlier row, and needs 确认代码 for a failing check character', async () => {
    const dup = newUscc();
    const unconfirmed = badCheckUscc();
    const confirmed = badCheckUscc();
    const file = await xlsxOf(
      [
        [...enterpriseRow(dup, '上海重复一有限公司'), null],
        [...enterpriseRow(dup, '上海重复二有限公司'), null],
        [...enterpriseRow(unconfirmed, '上海未确认有限公司'), '否'],
        [...enterpriseRow(confirmed, '上海已确认有限公司'), '是'],
      ],
      [...HEADERS, '确认代码', '备注'],
    );
    const preview = (await upload(admin, 'enterprises', 'dup.xlsx', file)).json();
    expect(preview.warnings).toEqual([{ column: 'I', columnLabel: '备注', message: '未识别的列“备注”，已忽略' }]);
    expect(preview.rows[1].errors).toEqual([{ column: 'A', columnLabel: '统一社会信用代码', message: '与第 2 行重复' }]);
    expect(preview.rows[2].errors[0]).toMatchObject({ column: 'A', message: expect.stringContaining('请在“确认代码”列填写“是”') });
    expect(preview.rows[3]).toMatchObject({ action: 'create', errors: [] });
  });

  it('takes the jurisdiction from its code or its name, and checks that both agree', async () => {
    const headers = ['统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属辖区代码', '所属辖区', '地址'];
    const row = (code: string | number | null, name: string | null): Row => [newUscc(), '上海辖区测试有限公司', '张三', '销售者', code, name, '上海市某路1号'];
    const file = await xlsxOf([row(310115005, '浦东新区'), row('310101', null), row('310101', '浦东新区'), row('319999', null), row(null, '虹桥'), row(null, null)], headers);
    const preview = (await upload(admin, 'enterprises', 'j.xlsx', file)).json();
    expect(preview.rows[0]).toMatchObject({ action: 'create', changes: expect.arrayContaining([{ field: 'jurisdictionCode', before: null, after: '310115005' }]) });
    expect(preview.rows[1]).toMatchObject({ action: 'create', errors: [] });
    expect(preview.rows.slice(2).map((r: { errors: unknown[] }) => r.errors)).toEqual([
      [{ column: 'F', columnLabel: '所属辖区', message: '所属辖区与所属辖区代码 310101 不一致' }],
      [{ column: 'E', columnLabel: '所属辖区代码', message: '辖区代码不存在' }],
      [{ column: 'F', columnLabel: '所属辖区', message: '有多个街道名为“虹桥”，请写成“区名/街道名”' }],
      [{ column: 'E', columnLabel: '所属辖区代码', message: '必填' }],
    ]);
  });

  it('refuses files that are not xlsx or csv, and files without the required columns', async () => {
    const xls = await upload(admin, 'enterprises', 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.statusCode).toBe(400);
    expect(xls.json()).toMatchObject({ code: 'import.invalid_file', message: '无法读取文件：只接受 .xlsx 或 .csv 文件' });
    const missing = await upload(admin, 'enterprises', 'm.xlsx', await xlsxOf([[newUscc(), '甲']], ['统一社会信用代码', '企业名称']), { 'accept-language': 'en-US' });
    expect(missing.json().message).toBe(
      'The file cannot be read: required columns are missing: Legal representative, Kinds, Jurisdiction code or Jurisdiction, Address',
    );
    const noKind = await admin.request({ method: 'POST', url: '/api/v1/imports?kind=people', ...multipart('a.csv', new Uint8Array([0x61])) });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().code).toBe('request.invalid');
  });

  it('is refused to an inspector, who may not import', async () => {
    const inspector = await signInAs(t.app, (await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' })).user.username);
    const res = await upload(inspector, 'enterprises', 'a.xlsx', await xlsxOf([enterpriseRow(newUscc(), '上海某公司')]));
    expect(res.statusCode).toBe(403);
  });
});

describe('confirm', () => {
  it('creates the records, audits them, indexes them; the same file again is all unchanged and changes nothing', async () => {
    const codes = [newUscc(), newUscc(), newUscc()];
    const tag = `导入测试${sequence}`;
    const file = await xlsxOf(codes.map((code, i) => enterpriseRow(code, `上海${tag}第${i + 1}保健食品有限公司`)));
    const preview = (await upload(admin, 'enterprises', 'clean.xlsx', file)).json();
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    const applied = await confirm(admin, preview.id);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ applied: { created: 3, updated: 0, unchanged: 0 } });

    const first = await enterpriseByUscc(codes[0] ?? '');
    expect(first).toMatchObject({ jurisdictionCode: '310115005', kinds: ['producer', 'seller'], legalRepresentative: '王五', usccCheckFailed: false });
    const dossier = (await admin.get(`/api/v1/enterprises/${first?.id}`)).json();
    expect(dossier.enterprise).toMatchObject({ uscc: codes[0], jurisdictionCode: '310115005', jurisdictionName: expect.stringContaining('陆家嘴街道') });
    expect(dossier.premises).toEqual([expect.objectContaining({ kind: 'registered', jurisdictionCode: '310115005' })]);
    const audits = await t.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'enterprise.import_create').where('entityId', '=', first?.id ?? '').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.before).toBeNull();
    expect(await t.database.db.selectFrom('auditLog').select('entityId').where('action', '=', 'import.apply').where('entityId', '=', preview.id).execute()).toHaveLength(1);
    const found = (await admin.get(`/api/v1/enterprises?q=${encodeURIComponent(tag)}`)).json();
    expect(found.items.map((e: { uscc: string }) => e.uscc).sort()).toEqual([...codes].sort());
    expect((await admin.get(`/api/v1/enterprises?q=${codes[1]}`)).json().items).toHaveLength(1);

    const twice = await confirm(admin, preview.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('import.already_applied');

    const before = await countRecordAudits();
    const again = (await upload(admin, 'enterprises', 'clean.xlsx', file)).json();
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(again.rows.every((r: { changes: unknown[] }) => r.changes.length === 0)).toBe(true);
    expect((await confirm(admin, again.id)).json()).toEqual({ applied: { created: 0, updated: 0, unchanged: 3 } });
    expect(await countRecordAudits()).toBe(before);
    expect((await enterpriseByUscc(codes[0] ?? ''))?.version).toBe(1);

    const edited = await xlsxOf(codes.map((code, i) => (i === 0 ? [code, `上海${tag}第1保健食品有限公司`, '李四', '生产企业', '黄浦区', '上海市新地址1号', null] : enterpriseRow(code, `上海${tag}第${i + 1}保健食品有限公司`))));
    const update = (await upload(admin, 'enterprises', 'edited.xlsx', edited)).json();
    expect(update.counts).toEqual({ create: 0, update: 1, unchanged: 2, error: 0 });
    expect(update.rows[0].changes).toEqual([
      { field: 'legalRepresentative', before: '王五', after: '李四' },
      { field: 'kinds', before: ['producer', 'seller'], after: ['producer'] },
      { field: 'jurisdictionCode', before: '310115005', after: '310101' },
      { field: 'address', before: expect.any(String), after: '上海市新地址1号' },
      { field: 'phone', before: '021-55550000', after: null },
    ]);
    expect((await confirm(admin, update.id)).json()).toEqual({ applied: { created: 0, updated: 1, unchanged: 2 } });
    const moved = await enterpriseByUscc(codes[0] ?? '');
    expect(moved).toMatchObject({ version: 2, jurisdictionCode: '310101', legalRepresentative: '李四', phone: null });
    const premises = await t.database.db.selectFrom('premises').select('jurisdictionCode').where('enterpriseId', '=', moved?.id ?? '').executeTakeFirstOrThrow();
    expect(premises.jurisdictionCode).toBe('310101');
    expect(await countRecordAudits()).toBe(before + 1);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses a stale preview with 409 and changes nothing', async () => {
    const [a, b] = [newUscc(), newUscc()];
    const preview = (await upload(admin, 'enterprises', 'stale.xlsx', await xlsxOf([enterpriseRow(a, '上海陈旧甲有限公司'), enterpriseRow(b, '上海陈旧乙有限公司')]))).json();
    await buildEnterprise(t.database.db, { uscc: b });
    const res = await confirm(admin, preview.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'resource.conflict', data: { rows: [3] } });
    expect(await enterpriseByUscc(a)).toBeUndefined();

    const existing = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const update = (await upload(admin, 'enterprises', 'stale2.xlsx', await xlsxOf([enterpriseRow(existing.uscc, '上海改名有限公司')]))).json();
    expect(update.counts.update).toBe(1);
    const patched = await admin.patch(`/api/v1/enterprises/${existing.id}`, { version: existing.version, phone: '021-66660000' });
    expect(patched.statusCode).toBe(200);
    expect((await confirm(admin, update.id)).statusCode).toBe(409);
    expect((await enterpriseByUscc(existing.uscc))?.name).toBe(existing.name);
  });

  it('lets only the author or a city administrator confirm', async () => {
    const other = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
    const preview = (await upload(huangpu, 'enterprises', 'mine.xlsx', await xlsxOf([enterpriseRow(newUscc('310101'), '上海本人导入有限公司', '黄浦区')]))).json();
    expect((await confirm(other, preview.id)).json().code).toBe('import.not_found');
    expect((await confirm(admin, preview.id)).statusCode).toBe(200);
  });
});

describe('jurisdiction', () => {
  it('makes rows outside a district supervisor jurisdiction errors, never applied', async () => {
    const pudong = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const own = newUscc('310101');
    const file = await xlsxOf([
      enterpriseRow(own, '上海黄浦导入有限公司', '黄浦区/外滩街道'),
      enterpriseRow(newUscc(), '上海浦东越权有限公司', '浦东新区'),
      enterpriseRow(pudong.uscc, '上海浦东已登记有限公司', '黄浦区'),
    ]);
    const preview = (await upload(huangpu, 'enterprises', 'scope.xlsx', file)).json();
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 2 });
    expect(preview.rows[1].errors).toEqual([{ column: 'E', columnLabel: '所属辖区', message: '所选辖区不在您的管辖范围内' }]);
    expect(preview.rows[2].errors).toEqual([{ column: 'A', columnLabel: '统一社会信用代码', message: '该统一社会信用代码已登记在您的管辖范围以外，不能导入' }]);

    const licences = await xlsxOf(
      [[pudong.uscc, newScNumber(), '127', '上海市浦东新区市场监督管理局', '2024-01-02']],
      ['统一社会信用代码', '许可证编号', '许可类别', '发证机关', '发证日期'],
    );
    const licencePreview = (await upload(huangpu, 'licences', 'l.xlsx', licences)).json();
    expect(licencePreview.rows[0].errors).toEqual([{ column: 'A', columnLabel: '统一社会信用代码', message: '未找到该统一社会信用代码对应的企业' }]);
  });
});

describe('licences and products', () => {
  it('imports licences and products against registered enterprises, checking categories, and indexes their numbers', async () => {
    const holder = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const number = newScNumber();
    const licenceFile = await xlsxOf(
      [[holder.uscc, number, '保健食品', '上海市浦东新区市场监督管理局', new Date(Date.UTC(2024, 0, 2)), 47483, '有效']],
      ['统一社会信用代码', '许可证编号', '许可类别', '发证机关', '发证日期', '有效期至', '状态'],
    );
    const licences = (await upload(admin, 'licences', 'licences.xlsx', licenceFile)).json();
    expect(licences.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    expect(licences.rows[0].changes).toContainEqual({ field: 'validUntil', before: null, after: '2029-12-31' });
    expect((await confirm(admin, licences.id)).statusCode).toBe(200);

    const productHeaders = ['统一社会信用代码', '产品名称', '产品类别', '注册/备案号', '保健功能', '商品条码', '规格', '生产许可证编号'];
    const filing = `食健备G2024310${String(randomInt(10_000, 99_999))}`;
    const products = await xlsxOf(
      [
        [holder.uscc, '示例牌维生素C片', '保健食品', filing, '补充维生素C', '6901234567892', '60 片/瓶', number],
        [holder.uscc, '示例婴儿配方奶粉', '婴幼儿配方乳粉', `国食注字YP2024${String(randomInt(1000, 9999))}`, null, null, null, number],
      ],
      productHeaders,
    );
    const preview = (await upload(admin, 'products', 'products.xlsx', products)).json();
    expect(preview.rows[0]).toMatchObject({ action: 'create', errors: [] });
    expect(preview.rows[1].errors).toEqual([{ column: 'H', columnLabel: '生产许可证编号', message: '产品类型与生产许可类别不符：应为 129 类别许可证' }]);

    const clean = (await upload(admin, 'products', 'products.xlsx', await xlsxOf([[holder.uscc, '示例牌维生素C片', '保健食品', filing, '补充维生素C', 6901234567892, '60 片/瓶', number]], productHeaders))).json();
    expect((await confirm(admin, clean.id)).json()).toEqual({ applied: { created: 1, updated: 0, unchanged: 0 } });
    const dossier = (await admin.get(`/api/v1/enterprises/${holder.id}`)).json();
    expect(dossier.licences).toEqual([expect.objectContaining({ number, issuedOn: '2024-01-02', validUntil: '2029-12-31', categories: ['127'] })]);
    expect(dossier.products).toEqual([expect.objectContaining({ registrationNumber: filing, gtins: ['6901234567892'], licenceId: dossier.licences[0].id })]);
    for (const key of [number, filing]) {
      expect((await admin.get(`/api/v1/enterprises?q=${encodeURIComponent(key)}`)).json().items.map((e: { id: string }) => e.id)).toEqual([holder.id]);
    }
    const again = (await upload(admin, 'licences', 'licences.xlsx', licenceFile)).json();
    expect(again.counts.unchanged).toBe(1);

    const renewed = await xlsxOf([[holder.uscc, number, '127、128', '上海市市场监督管理局', '2024-01-02', null, '暂停']], ['统一社会信用代码', '许可证编号', '许可类别', '发证机关', '发证日期', '有效期至', '状态']);
    const licenceUpdate = (await upload(admin, 'licences', 'renewed.xlsx', renewed)).json();
    expect(licenceUpdate.rows[0]).toMatchObject({
      action: 'update',
      changes: [
        { field: 'categories', before: ['127'], after: ['127', '128'] },
        { field: 'issuingAuthority', before: '上海市浦东新区市场监督管理局', after: '上海市市场监督管理局' },
        { field: 'status', before: 'valid', after: 'suspended' },
      ],
    });
    expect((await confirm(admin, licenceUpdate.id)).json()).toEqual({ applied: { created: 0, updated: 1, unchanged: 0 } });
    const productUpdate = (await upload(admin, 'products', 'p2.xlsx', await xlsxOf([[holder.uscc, filing, '保健食品', '示例牌维生素C片', '90 片/瓶']], ['统一社会信用代码', '注册/备案号', '产品类别', '产品名称', '规格']))).json();
    expect(productUpdate.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'specification', before: '60 片/瓶', after: '90 片/瓶' }] });
    expect((await confirm(admin, productUpdate.id)).json()).toEqual({ applied: { created: 0, updated: 1, unchanged: 0 } });
    const after = (await admin.get(`/api/v1/enterprises/${holder.id}`)).json();
    expect(after.licences[0]).toMatchObject({ status: 'suspended', validUntil: '2029-12-31', version: 2 });
    expect(after.products[0]).toMatchObject({ specification: '90 片/瓶', gtins: ['6901234567892'], licenceId: after.licences[0].id, version: 2 });
    const actions = await t.database.db.selectFrom('auditLog').select('action').where('enterpriseId', '=', holder.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['enterprise.create', 'licence.import_create', 'product.import_create', 'licence.import_update', 'product.import_update']);
  });
});

describe('csv', () => {
  it('imports a UTF-8 CSV with a BOM and English headers, and a GB18030 CSV', async () => {
    const [a, b] = [newUscc(), newUscc()];
    const utf8 = `\uFEFFUnified social credit code,Enterprise name,Legal representative,Kinds,Jurisdiction code,Address\r\n${a},"上海逗号, 引号""有限公司",张三,"Producer, Seller",310115,"上海市示例路
1 号"\r\n`;
    const preview = (await upload(admin, 'enterprises', 'enterprises.csv', new TextEncoder().encode(utf8))).json();
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    expect(preview.rows[0].changes).toContainEqual({ field: 'name', before: null, after: '上海逗号, 引号"有限公司' });
    expect((await confirm(admin, preview.id)).statusCode).toBe(200);
    expect(await enterpriseByUscc(a)).toMatchObject({ address: '上海市示例路\n1 号', kinds: ['producer', 'seller'] });

    const gb = encodeGb18030(`统一社会信用代码,企业名称,法定代表人,主体类型,所属辖区,地址\r\n${b},上海国标名称有限公司,张三,生产企业,浦东新区,上海市浦东新区示例路\r\n`);
    expect(new TextDecoder('utf-8').decode(gb)).toContain('\uFFFD');
    const gbPreview = await upload(admin, 'enterprises', 'gb.csv', gb);
    expect(gbPreview.json().rows[0]).toMatchObject({ action: 'create', errors: [] });
    expect(gbPreview.json().rows[0].changes).toContainEqual({ field: 'name', before: null, after: '上海国标名称有限公司' });
  });
});

describe('template', () => {
  it('downloads a workbook with the zh-CN headers, an example row that previews cleanly, and an explanation sheet', async () => {
    const res = await admin.get('/api/v1/imports/template.xlsx?kind=enterprises');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const [sheet, help] = workbook.worksheets;
    expect(sheet?.getRow(1).values).toEqual([undefined, '统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属辖区代码', '所属辖区', '地址', '电话', '确认代码']);
    expect(sheet?.actualRowCount).toBe(2);
    expect(help?.getRow(2).values).toEqual([undefined, '统一社会信用代码', 'Unified social credit code', expect.stringContaining('18 位'), expect.stringContaining('18 characters')]);

    const preview = (await upload(admin, 'enterprises', 'template.xlsx', res.rawPayload)).json();
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    for (const kind of ['licences', 'products']) expect((await admin.get(`/api/v1/imports/template.xlsx?kind=${kind}`)).statusCode).toBe(200);
  });
});

describe('CLI', () => {
  it('prints the counts and every bad cell in zh-CN, and exits 1 without applying', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shian-import-'));
    const path = join(dir, 'cli.xlsx');
    const good = newUscc();
    await writeFile(path, await xlsxOf([enterpriseRow(good, '上海命令行有限公司'), [newUscc(), '上海命令行二有限公司', null, '生产企业', '浦东新区', '上海市', null]]));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runImportCommand(t.database, path, 'enterprises', true)).toBe(1);
      expect(lines).toContain('cli.xlsx: create 1, update 0, unchanged 0, error 1');
      expect(lines).toContain('row 3, column C (法定代表人): 必填');
      expect(await enterpriseByUscc(good)).toBeUndefined();
      await writeFile(path, await xlsxOf([enterpriseRow(good, '上海命令行有限公司')]));
      expect(await runImportCommand(t.database, path, 'enterprises', true)).toBe(0);
      expect(await enterpriseByUscc(good)).toBeDefined();
      expect(await runImportCommand(t.database, path, 'people', false)).toBe(2);
    } finally {
      log.mockRestore();
      error.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
