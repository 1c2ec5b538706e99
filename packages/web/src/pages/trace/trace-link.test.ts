import { describe, expect, it } from 'vitest';
import { lotOfLink } from './trace-link.ts';

describe('lotOfLink', () => {
  it('reads the GTIN and lot of a scanned Digital Link on any host, with or without serial and query', () => {
    expect(lotOfLink('https://id.gs1.org/01/06901234567892/10/L2026A')).toEqual({ gtin: '06901234567892', lot: 'L2026A' });
    expect(lotOfLink(' https://shian.example.cn/01/06901234567892/10/L%2F7/21/ABC?17=270831 ')).toEqual({ gtin: '06901234567892', lot: 'L/7' });
    expect(lotOfLink('https://id.gs1.org/01/06901234567892/22/V2/10/B1')).toEqual({ gtin: '06901234567892', lot: 'B1' });
  });

  it('answers null for a link that names no lot, and for text that is no link', () => {
    expect(lotOfLink('https://id.gs1.org/01/06901234567892/21/ABC')).toBeNull();
    expect(lotOfLink('6901234567892')).toBeNull();
    expect(lotOfLink('https://id.gs1.org/01/06901234567892/10/%E0%A4%A')).toBeNull();
  });
});
