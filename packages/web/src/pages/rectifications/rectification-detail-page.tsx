import { Button, Card, Descriptions, Empty, Image, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ChecklistItem } from '../../api/inspection-types.ts';
import { evidenceUrl, invalidateSupervision, supervisionKeys, useInspection, useRectificationOrder } from '../../api/supervision-queries.ts';
import type { RectificationOrder } from '../../api/supervision-types.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { useMessages } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DueDate, RectificationStatusTag } from './rectification-tags.tsx';
import { RespondForm } from './respond-form.tsx';
import { VerifyActions } from './verify-actions.tsx';

/** The checklist items of the inspection the order came from, by id (texts for the findings). */
function useChecklistItems(inspectionId: string): Map<string, ChecklistItem> {
  const inspection = useInspection(inspectionId);
  return new Map((inspection.data?.checklist.sections ?? []).flatMap((section) => section.items.map((item) => [item.id, item] as const)));
}

/** 需整改的问题: each finding with its checklist item and 重复违法 when the item failed here before. */
function Findings({ order }: { order: RectificationOrder }) {
  const { t } = useTranslation();
  const items = useChecklistItems(order.inspectionId);
  return (
    <Card size="small" title={t('rectification.findings')}>
      <ul className="shian-simple-list">
        {order.findings.map((finding) => {
          const item = items.get(finding.itemId);
          return (
            <li key={finding.id}>
              <div className="shian-simple-list-main">
                <div>
                  {item?.severity === 'key' && (
                    <Tag color="red" style={{ marginInlineEnd: 6 }}>
                      {t('inspectionDetail.keyItem')}
                    </Tag>
                  )}
                  {item?.text ?? finding.itemId}
                  {finding.repeat && (
                    <Tooltip title={t('rectification.repeatHint', { count: finding.earlierFailures })}>
                      <Tag color="volcano" style={{ marginInlineStart: 6 }} tabIndex={0}>
                        {t('rectification.repeat')}
                      </Tag>
                    </Tooltip>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {finding.note}
                </Typography.Text>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** The evidence files: images as thumbnails (click to enlarge), every file as a download link. */
function EvidenceFiles({ order }: { order: RectificationOrder }) {
  const { t } = useTranslation();
  if (order.evidence.length === 0) return <Typography.Text type="secondary">{t('rectification.noEvidence')}</Typography.Text>;
  const images = order.evidence.filter((file) => file.contentType.startsWith('image/'));
  return (
    <>
      {images.length > 0 && (
        <Space size={8} wrap style={{ marginBottom: 8 }}>
          <Image.PreviewGroup>
            {images.map((file) => (
              <Image key={file.id} src={evidenceUrl(order.id, file.id)} alt={file.filename} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Image.PreviewGroup>
        </Space>
      )}
      <ul className="shian-simple-list" aria-label={t('rectification.evidence')}>
        {order.evidence.map((file) => (
          <li key={file.id}>
            <a href={evidenceUrl(order.id, file.id)} download={file.filename} className="shian-simple-list-main" style={{ overflowWrap: 'anywhere' }}>
              {file.contentType === 'application/pdf' ? <FilePdfOutlined aria-hidden /> : <FileOutlined aria-hidden />} {file.filename}
            </a>
            <DownloadOutlined aria-hidden style={{ color: '#8c8c8c' }} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ResponseCard({ order }: { order: RectificationOrder }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('rectification.response')} extra={order.respondedAt && <Typography.Text type="secondary">{formatDateTime(order.respondedAt)}</Typography.Text>}>
      {order.response ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{order.response}</Typography.Paragraph>
          <Typography.Title level={5}>{t('rectification.evidence')}</Typography.Title>
          <EvidenceFiles order={order} />
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.noResponse')} />
      )}
    </Card>
  );
}

function VerificationCard({ order, canVerify, onVerified }: { order: RectificationOrder; canVerify: boolean; onVerified: () => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const actionable = canVerify && order.status === 'answered';
  if (!order.verification && !actionable) return null;
  return (
    <Card size="small" title={t('rectification.verification')}>
      {order.verification && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: actionable ? 12 : 0 }}
          items={[
            { key: 'method', label: t('rectification.verificationMethod'), children: messages.rectification.methods[order.verification] },
            ...(order.followUpInspectionId
              ? [{ key: 'followUp', label: t('rectification.followUpInspection'), children: <Link to={`/inspections/${order.followUpInspectionId}`}>{t('rectification.openFollowUp')}</Link> }]
              : []),
            ...(order.verificationNote ? [{ key: 'note', label: t('rectification.verifyNote'), children: order.verificationNote }] : []),
            ...(order.verifiedAt ? [{ key: 'verifiedAt', label: t('rectification.verifiedAt'), children: formatDateTime(order.verifiedAt) }] : []),
          ]}
        />
      )}
      {actionable && <VerifyActions order={order} onVerified={onVerified} />}
    </Card>
  );
}

/**
 * 整改通知 detail: the findings, the enterprise's report with its evidence, the verification. Enterprise users
 * answer while it is open (or escalated); inspectors and supervisors verify once it is answered.
 */
export function RectificationDetailPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useRectificationOrder(id);

  const back = (
    <Link to="/rectifications" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('rectification.back')}
    </Link>
  );

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        {back}
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('rectification.notFound') : t('app.error')}
          subTitle={notFound ? undefined : query.error.message}
          extra={notFound ? undefined : <Button onClick={() => void query.refetch()}>{t('app.retry')}</Button>}
        />
      </>
    );
  }

  const order = query.data;
  const canRespond = hasGrant(user, 'rectification.respond') && (order.status === 'open' || order.status === 'escalated');
  const canVerify = hasGrant(user, 'rectification.verify');
  const changed = async (next?: RectificationOrder) => {
    if (next) queryClient.setQueryData(supervisionKeys.rectification(order.id), next);
    await Promise.all([queryClient.invalidateQueries({ queryKey: supervisionKeys.rectification(order.id) }), invalidateSupervision(queryClient)]);
  };

  return (
    <>
      {back}
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="shian-page-header" style={{ marginBottom: 8 }}>
          <Typography.Title level={3}>{t('rectification.detailTitle', { number: order.number })}</Typography.Title>
          <RectificationStatusTag status={order.status} />
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'enterprise', label: t('rectification.columns.enterprise'), children: <Link to={`/enterprises/${order.enterprise.id}`}>{order.enterprise.name}</Link> },
            { key: 'inspection', label: t('rectification.columns.inspection'), children: <Link to={`/inspections/${order.inspectionId}`}>{order.inspectionNumber}</Link> },
            { key: 'dueOn', label: t('rectification.columns.dueOn'), children: <DueDate order={order} /> },
            ...(order.escalatedAt ? [{ key: 'escalatedAt', label: t('rectification.escalatedAt'), children: formatDateTime(order.escalatedAt) }] : []),
          ]}
        />
      </Card>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Findings order={order} />
        {canRespond ? <RespondForm order={order} onResponded={(next) => void changed(next)} /> : <ResponseCard order={order} />}
        <VerificationCard order={order} canVerify={canVerify} onVerified={() => void changed()} />
      </Space>
    </>
  );
}
