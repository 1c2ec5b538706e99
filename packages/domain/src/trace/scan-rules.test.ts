import { describe, expect, it } from 'vitest';
import { COPY_RULES, clientNetwork, copyRuleFires, minScansForCopyRules, type CopyRule } from './scan-rules.ts';

const rule = (id: CopyRule['id']): CopyRule => {
  const found = COPY_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('copy rules (可疑复制码)', () => {
  it('fire at more than 20 scans a day, not at 20', () => {
    expect(copyRuleFires(rule('many_scans'), { scans: 20, networks: 1 })).toBe(false);
    expect(copyRuleFires(rule('many_scans'), { scans: 21, networks: 1 })).toBe(true);
  });

  it('fire at 4 distinct networks a day, not at 3', () => {
    expect(copyRuleFires(rule('many_networks'), { scans: 10, networks: 3 })).toBe(false);
    expect(copyRuleFires(rule('many_networks'), { scans: 4, networks: 4 })).toBe(true);
  });

  it('say which codes need no look at all: below the smallest threshold nothing can fire', () => {
    expect(minScansForCopyRules()).toBe(4);
    expect(minScansForCopyRules([])).toBe(Number.POSITIVE_INFINITY);
    for (const r of COPY_RULES) expect(copyRuleFires(r, { scans: minScansForCopyRules() - 1, networks: minScansForCopyRules() - 1 })).toBe(false);
  });

  it('are described in both languages', () => {
    for (const r of COPY_RULES) {
      expect(r.description['zh-CN']).toMatch(/24 小时/);
      expect(r.description['en-US']).toMatch(/24 hours/);
    }
  });
});

describe('clientNetwork', () => {
  it('keeps an IPv4 /16', () => {
    expect(clientNetwork('203.0.113.9')).toBe('203.0');
    expect(clientNetwork('203.0.200.1')).toBe(clientNetwork('203.0.113.9'));
    expect(clientNetwork('203.1.113.9')).not.toBe(clientNetwork('203.0.113.9'));
  });

  it('reads an IPv4-mapped IPv6 address as IPv4', () => {
    expect(clientNetwork('::ffff:203.0.113.9')).toBe('203.0');
  });

  it('keeps an IPv6 /48 whatever the spelling', () => {
    expect(clientNetwork('2001:db8:1:2::1')).toBe('2001:db8:1');
    expect(clientNetwork('2001:0DB8:0001:ffff:0:0:0:1')).toBe('2001:db8:1');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0');
    expect(clientNetwork('::1')).toBe('0:0:0');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0');
  });

  it('passes anything else through for comparison', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
    expect(clientNetwork('1:2:3')).toBe('1:2:3');
  });
});
