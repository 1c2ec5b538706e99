import ExcelJS from 'exceljs';
import { IMPORT_SPECS } from './import-columns.ts';
import type { ImportKind } from './import-plan.ts';

const NOTES: readonly (readonly [string, string])[] = [
  ['第 1 行为列名，从第 2 行起每行一条记录；列的顺序不限，中文或英文列名均可。', 'Row 1 holds the headers, each further row one record; columns may come in any order, headed in Chinese or English.'],
  ['可填多个值的单元格用顿号、逗号或分号分隔。', 'Cells with several values separate them with 、 , or ;.'],
  ['上传后先预览：每个有误的单元格按行号和列标列出，确认后才写入。', 'An upload is previewed first, naming every bad cell by row and column; nothing is written until you confirm.'],
  ['同一文件再次导入时，未变化的记录不会改动。', 'Importing the same file again leaves unchanged records alone.'],
];

/**
 * The import template of a kind (导入模板): the zh-CN headers with one example row on the first sheet, and a
 * second sheet explaining each column in zh-CN and en-US.
 */
export async function buildImportTemplate(kind: ImportKind): Promise<Buffer> {
  const spec = IMPORT_SPECS[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName['zh-CN'], { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format, so that Excel keeps credit codes, dates and barcodes as typed.
  sheet.columns = spec.columns.map((c) => ({ header: c.header['zh-CN'], key: c.key, width: Math.max(14, c.header['zh-CN'].length * 2 + 6), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(spec.columns.map((c) => c.example));

  const help = workbook.addWorksheet('填写说明 Instructions');
  help.columns = [
    { header: '列名', width: 18 },
    { header: 'Column', width: 28 },
    { header: '说明', width: 60 },
    { header: 'Description', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) help.addRow([c.header['zh-CN'], c.header['en-US'], c.description['zh-CN'], c.description['en-US']]);
  help.addRow([]);
  for (const [zh, en] of NOTES) help.addRow(['', '', zh, en]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
