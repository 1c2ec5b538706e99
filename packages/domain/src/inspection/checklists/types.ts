import type { Localised } from '../../i18n/locale.ts';

/**
 * Checklists (检查表) as versioned data. 49号令 第十三条: the national checklist has general items (一般项目)
 * and key items (重点项目); 第二十七条: a routine inspection covers every item.
 */
export const CHECKLIST_SEVERITIES = ['general', 'key'] as const;
export type ChecklistSeverity = (typeof CHECKLIST_SEVERITIES)[number];

export const CHECKLIST_SEVERITY_NAMES: Record<ChecklistSeverity, Localised> = {
  general: { 'zh-CN': '一般项', 'en-US': 'General item' },
  key: { 'zh-CN': '重点项', 'en-US': 'Key item' },
};

export const CHECKLIST_SECTORS = ['production', 'sales'] as const;
export type ChecklistSector = (typeof CHECKLIST_SECTORS)[number];

export const CHECKLIST_SECTOR_NAMES: Record<ChecklistSector, Localised> = {
  production: { 'zh-CN': '生产环节', 'en-US': 'Production' },
  sales: { 'zh-CN': '销售环节', 'en-US': 'Sales' },
};

export interface ChecklistItem {
  /** Stable within the template version, e.g. `hfs-1.2`; answers are keyed by it. */
  id: string;
  /** Stable across versions (`sales.purchase_check`); the same key failing again is a repeat violation. */
  key: string;
  text: Localised;
  severity: ChecklistSeverity;
  /** Legal basis, e.g. `食品安全法 第五十三条`. */
  basis: string;
}

export interface ChecklistSection {
  id: string;
  title: Localised;
  items: readonly ChecklistItem[];
}

export interface ChecklistTemplate {
  /** `${code}@${version}`, e.g. `health-food-sales@1`. An inspection keeps the id it was started with. */
  id: string;
  code: string;
  version: number;
  title: Localised;
  sector: ChecklistSector;
  appliesTo: Localised;
  /** Where the items come from. */
  source: string;
  sections: readonly ChecklistSection[];
}
