import { HEALTH_FOOD_SALES_V1 } from './health-food-sales.ts';
import { SPECIAL_FOOD_PRODUCTION_V1 } from './special-food-production.ts';
import type { ChecklistItem, ChecklistTemplate } from './types.ts';

export * from './types.ts';
export { HEALTH_FOOD_SALES_V1 } from './health-food-sales.ts';
export { SPECIAL_FOOD_PRODUCTION_V1 } from './special-food-production.ts';

/**
 * Every checklist version the platform knows. A new version is a new entry (`code@version`); old versions
 * stay, because an inspection is answered and assessed against the version it was started with.
 */
export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [HEALTH_FOOD_SALES_V1, SPECIAL_FOOD_PRODUCTION_V1];

/** The template with this id (`health-food-sales@1`), or undefined. */
export function findChecklistTemplate(id: string): ChecklistTemplate | undefined {
  return CHECKLIST_TEMPLATES.find((template) => template.id === id);
}

/** The template's items in order, sections flattened. */
export function checklistItems(template: ChecklistTemplate): ChecklistItem[] {
  return template.sections.flatMap((section) => section.items);
}

/** The newest version of each checklist, by code. */
function latest(code: string): ChecklistTemplate {
  const versions = CHECKLIST_TEMPLATES.filter((template) => template.code === code).sort((a, b) => b.version - a.version);
  const [newest] = versions;
  if (!newest) throw new Error(`no checklist template with code ${code}`);
  return newest;
}

/**
 * The checklist a new inspection uses by default (newest version): special-food producers — `kinds`
 * includes `producer` and `specialFoodProducer` is set — get the production checklist; everyone else
 * (sellers, online sellers, warehouses, producers of other food) the sales checklist.
 */
export function chooseTemplate(kinds: readonly string[], specialFoodProducer: boolean): ChecklistTemplate {
  return kinds.includes('producer') && specialFoodProducer ? latest(SPECIAL_FOOD_PRODUCTION_V1.code) : latest(HEALTH_FOOD_SALES_V1.code);
}
