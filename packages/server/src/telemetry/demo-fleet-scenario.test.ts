import { describe, expect, it } from 'vitest';
import { EMPTY_DEVICE_STATE, GMP_CLEAN_AREA_RULE_SET, evaluateReadings, limitKeyOf, type DeviceKind, type PressureBoundary, type Reading } from '@shian/domain';
import { readingValue } from '@shian/core/demo/fleet-model.ts';
import { demoFleetScenario, type SimulatedDevice } from './fleet-simulator.ts';

const rules = GMP_CLEAN_AREA_RULE_SET.data;
const device = (site: number, kind: DeviceKind, n: number, boundary: PressureBoundary | null = null): SimulatedDevice => {
  const key = limitKeyOf(kind, boundary);
  return { id: `s${site}-${kind}-${n}`, enterpriseId: `site-${site}`, kind, limit: key ? rules.limits[key]! : null, secret: 'x' };
};
/** Eight sites like the demo's: two areas with T/H and a gauge each, a camera. */
const fleet = Array.from({ length: 8 }, (_, s) => [
  device(s, 'temperature', 1), device(s, 'humidity', 1), device(s, 'pressure_differential', 1, 'to_non_clean'),
  device(s, 'temperature', 2), device(s, 'humidity', 2), device(s, 'pressure_differential', 2, 'between_classes'), device(s, 'camera', 1),
]).flat();

describe('the live demo scenario', () => {
  it('over one hour at 8-second steps opens exactly two sustained excursions, no rate of change, and silences one sensor and one camera', () => {
    const scenario = demoFleetScenario(fleet);
    const T0 = Date.parse('2026-03-01T08:00:00Z');
    const opened: string[] = [];
    const silent = new Set<string>();
    for (const d of fleet) {
      const readings: Reading[] = [];
      for (let t = 0; t < 3_600_000; t += 8_000) {
        const value = readingValue(d, scenario, t, T0 + t);
        if (value === null) silent.add(d.id);
        else readings.push({ at: new Date(T0 + t), value });
      }
      for (const o of evaluateReadings(rules, d.limit, EMPTY_DEVICE_STATE, readings).opened) opened.push(`${d.id}:${o.kind}`);
    }
    expect(opened.sort()).toEqual(['s1-temperature-1:out_of_range', 's3-pressure_differential-1:out_of_range']);
    expect([...silent].sort()).toEqual(['s5-humidity-1', 's6-camera-1']);
  });
});
