import { Alert, Button, Col, Row, Skeleton, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { supervisionKeys, useRiskDossier } from '../../../api/supervision-queries.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { GradeHistory } from '../risk/grade-history.tsx';
import { GradeSummary } from '../risk/grade-summary.tsx';
import { RiskFactsForm } from '../risk/risk-facts-form.tsx';
import { RiskTriggers } from '../risk/risk-triggers.tsx';

/**
 * 风险等级: the grade in force with its explanation, the grade history, the upgrade triggers (升级情形) and the
 * risk facts (风险因素). Regulators with risk.manage grade, override and record triggers; the facts are
 * theirs to record and the enterprise administrator's to declare.
 */
export function RiskTab({ dossier, can }: DossierTabProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const enterpriseId = dossier.enterprise.id;
  const risk = useRiskDossier(enterpriseId);
  const canManage = can('risk.manage');
  const canEditFacts = canManage || (user.role === 'enterprise_admin' && can('registry.update'));

  const changed = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: supervisionKeys.risk(enterpriseId) }),
      // Inspections carry the enterprise's grade.
      queryClient.invalidateQueries({ queryKey: supervisionKeys.inspectionsAll }),
    ]);
  };

  if (risk.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (risk.isError) {
    return <Alert type="error" showIcon title={risk.error.message} action={<Button size="small" onClick={() => void risk.refetch()}>{t('app.retry')}</Button>} />;
  }
  const data = risk.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <GradeSummary enterpriseId={enterpriseId} risk={data} canManage={canManage} onChanged={changed} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <GradeHistory history={data.history} />
        </Col>
        <Col xs={24} xl={10}>
          <RiskTriggers enterpriseId={enterpriseId} triggers={data.triggers} canManage={canManage} onChanged={changed} />
        </Col>
      </Row>
      <RiskFactsForm
        enterpriseId={enterpriseId}
        enterpriseKinds={dossier.enterprise.kinds}
        profile={data.profile}
        canEdit={canEditFacts}
        canSetCreditClass={canManage}
        onChanged={changed}
      />
    </Space>
  );
}
