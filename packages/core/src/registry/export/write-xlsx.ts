import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One column of an exported sheet: its header and how a row fills it. */
export interface XlsxColumn<T> {
  header: string;
  /** Width in characters. */
  width?: number;
  value(row: T): string | number | Date | null;
}

export interface WriteXlsxOptions {
  sheetName?: string;
}

/**
 * Streams rows into an xlsx workbook of one sheet (bold, frozen header row) written to `stream`, one row
 * committed at a time, so memory stays flat however many rows come. Ends the stream; answers the row count.
 * Fails, having stopped reading `rows`, when the stream is destroyed midway.
 */
export async function writeXlsx<T>(stream: Writable, columns: readonly XlsxColumn<T>[], rows: AsyncIterable<T>, options: WriteXlsxOptions = {}): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const row of rows) {
    // The reader went away (a download cancelled): stop querying for rows nobody will get.
    if (stream.destroyed) throw new Error('the xlsx output stream was closed before the end');
    sheet.addRow(columns.map((c) => c.value(row))).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
