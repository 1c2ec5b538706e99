import { lazy, type ComponentType } from 'react';
import type { Dossier } from '../../api/types.ts';
import type { Messages } from '../../i18n/zh-CN.ts';
import { BasicTab } from './tabs/basic-tab.tsx';
import { HistoryTab } from './tabs/history-tab.tsx';
import { LicencesTab } from './tabs/licences-tab.tsx';
import { PeopleTab } from './tabs/people-tab.tsx';
import { ProductsTab } from './tabs/products-tab.tsx';

// Supervision tabs load with their first visit (risk grading, inspections and recusals).
const RiskTab = lazy(async () => ({ default: (await import('./tabs/risk-tab.tsx')).RiskTab }));
const InspectionsTab = lazy(async () => ({ default: (await import('./tabs/inspections-tab.tsx')).InspectionsTab }));

/** What every dossier tab receives. */
export interface DossierTabProps {
  dossier: Dossier;
  /** True when the server lists `ability` for this enterprise (`licence.write`, `audit.read`…). */
  can: (ability: string) => boolean;
  /** Refetches the dossier and everything derived from it, after a change. */
  refresh: () => Promise<void>;
}

export interface DossierTab {
  /** Also the `?tab=` value in the URL. */
  key: string;
  label: (messages: Messages) => string;
  /** A count shown beside the label. */
  count?: (dossier: Dossier) => number;
  /** Hidden when false (e.g. history without `audit.read`). */
  visible?: (props: Omit<DossierTabProps, 'refresh'>) => boolean;
  /** May be `React.lazy(...)`; the page renders tabs inside Suspense. */
  Component: ComponentType<DossierTabProps>;
}

/**
 * The tabs of the dossier (一企一档), in order. A later capability (inspections, sampling, credit…) adds its
 * tab by adding one entry here, e.g.
 * `{ key: 'inspections', label: (m) => m.dossier.tabs.inspections, Component: lazy(() => import(…)) }`.
 */
export const DOSSIER_TABS: readonly DossierTab[] = [
  { key: 'basic', label: (m) => m.dossier.tabs.basic, Component: BasicTab },
  { key: 'licences', label: (m) => m.dossier.tabs.licences, count: (d) => d.licences.length, Component: LicencesTab },
  { key: 'products', label: (m) => m.dossier.tabs.products, count: (d) => d.products.length, Component: ProductsTab },
  { key: 'people', label: (m) => m.dossier.tabs.people, count: (d) => d.people.length, Component: PeopleTab },
  { key: 'risk', label: (m) => m.risk.tab, visible: ({ can }) => can('risk.read'), Component: RiskTab },
  { key: 'inspections', label: (m) => m.inspectionDetail.tab, visible: ({ can }) => can('inspection.read'), Component: InspectionsTab },
  { key: 'history', label: (m) => m.dossier.tabs.history, visible: ({ can }) => can('audit.read'), Component: HistoryTab },
];
