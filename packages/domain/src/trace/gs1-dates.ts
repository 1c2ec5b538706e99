/**
 * GS1 dates `YYMMDD` as carried by AI 11 (production date, 生产日期), 13 (packaging date), 15 (best before,
 * 保质期至) and 17 (expiry, 有效期至), converted to and from ISO `YYYY-MM-DD`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GS1_DATE = /^(\d{2})(\d{2})(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`, leap years included. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats an ISO date `YYYY-MM-DD` as a GS1 date `YYMMDD` (the century is dropped; {@link decodeGs1Date}
 * restores it with the sliding window, so only years within −49 … +50 of the reader's year round-trip).
 * Never writes day `00`. Throws a `RangeError` when `isoDate` is not a real calendar date.
 */
export function encodeGs1Date(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${isoDate}`);
  }
  return pad2(year % 100) + pad2(month) + pad2(day);
}

/**
 * The full year of a two-digit GS1 year by the sliding window of the GS1 General Specifications §7.12:
 * with `referenceYear`'s last two digits as the reference, a `yy` 51–99 years ahead is in the previous
 * century, one 50–99 years behind is in the next century, and any other is in the reference's century.
 * The result is therefore always within −49 … +50 years of `referenceYear`.
 */
export function gs1FullYear(yy: number, referenceYear: number): number {
  const referenceYy = referenceYear % 100;
  const year = referenceYear - referenceYy + yy;
  const ahead = yy - referenceYy;
  if (ahead > 50) return year - 100;
  if (ahead < -49) return year + 100;
  return year;
}

/**
 * Reads a GS1 date `YYMMDD` as an ISO date `YYYY-MM-DD`, or null when it is not a date (not six digits,
 * month outside 01–12, day past the end of the month such as 310431 or 270229). Day `00` means the last
 * day of the month (`280200` is 2028-02-29, `270200` is 2027-02-28). The century comes from
 * {@link gs1FullYear} with the UTC year of `reference` (default: now) as the reference year. Throws a
 * `RangeError` only for an invalid `reference` (`new Date(NaN)`).
 */
export function decodeGs1Date(yymmdd: string, reference: Date = new Date()): string | null {
  const match = GS1_DATE.exec(yymmdd);
  if (match === null) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const referenceYear = reference.getUTCFullYear();
  if (Number.isNaN(referenceYear)) throw new RangeError('decodeGs1Date: the reference date is invalid');
  const year = gs1FullYear(Number(match[1]), referenceYear);
  const lastDay = daysInMonth(year, month);
  const day = Number(match[3]);
  if (day > lastDay) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day === 0 ? lastDay : day)}`;
}
