import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, FormOutlined, GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, apiSend } from '../../api/client.ts';
import type { Inspection } from '../../api/inspection-types.ts';
import { inspectionRecordUrl, invalidateSupervision, supervisionKeys, useInspection, useRectificationOrders } from '../../api/supervision-queries.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { GradeBadge } from '../../components/grade-badge.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ChecklistAnswers, DispositionTag, dispositionOf } from './checklist-answers.tsx';
import { RectificationStatusTag } from '../rectifications/rectification-tags.tsx';
import { InspectionStatusTag, OutcomeTag } from './inspection-tags.tsx';
import './inspection-detail.css';

/** 发现问题: the failed items with what was decided, and the rectification orders they led to. */
function Findings({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const orders = useRectificationOrders({ enterpriseId: inspection.enterprise.id }, inspection.outcome === 'rectification');
  const failed = inspection.checklist.sections
    .flatMap((section) => section.items)
    .flatMap((item) => {
      const answer = inspection.answers[item.id];
      return answer?.result === 'fail' ? [{ item, answer, disposition: dispositionOf(item, answer) }] : [];
    });
  const related = (orders.data ?? []).filter((order) => order.inspectionId === inspection.id);
  return (
    <Card size="small" title={t('inspectionDetail.findings')} extra={<OutcomeTag inspection={inspection} />}>
      {failed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inspection.outcome ? t('inspectionDetail.noFindings') : t('inspectionDetail.notInspected')} />
      ) : (
        <ul className="shian-simple-list">
          {failed.map(({ item, answer, disposition }) => (
            <li key={item.id}>
              <div className="shian-simple-list-main">
                <div>{item.text}</div>
                {answer.note && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {answer.note}
                  </Typography.Text>
                )}
              </div>
              {disposition && <DispositionTag disposition={disposition} />}
            </li>
          ))}
        </ul>
      )}
      {related.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">
            {t('inspectionDetail.orders')}
            {t('common.colon')}
          </Typography.Text>
          <Space size={[12, 4]} wrap>
            {related.map((order) => (
              <span key={order.id}>
                <Link to={`/rectifications/${order.id}`}>{order.number}</Link> <RectificationStatusTag status={order.status} />
              </span>
            ))}
          </Space>
        </div>
      )}
    </Card>
  );
}

/** 现场检查 detail: the header, the findings and outcome, the answered checklist, the record PDF and 公开. */
export function InspectionDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const query = useInspection(id);
  const [publishing, setPublishing] = useState(false);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('inspectionDetail.notFound') : t('app.error')}
        subTitle={notFound ? undefined : query.error.message}
        extra={notFound ? undefined : <Button onClick={() => void query.refetch()}>{t('app.retry')}</Button>}
      />
    );
  }

  const inspection = query.data;
  const assigned = inspection.inspectors.some((inspector) => inspector.id === user.id);
  // An inspector publishes only inspections they carried out; supervisors any in their jurisdiction.
  const canPublish = inspection.status === 'completed' && hasGrant(user, 'inspection.publish') && (user.role !== 'inspector' || assigned);
  const canFill = user.role === 'inspector' && assigned && (inspection.status === 'scheduled' || inspection.status === 'in_progress');
  const hasRecord = inspection.status === 'completed' || inspection.status === 'published';

  const publish = async () => {
    setPublishing(true);
    try {
      const next = await apiSend<Inspection>('POST', `/api/v1/inspections/${encodeURIComponent(inspection.id)}/publish`);
      queryClient.setQueryData(supervisionKeys.inspection(inspection.id), next);
      void message.success(t('inspectionDetail.published'));
      await invalidateSupervision(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <>
      <Link to={`/enterprises/${inspection.enterprise.id}?tab=inspections`} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined aria-hidden /> {t('inspectionDetail.back')}
      </Link>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="shian-page-header" style={{ marginBottom: 8 }}>
          <Typography.Title level={3}>{t('inspectionDetail.title', { number: inspection.number })}</Typography.Title>
          <Space wrap>
            {canFill && (
              <Button type="primary" icon={<FormOutlined aria-hidden />} onClick={() => void navigate(`/inspections/${inspection.id}/form`)}>
                {t('inspectionDetail.openForm')}
              </Button>
            )}
            {hasRecord && (
              <Button icon={<FilePdfOutlined aria-hidden />} href={inspectionRecordUrl(inspection.id)} target="_blank" rel="noreferrer">
                {t('inspectionDetail.record')}
              </Button>
            )}
            {canPublish && (
              <Popconfirm title={t('inspectionDetail.publishConfirm')} okText={t('inspectionDetail.publish')} cancelText={t('common.cancel')} onConfirm={() => void publish()}>
                <Button type="primary" icon={<GlobalOutlined aria-hidden />} loading={publishing}>
                  {t('inspectionDetail.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            {
              key: 'enterprise',
              label: t('inspectionDetail.fields.enterprise'),
              children: (
                <Space size={6} wrap>
                  <Link to={`/enterprises/${inspection.enterprise.id}`}>{inspection.enterprise.name}</Link>
                  {inspection.enterprise.grade && <GradeBadge grade={inspection.enterprise.grade} />}
                </Space>
              ),
            },
            { key: 'kind', label: t('inspectionDetail.fields.kind'), children: inspection.kindName },
            { key: 'status', label: t('inspectionDetail.fields.status'), children: <InspectionStatusTag inspection={inspection} /> },
            { key: 'scheduledOn', label: t('inspectionDetail.fields.scheduledOn'), children: formatDate(inspection.scheduledOn) },
            { key: 'inspectedOn', label: t('inspectionDetail.fields.inspectedOn'), children: formatDate(inspection.inspectedOn) },
            { key: 'inspectors', label: t('inspectionDetail.fields.inspectors'), children: inspection.inspectors.map((inspector) => inspector.name).join('、') || t('common.none') },
            ...(inspection.publishedAt ? [{ key: 'publishedAt', label: t('inspectionDetail.fields.publishedAt'), children: formatDateTime(inspection.publishedAt) }] : []),
          ]}
        />
      </Card>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Findings inspection={inspection} />
        <ChecklistAnswers inspection={inspection} />
      </Space>
    </>
  );
}
