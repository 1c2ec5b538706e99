import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES } from '../i18n/field-messages.ts';
import { CAMERA_EVENT_KINDS, cameraRuleKind, checkCameraEvent, sniffSnapshotType } from './camera-events.ts';
import { EMPTY_DEVICE_STATE, evaluateHeartbeat, evaluateSilence } from './evaluate.ts';
import { GMP_CLEAN_AREA_RULE_SET, RULE_KINDS, RULE_KIND_LABELS, gradeFor } from './rule-sets.ts';

const NOW = new Date('2026-03-01T08:00:00Z');

describe('AI camera event kinds', () => {
  it('makes every kind its own rule kind, labelled in both languages', () => {
    for (const kind of CAMERA_EVENT_KINDS) {
      expect(RULE_KINDS).toContain(cameraRuleKind(kind));
      expect(RULE_KIND_LABELS[cameraRuleKind(kind)]['zh-CN']).toBeTruthy();
      expect(RULE_KIND_LABELS[cameraRuleKind(kind)]['en-US']).toBeTruthy();
    }
    expect(RULE_KIND_LABELS.ai_no_hairnet).toEqual({ 'zh-CN': '未戴发帽', 'en-US': 'No hairnet' });
    expect(RULE_KINDS).toHaveLength(4 + CAMERA_EVENT_KINDS.length);
  });

  it('grades a kind the stored rule set lacks by its platform default, and a set that has it by the set', () => {
    expect(GMP_CLEAN_AREA_RULE_SET.data.grades.ai_rodent).toBeUndefined();
    expect(gradeFor(GMP_CLEAN_AREA_RULE_SET.data, 'ai_rodent')).toEqual({ grade: 'immediate', handleWithinHours: null });
    expect(gradeFor(GMP_CLEAN_AREA_RULE_SET.data, 'ai_smoking').grade).toBe('immediate');
    expect(gradeFor(GMP_CLEAN_AREA_RULE_SET.data, 'ai_no_mask')).toEqual({ grade: 'deadline', handleWithinHours: 24 });
    expect(gradeFor(GMP_CLEAN_AREA_RULE_SET.data, 'ai_phone_use').grade).toBe('routine');
    expect(gradeFor(GMP_CLEAN_AREA_RULE_SET.data, 'rate_of_change')).toEqual({ grade: 'deadline', handleWithinHours: 24 });
    const site = { ...GMP_CLEAN_AREA_RULE_SET.data, grades: { ...GMP_CLEAN_AREA_RULE_SET.data.grades, ai_phone_use: { grade: 'deadline' as const, handleWithinHours: 4 } } };
    expect(gradeFor(site, 'ai_phone_use')).toEqual({ grade: 'deadline', handleWithinHours: 4 });
  });
});

describe('checkCameraEvent', () => {
  it('tells JPEG and PNG by their first bytes, nothing else', () => {
    expect(sniffSnapshotType(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffSnapshotType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffSnapshotType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffSnapshotType(new Uint8Array())).toBeNull();
  });

  it('accepts a good event and names every bad field with a message that exists', () => {
    expect(checkCameraEvent({ eventId: 'e1', kind: 'smoking', occurredAt: NOW, confidence: 0, snapshot: null }, NOW)).toEqual([]);
    const problems = checkCameraEvent({ eventId: 'x'.repeat(201), kind: 'dancing', occurredAt: new Date(NOW.getTime() + 301_000), confidence: Number.NaN, snapshot: { contentType: 'image/gif', bytes: Uint8Array.from([0x47]) } }, NOW);
    expect(problems.map((p) => p.path)).toEqual(['eventId', 'kind', 'occurredAt', 'confidence', 'snapshot.contentType']);
    for (const p of problems) expect(p.message in FIELD_MESSAGES).toBe(true);
  });
});

describe('evaluateHeartbeat: an event is a camera\'s sign of life', () => {
  it('clears camera_offline and moves lastAt on; an older event changes nothing; silence counts from it', () => {
    const offline = evaluateSilence(GMP_CLEAN_AREA_RULE_SET.data, true, EMPTY_DEVICE_STATE, new Date(NOW.getTime() + 301_000), NOW).state;
    expect(offline.open).toEqual(['camera_offline']);
    const at = new Date(NOW.getTime() + 400_000);
    const seen = evaluateHeartbeat(offline, at);
    expect(seen).toEqual({ state: { ...offline, lastAt: at.toISOString(), open: [] }, opened: [], cleared: [{ kind: 'camera_offline', at }], extended: [] });
    expect(evaluateHeartbeat(seen.state, new Date(at.getTime() - 1000))).toEqual({ state: seen.state, opened: [], cleared: [], extended: [] });
    expect(evaluateSilence(GMP_CLEAN_AREA_RULE_SET.data, true, seen.state, new Date(at.getTime() + 300_000), NOW).opened).toEqual([]);
    expect(evaluateSilence(GMP_CLEAN_AREA_RULE_SET.data, true, seen.state, new Date(at.getTime() + 301_000), NOW).opened.map((o) => o.kind)).toEqual(['camera_offline']);
  });
});
