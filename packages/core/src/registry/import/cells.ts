/**
 * Spreadsheet cells as the import reads them (导入单元格): one plain value per cell whatever the source
 * (xlsx cell, CSV field), and the parsers that turn a cell into text, a list, a date or yes/no.
 */

/** A cell after reading: rich text, hyperlinks and formulas are reduced to their text or result. */
export type CellValue = string | number | boolean | Date | null;

/** A cell parsed for a column: its value (undefined when blank), or a message key with parameters. */
export type CellParse = { ok: true; value: unknown } | { ok: false; message: string; params?: Record<string, string | number> };

export const parsed = (value: unknown): CellParse => ({ ok: true, value });
export const problem = (message: string, params?: Record<string, string | number>): CellParse => ({ ok: false, message, ...(params ? { params } : {}) });

/** An exceljs cell value in any of its shapes. */
type RawCell =
  | CellValue
  | undefined
  | { error: string }
  | { richText: { text: string }[] }
  | { text: string; hyperlink: string }
  | { formula?: string; sharedFormula?: string; result?: unknown };

/** Reduces an exceljs cell value to a plain one: rich text → its text, formula → its result, error → its code. */
export function normaliseCell(raw: RawCell): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if ('richText' in raw) return raw.richText.map((part) => part.text).join('');
  if ('hyperlink' in raw) return raw.text;
  if ('error' in raw) return raw.error;
  if ('result' in raw) return normaliseCell(raw.result as RawCell); // a formula's cached result has the same shapes
  return null;
}

/** Whether a cell holds nothing but whitespace. */
export function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A cell as text, trimmed (the ideographic space U+3000 included); undefined when blank. Whole numbers are
 * written out in full (a 13-digit GTIN never becomes `6.9e12`); a date cell becomes `YYYY-MM-DD`.
 */
export function cellText(cell: CellValue): string | undefined {
  if (cell === null) return undefined;
  let text: string;
  if (typeof cell === 'number') text = Number.isSafeInteger(cell) ? BigInt(cell).toString() : String(cell);
  else if (cell instanceof Date) text = dateOfCell(cell);
  else text = String(cell);
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Folds text for comparing labels: full-width forms become half-width (NFKC), whitespace and `*` (the
 * "required" marker of many templates) go, Latin letters are lower-cased. `主体 类型*` and `ＵＳＣＣ` fold
 * to `主体类型` and `uscc`.
 */
export function foldLabel(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/gu, '').toLowerCase();
}

/** List items in one cell, separated by 、 , ; (full-width too) or line breaks; empty items dropped. */
export function splitList(cell: CellValue): string[] {
  const text = cellText(cell);
  if (text === undefined) return [];
  return text
    .split(/[、,;，；\n\r]+/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

const DAY_MS = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/** `YYYY-MM-DD` of a date cell. exceljs gives the wall-clock date as UTC; it is rounded to the second first. */
function dateOfCell(date: Date): string {
  return new Date(Math.round(date.getTime() / 1000) * 1000).toISOString().slice(0, 10);
}

/**
 * The date of an Excel serial day number (1900 date system), or undefined when out of Excel's range. Excel
 * counts a 29 February 1900 that never was, so serials before 60 are one day later than the arithmetic says.
 */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const day = Math.floor(serial + 1e-6);
  const correction = day < 60 ? 1 : 0;
  return new Date((day - UNIX_EPOCH_SERIAL + correction) * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` when year, month and day make a real calendar date. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A date cell: a real date cell, an Excel serial number (a number, or digits in CSV), or text such as
 * `2024-01-02`, `2024/1/2`, `2024.1.2`, `2024年1月2日` or `20240102`. Blank → undefined value.
 */
export function parseDateCell(cell: CellValue): CellParse {
  if (isBlank(cell)) return parsed(undefined);
  if (cell instanceof Date) return parsed(dateOfCell(cell));
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? parsed(iso) : problem('field.date_format');
  }
  const text = (cellText(cell) ?? '').normalize('NFKC');
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/u.exec(text);
  if (!match) match = /^(\d{4})(\d{2})(\d{2})$/u.exec(text);
  if (match) {
    const iso = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? parsed(iso) : problem('field.date_format');
  }
  if (/^\d{5}(\.\d+)?$/u.test(text)) {
    const iso = excelSerialToIso(Number(text));
    if (iso) return parsed(iso);
  }
  return problem('field.date_format');
}

const YES = new Set(['是', 'yes', 'y', 'true', '1', '确认', '√', '✓']);
const NO = new Set(['否', 'no', 'n', 'false', '0']);

/** A yes/no cell (是/否, yes/no, TRUE/FALSE, 1/0); blank is no. */
export function parseYesNoCell(cell: CellValue): CellParse {
  if (typeof cell === 'boolean') return parsed(cell);
  const text = cellText(cell);
  if (text === undefined) return parsed(false);
  const folded = foldLabel(text);
  if (YES.has(folded)) return parsed(true);
  if (NO.has(folded)) return parsed(false);
  return problem('field.import_yes_no');
}
