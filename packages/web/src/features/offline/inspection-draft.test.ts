import { describe, expect, it, vi } from 'vitest';
import { INSPECTOR_A, INSPECTOR_B, completeDraftFixture, inspectionFixture } from './offline-test-fixtures.ts';
import { answeredCount, buildCompletionBody, createDraft, localIsoDate, newId, referencedPhotoIds } from './inspection-draft.ts';
import { fitWithin } from './photo-compression.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createDraft', () => {
  it("starts from the server's answers and revision, keeping photos apart from the answers", () => {
    const inspection = inspectionFixture({
      revision: 2,
      inspectedOn: '2026-03-01',
      answers: { 'hfs-1.1': { result: 'pass', photoIds: ['9d1c6f4e-2a3b-4c5d-8e6f-7a8b9c0d1e2f'] }, 'hfs-1.2': { result: 'na' } },
    });
    const draft = createDraft(inspection, INSPECTOR_A, new Date('2026-03-02T08:00:00'));
    expect(draft).toMatchObject({
      inspectionId: inspection.id,
      userId: INSPECTOR_A,
      baseRevision: 2,
      answers: { 'hfs-1.1': { result: 'pass' }, 'hfs-1.2': { result: 'na' } },
      photoIds: { 'hfs-1.1': ['9d1c6f4e-2a3b-4c5d-8e6f-7a8b9c0d1e2f'] },
      inspectorSignatures: {},
      representative: { name: '', signature: null },
      inspectedOn: '2026-03-01',
    });
    expect(draft.answers['hfs-1.1']).not.toHaveProperty('photoIds');
  });

  it('dates a new inspection today on the device', () => {
    expect(createDraft(inspectionFixture(), INSPECTOR_A, new Date(2026, 2, 5, 23, 30)).inspectedOn).toBe('2026-03-05');
    expect(localIsoDate(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});

describe('buildCompletionBody', () => {
  it('normalises the answers to what the server accepts', () => {
    const inspection = inspectionFixture();
    const draft = completeDraftFixture(inspection);
    draft.answers['hfs-1.1'] = { result: 'fail', note: ' 许可证过期 ', disposition: 'rectification', affectsSafety: true };
    draft.answers['hfs-1.2'] = { result: 'fail', note: '未亮证', disposition: 'fixed_on_site' };
    draft.answers['hfs-2.1'] = { result: 'pass', note: '', disposition: 'rectification', affectsSafety: true };
    draft.answers['hfs-2.10'] = { result: 'fail', note: '记录缺失', disposition: 'rectification', affectsSafety: true };
    const body = buildCompletionBody(inspection, draft, [], 'f0e1d2c3-b4a5-4968-8776-655443322110');
    expect(body.answers).toEqual({
      // A key item takes neither disposition nor the safety flag.
      'hfs-1.1': { result: 'fail', note: '许可证过期' },
      'hfs-1.2': { result: 'fail', note: '未亮证', disposition: 'fixed_on_site', affectsSafety: false },
      'hfs-2.1': { result: 'pass' },
      // Affecting food safety makes it a case lead: no disposition.
      'hfs-2.10': { result: 'fail', note: '记录缺失', affectsSafety: true },
    });
    expect(body).toMatchObject({ submissionId: 'f0e1d2c3-b4a5-4968-8776-655443322110', baseRevision: 0, inspectedOn: '2026-03-02', complete: true, photos: [] });
  });

  it('carries the photos of answered items and the signatures in the order of the assigned inspectors', () => {
    const inspection = inspectionFixture({ inspectors: [{ id: INSPECTOR_B, name: '李娜' }, { id: INSPECTOR_A, name: '张伟' }] });
    const draft = completeDraftFixture(inspection);
    draft.photoIds = { 'hfs-1.2': ['p1', 'p2'], 'hfs-2.1': ['p3'] };
    delete draft.answers['hfs-2.1'];
    expect(referencedPhotoIds(inspection, draft)).toEqual(['p1', 'p2']);
    const body = buildCompletionBody(inspection, draft, [], 'id');
    expect(body.answers['hfs-1.2']).toEqual({ result: 'pass', photoIds: ['p1', 'p2'] });
    expect(body.answers).not.toHaveProperty('hfs-2.1');
    expect(body.signatures?.inspectors.map((signature) => [signature.userId, signature.name])).toEqual([
      [INSPECTOR_B, '李娜'],
      [INSPECTOR_A, '张伟'],
    ]);
    expect(body.signatures?.representative).toEqual({ name: '王芳', image: draft.representative.signature?.image });
  });

  it('counts answered items', () => {
    const inspection = inspectionFixture();
    expect(answeredCount(inspection, { 'hfs-1.1': { result: 'pass' }, 'hfs-1.2': { note: 'no result yet' } })).toEqual({ done: 1, total: 4 });
  });
});

describe('newId', () => {
  it('makes version-4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    expect(newId()).toMatch(UUID_V4);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(array: T) => real.getRandomValues(array) });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID_V4);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('fitWithin', () => {
  it('shrinks the longer side to 1600px keeping the aspect ratio, and never enlarges', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 10)).toEqual({ width: 1600, height: 10 });
  });
});
