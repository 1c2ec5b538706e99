import { describe, expect, it } from 'vitest';
import { fill, relativeTime } from './handling-text.ts';

describe('relativeTime', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('says a device never reported', () => {
    expect(relativeTime('zh-CN', null, now)).toBe('从未上报');
    expect(relativeTime('en-US', null, now)).toBe('Never');
  });
  it('counts minutes, hours and days back', () => {
    expect(relativeTime('zh-CN', '2026-03-01T11:59:30Z', now)).toBe('刚刚');
    expect(relativeTime('zh-CN', '2026-03-01T11:55:00Z', now)).toBe('5 分钟前');
    expect(relativeTime('en-US', '2026-03-01T09:10:00Z', now)).toBe('2 h ago');
    expect(relativeTime('zh-CN', '2026-02-26T12:00:00Z', now)).toBe('3 天前');
  });
});

describe('fill', () => {
  it('fills every placeholder in the locale', () => {
    expect(fill('zh-CN', { 'zh-CN': '关闭预警 · {{code}}', 'en-US': 'Close · {{code}}' }, { code: 'T-01' })).toBe('关闭预警 · T-01');
    expect(fill('en-US', { 'zh-CN': '关闭预警 · {{code}}', 'en-US': 'Close · {{code}}' }, { code: 'T-01' })).toBe('Close · T-01');
  });
});
