/**
 * Copy detection (可疑复制码) on the public scan page: when one item code is scanned in a way a single genuine
 * pack is not, the regulator gets an alert. The thresholds below are the platform's own policy, chosen so
 * that a buyer checking a pack a few times, or a family passing it round, stays below them; they are not
 * set by any law or standard and may be tuned here without touching code.
 *
 * "Far apart" stands in for "scanned in places a single pack cannot be at once": no geo-IP database is
 * available offline, so the distance is network distance. Each scan keeps only a salted hash of the
 * client's network (IPv4 /16, IPv6 /48), never the address; codes scanned from many different networks in
 * one day are suspicious.
 */
import type { Localised } from '../i18n/locale.ts';

/** What a copy rule counts within its window: every scan, or distinct client networks. */
export type CopyMeasure = 'scans' | 'networks';

/** One rule of copy detection: more than `atLeast - 1` of `measure` within `windowHours` opens an alert. */
export interface CopyRule {
  id: 'many_scans' | 'many_networks';
  measure: CopyMeasure;
  windowHours: number;
  /** The rule fires when the count reaches this. */
  atLeast: number;
  description: Localised;
}

/** The rules of copy detection (platform policy, not law; see the module comment). */
export const COPY_RULES: readonly CopyRule[] = [
  {
    id: 'many_scans',
    measure: 'scans',
    windowHours: 24,
    atLeast: 21,
    description: { 'zh-CN': '24 小时内同一追溯码被查询超过 20 次', 'en-US': 'The same code was scanned more than 20 times within 24 hours' },
  },
  {
    id: 'many_networks',
    measure: 'networks',
    windowHours: 24,
    atLeast: 4,
    description: {
      'zh-CN': '24 小时内同一追溯码在 4 个及以上不同网络被查询（可能已被复制）',
      'en-US': 'The same code was scanned from 4 or more different networks within 24 hours (it may have been copied)',
    },
  },
];

/** What one code's scans look like within one rule's window. */
export interface ScanWindowCounts {
  scans: number;
  networks: number;
}

/** Whether one rule fires on the counts of its window. */
export function copyRuleFires(rule: CopyRule, counts: ScanWindowCounts): boolean {
  return (rule.measure === 'scans' ? counts.scans : counts.networks) >= rule.atLeast;
}

/**
 * The fewest scans (in all time) a code must have before any rule can fire: a code below it need not be
 * looked at. A network count never exceeds the scan count, so the smallest threshold of any rule bounds it.
 */
export function minScansForCopyRules(rules: readonly CopyRule[] = COPY_RULES): number {
  return rules.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...rules.map((r) => r.atLeast));
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Expands an IPv6 address to its eight hextets (lower case, no leading zeros), or null when it is not one. */
function ipv6Hextets(address: string): string[] | null {
  const zoneless = address.split('%')[0] ?? '';
  const halves = zoneless.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const read = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const head = read(halves[0]);
  const tail = read(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array.from({ length: halves.length === 1 ? 0 : missing }, () => '0'), ...tail];
  if (all.some((h) => !/^[0-9a-f]{1,4}$/.test(h))) return null;
  return all.map((h) => h.replace(/^0+(?=.)/, ''));
}

/**
 * The network a client address belongs to, as copy detection compares them: an IPv4 /16 (`203.0`), an IPv6
 * /48 (`2001:db8:1`); an IPv4-mapped IPv6 address (`::ffff:203.0.113.9`) counts as its IPv4 network. Anything
 * else is returned as given (it is only compared for equality).
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const v4 = IPV4.exec(mapped?.[1] ?? address);
  if (v4) return `${Number(v4[1])}.${Number(v4[2])}`;
  const hextets = ipv6Hextets(address);
  return hextets ? hextets.slice(0, 3).join(':') : address;
}
