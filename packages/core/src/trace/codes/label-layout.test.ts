import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { A4, QR_QUIET_MODULES, labelPageCount, labelPlacement, labelSheetLayout, labelsPerPage, moduleRuns, moduleSize } from './label-layout.ts';
import { qrSymbol } from './label-pdf.ts';

describe('label sheet layout (追溯码标签)', () => {
  const layout = labelSheetLayout();

  it('puts 4 × 10 labels on an A4 page inside 10 mm margins', () => {
    expect(labelsPerPage(layout)).toBe(40);
    expect(layout.margin).toBeCloseTo(28.35, 2);
    expect(layout.cell.width).toBeCloseTo((A4.width - 2 * layout.margin) / 4, 6);
    expect(layout.cell.height).toBeCloseTo((A4.height - 2 * layout.margin) / 10, 6);
  });

  it('leaves room under the QR code for four lines of text', () => {
    expect(layout.qrSize + layout.lines * layout.lineHeight + 2 * layout.padding).toBeLessThanOrEqual(layout.cell.height + 1e-9);
    expect(layout.qrSize).toBeGreaterThan(40); // about 16 mm: readable by a phone at arm's length
  });

  it('fills rows left to right, then the next row, then the next page', () => {
    const first = labelPlacement(layout, 0);
    expect(first).toMatchObject({ page: 0, x: layout.margin, y: layout.margin });
    expect(labelPlacement(layout, 3).x).toBeCloseTo(layout.margin + 3 * layout.cell.width, 6);
    expect(labelPlacement(layout, 4)).toMatchObject({ page: 0, x: layout.margin });
    expect(labelPlacement(layout, 4).y).toBeCloseTo(layout.margin + layout.cell.height, 6);
    expect(labelPlacement(layout, 39).page).toBe(0);
    expect(labelPlacement(layout, 40)).toMatchObject({ page: 1, x: layout.margin, y: layout.margin });
  });

  it('keeps every label of a page inside the margins, without overlaps', () => {
    const places = Array.from({ length: 40 }, (_, i) => labelPlacement(layout, i));
    for (const p of places) {
      expect(p.x).toBeGreaterThanOrEqual(layout.margin - 1e-9);
      expect(p.x + layout.cell.width).toBeLessThanOrEqual(A4.width - layout.margin + 1e-9);
      expect(p.y + layout.cell.height).toBeLessThanOrEqual(A4.height - layout.margin + 1e-9);
      expect(p.qrX).toBeGreaterThanOrEqual(p.x);
      expect(p.qrX + layout.qrSize).toBeLessThanOrEqual(p.x + layout.cell.width + 1e-9);
      expect(p.textY + layout.lines * layout.lineHeight).toBeLessThanOrEqual(p.y + layout.cell.height + 1e-9);
    }
    const corners = new Set(places.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(corners.size).toBe(40);
  });

  it('counts pages', () => {
    expect([0, 1, 40, 41, 80, 5000].map((n) => labelPageCount(layout, n))).toEqual([0, 1, 1, 2, 2, 125]);
  });

  it('refuses a grid too dense for a QR code', () => {
    expect(() => labelSheetLayout({ rows: 40 })).toThrow(RangeError);
  });
});

describe('QR symbols as rectangles', () => {
  it('merges dark modules into horizontal runs that rebuild the matrix exactly', () => {
    const uri = 'https://trace.example.cn/01/06901234567892/10/L2026%2C3/21/ABCDEFGHJKMN?17=280229';
    const code = QRCode.create(uri, { errorCorrectionLevel: 'M' });
    const { size, runs } = qrSymbol(uri);
    expect(size).toBe(code.modules.size);
    const rebuilt = new Uint8Array(size * size);
    for (const run of runs) for (let c = run.column; c < run.column + run.length; c++) rebuilt[run.row * size + c] = 1;
    expect([...rebuilt]).toEqual([...code.modules.data].map((v) => (v ? 1 : 0)));
    // Fewer rectangles than dark modules.
    expect(runs.length).toBeLessThan(code.modules.data.filter(Boolean).length);
  });

  it('encodes exactly the URI (the segments read back to it) at error correction M', () => {
    const uri = 'http://localhost:3000/01/06901234567892/10/LOT1/21/ABCDEFGHJKMN?17=271231';
    const code = QRCode.create(uri, { errorCorrectionLevel: 'M' });
    const text = code.segments.map((s) => (typeof s.data === 'string' ? s.data : Buffer.from(s.data).toString('utf8'))).join('');
    expect(text).toBe(uri);
    expect(code.errorCorrectionLevel.bit).toBe(0); // M
  });

  it('finds runs at the edges of a row', () => {
    const pattern = [1, 1, 0, 1, 0, 0, 1, 1, 1];
    expect(moduleRuns(3, (r, c) => pattern[r * 3 + c] === 1)).toEqual([
      { row: 0, column: 0, length: 2 },
      { row: 1, column: 0, length: 1 },
      { row: 2, column: 0, length: 3 },
    ]);
  });

  it('sizes modules so the symbol and its quiet zone fill the square', () => {
    expect(moduleSize(50, 21) * (21 + 2 * QR_QUIET_MODULES)).toBeCloseTo(50, 9);
  });
});
