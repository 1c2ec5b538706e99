import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signaturePng } from '../testing/signature-png.ts';
import { renderInspectionRecordPdf, type InspectionRecordDocument, type InspectionRecordItem } from './record-pdf.ts';

/**
 * The PDF is read back with poppler-utils (Debian package `poppler-utils`: pdftotext, pdfinfo). Without it
 * the tests fail, saying so: a record nobody can read back is not a passing record.
 */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`${tool} is needed to read the rendered PDF back; install poppler-utils (apt-get install -y poppler-utils): ${result.error.message}`);
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const signaturePngOf = (waves: number): Uint8Array => new Uint8Array(signaturePng(waves));

const LONG_TEXT =
  '是否建立并执行进货查验记录制度，如实记录保健食品的名称、规格、数量、生产日期或者批号、保质期、进货日期以及供货者名称、地址、联系方式等内容，并保存相关凭证，记录和凭证保存期限不得少于产品保质期满后六个月';
const OUTCOME = '发现一般项问题2项，责令限期整改';

function items(): InspectionRecordItem[] {
  const sections = ['一、经营资质', '二、经营条件', '三、进货查验', '四、贮存与销售', '五、标签与说明书'];
  return Array.from({ length: 40 }, (_, i): InspectionRecordItem => {
    const section = sections[Math.floor(i / 8)] ?? '六、其他';
    if (i === 17) return { section, text: LONG_TEXT, severity: 'key', result: 'fail', note: '抽查3个批次，2个批次无进货凭证' };
    return {
      section,
      text: `检查要点第${i + 1}条：经营场所、设施设备与许可内容一致，保持清洁卫生`,
      severity: i % 5 === 0 ? 'key' : 'general',
      result: i === 30 ? 'fail' : i % 7 === 6 ? 'na' : 'pass',
      note: i === 30 ? '货架标签与产品不符' : null,
    };
  });
}

function record(overrides: Partial<InspectionRecordDocument> = {}): InspectionRecordDocument {
  return {
    bureau: '上海市浦东新区市场监督管理局',
    number: 'JC-310115-2026-000123',
    enterprise: {
      name: '上海康寿保健品商行有限公司',
      uscc: '91310115MA1K4ABC2X',
      address: '上海市浦东新区张杨路1500号2楼201室',
      licenceNumber: 'JY13101150001234',
    },
    kind: '日常监督检查',
    inspectedOn: '2026-03-05',
    checklistTitle: '保健食品销售环节监督检查要点表（第1版）',
    items: items(),
    outcome: OUTCOME,
    rectificationDueOn: '2026-04-05',
    inspectors: [
      { name: '王建国', signaturePng: signaturePngOf(2) },
      { name: '李晓梅', signaturePng: signaturePngOf(3) },
    ],
    representative: { name: '陈志强', signaturePng: signaturePngOf(4) },
    photosCount: 6,
    generatedAt: '2026-03-05T10:30:00.000Z',
    ...overrides,
  };
}

/** Image XObjects in the raw file. pdfkit compresses content streams but writes object dictionaries plainly. */
function imageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Subtype \/Image\b/g)?.length ?? 0;
}

describe('renderInspectionRecordPdf', () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'record-pdf-'));
    file = join(dir, 'record.pdf');
    bytes = await renderInspectionRecordPdf(record());
    writeFileSync(file, bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the Chinese record, the items, the conclusion and a page footer on every page', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('现场检查记录');
    expect(text).toContain('上海市浦东新区市场监督管理局');
    expect(text).toContain('上海康寿保健品商行有限公司');
    expect(text).toContain('91310115MA1K4ABC2X');
    expect(text).toContain('2026年3月5日');
    expect(text).toContain('★重点项');
    expect(text).toContain('不符合');
    expect(text).toContain('不适用');
    expect(text).toContain(OUTCOME);
    expect(text).toContain('2026年4月5日前');
    expect(text).toContain('本记录一式两份，检查单位与被检查单位各执一份。');

    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${pages} 页`));
    expect(text).toContain('第 2 页');
  });

  it('wraps a long item inside its cell and repeats the table header on the next page', () => {
    // Laid out, the item starts on one line and does not end on it…
    const lines = poppler('pdftotext', ['-layout', file, '-']).split('\n');
    const start = lines.find((line) => line.includes(LONG_TEXT.slice(0, 12)));
    expect(start).toBeDefined();
    expect(start).not.toContain(LONG_TEXT.slice(-4));
    // …and in drawing order, where a cell's lines come out together, all of it is there.
    const raw = poppler('pdftotext', ['-raw', file, '-']).replace(/\s+/g, '');
    expect(raw).toContain(LONG_TEXT);

    const second = poppler('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-']);
    expect(second).toMatch(/序号\s+检查内容\s+类别\s+结果\s+说明/);
  });

  it('embeds one image per captured signature', () => {
    expect(imageCount(bytes)).toBe(3);
    const text = poppler('pdftotext', ['-layout', file, '-']);
    for (const name of ['王建国', '李晓梅', '陈志强']) expect(text).toContain(`姓名：${name}`);
  });

  it('leaves blank lines to sign on paper when no signature was captured', async () => {
    const unsigned = await renderInspectionRecordPdf(
      record({ inspectors: [{ name: '王建国', signaturePng: null }], representative: null, rectificationDueOn: null }),
    );
    expect(imageCount(unsigned)).toBe(0);
    const path = join(dir, 'unsigned.pdf');
    writeFileSync(path, unsigned);
    const text = poppler('pdftotext', ['-layout', path, '-']);
    expect(text).toContain('姓名：王建国');
    expect(text).toMatch(/日期：\s+年\s+月\s+日/);
    expect(text).not.toContain('整改期限');
  });

  it('renders the same bytes for the same record', async () => {
    expect((await renderInspectionRecordPdf(record())).equals(bytes)).toBe(true);
  });

  it('rejects a generatedAt that is not a timestamp', async () => {
    await expect(renderInspectionRecordPdf(record({ generatedAt: 'yesterday' }))).rejects.toThrow(/generatedAt/);
  });
});
