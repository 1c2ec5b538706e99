/**
 * The column dictionaries of the import (导入列): for each kind, every column's field (as in the domain
 * schema), its zh-CN and en-US header, an explanation for the template, an example, and its cell parser.
 * Headers are matched in either language, ignoring spaces, case, `*` and full-width forms.
 */
import { computeGtinCheckDigit, makeScNumber, makeUscc, type Localised } from '@shian/domain';
import { type CellParse, type CellValue, cellText, columnLetter, foldLabel, parseDateCell, parseYesNoCell, parsed, splitList } from './cells.ts';
import { type CellError, type ImportKind, invalidFile } from './import-plan.ts';
import {
  parseJurisdictionNameCell,
  parseKindsCell,
  parseLicenceCategoriesCell,
  parseLicenceStatusCell,
  parseProductCategoryCell,
} from './value-parsers.ts';

export interface ImportColumn {
  /** The schema field the column fills (`jurisdictionName` resolves to `jurisdictionCode`). */
  key: string;
  header: Localised;
  /** Other headers people write for the column. */
  aliases: readonly string[];
  description: Localised;
  /** A sample value for the template's example row. */
  example: string;
  parse(cell: CellValue): CellParse;
}

export interface ImportSpec {
  kind: ImportKind;
  sheetName: Localised;
  columns: readonly ImportColumn[];
  /** Groups of column keys: the file must have at least one column of each group. */
  required: readonly (readonly string[])[];
}

const text = (cell: CellValue): CellParse => parsed(cellText(cell));
const list = (cell: CellValue): CellParse => parsed(splitList(cell));

function column(
  key: string,
  zh: string,
  en: string,
  parse: (cell: CellValue) => CellParse,
  description: [string, string],
  example: string,
  aliases: readonly string[] = [],
): ImportColumn {
  return { key, header: { 'zh-CN': zh, 'en-US': en }, aliases, description: { 'zh-CN': description[0], 'en-US': description[1] }, example, parse };
}

const EXAMPLE_USCC = makeUscc('91', '310115', 1);
const EXAMPLE_LICENCE = makeScNumber('127', '310115', 1);
const EXAMPLE_GTIN = `690123456789${computeGtinCheckDigit('690123456789')}`;

const usccColumn = (role: [string, string]): ImportColumn =>
  column('uscc', '统一社会信用代码', 'Unified social credit code', text, role, EXAMPLE_USCC, ['社会信用代码', '信用代码', 'USCC', 'Credit code']);

const ENTERPRISES: ImportSpec = {
  kind: 'enterprises',
  sheetName: { 'zh-CN': '企业', 'en-US': 'Enterprises' },
  required: [['uscc'], ['name'], ['legalRepresentative'], ['kinds'], ['jurisdictionCode', 'jurisdictionName'], ['address']],
  columns: [
    usccColumn(['必填。18 位代码；已登记的代码更新该企业，未登记的新增企业', 'Required. 18 characters; a registered code updates that enterprise, a new one adds it']),
    column('name', '企业名称', 'Enterprise name', text, ['必填', 'Required'], '上海示例保健食品有限公司', ['名称', '单位名称', 'Name']),
    column('legalRepresentative', '法定代表人', 'Legal representative', text, ['必填', 'Required'], '张三', ['法人', '法人代表']),
    column('kinds', '主体类型', 'Kinds', parseKindsCell, ['必填，可填多个，用顿号分隔：生产企业、销售者、进口商、电商平台、网络销售者、贮存运输', 'Required; several allowed, separated by 、 , or ;: Producer, Seller, Importer, E-commerce platform, Online seller, Storage and transport'], '生产企业、销售者', ['类型', 'Kind']),
    column('jurisdictionCode', '所属辖区代码', 'Jurisdiction code', text, ['与“所属辖区”二选一：6 位区代码或 9 位街道代码', 'Either this or Jurisdiction: a 6-digit district or 9-digit street code'], '', ['辖区代码']),
    column('jurisdictionName', '所属辖区', 'Jurisdiction', parseJurisdictionNameCell, ['与“所属辖区代码”二选一：区名，或“区名/街道名”', 'Either this or Jurisdiction code: a district, or district/street'], '浦东新区/陆家嘴街道', ['辖区', '所在辖区']),
    column('address', '地址', 'Address', text, ['必填：住所或经营场所地址', 'Required: registered address'], '上海市浦东新区示例路 1 号', ['住所', '注册地址']),
    column('phone', '电话', 'Phone', text, ['选填', 'Optional'], '021-12345678', ['联系电话', 'Telephone']),
    column('confirmUscc', '确认代码', 'Confirm code', parseYesNoCell, ['选填：代码校验位不符但确认无误时填“是”，该企业标记待复核', 'Optional: yes imports a code that fails its check character, flagged for review'], '', ['Confirm USCC']),
  ],
};

const LICENCES: ImportSpec = {
  kind: 'licences',
  sheetName: { 'zh-CN': '许可证', 'en-US': 'Licences' },
  required: [['uscc'], ['number'], ['issuingAuthority'], ['issuedOn']],
  columns: [
    usccColumn(['必填：持证企业的代码，企业须已登记', 'Required: the holder, which must be registered']),
    column('number', '许可证编号', 'Licence number', text, ['必填：SC 或 JY 加 14 位数字；已登记的编号更新该许可证', 'Required: SC or JY and 14 digits; a registered number updates that licence'], EXAMPLE_LICENCE, ['编号', '许可证号']),
    column('categories', '许可类别', 'Categories', parseLicenceCategoriesCell, ['选填：3 位类别代码或名称，可填多个（如 127、保健食品）', 'Optional: 3-digit codes or names, several allowed (e.g. 127, Health food)'], '127', ['食品类别', '类别']),
    column('issuingAuthority', '发证机关', 'Issuing authority', text, ['必填', 'Required'], '上海市浦东新区市场监督管理局', ['发证部门']),
    column('issuedOn', '发证日期', 'Issued on', parseDateCell, ['必填：日期，如 2024-01-02', 'Required: a date such as 2024-01-02'], '2024-01-02', ['签发日期']),
    column('validUntil', '有效期至', 'Valid until', parseDateCell, ['选填：空白时为发证日起 5 年', 'Optional: blank means 5 years from the issue date'], '2029-01-01', ['有效期', '截止日期']),
    column('status', '状态', 'Status', parseLicenceStatusCell, ['选填：有效、暂停、吊销、注销；空白为有效', 'Optional: valid, suspended, revoked, cancelled; blank is valid'], '有效', ['许可状态']),
  ],
};

const PRODUCTS: ImportSpec = {
  kind: 'products',
  sheetName: { 'zh-CN': '产品', 'en-US': 'Products' },
  required: [['uscc'], ['name'], ['category'], ['registrationNumber']],
  columns: [
    usccColumn(['必填：注册人/备案人企业的代码，企业须已登记', 'Required: the registrant, which must be registered']),
    column('name', '产品名称', 'Product name', text, ['必填', 'Required'], '示例牌维生素C片', ['名称']),
    column('category', '产品类别', 'Category', parseProductCategoryCell, ['必填：保健食品、婴幼儿配方乳粉、特殊医学用途配方食品', 'Required: Health food, Infant formula, Food for special medical purposes'], '保健食品', ['类别']),
    column('registrationNumber', '注册/备案号', 'Registration number', text, ['必填：注册证号或备案号；已登记的号码更新该产品', 'Required: registration or filing number; a registered number updates that product'], '食健备G202031000001', ['注册号', '备案号', '注册证号']),
    column('functions', '保健功能', 'Health functions', list, ['选填：仅保健食品，可填多个', 'Optional: health food only, several allowed'], '补充维生素C', ['功能']),
    column('gtins', '商品条码', 'GTINs', list, ['选填：8、12、13 或 14 位，可填多个', 'Optional: 8, 12, 13 or 14 digits, several allowed'], EXAMPLE_GTIN, ['条码', 'GTIN', 'Barcode']),
    column('specification', '规格', 'Specification', text, ['选填', 'Optional'], '60 片/瓶', ['包装规格']),
    column('licenceNumber', '生产许可证编号', 'Production licence number', text, ['选填：本企业已登记的 SC 许可证，类别须覆盖该产品', "Optional: one of the enterprise's registered SC licences covering the product"], EXAMPLE_LICENCE, ['许可证编号', 'SC编号']),
  ],
};

export const IMPORT_SPECS: Record<ImportKind, ImportSpec> = { enterprises: ENTERPRISES, licences: LICENCES, products: PRODUCTS };

/** A column's header in both languages, to name it to a user; undefined for a field the kind does not have. */
export function importColumnHeader(kind: ImportKind, field: string): Localised | undefined {
  return IMPORT_SPECS[kind].columns.find((c) => c.key === field)?.header;
}

/** A column of the dictionary found in the file. */
export interface BoundColumn {
  column: ImportColumn;
  index: number;
  letter: string;
  /** The header as written in the file. */
  header: string;
}

export interface HeaderMatch {
  /** Bound columns by field. */
  bound: Map<string, BoundColumn>;
  /** Unknown and repeated columns, which are ignored. */
  warnings: CellError[];
}

function headerLookup(spec: ImportSpec): Map<string, ImportColumn> {
  const lookup = new Map<string, ImportColumn>();
  for (const c of spec.columns) {
    for (const label of [c.key, c.header['zh-CN'], c.header['en-US'], ...c.aliases]) lookup.set(foldLabel(label), c);
  }
  return lookup;
}

const LOOKUPS: Record<ImportKind, Map<string, ImportColumn>> = {
  enterprises: headerLookup(ENTERPRISES),
  licences: headerLookup(LICENCES),
  products: headerLookup(PRODUCTS),
};

/** The dictionary column a header names, if any. */
export function findColumn(kind: ImportKind, header: string): ImportColumn | undefined {
  return LOOKUPS[kind].get(foldLabel(header));
}

/**
 * Binds the header row to the kind's columns. Unknown and repeated columns become warnings; a file without
 * any known column, or missing a required one, is `import.invalid_file`.
 */
export function matchHeaders(spec: ImportSpec, headers: readonly CellValue[]): HeaderMatch {
  const bound = new Map<string, BoundColumn>();
  const warnings: CellError[] = [];
  headers.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === undefined) return;
    const letter = columnLetter(index);
    const found = findColumn(spec.kind, header);
    if (!found) {
      warnings.push({ column: letter, columnLabel: header, field: null, message: 'field.import_column_ignored', params: { header } });
    } else if (bound.has(found.key)) {
      warnings.push({ column: letter, columnLabel: header, field: found.key, message: 'field.import_column_repeated', params: { header } });
    } else {
      bound.set(found.key, { column: found, index, letter, header });
    }
  });
  if (bound.size === 0) throw invalidFile('field.import_no_header');
  const missing = spec.required.filter((group) => !group.some((key) => bound.has(key)));
  if (missing.length > 0) {
    const names = (locale: 'zh-CN' | 'en-US') =>
      missing.map((group) => group.map((key) => spec.columns.find((c) => c.key === key)?.header[locale] ?? key).join(locale === 'zh-CN' ? '或' : ' or ')).join(locale === 'zh-CN' ? '、' : ', ');
    throw invalidFile('field.import_missing_columns', { columnsZh: names('zh-CN'), columnsEn: names('en-US') });
  }
  return { bound, warnings };
}
