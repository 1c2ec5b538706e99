import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_KIND_NAMES, FIELD_MESSAGES, LOCALES, PRODUCT_CATEGORY_NAMES } from '@shian/domain';
import { IMPORT_SPECS, findColumn, matchHeaders } from './import-columns.ts';
import { readSheet } from './read-sheet.ts';
import { LICENCE_STATUS_NAMES, parseKindsCell, parseLicenceCategoriesCell, parseLicenceStatusCell, parseProductCategoryCell, resolveJurisdictionName } from './value-parsers.ts';

describe('header matching', () => {
  it('finds a column by its zh-CN or en-US header, ignoring spaces, case, * and full-width forms', () => {
    expect(findColumn('enterprises', '统一社会信用代码')?.key).toBe('uscc');
    expect(findColumn('enterprises', 'Unified Social Credit Code')?.key).toBe('uscc');
    expect(findColumn('enterprises', 'ＵＳＣＣ')?.key).toBe('uscc');
    expect(findColumn('enterprises', ' 企业 名称 *')?.key).toBe('name');
    expect(findColumn('enterprises', '所属辖区')?.key).toBe('jurisdictionName');
    expect(findColumn('enterprises', '所属辖区代码')?.key).toBe('jurisdictionCode');
    expect(findColumn('products', '注册／备案号')?.key).toBe('registrationNumber');
    expect(findColumn('licences', 'valid until')?.key).toBe('validUntil');
    expect(findColumn('enterprises', '许可证编号')).toBeUndefined();
  });

  it('binds columns in any order, warns of unknown and repeated columns, and ignores blank headers', () => {
    const headers = ['企业名称', '备注', 'Unified social credit code', null, 'Legal representative', '主体类型', '所属辖区', '地址', '企业名称'];
    const { bound, warnings } = matchHeaders(IMPORT_SPECS.enterprises, headers);
    expect(bound.get('uscc')).toMatchObject({ index: 2, letter: 'C', header: 'Unified social credit code' });
    expect(bound.get('name')).toMatchObject({ index: 0, letter: 'A' });
    expect(warnings).toEqual([
      { column: 'B', columnLabel: '备注', field: null, message: 'field.import_column_ignored', params: { header: '备注' } },
      { column: 'I', columnLabel: '企业名称', field: 'name', message: 'field.import_column_repeated', params: { header: '企业名称' } },
    ]);
  });

  it('accepts either jurisdiction column, and names every missing required column in both languages', () => {
    expect(() => matchHeaders(IMPORT_SPECS.enterprises, ['统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属辖区代码', '地址'])).not.toThrow();
    expect(() => matchHeaders(IMPORT_SPECS.enterprises, ['统一社会信用代码', '企业名称', '主体类型', '地址'])).toThrow(
      expect.objectContaining({
        code: 'import.invalid_file',
        params: {
          reason: 'field.import_missing_columns',
          columnsZh: '法定代表人、所属辖区代码或所属辖区',
          columnsEn: 'Legal representative, Jurisdiction code or Jurisdiction',
        },
      }),
    );
    expect(() => matchHeaders(IMPORT_SPECS.licences, ['甲', '乙'])).toThrow(expect.objectContaining({ params: { reason: 'field.import_no_header' } }));
  });

  it('has headers, descriptions and examples in both languages for every column', () => {
    for (const spec of Object.values(IMPORT_SPECS)) {
      const keys = spec.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const group of spec.required) for (const key of group) expect(keys).toContain(key);
      for (const c of spec.columns) for (const locale of LOCALES) expect(c.header[locale].length && c.description[locale].length).toBeGreaterThan(0);
    }
  });
});

describe('vocabulary cells', () => {
  it('reads enterprise kinds by zh-CN name, en-US name or key, several to a cell', () => {
    expect(parseKindsCell('生产企业、销售者')).toEqual({ ok: true, value: ['producer', 'seller'] });
    expect(parseKindsCell('Producer, e-commerce PLATFORM; warehouse')).toEqual({ ok: true, value: ['producer', 'e_commerce_platform', 'warehouse'] });
    expect(parseKindsCell('生产企业、生产企业')).toEqual({ ok: true, value: ['producer'] });
    expect(parseKindsCell('生产企业、餐馆')).toEqual({ ok: false, message: 'field.import_kind_unknown', params: { value: '餐馆' } });
  });

  it('lists every kind and product category in the messages that name the choices', () => {
    for (const locale of LOCALES) {
      for (const name of Object.values(ENTERPRISE_KIND_NAMES)) expect(FIELD_MESSAGES['field.import_kind_unknown'][locale]).toContain(name[locale]);
      for (const name of Object.values(PRODUCT_CATEGORY_NAMES)) expect(FIELD_MESSAGES['field.import_category_unknown'][locale]).toContain(name[locale]);
      for (const name of Object.values(LICENCE_STATUS_NAMES)) expect(FIELD_MESSAGES['field.import_licence_status_unknown'][locale].toLowerCase()).toContain(name[locale].toLowerCase());
    }
  });

  it('reads product categories, licence categories and licence statuses', () => {
    expect(parseProductCategoryCell('保健食品')).toEqual({ ok: true, value: 'health_food' });
    expect(parseProductCategoryCell('Food for special medical purposes')).toEqual({ ok: true, value: 'fsmp' });
    expect(parseProductCategoryCell('饮料').ok).toBe(false);
    expect(parseLicenceCategoriesCell('127、保健食品，Infant formula foods; 128特殊医学用途配方食品')).toEqual({ ok: true, value: ['127', '129', '128'] });
    expect(parseLicenceCategoriesCell('999')).toEqual({ ok: false, message: 'field.import_licence_category_unknown', params: { value: '999' } });
    expect(parseLicenceStatusCell('注销')).toEqual({ ok: true, value: 'cancelled' });
    expect(parseLicenceStatusCell('Valid')).toEqual({ ok: true, value: 'valid' });
    expect(parseLicenceStatusCell('')).toEqual({ ok: true, value: undefined });
  });
});

describe('resolveJurisdictionName', () => {
  it.each([
    ['浦东新区', '310115'],
    ['浦东', '310115'],
    ['Pudong New Area', '310115'],
    ['浦东新区/陆家嘴街道', '310115005'],
    ['浦东新区 / 陆家嘴', '310115005'],
    ['上海市/浦东新区/陆家嘴街道', '310115005'],
    ['浦东新区／陆家嘴街道', '310115005'],
    ['陆家嘴街道', '310115005'],
    ['黄浦区', '310101'],
    ['上海市', '310000'],
  ])('%s → %s', (name, code) => {
    expect(resolveJurisdictionName(name)).toEqual({ code });
  });

  it('names the problem of unknown, mismatched and ambiguous names', () => {
    expect(resolveJurisdictionName('火星区')).toEqual({ problem: 'unknown' });
    expect(resolveJurisdictionName('黄浦区/陆家嘴街道')).toEqual({ problem: 'unknown' });
    // 长宁区虹桥街道 and 闵行区虹桥镇.
    expect(resolveJurisdictionName('虹桥')).toEqual({ problem: 'ambiguous' });
    expect(resolveJurisdictionName('闵行区/虹桥')).toEqual({ code: '310112107' });
  });
});

describe('readSheet on xlsx', () => {
  it('reads the first sheet with its real row numbers, date and number cells, skipping empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    workbook.addWorksheet('other').addRow(['ignored']);
    sheet.addRow(['发证日期', '商品条码', '名称']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 2)), 6901234567892, { richText: [{ text: '甲' }, { text: '公司' }] }]);
    sheet.addRow([]);
    sheet.getRow(4).values = [45292, null, '乙公司'];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readSheet('upload.bin', bytes);
    expect(read.format).toBe('xlsx');
    expect(read.headers).toEqual(['发证日期', '商品条码', '名称']);
    expect(read.rows).toEqual([
      { row: 2, cells: [new Date(Date.UTC(2024, 0, 2)), 6901234567892, '甲公司'] },
      { row: 4, cells: [45292, null, '乙公司'] },
    ]);
  });

  it('refuses a damaged workbook', async () => {
    await expect(readSheet('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ params: { reason: 'field.import_file_corrupt' } });
  });
});
