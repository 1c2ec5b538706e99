import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Licence } from '../../../api/types.ts';
import { ExpiryTag } from '../../../components/expiry-tag.tsx';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { formatDate } from '../../../lib/format.ts';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { RecordTable } from './record-table.tsx';
import { LicenceFormModal } from '../forms/licence-form-modal.tsx';

const STATUS_COLORS: Record<string, string> = { valid: 'green', suspended: 'orange', revoked: 'red', cancelled: 'default' };

/** 许可证: SC / JY licences with expiry warnings (orange within 90 days, red when expired). */
export function LicencesTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  // The id being edited (not the object), so a refetch after a conflict hands the form the new version.
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
  return (
    <RecordTable<Licence>
      rows={dossier.licences}
      columns={columns}
      entityType="licence"
      nameOf={(row) => row.number}
      canWrite={canWrite}
      canAudit={canAudit}
      createLabel={t('licence.create')}
      emptyLabel={t('licence.empty')}
      scrollX={1260}
      renderForm={(row, close) => <LicenceFormModal enterpriseId={dossier.enterprise.id} licence={row} onClose={close} onSaved={() => void refresh()} />}
    />
  );
}
