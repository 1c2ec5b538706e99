import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Chinese (CJK) fonts the inspection record is set in: Noto Sans SC (思源黑体), regular and bold. */
export interface RecordFonts {
  regular: Buffer;
  bold: Buffer;
}

let loading: Promise<RecordFonts> | undefined;

/**
 * The directory of `@expo-google-fonts/noto-sans-sc`. The package has no "exports" map, so its
 * `package.json` resolves as a plain file path under the package directory.
 */
export function notoSansScDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

/**
 * Read the two TrueType files (about 10 MB each) once per process and share the bytes between renders.
 * pdfkit only reads them (it embeds a subset of the glyphs used), so sharing is safe. A failed read is not
 * cached: the next call tries again.
 */
export function loadRecordFonts(): Promise<RecordFonts> {
  loading ??= readRecordFonts().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readRecordFonts(): Promise<RecordFonts> {
  const directory = notoSansScDirectory();
  const [regular, bold] = await Promise.all([
    readFile(join(directory, '400Regular', 'NotoSansSC_400Regular.ttf')),
    readFile(join(directory, '700Bold', 'NotoSansSC_700Bold.ttf')),
  ]);
  return { regular, bold };
}
