/**
 * The geometry of a sheet of QR labels (追溯码标签): A4 portrait, a grid of equal labels, each a QR code with
 * four lines of text under it. Pure arithmetic in PDF points (1/72 inch), origin at the top left.
 */

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;

export interface LabelSheetLayout {
  page: { width: number; height: number };
  margin: number;
  columns: number;
  rows: number;
  cell: { width: number; height: number };
  padding: number;
  /** The QR symbol's side, quiet zone included. */
  qrSize: number;
  fontSize: number;
  lineHeight: number;
  /** Text lines under the QR code. */
  lines: number;
}

export interface LabelSheetOptions {
  columns?: number;
  rows?: number;
  /** Page margin in millimetres. */
  marginMm?: number;
  lines?: number;
  fontSize?: number;
}

/** The layout of a sheet: by default 4 × 10 labels on A4 with 10 mm margins. */
export function labelSheetLayout(options: LabelSheetOptions = {}): LabelSheetLayout {
  const columns = options.columns ?? 4;
  const rows = options.rows ?? 10;
  const margin = (options.marginMm ?? 10) * MM;
  const lines = options.lines ?? 4;
  const fontSize = options.fontSize ?? 5.5;
  const lineHeight = fontSize * 1.25;
  const cell = { width: (A4.width - 2 * margin) / columns, height: (A4.height - 2 * margin) / rows };
  const padding = 2;
  const qrSize = Math.min(cell.width - 2 * padding, cell.height - 2 * padding - lines * lineHeight);
  if (qrSize <= 0) throw new RangeError(`labels of ${cell.width.toFixed(1)} × ${cell.height.toFixed(1)} pt leave no room for a QR code`);
  return { page: { ...A4 }, margin, columns, rows, cell, padding, qrSize, fontSize, lineHeight, lines };
}

export const labelsPerPage = (layout: LabelSheetLayout): number => layout.columns * layout.rows;

/** Pages needed for `count` labels. */
export const labelPageCount = (layout: LabelSheetLayout, count: number): number => Math.ceil(Math.max(0, count) / labelsPerPage(layout));

/** Where label number `index` (0-based, filling rows left to right, then pages) goes. */
export interface LabelPlacement {
  /** 0-based page. */
  page: number;
  /** Top-left corner of the label cell. */
  x: number;
  y: number;
  /** Top-left corner of the QR symbol (centred horizontally in the cell). */
  qrX: number;
  qrY: number;
  /** Top of the first text line. */
  textY: number;
  /** Width available to a text line. */
  textWidth: number;
}

export function labelPlacement(layout: LabelSheetLayout, index: number): LabelPlacement {
  const perPage = labelsPerPage(layout);
  const page = Math.floor(index / perPage);
  const onPage = index % perPage;
  const column = onPage % layout.columns;
  const row = Math.floor(onPage / layout.columns);
  const x = layout.margin + column * layout.cell.width;
  const y = layout.margin + row * layout.cell.height;
  const qrX = x + (layout.cell.width - layout.qrSize) / 2;
  const qrY = y + layout.padding;
  return { page, x, y, qrX, qrY, textY: qrY + layout.qrSize, textWidth: layout.cell.width - 2 * layout.padding };
}

/** A horizontal run of dark modules in one row of a QR matrix. */
export interface ModuleRun {
  row: number;
  column: number;
  length: number;
}

/**
 * The dark modules of a square matrix (`size` × `size`, row-major, truthy = dark) as horizontal runs: one
 * rectangle per run instead of per module keeps a sheet of 40 QR codes small.
 */
export function moduleRuns(size: number, dark: (row: number, column: number) => boolean): ModuleRun[] {
  const runs: ModuleRun[] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let column = 0; column <= size; column++) {
      const isDark = column < size && dark(row, column);
      if (isDark && start < 0) start = column;
      if (!isDark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return runs;
}

/** Modules of quiet zone kept around a QR symbol inside its square (the standard asks for 4; labels sit apart). */
export const QR_QUIET_MODULES = 2;

/** The side of one module when a symbol of `modules` modules (plus the quiet zone) fills `qrSize`. */
export const moduleSize = (qrSize: number, modules: number): number => qrSize / (modules + 2 * QR_QUIET_MODULES);
