import { useState, type ReactNode } from 'react';
import { Button, Empty, Space, Table, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HistoryButton } from '../../../components/history-drawer.tsx';

export interface RecordTableProps<T extends { id: string }> {
  rows: readonly T[];
  columns: TableColumnsType<T>;
  /** The audit entity type of the rows (history button). */
  entityType: string;
  /** How a row is named in buttons and the history drawer. */
  nameOf: (row: T) => string;
  canWrite: boolean;
  canAudit: boolean;
  createLabel: string;
  emptyLabel: string;
  scrollX: number;
  /** The form for a new record (`row` undefined) or for editing one; `close` ends it. */
  renderForm: (row: T | undefined, close: () => void) => ReactNode;
}

/**
 * A dossier tab's list of one kind of record: a create button, the table with an edit and a history
 * action per row (as the user's abilities allow), and the create/edit form.
 */
export function RecordTable<T extends { id: string }>(props: RecordTableProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const { rows, canWrite, canAudit, nameOf } = props;
  const columns: TableColumnsType<T> = [...props.columns];
  if (canWrite || canAudit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_value, row) => (
        <Space size={0} wrap>
          {canWrite && (
            <Button size="small" type="link" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(row.id)} aria-label={`${t('common.edit')} ${nameOf(row)}`}>
              {t('common.edit')}
            </Button>
          )}
          {canAudit && <HistoryButton entityType={props.entityType} entityId={row.id} name={nameOf(row)} />}
        </Space>
      ),
    });
  }
  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {props.createLabel}
          </Button>
        </div>
      )}
      <Table<T>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: props.scrollX }}
        locale={{ emptyText: <Empty description={props.emptyLabel} /> }}
      />
      {editing &&
        props.renderForm(
          rows.find((row) => row.id === editing),
          () => setEditing(null),
        )}
    </>
  );
}
