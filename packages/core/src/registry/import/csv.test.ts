import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from './csv.ts';
import { readSheet } from './read-sheet.ts';

const records = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`unclosed quote in record ${result.unclosedQuoteRecord}`);
  return result.records;
};

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields, with CRLF or LF, ignoring a final line break', () => {
    expect(records('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,,c\n')).toEqual([['a', '', 'c']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const text = '名称,地址\r\n"上海某某有限公司, 浦东分公司","上海市""示例""路\r\n1 号"\r\n';
    expect(records(text)).toEqual([
      ['名称', '地址'],
      ['上海某某有限公司, 浦东分公司', '上海市"示例"路\r\n1 号'],
    ]);
  });

  it('keeps an empty quoted field and a quote in the middle of an unquoted field', () => {
    expect(records('"",x\n')).toEqual([['', 'x']]);
    expect(records('5"6,x')).toEqual([['5"6', 'x']]);
  });

  it('reports a quote left open with the record it opened in', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, unclosedQuoteRecord: 2 });
  });

  it('reads tab- or semicolon-separated files when the header has no comma', () => {
    expect(records('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('decodeCsvBytes', () => {
  const text = '企业名称,地址\n上海示例,浦东\n';

  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(utf8)).toBe(text);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
  });

  it('falls back to GB18030 when the bytes are not UTF-8 (Excel on Chinese Windows)', () => {
    // "企业名称,地址\n" in GB18030 (GBK code points).
    const gb = new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb5, 0xd8, 0xd6, 0xb7, 0x0a]);
    expect(decodeCsvBytes(gb)).toBe('企业名称,地址\n');
  });
});

describe('readSheet on CSV', () => {
  it('numbers rows as the spreadsheet shows them and skips empty rows', async () => {
    const text = '\uFEFF名称,地址\n"甲公司","多行\n地址"\n,\n乙公司,浦东\n';
    const sheet = await readSheet('企业.csv', new TextEncoder().encode(text));
    expect(sheet.format).toBe('csv');
    expect(sheet.headers).toEqual(['名称', '地址']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['甲公司', '多行\n地址'] },
      { row: 4, cells: ['乙公司', '浦东'] },
    ]);
  });

  it('refuses other file types, an unclosed quote and a file without data', async () => {
    await expect(readSheet('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ code: 'import.invalid_file', params: { reason: 'field.import_file_type' } });
    await expect(readSheet('a.pdf', new TextEncoder().encode('%PDF-1.7'))).rejects.toMatchObject({ params: { reason: 'field.import_file_type' } });
    await expect(readSheet('fake.xlsx', new TextEncoder().encode('a,b'))).rejects.toMatchObject({ params: { reason: 'field.import_file_corrupt' } });
    await expect(readSheet('a.csv', new TextEncoder().encode('a,b\n"x,y\n'))).rejects.toMatchObject({ params: { reason: 'field.import_csv_quote', row: 2 } });
    await expect(readSheet('a.csv', new TextEncoder().encode('a,b\n,\n'))).rejects.toMatchObject({ params: { reason: 'field.import_no_rows' } });
  });

  it('refuses more than 20,000 data rows', async () => {
    const text = `a\n${'x\n'.repeat(20_001)}`;
    await expect(readSheet('big.csv', new TextEncoder().encode(text))).rejects.toMatchObject({ params: { reason: 'field.import_too_many_rows', limit: 20_000 } });
  });
});
