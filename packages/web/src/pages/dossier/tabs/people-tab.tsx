import { useState } from 'react';
import { Button, Empty, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../api/types.ts';
import { HistoryButton } from '../../../components/history-drawer.tsx';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { formatDate } from '../../../lib/format.ts';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { PersonFormModal } from '../forms/person-form-modal.tsx';

/** 人员: 食品安全总监, 食品安全员, 质量受权人, current and past. */
export function PeopleTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [editing, setEditing] = useState<string | null>(null);
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
  if (canWrite || canAudit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_value, person) => (
        <Space size={0} wrap>
          {canWrite && (
            <Button size="small" type="link" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(person.id)} aria-label={`${t('common.edit')} ${person.name}`}>
              {t('common.edit')}
            </Button>
          )}
          {canAudit && <HistoryButton entityType="person" entityId={person.id} name={person.name} />}
        </Space>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('person.create')}
          </Button>
        </div>
      )}
      <Table<Person>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={dossier.people}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty description={t('person.empty')} /> }}
      />
      {editing && (
        <PersonFormModal
          enterpriseId={dossier.enterprise.id}
          person={dossier.people.find((person) => person.id === editing)}
          onClose={() => setEditing(null)}
          onSaved={() => void refresh()}
        />
      )}
    </>
  );
}
