import { SENSOR_RULE_KINDS, type Limit, type RuleKind, type RuleSetData } from './rule-sets.ts';

/**
 * The pure rule evaluator (规则引擎). It keeps, per device, the last reading, since when the stream has been
 * out of range, and the conditions open; a batch of readings (in time order) yields the new state and the
 * conditions that open and clear. One condition per (device, rule kind): a stream that stays out of range
 * opens ONE `out_of_range` condition, extended by every further reading out of range, and cleared by the
 * first reading back in range.
 */
export interface DeviceState {
  /** ISO instant of the latest reading evaluated. */
  lastAt: string | null;
  lastValue: number | null;
  /** ISO instant of the first reading of the current excursion out of range; null when in range. */
  outSince: string | null;
  /** The reading the rate of change is measured from (at least {@link RATE_WINDOW_MS} before the next measure). */
  rateFromAt: string | null;
  rateFromValue: number | null;
  open: RuleKind[];
}

export const EMPTY_DEVICE_STATE: DeviceState = { lastAt: null, lastValue: null, outSince: null, rateFromAt: null, rateFromValue: null, open: [] };

/**
 * The rate of change is measured over at least a minute, so it does not depend on how often a device reports:
 * at one reading a second, ±0.1 °C of sensor noise would otherwise read as 12 °C/min.
 */
export const RATE_WINDOW_MS = 60_000;

export interface Reading {
  at: Date;
  value: number;
}

export interface ConditionOpened {
  kind: RuleKind;
  /** The reading that opened it (or the check's time for silence). */
  at: Date;
  /** The first reading that belongs to it (an excursion's first reading out of range). */
  firstReadingAt: Date | null;
}

export interface ConditionCleared {
  kind: RuleKind;
  at: Date;
}

/** Further readings that belong to an open (or just opened) condition: they extend its alert. */
export interface ConditionExtended {
  kind: RuleKind;
  readings: number;
  lastReadingAt: Date;
}

export interface Evaluation {
  state: DeviceState;
  opened: ConditionOpened[];
  cleared: ConditionCleared[];
  extended: ConditionExtended[];
}

const outOfRange = (limit: Limit, value: number): boolean => (limit.min !== null && value < limit.min) || (limit.max !== null && value > limit.max);

/**
 * Evaluates readings against one limit of a rule set (`limit` null for cameras: their readings are
 * heartbeats). Readings at or before the state's last reading are ignored (late or repeated deliveries).
 */
export function evaluateReadings(rules: RuleSetData, limit: Limit | null, previous: DeviceState, readings: readonly Reading[]): Evaluation {
  const open = new Set(previous.open);
  let { lastAt, lastValue, outSince, rateFromAt, rateFromValue } = previous;
  const opened: ConditionOpened[] = [];
  const cleared: ConditionCleared[] = [];
  const extended = new Map<RuleKind, ConditionExtended>();
  const openCondition = (kind: RuleKind, at: Date, firstReadingAt: Date | null): void => {
    open.add(kind);
    opened.push({ kind, at, firstReadingAt });
  };
  const clearCondition = (kind: RuleKind, at: Date): void => {
    if (!open.delete(kind)) return;
    cleared.push({ kind, at });
  };
  const extend = (kind: RuleKind, at: Date): void => {
    const entry = extended.get(kind);
    if (entry) {
      entry.readings += 1;
      entry.lastReadingAt = at;
    } else extended.set(kind, { kind, readings: 1, lastReadingAt: at });
  };

  for (const reading of readings) {
    const atMs = reading.at.getTime();
    if (lastAt !== null && atMs <= Date.parse(lastAt)) continue;
    const iso = reading.at.toISOString();
    clearCondition('silent', reading.at);
    clearCondition('camera_offline', reading.at);

    if (limit) {
      if (outOfRange(limit, reading.value)) {
        outSince ??= iso;
        if (open.has('out_of_range')) extend('out_of_range', reading.at);
        else if (atMs - Date.parse(outSince) >= rules.sustainSeconds * 1000) {
          openCondition('out_of_range', reading.at, new Date(outSince));
          extend('out_of_range', reading.at);
        }
      } else {
        outSince = null;
        clearCondition('out_of_range', reading.at);
      }

      if (limit.maxRatePerMinute !== null && rateFromAt !== null && rateFromValue !== null && atMs - Date.parse(rateFromAt) >= RATE_WINDOW_MS) {
        const minutes = (atMs - Date.parse(rateFromAt)) / 60_000;
        const rate = Math.abs(reading.value - rateFromValue) / minutes;
        if (rate > limit.maxRatePerMinute) {
          if (open.has('rate_of_change')) extend('rate_of_change', reading.at);
          else {
            openCondition('rate_of_change', reading.at, new Date(rateFromAt));
            extend('rate_of_change', reading.at);
          }
        } else clearCondition('rate_of_change', reading.at);
        rateFromAt = iso;
        rateFromValue = reading.value;
      } else if (rateFromAt === null) {
        rateFromAt = iso;
        rateFromValue = reading.value;
      }
    }
    lastAt = iso;
    lastValue = reading.value;
  }
  return { state: { lastAt, lastValue, outSince, rateFromAt, rateFromValue, open: [...open].sort() }, opened, cleared, extended: [...extended.values()] };
}

/**
 * Asked at `now` with no reading since the state's last one: opens `silent` (or `camera_offline` for a
 * camera) once the silence is longer than the rule allows. `since` stands in for the last reading of a
 * device that never sent one (its registration).
 */
export function evaluateSilence(rules: RuleSetData, isCamera: boolean, previous: DeviceState, now: Date, since: Date): Evaluation {
  const kind: RuleKind = isCamera ? 'camera_offline' : 'silent';
  const seconds = isCamera ? rules.cameraOfflineSeconds : rules.silenceSeconds;
  const last = previous.lastAt !== null ? new Date(previous.lastAt) : since;
  if (previous.open.includes(kind) || now.getTime() - last.getTime() <= seconds * 1000) {
    return { state: previous, opened: [], cleared: [], extended: [] };
  }
  return {
    state: { ...previous, open: [...previous.open, kind].sort() },
    opened: [{ kind, at: now, firstReadingAt: previous.lastAt !== null ? last : null }],
    cleared: [],
    extended: [],
  };
}

/**
 * A sign of life without a value (a camera's AI event): like a heartbeat reading it clears `silent` and
 * `camera_offline` and moves `lastAt` on; `lastValue` stays. One at or before `lastAt` changes nothing.
 */
export function evaluateHeartbeat(previous: DeviceState, at: Date): Evaluation {
  if (previous.lastAt !== null && at.getTime() <= Date.parse(previous.lastAt)) return { state: previous, opened: [], cleared: [], extended: [] };
  const cleared: ConditionCleared[] = previous.open.filter((k) => k === 'silent' || k === 'camera_offline').map((kind) => ({ kind, at }));
  const open = previous.open.filter((k) => k !== 'silent' && k !== 'camera_offline');
  return { state: { ...previous, lastAt: at.toISOString(), open }, opened: [], cleared, extended: [] };
}

/** Reads a stored state (JSON) defensively: anything malformed counts as a device never heard from. */
export function parseDeviceState(value: unknown): DeviceState {
  if (typeof value !== 'object' || value === null) return EMPTY_DEVICE_STATE;
  const v = value as Partial<Record<keyof DeviceState, unknown>>; // stored JSON, checked field by field below
  const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return {
    lastAt: str(v.lastAt),
    lastValue: typeof v.lastValue === 'number' ? v.lastValue : null,
    outSince: str(v.outSince),
    rateFromAt: str(v.rateFromAt),
    rateFromValue: typeof v.rateFromValue === 'number' ? v.rateFromValue : null,
    open: Array.isArray(v.open) ? v.open.filter((k): k is RuleKind => (SENSOR_RULE_KINDS as readonly unknown[]).includes(k)) : [],
  };
}
