import { describe, expect, it } from 'vitest';
import { EMPTY_DEVICE_STATE, evaluateReadings, evaluateSilence, parseDeviceState, type Reading } from './evaluate.ts';
import { GMP_CLEAN_AREA_RULE_SET, checkRuleSetOverride, overrideRuleSet } from './rule-sets.ts';

const rules = GMP_CLEAN_AREA_RULE_SET.data;
const temperature = rules.limits.temperature!;
const T0 = Date.parse('2026-03-01T08:00:00Z');
/** One reading a minute from T0, with the given values. */
const minutes = (values: number[], from = 0): Reading[] => values.map((value, i) => ({ at: new Date(T0 + (from + i) * 60_000), value }));

describe('evaluateReadings: out of range for a sustained time', () => {
  it('opens ONE condition for an excursion longer than the sustain time, extended by every further reading', () => {
    // 27 °C from minute 0 to minute 9: sustained for 300 s at minute 5.
    const result = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([27, 27, 27, 27, 27, 27, 27, 27, 27, 27]));
    expect(result.opened).toEqual([{ kind: 'out_of_range', at: new Date(T0 + 5 * 60_000), firstReadingAt: new Date(T0) }]);
    expect(result.extended).toEqual([{ kind: 'out_of_range', readings: 5, lastReadingAt: new Date(T0 + 9 * 60_000) }]);
    expect(result.state).toMatchObject({ open: ['out_of_range'], outSince: new Date(T0).toISOString() });
    // The next batch continues the same excursion: nothing new opens.
    const next = evaluateReadings(rules, temperature, result.state, minutes([28, 28], 10));
    expect(next.opened).toEqual([]);
    expect(next.extended).toEqual([{ kind: 'out_of_range', readings: 2, lastReadingAt: new Date(T0 + 11 * 60_000) }]);
  });

  it('does not open for a short spike, and forgets the spike once back in range', () => {
    const result = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([25, 26.5, 26.5, 25, 26.5, 26.5, 26.5, 25]));
    expect(result.opened).toEqual([]);
    expect(result.state).toMatchObject({ open: [], outSince: null });
  });

  it('also opens below the minimum, and for a pressure gauge with only a minimum', () => {
    expect(evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([17, 17, 17, 17, 17, 17])).opened.map((c) => c.kind)).toEqual(['out_of_range']);
    const pressure = rules.limits.pressure_to_non_clean!;
    expect(evaluateReadings(rules, pressure, EMPTY_DEVICE_STATE, minutes([12, 12, 12, 12, 12, 12])).opened).toEqual([]);
    expect(evaluateReadings(rules, pressure, EMPTY_DEVICE_STATE, minutes([8, 8, 8, 8, 8, 8])).opened.map((c) => c.kind)).toEqual(['out_of_range']);
  });

  it('clears at the first reading back in range, and a later excursion opens again', () => {
    const open = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([26.5, 26.5, 26.5, 26.5, 26.5, 26.5]));
    const back = evaluateReadings(rules, temperature, open.state, minutes([26.5, 25, 26.5], 6));
    expect(back.cleared).toEqual([{ kind: 'out_of_range', at: new Date(T0 + 7 * 60_000) }]);
    expect(back.state).toMatchObject({ open: [], outSince: new Date(T0 + 8 * 60_000).toISOString() });
    const again = evaluateReadings(rules, temperature, back.state, minutes([26.5, 26.5, 26.5, 26.5, 26.5], 9));
    expect(again.opened).toEqual([{ kind: 'out_of_range', at: new Date(T0 + 13 * 60_000), firstReadingAt: new Date(T0 + 8 * 60_000) }]);
  });

  it('ignores readings at or before the last one evaluated (late or repeated deliveries)', () => {
    const first = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([22, 22]));
    const repeat = evaluateReadings(rules, temperature, first.state, minutes([40, 40]));
    expect(repeat).toEqual({ state: first.state, opened: [], cleared: [], extended: [] });
  });
});

describe('evaluateReadings: rate of change', () => {
  it('opens when the change per minute exceeds the limit, and clears when it calms', () => {
    // 2 °C/min allowed: 22 → 25 in one minute is 3 °C/min; 25 → 25.5 calms it.
    const result = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([22, 25, 25.5]));
    expect(result.opened).toEqual([{ kind: 'rate_of_change', at: new Date(T0 + 60_000), firstReadingAt: new Date(T0) }]);
    expect(result.cleared).toEqual([{ kind: 'rate_of_change', at: new Date(T0 + 120_000) }]);
  });

  it('measures the rate over the real interval: 3 °C over two minutes is within 2 °C/min', () => {
    const result = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, [
      { at: new Date(T0), value: 22 },
      { at: new Date(T0 + 120_000), value: 25 },
    ]);
    expect(result.opened).toEqual([]);
  });

  it('measures over at least a minute: sensor noise at one reading a second is no rate of change', () => {
    const noisy = Array.from({ length: 180 }, (_, i) => ({ at: new Date(T0 + i * 1000), value: 22 + (i % 2 === 0 ? 0.1 : -0.1) }));
    expect(evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, noisy).opened).toEqual([]);
    // A real jump still counts, measured from the reading the last measure ended on (2 min 0 s, 22.1 °C):
    // 25.5 °C 80 s later is 2.55 °C/min.
    const state = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, noisy).state;
    const jump = evaluateReadings(rules, temperature, state, [{ at: new Date(T0 + 200_000), value: 25.5 }]);
    expect(jump.opened).toEqual([{ kind: 'rate_of_change', at: new Date(T0 + 200_000), firstReadingAt: new Date(T0 + 120_000) }]);
  });
});

describe('evaluateSilence', () => {
  const state = evaluateReadings(rules, temperature, EMPTY_DEVICE_STATE, minutes([22])).state;

  it('opens `silent` after the silence time with no reading, once, and a reading clears it', () => {
    expect(evaluateSilence(rules, false, state, new Date(T0 + 600_000), new Date(T0)).opened).toEqual([]);
    const silent = evaluateSilence(rules, false, state, new Date(T0 + 601_000), new Date(T0));
    expect(silent.opened).toEqual([{ kind: 'silent', at: new Date(T0 + 601_000), firstReadingAt: new Date(T0) }]);
    expect(evaluateSilence(rules, false, silent.state, new Date(T0 + 900_000), new Date(T0)).opened).toEqual([]);
    const back = evaluateReadings(rules, temperature, silent.state, minutes([22], 20));
    expect(back.cleared).toEqual([{ kind: 'silent', at: new Date(T0 + 20 * 60_000) }]);
  });

  it('opens `camera_offline` for a camera after its own time, counting from registration when it never reported', () => {
    const never = evaluateSilence(rules, true, EMPTY_DEVICE_STATE, new Date(T0 + 301_000), new Date(T0));
    expect(never.opened).toEqual([{ kind: 'camera_offline', at: new Date(T0 + 301_000), firstReadingAt: null }]);
    expect(never.state.open).toEqual(['camera_offline']);
  });
});

describe('rule sets as versioned data', () => {
  it('marks the GMP defaults unconfirmed, with their source', () => {
    for (const limit of Object.values(rules.limits)) {
      expect(limit.confirmed).toBe(false);
      expect(limit.source).toContain('GB 17405-1998');
    }
    expect(rules.limits.temperature).toMatchObject({ min: 18, max: 26 });
    expect(rules.limits.humidity).toMatchObject({ min: 45, max: 65 });
    expect(rules.limits.pressure_to_non_clean).toMatchObject({ min: 10, max: null });
    expect(rules.limits.pressure_between_classes).toMatchObject({ min: 5, max: null });
  });

  it('makes a site override a new version with the parent unchanged, and the evaluator follows it', () => {
    const site = overrideRuleSet(GMP_CLEAN_AREA_RULE_SET, { limits: { temperature: { max: 28 } }, sustainSeconds: 120 }, { id: 'x', name: { 'zh-CN': '甲厂', 'en-US': 'Plant A' }, source: '企业工艺验证报告 2026-01' });
    expect(site).toMatchObject({ id: 'x', version: 2, parentId: 'gmp-clean-area/1' });
    expect(site.data.limits.temperature).toMatchObject({ min: 18, max: 28, confirmed: true, source: '企业工艺验证报告 2026-01' });
    expect(site.data.limits.humidity).toEqual(rules.limits.humidity);
    expect(GMP_CLEAN_AREA_RULE_SET.data.limits.temperature!.max).toBe(26);
    // 27 °C is now in range; 29 °C opens after 120 s.
    expect(evaluateReadings(site.data, site.data.limits.temperature!, EMPTY_DEVICE_STATE, minutes([27, 27, 27, 27])).opened).toEqual([]);
    expect(evaluateReadings(site.data, site.data.limits.temperature!, EMPTY_DEVICE_STATE, minutes([29, 29, 29])).opened.map((c) => c.at)).toEqual([new Date(T0 + 120_000)]);
  });

  it('names every bad field of an override', () => {
    expect(checkRuleSetOverride({ limits: { temperature: { min: 30 } }, silenceSeconds: -1 }, GMP_CLEAN_AREA_RULE_SET)).toEqual([
      { path: 'limits.temperature.min', message: 'field.monitoring_min_above_max' },
      { path: 'silenceSeconds', message: 'field.monitoring_seconds' },
    ]);
  });

  it('reads a stored state defensively', () => {
    expect(parseDeviceState(null)).toEqual(EMPTY_DEVICE_STATE);
    expect(parseDeviceState({ lastAt: '2026-03-01T08:00:00.000Z', lastValue: 3, outSince: null, open: ['silent', 'bogus'] })).toEqual({ lastAt: '2026-03-01T08:00:00.000Z', lastValue: 3, outSince: null, rateFromAt: null, rateFromValue: null, open: ['silent'] });
  });
});
