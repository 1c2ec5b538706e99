import { AuditTimeline } from '../../../components/audit-timeline.tsx';
import type { DossierTabProps } from '../dossier-tabs.tsx';

/** 变更记录: the enterprise record's audit trail. */
export function HistoryTab({ dossier }: DossierTabProps) {
  return <AuditTimeline entityType="enterprise" entityId={dossier.enterprise.id} />;
}
