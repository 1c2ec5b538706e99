/**
 * CSV files for the import: decoding (UTF-8 with or without BOM; GB18030, which is what Excel writes on a
 * Chinese Windows, when the bytes are not UTF-8) and an RFC 4180 parser (quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF). exceljs's own CSV reader is not used: it guesses types (a
 * credit code or GTIN of digits becomes a number) and has no GB18030.
 */

/** Decodes CSV bytes: a UTF-8 BOM means UTF-8; otherwise UTF-8 unless that yields U+FFFD, then GB18030. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  if (hasBom || !utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('gb18030').decode(body);
}

export type CsvResult = { ok: true; records: string[][] } | { ok: false; unclosedQuoteRecord: number };

/** The field separator: a comma, unless the first line has tabs or semicolons and no comma. */
function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/u);
  const firstLine = end === -1 ? text : text.slice(0, end);
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/**
 * Parses CSV text into records of fields (RFC 4180). A quote opens a quoted field only at the start of a
 * field; `""` inside one is a quote. A final line break does not make an empty record. A quote left open
 * is reported with the number of the record it opened in (1-based, as the spreadsheet row).
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvResult {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStart = true;
  let quoteRecord = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      quoteRecord = records.length + 1;
    } else if (c === delimiter) endField();
    else if (c === '\n') endRecord();
    else if (c === '\r') {
      if (text.charAt(i + 1) === '\n') i += 1;
      endRecord();
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (inQuotes) return { ok: false, unclosedQuoteRecord: quoteRecord };
  if (field !== '' || record.length > 0 || !fieldStart) endRecord();
  return { ok: true, records };
}
