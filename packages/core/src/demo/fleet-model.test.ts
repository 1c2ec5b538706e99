import { describe, expect, it } from 'vitest';
import { EMPTY_DEVICE_STATE, GMP_CLEAN_AREA_RULE_SET, evaluateReadings, type Reading } from '@shian/domain';
import { baselineValue, isSilent, nominalValue, readingValue, type FleetScenario, type ModelDevice } from './fleet-model.ts';

const rules = GMP_CLEAN_AREA_RULE_SET.data;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const devices: ModelDevice[] = [0, 1, 2, 3].flatMap((i) => [
  { id: `t-${i}`, kind: 'temperature' as const, limit: rules.limits.temperature! },
  { id: `h-${i}`, kind: 'humidity' as const, limit: rules.limits.humidity! },
  { id: `p-${i}`, kind: 'pressure_differential' as const, limit: rules.limits.pressure_to_non_clean! },
  { id: `q-${i}`, kind: 'pressure_differential' as const, limit: rules.limits.pressure_between_classes! },
]);

describe('the fleet value model', () => {
  it('reads near the middle of the limits', () => {
    expect(nominalValue(devices[0]!)).toBe(22);
    expect(nominalValue(devices[1]!)).toBe(55);
    expect(nominalValue(devices[2]!)).toBe(16);
    expect(nominalValue(devices[3]!)).toBe(9);
    expect(nominalValue({ id: 'c', kind: 'camera', limit: null })).toBe(1);
  });

  it('never opens an alert by itself over a day at 8-second steps: in range, within every rate limit', () => {
    for (const device of devices) {
      const readings: Reading[] = Array.from({ length: 10_800 }, (_, i) => ({ at: new Date(T0 + i * 8_000), value: baselineValue(device, T0 + i * 8_000) }));
      const result = evaluateReadings(rules, device.limit, EMPTY_DEVICE_STATE, readings);
      expect(result.opened, device.id).toEqual([]);
    }
  });

  it('is deterministic, and follows a scenario: ramps, steps, silences, repeats', () => {
    const t = devices[0]!;
    expect(baselineValue(t, T0 + 12_345)).toBe(baselineValue({ ...t }, T0 + 12_345));
    const scenario: FleetScenario = {
      repeatEveryMs: 3_600_000,
      excursions: [{ deviceId: t.id, startMs: 600_000, durationMs: 1_200_000, value: 30, rampMs: 300_000 }],
      silences: [{ deviceId: 'h-0', startMs: 0, durationMs: 60_000 }],
    };
    expect(readingValue(t, scenario, 900_000, T0)).toBe(30);
    expect(readingValue(t, scenario, 3_600_000 + 900_000, T0)).toBe(30);
    const halfway = readingValue(t, scenario, 750_000, T0)!;
    expect(halfway).toBeCloseTo((baselineValue(t, T0) + 30) / 2, 0);
    expect(readingValue(t, scenario, 1_900_000, T0)).toBe(baselineValue(t, T0));
    expect(isSilent(scenario, 'h-0', 30_000)).toBe(true);
    expect(readingValue(devices[1]!, scenario, 30_000, T0)).toBeNull();
    expect(readingValue(devices[1]!, scenario, 60_000, T0)).toBe(baselineValue(devices[1]!, T0));
  });
});
