import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiDownload, buildUrl } from '../../api/client.ts';
import { queryKeys, useEnterpriseList, type EnterpriseFilters } from '../../api/queries.ts';
import { usePermission } from '../../app/current-user.tsx';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { EnterpriseFormModal } from '../../features/enterprise-form-modal.tsx';
import { createdId } from '../../lib/created-id.ts';
import { EnterpriseResults } from './enterprise-results.tsx';
import { RegistryFilters } from './registry-filters.tsx';

const FILTER_KEYS = ['q', 'district', 'kind', 'category', 'flag'] as const;

function readFilters(params: URLSearchParams): EnterpriseFilters {
  return {
    q: params.get('q') ?? '',
    district: params.get('district') ?? '',
    kind: params.get('kind') ?? '',
    category: params.get('category') ?? '',
    flag: params.get('flag') ?? '',
  };
}

function toSearchParams(filters: EnterpriseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

/** 一企一档 registry: search and filters in the URL, cursor pagination with "load more", export, create. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const canRead = usePermission('registry.read');
  const canExport = usePermission('registry.export');
  const canCreate = usePermission('registry.create');
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useEnterpriseList(filters, undefined, canRead);

  if (!canRead) return <ForbiddenPage />;

  const firstPage = list.data?.pages[0];
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const totalText = firstPage
    ? firstPage.totalIsEstimate
      ? t('registry.totalEstimate', { count: firstPage.total })
      : t('registry.total', { count: firstPage.total })
    : '';

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await apiDownload(buildUrl('/api/v1/enterprises/export.xlsx', { ...filters }), 'enterprises.xlsx');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('registry.title')}</Typography.Title>
        <Space wrap>
          {canExport && (
            <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportXlsx()}>
              {exporting ? t('registry.exporting') : t('registry.export')}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('registry.newEnterprise')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        <RegistryFilters filters={filters} onChange={(next) => setParams(toSearchParams(next))} />
        {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Text type="secondary" role="status" aria-live="polite" style={{ display: 'block', marginBottom: 8 }}>
          {totalText}
        </Typography.Text>
        <EnterpriseResults items={items} loading={list.isPending && canRead} />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : (
            items.length > 0 && <Typography.Text type="secondary">{t('common.allLoaded')}</Typography.Text>
          )}
        </div>
      </Card>
      {creating && (
        <EnterpriseFormModal
          onClose={() => setCreating(false)}
          onSaved={(response) => {
            void queryClient.invalidateQueries({ queryKey: queryKeys.enterprisesAll });
            void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
            const id = createdId(response);
            if (id) void navigate(`/enterprises/${id}`);
          }}
        />
      )}
    </>
  );
}
