/**
 * Month scheduling of the annual plan: each enterprise's inspections evenly spaced over the year, with the
 * phase chosen so the monthly workload stays level. Constant work per inspection, no search across enterprises.
 */
export const MONTHS_PER_YEAR = 12;

/** Inspections already placed per month, index 0 = January. */
export type MonthLoad = number[];

export function emptyMonthLoad(): MonthLoad {
  return Array.from({ length: MONTHS_PER_YEAR }, () => 0);
}

/**
 * Places `count` inspections `12 / count` months apart (months `floor(phase + k · 12 / count)`), trying every
 * phase in the first gap and keeping the one whose months carry the least load so far (the fewest inspections
 * added to already busy months; ties: the lower peak, then the earlier phase). Adds the result to `load` and
 * returns the months, 1-based and ascending. More than 12 inspections share months.
 */
export function scheduleMonths(load: MonthLoad, count: number): number[] {
  if (count <= 0) return [];
  const step = MONTHS_PER_YEAR / count;
  const phases = Math.max(1, Math.ceil(step));
  // phase < step, so phase + (count − 1) · step < 12: every month is in range, ascending in k.
  const monthOf = (phase: number, k: number): number => Math.floor(phase + k * step);
  let bestPhase = 0;
  let bestSum = Number.POSITIVE_INFINITY;
  let bestPeak = Number.POSITIVE_INFINITY;
  for (let phase = 0; phase < phases; phase += 1) {
    let sum = 0;
    let peak = 0;
    for (let k = 0; k < count; k += 1) {
      const current = load[monthOf(phase, k)] ?? 0;
      sum += current;
      if (current > peak) peak = current;
    }
    if (sum < bestSum || (sum === bestSum && peak < bestPeak)) {
      bestPhase = phase;
      bestSum = sum;
      bestPeak = peak;
    }
  }
  const months: number[] = [];
  for (let k = 0; k < count; k += 1) {
    const month = monthOf(bestPhase, k);
    load[month] = (load[month] ?? 0) + 1;
    months.push(month + 1);
  }
  return months;
}
