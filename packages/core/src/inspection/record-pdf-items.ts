import type { InspectionRecordItem } from './record-pdf.ts';
import { LABEL_FILL, SECTION_FILL, TABLE_SIZE, contentWidth, drawRow, measureRow, pageBottom, type Cell, type Pdf } from './record-pdf-grid.ts';

const SEVERITY_LABELS: Record<InspectionRecordItem['severity'], string> = {
  general: '一般项',
  key: '★重点项',
};

const RESULT_LABELS: Record<InspectionRecordItem['result'], string> = {
  pass: '符合',
  fail: '不符合',
  na: '不适用',
};

interface Columns {
  number: number;
  text: number;
  severity: number;
  result: number;
  note: number;
}

function columnsFor(width: number): Columns {
  const number = 30;
  const severity = 54;
  const result = 46;
  const note = 124;
  return { number, severity, result, note, text: width - number - severity - result - note };
}

function headerCells(c: Columns): Cell[] {
  const head = (text: string, width: number): Cell => ({ text, width, bold: true, align: 'center', fill: LABEL_FILL });
  return [head('序号', c.number), head('检查内容', c.text), head('类别', c.severity), head('结果', c.result), head('说明', c.note)];
}

function itemCells(c: Columns, index: number, item: InspectionRecordItem): Cell[] {
  return [
    { text: String(index), width: c.number, align: 'center' },
    { text: item.text, width: c.text },
    { text: SEVERITY_LABELS[item.severity], width: c.severity, align: 'center', bold: item.severity === 'key' },
    { text: RESULT_LABELS[item.result], width: c.result, align: 'center', bold: item.result === 'fail' },
    { text: item.note ?? '', width: c.note },
  ];
}

function sectionCells(width: number, section: string, continued: boolean): Cell[] {
  return [{ text: continued ? `${section}（续）` : section, width, bold: true, fill: SECTION_FILL }];
}

/** Items grouped by section (检查项目类别), sections in the order they first appear, items in their order. */
export function groupBySection(items: readonly InspectionRecordItem[]): { section: string; items: InspectionRecordItem[] }[] {
  const groups = new Map<string, InspectionRecordItem[]>();
  for (const item of items) {
    const group = groups.get(item.section);
    if (group) group.push(item);
    else groups.set(item.section, [item]);
  }
  return [...groups].map(([section, grouped]) => ({ section, items: grouped }));
}

/**
 * Draw the item table (检查项目及结果) from the current y: one header row, then per section a section row and
 * its items, numbered 1…n across sections. A row never splits across pages; when one does not fit, the next
 * page starts with the header row again and the section's name marked 续 (continued). A section row is
 * kept with its first item. Leaves `pdf.y` below the table.
 */
export function drawItemTable(pdf: Pdf, items: readonly InspectionRecordItem[]): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  const columns = columnsFor(width);
  const header = headerCells(columns);
  const headerHeight = measureRow(pdf, header, TABLE_SIZE);
  let y = pdf.y;

  const drawCells = (cells: Cell[], height: number): void => {
    drawRow(pdf, cells, left, y, height, TABLE_SIZE);
    y += height;
  };
  const startPage = (): void => {
    pdf.addPage();
    y = pdf.page.margins.top;
    drawCells(header, headerHeight);
  };

  let index = 0;
  let headerDrawn = false;
  for (const group of groupBySection(items)) {
    const section = sectionCells(width, group.section, false);
    const sectionHeight = measureRow(pdf, section, TABLE_SIZE);
    const continued = sectionCells(width, group.section, true);
    const continuedHeight = measureRow(pdf, continued, TABLE_SIZE);
    // Most one item row may take: a fresh page below the header and the continued section row. A row taller
    // than that (an extraordinarily long note) is cut rather than overflowing the page.
    const room = pageBottom(pdf) - pdf.page.margins.top - headerHeight - continuedHeight;
    const rows = group.items.map((item) => {
      index += 1;
      const cells = itemCells(columns, index, item);
      return { cells, height: Math.min(measureRow(pdf, cells, TABLE_SIZE), room) };
    });
    // The section row stays with its first item, and the header row with the first section.
    const opening = sectionHeight + (rows[0]?.height ?? 0) + (headerDrawn ? 0 : headerHeight);
    if (y + opening > pageBottom(pdf)) {
      startPage();
    } else if (!headerDrawn) {
      drawCells(header, headerHeight);
    }
    headerDrawn = true;
    drawCells(section, sectionHeight);
    for (const row of rows) {
      if (y + row.height > pageBottom(pdf)) {
        startPage();
        drawCells(continued, continuedHeight);
      }
      drawCells(row.cells, row.height);
    }
  }
  if (!headerDrawn) {
    if (y + headerHeight > pageBottom(pdf)) startPage();
    else drawCells(header, headerHeight);
  }
  pdf.x = left;
  pdf.y = y;
}
