/**
 * The value model of simulated monitoring devices (模拟设备): pure and deterministic, shared by the demo's
 * 24-hour history and the fleet simulator. A sensor reads near the middle of its limits with a slow daily
 * drift, a slower wander and smooth noise (interpolated between random knots a minute apart, so that the
 * change per minute stays well inside the rate-of-change limits); a camera sends a heartbeat (1). A scenario
 * scripts excursions (a device held at a value for a while, reached by a ramp or a step) and silences
 * (a device that sends nothing), at offsets from the start of the simulation, optionally repeating.
 */
import type { DeviceKind, Limit } from '@shian/domain';

export interface ModelDevice {
  id: string;
  kind: DeviceKind;
  /** The limit of the device's rule set that applies to it; null for cameras. */
  limit: Limit | null;
}

/** A device held at `value` from `startMs` for `durationMs` (offsets from the simulation's start). */
export interface Excursion {
  deviceId: string;
  startMs: number;
  durationMs: number;
  value: number;
  /** Time to reach the value and to come back (linear); 0 or absent is a step. */
  rampMs?: number | undefined;
}

/** A device that sends nothing from `startMs` for `durationMs`. */
export interface Silence {
  deviceId: string;
  startMs: number;
  durationMs: number;
}

export interface FleetScenario {
  excursions: readonly Excursion[];
  silences: readonly Silence[];
  /** The scenario starts again every this many milliseconds; absent → it runs once. */
  repeatEveryMs?: number | undefined;
}

export const EMPTY_SCENARIO: FleetScenario = { excursions: [], silences: [] };

/** Per kind: amplitude of the daily drift, of the smooth noise, and the resolution of a reading. */
const SPREAD: Record<Exclude<DeviceKind, 'camera'>, { drift: number; noise: number; resolution: number }> = {
  temperature: { drift: 0.8, noise: 0.15, resolution: 0.1 },
  humidity: { drift: 4, noise: 0.6, resolution: 0.1 },
  pressure_differential: { drift: 1.5, noise: 0.3, resolution: 0.1 },
};

const DAY_MS = 86_400_000;
const WANDER_MS = 97 * 60_000;
const KNOT_MS = 60_000;

/** The middle of a limit; for a pressure gauge (a minimum only) comfortably above it. */
export function nominalValue(device: ModelDevice): number {
  const limit = device.limit;
  if (device.kind === 'camera' || !limit) return 1;
  if (limit.min !== null && limit.max !== null) return (limit.min + limit.max) / 2;
  if (limit.min !== null) return limit.min + Math.max(4, limit.min * 0.6);
  if (limit.max !== null) return limit.max - Math.max(4, Math.abs(limit.max) * 0.6);
  return 0;
}

/** A uniform number in [0, 1) from a text and an integer (FNV-1a, then a murmur3 finaliser). */
export function hash01(text: string, n: number): number {
  let h = 0x811c9dc5;
  const input = `${text}:${n}`;
  for (let i = 0; i < input.length; i += 1) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** Smooth noise in [-1, 1]: random knots a minute apart, joined by a smoothstep. */
function smoothNoise(id: string, atMs: number): number {
  const k = Math.floor(atMs / KNOT_MS);
  const f = (atMs - k * KNOT_MS) / KNOT_MS;
  const s = f * f * (3 - 2 * f);
  return (hash01(id, k) * (1 - s) + hash01(id, k + 1) * s) * 2 - 1;
}

const roundTo = (value: number, resolution: number): number => Math.round(value / resolution) * resolution;
const tidy = (value: number): number => Number(value.toFixed(3));

/** The reading of an undisturbed device at `atMs` (epoch milliseconds). */
export function baselineValue(device: ModelDevice, atMs: number): number {
  if (device.kind === 'camera' || !device.limit) return 1;
  const spread = SPREAD[device.kind];
  const phase = hash01(device.id, -1) * 2 * Math.PI;
  const daily = Math.sin((2 * Math.PI * atMs) / DAY_MS + phase) * spread.drift;
  const wander = Math.sin((2 * Math.PI * atMs) / WANDER_MS + 3 * phase) * spread.drift * 0.3;
  const noise = smoothNoise(device.id, atMs) * spread.noise;
  return tidy(roundTo(nominalValue(device) + daily + wander + noise, spread.resolution));
}

/** Where `elapsedMs` falls in the scenario (modulo its repeat). */
const scenarioTime = (scenario: FleetScenario, elapsedMs: number): number =>
  scenario.repeatEveryMs ? ((elapsedMs % scenario.repeatEveryMs) + scenario.repeatEveryMs) % scenario.repeatEveryMs : elapsedMs;

const within = (t: number, window: { startMs: number; durationMs: number }): boolean => t >= window.startMs && t < window.startMs + window.durationMs;

/** Whether the scenario keeps the device quiet at `elapsedMs`. */
export function isSilent(scenario: FleetScenario, deviceId: string, elapsedMs: number): boolean {
  const t = scenarioTime(scenario, elapsedMs);
  return scenario.silences.some((s) => s.deviceId === deviceId && within(t, s));
}

/**
 * The reading a device sends `elapsedMs` after the simulation started, at `atMs`; null when the scenario
 * keeps it silent. An excursion replaces the baseline (weighted along its ramps).
 */
export function readingValue(device: ModelDevice, scenario: FleetScenario, elapsedMs: number, atMs: number): number | null {
  if (isSilent(scenario, device.id, elapsedMs)) return null;
  const base = baselineValue(device, atMs);
  if (device.kind === 'camera') return base;
  const t = scenarioTime(scenario, elapsedMs);
  const excursion = scenario.excursions.find((e) => e.deviceId === device.id && within(t, e));
  if (!excursion) return base;
  const ramp = excursion.rampMs ?? 0;
  const weight = ramp > 0 ? Math.min(1, (t - excursion.startMs) / ramp, (excursion.startMs + excursion.durationMs - t) / ramp) : 1;
  const resolution = SPREAD[device.kind].resolution;
  return tidy(roundTo(base + (excursion.value - base) * weight, resolution));
}
