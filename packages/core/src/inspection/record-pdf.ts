import PDFDocument from 'pdfkit';
import { loadRecordFonts } from './record-pdf-font.ts';
import { drawItemTable } from './record-pdf-items.ts';
import {
  BODY_SIZE,
  CELL_PADDING,
  FONT_BOLD,
  FONT_REGULAR,
  LABEL_FILL,
  RULE_WIDTH,
  contentWidth,
  drawRow,
  formatChineseDate,
  measureRow,
  pageBottom,
  type Cell,
  type Pdf,
} from './record-pdf-grid.ts';

/** One line of the checklist as inspected (检查项目). */
export interface InspectionRecordItem {
  section: string;
  text: string;
  /** General item (一般项) or key item (重点项). */
  severity: 'general' | 'key';
  /** Complies (符合), does not comply (不符合), not applicable (不适用). */
  result: 'pass' | 'fail' | 'na';
  note: string | null;
}

/** A person who signs the record, with the signature captured on site as a PNG, or none to sign on paper. */
export interface InspectionRecordSigner {
  name: string;
  signaturePng: Uint8Array | null;
}

/**
 * Everything printed on an on-site inspection record (现场检查记录), the written result handed to the firm on
 * site (食品生产经营监督检查管理办法, SAMR Order 49, art. 35). Labels are already localised by the caller.
 */
export interface InspectionRecordDocument {
  /** Issuing bureau, e.g. 上海市浦东新区市场监督管理局. */
  bureau: string;
  /** Record number, e.g. JC-310115-2026-000123. */
  number: string;
  enterprise: { name: string; uscc: string; address: string; licenceNumber: string | null };
  /** Inspection kind, already localised, e.g. 日常监督检查. */
  kind: string;
  /** YYYY-MM-DD. */
  inspectedOn: string;
  checklistTitle: string;
  items: InspectionRecordItem[];
  /** Conclusion line (检查结论), already localised. */
  outcome: string;
  /** Rectification deadline (整改期限), YYYY-MM-DD, when one was set. */
  rectificationDueOn: string | null;
  inspectors: InspectionRecordSigner[];
  /** The enterprise's responsible person or representative (被检查单位负责人/代表), when known. */
  representative: InspectionRecordSigner | null;
  photosCount: number;
  /** ISO timestamp; becomes the PDF's creation date, so equal input renders equal bytes. */
  generatedAt: string;
}

const TITLE = '现场检查记录';
const COPIES_STATEMENT = '本记录一式两份，检查单位与被检查单位各执一份。';
const NONE = '—';
const MARGINS = { top: 50, bottom: 62, left: 50, right: 50 };
const LABEL_WIDTH = 96;
/** The box a signature image is fitted into, in points. */
const SIGNATURE_BOX = { width: 120, height: 45 };
const FOOTER_SIZE = 8;

/**
 * Render the record as an A4 PDF with Chinese text (Noto Sans SC, subset into the file), the inspectors'
 * and the representative's signatures, and 第 x 页 共 y 页 on every page.
 */
export async function renderInspectionRecordPdf(record: InspectionRecordDocument): Promise<Buffer> {
  const creationDate = new Date(record.generatedAt);
  if (Number.isNaN(creationDate.getTime())) throw new TypeError(`generatedAt is not a timestamp: ${record.generatedAt}`);
  const fonts = await loadRecordFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${TITLE} ${record.number}`,
      Author: record.bureau,
      Subject: record.enterprise.name,
      Creator: 'Shian 食安',
      Producer: 'Shian 食安 (PDFKit)',
      CreationDate: creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(FONT_REGULAR, fonts.regular);
  pdf.registerFont(FONT_BOLD, fonts.bold);

  drawTitle(pdf, record);
  drawLabelledRows(pdf, headerRows(record));
  drawHeading(pdf, `检查项目及结果（${record.items.length}项）`);
  drawItemTable(pdf, record.items);
  pdf.y += 12;
  drawLabelledRows(pdf, conclusionRows(record));
  pdf.y += 12;
  drawSignatures(pdf, record);
  drawFooters(pdf);
  pdf.end();
  return finished;
}

function drawTitle(pdf: Pdf, record: InspectionRecordDocument): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  pdf.fillColor('#000000').font(FONT_REGULAR).fontSize(13).text(record.bureau, left, pdf.page.margins.top, { width, align: 'center' });
  pdf.moveDown(0.2);
  pdf.font(FONT_BOLD).fontSize(20).text(TITLE, left, pdf.y, { width, align: 'center' });
  pdf.y += 10;
}

function drawHeading(pdf: Pdf, text: string): void {
  pdf.y += 10;
  pdf.font(FONT_BOLD).fontSize(11);
  if (pdf.y + 3 * pdf.currentLineHeight(true) > pageBottom(pdf)) pdf.addPage();
  pdf.fillColor('#000000').text(text, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
  pdf.y += 3;
}

/** A row of one or two label/value pairs. */
type LabelledRow = [label: string, value: string][];

function headerRows(record: InspectionRecordDocument): LabelledRow[] {
  const { enterprise } = record;
  return [
    [['编号', record.number]],
    [['被检查单位', enterprise.name]],
    [
      ['统一社会信用代码', enterprise.uscc],
      ['许可证编号', enterprise.licenceNumber ?? NONE],
    ],
    [['地址', enterprise.address]],
    [
      ['检查类型', record.kind],
      ['检查日期', formatChineseDate(record.inspectedOn)],
    ],
    [['检查表', record.checklistTitle]],
  ];
}

function conclusionRows(record: InspectionRecordDocument): LabelledRow[] {
  const rows: LabelledRow[] = [[['检查结论', record.outcome]]];
  if (record.rectificationDueOn !== null) rows.push([['整改期限', `${formatChineseDate(record.rectificationDueOn)}前`]]);
  rows.push([['现场照片', `${record.photosCount} 张`]]);
  return rows;
}

/** A bordered table of label cells (shaded) and value cells, from the current y; a row never splits. */
function drawLabelledRows(pdf: Pdf, rows: readonly LabelledRow[]): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  let y = pdf.y;
  for (const row of rows) {
    const valueWidth = (width - LABEL_WIDTH * row.length) / row.length;
    const cells: Cell[] = row.flatMap(([label, value]): Cell[] => [
      { text: label, width: LABEL_WIDTH, fill: LABEL_FILL },
      { text: value, width: valueWidth },
    ]);
    const height = measureRow(pdf, cells, BODY_SIZE);
    if (y + height > pageBottom(pdf)) {
      pdf.addPage();
      y = pdf.page.margins.top;
    }
    drawRow(pdf, cells, left, y, height, BODY_SIZE);
    y += height;
  }
  pdf.x = left;
  pdf.y = y;
}

const SIGNER_HEIGHT = 22 + SIGNATURE_BOX.height + 26;

/**
 * The signature block: inspectors (检查人员) on the left, one box each, the enterprise's representative
 * (被检查单位负责人/代表) on the right. A captured signature is fitted into its box with the inspection
 * date; without one a blank line and blank date are left to sign on paper. The block is kept on one page
 * when it fits on one.
 */
function drawSignatures(pdf: Pdf, record: InspectionRecordDocument): void {
  const left = pdf.page.margins.left;
  const column = contentWidth(pdf) / 2;
  const header: Cell[] = [
    { text: '检查人员（签名）', width: column, bold: true, align: 'center', fill: LABEL_FILL },
    { text: '被检查单位负责人/代表（签名）', width: column, bold: true, align: 'center', fill: LABEL_FILL },
  ];
  const headerHeight = measureRow(pdf, header, BODY_SIZE);
  const inspectors: (InspectionRecordSigner | null)[] = record.inspectors.length > 0 ? record.inspectors : [null];
  const total = headerHeight + inspectors.length * SIGNER_HEIGHT;
  let y = pdf.y;
  const fitsOnAPage = total <= pageBottom(pdf) - pdf.page.margins.top;
  if (y + (fitsOnAPage ? total : headerHeight + SIGNER_HEIGHT) > pageBottom(pdf)) {
    pdf.addPage();
    y = pdf.page.margins.top;
  }
  drawRow(pdf, header, left, y, headerHeight, BODY_SIZE);
  y += headerHeight;
  inspectors.forEach((inspector, index) => {
    if (y + SIGNER_HEIGHT > pageBottom(pdf)) {
      pdf.addPage();
      y = pdf.page.margins.top;
      drawRow(pdf, header, left, y, headerHeight, BODY_SIZE);
      y += headerHeight;
    }
    drawSigner(pdf, left, y, column, inspector, record.inspectedOn);
    if (index === 0) drawSigner(pdf, left + column, y, column, record.representative, record.inspectedOn);
    else pdf.lineWidth(RULE_WIDTH).rect(left + column, y, column, SIGNER_HEIGHT).stroke();
    y += SIGNER_HEIGHT;
  });
  pdf.x = left;
  pdf.y = y;
}

function drawSigner(pdf: Pdf, x: number, y: number, width: number, signer: InspectionRecordSigner | null, signedOn: string): void {
  const inset = x + CELL_PADDING * 2;
  const boxLeft = inset + 36;
  const boxTop = y + 22;
  pdf.lineWidth(RULE_WIDTH).strokeColor('#000000').rect(x, y, width, SIGNER_HEIGHT).stroke();
  pdf.fillColor('#000000').font(FONT_REGULAR).fontSize(BODY_SIZE);
  pdf.text(`姓名：${signer?.name ?? ''}`, inset, y + 7, { lineBreak: false });
  if (!signer?.name) blankLine(pdf, inset + pdf.widthOfString('姓名：'), y + 7 + pdf.currentLineHeight(), 96);
  pdf.text('签名：', inset, boxTop + SIGNATURE_BOX.height - pdf.currentLineHeight(), { lineBreak: false });
  const png = signer?.signaturePng;
  if (png) {
    // pdfkit reads any Uint8Array; its typings ask for a Buffer, which views the same bytes without a copy.
    const image = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    pdf.image(image, boxLeft, boxTop, { fit: [SIGNATURE_BOX.width, SIGNATURE_BOX.height], align: 'center', valign: 'center' });
  } else {
    blankLine(pdf, boxLeft, boxTop + SIGNATURE_BOX.height, SIGNATURE_BOX.width);
  }
  pdf.font(FONT_REGULAR).fontSize(BODY_SIZE);
  const date = png ? formatChineseDate(signedOn) : '        年      月      日';
  pdf.text(`日期：${date}`, inset, boxTop + SIGNATURE_BOX.height + 7, { lineBreak: false });
}

function blankLine(pdf: Pdf, x: number, y: number, length: number): void {
  pdf.lineWidth(RULE_WIDTH).strokeColor('#000000').moveTo(x, y).lineTo(x + length, y).stroke();
}

/** On every page: a rule, the statement that the record is made in duplicate, and 第 x 页 共 y 页. */
function drawFooters(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    pdf.switchToPage(page);
    const left = pdf.page.margins.left;
    const right = pdf.page.width - pdf.page.margins.right;
    const y = pdf.page.height - pdf.page.margins.bottom + 18;
    pdf.lineWidth(RULE_WIDTH).strokeColor('#888888').moveTo(left, y - 6).lineTo(right, y - 6).stroke();
    pdf.fillColor('#333333').font(FONT_REGULAR).fontSize(FOOTER_SIZE);
    // lineBreak: false writes below the body's bottom margin without pdfkit starting a new page.
    pdf.text(COPIES_STATEMENT, left, y, { lineBreak: false });
    // Wider spaces around the numbers, so that text extraction (and screen readers) keep them as spaces.
    const pageLabel = `第 ${page - range.start + 1} 页 共 ${range.count} 页`;
    const options = { lineBreak: false, wordSpacing: 2 };
    pdf.text(pageLabel, right - pdf.widthOfString(pageLabel, options), y, options);
  }
}
