import { describe, expect, it } from 'vitest';
import { INSPECTOR_A, INSPECTOR_B, completeDraftFixture, inspectionFixture } from './offline-test-fixtures.ts';
import {
  PHOTOS_PATH,
  REPRESENTATIVE_NAME_PATH,
  REPRESENTATIVE_SIGNATURE_PATH,
  answerPath,
  formPathOfServerDetail,
  inspectorSignaturePath,
  validateCompletion,
} from './inspection-validation.ts';

const inspection = inspectionFixture();

describe('validateCompletion', () => {
  it('accepts a draft with every item answered and everyone signed', () => {
    expect(validateCompletion(inspection, completeDraftFixture(inspection))).toEqual([]);
  });

  it('names every unanswered item (a note without a result is not an answer)', () => {
    const draft = completeDraftFixture(inspection);
    delete draft.answers['hfs-1.2'];
    draft.answers['hfs-2.10'] = { note: '记录待补' };
    expect(validateCompletion(inspection, draft)).toEqual([
      { path: answerPath('hfs-1.2', 'result'), code: 'answerRequired' },
      { path: answerPath('hfs-2.10', 'result'), code: 'answerRequired' },
    ]);
  });

  it('wants a note on a failed item and a disposition on a failed general item', () => {
    const draft = completeDraftFixture(inspection);
    draft.answers['hfs-1.1'] = { result: 'fail', note: '  ' };
    draft.answers['hfs-1.2'] = { result: 'fail' };
    expect(validateCompletion(inspection, draft)).toEqual([
      { path: answerPath('hfs-1.1', 'note'), code: 'noteRequired' },
      { path: answerPath('hfs-1.2', 'note'), code: 'noteRequired' },
      { path: answerPath('hfs-1.2', 'disposition'), code: 'dispositionRequired' },
    ]);
  });

  it('needs no disposition on a failed key item, nor on a general item that affects food safety', () => {
    const draft = completeDraftFixture(inspection);
    draft.answers['hfs-1.1'] = { result: 'fail', note: '许可证过期' };
    draft.answers['hfs-1.2'] = { result: 'fail', note: '未亮证', affectsSafety: true };
    draft.answers['hfs-2.1'] = { result: 'fail', note: '缺合格证明', disposition: 'rectification' };
    expect(validateCompletion(inspection, draft)).toEqual([]);
  });

  it('limits notes and photos', () => {
    const draft = completeDraftFixture(inspection);
    draft.answers['hfs-1.2'] = { result: 'pass', note: 'x'.repeat(2001) };
    draft.photoIds['hfs-2.1'] = Array.from({ length: 11 }, (_, index) => `p-${index}`);
    draft.photoIds['hfs-2.10'] = Array.from({ length: 10 }, (_, index) => `q-${index}`);
    draft.photoIds['hfs-1.1'] = Array.from({ length: 10 }, (_, index) => `r-${index}`);
    draft.photoIds['hfs-1.2'] = Array.from({ length: 10 }, (_, index) => `s-${index}`);
    expect(validateCompletion(inspection, draft).map((problem) => [problem.path, problem.code])).toEqual([
      [answerPath('hfs-1.2', 'note'), 'noteTooLong'],
      [answerPath('hfs-2.1', 'photoIds'), 'tooManyPhotos'],
      [PHOTOS_PATH, 'tooManyPhotosTotal'],
    ]);
  });

  it('wants every assigned inspector and the representative to sign', () => {
    const draft = completeDraftFixture(inspection);
    delete draft.inspectorSignatures[INSPECTOR_B];
    draft.representative = { name: ' ', signature: null };
    expect(validateCompletion(inspection, draft)).toEqual([
      { path: inspectorSignaturePath(INSPECTOR_B), code: 'inspectorSignatureRequired', params: { name: '李娜' } },
      { path: REPRESENTATIVE_NAME_PATH, code: 'representativeNameRequired' },
      { path: REPRESENTATIVE_SIGNATURE_PATH, code: 'representativeSignatureRequired' },
    ]);
  });
});

describe('formPathOfServerDetail', () => {
  it('finds the item of an answer path although item ids contain dots', () => {
    expect(formPathOfServerDetail('answers.hfs-1.2.note', inspection)).toBe(answerPath('hfs-1.2', 'note'));
    expect(formPathOfServerDetail('answers.hfs-1.2.disposition', inspection)).toBe(answerPath('hfs-1.2', 'disposition'));
    expect(formPathOfServerDetail('answers.hfs-1.2', inspection)).toBe(answerPath('hfs-1.2', 'result'));
    expect(formPathOfServerDetail('body.answers.hfs-2.10.photoIds.3', inspection)).toBe(answerPath('hfs-2.10', 'photoIds'));
    // `hfs-2.1` is a prefix of `hfs-2.10`: the longer id wins when it matches.
    expect(formPathOfServerDetail('answers.hfs-2.1.note', inspection)).toBe(answerPath('hfs-2.1', 'note'));
  });

  it('maps signature positions to the inspectors in the package order', () => {
    expect(formPathOfServerDetail('signatures.inspectors.0', inspection)).toBe(inspectorSignaturePath(INSPECTOR_A));
    expect(formPathOfServerDetail('signatures.inspectors[1].image', inspection)).toBe(inspectorSignaturePath(INSPECTOR_B));
    expect(formPathOfServerDetail('signatures.representative', inspection)).toBe(REPRESENTATIVE_SIGNATURE_PATH);
    expect(formPathOfServerDetail('signatures.representative.name', inspection)).toBe(REPRESENTATIVE_NAME_PATH);
  });

  it('gives null for paths that name no field of the form', () => {
    expect(formPathOfServerDetail('inspectedOn', inspection)).toBeNull();
    expect(formPathOfServerDetail('answers.unknown-9.note', inspection)).toBeNull();
    expect(formPathOfServerDetail('signatures.inspectors.5', inspection)).toBeNull();
  });
});
