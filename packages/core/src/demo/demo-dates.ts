/**
 * Calendar dates of the demo city, all `YYYY-MM-DD` and computed in UTC from the load's reference date, so
 * that the same seed and reference date always give the same dates.
 */
import { LICENCE_EXPIRY_NOTICE_DAYS, LICENCE_VALIDITY_YEARS } from '@shian/domain';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;

// Parsed and formatted by hand: a large city computes a few hundred thousand dates.
const toDate = (iso: string): Date => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const toIso = (date: Date): string => `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

/** The same day `years` later (29 February rolls over to 1 March). */
export function addYears(iso: string, years: number): string {
  const date = toDate(iso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return toIso(date);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}


/** Days in the validity period ending on `asOf`: issue dates further back than this have expired. */
function validitySpan(asOf: string): number {
  return daysBetween(addYears(asOf, -LICENCE_VALIDITY_YEARS), asOf);
}

/** Which part of its validity a generated licence is in on the reference date. */
export type LicenceAge = 'current' | 'expiring' | 'expired' | 'any';

/**
 * An issue date for a licence in the given state on `asOf`: `current` expires more than 100 days ahead,
 * `expiring` within the 90-day notice window, `expired` 10–60 days ago, and `any` anywhere over the last five
 * years plus a few weeks (so that about 1 % have lapsed without renewal, as in real registers).
 */
export function licenceIssuedOn(random: Random, asOf: string, age: LicenceAge): string {
  const span = validitySpan(asOf);
  switch (age) {
    case 'current':
      return addDays(asOf, -random.int(20, span - 101));
    case 'expiring':
      return addDays(asOf, -(span - random.int(5, LICENCE_EXPIRY_NOTICE_DAYS - 5)));
    case 'expired':
      return addDays(asOf, -(span + random.int(10, 60)));
    case 'any':
      return addDays(asOf, -random.int(0, span + 20));
  }
}

/** A date in the past between `minDaysAgo` and `maxDaysAgo` before `asOf`. */
export function pastDate(random: Random, asOf: string, minDaysAgo: number, maxDaysAgo: number): string {
  return addDays(asOf, -random.int(minDaysAgo, maxDaysAgo));
}
