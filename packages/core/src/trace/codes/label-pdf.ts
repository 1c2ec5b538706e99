import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadRecordFonts } from '../../inspection/record-pdf-font.ts';
import type { CodeDownloadRow } from './code-downloads.ts';
import { QR_QUIET_MODULES, labelPlacement, labelSheetLayout, moduleRuns, moduleSize, type LabelSheetLayout, type ModuleRun } from './label-layout.ts';

/** The most labels one PDF holds (125 pages of 40); larger batches are printed in ranges. */
export const MAX_LABELS_PER_PDF = 5000;

/** What is printed under every QR code of a batch. */
export interface LabelSheetInfo {
  productName: string;
  batchNumber: string;
}

/** A QR symbol (error correction M, as GS1 recommends for Digital Link) of a URI, as runs of dark modules. */
export function qrSymbol(uri: string): { size: number; runs: ModuleRun[] } {
  const code = QRCode.create(uri, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, runs: moduleRuns(size, (row, column) => data[row * size + column] === 1) };
}

/** Cuts `text` so that it fits `width` at the current font, with an ellipsis when cut. */
function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

function drawLabel(doc: PDFKit.PDFDocument, layout: LabelSheetLayout, index: number, row: CodeDownloadRow, info: LabelSheetInfo): void {
  const place = labelPlacement(layout, index);
  const { size, runs } = qrSymbol(row.uri);
  const module = moduleSize(layout.qrSize, size);
  const x0 = place.qrX + QR_QUIET_MODULES * module;
  const y0 = place.qrY + QR_QUIET_MODULES * module;
  for (const run of runs) doc.rect(x0 + run.column * module, y0 + run.row * module, run.length * module, module);
  doc.fillColor('black').fill();
  const lines = [info.productName, `批号 LOT ${row.lot}`, `有效期至 EXP ${row.expiryDate}`, `序列号 SN ${row.serial}`];
  lines.forEach((line, i) => {
    doc.text(fitText(doc, line, place.textWidth), place.x + layout.padding, place.textY + i * layout.lineHeight, {
      width: place.textWidth,
      align: 'center',
      lineBreak: false,
    });
  });
}

export interface LabelSheetOptions {
  /** Compress page contents (default true; tests read them uncompressed). */
  compress?: boolean;
  /** Creation date written into the file. */
  createdAt?: Date;
}

/**
 * A printable A4 sheet of QR labels (追溯码标签): 4 × 10 per page, each QR code drawn as vector rectangles
 * (sharp at any printer resolution) with the product name, lot, expiry and serial under it in Noto Sans SC.
 * Streams: pages are written as rows arrive. The caller has capped the rows at {@link MAX_LABELS_PER_PDF}.
 */
export async function renderLabelSheet(rows: AsyncIterable<CodeDownloadRow>, info: LabelSheetInfo, options: LabelSheetOptions = {}): Promise<Readable> {
  const fonts = await loadRecordFonts();
  const layout = labelSheetLayout();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: `追溯码标签 ${info.batchNumber}`, Subject: info.productName, Creator: 'Shian 食安', CreationDate: options.createdAt ?? new Date() },
  });
  doc.registerFont('label', fonts.regular);
  const fill = async (): Promise<void> => {
    let index = 0;
    let page = -1;
    for await (const row of rows) {
      const place = labelPlacement(layout, index);
      if (place.page !== page) {
        doc.addPage({ size: 'A4', margin: 0 });
        doc.font('label').fontSize(layout.fontSize);
        page = place.page;
      }
      drawLabel(doc, layout, index, row, info);
      index += 1;
    }
    if (page < 0) doc.addPage({ size: 'A4', margin: 0 });
    doc.end();
  };
  fill().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}
