import { useState } from 'react';
import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Licence } from '../../../api/types.ts';
import { ExpiryTag } from '../../../components/expiry-tag.tsx';
import { HistoryButton } from '../../../components/history-drawer.tsx';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { formatDate } from '../../../lib/format.ts';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { LicenceFormModal } from '../forms/licence-form-modal.tsx';

const STATUS_COLORS: Record<string, string> = { valid: 'green', suspended: 'orange', revoked: 'red', cancelled: 'default' };

/** 许可证: SC / JY licences with expiry warnings (orange within 90 days, red when expired). */
export function LicencesTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  // The id being edited (not the object), so a refetch after a conflict hands the form the new version.
  const [editing, setEditing] = useState<string | null>(null);
  const canWrite = can('licence.write');
  const canAudit = can('audit.read');

  const columns: TableColumnsType<Licence> = [
    { title: t('licence.fields.number'), dataIndex: 'number', width: 190, fixed: 'start', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { title: t('licence.fields.kind'), dataIndex: 'kind', width: 110, render: (kind: string) => <Tag>{kind}</Tag> },
    {
      title: t('licence.fields.categories'),
      dataIndex: 'categoryNames',
      width: 220,
      render: (names: string[]) => (names.length > 0 ? names.join('、') : t('common.none')),
    },
    { title: t('licence.fields.issuingAuthority'), dataIndex: 'issuingAuthority', width: 180 },
    { title: t('licence.fields.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (value: string) => formatDate(value) },
    {
      title: t('licence.fields.validUntil'),
      dataIndex: 'validUntil',
      width: 200,
      render: (value: string, licence) => (
        <Space size={4} wrap>
          {formatDate(value)}
          <ExpiryTag expiresInDays={licence.expiresInDays} status={licence.status} />
        </Space>
      ),
    },
    {
      title: t('licence.fields.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labelOf(messages.enums.licenceStatus, status)}</Tag>,
    },
  ];
  if (canWrite || canAudit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_value, licence) => (
        <Space size={0} wrap>
          {canWrite && (
            <Button size="small" type="link" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(licence.id)} aria-label={`${t('common.edit')} ${licence.number}`}>
              {t('common.edit')}
            </Button>
          )}
          {canAudit && <HistoryButton entityType="licence" entityId={licence.id} name={licence.number} />}
        </Space>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('licence.create')}
          </Button>
        </div>
      )}
      <Table<Licence>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={dossier.licences}
        pagination={false}
        scroll={{ x: 1260 }}
        locale={{ emptyText: <Empty description={t('licence.empty')} /> }}
      />
      {editing && (
        <LicenceFormModal
          enterpriseId={dossier.enterprise.id}
          licence={dossier.licences.find((licence) => licence.id === editing)}
          onClose={() => setEditing(null)}
          onSaved={() => void refresh()}
        />
      )}
    </>
  );
}
