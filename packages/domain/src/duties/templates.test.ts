import { describe, expect, it } from 'vitest';
import { DUTY_TEMPLATES, currentDutyTemplates, dutyTemplate, suggestDutyTemplate } from './templates.ts';

describe('risk-control list templates', () => {
  it('are versioned data with their source, marked unconfirmed, with unique keys per template', () => {
    for (const template of DUTY_TEMPLATES) {
      expect(template.id).toBe(`${template.kind}/${template.version}`);
      expect(template.source).toContain('第60号');
      expect(template.confirmed).toBe(false);
      const keys = template.items.map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(template.items.some((i) => i.frequency === 'daily')).toBe(true);
    }
    expect(currentDutyTemplates().map((t) => t.kind)).toEqual(['health_food_producer', 'infant_formula_producer', 'special_food_seller']);
    expect(dutyTemplate('nope/1')).toBeUndefined();
  });

  it('suggests by business kind: infant formula, health food, or a seller', () => {
    expect(suggestDutyTemplate({ kinds: ['producer'], productCategories: ['health_food', 'infant_formula'] }).kind).toBe('infant_formula_producer');
    expect(suggestDutyTemplate({ kinds: ['producer'], productCategories: ['health_food'] }).kind).toBe('health_food_producer');
    expect(suggestDutyTemplate({ kinds: ['seller'], productCategories: [] }).kind).toBe('special_food_seller');
    expect(dutyTemplate('health_food_producer/1')?.items.find((i) => i.key === 'pre-processing')?.area).toBe('原料前处理');
  });
});
