import { Suspense, useState } from 'react';
import { Alert, Badge, Button, Card, Grid, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { queryKeys, useDossier } from '../../api/queries.ts';
import type { Dossier } from '../../api/types.ts';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { PageLoading } from '../../app/page-states.tsx';
import { HistoryButton } from '../../components/history-drawer.tsx';
import { EnterpriseFormModal } from '../../features/enterprise-form-modal.tsx';
import { labelOf, useMessages } from '../../i18n/setup.ts';
import { DOSSIER_TABS } from './dossier-tabs.tsx';

const STATUS_COLORS: Record<string, string> = { active: 'green', suspended: 'orange', closed: 'default' };

function DossierHeader({ dossier, onEdit }: { dossier: Dossier; onEdit?: () => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { enterprise } = dossier;
  const canAudit = dossier.abilities.includes('audit.read');
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div className="shian-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={3}>{enterprise.name}</Typography.Title>
        <Space wrap>
          {canAudit && <HistoryButton entityType="enterprise" entityId={enterprise.id} name={enterprise.name} />}
          {onEdit && (
            <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
              {t('dossier.editEnterprise')}
            </Button>
          )}
        </Space>
      </div>
      <Space wrap size={[16, 8]}>
        <span>
          <Typography.Text type="secondary">{t('enterprise.fields.uscc')}
            {t('common.colon')}
          </Typography.Text>
          <Typography.Text code copyable>
            {enterprise.uscc}
          </Typography.Text>
          {enterprise.needsReview && <Tag color="orange">{t('enterprise.needsReview')}</Tag>}
          {enterprise.usccCheckFailed && !enterprise.needsReview && <Tag color="orange">{t('enterprise.checkFailed')}</Tag>}
        </span>
        <span>
          <Typography.Text type="secondary">{t('enterprise.fields.jurisdictionCode')}
            {t('common.colon')}
          </Typography.Text>
          {enterprise.jurisdictionName}
        </span>
        <Space size={4} wrap>
          {enterprise.kinds.map((kind) => (
            <Tag key={kind} color="blue">
              {labelOf(messages.enums.kind, kind)}
            </Tag>
          ))}
          <Tag color={STATUS_COLORS[enterprise.status]}>{labelOf(messages.enums.enterpriseStatus, enterprise.status)}</Tag>
        </Space>
      </Space>
      {dossier.flags.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} size={8}>
          {dossier.flags.map((flag) => (
            <Alert key={flag.code} type={flag.code === 'licence_expiring' ? 'warning' : 'error'} showIcon title={flag.message} />
          ))}
        </Space>
      )}
    </Card>
  );
}

/** 一企一档: one enterprise's dossier, its tabs defined by `DOSSIER_TABS`. */
export function DossierPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const dossierQuery = useDossier(id);
  const [editing, setEditing] = useState(false);
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.dossier(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      queryClient.invalidateQueries({ queryKey: queryKeys.enterprisesAll }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
    ]);
  };

  const back = isRegulator(user) ? (
    <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate('/enterprises')} style={{ paddingInline: 0, marginBottom: 8 }}>
      {t('dossier.back')}
    </Button>
  ) : null;

  if (dossierQuery.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (dossierQuery.isError) {
    const notFound = dossierQuery.error instanceof ApiError && dossierQuery.error.status === 404;
    return (
      <>
        {back}
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('dossier.notFound') : t('app.error')}
          subTitle={notFound ? undefined : dossierQuery.error.message}
          extra={notFound ? undefined : <Button onClick={() => void dossierQuery.refetch()}>{t('app.retry')}</Button>}
        />
      </>
    );
  }

  const dossier = dossierQuery.data;
  const can = (ability: string) => dossier.abilities.includes(ability);
  const tabs = DOSSIER_TABS.filter((tab) => !tab.visible || tab.visible({ dossier, can }));
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.key === requested) ? (requested ?? 'basic') : (tabs[0]?.key ?? 'basic');

  return (
    <>
      {back}
      <DossierHeader dossier={dossier} onEdit={can('registry.update') ? () => setEditing(true) : undefined} />
      <Card size="small">
        <Tabs
          activeKey={active}
          // On a phone the tab bar must fit 375px: tighter gaps, no counts (the tables show them anyway).
          size={compact ? 'small' : 'middle'}
          tabBarGutter={compact ? 16 : undefined}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((tab) => {
            const count = compact ? undefined : tab.count?.(dossier);
            return {
              key: tab.key,
              label: (
                <span>
                  {tab.label(messages)}
                  {count !== undefined && <Badge count={count} showZero color="#bfbfbf" size="small" style={{ marginInlineStart: 6 }} />}
                </span>
              ),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <tab.Component dossier={dossier} can={can} refresh={refresh} />
                </Suspense>
              ),
            };
          })}
        />
      </Card>
      {editing && <EnterpriseFormModal enterprise={dossier.enterprise} onClose={() => setEditing(false)} onSaved={() => void refresh()} onConflict={() => void refresh()} />}
    </>
  );
}
