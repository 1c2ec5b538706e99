/**
 * The Shanghai jurisdiction tree (辖区) as data: the city, its 16 districts (区, GB/T 2260 codes) and their
 * streets and towns (街道/镇, 9-digit GB/T 10114 township codes).
 *
 * Confirmed: the 16 district codes and names agree with the reference (§7.5, checked there against several
 * area-code datasets) and with the NBS 2023 statistical division codes; streets: see `shanghai-streets.ts`.
 * Not confirmed here: the exact merger dates of the historical districts (tagged [R] in the reference); they
 * only document when a code stopped being issued and do not change validation.
 */
import { SHANGHAI_STREET_ROWS } from './shanghai-streets.ts';

/** A level of the tree: the city (市), a district (区) or a street/town (街道/镇/乡). */
export type JurisdictionLevel = 'city' | 'district' | 'street';

/** One node of the jurisdiction tree. */
export interface JurisdictionNode {
  /** 6 digits for the city and districts, 9 for streets and towns. */
  code: string;
  /** The parent node's code; null for the city. */
  parentCode: string | null;
  level: JurisdictionLevel;
  nameZh: string;
  nameEn: string;
}

/** The province-level code of Shanghai (上海市). */
export const SHANGHAI_CODE = '310000';

/** The municipality's 市辖区 code, the prefecture level that holds every district. Not a node of the tree. */
export const SHANGHAI_MUNICIPAL_DISTRICTS_CODE = '310100';

/** The city node. */
export const SHANGHAI_CITY: JurisdictionNode = {
  code: SHANGHAI_CODE,
  parentCode: null,
  level: 'city',
  nameZh: '上海市',
  nameEn: 'Shanghai',
};

/** The 16 current districts, in code order. */
export const SHANGHAI_DISTRICTS: readonly JurisdictionNode[] = (
  [
    ['310101', '黄浦区', 'Huangpu District'],
    ['310104', '徐汇区', 'Xuhui District'],
    ['310105', '长宁区', 'Changning District'],
    ['310106', '静安区', "Jing'an District"],
    ['310107', '普陀区', 'Putuo District'],
    ['310109', '虹口区', 'Hongkou District'],
    ['310110', '杨浦区', 'Yangpu District'],
    ['310112', '闵行区', 'Minhang District'],
    ['310113', '宝山区', 'Baoshan District'],
    ['310114', '嘉定区', 'Jiading District'],
    ['310115', '浦东新区', 'Pudong New Area'],
    ['310116', '金山区', 'Jinshan District'],
    ['310117', '松江区', 'Songjiang District'],
    ['310118', '青浦区', 'Qingpu District'],
    ['310120', '奉贤区', 'Fengxian District'],
    ['310151', '崇明区', 'Chongming District'],
  ] as const
).map(([code, nameZh, nameEn]): JurisdictionNode => ({ code, parentCode: SHANGHAI_CODE, level: 'district', nameZh, nameEn }));

/** Every street and town, in code order; the parent is the district named by the first 6 digits. */
export const SHANGHAI_STREETS: readonly JurisdictionNode[] = SHANGHAI_STREET_ROWS.map(([code, nameZh, nameEn]): JurisdictionNode => ({
  code,
  parentCode: code.slice(0, 6),
  level: 'street',
  nameZh,
  nameEn,
}));

/** The whole tree: the city, then the districts, then the streets and towns. */
export const SHANGHAI_JURISDICTIONS: readonly JurisdictionNode[] = [SHANGHAI_CITY, ...SHANGHAI_DISTRICTS, ...SHANGHAI_STREETS];

/** A district code no longer issued. It still appears inside older USCC, SC and JY numbers. */
export interface HistoricalDivision {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The current district that took over its area. */
  successorCode: string;
  /** The year the code stopped being used. */
  retiredIn: number;
}

/** Historical Shanghai district codes with their successors. Never reject these inside identifiers. */
export const HISTORICAL_DIVISIONS: readonly HistoricalDivision[] = [
  { code: '310103', nameZh: '卢湾区', nameEn: 'Luwan District', successorCode: '310101', retiredIn: 2011 },
  { code: '310108', nameZh: '闸北区', nameEn: 'Zhabei District', successorCode: '310106', retiredIn: 2015 },
  { code: '310119', nameZh: '南汇区', nameEn: 'Nanhui District', successorCode: '310115', retiredIn: 2009 },
  { code: '310230', nameZh: '崇明县', nameEn: 'Chongming County', successorCode: '310151', retiredIn: 2016 },
];

const NODE_BY_CODE: ReadonlyMap<string, JurisdictionNode> = new Map(SHANGHAI_JURISDICTIONS.map((node) => [node.code, node]));

/** The node with this code, or undefined. Historical codes are not nodes: see {@link HISTORICAL_DIVISIONS}. */
export function findJurisdiction(code: string): JurisdictionNode | undefined {
  return NODE_BY_CODE.get(code);
}

/**
 * Whether a 6-digit code is a Shanghai division an identifier may carry: the city (310000), the 市辖区 level
 * (310100), a current district, or a historical district.
 */
export function isKnownShanghaiDivision(code: string): boolean {
  if (code === SHANGHAI_CODE || code === SHANGHAI_MUNICIPAL_DISTRICTS_CODE) return true;
  if (NODE_BY_CODE.get(code)?.level === 'district') return true;
  return HISTORICAL_DIVISIONS.some((division) => division.code === code);
}

/**
 * GB/T 2260 province-level codes (first two digits of any division code), including 71 Taiwan and
 * 81/82 Hong Kong and Macao, which GB/T 2260 lists.
 */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];
