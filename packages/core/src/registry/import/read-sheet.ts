import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { type CellValue, isBlank, normaliseCell } from './cells.ts';
import { decodeCsvBytes, parseCsv } from './csv.ts';
import { MAX_IMPORT_ROWS, invalidFile } from './import-plan.ts';

/** One data row: its spreadsheet row number (header = 1) and its cells by column index. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** The first sheet of an uploaded file: the header cells (row 1) and the non-empty data rows. */
export interface SheetData {
  format: 'xlsx' | 'csv';
  headers: CellValue[];
  rows: SheetRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const TEXT_EXTENSIONS = new Set(['.csv', '.txt']);

/**
 * Reads an uploaded file as xlsx (a zip, whatever the name says) or CSV (by extension, or text without an
 * extension). Anything else, a damaged workbook, a file without data rows or with more than
 * {@link MAX_IMPORT_ROWS} is `import.invalid_file` with the reason.
 */
export async function readSheet(filename: string, bytes: Uint8Array): Promise<SheetData> {
  const extension = extname(filename).toLowerCase();
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  let sheet: SheetData;
  if (isZip) sheet = await readXlsx(bytes);
  else if (TEXT_EXTENSIONS.has(extension) || (extension === '' && looksLikeText(bytes))) sheet = readCsv(bytes);
  else throw invalidFile(extension === '.xlsx' ? 'field.import_file_corrupt' : 'field.import_file_type');
  if (sheet.rows.length === 0) throw invalidFile('field.import_no_rows');
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw invalidFile('field.import_too_many_rows', { limit: MAX_IMPORT_ROWS });
  return sheet;
}

function looksLikeText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !bytes.subarray(0, 8192).includes(0);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (JSZip reads either); a copy gives one without a cast.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw invalidFile('field.import_file_corrupt');
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw invalidFile('field.import_file_corrupt');
  // Refuse an oversized sheet before walking it (one header row on top of the data rows).
  if (worksheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw invalidFile('field.import_too_many_rows', { limit: MAX_IMPORT_ROWS });
  const width = worksheet.columnCount;
  const cellsOf = (row: ExcelJS.Row): CellValue[] => Array.from({ length: width }, (_, i) => normaliseCell(row.getCell(i + 1).value));
  const headers = cellsOf(worksheet.getRow(1));
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = cellsOf(row);
    if (!cells.every(isBlank)) rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', headers, rows };
}

function readCsv(bytes: Uint8Array): SheetData {
  const result = parseCsv(decodeCsvBytes(bytes));
  if (!result.ok) throw invalidFile('field.import_csv_quote', { row: result.unclosedQuoteRecord });
  const [headers = [], ...data] = result.records;
  const rows: SheetRow[] = [];
  data.forEach((cells, i) => {
    if (!cells.every(isBlank)) rows.push({ row: i + 2, cells });
  });
  return { format: 'csv', headers, rows };
}
