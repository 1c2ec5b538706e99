import { lazy, Suspense } from 'react';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRiskSummary } from '../../api/planning-queries.ts';
import { useGrant } from '../../app/grants.ts';

// ECharts loads only with the chart.
const RiskGradeChart = lazy(async () => ({ default: (await import('./risk-grade-chart.tsx')).RiskGradeChart }));

/** 风险等级分布: enterprises in the user's scope by current risk grade (A–D, 未评级), for the home page. */
export function RiskGradeCard() {
  const { t } = useTranslation();
  const allowed = useGrant('risk.read');
  const summary = useRiskSummary(allowed);
  if (!allowed) return null;
  let body;
  if (summary.isPending) body = <Skeleton active />;
  else if (summary.isError) body = <Alert type="error" showIcon title={summary.error.message} />;
  else if (Object.values(summary.data).every((count) => count === 0)) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  else {
    body = (
      <Suspense fallback={<Skeleton active />}>
        <RiskGradeChart summary={summary.data} />
      </Suspense>
    );
  }
  return (
    <Card title={t('planning.riskCard.title')} size="small" style={{ marginTop: 12 }}>
      {body}
    </Card>
  );
}
