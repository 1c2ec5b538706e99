import type PDFDocument from 'pdfkit';

/** A pdfkit document. `@types/pdfkit` declares the module as one value typed as the document itself. */
export type Pdf = typeof PDFDocument;

/** Names the two Noto Sans SC faces are registered under in every record. */
export const FONT_REGULAR = 'record-regular';
export const FONT_BOLD = 'record-bold';

export const BODY_SIZE = 10;
export const TABLE_SIZE = 9;
export const LINE_GAP = 2;
/** Padding inside a table cell, in points. */
export const CELL_PADDING = 4;
export const RULE_WIDTH = 0.6;
export const LABEL_FILL = '#f0f0f0';
export const SECTION_FILL = '#f7f7f7';

/** One cell of a table row; its width is in points. */
export interface Cell {
  text: string;
  width: number;
  bold?: boolean;
  align?: 'left' | 'center';
  fill?: string;
}

/** The lowest y the body of the current page may reach (its bottom margin keeps the footer clear). */
export function pageBottom(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

/** The width between the page margins. */
export function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function textHeight(pdf: Pdf, cell: Cell, size: number): number {
  pdf.font(cell.bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
  const lineHeight = pdf.currentLineHeight(true);
  if (cell.text === '') return lineHeight;
  return Math.max(lineHeight, pdf.heightOfString(cell.text, { width: cell.width - 2 * CELL_PADDING, lineGap: LINE_GAP }));
}

/** The height a row needs so that every cell's text wraps inside its cell. */
export function measureRow(pdf: Pdf, cells: readonly Cell[], size: number): number {
  return Math.max(...cells.map((cell) => textHeight(pdf, cell, size))) + 2 * CELL_PADDING;
}

/**
 * Draw a row of bordered cells with its top-left corner at (x, y) and the given height. Centred cells are
 * centred vertically too; the others start at the top. Text taller than the row (a row clamped to a page)
 * is cut with an ellipsis rather than spilling onto the next page.
 */
export function drawRow(pdf: Pdf, cells: readonly Cell[], x: number, y: number, height: number, size: number): void {
  let left = x;
  for (const cell of cells) {
    if (cell.fill) pdf.rect(left, y, cell.width, height).fill(cell.fill);
    pdf.lineWidth(RULE_WIDTH).strokeColor('#000000').rect(left, y, cell.width, height).stroke();
    const room = height - 2 * CELL_PADDING;
    const needed = textHeight(pdf, cell, size);
    const top = cell.align === 'center' && needed < room ? y + CELL_PADDING + (room - needed) / 2 : y + CELL_PADDING;
    pdf.fillColor('#000000').text(cell.text, left + CELL_PADDING, top, {
      width: cell.width - 2 * CELL_PADDING,
      height: room + 1,
      ellipsis: '…',
      lineGap: LINE_GAP,
      align: cell.align ?? 'left',
    });
    left += cell.width;
  }
}

/** `2026-03-05` → `2026年3月5日`, the way dates are written on a Chinese legal document; other text as is. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
