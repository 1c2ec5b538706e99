import ExcelJS from 'exceljs';
import { expect, type APIRequestContext } from '@playwright/test';

/** Spreadsheets for the import tests, built in the test with the headers of the platform's own template. */

/** The header row of the import template of `kind` (the first sheet's first row). */
export async function readTemplateHeaders(request: APIRequestContext, kind: 'enterprises' | 'licences' | 'products'): Promise<string[]> {
  const response = await request.get('/api/v1/imports/template.xlsx', { params: { kind } });
  expect(response.ok(), `template: HTTP ${response.status()}`).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await response.body()).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The template has no sheet');
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell) => headers.push(cell.text.trim()));
  return headers;
}

/** An .xlsx with `headers` in row 1 and one row per record (cells by header; a missing one stays empty). */
export async function buildXlsx(headers: readonly string[], records: readonly Record<string, string>[]): Promise<Buffer> {
  for (const record of records) {
    for (const header of Object.keys(record)) expect(headers, `the template has a column ${header}`).toContain(header);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow([...headers]);
  for (const record of records) sheet.addRow(headers.map((header) => record[header] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
