import { useState } from 'react';
import { Button, Descriptions, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Premises } from '../../../api/types.ts';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { PremisesGlnModal } from '../../trace-operations/premises-gln-modal.tsx';
import type { DossierTabProps } from '../dossier-tabs.tsx';

/** 基本信息: the enterprise's registration facts and its premises. */
export function BasicTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { enterprise } = dossier;
  const none = t('common.none');
  const [editingGln, setEditingGln] = useState<Premises | null>(null);

  const premisesColumns: TableColumnsType<Premises> = [
    { title: t('dossier.premisesFields.name'), dataIndex: 'name', width: 200 },
    { title: t('dossier.premisesFields.kind'), dataIndex: 'kind', width: 120, render: (kind: string) => labelOf(messages.enums.premisesKind, kind) },
    { title: t('dossier.premisesFields.address'), dataIndex: 'address', width: 300 },
    { title: t('dossier.premisesFields.jurisdiction'), dataIndex: 'jurisdictionName', width: 140 },
    // 全球位置码: how the premises is named in traceability events (EPCIS readPoint / bizLocation).
    {
      title: t('traceOps.gln.column'),
      dataIndex: 'gln',
      width: 190,
      render: (gln: string | null, premises) => (
        <>
          {gln ?? none}
          {can('registry.update') && (
            <Button type="link" size="small" onClick={() => setEditingGln(premises)} aria-label={`${t('traceOps.gln.edit')} ${premises.name}`}>
              {t('traceOps.gln.edit')}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'name', label: t('enterprise.fields.name'), children: enterprise.name },
          { key: 'uscc', label: t('enterprise.fields.uscc'), children: enterprise.uscc },
          { key: 'legal', label: t('enterprise.fields.legalRepresentative'), children: enterprise.legalRepresentative || none },
          {
            key: 'kinds',
            label: t('enterprise.fields.kinds'),
            children: enterprise.kinds.map((kind) => labelOf(messages.enums.kind, kind)).join('、') || none,
          },
          { key: 'jurisdiction', label: t('enterprise.fields.jurisdictionCode'), children: enterprise.jurisdictionName },
          { key: 'status', label: t('enterprise.fields.status'), children: labelOf(messages.enums.enterpriseStatus, enterprise.status) },
          { key: 'phone', label: t('enterprise.fields.phone'), children: enterprise.phone || none },
          { key: 'address', label: t('enterprise.fields.address'), children: enterprise.address || none, span: 'filled' },
          { key: 'created', label: t('enterprise.fields.createdAt'), children: formatDateTime(enterprise.createdAt) },
          { key: 'updated', label: t('enterprise.fields.updatedAt'), children: formatDateTime(enterprise.updatedAt) },
        ]}
      />
      {dossier.premises.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('dossier.premises')}
          </Typography.Title>
          <Table<Premises> rowKey="id" size="small" columns={premisesColumns} dataSource={dossier.premises} pagination={false} scroll={{ x: 950 }} />
        </>
      )}
      {editingGln && <PremisesGlnModal premises={editingGln} onClose={() => setEditingGln(null)} onSaved={() => void refresh()} />}
    </>
  );
}
