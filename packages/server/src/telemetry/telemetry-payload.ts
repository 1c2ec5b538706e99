import type { IncomingReading } from '@shian/core';

/**
 * The MQTT telemetry contract (遥测): topic `shian/{enterpriseId}/{deviceId}/readings`, payload JSON
 * `{"readings":[{"at":"2026-11-22T08:00:00+08:00","value":23.4}, …]}` or one `{"at","value"}`. Times carry
 * their offset (ISO 8601).
 */
export const TELEMETRY_TOPIC_FILTER = 'shian/+/+/readings';

export const telemetryTopic = (enterpriseId: string, deviceId: string): string => `shian/${enterpriseId}/${deviceId}/readings`;

/** The enterprise and device a topic names, or null when it is not a telemetry topic. */
export function parseTelemetryTopic(topic: string): { enterpriseId: string; deviceId: string } | null {
  const match = /^shian\/([^/]+)\/([^/]+)\/readings$/.exec(topic);
  return match ? { enterpriseId: match[1]!, deviceId: match[2]! } : null;
}

/** ISO 8601 date-time with seconds and an offset (Z or ±hh:mm). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The most readings one message may carry. */
export const MAX_READINGS_PER_MESSAGE = 10_000;

/** Parses one message's payload into readings of `deviceId`, or says what is wrong with it. */
export function parseTelemetryPayload(deviceId: string, payload: Buffer | string): { readings: IncomingReading[] } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString());
  } catch {
    return { error: 'payload is not JSON' };
  }
  const list: unknown[] | null = isObject(body) && Array.isArray(body.readings) ? body.readings : isObject(body) && 'at' in body ? [body] : null;
  if (!list) return { error: 'payload has neither "readings" nor "at"/"value"' };
  if (list.length > MAX_READINGS_PER_MESSAGE) return { error: `more than ${MAX_READINGS_PER_MESSAGE} readings in one message` };
  const readings: IncomingReading[] = [];
  for (const [i, item] of list.entries()) {
    const reading = isObject(item) ? toReading(deviceId, item.at, item.value) : null;
    if (!reading) return { error: `readings.${i} needs "at" (ISO date-time with offset) and a finite "value"` };
    readings.push(reading);
  }
  return { readings };
}

/** One reading from untrusted JSON fields, or null. */
export function toReading(deviceId: string, at: unknown, value: unknown): IncomingReading | null {
  if (typeof at !== 'string' || !ISO_DATE_TIME.test(at) || typeof value !== 'number' || !Number.isFinite(value)) return null;
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? null : { deviceId, at: time, value };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
