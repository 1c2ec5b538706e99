/**
 * Parsers for cells that name something from the platform's vocabulary: enterprise kinds (主体类型),
 * jurisdictions by name (所属辖区), product categories, SC licence categories (许可类别) and licence statuses.
 * Names are matched in zh-CN or en-US, or by key, ignoring spaces, case and full-width forms.
 */
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_KIND_NAMES,
  LICENCE_STATUSES,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_NAMES,
  SC_FOOD_CATEGORIES,
  SHANGHAI_CITY,
  SHANGHAI_DISTRICTS,
  SHANGHAI_STREETS,
  type JurisdictionNode,
  type Localised,
} from '@shian/domain';
import { type CellParse, type CellValue, cellText, foldLabel, parsed, problem, splitList } from './cells.ts';

type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** Licence statuses (许可证状态) as spreadsheets write them. */
export const LICENCE_STATUS_NAMES: Record<LicenceStatus, Localised> = {
  valid: { 'zh-CN': '有效', 'en-US': 'Valid' },
  suspended: { 'zh-CN': '暂停', 'en-US': 'Suspended' },
  revoked: { 'zh-CN': '吊销', 'en-US': 'Revoked' },
  cancelled: { 'zh-CN': '注销', 'en-US': 'Cancelled' },
};

/** A lookup from every folded spelling (key, zh-CN, en-US, extra aliases) to a value. */
function vocabulary<T extends string>(
  keys: readonly T[],
  names: Record<T, Localised>,
  aliases: Partial<Record<T, readonly string[]>> = {},
): Map<string, T> {
  const map = new Map<string, T>();
  for (const key of keys) {
    for (const spelling of [key, names[key]['zh-CN'], names[key]['en-US'], ...(aliases[key] ?? [])]) map.set(foldLabel(spelling), key);
  }
  return map;
}

const KINDS = vocabulary(ENTERPRISE_KINDS, ENTERPRISE_KIND_NAMES, {
  producer: ['生产者', '生产商'],
  seller: ['销售企业', '经营者'],
  e_commerce_platform: ['电子商务平台', '网络交易平台'],
  online_seller: ['网店', '网络经营者'],
  warehouse: ['贮存', '仓储', '贮存运输企业'],
});
const CATEGORIES = vocabulary(PRODUCT_CATEGORIES, PRODUCT_CATEGORY_NAMES, {
  infant_formula: ['婴幼儿配方食品', '婴配乳粉'],
  fsmp: ['特医食品', '特殊医学用途食品'],
});
const STATUSES = vocabulary(LICENCE_STATUSES, LICENCE_STATUS_NAMES, { revoked: ['撤销'], suspended: ['中止'] });
const SC_CATEGORY_BY_NAME = new Map<string, string>(
  SC_FOOD_CATEGORIES.flatMap((c) => [
    [foldLabel(c.name['zh-CN']), c.code],
    [foldLabel(c.name['en-US']), c.code],
  ]),
);
const SC_CODES = new Set<string>(SC_FOOD_CATEGORIES.map((c) => c.code));

/** Enterprise kinds, several to a cell; each must be known. Blank → empty list (the schema requires one). */
export function parseKindsCell(cell: CellValue): CellParse {
  const kinds: string[] = [];
  for (const item of splitList(cell)) {
    const kind = KINDS.get(foldLabel(item));
    if (!kind) return problem('field.import_kind_unknown', { value: item });
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return parsed(kinds);
}

/** One product category by key or name. */
export function parseProductCategoryCell(cell: CellValue): CellParse {
  const text = cellText(cell);
  if (text === undefined) return parsed(undefined);
  const category = CATEGORIES.get(foldLabel(text));
  return category ? parsed(category) : problem('field.import_category_unknown');
}

/** One licence status by key or name; blank → undefined (the default, or the stored status on update). */
export function parseLicenceStatusCell(cell: CellValue): CellParse {
  const text = cellText(cell);
  if (text === undefined) return parsed(undefined);
  const status = STATUSES.get(foldLabel(text));
  return status ? parsed(status) : problem('field.import_licence_status_unknown');
}

/** SC food categories (许可类别): 3-digit codes or names, several to a cell (`127、保健食品`, `127保健食品`). */
export function parseLicenceCategoriesCell(cell: CellValue): CellParse {
  const codes: string[] = [];
  for (const item of splitList(cell)) {
    const folded = foldLabel(item);
    const leading = /^(\d{3})/u.exec(folded)?.[1];
    const code = leading && SC_CODES.has(leading) ? leading : SC_CATEGORY_BY_NAME.get(folded);
    if (!code) return problem('field.import_licence_category_unknown', { value: item });
    if (!codes.includes(code)) codes.push(code);
  }
  return parsed(codes);
}

/** Folded spellings of a jurisdiction's name: as written, and without its level suffix (`浦东新区` → `浦东`). */
function nameVariants(node: JurisdictionNode): string[] {
  const zh = foldLabel(node.nameZh);
  const en = foldLabel(node.nameEn);
  return [
    zh,
    zh.replace(/(新区|区|街道|镇|乡)$/u, ''),
    en,
    en.replace(/(newarea|district|subdistrict|town|township)$/u, ''),
  ].filter((v) => v.length > 0);
}

function indexByName(nodes: readonly JurisdictionNode[]): Map<string, JurisdictionNode[]> {
  const index = new Map<string, JurisdictionNode[]>();
  for (const node of nodes) {
    for (const variant of new Set(nameVariants(node))) index.set(variant, [...(index.get(variant) ?? []), node]);
  }
  return index;
}

const DISTRICTS_BY_NAME = indexByName(SHANGHAI_DISTRICTS);
const STREETS_BY_NAME = indexByName(SHANGHAI_STREETS);
const CITY_NAMES = new Set(nameVariants(SHANGHAI_CITY));

/**
 * A jurisdiction by name (所属辖区): a district (`浦东新区`, `浦东`, `Pudong New Area`), a district and a
 * street (`浦东新区/陆家嘴街道`), or a street alone when its name is unique in the city. A leading `上海市/` is
 * allowed. Answers the code, or the problem.
 */
export function resolveJurisdictionName(text: string): { code: string } | { problem: 'unknown' | 'ambiguous' } {
  const parts = foldLabel(text)
    .split(/[/>|\\]+/u)
    .filter((part) => part.length > 0);
  if (parts.length > 1 && CITY_NAMES.has(parts[0] ?? '')) parts.shift();
  const [first = '', second] = parts;
  if (parts.length === 1 && CITY_NAMES.has(first)) return { code: SHANGHAI_CITY.code };
  const districts = DISTRICTS_BY_NAME.get(first) ?? [];
  if (parts.length === 1) {
    if (districts.length === 1 && districts[0]) return { code: districts[0].code };
    const streets = STREETS_BY_NAME.get(first) ?? [];
    if (streets.length === 1 && streets[0]) return { code: streets[0].code };
    return { problem: streets.length > 1 ? 'ambiguous' : 'unknown' };
  }
  if (parts.length === 2 && second !== undefined && districts.length === 1 && districts[0]) {
    const districtCode = districts[0].code;
    const street = (STREETS_BY_NAME.get(second) ?? []).find((node) => node.parentCode === districtCode);
    if (street) return { code: street.code };
  }
  return { problem: 'unknown' };
}

/** The 所属辖区 cell: resolved to a jurisdiction code. */
export function parseJurisdictionNameCell(cell: CellValue): CellParse {
  const text = cellText(cell);
  if (text === undefined) return parsed(undefined);
  const result = resolveJurisdictionName(text);
  if ('code' in result) return parsed(result.code);
  return problem(result.problem === 'ambiguous' ? 'field.import_jurisdiction_ambiguous' : 'field.import_jurisdiction_name_unknown', { value: text });
}
