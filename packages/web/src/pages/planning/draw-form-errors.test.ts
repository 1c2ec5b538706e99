import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { drawFieldOfPath, toDrawFormError } from './draw-form-errors.ts';

describe('drawFieldOfPath', () => {
  it('maps the nested request paths of POST /draws onto the flat form fields', () => {
    expect(drawFieldOfPath('body.filters.kinds.0', 'count')).toBe('kinds');
    expect(drawFieldOfPath('filters.grades', 'count')).toBe('grades');
    expect(drawFieldOfPath('size.count', 'count')).toBe('count');
    expect(drawFieldOfPath('size.proportion', 'proportion')).toBe('proportion');
    expect(drawFieldOfPath('size', 'proportion')).toBe('proportion');
    expect(drawFieldOfPath('title', 'count')).toBe('title');
    expect(drawFieldOfPath('/scheduledOn', 'count')).toBe('scheduledOn');
  });
});

describe('toDrawFormError', () => {
  it('puts "too few inspectors" on the inspectors field and leaves other codes to the alert', () => {
    const tooFew = toDrawFormError(new ApiError(422, 'draw.too_few_inspectors', '检查人员不足'), 'count');
    expect(tooFew).toBeInstanceOf(ApiError);
    expect((tooFew as ApiError).details).toEqual([{ path: 'inspectorsPerTarget', message: '检查人员不足' }]);
    const empty = toDrawFormError(new ApiError(422, 'draw.empty_roster', '名录为空'), 'count');
    expect((empty as ApiError).details).toEqual([]);
  });
});
