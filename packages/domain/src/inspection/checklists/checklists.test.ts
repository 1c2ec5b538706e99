import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/locale.ts';
import { CHECKLIST_TEMPLATES, checklistItems, chooseTemplate, findChecklistTemplate } from './index.ts';

describe('the checklist templates', () => {
  it('have unique ids made of code and version', () => {
    const ids = CHECKLIST_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const template of CHECKLIST_TEMPLATES) expect(template.id).toBe(`${template.code}@${template.version}`);
  });

  describe.each(CHECKLIST_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const items = checklistItems(template);

    it('has unique section ids, item ids and item keys', () => {
      const sectionIds = template.sections.map((s) => s.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    });

    it('numbers its items inside their section', () => {
      for (const section of template.sections) {
        expect(section.items.length).toBeGreaterThan(0);
        for (const item of section.items) expect(item.id.startsWith(`${section.id}.`)).toBe(true);
      }
    });

    it('has both general and key items', () => {
      expect(items.some((i) => i.severity === 'general')).toBe(true);
      expect(items.some((i) => i.severity === 'key')).toBe(true);
    });

    it('gives every text in both languages and every item a legal basis', () => {
      const texts = [template.title, template.appliesTo, ...template.sections.map((s) => s.title), ...items.map((i) => i.text)];
      for (const text of texts) {
        for (const locale of LOCALES) expect(text[locale].trim()).not.toBe('');
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(text['en-US']).toMatch(/^[A-Z]/);
      }
      for (const item of items) expect(item.basis.trim()).not.toBe('');
      expect(template.source.trim()).not.toBe('');
    });
  });

  it('keeps item keys distinct across checklists, so a repeat violation is never confused between them', () => {
    const keys = CHECKLIST_TEMPLATES.flatMap((t) => checklistItems(t).map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers the special-food points of 49号令 第十八条', () => {
    const sales = findChecklistTemplate('health-food-sales@1');
    const production = findChecklistTemplate('special-food-production@1');
    if (!sales || !production) throw new Error('templates missing');
    const salesKeys = checklistItems(sales).map((i) => i.key);
    expect(salesKeys).toEqual(expect.arrayContaining(['sales.dedicated_area', 'sales.no_mixing', 'sales.label_matches_registration']));
    const productionKeys = checklistItems(production).map((i) => i.key);
    expect(productionKeys).toEqual(
      expect.arrayContaining(['production.formula_conformity', 'production.quality_system', 'production.supplier_audit', 'production.pre_processing']),
    );
    // Selling unregistered goods, false claims, expired goods and failing purchase checks are key items.
    const severityOf = (key: string) => checklistItems(sales).find((i) => i.key === key)?.severity;
    for (const key of ['sales.registered_products', 'sales.no_false_claims', 'sales.no_expired_goods', 'sales.purchase_check']) expect(severityOf(key)).toBe('key');
  });

  it('finds a template by id and answers undefined for an unknown one', () => {
    expect(findChecklistTemplate('health-food-sales@1')?.sector).toBe('sales');
    expect(findChecklistTemplate('health-food-sales@99')).toBeUndefined();
  });

  it('chooses production for special-food producers and sales for everyone else', () => {
    expect(chooseTemplate(['producer'], true).sector).toBe('production');
    expect(chooseTemplate(['producer', 'seller'], true).sector).toBe('production');
    expect(chooseTemplate(['producer'], false).sector).toBe('sales');
    expect(chooseTemplate(['seller'], false).sector).toBe('sales');
    expect(chooseTemplate(['online_seller', 'warehouse'], false).id).toBe('health-food-sales@1');
  });
});
