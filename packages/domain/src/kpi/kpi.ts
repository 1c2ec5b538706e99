/**
 * A KPI of the city's work plans (工作方案): a count over a count against the plan's target, with where the
 * target comes from. Every KPI the platform computes (traceability, duties, self-inspection, training) has
 * this shape. A denominator of 0 counts as met: nothing was due.
 */
export interface Kpi {
  numerator: number;
  denominator: number;
  rate: number;
  target: number;
  met: boolean;
  /** The seed and clause the target comes from. */
  basis: string;
}

/** The two counts of a KPI. */
export interface KpiCount {
  numerator: number;
  denominator: number;
}

export const NO_COUNT: KpiCount = { numerator: 0, denominator: 0 };

/** The KPI of a count pair; refuses a pair that is not one (negative, fractional, or more met than due). */
export function kpiOf({ numerator, denominator }: KpiCount, target: number, basis: string): Kpi {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || numerator > denominator) {
    throw new RangeError(`not a count pair: ${numerator}/${denominator}`);
  }
  const rate = denominator === 0 ? 1 : numerator / denominator;
  return { numerator, denominator, rate, target, met: rate >= target, basis };
}

/** The sum of count pairs (a city total from its districts). */
export const addCounts = (a: KpiCount, b: KpiCount): KpiCount => ({ numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator });
