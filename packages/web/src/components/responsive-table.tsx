import type { ReactNode } from 'react';
import { Card, Grid, Pagination, Spin, Table, type PaginationProps, type TableColumnsType } from 'antd';

interface ResponsiveTableProps<T> {
  rows: readonly T[];
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  /** One row as a card on a phone. */
  renderCard: (row: T) => ReactNode;
  loading: boolean;
  pagination: PaginationProps;
  empty: ReactNode;
  /** The table's scroll width on wide screens. */
  scrollX: number;
}

/** A paged list that is a table on wide screens and a list of cards on a phone (no sideways scrolling). */
export function ResponsiveTable<T extends object>({ rows, rowKey, columns, renderCard, loading, pagination, empty, scrollX }: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  if (screens.md !== false) {
    return (
      <Table<T>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={[...rows]}
        loading={loading}
        pagination={pagination}
        scroll={{ x: scrollX }}
        locale={{ emptyText: empty }}
      />
    );
  }
  if (rows.length === 0) return loading ? <Spin style={{ display: 'block', margin: '24px auto' }} /> : <>{empty}</>;
  return (
    <>
      <ul className="shian-card-list">
        {rows.map((row) => (
          <li key={String(row[rowKey])}>
            <Card size="small">{renderCard(row)}</Card>
          </li>
        ))}
      </ul>
      <Pagination {...pagination} simple align="center" style={{ marginTop: 12 }} />
    </>
  );
}
