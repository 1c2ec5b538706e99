import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, excelSerialToIso, foldLabel, normaliseCell, parseDateCell, parseYesNoCell, splitList } from './cells.ts';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [2, 'C'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('normaliseCell', () => {
  it('reduces exceljs shapes to plain values', () => {
    expect(normaliseCell({ richText: [{ text: '上海' }, { text: '某某公司' }] })).toBe('上海某某公司');
    expect(normaliseCell({ formula: 'A1&B1', result: 'ab' })).toBe('ab');
    expect(normaliseCell({ sharedFormula: 'A1', result: 42 })).toBe(42);
    expect(normaliseCell({ text: 'www.example.cn', hyperlink: 'http://www.example.cn' })).toBe('www.example.cn');
    expect(normaliseCell({ error: '#N/A' })).toBe('#N/A');
    expect(normaliseCell(undefined)).toBeNull();
    expect(normaliseCell({ formula: 'NOW()' })).toBeNull();
  });
});

describe('cellText', () => {
  it('trims ordinary and ideographic spaces and treats blank as absent', () => {
    expect(cellText('\u3000上海示例有限公司 ')).toBe('上海示例有限公司');
    expect(cellText('  \u3000')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
  });

  it('writes whole numbers in full, never in exponent form', () => {
    expect(cellText(6901234567892)).toBe('6901234567892');
    expect(cellText(21)).toBe('21');
    expect(cellText(1.5)).toBe('1.5');
  });

  it('keeps full-width punctuation of free text (company names use it)', () => {
    expect(cellText('上海示例（集团）有限公司')).toBe('上海示例（集团）有限公司');
  });

  it('writes a date cell as YYYY-MM-DD', () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02');
  });
});

describe('parseDateCell', () => {
  it('reads a date cell, rounding away floating-point noise just before midnight', () => {
    expect(parseDateCell(new Date(Date.UTC(2024, 0, 2)))).toEqual({ ok: true, value: '2024-01-02' });
    expect(parseDateCell(new Date(Date.UTC(2024, 0, 2) - 1))).toEqual({ ok: true, value: '2024-01-02' });
  });

  it('reads Excel serial numbers (1900 date system)', () => {
    expect(parseDateCell(45292)).toEqual({ ok: true, value: '2024-01-01' });
    expect(parseDateCell(45657.75)).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseDateCell(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(parseDateCell(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToIso(0)).toBeUndefined();
    expect(parseDateCell(-3).ok).toBe(false);
  });

  it.each([
    ['2024-01-02', '2024-01-02'],
    ['2024/1/2', '2024-01-02'],
    ['2024.01.02', '2024-01-02'],
    ['2024年1月2日', '2024-01-02'],
    ['２０２４－０１－０２', '2024-01-02'],
    ['20240102', '2024-01-02'],
    ['2024-01-02T00:00:00', '2024-01-02'],
    ['2024-01-02 08:30', '2024-01-02'],
    ['45292', '2024-01-01'],
  ])('reads text %j', (input, iso) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: iso });
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '02/01/2024', 'soon', '2024-1'])('refuses %j', (input) => {
    expect(parseDateCell(input)).toEqual({ ok: false, message: 'field.date_format' });
  });

  it('leaves a blank cell empty', () => {
    expect(parseDateCell(' ')).toEqual({ ok: true, value: undefined });
    expect(parseDateCell(null)).toEqual({ ok: true, value: undefined });
  });
});

describe('splitList', () => {
  it('splits on 、 , ; in either width and on line breaks, dropping empty items', () => {
    expect(splitList('生产企业、销售者')).toEqual(['生产企业', '销售者']);
    expect(splitList('a, b;c')).toEqual(['a', 'b', 'c']);
    expect(splitList('6901234567892，6901234567809；  ')).toEqual(['6901234567892', '6901234567809']);
    expect(splitList('增强免疫力\n抗氧化')).toEqual(['增强免疫力', '抗氧化']);
    expect(splitList('、,')).toEqual([]);
    expect(splitList(null)).toEqual([]);
    expect(splitList(6901234567892)).toEqual(['6901234567892']);
  });
});

describe('foldLabel', () => {
  it('folds full-width forms, spaces, case and the required marker', () => {
    expect(foldLabel('ＵＳＣＣ')).toBe('uscc');
    expect(foldLabel(' 企业 名称* ')).toBe('企业名称');
    expect(foldLabel('注册／备案号')).toBe('注册/备案号');
    expect(foldLabel('Legal  Representative')).toBe('legalrepresentative');
  });
});

describe('parseYesNoCell', () => {
  it('reads yes and no in Chinese, English, booleans and digits; blank is no', () => {
    for (const yes of ['是', 'YES', 'y', 'TRUE', '1', true]) expect(parseYesNoCell(yes)).toEqual({ ok: true, value: true });
    for (const no of ['否', 'no', 'False', '0', false, null, '']) expect(parseYesNoCell(no)).toEqual({ ok: true, value: false });
    expect(parseYesNoCell('maybe')).toEqual({ ok: false, message: 'field.import_yes_no' });
  });
});
