import type { Localised } from '../i18n/locale.ts';
import { AI_RULE_KINDS, CAMERA_EVENT_KIND_INFO, CAMERA_EVENT_KINDS, cameraRuleKind, type AiRuleKind } from './camera-events.ts';
import type { LimitKey } from './devices.ts';

/**
 * Monitoring rules as versioned data (监测规则). Each limit carries its source and whether it is confirmed:
 * the GMP clean-area numbers are traditionally taken from GB 17405-1998, which is being replaced by
 * GB 17405-2025, so they are marked unconfirmed (china-rules.md §9). A site that needs other values makes an
 * override: a new version with the old one as parent, never an edit.
 */
/** The sensor conditions, then one condition per AI camera event kind (`ai_<kind>`, camera-events.ts). */
export const SENSOR_RULE_KINDS = ['out_of_range', 'rate_of_change', 'silent', 'camera_offline'] as const;
export const RULE_KINDS = [...SENSOR_RULE_KINDS, ...AI_RULE_KINDS] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Alert grades (分级处置): immediate (立即处置), with a deadline (限期处置), routine (一般关注). */
export const ALERT_GRADES = ['immediate', 'deadline', 'routine'] as const;
export type AlertGrade = (typeof ALERT_GRADES)[number];

export const ALERT_GRADE_LABELS: Record<AlertGrade, Localised> = {
  immediate: { 'zh-CN': '立即处置', 'en-US': 'Immediate' },
  deadline: { 'zh-CN': '限期处置', 'en-US': 'With a deadline' },
  routine: { 'zh-CN': '一般关注', 'en-US': 'Routine' },
};

export const RULE_KIND_LABELS: Record<RuleKind, Localised> = {
  out_of_range: { 'zh-CN': '持续超限', 'en-US': 'Out of range (sustained)' },
  rate_of_change: { 'zh-CN': '变化过快', 'en-US': 'Rate of change' },
  silent: { 'zh-CN': '设备失联', 'en-US': 'Device silent' },
  camera_offline: { 'zh-CN': '摄像头离线', 'en-US': 'Camera offline' },
  ...(Object.fromEntries(CAMERA_EVENT_KINDS.map((k) => [cameraRuleKind(k), CAMERA_EVENT_KIND_INFO[k].label])) as Record<AiRuleKind, Localised>), // one entry per AI kind, built from the same list
};

export interface Limit {
  min: number | null;
  max: number | null;
  /** Largest change per minute, in the limit's unit; null for none. */
  maxRatePerMinute: number | null;
  unit: string;
  confirmed: boolean;
  source: string;
}

export interface GradeRule {
  grade: AlertGrade;
  /** Hours the enterprise has to handle a `deadline` alert; null for the other grades. */
  handleWithinHours: number | null;
}

export interface RuleSetData {
  limits: Partial<Record<LimitKey, Limit>>;
  /** A reading stream out of range for this long opens an `out_of_range` condition (a short spike does not). */
  sustainSeconds: number;
  /** No reading for this long opens `silent`. */
  silenceSeconds: number;
  /** No heartbeat from a camera for this long opens `camera_offline`. */
  cameraOfflineSeconds: number;
  /**
   * Grades by rule kind. Partial: sets stored before a kind existed (the AI camera kinds) lack it; read a
   * grade with `gradeFor`, which falls back to the platform default.
   */
  grades: Partial<Record<RuleKind, GradeRule>>;
}

export interface RuleSet {
  /** `gmp-clean-area/1` for built-in sets; a generated id for a site's override. */
  id: string;
  version: number;
  parentId: string | null;
  name: Localised;
  /** Where the values come from, in words. */
  source: string;
  data: RuleSetData;
}

/** The grades of the sensor conditions in the GMP defaults. */
const SENSOR_GRADES: Record<(typeof SENSOR_RULE_KINDS)[number], GradeRule> = {
  out_of_range: { grade: 'immediate', handleWithinHours: null },
  rate_of_change: { grade: 'deadline', handleWithinHours: 24 },
  silent: { grade: 'deadline', handleWithinHours: 24 },
  camera_offline: { grade: 'routine', handleWithinHours: null },
};

const GMP_SOURCE = 'GB 17405-1998 《保健食品良好生产规范》 (mirrors drug GMP 1998); successor GB 17405-2025 not verified — china-rules.md §9, verify before use';

/** The GMP clean-area defaults (洁净区默认值), unconfirmed until checked against the official text. */
export const GMP_CLEAN_AREA_RULE_SET: RuleSet = {
  id: 'gmp-clean-area/1',
  version: 1,
  parentId: null,
  name: { 'zh-CN': 'GMP 洁净区默认规则', 'en-US': 'GMP clean-area defaults' },
  source: GMP_SOURCE,
  data: {
    limits: {
      temperature: { min: 18, max: 26, maxRatePerMinute: 2, unit: '°C', confirmed: false, source: `${GMP_SOURCE}: 洁净室温度 18–26 °C` },
      humidity: { min: 45, max: 65, maxRatePerMinute: 5, unit: '%RH', confirmed: false, source: `${GMP_SOURCE}: 相对湿度 45–65 %` },
      pressure_to_non_clean: { min: 10, max: null, maxRatePerMinute: null, unit: 'Pa', confirmed: false, source: `${GMP_SOURCE}: 洁净室与室外（非洁净区）压差 ≥ 10 Pa` },
      pressure_between_classes: { min: 5, max: null, maxRatePerMinute: null, unit: 'Pa', confirmed: false, source: `${GMP_SOURCE}: 不同级别相邻洁净室压差 ≥ 5 Pa` },
    },
    sustainSeconds: 300,
    silenceSeconds: 600,
    cameraOfflineSeconds: 300,
    grades: { ...SENSOR_GRADES },
  },
};

export const BUILTIN_RULE_SETS: readonly RuleSet[] = [GMP_CLEAN_AREA_RULE_SET];

/**
 * The platform's default grade of every rule kind: the GMP set's for the sensor conditions, the AI event
 * kinds' own defaults (camera-events.ts) for the camera conditions.
 */
export const DEFAULT_GRADES: Record<RuleKind, GradeRule> = {
  ...SENSOR_GRADES,
  ...(Object.fromEntries(CAMERA_EVENT_KINDS.map((k) => [cameraRuleKind(k), { grade: CAMERA_EVENT_KIND_INFO[k].grade, handleWithinHours: CAMERA_EVENT_KIND_INFO[k].handleWithinHours }])) as Record<AiRuleKind, GradeRule>), // one entry per AI kind
};

/** The grade a rule set gives a condition: its own, else the platform default (older stored sets lack newer kinds). */
export function gradeFor(rules: RuleSetData, kind: RuleKind): GradeRule {
  return rules.grades[kind] ?? DEFAULT_GRADES[kind];
}

/** What a site may change: single limit values, the timings, the grades. Anything left out is inherited. */
export interface RuleSetOverride {
  limits?: Partial<Record<LimitKey, Partial<Pick<Limit, 'min' | 'max' | 'maxRatePerMinute'>>>> | undefined;
  sustainSeconds?: number | undefined;
  silenceSeconds?: number | undefined;
  cameraOfflineSeconds?: number | undefined;
  grades?: Partial<Record<RuleKind, GradeRule>> | undefined;
}

/**
 * A site's override as a new version of its parent (the parent is left as it is). The changed limits take
 * the override's source and count as confirmed by the site that set them.
 */
export function overrideRuleSet(parent: RuleSet, override: RuleSetOverride, meta: { id: string; name: Localised; source: string }): RuleSet {
  const limits: Partial<Record<LimitKey, Limit>> = { ...parent.data.limits };
  for (const [key, change] of Object.entries(override.limits ?? {}) as [LimitKey, Partial<Limit>][]) {
    const base = parent.data.limits[key];
    if (!base) continue;
    limits[key] = { ...base, ...change, confirmed: true, source: meta.source };
  }
  return {
    id: meta.id,
    version: parent.version + 1,
    parentId: parent.id,
    name: meta.name,
    source: meta.source,
    data: {
      limits,
      sustainSeconds: override.sustainSeconds ?? parent.data.sustainSeconds,
      silenceSeconds: override.silenceSeconds ?? parent.data.silenceSeconds,
      cameraOfflineSeconds: override.cameraOfflineSeconds ?? parent.data.cameraOfflineSeconds,
      grades: { ...parent.data.grades, ...override.grades },
    },
  };
}

/** Problems of an override, as field paths and message keys (empty when valid). */
export function checkRuleSetOverride(override: RuleSetOverride, parent: RuleSet): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [key, change] of Object.entries(override.limits ?? {}) as [string, Partial<Limit>][]) {
    if (!(key in parent.data.limits)) problems.push({ path: `limits.${key}`, message: 'field.monitoring_limit_unknown' });
    for (const field of ['min', 'max', 'maxRatePerMinute'] as const) {
      const value = change[field];
      if (value !== undefined && value !== null && !Number.isFinite(value)) problems.push({ path: `limits.${key}.${field}`, message: 'field.monitoring_number' });
    }
    const base = parent.data.limits[key as LimitKey];
    const min = change.min !== undefined ? change.min : base?.min;
    const max = change.max !== undefined ? change.max : base?.max;
    if (min != null && max != null && min > max) problems.push({ path: `limits.${key}.min`, message: 'field.monitoring_min_above_max' });
  }
  for (const field of ['sustainSeconds', 'silenceSeconds', 'cameraOfflineSeconds'] as const) {
    const value = override[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 86_400)) problems.push({ path: field, message: 'field.monitoring_seconds' });
  }
  return problems;
}
