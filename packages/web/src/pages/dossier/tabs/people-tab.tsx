import { Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../api/types.ts';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { formatDate } from '../../../lib/format.ts';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { RecordTable } from './record-table.tsx';
import { PersonFormModal } from '../forms/person-form-modal.tsx';

/** 人员: 食品安全总监, 食品安全员, 质量受权人, current and past. */
export function PeopleTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const canWrite = can('person.write');
  const canAudit = can('audit.read');
  const today = new Date().toISOString().slice(0, 10);

  const columns: TableColumnsType<Person> = [
    { title: t('person.fields.name'), dataIndex: 'name', width: 120, fixed: 'start' },
    { title: t('person.fields.role'), dataIndex: 'role', width: 150, render: (role: string) => labelOf(messages.enums.personRole, role) },
    { title: t('person.fields.appointedOn'), dataIndex: 'appointedOn', width: 110, render: (value: string) => formatDate(value) },
    {
      title: t('person.fields.endedOn'),
      dataIndex: 'endedOn',
      width: 170,
      render: (value: string | null) =>
        value && value < today ? (
          <Space size={4}>
            {formatDate(value)}
            <Tag>{t('person.ended')}</Tag>
          </Space>
        ) : (
          <Space size={4}>
            {value ? formatDate(value) : null}
            <Tag color="green">{t('person.current')}</Tag>
          </Space>
        ),
    },
    { title: t('person.fields.phone'), dataIndex: 'phone', width: 140, render: (value: string | null) => value || t('common.none') },
  ];
  return (
    <RecordTable<Person>
      rows={dossier.people}
      columns={columns}
      entityType="person"
      nameOf={(row) => row.name}
      canWrite={canWrite}
      canAudit={canAudit}
      createLabel={t('person.create')}
      emptyLabel={t('person.empty')}
      scrollX={860}
      renderForm={(row, close) => <PersonFormModal enterpriseId={dossier.enterprise.id} person={row} onClose={close} onSaved={() => void refresh()} />}
    />
  );
}
