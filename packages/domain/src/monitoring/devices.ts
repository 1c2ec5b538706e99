import type { Localised } from '../i18n/locale.ts';

/**
 * Monitoring devices (智慧监管 物联感知): what a device measures and the clean-area class (洁净级别) of the
 * area it watches. Kinds and classes are data; the rules that apply come from a versioned rule set.
 */
export const DEVICE_KINDS = ['temperature', 'humidity', 'pressure_differential', 'camera'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_UNITS: Record<DeviceKind, string | null> = {
  temperature: '°C',
  humidity: '%RH',
  pressure_differential: 'Pa',
  camera: null,
};

export const DEVICE_KIND_LABELS: Record<DeviceKind, Localised> = {
  temperature: { 'zh-CN': '温度', 'en-US': 'Temperature' },
  humidity: { 'zh-CN': '湿度', 'en-US': 'Humidity' },
  pressure_differential: { 'zh-CN': '压差', 'en-US': 'Pressure differential' },
  camera: { 'zh-CN': '摄像头', 'en-US': 'Camera' },
};

/**
 * Clean-area classes as used in health-food GMP licensing (GB 17405-1998, mirroring drug GMP 1998; the
 * 300,000 class appears in some licensing practice). `non_clean` is an ordinary area (一般区).
 */
export const CLEAN_CLASSES = [
  { code: 'class_10000', label: { 'zh-CN': '万级', 'en-US': 'Class 10,000' } },
  { code: 'class_100000', label: { 'zh-CN': '十万级', 'en-US': 'Class 100,000' } },
  { code: 'class_300000', label: { 'zh-CN': '三十万级', 'en-US': 'Class 300,000' } },
  { code: 'non_clean', label: { 'zh-CN': '一般区', 'en-US': 'Non-clean area' } },
] as const satisfies readonly { code: string; label: Localised }[];
export type CleanClass = (typeof CLEAN_CLASSES)[number]['code'];
export const CLEAN_CLASS_CODES: readonly CleanClass[] = CLEAN_CLASSES.map((c) => c.code);

/**
 * What a pressure-differential gauge compares its room with: a non-clean area (≥ 10 Pa by default) or an
 * adjacent room of another class (≥ 5 Pa by default). Other kinds have no boundary.
 */
export const PRESSURE_BOUNDARIES = ['to_non_clean', 'between_classes'] as const;
export type PressureBoundary = (typeof PRESSURE_BOUNDARIES)[number];

/** The limit key of a rule set that applies to a device. Null for cameras (they only report liveness). */
export type LimitKey = 'temperature' | 'humidity' | 'pressure_to_non_clean' | 'pressure_between_classes';

export function limitKeyOf(kind: DeviceKind, boundary: PressureBoundary | null): LimitKey | null {
  switch (kind) {
    case 'temperature':
      return 'temperature';
    case 'humidity':
      return 'humidity';
    case 'pressure_differential':
      return boundary === 'between_classes' ? 'pressure_between_classes' : 'pressure_to_non_clean';
    case 'camera':
      return null;
  }
}
