import { describe, expect, it } from 'vitest';
import {
  findJurisdiction,
  HISTORICAL_DIVISIONS,
  isKnownShanghaiDivision,
  SHANGHAI_CODE,
  SHANGHAI_DISTRICTS,
  SHANGHAI_JURISDICTIONS,
  SHANGHAI_STREETS,
} from './shanghai.ts';

const DISTRICT_CODES = [
  '310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112',
  '310113', '310114', '310115', '310116', '310117', '310118', '310120', '310151',
];

describe('SHANGHAI_JURISDICTIONS', () => {
  it('has exactly the 16 current districts under the city', () => {
    expect(SHANGHAI_DISTRICTS.map((d) => d.code)).toEqual(DISTRICT_CODES);
    for (const d of SHANGHAI_DISTRICTS) expect(d).toMatchObject({ level: 'district', parentCode: SHANGHAI_CODE });
    expect(findJurisdiction('310101')?.nameEn).toBe('Huangpu District');
    expect(findJurisdiction('310115')?.nameZh).toBe('浦东新区');
  });

  it('has one city node at the root', () => {
    const roots = SHANGHAI_JURISDICTIONS.filter((n) => n.parentCode === null);
    expect(roots).toEqual([{ code: '310000', parentCode: null, level: 'city', nameZh: '上海市', nameEn: 'Shanghai' }]);
  });

  it('has unique codes of the right length for each level', () => {
    const codes = SHANGHAI_JURISDICTIONS.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const n of SHANGHAI_JURISDICTIONS) expect(n.code).toMatch(n.level === 'street' ? /^\d{9}$/ : /^\d{6}$/);
  });

  it('gives every street a current district as parent, and its code starts with that district', () => {
    for (const street of SHANGHAI_STREETS) {
      const parent = findJurisdiction(street.parentCode ?? '');
      expect(parent?.level, street.code).toBe('district');
      expect(street.code.startsWith(street.parentCode ?? '-')).toBe(true);
    }
  });

  it('gives every district at least 2 streets or towns', () => {
    for (const d of SHANGHAI_DISTRICTS) {
      expect(SHANGHAI_STREETS.filter((s) => s.parentCode === d.code).length, d.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('has all 10 subdistricts of Huangpu and all 36 streets and towns of Pudong', () => {
    expect(SHANGHAI_STREETS.filter((s) => s.parentCode === '310101')).toHaveLength(10);
    expect(SHANGHAI_STREETS.filter((s) => s.parentCode === '310115')).toHaveLength(36);
    expect(findJurisdiction('310101002')?.nameZh).toBe('南京东路街道');
    expect(findJurisdiction('310115005')?.nameZh).toBe('陆家嘴街道');
  });

  it('names every node in both languages, with a 街道/镇/乡 suffix on streets', () => {
    for (const n of SHANGHAI_JURISDICTIONS) {
      expect(n.nameZh.length).toBeGreaterThan(1);
      expect(n.nameEn).toMatch(/^[A-Z]/);
    }
    for (const s of SHANGHAI_STREETS) expect(s.nameZh).toMatch(/(街道|镇|乡)$/);
  });
});

describe('historical divisions', () => {
  it('lists the four retired codes with current successors', () => {
    expect(HISTORICAL_DIVISIONS.map((h) => [h.code, h.successorCode])).toEqual([
      ['310103', '310101'],
      ['310108', '310106'],
      ['310119', '310115'],
      ['310230', '310151'],
    ]);
    for (const h of HISTORICAL_DIVISIONS) {
      expect(findJurisdiction(h.code)).toBeUndefined();
      expect(findJurisdiction(h.successorCode)?.level).toBe('district');
    }
  });

  it('treats current, historical and city-level codes as known, others not', () => {
    for (const code of [...DISTRICT_CODES, '310103', '310108', '310119', '310230', '310000', '310100']) {
      expect(isKnownShanghaiDivision(code), code).toBe(true);
    }
    for (const code of ['310102', '310111', '310199', '320100', '310101002']) {
      expect(isKnownShanghaiDivision(code), code).toBe(false);
    }
  });
});
